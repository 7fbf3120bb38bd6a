package world

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Date is a calendar date whose month or day may be unknown (0), as in the
// COW and ATOP files, which code unknown days as -9 or leave them blank.
// The zero Date means "no date" (for an end date: still in force).
type Date struct {
	Year  int
	Month int // 1..12, or 0 when unknown
	Day   int // 1..31, or 0 when unknown
}

// D returns the Date y-m-d.
func D(y, m, d int) Date { return Date{y, m, d} }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Before reports whether d is strictly before e, comparing unknown months
// and days as 0 (the start of the year or month).
func (d Date) Before(e Date) bool { return d.key() < e.key() }

func (d Date) key() int { return d.Year*10000 + d.Month*100 + d.Day }

// String formats d as YYYY-MM-DD, YYYY-MM or YYYY, as far as it is known.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// ParseDate parses YYYY, YYYY-MM or YYYY-MM-DD and checks the calendar.
// The year must be positive: the zero Date is written as an empty string.
func ParseDate(s string) (Date, error) {
	parts := strings.Split(strings.TrimSpace(s), "-")
	if len(parts) > 3 || parts[0] == "" {
		return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Date{}, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
		}
		n[i] = v
	}
	d := Date{n[0], n[1], n[2]}
	if d.Year == 0 {
		// Year 0 would read as the zero Date, "no date" (an end date
		// still in force), not as an error.
		return Date{}, fmt.Errorf("date %q: year 0 is not a date; leave the date empty when there is none", s)
	}
	if err := d.Validate(); err != nil {
		return Date{}, err
	}
	if len(parts) >= 2 && d.Month == 0 || len(parts) == 3 && d.Day == 0 {
		return Date{}, fmt.Errorf("date %q: month and day start at 1", s)
	}
	return d, nil
}

// Validate checks that d's month and day exist in the calendar.
func (d Date) Validate() error {
	if d.Month < 0 || d.Month > 12 {
		return fmt.Errorf("date %s: month %d out of range 1..12", d, d.Month)
	}
	if d.Day < 0 || d.Day > daysIn(d.Year, d.Month) {
		return fmt.Errorf("date %s: day %d out of range for the month", d, d.Day)
	}
	if d.Month == 0 && d.Day != 0 {
		return fmt.Errorf("date %s: a day without a month", d)
	}
	return nil
}

func daysIn(y, m int) int {
	switch m {
	case 0:
		return 31
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// MarshalJSON encodes d as its String, or null for the zero Date.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON decodes the forms ParseDate accepts, and null.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Spell is a period [Start, End]; a zero End means still in force.
type Spell struct {
	Start Date `json:"start"`
	End   Date `json:"end"`
}

// Overlaps reports whether the spell overlaps calendar year y: it started
// in or before y and had not ended before y began. This is the rule COW's
// yearly member file follows for most spells (docs/history.md lists its
// known exceptions).
func (s Spell) Overlaps(y int) bool {
	if s.Start.Year > y {
		return false
	}
	return s.End.IsZero() || s.End.Year >= y
}

// ActiveOn reports whether the spell is in force on date d.
func (s Spell) ActiveOn(d Date) bool {
	if d.Before(s.Start) {
		return false
	}
	return s.End.IsZero() || !s.End.Before(d)
}
