package cow

import (
	"fmt"
	"io"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Bounds the readers enforce.
const (
	minCCode = 1
	maxCCode = 999
	minYear  = 1000 // COW alliance start dates reach back to 1386
	maxYear  = 2100
)

// format describes one file layout: the columns it must have and how to
// read one row into a record.
type format[T any] struct {
	cols []string
	row  func(r *table.Reader) T
	// key, when set, names what must be unique (a state-year): a second
	// row with the same key is an error giving both lines.
	key func(T) stateYear
}

// stateYear is the key of the state-year files.
type stateYear struct{ ccode, year int }

// read opens path in the COW dialect and decodes it.
func (f format[T]) read(path string) ([]T, error) {
	r, err := table.Open(path, table.COW)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return f.rows(r)
}

// decode reads every row of src, named name in errors, until the end or
// the first error.
func (f format[T]) decode(name string, src io.Reader) ([]T, error) {
	r, err := table.New(name, src, table.COW)
	if err != nil {
		return nil, err
	}
	return f.rows(r)
}

// rows reads every row of r until the end or the first error.
func (f format[T]) rows(r *table.Reader) ([]T, error) {
	if err := r.Require(f.cols...); err != nil {
		return nil, err
	}
	var out []T
	var seen map[stateYear]int
	if f.key != nil {
		seen = make(map[stateYear]int)
	}
	for r.Next() {
		rec := f.row(r)
		if r.Err() != nil {
			break
		}
		if seen != nil {
			k := f.key(rec)
			if first, dup := seen[k]; dup {
				return nil, &table.ParseError{File: r.File(), Line: r.Line(), Field: "year", Err: table.ErrDuplicate,
					Expected: fmt.Sprintf("one row per state-year (ccode %d, year %d is on line %d)", k.ccode, k.year, first),
					Found:    fmt.Sprint(k.year)}
			}
			seen[k] = r.Line()
		}
		out = append(out, rec)
	}
	if err := r.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// ccode reads a COW country code.
func ccode(r *table.Reader, col string) int { return r.IntIn(col, minCCode, maxCCode) }

// date reads a date from three columns. A missing year gives the zero Date
// and false; a missing month or day is 0 (unknown). The date must exist in
// the calendar.
func date(r *table.Reader, ycol, mcol, dcol string) (world.Date, bool) {
	y, ok := r.OptInt(ycol)
	if !ok || r.Err() != nil {
		return world.Date{}, false
	}
	if y < minYear || y > maxYear {
		r.Fail(ycol, fmt.Sprintf("a year in %d..%d", minYear, maxYear), table.ErrRange)
		return world.Date{}, false
	}
	d := world.Date{Year: y}
	if m, ok := r.OptInt(mcol); ok {
		if m < 1 || m > 12 {
			r.Fail(mcol, "a month in 1..12 or a missing code", table.ErrRange)
			return world.Date{}, false
		}
		d.Month = m
	}
	if day, ok := r.OptInt(dcol); ok {
		d.Day = day
		if d.Month == 0 || d.Validate() != nil {
			r.Fail(dcol, "a day of the month or a missing code", table.ErrRange)
			return world.Date{}, false
		}
	}
	return d, r.Err() == nil
}

// spell reads a start date (required) and an end date (missing: in force),
// and checks that the end does not come before the start. The end is
// compared at the precision both dates share, so an end of 1850 (month
// unknown) is not before a start of 1850-05-12.
func spell(r *table.Reader, start, end [3]string) world.Spell { return spellIn(r, start, end, false) }

// spellIn is spell; with sameYear, an end earlier than the start within
// the same year is accepted (COW's dyad files end the Yemen Arab
// Republic–Yemen dyad of version4id 199 on 1990-05-21, a day before it
// starts).
func spellIn(r *table.Reader, start, end [3]string, sameYear bool) world.Spell {
	var s world.Spell
	var ok bool
	if s.Start, ok = date(r, start[0], start[1], start[2]); !ok {
		if r.Err() == nil {
			r.Fail(start[0], "a start year", table.ErrMissingValue)
		}
		return s
	}
	s.End, _ = date(r, end[0], end[1], end[2])
	if r.Err() == nil && !s.End.IsZero() && endsBefore(s.End, s.Start) && !(sameYear && s.End.Year == s.Start.Year) {
		r.Fail(end[0], "an end not before the start "+s.Start.String(), table.ErrRange)
	}
	return s
}

// endsBefore reports whether end lies strictly before start, comparing
// only the parts both dates know.
func endsBefore(end, start world.Date) bool {
	if end.Year != start.Year {
		return end.Year < start.Year
	}
	if end.Month == 0 || start.Month == 0 || end.Month != start.Month {
		return end.Month != 0 && start.Month != 0 && end.Month < start.Month
	}
	return end.Day != 0 && start.Day != 0 && end.Day < start.Day
}

// optFlag reads a 0/1 column that may be missing, giving def when it is.
func optFlag(r *table.Reader, col string, def bool) bool {
	on, known := r.Flag(col)
	if !known {
		return def
	}
	return on
}
