package history

import (
	"slices"

	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/world"
)

// NeverCoexisted returns the pairs (a < b) of members of year y whose
// membership spells (states2016.csv) both overlap y but not each other:
// a left the system before b entered it, or the reverse, within the year,
// such as Germany (255) and West Germany (260) in 1990. COW's yearly
// system file lists both as members of the year, yet they were never
// members on the same day, so they are not a dyad; peacesciencer's
// create_dyadyears drops them. Over 1816–2016 there are 30 such pairs (60
// directed dyad-years). The years ExtendSystemTo adds have none.
func (h *History) NeverCoexisted(y int) []DyadKey { return h.apart[y] }

// Coexisted reports whether members a and b of year y were members on at
// least one common day of y.
func (h *History) Coexisted(y, a, b int) bool {
	if a > b {
		a, b = b, a
	}
	_, found := slices.BinarySearch(h.apart[y], Key(a, b))
	return !found
}

// buildCoexistence lists, per year, the pairs of members whose spells do
// not overlap. Only members whose spell begins or ends inside the year can
// miss one another, so the pairs are looked for among those.
func (h *History) buildCoexistence(states []cow.StateSpell) {
	h.apart = map[int][]DyadKey{}
	byYear := map[int][]cow.StateSpell{} // partial-year spells
	for _, s := range states {
		st, end := s.Spell.Start, s.Spell.End
		partialStart := !(st.Month == 1 && st.Day == 1)
		partialEnd := !end.IsZero() && !(end.Month == 12 && end.Day == 31)
		if partialStart {
			byYear[st.Year] = append(byYear[st.Year], s)
		}
		if partialEnd && !(partialStart && end.Year == st.Year) {
			byYear[end.Year] = append(byYear[end.Year], s)
		}
	}
	for y, partial := range byYear {
		// The spells of each member overlapping y (partial or whole-year).
		var codes []int
		for _, s := range partial {
			if h.Pos(y, s.CCode) >= 0 && !slices.Contains(codes, s.CCode) {
				codes = append(codes, s.CCode)
			}
		}
		spellsIn := func(c int) []world.Spell {
			var out []world.Spell
			for _, s := range states {
				if s.CCode == c && s.Spell.Overlaps(y) {
					out = append(out, s.Spell)
				}
			}
			return out
		}
		var keys []DyadKey
		for i, a := range codes {
			for _, b := range codes[i+1:] {
				if !anyOverlap(spellsIn(a), spellsIn(b)) {
					keys = append(keys, Key(min(a, b), max(a, b)))
				}
			}
		}
		if len(keys) > 0 {
			slices.Sort(keys)
			h.apart[y] = keys
		}
	}
}

// anyOverlap reports whether a spell of as and a spell of bs share a day.
func anyOverlap(as, bs []world.Spell) bool {
	for _, a := range as {
		for _, b := range bs {
			aEndsFirst := !a.End.IsZero() && a.End.Before(b.Start)
			bEndsFirst := !b.End.IsZero() && b.End.Before(a.Start)
			if !aEndsFirst && !bEndsFirst {
				return true
			}
		}
	}
	return false
}
