package align

import (
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/threat"
)

// TestAllYears predicts every state's alignment in every year 1816–2016 of
// the real data without error, and checks that every prediction that
// balances or bandwagons names a top threat and its four conditions.
func TestAllYears(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("reads every year of the real data")
	}
	h, err := history.Open(testenv.DataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	first, last := h.Span()
	if first != 1816 || last != 2016 {
		t.Fatalf("span %d–%d, want 1816–2016", first, last)
	}
	counts := map[Choice]int{}
	fired := map[string]int{}
	for y := first; y <= last; y++ {
		w, err := h.World(y)
		if err != nil {
			t.Fatal(err)
		}
		m, err := threat.Compute(w, sumOptions())
		if err != nil {
			t.Fatal(err)
		}
		ps, err := Predict(w, m, DefaultOptions())
		if err != nil {
			t.Fatalf("%d: %v", y, err)
		}
		for i, p := range ps {
			counts[p.Choice]++
			for _, c := range p.Fired() {
				fired[c]++
			}
			if p.Choice == StayOut {
				continue
			}
			if p.TopThreat == nil || len(p.Conditions) != 4 {
				t.Fatalf("%d: state %d: %s without a top threat or conditions", y, p.State, p.Choice)
			}
			for _, c := range p.Conditions {
				if c.Fired && !c.Value.OK() {
					t.Fatalf("%d: state %d: %s fired on a missing value", y, p.State, c.Name)
				}
				if c.Name == CondBenefit && m.AlliedAt(i, m.Pos(p.TopThreat.From)) && c.Value.OK() {
					t.Fatalf("%d: state %d: benefit over cost measured (%v) for an ally of its top threat %d", y, p.State, c.Value, p.TopThreat.From)
				}
			}
		}
	}
	t.Logf("state-years: %d balance, %d bandwagon, %d none; conditions fired: %v", counts[Balance], counts[Bandwagon], counts[StayOut], fired)
	// The figures docs/threat.md ("Over history") reports.
	if counts[Balance] != 6809 || counts[Bandwagon] != 9142 || counts[StayOut] != 0 ||
		fired[CondWeak] != 5888 || fired[CondBenefit] != 4196 || fired[CondOverwhelming] != 1231 || fired[CondNoAllies] != 29 {
		t.Errorf("counts differ from docs/threat.md (6,809 balance, 9,142 bandwagon; weakness 5,888, benefit 4,196, overwhelming 1,231, no allies 29): update the doc if the model changed")
	}
}
