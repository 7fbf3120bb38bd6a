package world

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Obligation is one kind of commitment an alliance member makes.
type Obligation uint8

const (
	Defense       Obligation = 1 << iota // to fight if the partner is attacked
	Offense                              // to join the partner in attacking
	Neutrality                           // to stay out of a war against the partner
	Nonaggression                        // not to attack the partner
	Consultation                         // to consult in a crisis
	Entente                              // to consult or cooperate (COW Type III)
	Technology                           // to share military technology and build capability together (AUKUS)
)

var obligationNames = []struct {
	o    Obligation
	name string
}{
	{Defense, "defense"}, {Offense, "offense"}, {Neutrality, "neutrality"},
	{Nonaggression, "nonaggression"}, {Consultation, "consultation"}, {Entente, "entente"},
	{Technology, "technology"},
}

// Obligations is a set of Obligation kinds.
type Obligations uint8

// Has reports whether o holds every kind in k.
func (o Obligations) Has(k Obligation) bool { return uint8(o)&uint8(k) == uint8(k) && k != 0 }

// With returns o with k added.
func (o Obligations) With(k Obligation) Obligations { return o | Obligations(k) }

// Union returns the kinds in o or p.
func (o Obligations) Union(p Obligations) Obligations { return o | p }

// List returns the names of the kinds in o, in a fixed order.
func (o Obligations) List() []string {
	out := []string{}
	for _, n := range obligationNames {
		if o.Has(n.o) {
			out = append(out, n.name)
		}
	}
	return out
}

func (o Obligations) String() string { return strings.Join(o.List(), ",") }

// MarshalJSON encodes o as a list of names.
func (o Obligations) MarshalJSON() ([]byte, error) { return json.Marshal(o.List()) }

// UnmarshalJSON decodes a list of names.
func (o *Obligations) UnmarshalJSON(b []byte) error {
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		return err
	}
	*o = 0
	for _, n := range names {
		k, err := ParseObligation(n)
		if err != nil {
			return err
		}
		*o = o.With(k)
	}
	return nil
}

// ParseObligation returns the Obligation with the given name.
func ParseObligation(s string) (Obligation, error) {
	for _, n := range obligationNames {
		if n.name == s {
			return n.o, nil
		}
	}
	names := make([]string, len(obligationNames))
	for i, n := range obligationNames {
		names[i] = n.name
	}
	return 0, fmt.Errorf("unknown obligation %q (want one of %s)", s, strings.Join(names, ", "))
}

// Structure describes an alliance's shape.
type Structure string

const (
	Multilateral Structure = "multilateral" // every member pledged to every other
	Bilateral    Structure = "bilateral"    // two members
	HubAndSpoke  Structure = "hub-and-spoke"
)

// Member is one state's membership spell in an alliance, with the
// obligations it undertook. Directed obligations (ATOP codes a member's
// pledge, which can differ between members) live on the Member; an
// Alliance's Obligations are the union over its members.
type Member struct {
	CCode       int         `json:"ccode"`
	Spell       Spell       `json:"spell"`
	Obligations Obligations `json:"obligations"`
	// Status lists the member's changes of participation (frozen,
	// suspended) in date order; none means active throughout its spell.
	Status []Participation `json:"status,omitempty"`
}

// Alliance is a treaty (or, when Formal is false, a tacit understanding)
// with obligations, phases and members.
//
// ID names the source and its key: "cow:227" (COW version4id), "atop:3180"
// (ATOP atopid), or "world:nato" for an alliance defined in a world file.
type Alliance struct {
	ID          string      `json:"id"`
	Name        string      `json:"name,omitempty"`
	Formal      bool        `json:"formal"`
	Obligations Obligations `json:"obligations"`
	Spell       Spell       `json:"spell"`
	Members     []Member    `json:"members"`
	Treaty      string      `json:"treaty,omitempty"`      // founding treaty
	KeyArticle  string      `json:"key_article,omitempty"` // e.g. "Article 5"
	Structure   Structure   `json:"structure,omitempty"`
	Hub         int         `json:"hub,omitempty"` // ccode of the hub of a hub-and-spoke system
	Sources     []Source    `json:"sources,omitempty"`
	// Suspensions lists the dyads between which the obligations are
	// suspended while the treaty stays in force (ANZUS: the United States
	// and New Zealand since 1986).
	Suspensions []Suspension `json:"suspensions,omitempty"`
}

// MembersIn returns the ccodes of the members whose spells overlap year y,
// in the order of a.Members, each once.
func (a *Alliance) MembersIn(y int) []int {
	return a.membersWhere(func(s Spell) bool { return s.Overlaps(y) })
}

// MembersOn returns the ccodes of the members whose spells are in force on
// date d (Spell.ActiveOn), in the order of a.Members, each once. A zero d
// takes every member, whatever its spell.
func (a *Alliance) MembersOn(d Date) []int {
	return a.membersWhere(func(s Spell) bool { return d.IsZero() || s.ActiveOn(d) })
}

func (a *Alliance) membersWhere(in func(Spell) bool) []int {
	seen := map[int]bool{}
	var out []int
	for _, m := range a.Members {
		if in(m.Spell) && !seen[m.CCode] {
			seen[m.CCode] = true
			out = append(out, m.CCode)
		}
	}
	return out
}

// Partnership is a strategic partnership that is not an alliance: no
// mutual-defence obligation (China–Russia, China–Pakistan).
type Partnership struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Members []int    `json:"members"`
	Since   Date     `json:"since"`
	Note    string   `json:"note,omitempty"`
	Sources []Source `json:"sources,omitempty"`
}
