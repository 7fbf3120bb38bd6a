package war

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// DyadYear is one row of the COW war dyad-year file: CCode1 fought CCode2
// (on the other side) in war WarNum during Year. Suffix 1 or 2 names the
// state a field describes.
type DyadYear struct {
	WarNum         int
	CCode1, CCode2 int
	Year           int
	Ongoing        bool // cowinterongoing
	Onset          bool // cowinteronset: the war began in Year
	SideA1, SideA2 bool // on side A (sidea 1) rather than side B (2)
	Initiator1     bool
	Initiator2     bool
	Outcome1       world.WarOutcome // 0 unknown (empty in the file)
	Outcome2       world.WarOutcome
	BatDeath1      world.Value // -9 is missing
	BatDeath2      world.Value
	Resume         bool
}

// RSHRow is one row of the Reiter–Stam–Horowitz participant file: CCode
// fought in the initial war InitWarID (part of the larger war
// LargerWarID) during Year, entering and leaving on the dates given for
// that year, with a second spell in the same year when Entry2 is not zero.
type RSHRow struct {
	LargerWarID   int
	LargerWarName string
	InitWarID     int
	InitWarName   string
	AnnualOutcome int // 0 continues, 1..3 as coded by Reiter et al.
	Year          int
	Name          string // the participant
	CCode         int
	TargetName    string
	TargetCCode   int
	Entry, Exit   world.Date
	Entry2, Exit2 world.Date // zero when there is no second spell
	Joiner        bool
	Adversaries   []int // adv2ccode.. in file order, present cells only
	Allies        []int // ally1ccode.. in file order
}

type rshKey struct{ initWar, year, ccode int }

// rshEntryErrata lists the rows whose entry comes after their exit in the
// file: France's 1871 row of the Franco-Prussian war (init_war_id 40)
// enters on 12-31, the last day of its previous row, and leaves on 2-26
// (the armistice). It is read as entering on January 1, continuing the
// 1870 row.
var rshEntryErrata = map[rshKey]world.Date{{40, 1871, 220}: world.D(1871, 12, 31)}

// ReadDyadYears reads the COW war dyad-year file.
func ReadDyadYears(path string) ([]DyadYear, error) {
	return table.ReadFile(path, table.COW, readDyadYears)
}

// ReadParticipants reads the Reiter–Stam–Horowitz participant file.
func ReadParticipants(path string) ([]RSHRow, error) {
	return table.ReadFile(path, rshDialect, readParticipants)
}

var rshDialect = table.Options{Missing: []string{"NA"}}

func readDyadYears(r *table.Reader) ([]DyadYear, error) {
	if err := r.Require("warnum", "ccode1", "ccode2", "year", "cowinterongoing", "cowinteronset", "sidea1", "sidea2",
		"initiator1", "initiator2", "outcome1", "outcome2", "batdeath1", "batdeath2", "resume"); err != nil {
		return nil, err
	}
	var out []DyadYear
	for r.Next() {
		d := DyadYear{WarNum: r.IntIn("warnum", 1, 9999), CCode1: r.IntIn("ccode1", 1, 999),
			CCode2: r.IntIn("ccode2", 1, 999), Year: r.IntIn("year", 1816, 2100)}
		d.Ongoing, d.Onset = r.Bool("cowinterongoing"), r.Bool("cowinteronset")
		d.SideA1, d.SideA2 = r.IntIn("sidea1", 1, 2) == 1, r.IntIn("sidea2", 1, 2) == 1
		d.Initiator1, d.Initiator2 = r.Bool("initiator1"), r.Bool("initiator2")
		d.Outcome1, d.Outcome2 = outcome(r, "outcome1"), outcome(r, "outcome2")
		d.BatDeath1, d.BatDeath2 = deaths(r, "batdeath1"), deaths(r, "batdeath2")
		d.Resume = r.Bool("resume")
		if r.Err() == nil && d.CCode1 == d.CCode2 {
			r.Fail("ccode2", fmt.Sprintf("a state other than ccode1 (%d)", d.CCode1), table.ErrRange)
		}
		if r.Err() == nil && d.SideA1 == d.SideA2 {
			r.Fail("sidea2", "the side opposite sidea1", table.ErrRange)
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, d)
	}
	return out, r.Err()
}

func outcome(r *table.Reader, col string) world.WarOutcome {
	v, ok := r.OptInt(col)
	if ok && (v < 1 || v > 8) {
		r.Fail(col, "a COW outcome code in 1..8 or empty", table.ErrRange)
		return 0
	}
	return world.WarOutcome(v)
}

