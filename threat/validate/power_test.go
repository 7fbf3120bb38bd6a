package validate

import (
	"fmt"
	"testing"

	"github.com/entente/entente/align"
	"github.com/entente/entente/logit"
	"github.com/entente/entente/threat"
)

// TestPowerWeight documents why the default gives power no weight
// (docs/threat.md, "Why power gets no weight"). On the training years
// 1816–1945 the pooled AUC (the published criterion) selects α = δ = 0;
// the AUC within each state-year (how well a score ranks the states one
// state faces) selects α > 0, a model that passes more top threats of the
// face-validity cases but loses out of sample. The test logs both points'
// training, test and face-validity figures and checks the two selections.
func TestPowerWeight(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every year of the real data")
	}
	ws := testWorlds(t)
	cases := fixtureCases(t)
	base := threat.DefaultOptions()
	rows, err := dyads(ws.History, DefaultSplit, base)
	if err != nil {
		t.Fatal(err)
	}
	var train []row
	for _, r := range rows {
		if !r.test {
			train = append(train, r)
		}
	}
	ys := [][]bool{outcome(train, BehaviourDispute), outcome(train, BehaviourBalancing)}
	type point struct{ d, a, b, c float64 }
	var pooled, grouped point
	bestP, bestG := -1.0, -1.0
	g := DefaultGrid
	for _, d := range g.AggregateExp {
		for _, a := range g.PowerExp {
			for _, b := range g.ProximityExp {
				for _, c := range g.IntentPower {
					s := waltScores(train, d, a, b, c, base.IntentFloor)
					p := (logit.AUC(s, ys[0]) + logit.AUC(s, ys[1])) / 2
					q := (GroupedAUC(train, s, ys[0]) + GroupedAUC(train, s, ys[1])) / 2
					if p > bestP+1e-9 {
						bestP, pooled = p, point{d, a, b, c}
					}
					if q > bestG+1e-9 {
						bestG, grouped = q, point{d, a, b, c}
					}
				}
			}
		}
	}
	if pooled.a != 0 || pooled.d != 0 {
		t.Errorf("pooled criterion selects %+v; want no weight on power", pooled)
	}
	if grouped.a == 0 && grouped.d == 0 {
		t.Errorf("grouped criterion selects %+v; want some weight on power", grouped)
	}
	for _, pt := range []struct {
		name string
		p    point
	}{{"pooled (default)", pooled}, {"grouped", grouped}} {
		o := base
		o.AggregateExp, o.PowerExp, o.ProximityExp, o.IntentPower = pt.p.d, pt.p.a, pt.p.b, pt.p.c
		fr, err := Face(cases, ws, o, align.DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		fails := ""
		for _, r := range fr.Rows {
			if !r.TopPass {
				fails += fmt.Sprintf(" %s/%d/%d→%d", r.World, r.Year, r.State, r.TopThreat)
			}
		}
		t.Logf("%s: δ %v α %v β %v γ %v; face top threats %d/%d, choices %d/%d, partners %d/%d; failing%s",
			pt.name, pt.p.d, pt.p.a, pt.p.b, pt.p.c, fr.TopPass, fr.Top, fr.ChoicePass, fr.Choices, fr.PartPass, fr.Partners, fails)
		res, err := OutOfSample(ws.History, DefaultSplit, o, DefaultGrid)
		if err != nil {
			t.Fatal(err)
		}
		for k, m := range res.Test {
			if m.Model == ModelDefault || (pt.name == "grouped" && m.Model == ModelSum) {
				tr := res.Train[k]
				t.Logf("  %-9s %-16s train AUC %.4f grouped %.4f; test AUC %.4f grouped %.4f log-loss %.5f",
					m.Behaviour, m.Model, tr.AUC, tr.GroupedAUC, m.AUC, m.GroupedAUC, m.LogLoss)
			}
		}
	}
}
