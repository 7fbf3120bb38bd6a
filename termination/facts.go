package termination

import (
	"sync"

	"github.com/entente/entente/history"
	"github.com/entente/entente/threat"
)

// HistoryFacts returns the Facts of the yearly covariates from the
// historical tables: disputes from the Gibler–Miller–Little MID 2.1.1 dyad
// years (1816–2010; missing after), top threats from threat.Compute with
// its default options on the World of each year (computed once per year,
// on first use), and new alliances from alliances (the alliance-level
// spells of the same source).
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
