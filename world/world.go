package world

import "sort"

// World is the international system at one year: a snapshot that models
// read. States are sorted by ccode. Relations hold the symmetric facts of
// each dyad that has any; World.Relation answers for the absent dyads too
// (contiguity 0 inside the contiguity data's coverage, every other measured
// field missing). Disputes lists every dispute participation that
// began in or before Year, so that models can decay past hostility.
//
// Coverage names, per variable family ("alliances", "capabilities",
// "contiguity", ...), the source and whether Year lies inside its
// coverage; a family outside coverage has missing values, not zeros.
type World struct {
	Year         int                `json:"year"`
	AsOf         Date               `json:"as_of"`
	Name         string             `json:"name,omitempty"`
	States       []State            `json:"states"`
	Alliances    []Alliance         `json:"alliances"`
	Partnerships []Partnership      `json:"partnerships,omitempty"`
	Systems      []System           `json:"systems,omitempty"`
	Relations    map[Dyad]*Relation `json:"-"`
	Disputes     []Dispute          `json:"-"`
	Wars         []War              `json:"wars,omitempty"`      // inter-state wars in progress in Year
	Rivalries    []Rivalry          `json:"rivalries,omitempty"` // strategic rivalries in force in Year
	Coverage     []Coverage         `json:"coverage,omitempty"`

	index map[int]int
}

// Coverage says whether a World's year lies within a source's coverage.
type Coverage struct {
	Family  string `json:"family"`
	Source  string `json:"source"`
	Covered bool   `json:"covered"`
	From    int    `json:"from"`
	To      int    `json:"to"`
}

// Index sorts w.States by ccode and rebuilds the ccode lookup. Builders call
// it once after filling States.
func (w *World) Index() {
	sort.Slice(w.States, func(i, j int) bool { return w.States[i].CCode < w.States[j].CCode })
	w.index = make(map[int]int, len(w.States))
	for i, s := range w.States {
		w.index[s.CCode] = i
	}
}

// Pos returns the position of ccode in w.States, or -1. It builds the index
// on first use when no builder called Index; call Index before sharing a
// World between goroutines.
func (w *World) Pos(ccode int) int {
	if w.index == nil {
		w.Index()
	}
	if i, ok := w.index[ccode]; ok {
		return i
	}
	return -1
}

// State returns the state with the given ccode, or nil.
func (w *World) State(ccode int) *State {
	if i := w.Pos(ccode); i >= 0 {
		return &w.States[i]
	}
	return nil
}

// Variable families named in Coverage.
const (
	FamilyCOWAlliances  = "alliances_cow"
	FamilyATOPAlliances = "alliances_atop"
	FamilyCapabilities  = "capabilities"
	FamilyContiguity    = "contiguity"
	FamilyCapitals      = "capitals"
	FamilyMinDist       = "mindist"
	FamilyDisputes      = "disputes"
	FamilyMilex         = "milex"
	FamilyWars          = "wars"
	FamilyRegime        = "regime"
	FamilyEconomy       = "economy"
	FamilyRivalries     = "rivalries"
	FamilyTrade         = "trade"
	FamilyIGO           = "igo"
	FamilyLeaders       = "leaders"
	FamilyTerritory     = "territorial_threat"
)

// Covered reports whether w.Year lies inside the coverage of family.
func (w *World) Covered(family string) bool {
	for _, c := range w.Coverage {
		if c.Family == family {
			return c.Covered
		}
	}
	return false
}

// Relation returns the relation of a and b. Only dyads with some recorded
// fact are stored in w.Relations; for the others, contiguity is "none"
// (0) when the World lies inside the contiguity data's coverage and both
// states are in w.States, and missing otherwise. A missing capital distance is filled with the great-circle
// distance between the two capitals in force, where both are known.
func (w *World) Relation(a, b int) Relation {
	d := MakeDyad(a, b)
	var r Relation
	if p, ok := w.Relations[d]; ok && p != nil {
		r = *p
	} else {
		r = NewRelation(d)
		if w.Covered(FamilyContiguity) && w.Pos(a) >= 0 && w.Pos(b) >= 0 {
			r.Contiguity = NotContiguous
		}
	}
	if r.CapDistKm.IsMissing() {
		if sa, sb := w.State(a), w.State(b); sa != nil && sb != nil {
			r.CapDistKm = GreatCircleKm(sa.Capital.Lat, sa.Capital.Lon, sb.Capital.Lat, sb.Capital.Lon)
		}
	}
	return r
}

// SetRelation stores r under its dyad.
func (w *World) SetRelation(r Relation) {
	if w.Relations == nil {
		w.Relations = map[Dyad]*Relation{}
	}
	r.Dyad = MakeDyad(r.Dyad.A, r.Dyad.B)
	w.Relations[r.Dyad] = &r
}

// AlliedIn returns the alliances in w in which a and b are both members in
// w.Year.
func (w *World) AlliedIn(a, b int) []*Alliance {
	var out []*Alliance
	for i := range w.Alliances {
		al := &w.Alliances[i]
		var ina, inb bool
		for _, m := range al.Members {
			if !m.Spell.Overlaps(w.Year) {
				continue
			}
			ina = ina || m.CCode == a
			inb = inb || m.CCode == b
		}
		if ina && inb {
			out = append(out, al)
		}
	}
	return out
}
