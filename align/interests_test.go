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

// TestPortfolio: Cohen's κ of tie vectors, each state tied to itself.
func TestPortfolio(t *testing.T) {
	w := base()
	w.Alliances = []world.Alliance{alliance("t:1", 1990, 0, 2, 200, 220)}
	ties := map[[2]int]bool{}
	for _, a := range []int{2, 200, 220} {
		for _, b := range []int{2, 200, 220} {
			ties[[2]int{w.Pos(a), w.Pos(b)}] = a != b
		}
	}
	in := newInterests(w, func(a, b int) bool { return ties[[2]int{a, b}] })
	// 200 and 220 agree on all four states (2, 200, 220 tied, 365 not): κ 1.
	if got := in.portfolio(w.Pos(200), w.Pos(220)); got != 1 {
		t.Errorf("κ(200, 220) = %v, want 1", got)
	}
	// 200 (1 1 1 0) and 365 (0 0 0 1) disagree everywhere: κ negative,
	// counted as 0.
	if got := in.portfolio(w.Pos(200), w.Pos(365)); got != 0 {
		t.Errorf("κ(200, 365) = %v, want 0", got)
	}
	// Through Predict, under the Walt composite, the term is in the output.
	p := predict(t, w, threat.DefaultOptions(), DefaultOptions())[200]
	for _, q := range p.Partners {
		if q.Interests.IsMissing() {
			t.Errorf("partner %d: interests missing with alliance data", q.CCode)
		}
	}
}
