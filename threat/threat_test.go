package threat

import (
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/world"
)

const tol = 1e-12

func near(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b))
}

// st is a hand-made state: ccode, CINC, milex, milper (NaN for missing).
func st(cc int, cinc, milex, milper float64) world.State {
	s := world.NewState(cc, "")
	s.Capability.CINC = world.Value(cinc)
	s.Capability.Milex = world.Value(milex)
	s.Capability.Milper = world.Value(milper)
	return s
}

// newWorld returns a World of year y with the given states, dispute and
// contiguity coverage, and relations.
func newWorld(y int, states []world.State, rels ...world.Relation) *world.World {
	w := &world.World{Year: y, States: states, Coverage: []world.Coverage{
		{Family: world.FamilyDisputes, Covered: true, From: 1816, To: 2014},
		{Family: world.FamilyContiguity, Covered: true, From: 1816, To: 2016},
	}}
	w.Index()
	for _, r := range rels {
		w.SetRelation(r)
	}
	return w
}

func rel(a, b, cont int, km float64) world.Relation {
	r := world.NewRelation(world.MakeDyad(a, b))
	r.Contiguity = cont
	r.CapDistKm = world.Value(km)
	return r
}

func TestEffectiveMiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cont int
		km   float64
		want float64
	}{
		{"land contiguity is near", 1, 5000, 0},
		{"land contiguity without distance", 1, nan, 0},
		{"150-mile water caps the capital distance", 4, 1000, 150},
		{"400-mile water above a short capital distance", 5, 160.9344, 100},
		{"not contiguous: capital distance", 0, 1609.344, 1000},
		{"missing contiguity: capital distance", world.ContiguityMissing, 1609.344, 1000},
		{"water contiguity without distance", 2, nan, 12},
		{"nothing known", 0, nan, nan},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := EffectiveMiles(rel(1, 2, tc.cont, tc.km))
			if !near(got, tc.want, 1e-9) {
				t.Fatalf("EffectiveMiles = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestProximity(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"bdm at home is 1", ProximityBdM(0.2, 0, 250), 1},
		// At miles/W = e the exponent is log10(10) = 1: C' = C.
		{"bdm at e days", ProximityBdM(0.2, math.E*250, 250), math.Pow(0.2, 1-math.Log10(10-math.E))},
		{"bdm strong state loses less", ProximityBdM(0.2, 4000, 250), math.Pow(0.2, math.Log10(16+10-math.E)-math.Log10(10-math.E))},
		{"bdm weak state loses more", ProximityBdM(0.002, 4000, 250), math.Pow(0.002, math.Log10(16+10-math.E)-math.Log10(10-math.E))},
		{"bdm missing cinc", ProximityBdM(nan, 100, 250), nan},
		{"bdm missing distance", ProximityBdM(0.1, nan, 250), nan},
		{"boulding half reach", ProximityBoulding(2500, 5000), 0.5},
		{"boulding beyond reach", ProximityBoulding(6000, 5000), 0},
		{"boulding missing", ProximityBoulding(nan, 5000), nan},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !near(tc.got, tc.want, tol) {
				t.Fatalf("got %v, want %v", tc.got, tc.want)
			}
		})
	}
	if ProximityBdM(0.2, 4000, 250) <= ProximityBdM(0.002, 4000, 250) {
		t.Fatalf("the gradient should discount a weak state more than a strong one")
	}
}

func TestMilesPerDay(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ y, want int }{{1816, 125}, {1918, 125}, {1919, 200}, {1945, 200}, {1946, 250}, {2024, 250}} {
		if got := MilesPerDayIn(tc.y); got != float64(tc.want) {
			t.Errorf("MilesPerDayIn(%d) = %v, want %d", tc.y, got, tc.want)
		}
	}
	o := DefaultOptions()
	o.MilesPerDay = 300
	if o.W(1850) != 300 {
		t.Errorf("a fixed MilesPerDay should apply to every year")
	}
}

