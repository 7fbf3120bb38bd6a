package align

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

const tol = 1e-12

func st(cc int, cinc, milex, milper, irst float64) world.State {
	s := world.NewState(cc, "")
	s.Capability.CINC = world.Value(cinc)
	s.Capability.Milex = world.Value(milex)
	s.Capability.Milper = world.Value(milper)
	s.Capability.Irst = world.Value(irst)
	return s
}

func rel(a, b, cont int, km float64) world.Relation {
	r := world.NewRelation(world.MakeDyad(a, b))
	r.Contiguity = cont
	r.CapDistKm = world.Value(km)
	return r
}

func dispute(id, cc int, sideA bool, y, hostlev int) world.Dispute {
	return world.Dispute{ID: id, CCode: cc, SideA: sideA, Start: world.D(y, 1, 1), End: world.D(y, 12, 31), HostLev: hostlev}
}

func alliance(id string, from, to int, members ...int) world.Alliance {
	a := world.Alliance{ID: id}
	for _, m := range members {
		sp := world.Spell{Start: world.D(from, 1, 1)}
		if to > 0 {
			sp.End = world.D(to, 12, 31)
		}
		a.Members = append(a.Members, world.Member{CCode: m, Spell: sp})
	}
	return a
}

// base is a four-state world in 2000: 200 is the state whose choice we
// watch; 365 is its hostile neighbour; 2 is the strongest state, far away;
// 220 is another neighbour of 365 that 365 also threatens.
func base() *world.World {
	w := &world.World{Year: 2000, States: []world.State{
		st(2, 0.4, 100, 10, 100),
		st(200, 0.1, 30, 5, 30),
		st(220, 0.1, 30, 5, 30),
		st(365, 0.2, 50, 5, 50),
	}, Coverage: []world.Coverage{
		{Family: world.FamilyDisputes, Covered: true, From: 1816, To: 2014},
		{Family: world.FamilyContiguity, Covered: true, From: 1816, To: 2016},
	}}
	w.Index()
	for _, r := range []world.Relation{
		rel(200, 365, 1, 1000), rel(220, 365, 1, 1000), rel(200, 220, 0, 1500),
		rel(2, 200, 0, 10000), rel(2, 220, 0, 10000), rel(2, 365, 0, 9000),
	} {
		w.SetRelation(r)
	}
	w.Disputes = []world.Dispute{
		dispute(1, 365, true, 2000, 5), dispute(1, 200, false, 2000, 4),
		dispute(2, 365, true, 1999, 4), dispute(2, 220, false, 1999, 3),
	}
	return w
}

func predict(t *testing.T, w *world.World, to threat.Options, o Options) map[int]Prediction {
	t.Helper()
	m, err := threat.Compute(w, to)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := Predict(w, m, o)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]Prediction{}
	for _, p := range ps {
		out[p.State] = p
	}
	return out
}

func condition(p Prediction, name string) Condition {
	for _, c := range p.Conditions {
		if c.Name == name {
			return c
		}
	}
	return Condition{Name: "absent", Value: world.Missing()}
}

func TestBalance(t *testing.T) {
	t.Parallel()
	p := predict(t, base(), sumOptions(), DefaultOptions())[200]
	if p.TopThreat == nil || p.TopThreat.From != 365 {
		t.Fatalf("top threat = %+v, want 365", p.TopThreat)
	}
	if p.Choice != Balance || len(p.Fired()) != 0 {
		t.Fatalf("choice %s with %v fired, want balance with none; conditions %+v", p.Choice, p.Fired(), p.Conditions)
	}
	if len(p.Conditions) != 4 {
		t.Fatalf("%d conditions, want 4", len(p.Conditions))
	}
	if c := condition(p, CondWeak); math.Abs(c.Value.Float()-0.5) > tol {
		t.Errorf("weakness value = %v, want CINC 0.1/0.2 = 0.5", c.Value)
	}
	if c := condition(p, CondNoAllies); c.Value != 2 {
		t.Errorf("available partners = %v, want 2 (states 2 and 220)", c.Value)
	}
	if len(p.Partners) != 2 || p.Partners[0].CCode != 2 {
		t.Fatalf("partners = %+v, want 2 first (largest capability and economy)", p.Partners)
	}
	if got := p.Partners[0].Capability.Float(); math.Abs(got-0.5) > tol {
		t.Errorf("aggregation with 2 = %v, want min(1, .5/.2) − .1/.2 = 0.5", got)
	}
}

