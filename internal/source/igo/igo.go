// Package igo reads the COW Intergovernmental Organizations data v3.0
// (Pevehouse, Nordstrom, McManus & Jamison 2020, "Tracking Organizations
// in the World: The Correlates of War IGO Version 3.0 Datasets", Journal
// of Peace Research 57(3): 492–503) as dyadic counts, as peacesciencer
// (Miller 2022) distributes them in cow_igo_ndy.rda:
//
//	"ccode1","ccode2","year","dyadigos"
//	2,20,1920,7
//
// One row per non-directed dyad and year, ccode1 < ccode2, 1816–2014:
// dyadigos is the number of IGOs in which both states are full members.
// A dyad-year without a row is missing, not 0 (peacesciencer's
// convention: the file lists the dyads COW coded, zeros included).
package igo

import (
	"fmt"

	"github.com/entente/entente/internal/source/table"
)

// DyadYear is the number of IGOs two states share in one year.
type DyadYear struct {
	CCode1, CCode2 int // CCode1 < CCode2
	Year           int
	Shared         int // dyadigos
}

// Read reads the dyadic IGO file.
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
	if err := r.Require("ccode1", "ccode2", "year", "dyadigos"); err != nil {
		return err
	}
	for r.Next() {
		d := DyadYear{CCode1: r.IntIn("ccode1", 1, 999), CCode2: r.IntIn("ccode2", 1, 999), Year: r.IntIn("year", 1800, 2100)}
		if r.Err() == nil && d.CCode1 >= d.CCode2 {
			r.Fail("ccode2", fmt.Sprintf("a ccode above ccode1 (%d)", d.CCode1), table.ErrRange)
		}
		d.Shared = r.IntIn("dyadigos", 0, 9999)
		if r.Err() != nil {
			return r.Err()
		}
		f(&d)
	}
	return r.Err()
}
