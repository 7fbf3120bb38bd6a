package world

import "strconv"

// Labeling chooses how Label names a state.
type Labeling uint8

const (
	// ByName labels a state by its name: for prose and report tables.
	ByName Labeling = iota
	// ByAbbrev labels a state by its COW abbreviation: for narrow text
	// tables and the actors of an alliance landscape.
	ByAbbrev
)

// Label returns the label of ccode in w. The fallback rule is one for both
// labelings: the preferred field (the name under ByName, the COW
// abbreviation under ByAbbrev), else the first present of the COW
// abbreviation, the ISO3 code and the name, else "state N" (N the ccode)
// when w has no such state or the state has none of them. World files
// often give ISO3 codes and no COW abbreviation, so ByAbbrev reads "GBR"
// there and "UKG" in a historical World.
func (w *World) Label(ccode int, by Labeling) string {
	s := w.State(ccode)
	if s == nil {
		return "state " + strconv.Itoa(ccode)
	}
	first := s.Abbrev
	if by == ByName {
		first = s.Name
	}
	for _, l := range [...]string{first, s.Abbrev, s.ISO3, s.Name} {
		if l != "" {
			return l
		}
	}
	return "state " + strconv.Itoa(ccode)
}
