package dilemma

import (
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/world"
)

// tiny is a hand-made world: a strong patron (1) allied by a defence pact
// with a weak neighbour (2) of a hostile power (3); the patron alone is
// hostile to a fourth state (4), far from both.
func tiny(t *testing.T) *world.World {
	t.Helper()
	w := &world.World{Year: 2000, AsOf: world.D(2000, 12, 31)}
	add := func(c int, name string, cinc, milex, milper, lat, lon float64) {
		s := world.NewState(c, name)
		s.Capability.CINC = world.Known(cinc)
		s.Capability.Milex, s.Capability.Milper = world.Known(milex), world.Known(milper)
		s.Capital = world.Capital{Name: name, Lat: world.Known(lat), Lon: world.Known(lon)}
		w.States = append(w.States, s)
	}
	add(1, "Patron", 0.30, 300, 1000, 40, -100)
	add(2, "Client", 0.01, 5, 50, 50, 20)
	add(3, "Menace", 0.15, 100, 800, 55, 30)
	add(4, "Rival", 0.10, 80, 500, 10, 120)
	w.Index()
	w.Relations = map[world.Dyad]*world.Relation{}
	rel := func(a, b int, contig int, hostility float64) {
		r := world.Relation{Dyad: world.MakeDyad(a, b), Contiguity: contig, CapDistKm: world.Missing(), MinDistKm: world.Missing(),
			Hostility: world.Known(hostility), ImportsAB: world.Missing(), ImportsBA: world.Missing(), SharedIGOs: world.Missing()}
		w.SetRelation(r)
	}
	rel(2, 3, 1, 0.8)
	rel(1, 4, 0, 0.9)
	rel(1, 2, 0, 0)
	w.Alliances = []world.Alliance{{ID: "world:pact", Name: "Pact", Formal: true, Obligations: world.Obligations(world.Defense),
		Spell: world.Spell{Start: world.D(1990, 1, 1)},
		Members: []world.Member{
			{CCode: 1, Spell: world.Spell{Start: world.D(1990, 1, 1)}, Obligations: world.Obligations(world.Defense)},
			{CCode: 2, Spell: world.Spell{Start: world.D(1990, 1, 1)}, Obligations: world.Obligations(world.Defense)},
		}}}
	return w
}

// TestTiny: the client, menaced and weak, depends on the patron and fears
// abandonment far more than the patron; the patron's quarrel with the
// rival is the client's entrapment, the client's with the menace the
// patron's; loosening to neutrality raises the fear and lowers the risk.
func TestTiny(t *testing.T) {
	w := tiny(t)
	in := DefaultInputs()
	in.Credibility = func(*world.World) (Kappa, error) {
		return func(string, int, int, world.Obligations) world.Value { return 0.5 }, nil
	}
	ms, err := Assess(w, in)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2 {
		t.Fatalf("%d members, want 2", len(ms))
	}
	p, c := ms[0], ms[1]
	if p.State != 1 || c.State != 2 || p.Patron != 2 || c.Patron != 1 {
		t.Fatalf("members %d (patron %d), %d (patron %d)", p.State, p.Patron, c.State, c.Patron)
	}
	if c.ThreatFrom != 3 || !(c.Threat > 0.3) {
		t.Errorf("client's threat %v from %d, want > 0.3 from the menace", c.Threat, c.ThreatFrom)
	}
	if want := 0.30 / 0.31; math.Abs(c.PartnerShare.Float()-want) > 1e-9 || c.Alternatives != 0 {
		t.Errorf("client's partner share %v (want %.4f), alternatives %v (want 0)", c.PartnerShare, want, c.Alternatives)
	}
	if want := c.Threat.Float() * c.PartnerShare.Float(); math.Abs(c.Dependence.Float()-want) > 1e-12 {
		t.Errorf("dependence %v, want T·S = %v", c.Dependence, want)
	}
	if c.Tightness.Total != 1 || c.Tightness.Provisions.OK() {
		t.Errorf("tightness %+v, want 1 from the defence pledge alone", c.Tightness)
	}
	if want := c.Dependence.Float() * (1 - 0.5); math.Abs(c.Abandonment.Float()-want) > 1e-12 {
		t.Errorf("abandonment %v, want Dep·(1 − κτ) = %v", c.Abandonment, want)
	}
	if !(c.Abandonment > 10*p.Abandonment) {
		t.Errorf("client abandonment %v, patron %v: want the client's far larger", c.Abandonment, p.Abandonment)
	}
	if len(c.Conflicts) != 1 || c.Conflicts[0].Partner != 1 || c.Conflicts[0].Adversary != 4 {
		t.Errorf("client's unshared conflicts %+v, want the patron against the rival", c.Conflicts)
	}
	if len(p.Conflicts) != 1 || p.Conflicts[0].Adversary != 3 {
		t.Errorf("patron's unshared conflicts %+v, want the client against the menace", p.Conflicts)
	}
	if c.NotShared != 1 || !(c.Entrapment > 0) {
		t.Errorf("client: not shared %v, entrapment %v", c.NotShared, c.Entrapment)
	}
	loose := c.WhatIf(-1)
	if loose.Tightness.Obligation != "neutrality" || math.Abs(loose.Tightness.Total-2.0/3) > 1e-12 ||
		!(loose.Abandonment > c.Abandonment) || !(loose.Entrapment < c.Entrapment) {
		t.Errorf("loosened: %+v", loose)
	}
	if _, err := Select(ms, "world:nato", 0); err == nil || !strings.Contains(err.Error(), "valid: world:pact") {
		t.Errorf("unknown alliance: %v", err)
	}
	if _, err := Select(ms, "world:pact", 3); err == nil || !strings.Contains(err.Error(), "valid: 1, 2") {
		t.Errorf("non-member: %v", err)
	}
}

// TestTightenLadder walks the ladder: none → non-aggression → neutrality →
// defence → provisions, and back down.
func TestTightenLadder(t *testing.T) {
	c := Commitment{Provision: NoProvision()}
	c.Provision.Conditional, c.Provision.MilitaryContact, c.Provision.IntegratedCmd = 1, 0, 0
	var names []string
	var taus []float64
	for i := 0; i < 5; i++ {
		tt := TightnessOf(c)
		names = append(names, tt.Obligation)
		taus = append(taus, tt.Total)
		c = Tighten(c)
	}
	if got := strings.Join(names, ","); got != "none,nonaggression,neutrality,defense,defense" {
		t.Errorf("ladder %s", got)
	}
	for i := 1; i < len(taus); i++ {
		if !(taus[i] > taus[i-1]) {
			t.Errorf("tightness %v: want strictly rising", taus)
		}
	}
	if c.Provision.IntegratedCmd != 1 || c.Provision.MilitaryContact != 2 || c.Provision.Conditional != 0 {
		t.Errorf("provisions after tightening at the top: %+v", c.Provision)
	}
	for i := 0; i < 4; i++ {
		c = Loosen(c)
	}
	if r, _ := rung(c.Obligations); r != 0 || c.Provision.Conditional != 1 {
		t.Errorf("after four loosenings: %v, %+v", c.Obligations, c.Provision)
	}
}