func TestPowerAndOffense(t *testing.T) {
	t.Parallel()
	w := newWorld(2000, []world.State{
		st(2, 0.4, 100, 10),
		st(200, 0.2, 50, 10),
		st(365, nan, nan, nan),
		st(710, 0.1, nan, 5),
	})
	m, err := Compute(w, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		from           int
		power, offense float64
	}{
		{2, 1, 1},
		{200, 0.5, 0.75},
		{365, nan, nan},
		{710, 0.25, 0.5}, // milex missing: the mean of milper alone
	}
	for _, tc := range tests {
		to := 2
		if tc.from == 2 {
			to = 200
		}
		th, ok := m.At(tc.from, to)
		if !ok {
			t.Fatalf("At(%d, %d) not found", tc.from, to)
		}
		if !near(th.Power.Float(), tc.power, tol) || !near(th.Offense.Float(), tc.offense, tol) {
			t.Errorf("from %d: power %v offense %v, want %v %v", tc.from, th.Power, th.Offense, tc.power, tc.offense)
		}
	}
}

func TestOffenseWorldFile(t *testing.T) {
	t.Parallel()
	a, b, c := st(2, 0.4, 100, 10), st(365, 0.2, 50, 20), st(900, 0.01, 10, 2)
	a.PowerProjection, b.PowerProjection = 1, 0.5
	a.Nuclear, b.Nuclear = world.NuclearWeapons, world.NuclearWeapons
	c.Nuclear = world.NuclearUmbrella
	m, err := Compute(newWorld(2024, []world.State{a, b, c}), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]float64{
		2:   (1 + 0.5 + 1 + 1) / 4,
		365: (0.5 + 1 + 0.5 + 1) / 4,
		900: (0.1 + 0.1 + 0) / 3, // no power projection coded; an umbrella is not a weapon
	}
	for from, wv := range want {
		to := 900
		if from == 900 {
			to = 2
		}
		th, _ := m.At(from, to)
		if !near(th.Offense.Float(), wv, tol) {
			t.Errorf("offense of %d = %v, want %v", from, th.Offense, wv)
		}
	}
}

func dispute(id, cc int, sideA bool, start, end, hostlev int) world.Dispute {
	return world.Dispute{ID: id, CCode: cc, SideA: sideA, Originator: true,
		Start: world.D(start, 1, 1), End: world.D(end, 12, 31), HostLev: hostlev}
}

