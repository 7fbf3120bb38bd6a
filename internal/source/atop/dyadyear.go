package atop

import (
	"fmt"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Coverage of the ATOP 5.1 dyad-year file.
const (
	FirstYear = 1815
	LastYear  = 2018
)

// DyadYear is one directed dyad-year of ATOP 5.1: the obligations that
// CCode1 has undertaken towards CCode2 in Year (Defense, Offense,
// Neutrality, Nonaggression, Consultation).
type DyadYear struct {
	CCode1, CCode2 int
	Year           int
	Obligations    world.Obligations
}

var dyadFlags = []struct {
	col string
	o   world.Obligation
}{
	{"atop_defense", world.Defense},
	{"atop_offense", world.Offense},
	{"atop_neutral", world.Neutrality},
	{"atop_nonagg", world.Nonaggression},
	{"atop_consul", world.Consultation},
}

// ReadDyadYears reads the ATOP 5.1 directed dyad-year obligations file.
// Every flag must be 0 or 1 (the file has no missing flags), ccode1 must
// differ from ccode2, the year must lie in 1815..2018, and a directed
// dyad-year may appear once (a second row is an error giving both lines).
func ReadDyadYears(path string) ([]DyadYear, error) {
	r, err := table.Open(path, table.Options{})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readDyadYears(r)
}

func readDyadYears(r *table.Reader) ([]DyadYear, error) {
	cols := []string{"ccode1", "ccode2", "year"}
	for _, f := range dyadFlags {
		cols = append(cols, f.col)
	}
	if err := r.Require(cols...); err != nil {
		return nil, err
	}
	out := make([]DyadYear, 0, 1<<12)
	seen := make(map[uint32]int32, 1<<12) // dyad-year -> line
	for r.Next() {
		d := DyadYear{CCode1: r.IntIn("ccode1", 1, 999), CCode2: r.IntIn("ccode2", 1, 999), Year: r.IntIn("year", FirstYear, LastYear)}
		for _, f := range dyadFlags {
			on, known := r.Flag(f.col)
			if r.Err() == nil && !known {
				r.Fail(f.col, "0 or 1", table.ErrMissingValue)
			}
			if on {
				d.Obligations = d.Obligations.With(f.o)
			}
		}
		if r.Err() == nil && d.CCode1 == d.CCode2 {
			r.Fail("ccode2", fmt.Sprintf("a state other than ccode1 (%d)", d.CCode1), table.ErrRange)
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		k := uint32(d.Year)<<20 | uint32(d.CCode1)<<10 | uint32(d.CCode2)
		if first, dup := seen[k]; dup {
			return nil, &table.ParseError{File: r.File(), Line: r.Line(), Field: "year", Err: table.ErrDuplicate,
				Expected: fmt.Sprintf("one row per directed dyad-year (%d→%d in %d is on line %d)", d.CCode1, d.CCode2, d.Year, first),
				Found:    fmt.Sprint(d.Year)}
		}
		seen[k] = int32(r.Line())
		out = append(out, d)
	}
	if r.Err() != nil {
		return nil, r.Err()
	}
	return out, nil
}

// Undirected returns, per obligation kind, the union over both directions
// of a dyad-year: the non-directed view in which a dyad has an obligation
// when either state pledged it. The result is keyed by the normalised dyad
// and year.
func Undirected(rows []DyadYear) map[DyadKey]world.Obligations {
	out := make(map[DyadKey]world.Obligations, len(rows)/2)
	for _, d := range rows {
		k := DyadKey{world.MakeDyad(d.CCode1, d.CCode2), d.Year}
		out[k] = out[k].Union(d.Obligations)
	}
	return out
}

// DyadKey is a non-directed dyad in a year.
type DyadKey struct {
	Dyad world.Dyad
	Year int
}
