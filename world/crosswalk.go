package world

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// The crosswalk between Correlates of War codes (ccode), Gleditsch–Ward
// codes (gwcode; Gleditsch & Ward 1999, "A Revised List of Independent
// States since the Congress of Vienna", International Interactions 25:
// 393–413) and ISO 3166-1 alpha-3 codes is data: crosswalk.csv, embedded
// below. docs/codes.md explains each difference between the systems.
//
// Each row maps one ccode to one gwcode and one ISO3 code for a spell
// [start, end] (ISO dates; an empty bound is open). Most rows are open at
// both ends: the two systems share the code for the state's whole life. The
// spells bound only where a code changes (Germany 255/260, Serbia and
// Yugoslavia 345/340, Yemen 678/679); they do not encode system membership.
// Rows with use "decode" are aliases read only when decoding a GW or ISO3
// code to a ccode (ISO 3166-3 former codes such as SUN and YUG, OWID_KOS,
// and capdist.csv's 679).
//
//go:embed crosswalk.csv
var crosswalkCSV string

// CodeMapping is one row of the crosswalk.
type CodeMapping struct {
	CCode  int    // COW ccode, 0 when the state is not in the COW system
	GWCode int    // Gleditsch–Ward code, 0 when none
	ISO3   string // ISO 3166-1 alpha-3 code (or a former or alias code), "" when none
	Start  Date   // first day the mapping holds; zero: since the state began
	End    Date   // last day; zero: still holds
	Decode bool   // an alias used only to decode GW or ISO3 codes to ccodes
	Name   string
	Note   string
}

var (
	crosswalkOnce sync.Once
	crosswalkRows []CodeMapping
	crosswalkErr  error
	// Row positions by code, so that a lookup scans a state's few rows.
	byCCode = map[int][]int{}
	byGW    = map[int][]int{}
	byISO3  = map[string][]int{}
)

// Crosswalk returns the rows of the embedded crosswalk, in file order.
func Crosswalk() []CodeMapping {
	rows := loadCrosswalk()
	return append([]CodeMapping(nil), rows...)
}

func loadCrosswalk() []CodeMapping {
	crosswalkOnce.Do(func() {
		crosswalkRows, crosswalkErr = parseCrosswalk(crosswalkCSV)
		for i, m := range crosswalkRows {
			byCCode[m.CCode] = append(byCCode[m.CCode], i)
			byGW[m.GWCode] = append(byGW[m.GWCode], i)
			byISO3[m.ISO3] = append(byISO3[m.ISO3], i)
		}
	})
	if crosswalkErr != nil {
		// The file is compiled in; a bad row is a programmer error that
		// TestCrosswalkParses catches.
		panic(crosswalkErr)
	}
	return crosswalkRows
}

func parseCrosswalk(src string) ([]CodeMapping, error) {
	recs, err := csv.NewReader(strings.NewReader(src)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("crosswalk.csv: %w", err)
	}
	want := []string{"ccode", "gwcode", "iso3", "start", "end", "use", "name", "note"}
	if len(recs) == 0 || strings.Join(recs[0], ",") != strings.Join(want, ",") {
		return nil, fmt.Errorf("crosswalk.csv: header must be %s", strings.Join(want, ","))
	}
	out := make([]CodeMapping, 0, len(recs)-1)
	for i, r := range recs[1:] {
		line := i + 2
		var m CodeMapping
		var err error
		if m.CCode, err = optCode(r[0]); err != nil {
			return nil, fmt.Errorf("crosswalk.csv:%d: ccode: %w", line, err)
		}
		if m.GWCode, err = optCode(r[1]); err != nil {
			return nil, fmt.Errorf("crosswalk.csv:%d: gwcode: %w", line, err)
		}
		m.ISO3 = r[2]
		if r[3] != "" {
			if m.Start, err = ParseDate(r[3]); err != nil {
				return nil, fmt.Errorf("crosswalk.csv:%d: start: %w", line, err)
			}
		}
		if r[4] != "" {
			if m.End, err = ParseDate(r[4]); err != nil {
				return nil, fmt.Errorf("crosswalk.csv:%d: end: %w", line, err)
			}
		}
		switch r[5] {
		case "":
		case "decode":
			m.Decode = true
		default:
			return nil, fmt.Errorf("crosswalk.csv:%d: use %q: want empty or decode", line, r[5])
		}
		m.Name, m.Note = r[6], r[7]
		out = append(out, m)
	}
	return out, nil
}

func optCode(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("%q is not a positive integer", s)
	}
	return v, nil
}

// daysIn reports how many days of year y the row's spell covers.
func (m CodeMapping) daysIn(y int) int {
	first, last := yearDay(y, 1, 1), yearDay(y, 12, 31)
	if !m.Start.IsZero() {
		first = max(first, yearDay(m.Start.Year, max(m.Start.Month, 1), max(m.Start.Day, 1)))
	}
	if !m.End.IsZero() {
		month := m.End.Month
		if month == 0 {
			month = 12
		}
		last = min(last, yearDay(m.End.Year, month, endDay(m.End)))
	}
	if last < first {
		return 0
	}
	return last - first + 1
}

