package scorecard

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/entente/entente/world"
)

func st(cc int, cinc float64, major bool) world.State {
	s := world.NewState(cc, "")
	s.Capability.CINC = world.Value(cinc)
	s.Capability.Milex = world.Value(cinc * 1000)
	s.Capability.Milper = world.Value(cinc * 100)
	s.Major = major
	return s
}

func rel(a, b, cont int, km float64) world.Relation {
	r := world.NewRelation(world.MakeDyad(a, b))
	r.Contiguity = cont
	r.CapDistKm = world.Value(km)
	return r
}

// toy returns the World of year y: 200 and 220 both border a hostile 365;
// 2 is the strongest state, far away; 200 and 220 ally in 2001 (COW), and
// 2 and 365 in 2002.
func toy(y int) (*world.World, error) {
	if y < 1999 || y > 2002 {
		return nil, fmt.Errorf("no world for %d", y)
	}
	w := &world.World{Year: y, States: []world.State{
		st(2, 0.4, true), st(200, 0.1, false), st(220, 0.1, false), st(365, 0.2, false),
	}, Coverage: []world.Coverage{
		{Family: world.FamilyDisputes, Covered: true, From: 1816, To: 2014},
		{Family: world.FamilyContiguity, Covered: true, From: 1816, To: 2016},
		{Family: world.FamilyCapabilities, Covered: y != 1999, From: 2000, To: 2016},
		{Family: world.FamilyCOWAlliances, Covered: true, From: 1816, To: 2012},
	}}
	w.Index()
	for _, r := range []world.Relation{
		rel(200, 365, 1, 1000), rel(220, 365, 1, 1000), rel(200, 220, 0, 1500),
		rel(2, 200, 0, 10000), rel(2, 220, 0, 10000), rel(2, 365, 0, 9000),
	} {
		w.SetRelation(r)
	}
	d := func(id, cc int, a bool) world.Dispute {
		return world.Dispute{ID: id, CCode: cc, SideA: a, Start: world.D(1999, 1, 1), End: world.D(1999, 12, 31), HostLev: 5}
	}
	w.Disputes = []world.Dispute{d(1, 365, true), d(1, 200, false), d(2, 365, true), d(2, 220, false)}
	sp := world.Spell{Start: world.D(2001, 3, 1)}
	w.Alliances = []world.Alliance{{ID: "cow:1", Members: []world.Member{{CCode: 200, Spell: sp}, {CCode: 220, Spell: sp}}}}
	sp2 := world.Spell{Start: world.D(2002, 3, 1)}
	w.Alliances = append(w.Alliances, world.Alliance{ID: "cow:2", Members: []world.Member{{CCode: 2, Spell: sp2}, {CCode: 365, Spell: sp2}}})
	return w, nil
}

var cowToy = Source{Name: "COW", From: 1816, To: 2012, Allied: WorldAlliances(toy, "cow:")}

func find(res *Result, era, hyp string) Row {
	for _, r := range res.Rows {
		if r.Era == era && r.Hypothesis == hyp && r.Source == cowToy.Name {
			return r
		}
	}
	return Row{}
}