func TestIntent(t *testing.T) {
	t.Parallel()
	states := func() []world.State {
		return []world.State{st(2, 0.4, 100, 10), st(200, 0.2, 50, 10), st(365, 0.3, 80, 20)}
	}
	base := DefaultOptions()
	base.Composite = Additive // the seed's intent, with AllyFactor
	tests := []struct {
		name     string
		disputes []world.Dispute
		allied   bool
		coded    *world.Relation
		noCover  bool
		from, to int
		want     float64
	}{
		{"no disputes is a measured zero", nil, false, nil, false, 365, 200, 0},
		{"war initiated this year", []world.Dispute{dispute(1, 365, true, 2000, 2000, 5), dispute(1, 200, false, 2000, 2000, 5)},
			false, nil, false, 365, 200, 1 - math.Exp(-1)},
		{"the target side counts half", []world.Dispute{dispute(1, 365, true, 2000, 2000, 5), dispute(1, 200, false, 2000, 2000, 5)},
			false, nil, false, 200, 365, 1 - math.Exp(-0.5)},
		{"ten years old: one half-life", []world.Dispute{dispute(1, 365, true, 1988, 1990, 5), dispute(1, 200, false, 1988, 1990, 5)},
			false, nil, false, 365, 200, 1 - math.Exp(-0.5)},
		{"a threat is level 2 of 5", []world.Dispute{dispute(1, 365, true, 2000, 2000, 2), dispute(1, 200, false, 2000, 2000, 1)},
			false, nil, false, 365, 200, 1 - math.Exp(-0.4)},
		{"same side is no hostility", []world.Dispute{dispute(1, 365, true, 2000, 2000, 5), dispute(1, 200, true, 2000, 2000, 5)},
			false, nil, false, 365, 200, 0},
		{"future disputes are ignored", []world.Dispute{dispute(1, 365, true, 2001, 2001, 5), dispute(1, 200, false, 2001, 2001, 5)},
			false, nil, false, 365, 200, 0},
		{"two disputes add up", []world.Dispute{dispute(1, 365, true, 2000, 2000, 5), dispute(1, 200, false, 2000, 2000, 5),
			dispute(2, 365, true, 2000, 2000, 5), dispute(2, 200, false, 2000, 2000, 1)},
			false, nil, false, 365, 200, 1 - math.Exp(-2)},
		{"allies score half", []world.Dispute{dispute(1, 365, true, 2000, 2000, 5), dispute(1, 200, false, 2000, 2000, 5)},
			true, nil, false, 365, 200, (1 - math.Exp(-1)) / 2},
		{"coded rivalry is a floor", nil, false, &world.Relation{Rivalry: true, Hostility: world.Missing()}, false, 365, 200, 0.5},
		{"coded hostility without dispute coverage", nil, false, &world.Relation{Hostility: 0.8}, true, 200, 365, 0.8},
		{"directed hostility, the hostile side", nil, false, &world.Relation{Hostility: 0.3, Toward: &[2]world.Value{0.9, world.Missing()}}, true, 200, 365, 0.9},
		{"directed hostility, the other side", nil, false, &world.Relation{Hostility: 0.3, Toward: &[2]world.Value{0.9, world.Missing()}}, true, 365, 200, 0.3},
		{"nothing measured is missing", nil, false, nil, true, 365, 200, nan},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := newWorld(2000, states())
			if tc.noCover {
				w.Coverage = nil
			}
			w.Disputes = tc.disputes
			if tc.allied {
				w.Alliances = []world.Alliance{{ID: "t:1", Members: []world.Member{
					{CCode: 200, Spell: world.Spell{Start: world.D(1990, 1, 1)}},
					{CCode: 365, Spell: world.Spell{Start: world.D(1990, 1, 1)}},
				}}}
			}
			if tc.coded != nil {
				r := *tc.coded
				r.Dyad = world.MakeDyad(200, 365)
				r.Contiguity, r.CapDistKm, r.MinDistKm = world.ContiguityMissing, world.Missing(), world.Missing()
				w.SetRelation(r)
			}
			m, err := Compute(w, base)
			if err != nil {
				t.Fatal(err)
			}
			th, _ := m.At(tc.from, tc.to)
			if !near(th.Intent.Float(), tc.want, tol) {
				t.Fatalf("intent %d→%d = %v, want %v", tc.from, tc.to, th.Intent, tc.want)
			}
			a, b := m.Pos(200), m.Pos(365)
			if m.AlliedAt(a, b) != tc.allied || m.AlliedAt(b, a) != tc.allied || m.AlliedAt(a, m.Pos(2)) {
				t.Errorf("AlliedAt(200, 365) = %v, (365, 200) = %v, want %v; (200, 2) = %v, want false",
					m.AlliedAt(a, b), m.AlliedAt(b, a), tc.allied, m.AlliedAt(a, m.Pos(2)))
			}
		})
	}
}

