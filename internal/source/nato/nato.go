// Package nato reads NATO's defence-expenditure tables: defence expenditure
// as a share of real GDP, by ally and year, as published in "Defence
// Expenditure of NATO Countries" (NATO Public Diplomacy Division).
//
// A table is written the way NATO's spreadsheets export it: semicolon
// separated, decimal comma, allies by English name, and a trailing "e" on
// the years that are NATO's estimates:
//
//	Country;2014;2015;…;2023e;2024e
//	Albania;1,34652;1,16231;…;1,7467930732534500;2,0294680677363800
//
// Each edition revises earlier years, so a table is kept with its edition
// (Table.Edition) and later editions are read as further files. Allies are
// coded through names.go (NATO's spellings, such as "Türkiye" and "Slovak
// Republic", to COW codes); an unknown name is an error naming its line.
package nato

import (
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Figure is one ally's defence expenditure in one year.
type Figure struct {
	CCode    int     // COW code of the ally
	Country  string  // the name as NATO writes it
	Year     int     // calendar year
	Share    float64 // defence expenditure, percent of real GDP
	Estimate bool    // NATO's estimate ("2024e"), not yet an actual figure
}

// Table is one edition of NATO's table.
type Table struct {
	Edition string // the edition's date, "2024-06-17"
	Figures []Figure
	years   map[[2]int]int // (ccode, year) → index in Figures
}

// Get returns ally ccode's figure for year y, and whether the table has it.
func (t *Table) Get(ccode, y int) (Figure, bool) {
	i, ok := t.years[[2]int{ccode, y}]
	if !ok {
		return Figure{}, false
	}
	return t.Figures[i], true
}

// Share returns ally ccode's share of GDP in year y, missing when the table
// has no figure.
func (t *Table) Share(ccode, y int) world.Value {
	f, ok := t.Get(ccode, y)
	if !ok {
		return world.Missing()
	}
	return world.Value(f.Share)
}

// Years returns the first and last year of the table.
func (t *Table) Years() (first, last int) {
	for i, f := range t.Figures {
		if i == 0 || f.Year < first {
			first = f.Year
		}
		if f.Year > last {
			last = f.Year
		}
	}
	return first, last
}

// Allies returns the COW codes of the allies in the table, in file order.
func (t *Table) Allies() []int {
	var out []int
	seen := map[int]bool{}
	for _, f := range t.Figures {
		if !seen[f.CCode] {
			seen[f.CCode] = true
			out = append(out, f.CCode)
		}
	}
	return out
}

// Edition2024 is the edition of the table in the data directory
// (nato/nato_defence_share_gdp_2014_2024.csv): NATO press release
// PR/CP(2024)090, 17 June 2024, Table 3.
const Edition2024 = "2024-06-17"

// Options is the dialect of NATO's tables.
var Options = table.Options{Comma: ';', DecimalComma: true}

// Read reads the table at path, recording its edition.
func Read(path, edition string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadFrom(path, f, edition)
}

// ReadFrom reads a table from src, naming it name in errors.
func ReadFrom(name string, src io.Reader, edition string) (*Table, error) {
	r, err := table.New(name, src, Options)
	if err != nil {
		return nil, err
	}
	if err := r.Require("Country"); err != nil {
		return nil, err
	}
	type col struct {
		name     string
		year     int
		estimate bool
	}
	var cols []col
	for i, h := range r.Header() {
		if h == "Country" {
			continue
		}
		y, est := strings.CutSuffix(h, "e")
		year, err := strconv.Atoi(y)
		if err != nil || year < 1949 || year > 2100 {
			return nil, &table.ParseError{File: name, Line: 1, Column: i + 1, Field: h, Err: table.ErrSyntax,
				Expected: "a year, or a year followed by e for an estimate", Found: h}
		}
		cols = append(cols, col{h, year, est})
	}
	if len(cols) == 0 {
		return nil, &table.ParseError{File: name, Line: 1, Err: table.ErrMissingColumn, Expected: "year columns after Country"}
	}
	t := &Table{Edition: edition, years: map[[2]int]int{}}
	for r.Next() {
		country := r.String("Country")
		ccode, ok := CCode(country)
		if !ok {
			r.Fail("Country", "an ally's name as NATO writes it (see internal/source/nato/names.go)", table.ErrRange)
			break
		}
		for _, c := range cols {
			if r.IsMissing(c.name) {
				continue
			}
			v := r.Float(c.name)
			if r.Err() != nil {
				break
			}
			if v < 0 || v > 100 {
				r.Fail(c.name, "a percentage between 0 and 100", table.ErrRange)
				break
			}
			key := [2]int{ccode, c.year}
			if _, dup := t.years[key]; dup {
				r.Fail("Country", "each ally once", table.ErrRange)
				break
			}
			t.years[key] = len(t.Figures)
			t.Figures = append(t.Figures, Figure{CCode: ccode, Country: country, Year: c.year, Share: v, Estimate: c.estimate})
		}
		if r.Err() != nil {
			break
		}
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	if len(t.Figures) == 0 {
		return nil, &table.ParseError{File: name, Line: r.Line(), Err: table.ErrMissingValue, Expected: "at least one ally's figures"}
	}
	return t, nil
}