func TestRunToy(t *testing.T) {
	o := DefaultOptions()
	o.Sources = []Source{cowToy}
	o.Risk = AllDyads
	o.Replicates = 200
	res, err := Run(context.Background(), toy, 2000, 2003, o)
	if err != nil {
		t.Fatal(err)
	}
	// 2000: no matrix for 1999 (no capability data); 2003: no World.
	if len(res.Skipped) != 2 {
		t.Errorf("skipped %v, want 2000 and 2003", res.Skipped)
	}
	if got := res.Years[cowToy.Name]; got != [2]int{2001, 2002} {
		t.Errorf("years scored %v, want 2001–2002", got)
	}
	// 2001: 6 dyads at risk, 1 forms (200–220); 2002: 5 at risk, 1 forms (2–365).
	bot := find(res, "all", BalanceOfThreat)
	if bot.New != 2 || bot.Control != 9 {
		t.Fatalf("balance of threat row %+v: want 2 new dyads and 9 controls", bot)
	}
	// 200 and 220 share their top threat, 365; 2 and 365 do not (each is
	// the other's).
	if bot.NewHits != 1 {
		t.Errorf("balance-of-threat hits among new dyads = %d, want 1", bot.NewHits)
	}
	band := find(res, "all", Bandwagoning)
	if band.NewHits != 1 {
		t.Errorf("bandwagoning hits among new dyads = %d, want 1 (2–365)", band.NewHits)
	}
	for _, r := range res.Rows {
		if r.Era != "all" && r.Era != "post-1991" {
			if r.New != 0 || r.Control != 0 {
				t.Errorf("era %s has dyads: %+v", r.Era, r)
			}
			continue
		}
		want := float64(r.NewRate / r.ControlRate)
		if ratio := float64(r.Ratio); !math.IsNaN(ratio) && math.Abs(ratio-want) > 1e-12 {
			t.Errorf("%s ratio %v, want %v", r.Hypothesis, r.Ratio, want)
		}
		if r.Lo > r.Hi {
			t.Errorf("%s interval [%v, %v] is reversed", r.Hypothesis, r.Lo, r.Hi)
		}
	}
	// Every state faces a threat under the additive composite, so the four
	// states that formed alliances (200, 220 in 2001; 2, 365 in 2002) are
	// all scored.
	if len(res.Choices) != len(choiceKeys)*len(Eras) {
		t.Fatalf("%d choice rows, want %d", len(res.Choices), len(choiceKeys)*len(Eras))
	}
	formed, years := 0, 0
	for _, c := range res.Choices {
		if c.Era != "all" || c.Predicted != "balance" && c.Predicted != "bandwagon" {
			continue
		}
		formed += c.Formed
		years += c.StateYears
		if c.WithThreat > c.Formed {
			t.Errorf("%+v: more alliances with the threat than alliances", c)
		}
	}
	if formed != 4 || years != 8 {
		t.Errorf("choices: %d formed in %d state-years, want 4 in 8", formed, years)
	}
	again, _ := Run(context.Background(), toy, 2000, 2003, o)
	if !reflect.DeepEqual(fmt.Sprint(res.Rows), fmt.Sprint(again.Rows)) {
		t.Errorf("the same seed gave a different scorecard")
	}
	// The relevant risk set drops 200–220 (not contiguous, no major power).
	o.Risk = Relevant
	rel, err := Run(context.Background(), toy, 2000, 2003, o)
	if err != nil {
		t.Fatal(err)
	}
	if r := find(rel, "all", BalanceOfThreat); r.New != 1 || r.Control != 9 {
		t.Errorf("relevant risk set: %+v, want 1 new dyad and 9 controls", r)
	}
}

func TestRunErrors(t *testing.T) {
	o := DefaultOptions()
	o.Sources = []Source{cowToy}
	o.Risk = "some"
	if _, err := Run(context.Background(), toy, 2000, 2002, o); err == nil {
		t.Errorf("unknown risk set accepted")
	}
	o = DefaultOptions()
	if _, err := Run(context.Background(), toy, 2000, 2002, o); err == nil {
		t.Errorf("no sources accepted")
	}
	o.Sources = []Source{cowToy}
	if _, err := Run(context.Background(), toy, 2002, 2000, o); err == nil {
		t.Errorf("empty year range accepted")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, toy, 2000, 2002, o); err == nil {
		t.Errorf("cancelled context ignored")
	}
}

func TestHelpers(t *testing.T) {
	tests := []struct {
		name      string
		got, want float64
	}{
		{"ratio", ratio(1, 2, 1, 4), 2},
		{"ratio zero control", ratio(1, 2, 0, 4), math.Inf(1)},
		{"ratio both zero", ratio(0, 2, 0, 4), math.NaN()},
		{"ratio empty", ratio(0, 0, 1, 4), math.NaN()},
		{"median", percentile([]float64{3, 1, 2, math.NaN()}, 0.5), 2},
		{"2.5%", percentile([]float64{1, 2, 3, 4}, 0.025), 1},
		{"97.5%", percentile([]float64{1, 2, 3, math.Inf(1)}, 0.975), math.Inf(1)},
	}
	for _, tc := range tests {
		if math.IsNaN(tc.want) != math.IsNaN(tc.got) || !math.IsNaN(tc.want) && tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}
