package dilemma

import (
	"github.com/entente/entente/credibility"
	"github.com/entente/entente/history"
	"github.com/entente/entente/reliability"
)

// FromHistory returns the Inputs that h supports: the default threat
// model, the ATOP v4 provisions, and κ the credibility index with the
// patrons' record under the llm rule (Leeds, Long & Mitchell 2000) and
// ATOP's signals.
func FromHistory(h *history.History) Inputs {
	_, llm := reliability.FromHistory(h)
	prov := credibility.ATOPProvisions(h.ATOPMembers())
	in := DefaultInputs()
	in.Provisions = ATOPProvisions(prov)
	in.Credibility = CredibilityIndex(credibility.NewRecord(llm), prov, credibility.DefaultOptions())
	return in
}

// HistorySystem returns the System of h: COW system membership and
// major-power status.
func HistorySystem(h *history.History) System { return histSystem{h} }

type histSystem struct{ h *history.History }

func (s histSystem) Status(y, c int) (major, member bool) {
	if s.h.Pos(y, c) < 0 {
		return false, false
	}
	return s.h.Major(y, c), true
}

func (s histSystem) Counts(y int) (majors, minors int) {
	for _, m := range s.h.Majors(y) {
		if m {
			majors++
		} else {
			minors++
		}
	}
	return majors, minors
}