func TestBandwagonConditions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		mod    func(w *world.World)
		cond   string
		value  float64 // NaN: do not check
		choice Choice
	}{
		{"very weak", func(w *world.World) {
			w.States[1].Capability.CINC = 0.001
		}, CondWeak, 0.001 / 0.2, Bandwagon},
		{"overwhelming threat", func(w *world.World) {
			w.States[3].Capability = w.States[0].Capability // 365 as strong as 2
			w.Disputes = append(w.Disputes, dispute(3, 365, true, 2000, 5), dispute(3, 200, false, 2000, 5))
		}, CondOverwhelming, math.NaN(), Bandwagon},
		{"no allies available", func(w *world.World) {
			w.Alliances = []world.Alliance{alliance("t:1", 1990, 0, 2, 220, 365)}
		}, CondNoAllies, 0, Bandwagon},
		{"benefit over cost", func(w *world.World) {
			w.States[1].Regime, w.States[3].Regime = "democracy", "democracy"
			w.States[0].Regime, w.States[2].Regime = "autocracy", "autocracy"
			w.States[3].Capability.Irst = 1000 // 365 the largest economy
			w.Alliances = []world.Alliance{alliance("t:2", 1950, 1990, 200, 365)}
		}, CondBenefit, math.NaN(), Bandwagon},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := base()
			tc.mod(w)
			w.Index()
			p := predict(t, w, sumOptions(), DefaultOptions())[200]
			c := condition(p, tc.cond)
			if !c.Fired {
				t.Fatalf("%s did not fire: %+v (all %+v)", tc.cond, c, p.Conditions)
			}
			if !math.IsNaN(tc.value) && math.Abs(c.Value.Float()-tc.value) > tol {
				t.Errorf("%s value = %v, want %v", tc.cond, c.Value, tc.value)
			}
			if p.Choice != tc.choice {
				t.Errorf("choice = %s, want %s", p.Choice, tc.choice)
			}
		})
	}
}

// TestAlliedWithThreat: with no disputes the strongest state 2 is 200's top
// threat; when 200 is allied with it, the benefit condition is not measured
// (an ally cannot newly join its threat).
func TestAlliedWithThreat(t *testing.T) {
	t.Parallel()
	w := base()
	w.Disputes = nil
	w.Alliances = []world.Alliance{alliance("t:3", 1950, 0, 2, 200)}
	w.Index()
	p := predict(t, w, sumOptions(), DefaultOptions())[200]
	if p.TopThreat == nil || p.TopThreat.From != 2 {
		t.Fatalf("top threat = %+v, want 2", p.TopThreat)
	}
	if c := condition(p, CondBenefit); c.Fired || c.Value.OK() {
		t.Errorf("benefit over cost = %+v, want missing and not fired for an ally of the threat", c)
	}
}

func TestWeakness(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		ci, cj, x, want float64
	}{
		{0.001, 0.2, 1, 0.005},
		{0.001, 0.2, 0.25, 0.02},    // a distant threat: a quarter of its capability reaches i
		{0.001, 0.2, 0, math.NaN()}, // none of the threat's capability reaches i
		{0.001, 0, 1, math.NaN()},
		{math.NaN(), 0.2, 1, math.NaN()},
		{0.001, 0.2, math.NaN(), math.NaN()},
	} {
		got := weakness(tc.ci, tc.cj, tc.x)
		if math.IsNaN(tc.want) != math.IsNaN(got) || !math.IsNaN(got) && math.Abs(got-tc.want) > tol {
			t.Errorf("weakness(%v, %v, %v) = %v, want %v", tc.ci, tc.cj, tc.x, got, tc.want)
		}
	}
}

