package scorecard

import (
	"fmt"

	"github.com/entente/entente/history"
	"github.com/entente/entente/world"
)

// COWSource returns the COW Formal Alliances v4.1 source of h: a dyad is
// allied in y when both states hold membership spells in one alliance that
// overlap y (history.COWDyadsIn), so a dyad is new in t when it is
// allied in t and was in no COW alliance in t−1. This is the dyad start
// year of COW's dyad file for a first alliance; a dyad that forms a second
// alliance while still allied is not new. Coverage: the COW table's span
// (1816–2012, from the catalogue) within the state system's.
func COWSource(h *history.History) Source {
	first, last := h.Span()
	cf, cl := h.COW().Span()
	first, last = max(first, cf), min(last, cl)
	return Source{Name: "COW v4.1", From: first, To: last, Allied: func(y int) (map[world.Dyad]bool, error) {
		if y < first || y > last {
			return nil, fmt.Errorf("COW alliances do not cover %d", y)
		}
		out := map[world.Dyad]bool{}
		h.COWDyadsIn(y, func(a, b int, _, _ world.Obligations) {
			out[world.MakeDyad(a, b)] = true
		})
		return out, nil
	}}
}

// ATOPSource returns the ATOP 5.1 source of h, from its directed dyad-year
// obligations: a dyad is allied in y when either state pledged the other
// any obligation (defense, offense, neutrality, non-aggression or
// consultation) in y — the non-directed view, the maximum over both
// directions. A dyad is new in t when it is allied in t and was not in
// t−1. Coverage 1815–2018.
func ATOPSource(h *history.History) Source {
	t := h.ATOP()
	first, last := t.Span()
	return Source{Name: "ATOP 5.1", From: first, To: last, Allied: func(y int) (map[world.Dyad]bool, error) {
		if !t.Covers(y) {
			return nil, fmt.Errorf("ATOP does not cover %d", y)
		}
		keys, vals := t.Year(y)
		out := make(map[world.Dyad]bool, len(keys)/2)
		for i, k := range keys {
			if vals[i] != 0 && k.A() != k.B() {
				out[world.MakeDyad(k.A(), k.B())] = true
			}
		}
		return out, nil
	}}
}

// ATOPDefenseSource is ATOPSource restricted to defence pacts: a dyad is
// allied in y when either state pledged the other defense or offense
// (ATOP's defense-or-offense reading; neutrality, non-aggression and
// consultation pacts do not count), so that the weaker pacts are not
// pooled with defence pacts.
func ATOPDefenseSource(h *history.History) Source {
	t := h.ATOP()
	first, last := t.Span()
	kinds := world.Obligations(world.Defense | world.Offense)
	return Source{Name: "ATOP 5.1 defense", From: first, To: last, Allied: func(y int) (map[world.Dyad]bool, error) {
		if !t.Covers(y) {
			return nil, fmt.Errorf("ATOP does not cover %d", y)
		}
		keys, vals := t.Year(y)
		out := map[world.Dyad]bool{}
		for i, k := range keys {
			if vals[i]&kinds != 0 && k.A() != k.B() {
				out[world.MakeDyad(k.A(), k.B())] = true
			}
		}
		return out, nil
	}}
}
