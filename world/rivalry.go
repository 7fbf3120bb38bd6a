package world

// RivalryType is one of the four types of strategic rivalry of Thompson
// and Dreyer (2012, Handbook of International Rivalries, 1494–2010):
// spatial (contested territory), positional (relative standing in a
// regional or global hierarchy), ideological (competing political or
// religious systems) and interventionary (meddling in the other's domestic
// affairs). A rivalry has one to three of them, the first the primary.
type RivalryType string

// The rivalry types.
const (
	RivalrySpatial         RivalryType = "spatial"
	RivalryPositional      RivalryType = "positional"
	RivalryIdeological     RivalryType = "ideological"
	RivalryInterventionary RivalryType = "interventionary"
)

// Rivalry is a strategic rivalry between two states: each regards the
// other as a competitor, a source of threat, and an enemy (Thompson &
// Dreyer 2012). Start and End are years; an End of 2010, the end of the
// data's coverage, means ongoing then.
type Rivalry struct {
	ID     int           `json:"id"`
	Name   string        `json:"name"`
	A      int           `json:"ccode1"`
	B      int           `json:"ccode2"`
	Start  int           `json:"start"`
	End    int           `json:"end"`
	Region string        `json:"region"`
	Types  []RivalryType `json:"types"`
}

// InForce reports whether the rivalry was under way in year y.
func (r *Rivalry) InForce(y int) bool { return r.Start <= y && y <= r.End }

// Between reports whether the rivalry is between a and b, in either order.
func (r *Rivalry) Between(a, b int) bool { return (r.A == a && r.B == b) || (r.A == b && r.B == a) }
