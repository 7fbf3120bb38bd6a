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
	Stationing   []Stationing       `json:"stationing,omitempty"` // forces abroad (world files)
	Systems      []System           `json:"systems,omitempty"`
	Relations    map[Dyad]*Relation `json:"-"`
	Disputes     []Dispute          `json:"-"`
	Wars         []War              `json:"wars,omitempty"`      // inter-state wars in progress in Year
	Rivalries    []Rivalry          `json:"rivalries,omitempty"` // strategic rivalries in force in Year
	Coverage     []Coverage         `json:"coverage,omitempty"`

	index *index
}

// Coverage says whether a World's year lies within a source's coverage.
type Coverage struct {
	Family  string `json:"family"`
	Source  string `json:"source"`
	Covered bool   `json:"covered"`
	From    int    `json:"from"`
	To      int    `json:"to"`
}

// Index sorts w.States by ccode and builds the index that Pos, State and
// Relation read: the ccode lookup and each capital's coordinates in
// radians. Builders call it once after filling States (and again after
// changing them); reads never write it, so a World may be shared between
// goroutines once indexed.
func (w *World) Index() {
	sort.Slice(w.States, func(i, j int) bool { return w.States[i].CCode < w.States[j].CCode })
	x := &index{pos: make(map[int]int, len(w.States)), caps: make([]radians, len(w.States))}
	for i, s := range w.States {
		x.pos[s.CCode] = i
		x.caps[i] = toRadians(s.Capital.Lat, s.Capital.Lon)
	}
	w.index = x
}

// index is what World.Index builds.
type index struct {
	pos  map[int]int // ccode -> position in States
	caps []radians   // capital of each state, in States order
}

// Pos returns the position of ccode in w.States, or -1. Without Index it
// scans w.States.
func (w *World) Pos(ccode int) int {
	if w.index == nil {
		for i := range w.States {
			if w.States[i].CCode == ccode {
				return i
			}
		}
		return -1
	}
	if i, ok := w.index.pos[ccode]; ok {
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
// states are in w.States, and missing otherwise. A missing capital
// distance is filled with the great-circle distance between the two
// capitals in force, where both are known.
func (w *World) Relation(a, b int) Relation {
	return w.relation(a, b, w.Pos(a), w.Pos(b))
}

// RelationAt is Relation for the states at positions i and j of w.States,
// for models that walk every dyad; it panics when a position is out of
// range.
func (w *World) RelationAt(i, j int) Relation {
	return w.relation(w.States[i].CCode, w.States[j].CCode, i, j)
}

// relation is Relation with the positions of a and b known (−1 when not in
// w.States).
func (w *World) relation(a, b, i, j int) Relation {
	d := MakeDyad(a, b)
	var r Relation
	if p, ok := w.Relations[d]; ok && p != nil {
		r = *p
	} else {
		r = NewRelation(d)
		if i >= 0 && j >= 0 && w.Covered(FamilyContiguity) {
			r.Contiguity = NotContiguous
		}
	}
	if r.CapDistKm.IsMissing() && i >= 0 && j >= 0 {
		r.CapDistKm = Value(w.capital(i).distanceKm(w.capital(j)))
	}
	return r
}

// capital returns the capital of the state at position i in radians, from
// the index when there is one.
func (w *World) capital(i int) radians {
	if w.index != nil && i < len(w.index.caps) {
		return w.index.caps[i]
	}
	c := w.States[i].Capital
	return toRadians(c.Lat, c.Lon)
}

// SetRelation stores r under its dyad.
func (w *World) SetRelation(r Relation) {
	if w.Relations == nil {
		w.Relations = map[Dyad]*Relation{}
	}
	r.Dyad = MakeDyad(r.Dyad.A, r.Dyad.B)
	w.Relations[r.Dyad] = &r
}
