package geo

import (
	"fmt"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// CapDistRow is one ordered pair of capdist.csv.
type CapDistRow struct {
	GW1   int    // numa, a Gleditsch–Ward code
	ID1   string // ida
	GW2   int    // numb
	ID2   string // idb
	Km    float64
	Miles float64
}

// CapDist holds the distances between capitals, keyed by GW codes.
type CapDist struct {
	rows  []CapDistRow
	idx   map[[2]int]int32
	codes map[int]bool
}

// Rows returns the rows in file order.
func (c *CapDist) Rows() []CapDistRow { return c.rows }

// Km returns the distance in km between the capitals of two GW states, or
// missing when the file has no such pair.
func (c *CapDist) Km(gw1, gw2 int) world.Value {
	if i, ok := c.idx[[2]int{gw1, gw2}]; ok {
		return world.Value(c.rows[i].Km)
	}
	return world.Missing()
}

// KmCOW returns the distance between the capitals of two COW states in
// year y, translating each ccode with world.GWFromCOWIn. capdist.csv
// departs from the GW list in two places, coding Serbia as 345 after 2006
// and unified Yemen as 679, both COW codes; so when the GW code is absent
// from the file the ccode itself is tried.
func (c *CapDist) KmCOW(a, b, y int) world.Value {
	return c.Km(c.gw(a, y), c.gw(b, y))
}

func (c *CapDist) gw(ccode, y int) int {
	g, ok := world.GWFromCOWIn(ccode, y)
	if ok && c.has(g) {
		return g
	}
	if c.has(ccode) {
		return ccode
	}
	return g
}

func (c *CapDist) has(gw int) bool { return c.codes[gw] }

// Codes returns the number of distinct GW codes in the file.
func (c *CapDist) Codes() int { return len(c.codes) }

// ReadCapDist reads capdist.csv. Distances must be non-negative; a pair
// listed twice (Serbia and Yugoslavia share 345) must agree.
func ReadCapDist(path string) (*CapDist, error) {
	r, err := table.Open(path, table.Options{})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readCapDist(r)
}

func readCapDist(r *table.Reader) (*CapDist, error) {
	if err := r.Require("numa", "ida", "numb", "idb", "kmdist", "midist"); err != nil {
		return nil, err
	}
	c := &CapDist{idx: map[[2]int]int32{}, codes: map[int]bool{}}
	for r.Next() {
		row := CapDistRow{GW1: r.IntIn("numa", 1, 999), ID1: r.String("ida"), GW2: r.IntIn("numb", 1, 999), ID2: r.String("idb")}
		row.Km = nonNegative(r, "kmdist")
		row.Miles = nonNegative(r, "midist")
		if r.Err() == nil {
			if i, dup := c.idx[[2]int{row.GW1, row.GW2}]; dup && (c.rows[i].Km != row.Km || c.rows[i].Miles != row.Miles) {
				r.Fail("kmdist", fmt.Sprintf("%g as on the earlier row for %d-%d", c.rows[i].Km, row.GW1, row.GW2), table.ErrRange)
			}
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		if _, dup := c.idx[[2]int{row.GW1, row.GW2}]; !dup {
			c.idx[[2]int{row.GW1, row.GW2}] = int32(len(c.rows))
		}
		c.codes[row.GW1], c.codes[row.GW2] = true, true
		c.rows = append(c.rows, row)
	}
	return c, r.Err()
}

func nonNegative(r *table.Reader, col string) float64 {
	v := r.Float(col)
	if r.Err() == nil && v < 0 {
		r.Fail(col, "a distance >= 0", table.ErrRange)
	}
	return v
}
