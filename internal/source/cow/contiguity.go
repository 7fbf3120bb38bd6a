package cow

import (
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Contiguity types run from 1 (land) to 5 (separated by up to 400 miles of
// water); see world.Relation.
const (
	minContType = 1
	maxContType = 5
)

// ContiguityYear is one directed dyad-year of contdird.csv: State1 and
// State2 are contiguous in Year with Type 1..5. Each dyad appears in both
// directions.
type ContiguityYear struct {
	State1, State2 int
	Year           int
	Type           int
}

// ReadContiguityYears reads contdird.csv.
func ReadContiguityYears(path string) ([]ContiguityYear, error) {
	return contiguityYearsFormat.read(path)
}

var contiguityYearsFormat = format[ContiguityYear]{
	cols: []string{"state1no", "state2no", "year", "conttype"},
	row: func(r *table.Reader) ContiguityYear {
		c := ContiguityYear{State1: ccode(r, "state1no"), State2: ccode(r, "state2no"),
			Year: r.IntIn("year", minYear, maxYear), Type: r.IntIn("conttype", minContType, maxContType)}
		if r.Err() == nil && c.State1 == c.State2 {
			r.Fail("state2no", "a state other than state1no", table.ErrRange)
		}
		return c
	},
}

// Contiguity is one spell of contdir.csv, the master file: the lower- and
// higher-coded states, the type, and the spell from Begin to End (COW
// codes them as YYYYMM; the day is unknown), with the coder's notes.
type Contiguity struct {
	StateLow, StateHigh int
	Type                int
	Spell               world.Spell
	Notes               string
}

// ReadContiguity reads contdir.csv.
func ReadContiguity(path string) ([]Contiguity, error) { return contiguityFormat.read(path) }

var contiguityFormat = format[Contiguity]{
	cols: []string{"statelno", "statehno", "conttype", "begin", "end", "notes"},
	row: func(r *table.Reader) Contiguity {
		c := Contiguity{StateLow: ccode(r, "statelno"), StateHigh: ccode(r, "statehno"),
			Type: r.IntIn("conttype", minContType, maxContType), Notes: r.String("notes")}
		c.Spell.Start = yearMonth(r, "begin")
		c.Spell.End = yearMonth(r, "end")
		if r.Err() == nil && c.StateLow >= c.StateHigh {
			r.Fail("statehno", "a code above statelno", table.ErrRange)
		}
		if r.Err() == nil && c.Spell.End.Before(c.Spell.Start) {
			r.Fail("end", "an end not before begin", table.ErrRange)
		}
		return c
	},
}

// yearMonth reads a YYYYMM cell as a Date with an unknown day.
func yearMonth(r *table.Reader, col string) world.Date {
	v := r.Int(col)
	d := world.Date{Year: v / 100, Month: v % 100}
	if r.Err() == nil && (d.Year < minYear || d.Year > maxYear || d.Month < 1 || d.Month > 12) {
		r.Fail(col, "a date as YYYYMM", table.ErrRange)
	}
	return d
}

// ContiguityCount is one state-year of contdirs.csv: how many states are
// contiguous with State, in total, by land (type 1) and by sea (2..5).
type ContiguityCount struct {
	State            int
	Year             int
	Total, Land, Sea int
}

// ReadContiguityCounts reads contdirs.csv.
func ReadContiguityCounts(path string) ([]ContiguityCount, error) {
	return contiguityCountsFormat.read(path)
}

var contiguityCountsFormat = format[ContiguityCount]{
	cols: []string{"stateno", "year", "total", "land", "sea"},
	row: func(r *table.Reader) ContiguityCount {
		c := ContiguityCount{State: ccode(r, "stateno"), Year: r.IntIn("year", minYear, maxYear),
			Total: r.IntIn("total", 0, maxCCode), Land: r.IntIn("land", 0, maxCCode), Sea: r.IntIn("sea", 0, maxCCode)}
		if r.Err() == nil && c.Land+c.Sea != c.Total {
			r.Fail("total", "land + sea", table.ErrRange)
		}
		return c
	},
}
