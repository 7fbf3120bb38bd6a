// Package trade reads the COW Dyadic Trade data v4.0 (Barbieri, Keshk &
// Pollins 2009, "Trading Data: Evaluating our Assumptions and Coding
// Rules", Conflict Management and Peace Science 26(5): 471–491) as
// non-directed dyad-years, as peacesciencer (Miller 2022) distributes it in
// cow_trade_ndy.rda:
//
//	"ccode1","ccode2","year","flow1","flow2","smoothflow1","smoothflow2"
//	2,20,1920,612,735,612,735
//
// One row per dyad and year, ccode1 < ccode2, 1870–2014. flow1 is the
// imports of ccode1 from ccode2 and flow2 the imports of ccode2 from
// ccode1, in millions of current US dollars; smoothflow1/2 are COW's
// smoothed series. An empty flow is missing, never zero: COW codes a
// known absence of trade as 0.
package trade

import (
	"fmt"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// DyadYear is the trade of one dyad in one year, millions of current US$.
type DyadYear struct {
	CCode1, CCode2   int // CCode1 < CCode2
	Year             int
	Flow1, Flow2     world.Value // imports of CCode1 from CCode2, and of CCode2 from CCode1
	Smooth1, Smooth2 world.Value // COW's smoothed flow1 and flow2
}

// Read reads the trade file.
func Read(path string) ([]DyadYear, error) { return table.ReadFile(path, table.Options{}, read) }

// Scan reads the file row by row, calling f on each, without holding the
// rows: for callers that keep a few fields of a large file. It stops at
// the first bad row.
func Scan(path string, f func(*DyadYear)) error {
	_, err := table.ReadFile(path, table.Options{}, func(r *table.Reader) (struct{}, error) { return struct{}{}, scan(r, f) })
	return err
}

func read(r *table.Reader) ([]DyadYear, error) {
	var out []DyadYear
	if err := scan(r, func(d *DyadYear) { out = append(out, *d) }); err != nil {
		return nil, err
	}
	return out, nil
}

func scan(r *table.Reader, f func(*DyadYear)) error {
	if err := r.Require("ccode1", "ccode2", "year", "flow1", "flow2", "smoothflow1", "smoothflow2"); err != nil {
		return err
	}
	for r.Next() {
		d := DyadYear{CCode1: r.IntIn("ccode1", 1, 999), CCode2: r.IntIn("ccode2", 1, 999), Year: r.IntIn("year", 1800, 2100)}
		if r.Err() == nil && d.CCode1 >= d.CCode2 {
			r.Fail("ccode2", fmt.Sprintf("a ccode above ccode1 (%d)", d.CCode1), table.ErrRange)
		}
		d.Flow1, d.Flow2 = flow(r, "flow1"), flow(r, "flow2")
		d.Smooth1, d.Smooth2 = flow(r, "smoothflow1"), flow(r, "smoothflow2")
		if r.Err() != nil {
			return r.Err()
		}
		f(&d)
	}
	return r.Err()
}

func flow(r *table.Reader, col string) world.Value {
	v := r.Value(col)
	if v.OK() && v < 0 {
		r.Fail(col, "a non-negative flow or empty", table.ErrRange)
		return world.Missing()
	}
	return v
}
