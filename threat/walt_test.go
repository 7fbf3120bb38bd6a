package threat

import (
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/world"
)

// waltWorld: 200 (weak) and 220 (strong) are both land neighbours of 365,
// and 2 is far from everyone. 365 fought a war against 200 and against 220
// in 1999.
func waltWorld() *world.World {
	w := newWorld(2000, []world.State{
		st(2, 0.30, 300, 30),
		st(200, 0.01, 5, 2),
		st(220, 0.20, 100, 20),
		st(365, 0.10, 60, 15),
	}, rel(200, 365, 1, 900), rel(220, 365, 1, 900), rel(200, 220, 0, 1500),
		rel(2, 200, 0, 6000), rel(2, 220, 0, 6000), rel(2, 365, 0, 6500))
	w.Disputes = []world.Dispute{
		dispute(1, 365, true, 1999, 1999, 5), dispute(1, 200, false, 1999, 1999, 5),
		dispute(2, 365, true, 1999, 1999, 5), dispute(2, 220, false, 1999, 1999, 5),
	}
	return w
}

func defencePact(id string, start, end world.Date, ob world.Obligation, members ...int) world.Alliance {
	a := world.Alliance{ID: id, Obligations: world.Obligations(ob)}
	for _, c := range members {
		a.Members = append(a.Members, world.Member{CCode: c, Spell: world.Spell{Start: start, End: end}, Obligations: world.Obligations(ob)})
	}
	return a
}

