package credibility

import (
	"sort"
	"strings"

	"github.com/entente/entente/world"
)

// Commitment is one patron's pledge to one protégé in a World.
type Commitment struct {
	Patron      int               `json:"patron"`
	Protege     int               `json:"protege"`
	Alliance    string            `json:"alliance"` // alliance or partnership ID
	Name        string            `json:"name,omitempty"`
	Obligations world.Obligations `json:"obligations"` // the patron's pledges; empty for a partnership
	Formal      bool              `json:"formal"`
	Since       world.Date        `json:"since"`            // when the later of the two joined
	Status      string            `json:"status,omitempty"` // the protégé's participation when not active (frozen, suspended)
}

// pledges reports whether o binds a patron to come to an ally's aid.
func pledges(o world.Obligations) bool { return o.Has(world.Defense) || o.Has(world.Offense) }

// Commitments returns the commitments in force in w on its reference
// date (w.AsOf, else the end of w.Year): for each alliance, each member
// that pledged defence or offence toward each other member whose spell
// covers that date; for each partnership, each member toward the other.
// When a pair is bound by several alliances the first is kept. A
// historical World that lists ATOP alliances gives its commitments from
// them alone, not its COW ones: ATOP codes each member's obligations and
// the provisions the signals read. Sorted by patron, protégé.
func Commitments(w *world.World) []Commitment {
	d := w.AsOf
	if d.IsZero() {
		d = world.D(w.Year, 12, 31)
	}
	type key struct{ p, q int }
	seen := map[key]bool{}
	var out []Commitment
	als := make([]*world.Alliance, len(w.Alliances))
	for i := range w.Alliances {
		als[i] = &w.Alliances[i]
	}
	atop := false
	for _, a := range als {
		atop = atop || strings.HasPrefix(a.ID, "atop:")
	}
	for _, a := range als {
		if atop && strings.HasPrefix(a.ID, "cow:") {
			continue
		}
		for _, p := range a.Members {
			if !pledges(p.Obligations) || !p.Spell.ActiveOn(d) || w.Pos(p.CCode) < 0 {
				continue
			}
			for _, q := range a.Members {
				if q.CCode == p.CCode || !q.Spell.ActiveOn(d) || w.Pos(q.CCode) < 0 || seen[key{p.CCode, q.CCode}] {
					continue
				}
				if a.SuspendedOn(p.CCode, q.CCode, d) != nil {
					continue
				}
				seen[key{p.CCode, q.CCode}] = true
				since := p.Spell.Start
				if since.Before(q.Spell.Start) {
					since = q.Spell.Start
				}
				c := Commitment{Patron: p.CCode, Protege: q.CCode, Alliance: a.ID, Name: a.Name,
					Obligations: p.Obligations, Formal: a.Formal, Since: since}
				if st := q.StatusOn(d); st != world.Active {
					c.Status = st
				}
				out = append(out, c)
			}
		}
	}
	for _, ps := range w.Partnerships {
		for _, p := range ps.Members {
			for _, q := range ps.Members {
				if p == q || w.Pos(p) < 0 || w.Pos(q) < 0 || seen[key{p, q}] {
					continue
				}
				seen[key{p, q}] = true
				out = append(out, Commitment{Patron: p, Protege: q, Alliance: ps.ID, Name: ps.Name, Since: ps.Since})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Patron != out[j].Patron {
			return out[i].Patron < out[j].Patron
		}
		return out[i].Protege < out[j].Protege
	})
	return out
}
