package geo

import (
	"fmt"
	"sort"
	"time"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Capital is one capital spell of a state.
type Capital struct {
	CCode int
	State string // statenme
	Name  string // capital
	Start world.Date
	End   world.Date
	Lat   world.Value // decimal degrees
	Lon   world.Value
}

// World returns the capital in entente's vocabulary.
func (c *Capital) World() world.Capital {
	return world.Capital{Name: c.Name, Lat: c.Lat, Lon: c.Lon}
}

// Capitals holds every capital spell, by state.
type Capitals struct {
	all    []Capital
	byCode map[int][]int // positions in all, sorted by start
}

// All returns every spell in file order.
func (cs *Capitals) All() []Capital { return cs.all }

// States returns the number of states with at least one capital.
func (cs *Capitals) States() int { return len(cs.byCode) }

// On returns the capital of ccode in force on date d (a full date).
func (cs *Capitals) On(ccode int, d world.Date) (Capital, bool) {
	for _, i := range cs.byCode[ccode] {
		if c := cs.all[i]; (world.Spell{Start: c.Start, End: c.End}).ActiveOn(d) {
			return c, true
		}
	}
	return Capital{}, false
}

// In returns the capital of ccode in year y. When the capital moved during
// the year, the rule is: the capital in force for the most days of the
// year; on a tie, the later one. (Brazil 1960: Brasília, from 21 April;
// Russia 1918: Moscow, from 12 March.) A state with no capital in force on
// any day of y has none.
func (cs *Capitals) In(ccode, y int) (Capital, bool) {
	best, bestDays := -1, 0
	for _, i := range cs.byCode[ccode] {
		if n := daysIn(cs.all[i], y); n > 0 && n >= bestDays {
			best, bestDays = i, n
		}
	}
	if best < 0 {
		return Capital{}, false
	}
	return cs.all[best], true
}

func daysIn(c Capital, y int) int {
	first := max(day(c.Start), day(world.D(y, 1, 1)))
	last := day(world.D(y, 12, 31))
	if !c.End.IsZero() {
		last = min(last, day(c.End))
	}
	if last < first {
		return 0
	}
	return last - first + 1
}

func day(d world.Date) int {
	return int(time.Date(d.Year, time.Month(d.Month), d.Day, 12, 0, 0, 0, time.UTC).Unix() / 86400)
}

// ReadCapitals reads cow_capitals_peacesciencer.csv. Dates must be full ISO
// dates, a spell may not end before it starts, spells of one state may not
// overlap, and coordinates must be valid degrees.
func ReadCapitals(path string) (*Capitals, error) {
	r, err := table.Open(path, table.Options{})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readCapitals(r)
}

func readCapitals(r *table.Reader) (*Capitals, error) {
	if err := r.Require("ccode", "statenme", "capital", "stdate", "enddate", "lat", "lng"); err != nil {
		return nil, err
	}
	cs := &Capitals{byCode: map[int][]int{}}
	lines := map[int]int{}
	for r.Next() {
		c := Capital{CCode: r.IntIn("ccode", 1, 999), State: r.String("statenme"), Name: r.String("capital")}
		c.Start = fullDate(r, "stdate")
		c.End = fullDate(r, "enddate")
		c.Lat = degrees(r, "lat", 90)
		c.Lon = degrees(r, "lng", 180)
		if r.Err() == nil && c.End.Before(c.Start) {
			r.Fail("enddate", "a date on or after stdate "+c.Start.String(), table.ErrRange)
		}
		if r.Err() == nil {
			for _, i := range cs.byCode[c.CCode] {
				o := cs.all[i]
				if !c.End.Before(o.Start) && !o.End.Before(c.Start) {
					r.Fail("stdate", fmt.Sprintf("a spell not overlapping line %d (%s..%s)", lines[i], o.Start, o.End), table.ErrRange)
				}
			}
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		lines[len(cs.all)] = r.Line()
		cs.byCode[c.CCode] = append(cs.byCode[c.CCode], len(cs.all))
		cs.all = append(cs.all, c)
	}
	if r.Err() != nil {
		return nil, r.Err()
	}
	for _, idx := range cs.byCode {
		sort.Slice(idx, func(a, b int) bool { return cs.all[idx[a]].Start.Before(cs.all[idx[b]].Start) })
	}
	return cs, nil
}

func fullDate(r *table.Reader, col string) world.Date {
	s := r.String(col)
	if r.Err() != nil {
		return world.Date{}
	}
	d, err := world.ParseDate(s)
	if err == nil && d.Day == 0 {
		err = fmt.Errorf("date %q has no day", s)
	}
	if err != nil {
		r.Fail(col, "a date YYYY-MM-DD", fmt.Errorf("%w: %v", table.ErrSyntax, err))
	}
	return d
}

func degrees(r *table.Reader, col string, lim float64) world.Value {
	v := r.Value(col)
	if r.Err() == nil && v.OK() && (float64(v) < -lim || float64(v) > lim) {
		r.Fail(col, fmt.Sprintf("degrees in -%g..%g", lim, lim), table.ErrRange)
	}
	return v
}
