package geo

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

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

// MarshalBinary encodes the rows compactly (little-endian), for the
// parsed cache of package history.
func (c *CapDist) MarshalBinary() ([]byte, error) {
	le := binary.LittleEndian
	b := le.AppendUint32(nil, uint32(len(c.rows)))
	for _, r := range c.rows {
		if len(r.ID1) > 255 || len(r.ID2) > 255 {
			return nil, errors.New("geo: capital distance id too long to encode")
		}
		b = le.AppendUint16(b, uint16(r.GW1))
		b = le.AppendUint16(b, uint16(r.GW2))
		b = append(b, byte(len(r.ID1)))
		b = append(b, r.ID1...)
		b = append(b, byte(len(r.ID2)))
		b = append(b, r.ID2...)
		b = le.AppendUint64(b, math.Float64bits(r.Km))
		b = le.AppendUint64(b, math.Float64bits(r.Miles))
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote and rebuilds the
// index as ReadCapDist does.
func (c *CapDist) UnmarshalBinary(b []byte) error {
	bad := errors.New("geo: malformed capital distances")
	le := binary.LittleEndian
	if len(b) < 4 {
		return bad
	}
	n := int(le.Uint32(b))
	b = b[4:]
	if n > len(b)/22 {
		return bad
	}
	out := &CapDist{rows: make([]CapDistRow, 0, n), idx: make(map[[2]int]int32, n), codes: map[int]bool{}}
	ids := map[string]string{}
	str := func() (string, bool) {
		if len(b) < 1 || len(b) < 1+int(b[0]) {
			return "", false
		}
		l := int(b[0])
		s, ok := ids[string(b[1:1+l])]
		if !ok {
			s = string(b[1 : 1+l])
			ids[s] = s
		}
		b = b[1+l:]
		return s, true
	}
	for range n {
		if len(b) < 4 {
			return bad
		}
		r := CapDistRow{GW1: int(le.Uint16(b)), GW2: int(le.Uint16(b[2:]))}
		b = b[4:]
		var ok1, ok2 bool
		r.ID1, ok1 = str()
		r.ID2, ok2 = str()
		if !ok1 || !ok2 || len(b) < 16 {
			return bad
		}
		r.Km, r.Miles = math.Float64frombits(le.Uint64(b)), math.Float64frombits(le.Uint64(b[8:]))
		b = b[16:]
		if _, dup := out.idx[[2]int{r.GW1, r.GW2}]; !dup {
			out.idx[[2]int{r.GW1, r.GW2}] = int32(len(out.rows))
		}
		out.codes[r.GW1], out.codes[r.GW2] = true, true
		out.rows = append(out.rows, r)
	}
	if len(b) != 0 {
		return bad
	}
	*c = *out
	return nil
}