func endDay(d Date) int {
	if d.Day > 0 {
		return d.Day
	}
	if d.Month == 0 {
		return 31
	}
	return daysIn(d.Year, d.Month)
}

// yearDay numbers days from a fixed origin (days since 0000-03-01 in the
// proleptic Gregorian calendar), so that differences count days.
func yearDay(y, m, d int) int {
	if m <= 2 {
		y--
		m += 12
	}
	return 365*y + y/4 - y/100 + y/400 + (153*(m-3)+2)/5 + d - 1
}

// pick chooses among the rows that match a query. With year 0 it returns
// the row with the latest start (a state's present-day code), preferring
// primary rows over decode aliases. With a year it returns the row that
// covers most days of that year; a tie goes to the later start.
func pick(candidates []int, match func(CodeMapping) bool, year int) (CodeMapping, bool) {
	var best CodeMapping
	bestScore, found := -1, false
	rows := loadCrosswalk()
	for _, i := range candidates {
		m := rows[i]
		if !match(m) {
			continue
		}
		score := 0
		if year == 0 {
			if !m.Decode {
				score = 1 << 30
			}
		} else if score = m.daysIn(year); score == 0 {
			continue
		}
		if score > bestScore || score == bestScore && best.Start.Before(m.Start) {
			best, bestScore, found = m, score, true
		}
	}
	return best, found
}

// GWFromCOW returns the Gleditsch–Ward code of a COW state as it is today
// (or was when the state ended): GWFromCOW(255) is 260, since Gleditsch and
// Ward code united Germany as a continuation of West Germany. Use
// GWFromCOWIn for the code in force in a given year.
func GWFromCOW(ccode int) (int, bool) { return GWFromCOWIn(ccode, 0) }

// GWFromCOWIn returns the Gleditsch–Ward code of a COW state in year y: the
// code in force for most days of y (GWFromCOWIn(345, 1914) is 340 Serbia,
// GWFromCOWIn(345, 1950) is 345 Yugoslavia). Year 0 means today.
func GWFromCOWIn(ccode, y int) (int, bool) {
	loadCrosswalk()
	m, ok := pick(byCCode[ccode], func(m CodeMapping) bool { return !m.Decode && ccode != 0 && m.GWCode != 0 }, y)
	return m.GWCode, ok
}

// COWFromGW returns the COW code of a Gleditsch–Ward state as it is today:
// COWFromGW(260) is 255 (Germany), COWFromGW(678) is 679 (Yemen). Use
// COWFromGWIn for the code in force in a given year.
func COWFromGW(gw int) (int, bool) { return COWFromGWIn(gw, 0) }

// COWFromGWIn returns the COW code of a Gleditsch–Ward state in year y, the
// code in force for most days of y (COWFromGWIn(260, 1980) is 260). Year 0
// means today. GW states outside the COW system (Tibet 711, Transvaal 563,
// ...) have none.
func COWFromGWIn(gw, y int) (int, bool) {
	loadCrosswalk()
	m, ok := pick(byGW[gw], func(m CodeMapping) bool { return gw != 0 && m.CCode != 0 }, y)
	return m.CCode, ok
}

// ISO3FromCOW returns the ISO 3166-1 alpha-3 code of a COW state: the code
// of the state or of its present-day continuator (RUS for the Soviet Union,
// SRB for Yugoslavia), or an ISO 3166-3 former code for a state with no
// single continuator (CSK, DDR, YMD). States that ended before ISO 3166
// (Bavaria, Austria-Hungary) have none.
func ISO3FromCOW(ccode int) (string, bool) { return ISO3FromCOWIn(ccode, 0) }

// ISO3FromCOWIn returns the ISO3 code of a COW state in year y; year 0
// means today.
func ISO3FromCOWIn(ccode, y int) (string, bool) {
	loadCrosswalk()
	m, ok := pick(byCCode[ccode], func(m CodeMapping) bool { return !m.Decode && ccode != 0 && m.ISO3 != "" }, y)
	return m.ISO3, ok
}

// COWFromISO3 returns the COW code of the state an ISO3 code names today:
// COWFromISO3("DEU") is 255, COWFromISO3("YEM") is 679. It also decodes
// ISO 3166-3 former codes (SUN, YUG, SCG, VDR) and OWID_KOS. Use
// COWFromISO3In for the code in force in a given year.
func COWFromISO3(iso3 string) (int, bool) { return COWFromISO3In(iso3, 0) }

// COWFromISO3In returns the COW code of an ISO3 code in year y, the code in
// force for most days of y (COWFromISO3In("DEU", 1980) is 260). Year 0
// means today.
func COWFromISO3In(iso3 string, y int) (int, bool) {
	iso3 = strings.ToUpper(strings.TrimSpace(iso3))
	loadCrosswalk()
	m, ok := pick(byISO3[iso3], func(m CodeMapping) bool { return iso3 != "" && m.CCode != 0 }, y)
	return m.CCode, ok
}
