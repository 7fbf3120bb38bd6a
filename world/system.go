package world

// System is a named group of alliances that analysts treat as one alliance
// system: the US hub-and-spoke system in Asia and the Pacific is several
// bilateral treaties plus ANZUS. Alliances lists alliance IDs; Hub is the
// ccode of the state at its centre, or 0 when there is none.
type System struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Alliances []string `json:"alliances"`
	Hub       int      `json:"hub,omitempty"`
	Note      string   `json:"note,omitempty"`
}
