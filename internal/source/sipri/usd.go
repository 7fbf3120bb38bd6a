package sipri

import (
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/encoding/charmap"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

//go:embed names.csv
var namesCSV string

var (
	namesOnce sync.Once
	names     map[string]string
	namesErr  error
)

// ISO3 returns the ISO3 code under which the SIPRI series named name is
// filed (see the package documentation), and whether the name is known.
// Names are compared after trimming spaces, with the right single quote
// read as an apostrophe.
func ISO3(name string) (string, bool) {
	namesOnce.Do(func() { names, namesErr = parseNames("names.csv", namesCSV) })
	if namesErr != nil {
		panic(namesErr) // names.csv is compiled in; TestNames checks it
	}
	code, ok := names[normName(name)]
	return code, ok
}

func normName(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), "\u2019", "'")
}

// parseNames reads names.csv (name,iso3,note) from src, naming it name in
// errors; the map is keyed by normName of each name.
func parseNames(name, src string) (map[string]string, error) {
	r, err := table.New(name, strings.NewReader(src), table.Options{})
	if err != nil {
		return nil, err
	}
	if err := r.Require("name", "iso3", "note"); err != nil {
		return nil, err
	}
	m := map[string]string{}
	for r.Next() {
		n, code := normName(r.String("name")), r.String("iso3")
		if len(code) != 3 || strings.ToUpper(code) != code {
			r.Fail("iso3", "three capital letters", table.ErrSyntax)
		} else if _, dup := m[n]; dup {
			r.Fail("name", "each name once", table.ErrRange)
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		m[n] = code
	}
	return m, r.Err()
}

// USD holds SIPRI military expenditure in millions of current US dollars.
type USD struct {
	Names []string // row names as in the file (trimmed)
	ISO3  []string // per row, the code the series is filed under
	Years []int    // per column
	// Values[i][j] is row i in Years[j]; missing when the cell is blank.
	Values [][]world.Value
	byISO  map[string][]int
	col    map[int]int
}

// Get returns the expenditure (current US$ millions) of the state with ISO3
// code iso3 in year y, or missing.
func (u *USD) Get(iso3 string, y int) world.Value {
	j, ok := u.col[y]
	if !ok {
		return world.Missing()
	}
	for _, i := range u.byISO[iso3] {
		if v := u.Values[i][j]; v.OK() {
			return v
		}
	}
	return world.Missing()
}

// GetCOW returns the expenditure of COW state ccode in year y, through
// world.ISO3FromCOWIn: GetCOW(365, 1988) reads the USSR row, filed under RUS.
func (u *USD) GetCOW(ccode, y int) world.Value {
	iso3, ok := world.ISO3FromCOWIn(ccode, y)
	if !ok {
		return world.Missing()
	}
	return u.Get(iso3, y)
}

// ByName returns the expenditure of the row named name in year y, or
// missing.
func (u *USD) ByName(name string, y int) world.Value {
	j, ok := u.col[y]
	if !ok {
		return world.Missing()
	}
	name = normName(name)
	for i, n := range u.Names {
		if n == name {
			return u.Values[i][j]
		}
	}
	return world.Missing()
}

// ReadUSD reads sipri-milex-data.csv.
func ReadUSD(path string) (*USD, error) {
	f, err := table.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	u, err := ReadUSDFrom(path, f)
	if err != nil {
		return nil, err
	}
	return u, f.Check(-1)
}

// ReadUSDFrom reads the wide SIPRI format from src (Windows-1252), naming
// it name in errors. Every row's name must be in names.csv, the year
// columns must be distinct years, and values must be non-negative numbers
// or a blank cell.
func ReadUSDFrom(name string, src io.Reader) (*USD, error) {
	r, err := table.New(name, charmap.Windows1252.NewDecoder().Reader(src), table.Options{Missing: []string{" "}})
	if err != nil {
		return nil, err
	}
	if err := r.Require("Country"); err != nil {
		return nil, err
	}
	u := &USD{byISO: map[string][]int{}, col: map[int]int{}}
	var yearCols []string
	for i, h := range r.Header() {
		if h == "Country" {
			continue
		}
		y, err := strconv.Atoi(h)
		if err != nil || y < 1800 || y > 2100 {
			return nil, &table.ParseError{File: name, Line: 1, Column: i + 1, Field: h, Err: table.ErrSyntax, Expected: "a year", Found: h}
		}
		if _, dup := u.col[y]; dup {
			return nil, &table.ParseError{File: name, Line: 1, Column: i + 1, Field: h, Err: table.ErrRange, Expected: "each year once", Found: h}
		}
		u.col[y] = len(u.Years)
		u.Years = append(u.Years, y)
		yearCols = append(yearCols, h)
	}
	for r.Next() {
		n := normName(r.String("Country"))
		code, ok := ISO3(n)
		if !ok {
			r.Fail("Country", "a country named in sipri/names.csv", table.ErrRange)
			return nil, r.Err()
		}
		vals := make([]world.Value, len(yearCols))
		for j, c := range yearCols {
			vals[j] = r.Value(c)
			if r.Err() == nil && vals[j].OK() && vals[j] < 0 {
				r.Fail(c, "an expenditure >= 0 or a blank", table.ErrRange)
			}
			if r.Err() == nil && vals[j].OK() {
				for _, i := range u.byISO[code] {
					if u.Values[i][j].OK() {
						r.Fail(c, fmt.Sprintf("no value, since %q, filed under %s too, has one", u.Names[i], code), table.ErrRange)
						break
					}
				}
			}
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		u.byISO[code] = append(u.byISO[code], len(u.Names))
		u.Names = append(u.Names, n)
		u.ISO3 = append(u.ISO3, code)
		u.Values = append(u.Values, vals)
	}
	return u, r.Err()
}
