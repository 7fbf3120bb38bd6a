package sipri

import (
	"fmt"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Share is one row of the OWID share-of-GDP file.
type Share struct {
	Entity  string
	ISO3    string // empty for an aggregate
	Year    int
	Percent float64 // military expenditure, % of GDP
	Region  string  // OWID world region
}

// Shares holds military expenditure as a share of GDP.
type Shares struct {
	Rows       []Share // rows with an ISO3 code, in file order
	Aggregates []Share // rows without a code (the EU)
	idx        map[shareKey]int32
}

type shareKey struct {
	iso3 string
	year int
}

// Get returns the share of GDP (percent) of the state with ISO3 code iso3
// in year y, or missing when the file has none.
func (s *Shares) Get(iso3 string, y int) world.Value {
	if i, ok := s.idx[shareKey{iso3, y}]; ok {
		return world.Value(s.Rows[i].Percent)
	}
	return world.Missing()
}

// GetCOW returns the share of GDP of COW state ccode in year y, through
// world.ISO3FromCOWIn: GetCOW(260, 1980) is West Germany's DEU series. In a
// year when a code changes hands (Yemen 1990) both states read the series.
func (s *Shares) GetCOW(ccode, y int) world.Value {
	iso3, ok := world.ISO3FromCOWIn(ccode, y)
	if !ok {
		return world.Missing()
	}
	return s.Get(iso3, y)
}

// Codes returns the number of distinct ISO3 codes.
func (s *Shares) Codes() int {
	seen := map[string]bool{}
	for _, r := range s.Rows {
		seen[r.ISO3] = true
	}
	return len(seen)
}

// ReadShares reads military-spending-as-a-share-of-gdp-sipri.csv. The value
// column is found by its prefix "Military expenditure"; a code-year may
// appear once; shares must be non-negative.
func ReadShares(path string) (*Shares, error) {
	r, err := table.Open(path, table.Options{})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readShares(r)
}

func readShares(r *table.Reader) (*Shares, error) {
	valueCol := ""
	for _, h := range r.Header() {
		if len(h) >= len("Military expenditure") && h[:len("Military expenditure")] == "Military expenditure" {
			valueCol = h
			break
		}
	}
	if valueCol == "" {
		valueCol = "Military expenditure (% of GDP)"
	}
	if err := r.Require("Entity", "Code", "Year", valueCol); err != nil {
		return nil, err
	}
	s := &Shares{idx: map[shareKey]int32{}}
	lines := map[shareKey]int{}
	for r.Next() {
		row := Share{Entity: r.String("Entity"), ISO3: r.String("Code"), Year: r.IntIn("Year", 1800, 2100)}
		row.Percent = r.Float(valueCol)
		if r.Err() == nil && row.Percent < 0 {
			r.Fail(valueCol, "a share >= 0", table.ErrRange)
		}
		if r.Has("World region according to OWID") {
			row.Region = r.String("World region according to OWID")
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		if row.ISO3 == "" {
			s.Aggregates = append(s.Aggregates, row)
			continue
		}
		k := shareKey{row.ISO3, row.Year}
		if line, dup := lines[k]; dup {
			r.Fail("Year", fmt.Sprintf("one row per code and year (%s %d is also on line %d)", row.ISO3, row.Year, line), table.ErrRange)
			return nil, r.Err()
		}
		lines[k] = r.Line()
		s.idx[k] = int32(len(s.Rows))
		s.Rows = append(s.Rows, row)
	}
	return s, r.Err()
}