func TestComposite(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		comp       Composite
		miss       MissingRule
		w          Weights
		p, x, o, i float64
		want       float64
	}{
		{"sum", Additive, Rescale, Weights{1, 1, 1, 1}, 1, 0.5, 0.25, 0, 1.75},
		{"weighted sum", Additive, Rescale, Weights{2, 1, 0, 1}, 1, 0.5, 0.25, 0, 2.5},
		{"sum rescales a missing component", Additive, Rescale, Weights{1, 1, 1, 1}, 1, 0.5, nan, 0, 1.5 * 4 / 3},
		{"strict sum", Additive, Strict, Weights{1, 1, 1, 1}, 1, 0.5, nan, 0, nan},
		{"zero weight ignores a missing component", Additive, Strict, Weights{1, 1, 0, 1}, 1, 0.5, nan, 0, 1.5},
		{"product", Multiplicative, Rescale, Weights{1, 1, 1, 1}, 1, 0.5, 0.5, 0.8, math.Pow(0.2, 0.25)},
		{"weighted product", Multiplicative, Rescale, Weights{2, 0, 1, 1}, 0.5, 0.1, 0.5, 0.8, math.Pow(0.25*0.5*0.8, 0.25)},
		{"product with zero intent", Multiplicative, Rescale, Weights{1, 1, 1, 1}, 1, 0.5, 0.5, 0, 0},
		{"product rescales", Multiplicative, Rescale, Weights{1, 1, 1, 1}, 1, 0.5, 0.5, nan, math.Pow(0.25, 1.0/3)},
		{"nothing present", Additive, Rescale, Weights{1, 1, 1, 1}, nan, nan, nan, nan, nan},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := DefaultOptions()
			o.Composite, o.Missing, o.Weights = tc.comp, tc.miss, tc.w
			if got := o.combine(tc.p, tc.x, tc.o, tc.i); !near(got, tc.want, tol) {
				t.Fatalf("combine = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestWaltSum is the theory's own example: a weaker but adjacent and hostile
// state is a larger threat than a stronger, distant, peaceful one.
func TestWaltSum(t *testing.T) {
	t.Parallel()
	w := newWorld(1950, []world.State{
		st(2, 0.30, 300, 30),   // strong, far
		st(200, 0.05, 10, 5),   // target
		st(255, 0.15, 100, 20), // weaker neighbour, hostile
	}, rel(2, 200, 0, 6000), rel(200, 255, 1, 900), rel(2, 255, 0, 6500))
	w.Disputes = []world.Dispute{dispute(7, 255, true, 1948, 1950, 5), dispute(7, 200, false, 1948, 1950, 4)}
	sum := DefaultOptions()
	sum.Composite = Additive
	m, err := Compute(w, sum)
	if err != nil {
		t.Fatal(err)
	}
	top, ok := m.Top(200)
	if !ok || top.From != 255 {
		t.Fatalf("top threat to 200 = %+v, want from 255", top)
	}
	faced := m.Faced(200)
	if len(faced) != 2 || faced[0].Total < faced[1].Total {
		t.Fatalf("Faced not sorted by total: %+v", faced)
	}
	for _, th := range faced {
		sum := th.Power + th.Proximity + th.Offense + th.Intent
		if !near(th.Total.Float(), sum.Float(), tol) {
			t.Errorf("total %v is not the sum of its components %v", th.Total, sum)
		}
	}
	if _, ok := m.At(200, 200); ok {
		t.Errorf("a state poses no threat to itself")
	}
	if len(m.All()) != 6 {
		t.Errorf("All has %d threats, want 6", len(m.All()))
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		mod  func(*Options)
		want string
	}{
		{"negative weight", func(o *Options) { o.Weights.Power = -1 }, "weight power"},
		{"zero weights", func(o *Options) { o.Weights = Weights{} }, "sum to 0"},
		{"half-life", func(o *Options) { o.HalfLife = 0 }, "half-life"},
		{"ally factor", func(o *Options) { o.AllyFactor = 2 }, "ally factor"},
		{"nan weight", func(o *Options) { o.Weights.Intent = nan }, "weight intent"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := DefaultOptions()
			tc.mod(&o)
			err := o.Validate()
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Validate = %v, want an error mentioning %q", err, tc.want)
			}
			if _, err := Compute(newWorld(2000, nil), o); err == nil {
				t.Fatalf("Compute accepted invalid options")
			}
		})
	}
	if err := DefaultOptions().Validate(); err != nil {
		t.Fatalf("defaults invalid: %v", err)
	}
	if _, err := Compute(nil, DefaultOptions()); err == nil {
		t.Fatalf("Compute(nil) should fail")
	}
}

// TestDisputeScoresReproducible: the dispute sums are taken in a fixed
// order, so that the same World gives the same intents bit for bit on
// every run.
func TestDisputeScoresReproducible(t *testing.T) {
	t.Parallel()
	w := newWorld(2000, []world.State{st(2, .5, 10, 10), st(20, .5, 10, 10)}, rel(2, 20, 1, 500))
	for id := 1; id <= 60; id++ {
		y := 1990 + id%11
		w.Disputes = append(w.Disputes, dispute(id, 2, id%2 == 0, y, y, 1+id%5), dispute(id, 20, id%2 == 1, y, y, 1+id%4))
	}
	pos := map[int]int{2: 0, 20: 1}
	o := DefaultOptions()
	o.HalfLife = 3.7
	first := disputeScores(w, pos, o)
	for range 50 {
		s := disputeScores(w, pos, o)
		for k := range s {
			if math.Float64bits(s[k]) != math.Float64bits(first[k]) {
				t.Fatalf("s[%d] = %v, then %v", k, first[k], s[k])
			}
		}
	}
}
