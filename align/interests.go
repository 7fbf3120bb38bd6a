package align

import (
	"math"

	"github.com/entente/entente/world"
)

// interests holds, for one World, what the interests term of the Walt
// partner utility reads: each state's total trade with the others (NaN
// where the World records none) and its largest trade share and shared-IGO
// count with any one state.
type interests struct {
	w          *world.World
	tradeTotal []float64
	maxShare   []float64
	maxIGO     []float64
	ties       func(a, b int) bool // a tie of any kind on the reference date; nil without alliance data
}

// newInterests sums each state's trade and finds its largest trade share
// and shared-IGO count over the World's relations.
func newInterests(w *world.World, ties func(a, b int) bool) *interests {
	n := len(w.States)
	in := &interests{w: w, tradeTotal: make([]float64, n), maxShare: make([]float64, n), maxIGO: make([]float64, n)}
	if len(w.Alliances) > 0 {
		in.ties = ties
	}
	for i := range in.tradeTotal {
		in.tradeTotal[i], in.maxShare[i], in.maxIGO[i] = nan, nan, nan
	}
	pos := make(map[int]int, n)
	for i := range w.States {
		pos[w.States[i].CCode] = i
	}
	type flow struct {
		a, b int
		v    float64
	}
	var flows []flow
	for d, r := range w.Relations {
		a, okA := pos[d.A]
		b, okB := pos[d.B]
		if r == nil || !okA || !okB {
			continue
		}
		if v := tradeOf(r); !math.IsNaN(v) {
			flows = append(flows, flow{a, b, v})
			for _, p := range [2]int{a, b} {
				if math.IsNaN(in.tradeTotal[p]) {
					in.tradeTotal[p] = 0
				}
				in.tradeTotal[p] += v
			}
		}
		if r.SharedIGOs.OK() {
			g := r.SharedIGOs.Float()
			for _, p := range [2]int{a, b} {
				if math.IsNaN(in.maxIGO[p]) || g > in.maxIGO[p] {
					in.maxIGO[p] = g
				}
			}
		}
	}
	for _, f := range flows {
		for _, p := range [2]int{f.a, f.b} {
			if t := in.tradeTotal[p]; t > 0 {
				if s := f.v / t; math.IsNaN(in.maxShare[p]) || s > in.maxShare[p] {
					in.maxShare[p] = s
				}
			}
		}
	}
	return in
}

// tradeOf returns the trade between a pair in both directions (COW imports
// of A from B plus B from A), NaN when neither direction is recorded.
func tradeOf(r *world.Relation) float64 {
	if r.ImportsAB.IsMissing() && r.ImportsBA.IsMissing() {
		return nan
	}
	v := 0.0
	for _, x := range []world.Value{r.ImportsAB, r.ImportsBA} {
		if x.OK() {
			v += math.Max(0, x.Float())
		}
	}
	return v
}

// of returns the interests term for state i (position) and candidate k,
// in [0,1], missing when none of its parts is measured: the mean of
//
//	trade    i's trade with k as a share of i's total trade, relative to
//	         i's largest share with any one state (1 for its first trade
//	         partner; COW Dyadic Trade)
//	IGOs     the IGOs i and k share, relative to the most i shares with
//	         any one state (COW IGO)
//	portfolio  the share of i's alliance portfolio on the reference date
//	         (ties of any kind) that k shares (portfolio; Bueno de
//	         Mesquita 1975 and Signorino & Ritter 1999 read similar
//	         portfolios as shared interests; their τb and S are
//	         symmetric and rate a hub allied with many states as unlike
//	         each of its allies, so the share is ours)
//
// Walt (1987, ch. 2 and 5) lists economic and institutional ties among the
// motives for alignment besides threat; the measures are ours.
func (in *interests) of(i, k int) float64 {
	r := in.w.RelationAt(i, k)
	trade, igo := nan, nan
	if v := tradeOf(&r); !math.IsNaN(v) && in.tradeTotal[i] > 0 && in.maxShare[i] > 0 {
		trade = v / in.tradeTotal[i] / in.maxShare[i]
	}
	if r.SharedIGOs.OK() && in.maxIGO[i] > 0 {
		igo = r.SharedIGOs.Float() / in.maxIGO[i]
	}
	return meanPresent(trade, igo, in.portfolio(i, k))
}

// portfolio returns the share of i's alliance portfolio that k shares:
// the states tied to i (itself included, the convention of alliance
// portfolios since Bueno de Mesquita 1975) that are tied to k too, or
// NaN when the World records no alliances.
func (in *interests) portfolio(i, k int) float64 {
	if in.ties == nil {
		return nan
	}
	tie := func(a, x int) bool { return a == x || in.ties(a, x) }
	var mine, shared float64
	for x := range in.w.States {
		if tie(i, x) {
			mine++
			if tie(k, x) {
				shared++
			}
		}
	}
	return shared / mine
}
