package world

import "encoding/json"

// Dyad is an unordered pair of ccodes, normalised so that A < B.
type Dyad struct{ A, B int }

// MakeDyad returns the normalised Dyad of a and b.
func MakeDyad(a, b int) Dyad {
	if a > b {
		a, b = b, a
	}
	return Dyad{a, b}
}

// Contiguity types of the COW Direct Contiguity data v3.2 (Stinnett et al.
// 2002): 1 land, 2 sea up to 12 miles, 3 up to 24, 4 up to 150, 5 up to 400.
// NotContiguous (0) is a known absence; a missing contiguity is
// ContiguityMissing.
const (
	NotContiguous     = 0
	ContiguityMissing = -1
)

// Relation holds the facts about a pair of states in a World. Most are
// symmetric; hostility may be coded per direction (Toward; read it with
// HostilityFrom). Directed facts from the
// dispute data (who initiated a dispute) are in World.Disputes.
type Relation struct {
	Dyad       Dyad  `json:"dyad"`
	Contiguity int   `json:"contiguity"` // 0 none, 1..5 COW type, -1 missing
	CapDistKm  Value `json:"capdist_km"` // great circle between capitals in force
	MinDistKm  Value `json:"mindist_km"` // minimum distance between territories
	Hostility  Value `json:"hostility"`  // analyst-coded, 0 (none) .. 1 (war)
	// Toward holds the hostility of A toward B ([0]) and of B toward A
	// ([1]) where a world file codes the two directions apart, either
	// missing where only the other is coded; nil where it does not, and
	// Hostility then holds both ways. Read it with HostilityFrom.
	Toward      *[2]Value `json:"hostility_toward,omitempty"`
	Rivalry     bool      `json:"rivalry"`     // analyst-coded strategic rivalry
	War         bool      `json:"war"`         // at war in this year (world files)
	Territorial bool      `json:"territorial"` // an active territorial dispute (world files)
	Rationale   string    `json:"rationale,omitempty"`

	// Imports of A from B and of B from A, millions of current US dollars
	// (COW Dyadic Trade), and the number of IGOs both belong to (COW IGO):
	// missing outside coverage and where the source has no value.
	ImportsAB  Value    `json:"imports_ab"`
	ImportsBA  Value    `json:"imports_ba"`
	SharedIGOs Value    `json:"shared_igos"`
	Sources    []Source `json:"sources,omitempty"`
}

// MarshalJSON writes a missing contiguity as null, like every other missing
// value, rather than as ContiguityMissing (-1).
func (r Relation) MarshalJSON() ([]byte, error) {
	type plain Relation
	var c *int
	if r.Contiguity != ContiguityMissing {
		c = &r.Contiguity
	}
	return json.Marshal(struct {
		plain
		Contiguity *int `json:"contiguity"`
	}{plain(r), c})
}

// UnmarshalJSON reads a null (or absent) contiguity as ContiguityMissing.
func (r *Relation) UnmarshalJSON(b []byte) error {
	type plain Relation
	v := struct {
		*plain
		Contiguity *int `json:"contiguity"`
	}{plain: (*plain)(r)}
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	r.Contiguity = ContiguityMissing
	if v.Contiguity != nil {
		r.Contiguity = *v.Contiguity
	}
	return nil
}

// HostilityFrom returns the hostility of the state from toward the other
// state of the pair: the directed coding where there is one, otherwise the
// pair's Hostility. A ccode not in the pair gets the pair's Hostility.
func (r *Relation) HostilityFrom(from int) Value {
	if r.Toward != nil {
		switch {
		case from == r.Dyad.A && r.Toward[0].OK():
			return r.Toward[0]
		case from == r.Dyad.B && r.Toward[1].OK():
			return r.Toward[1]
		}
	}
	return r.Hostility
}

// NewRelation returns the Relation of d with every measured field missing.
func NewRelation(d Dyad) Relation {
	return Relation{Dyad: d, Contiguity: ContiguityMissing,
		CapDistKm: Missing(), MinDistKm: Missing(), Hostility: Missing(),
		ImportsAB: Missing(), ImportsBA: Missing(), SharedIGOs: Missing()}
}

// Dispute is one state's participation in a militarized interstate dispute
// (MID 5.0 participant level), or a hostile act coded in a world file.
type Dispute struct {
	ID         int   `json:"id"` // MID dispnum
	CCode      int   `json:"ccode"`
	SideA      bool  `json:"side_a"`     // on the initiating side
	Originator bool  `json:"originator"` // an originator, not a joiner
	Start      Date  `json:"start"`
	End        Date  `json:"end"`
	HostLev    int   `json:"hostlev"` // highest hostility level 1..5
	Fatality   Value `json:"fatality"`
}
