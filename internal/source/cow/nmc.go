package cow

import (
	"math"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// NMC is one state-year of the National Material Capabilities data.
// Abbrev is empty in the v7.0 layout, which has no stateabb column.
type NMC struct {
	CCode      int
	Abbrev     string
	Year       int
	Capability world.Capability
}

// ReadNMC reads an abridged NMC file in either layout: COW's v6.0
// (stateabb, ccode, year, the six components, cinc, version; -9 missing;
// CRLF without a final newline) or the v7.0 layout peacesciencer
// distributes (no stateabb or version; empty cells missing). Components
// must not be negative and cinc must lie in [0, 1].
func ReadNMC(path string) ([]NMC, error) { return nmcFormat.read(path) }

var nmcFormat = format[NMC]{
	cols: []string{"ccode", "year", "milex", "milper", "irst", "pec", "tpop", "upop", "cinc"},
	row: func(r *table.Reader) NMC {
		n := NMC{CCode: ccode(r, "ccode"), Year: r.IntIn("year", minYear, maxYear)}
		if r.Has("stateabb") {
			n.Abbrev = r.String("stateabb")
		}
		c := &n.Capability
		c.Milex = nonNegative(r, "milex")
		c.Milper = nonNegative(r, "milper")
		c.Irst = nonNegative(r, "irst")
		c.Pec = nonNegative(r, "pec")
		c.Tpop = nonNegative(r, "tpop")
		c.Upop = nonNegative(r, "upop")
		c.CINC = r.Value("cinc")
		if c.CINC.OK() && (c.CINC < 0 || c.CINC > 1) {
			r.Fail("cinc", "a share in [0, 1] or a missing code", table.ErrRange)
		}
		return n
	},
	key: func(n NMC) stateYear { return stateYear{n.CCode, n.Year} },
}

func nonNegative(r *table.Reader, col string) world.Value {
	v := r.Value(col)
	if v.OK() && (v < 0 || math.IsInf(float64(v), 0)) {
		r.Fail(col, "a non-negative number or a missing code", table.ErrRange)
	}
	return v
}