func deaths(r *table.Reader, col string) world.Value {
	v := r.Value(col)
	if v.OK() && (v < 0 || v != world.Value(int64(v))) {
		r.Fail(col, "a count of battle deaths or -9", table.ErrRange)
	}
	return v
}

func readParticipants(r *table.Reader) ([]RSHRow, error) {
	if err := r.Require("larger_war_name", "larger_war_id", "init_war_id", "init_war_name", "annual_outcome", "year",
		"init_name", "init_ccode", "target_name", "target_ccode", "month_entry", "day_entry", "month_exit", "day_exit",
		"month_entry02", "day_entry02", "month_exit02", "day_exit02", "joiner"); err != nil {
		return nil, err
	}
	advs, allies := listColumns(r, "adv"), listColumns(r, "ally")
	var out []RSHRow
	for r.Next() {
		p := RSHRow{LargerWarID: r.IntIn("larger_war_id", 1, 9999), LargerWarName: r.Text("larger_war_name"),
			InitWarID: r.IntIn("init_war_id", 1, 9999), InitWarName: r.Text("init_war_name"),
			AnnualOutcome: r.IntIn("annual_outcome", 0, 3), Year: r.IntIn("year", 1816, 2100),
			Name: r.Text("init_name"), CCode: r.IntIn("init_ccode", 1, 999),
			TargetName: r.Text("target_name"), TargetCCode: r.IntIn("target_ccode", 1, 999)}
		if r.Err() == nil {
			p.Entry, p.Exit = dayIn(r, p.Year, "month_entry", "day_entry", true), dayIn(r, p.Year, "month_exit", "day_exit", true)
			p.Entry2, p.Exit2 = dayIn(r, p.Year, "month_entry02", "day_entry02", false), dayIn(r, p.Year, "month_exit02", "day_exit02", false)
		}
		if r.Err() == nil && p.Exit.Before(p.Entry) && rshEntryErrata[rshKey{p.InitWarID, p.Year, p.CCode}] == p.Entry {
			p.Entry = world.D(p.Year, 1, 1)
		}
		if r.Err() == nil && p.Exit.Before(p.Entry) {
			r.Fail("month_exit", "an exit not before the entry "+p.Entry.String(), table.ErrRange)
		}
		if r.Err() == nil && p.Entry2.IsZero() != p.Exit2.IsZero() {
			r.Fail("month_exit02", "a second exit exactly when there is a second entry", table.ErrMissingValue)
		}
		p.Joiner = r.Bool("joiner")
		p.Adversaries = codes(r, advs)
		p.Allies = codes(r, allies)
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, p)
	}
	return out, r.Err()
}

// listColumns returns the ccode columns of a list (adv2ccode, adv3ccode…)
// in header order.
func listColumns(r *table.Reader, prefix string) []string {
	var cols []string
	for _, h := range r.Header() {
		if n, ok := strings.CutPrefix(h, prefix); ok {
			if k, ok := strings.CutSuffix(n, "ccode"); ok {
				if _, err := strconv.Atoi(k); err == nil {
					cols = append(cols, h)
				}
			}
		}
	}
	return cols
}

func codes(r *table.Reader, cols []string) []int {
	var out []int
	for _, c := range cols {
		if v, ok := r.OptInt(c); ok {
			if v < 1 || v > 999 {
				r.Fail(c, "a COW ccode in 1..999 or NA", table.ErrRange)
				return nil
			}
			out = append(out, v)
		}
	}
	return out
}

// dayIn reads a month and day of year y; with required, both must be
// present, else both must be present or both NA (then the zero Date).
func dayIn(r *table.Reader, y int, mcol, dcol string, required bool) world.Date {
	m, mok := r.OptInt(mcol)
	d, dok := r.OptInt(dcol)
	if r.Err() != nil {
		return world.Date{}
	}
	if !mok || !dok {
		switch {
		case required && !mok:
			r.Fail(mcol, "a month", table.ErrMissingValue)
		case required || mok:
			r.Fail(dcol, "a day", table.ErrMissingValue)
		case dok:
			r.Fail(mcol, "a month with the day", table.ErrMissingValue)
		}
		return world.Date{}
	}
	if m < 1 || m > 12 {
		r.Fail(mcol, "a month in 1..12", table.ErrRange)
		return world.Date{}
	}
	date := world.D(y, m, d)
	if d < 1 || date.Validate() != nil {
		r.Fail(dcol, "a day of the month", table.ErrRange)
		return world.Date{}
	}
	return date
}
