package credibility_test

import (
	"math"
	"testing"

	"github.com/entente/entente/credibility"
	"github.com/entente/entente/reliability"
)

// TestRecordNoHindsight: the record of year y counts only the
// invocations before y, each decayed by its age; neutrality and
// not-triggered rows do not count.
func TestRecordNoHindsight(t *testing.T) {
	rows := []reliability.Row{
		{Member: 2, Year: 1950, Obligation: "defense", Verdict: reliability.Honoured},
		{Member: 2, Year: 1975, Obligation: "offense", Verdict: reliability.NotHonoured},
		{Member: 2, Year: 1980, Obligation: "defense", Verdict: reliability.NotTriggered},
		{Member: 2, Year: 1985, Obligation: "neutrality", Verdict: reliability.NotHonoured},
		{Member: 2, Year: 2000, Obligation: "defense", Verdict: reliability.NotHonoured},
	}
	r := credibility.NewRecord(rows)
	for _, c := range []struct {
		year       int
		n, honored float64
	}{
		{1950, 0, 0}, // the 1950 invocation is not yet known in 1950
		{1951, math.Exp2(-1.0 / 25), math.Exp2(-1.0 / 25)},
		{1975, 0.5, 0.5},         // one half-life later
		{2000, 0.25 + 0.5, 0.25}, // 2000's own invocation not counted
		{2001, math.Exp2(-51.0/25) + math.Exp2(-26.0/25) + math.Exp2(-1.0/25), math.Exp2(-51.0 / 25)},
	} {
		n, k := r.Weight(2, c.year, 25)
		if math.Abs(n-c.n) > 1e-12 || math.Abs(k-c.honored) > 1e-12 {
			t.Errorf("%d: weight %.4f honoured %.4f, want %.4f %.4f", c.year, n, k, c.n, c.honored)
		}
	}
	if n, _ := r.Weight(220, 2020, 25); n != 0 {
		t.Errorf("a state without invocations: weight %v", n)
	}
}