func TestStayOut(t *testing.T) {
	t.Parallel()
	w := base()
	w.Disputes = nil
	to := sumOptions()
	to.Composite = threat.Multiplicative // no intent: no threat
	p := predict(t, w, to, DefaultOptions())[200]
	if p.Choice != StayOut || len(p.Conditions) != 0 || len(p.Partners) != 0 {
		t.Fatalf("prediction %+v, want none with no conditions or partners", p)
	}
	if p.TopThreat != nil {
		t.Fatalf("top threat %+v, want none: zero totals are no threat", p.TopThreat)
	}
	// A lone state faces nobody.
	lone := &world.World{Year: 2000, States: []world.State{st(2, 1, 1, 1, 1)}}
	lone.Index()
	if p := predict(t, lone, sumOptions(), DefaultOptions())[2]; p.Choice != StayOut || p.TopThreat != nil {
		t.Fatalf("lone state: %+v", p)
	}
}

func TestJSON(t *testing.T) {
	t.Parallel()
	w := base()
	w.States[1].Capability.CINC = world.Missing()
	p := predict(t, w, sumOptions(), DefaultOptions())[200]
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`"state":200`, `"top_threat":{"from":365`, `"choice":"`, `"conditions":[`, `"partners":[`, `"name":"weakness","value":null`} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON %s lacks %s", s, want)
		}
	}
	if c := condition(p, CondWeak); c.Fired {
		t.Errorf("a missing weakness value fired")
	}
}

func TestHelpers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		got, want float64
	}{
		{"same regime", RegimeSimilarity("democracy", "democracy"), 1},
		{"hybrid", RegimeSimilarity("hybrid", "autocracy"), 0.5},
		{"different", RegimeSimilarity("democracy", "autocracy"), 0},
		{"uncoded", RegimeSimilarity("", "autocracy"), math.NaN()},
		{"aggregation capped", Aggregation(0.1, 0.5, 0.2), 0.5},
		{"aggregation below", Aggregation(0.05, 0.05, 0.2), 0.25},
		{"aggregation missing", Aggregation(math.NaN(), 0.05, 0.2), math.NaN()},
	}
	for _, tc := range tests {
		if math.IsNaN(tc.want) != math.IsNaN(tc.got) || (!math.IsNaN(tc.want) && math.Abs(tc.got-tc.want) > tol) {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		mod  func(*Options)
	}{
		{"weak above 1", func(o *Options) { o.Weak = 2 }},
		{"zero weights", func(o *Options) { o.Weights = PartnerWeights{} }},
		{"rank", func(o *Options) { o.CommonThreatRank = 0 }},
		{"nan", func(o *Options) { o.MinThreat = math.NaN() }},
	}
	w := base()
	m, _ := threat.Compute(w, sumOptions())
	for _, tc := range tests {
		o := DefaultOptions()
		tc.mod(&o)
		if _, err := Predict(w, m, o); err == nil {
			t.Errorf("%s: Predict accepted invalid options", tc.name)
		}
	}
	if _, err := Predict(nil, m, DefaultOptions()); err == nil {
		t.Errorf("Predict(nil world) should fail")
	}
	other := base()
	other.States = other.States[:2]
	if _, err := Predict(other, m, DefaultOptions()); err == nil {
		t.Errorf("Predict with a foreign matrix should fail")
	}
}

// sumOptions are the threat options of the seed's model, which the tests
// above exercise: the additive composite.
func sumOptions() threat.Options {
	o := threat.DefaultOptions()
	o.Composite = threat.Additive
	return o
}
