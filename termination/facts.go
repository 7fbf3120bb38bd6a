package termination

import (
	"math"
	"sync"

	"github.com/entente/entente/history"
	"github.com/entente/entente/threat"
)

// HistoryFacts returns the Facts of the yearly covariates from the
// historical tables: disputes from the Gibler–Miller–Little MID 2.1.1 dyad
// years (1816–2010; missing after), top threats from threat.Compute with
// its default options on the World of each year (computed once per year,
// on first use), and new alliances from alliances (the alliance-level
// spells of the same source), domestic change from the Archigos leaders
// (1840–2015) and Polity2 (the regime table), total trade from COW Dyadic
// Trade v4.0 (1870–2014).
func HistoryFacts(h *history.History, alliances []Spell) *Facts {
	gml := h.GMLDisputes()
	f := &Facts{Alliances: alliances}
	if gml != nil {
		f.Dispute = func(y, a, b int) (bool, bool) {
			if !gml.Covers(y) {
				return false, false
			}
			if d, ok := gml.Get(y, a, b); ok && d.Disputes > 0 {
				return true, true
			}
			if d, ok := gml.Get(y, b, a); ok && d.Disputes > 0 {
				return true, true
			}
			return false, true
		}
	}
	f.Domestic = func(y, c int) (bool, bool) { return domesticChange(h, y, c) }
	if tr := h.TradeTable(); tr != nil {
		f.Trade = func(y, a, b int) (float64, bool) {
			ab, ba := h.Imports(y, a, b), h.Imports(y, b, a)
			if !tr.Covers(y) || ab.IsMissing() || ba.IsMissing() {
				return 0, false
			}
			return float64(ab + ba), true
		}
	}
	var mu sync.Mutex
	tops := map[int]map[int]int{} // year -> state -> top threat (absent: none)
	first, last := h.Span()
	f.TopThreat = func(y, c int) (int, bool) {
		if y < first || y > last {
			return 0, false
		}
		mu.Lock()
		defer mu.Unlock()
		m, ok := tops[y]
		if !ok {
			m = map[int]int{}
			if w, err := h.World(y); err == nil {
				if tm, err := threat.Compute(w, threat.DefaultOptions()); err == nil {
					for _, s := range tm.States {
						m[s] = 0 // faces no threat
						if t, ok := tm.Top(s); ok {
							m[s] = t.From
						}
					}
				}
			}
			tops[y] = m
		}
		from, ok := m[c]
		return from, ok
	}
	return f
}

// domesticChange reports whether c had, in y, a leader leave office irregularly
// (Archigos exit "Irregular") or its Polity2 score move by 3 or more from
// y−1. It is known when Archigos covers c in y or both Polity2 scores exist.
func domesticChange(h *history.History, y, c int) (changed, known bool) {
	if p := h.Pos(y, c); p >= 0 {
		if ls := h.Leaders(y); ls != nil && ls[p] != nil {
			known = true
			for _, l := range ls[p] {
				if l.End.Year == y && l.Exit == "Irregular" {
					return true, true
				}
			}
		}
		q := h.Pos(y-1, c)
		if q >= 0 {
			now, before := h.Democracy(y), h.Democracy(y-1)
			if now != nil && before != nil {
				a, b := now[p].Polity2, before[q].Polity2
				if !a.IsMissing() && !b.IsMissing() {
					known = true
					if math.Abs(float64(a-b)) >= 3 {
						return true, true
					}
				}
			}
		}
	}
	return false, known
}
