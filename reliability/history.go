package reliability

import "github.com/entente/entente/history"

// FromHistory returns both rules' rows from h's wars, COW membership
// spells and ATOP member rows, with state names in the reasons.
func FromHistory(h *history.History) (naive, llm []Row) {
	n := func(c int) string { _, s := h.StateName(c); return s }
	cs := h.COWMemberships()
	spells := make([]COWSpell, len(cs))
	for i, m := range cs {
		spells[i] = COWSpell{ID: m.ID, CCode: m.CCode, Spell: m.Spell, Obligations: m.Obligations}
	}
	wars := h.Wars()
	return NaiveRows(wars, spells, n), LLMRows(wars, h.ATOPMembers(), n)
}

// CoalitionsFromHistory returns the coalitions of h's wars (Coalitions),
// with llm the llm rule's rows.
func CoalitionsFromHistory(h *history.History, llm []Row) []Coalition {
	return Coalitions(h.Wars(), h.ATOPMembers(), llm, h.Capability)
}
