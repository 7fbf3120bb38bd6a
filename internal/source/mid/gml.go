package mid

import (
	"fmt"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// GMLDyadYear is one row of the Gibler–Miller–Little MID 2.1.1 dyad-year
// file: the dispute DispNum between CCode1 and CCode2 in Year. The file
// is non-directed but lists every dyad-year twice, once in each order; the
// suffix 1 or 2 of a field names the state (CCode1 or CCode2). Fields
// without a suffix describe the whole dispute.
type GMLDyadYear struct {
	DispNum        int
	CCode1, CCode2 int
	Year           int
	Onset          bool // the dispute began in Year (midonset)

	SideA1, SideA2       bool
	RevState1, RevState2 world.Value // 0/1; missing in 84 rows
	RevType11, RevType12 world.Value // revtype1 of state 1 and of state 2
	RevType21, RevType22 world.Value // revtype2 of state 1 and of state 2
	Fatality1, Fatality2 world.Value
	FatalPre1, FatalPre2 world.Value
	HiAct1, HiAct2       int
	HostLev1, HostLev2   int
	Orig1, Orig2         bool

	HiAct    int
	HostLev  int
	MinDur   int
	MaxDur   int
	Outcome  world.Value
	Settle   world.Value
	Fatality world.Value
	FatalPre world.Value
	StMon    int
	EndMon   int // 0 when unknown (see the errata in the package doc)
	Recip    bool
	NumA     int
	NumB     int
	Ongoing  bool // ongoing in 2010 (ongo2010)
	Version  string
}

// gmlEndMonthErrata lists the dispute whose endmon is coded outside 1..12
// in GML 2.1.1, read as unknown.
var gmlEndMonthErrata = map[int]int{3514: 19}

// ReadGMLDyadYears reads the GML MID 2.1.1 dyad-year file.
func ReadGMLDyadYears(path string) ([]GMLDyadYear, error) {
	return readFile(path, readGML)
}

func readGML(r *table.Reader) ([]GMLDyadYear, error) {
	if err := r.Require("dispnum", "ccode1", "ccode2", "year", "midonset", "sidea1", "sidea2", "revstate1",
		"revstate2", "revtype11", "revtype12", "revtype21", "revtype22", "fatality1", "fatality2", "fatalpre1",
		"fatalpre2", "hiact1", "hiact2", "hostlev1", "hostlev2", "orig1", "orig2", "hiact", "hostlev", "mindur",
		"maxdur", "outcome", "settle", "fatality", "fatalpre", "stmon", "endmon", "recip", "numa", "numb"); err != nil {
		return nil, err
	}
	var out []GMLDyadYear
	for r.Next() {
		g := GMLDyadYear{DispNum: r.IntIn("dispnum", 1, 99999), CCode1: r.IntIn("ccode1", 1, 999),
			CCode2: r.IntIn("ccode2", 1, 999), Year: r.IntIn("year", 1800, 2100)}
		g.Onset = r.Bool("midonset")
		g.SideA1, g.SideA2 = r.Bool("sidea1"), r.Bool("sidea2")
		g.RevState1, g.RevState2 = codeIn(r, "revstate1", 0, 1), codeIn(r, "revstate2", 0, 1)
		g.RevType11, g.RevType12 = codeIn(r, "revtype11", 0, 4), codeIn(r, "revtype12", 0, 4)
		g.RevType21, g.RevType22 = codeIn(r, "revtype21", 0, 4), codeIn(r, "revtype22", 0, 4)
		g.Fatality1, g.Fatality2 = codeIn(r, "fatality1", 0, 6), codeIn(r, "fatality2", 0, 6)
		g.FatalPre1, g.FatalPre2 = codeIn(r, "fatalpre1", 0, 1e7), codeIn(r, "fatalpre2", 0, 1e7)
		g.HiAct1, g.HiAct2 = r.IntIn("hiact1", 0, 21), r.IntIn("hiact2", 0, 21)
		g.HostLev1, g.HostLev2 = r.IntIn("hostlev1", 1, 5), r.IntIn("hostlev2", 1, 5)
		g.Orig1, g.Orig2 = r.Bool("orig1"), r.Bool("orig2")
		g.HiAct = r.IntIn("hiact", 0, 21)
		g.HostLev = r.IntIn("hostlev", 1, 5)
		g.MinDur = r.IntIn("mindur", 0, 1e6)
		g.MaxDur = r.IntIn("maxdur", 0, 1e6)
		g.Outcome = codeIn(r, "outcome", 1, 9)
		g.Settle = codeIn(r, "settle", 1, 4)
		g.Fatality = codeIn(r, "fatality", 0, 6)
		g.FatalPre = codeIn(r, "fatalpre", 0, 1e7)
		g.StMon = r.IntIn("stmon", 1, 12)
		g.EndMon = r.Int("endmon")
		if r.Err() == nil && (g.EndMon < 1 || g.EndMon > 12) {
			if gmlEndMonthErrata[g.DispNum] == g.EndMon {
				g.EndMon = 0
			} else {
				r.Fail("endmon", "a month in 1..12", table.ErrRange)
			}
		}
		g.Recip = r.Bool("recip")
		g.NumA = r.IntIn("numa", 1, 999)
		g.NumB = r.IntIn("numb", 0, 999)
		if r.Has("ongo2010") {
			g.Ongoing = r.Bool("ongo2010")
		}
		g.Version = optString(r, "version")
		if r.Err() == nil && g.CCode1 == g.CCode2 {
			r.Fail("ccode2", fmt.Sprintf("a state other than ccode1 (%d)", g.CCode1), table.ErrRange)
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, g)
	}
	return out, r.Err()
}