func compute(t *testing.T, w *world.World) *Matrix {
	t.Helper()
	m, err := Compute(w, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestWaltDyadic: the same state and the same hostility threaten a weak
// target more than a strong one (j's capability that reaches i relative to
// i's own), and a far state's capability reaches less of it.
func TestWaltDyadic(t *testing.T) {
	m := compute(t, waltWorld())
	weak, _ := m.At(365, 200)
	strong, _ := m.At(365, 220)
	if !(weak.DyadicPower > strong.DyadicPower) || !(weak.DyadicOffense > strong.DyadicOffense) {
		t.Errorf("365's reach against weak 200 (%v, %v) should exceed that against strong 220 (%v, %v)",
			weak.DyadicPower, weak.DyadicOffense, strong.DyadicPower, strong.DyadicOffense)
	}
	o := DefaultOptions()
	if a, b := o.Reach(0.1, 0, 2000), o.Reach(0.1, 3000, 2000); !(a > b) {
		t.Errorf("reach at home %v, at 3000 miles %v: the gradient must discount distance", a, b)
	}
	if r := Relative(o.Reach(0.1, 0, 2000), o.Reach(0.1, 0, 2000)); r != 0.5 {
		t.Errorf("equals at home: R = %v, want 0.5", r)
	}
	if !math.IsNaN(Relative(math.NaN(), 1)) {
		t.Errorf("a missing capability gives a missing R")
	}
}

// TestWaltIntentGates: without hostility a strong, near state is a potential
// threat, not an actual one; both are reported.
func TestWaltIntentGates(t *testing.T) {
	w := waltWorld()
	w.Disputes = nil
	m := compute(t, w)
	th, _ := m.At(365, 200)
	if th.Intent != 0 || !(th.Potential > 0) {
		t.Fatalf("365→200 without disputes: intent %v potential %v, want 0 and > 0", th.Intent, th.Potential)
	}
	if top, ok := m.Top(200); ok {
		t.Errorf("200 faces no hostility but has top threat %+v", top)
	}
	hostile := compute(t, waltWorld())
	h, _ := hostile.At(365, 200)
	if !(h.Total > 10*th.Total) {
		t.Errorf("hostility should turn the potential threat into an actual one: %v with, %v without", h.Total, th.Total)
	}
	if top, ok := hostile.Top(200); !ok || top.From != 365 {
		t.Errorf("top threat to 200 = %+v, want the hostile neighbour 365 over the stronger, distant 2", top)
	}
}

// TestWaltAllies: a defence ally on the reference date is no actual threat
// unless a dispute between them went on within AllyDisputeYears or
// hostility is coded (Greece and Turkey); a non-aggression pact is a weaker
// tie that does not close the gate; a pact that ended before the date ties
// nobody.
func TestWaltAllies(t *testing.T) {
	start := world.D(1990, 1, 1)
	tests := []struct {
		name       string
		al         world.Alliance
		disputes   bool
		hostility  bool
		wantActual bool
	}{
		{"defence ally, old dispute only", defencePact("d", start, world.Date{}, world.Defense, 200, 365), false, false, false},
		{"defence ally with a recent dispute", defencePact("d", start, world.Date{}, world.Defense, 200, 365), true, false, true},
		{"disputes only before the pact", defencePact("d", world.D(2000, 2, 14), world.Date{}, world.Defense, 200, 365), true, false, false},
		{"defence ally with coded hostility", defencePact("d", start, world.Date{}, world.Defense, 200, 365), false, true, true},
		{"non-aggression is a weaker tie", defencePact("n", start, world.Date{}, world.Nonaggression, 200, 365), true, false, true},
		{"a pact repudiated before the date", defencePact("l", start, world.D(2000, 3, 7), world.Defense, 200, 365), true, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := waltWorld()
			w.AsOf = world.D(2000, 12, 31)
			w.Alliances = []world.Alliance{tc.al}
			if !tc.disputes {
				for k := range w.Disputes {
					w.Disputes[k].Start, w.Disputes[k].End = world.D(1980, 1, 1), world.D(1980, 12, 31)
				}
			}
			if tc.hostility {
				r := world.NewRelation(world.MakeDyad(200, 365))
				r.Contiguity, r.CapDistKm = 1, 900
				r.Hostility = 0.6
				w.SetRelation(r)
			}
			m := compute(t, w)
			th, _ := m.At(365, 200)
			if actual := th.Intent > 0; actual != tc.wantActual {
				t.Errorf("365→200: intent %v (tie %v), want actual threat %v", th.Intent, th.Tie, tc.wantActual)
			}
			top, ok := m.Top(200)
			if !tc.wantActual && ok && top.From == 365 {
				t.Errorf("the ally 365 is 200's top threat")
			}
		})
	}
}

// TestWaltDirectedHostility: the intent of j toward i reads j's hostility
// toward i where a world file codes the directions apart (world.Relation.
// Toward), and the pair's hostility where it does not; swapping the
// directions swaps the intents and the threats.
func TestWaltDirectedHostility(t *testing.T) {
	intents := func(toward *[2]world.Value) (from200, from365 Threat) {
		w := waltWorld()
		w.Disputes = nil
		r := w.Relation(200, 365)
		r.Hostility, r.Toward = 0.3, toward
		w.SetRelation(r)
		m := compute(t, w)
		from200, _ = m.At(200, 365)
		from365, _ = m.At(365, 200)
		return from200, from365
	}
	a, b := intents(nil)
	if a.Intent != 0.3 || b.Intent != 0.3 {
		t.Errorf("undirected: intents 200→365 %v, 365→200 %v, want 0.3 both ways", a.Intent, b.Intent)
	}
	// Toward[0] is the lower ccode's (200) hostility toward the higher's.
	a, b = intents(&[2]world.Value{0.9, world.Missing()})
	if a.Intent != 0.9 || b.Intent != 0.3 {
		t.Errorf("200 hostile: intents 200→365 %v, 365→200 %v, want 0.9 and the pair's 0.3", a.Intent, b.Intent)
	}
	c, d := intents(&[2]world.Value{0.1, 0.9})
	if c.Intent != 0.1 || d.Intent != 0.9 {
		t.Errorf("365 hostile: intents 200→365 %v, 365→200 %v, want 0.1 and 0.9", c.Intent, d.Intent)
	}
	if !(d.Total > b.Total) || !(c.Total < a.Total) {
		t.Errorf("threats do not follow the directed intents: 365→200 %v vs %v, 200→365 %v vs %v", d.Total, b.Total, c.Total, a.Total)
	}
	// The directed hostility also keeps a defence ally's gate open one way:
	// coded hostility of 365 toward 200, none of 200 toward 365.
	w := waltWorld()
	w.Disputes = nil
	w.AsOf = world.D(2000, 12, 31)
	w.Alliances = []world.Alliance{defencePact("d", world.D(1990, 1, 1), world.Date{}, world.Defense, 200, 365)}
	r := w.Relation(200, 365)
	r.Hostility, r.Toward = 0, &[2]world.Value{world.Missing(), 0.6}
	w.SetRelation(r)
	m := compute(t, w)
	if th, _ := m.At(365, 200); th.Intent != 0.6 {
		t.Errorf("ally 365 hostile toward 200: intent %v, want 0.6", th.Intent)
	}
	if th, _ := m.At(200, 365); th.Intent != 0 {
		t.Errorf("ally 200, not hostile toward 365: intent %v, want 0 (the gate closed)", th.Intent)
	}
}

// TestWaltSumKept: --composite sum is the seed's model, unchanged.
func TestWaltSumKept(t *testing.T) {
	o := DefaultOptions()
	o.Composite = Additive
	m, err := Compute(waltWorld(), o)
	if err != nil {
		t.Fatal(err)
	}
	th, _ := m.At(365, 200)
	sum := th.Power + th.Proximity + th.Offense + th.Intent
	if !near(th.Total.Float(), sum.Float(), tol) || th.Potential.OK() {
		t.Errorf("sum: total %v, components sum %v, potential %v (want missing)", th.Total, sum, th.Potential)
	}
}

// TestPowerIndex: GDP replaces CINC in the Walt composite where the World
// has it; an unknown index is an error naming the valid ones.
func TestPowerIndex(t *testing.T) {
	w := waltWorld()
	for i := range w.States {
		w.States[i].GDP = world.Value(float64(i+1) * 1e12)
	}
	o := DefaultOptions()
	o.PowerIndex = GDP
	o.PowerExp = 1
	m, err := Compute(w, o)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := Compute(w, func() Options { p := DefaultOptions(); p.PowerExp = 1; return p }())
	a, _ := m.At(365, 200)
	b, _ := c.At(365, 200)
	if a.DyadicPower == b.DyadicPower {
		t.Errorf("the GDP index gives the same dyadic power as CINC: %v", a.DyadicPower)
	}
	if _, err := ParsePowerIndex("milex"); err == nil || !strings.Contains(err.Error(), "cinc, gdp, sdp, beckley") {
		t.Errorf("ParsePowerIndex(milex) = %v, want an error listing cinc, gdp, sdp, beckley", err)
	}
	for _, want := range []PowerIndex{CINC, GDP, SDP, Beckley} {
		if p, err := ParsePowerIndex(want.String()); err != nil || p != want {
			t.Errorf("ParsePowerIndex(%q) = %v, %v", want.String(), p, err)
		}
	}
	bad := DefaultOptions()
	bad.PowerIndex = Beckley + 1
	if err := bad.Validate(); err == nil {
		t.Error("Validate accepted power index", int(bad.PowerIndex))
	}
	if _, err := ParseComposite("walt"); err != nil {
		t.Error(err)
	}
}

// TestEmbeddedWorld is the "must show" on the embedded 2024 world:
// no state's top threat is a state it holds a defence pact with unless
// hostility between them is coded, and the United States is the top threat
// of no more states than are coded hostile to it.
func TestEmbeddedWorld(t *testing.T) {
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	m := compute(t, w)
	usTop, hostileToUS := 0, 0
	for i, s := range w.States {
		j := m.TopPos(i)
		if j < 0 {
			continue
		}
		r := w.Relation(s.CCode, w.States[j].CCode)
		coded := r.HostilityFrom(w.States[j].CCode).Float() > 0 || r.Rivalry || r.War || r.Territorial
		if m.DefenceAllyAt(i, j) && !coded {
			t.Errorf("%s's top threat is its defence ally %s, with no hostility coded", s.Name, w.States[j].Name)
		}
		if w.States[j].CCode == 2 {
			usTop++
			if !coded {
				t.Errorf("the United States is %s's top threat without coded hostility", s.Name)
			}
		}
	}
	for _, s := range w.States {
		if r := w.Relation(2, s.CCode); s.CCode != 2 && (r.HostilityFrom(2).Float() > 0 || r.Rivalry || r.War) {
			hostileToUS++
		}
	}
	if usTop > hostileToUS {
		t.Errorf("the United States is the top threat of %d states, more than the %d hostile to it", usTop, hostileToUS)
	}
	t.Logf("the United States is the top threat of %d states; %d are coded hostile to it", usTop, hostileToUS)
}
