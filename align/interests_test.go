package align

import (
	"math"
	"testing"

	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// TestInterests: trade shares relative to the state's largest, shared
// IGOs relative to its most, and the κ of alliance portfolios, averaged
// over the parts measured; missing when none is.
func TestInterests(t *testing.T) {
	w := base()
	ties := func(a, b int) bool { return false }
	if got := newInterests(w, ties).of(1, 2); !math.IsNaN(got) {
		t.Errorf("no trade, IGO or alliance data: interests %v, want missing", got)
	}
	set := func(a, b int, ab, ba, igos float64) {
		r := w.Relation(a, b)
		r.ImportsAB, r.ImportsBA, r.SharedIGOs = world.Value(ab), world.Value(ba), world.Known(igos)
		w.SetRelation(r)
	}
	set(200, 220, 30, 30, 10) // 200's trade: 60 with 220, 20 with 2
	set(2, 200, 10, 10, 5)
	in := newInterests(w, ties)
	p200, p220, p2 := w.Pos(200), w.Pos(220), w.Pos(2)
	if got := in.of(p200, p220); math.Abs(got-1) > 1e-12 {
		t.Errorf("200's first trade and IGO partner: interests %v, want 1", got)
	}
	// trade 20/80 against the largest share 60/80: 1/3; IGOs 5/10.
	if got, want := in.of(p200, p2), (1.0/3+0.5)/2; math.Abs(got-want) > 1e-12 {
		t.Errorf("200 and 2: interests %v, want %v", got, want)
	}
	if got := in.of(p200, w.Pos(365)); !math.IsNaN(got) {
		t.Errorf("200 and 365, no recorded trade or IGOs: interests %v, want missing", got)
	}
}

// TestPortfolio: the share of i's portfolio (itself included) that k
// shares.
func TestPortfolio(t *testing.T) {
	w := base()
	w.Alliances = []world.Alliance{alliance("t:1", 1990, 0, 2, 200), alliance("t:2", 1990, 0, 2, 220)}
	ties := map[[2]int]bool{}
	for _, d := range [][2]int{{2, 200}, {2, 220}} {
		a, b := w.Pos(d[0]), w.Pos(d[1])
		ties[[2]int{a, b}], ties[[2]int{b, a}] = true, true
	}
	in := newInterests(w, func(a, b int) bool { return ties[[2]int{a, b}] })
	for _, tc := range []struct {
		i, k int
		want float64
	}{
		{200, 2, 1},       // 200 {200, 2}: both tied to 2
		{2, 200, 2.0 / 3}, // 2 {2, 200, 220}: 200 holds 2 and itself
		{200, 220, 0.5},   // 200 {200, 2}: 220 shares 2
		{200, 365, 0},     // 365 holds no tie
	} {
		if got := in.portfolio(w.Pos(tc.i), w.Pos(tc.k)); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("portfolio(%d, %d) = %v, want %v", tc.i, tc.k, got, tc.want)
		}
	}
	// Through Predict, under the Walt composite, the term is in the output.
	p := predict(t, w, threat.DefaultOptions(), DefaultOptions())[200]
	for _, q := range p.Partners {
		if q.Interests.IsMissing() {
			t.Errorf("partner %d: interests missing with alliance data", q.CCode)
		}
	}
}
