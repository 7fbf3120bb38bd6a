// Package leader reads the Archigos data of political leaders (Goemans,
// Gleditsch & Chiozza 2009, "Introducing Archigos: A Dataset of Political
// Leaders", Journal of Peace Research 46(2): 269–283), version 4.1, as
// peacesciencer (Miller 2022) distributes it in archigos.rda:
//
//	"obsid","gwcode","leadid","leader","yrborn","gender","startdate","enddate","entry","exit","exitcode"
//	"USA-1869",2,"81dcc176-…","Grant",1822,"M","1869-03-04","1877-03-04","Regular","Regular","Regular"
//
// One row per leader spell, 1840–2015. States are identified by
// Gleditsch–Ward codes, not COW codes: Spell.CCodeIn translates them
// through world's crosswalk as it stood on a given year (GW 260, West
// Germany, is COW 260 until 1990 and COW 255 after). A leader still in
// office at the end of coverage has exit "Still in Office" and the last
// day of coverage as enddate.
package leader

import (
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Spell is one leader's time in office.
type Spell struct {
	ObsID    string
	GWCode   int
	LeaderID string
	Leader   string
	Born     int    // 0 when unknown
	Gender   string // "M" or "F"
	Start    world.Date
	End      world.Date
	Entry    string // Regular, Irregular, Foreign Imposition, Unknown
	Exit     string // Regular, Irregular, Natural Death, Still in Office, …
	ExitCode string // the manner of an irregular exit, e.g. "Assassination by Unsupported Individual"
}

// StillInOffice is the Exit of a leader in office at the end of coverage.
const StillInOffice = "Still in Office"

// CCodeIn returns the COW code of the spell's state in year y, through
// world's crosswalk.
func (s *Spell) CCodeIn(y int) (int, bool) { return world.COWFromGWIn(s.GWCode, y) }

// InOffice reports whether the leader held office on some day of year y.
func (s *Spell) InOffice(y int) bool { return s.Start.Year <= y && y <= s.End.Year }

// Read reads the Archigos file.
func Read(path string) ([]Spell, error) { return table.ReadFile(path, table.Options{}, read) }

func read(r *table.Reader) ([]Spell, error) {
	if err := r.Require("obsid", "gwcode", "leadid", "leader", "yrborn", "gender", "startdate", "enddate", "entry", "exit", "exitcode"); err != nil {
		return nil, err
	}
	var out []Spell
	for r.Next() {
		s := Spell{ObsID: r.Text("obsid"), GWCode: r.IntIn("gwcode", 1, 999), LeaderID: r.Text("leadid"), Leader: r.Text("leader")}
		if y, ok := r.OptInt("yrborn"); ok {
			if y < 1700 || y > 2100 {
				r.Fail("yrborn", "a year in 1700..2100 or empty", table.ErrRange)
			}
			s.Born = y
		}
		s.Gender = r.Text("gender")
		if r.Err() == nil && s.Gender != "M" && s.Gender != "F" {
			r.Fail("gender", `"M" or "F"`, table.ErrRange)
		}
		s.Start, s.End = date(r, "startdate"), date(r, "enddate")
		if r.Err() == nil && s.End.Before(s.Start) {
			r.Fail("enddate", "a date not before startdate "+s.Start.String(), table.ErrRange)
		}
		s.Entry, s.Exit, s.ExitCode = r.Text("entry"), r.Text("exit"), r.Text("exitcode")
		if r.Err() == nil && s.ObsID == "" {
			r.Fail("obsid", "an observation id", table.ErrMissingValue)
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, s)
	}
	return out, r.Err()
}

// date reads a full ISO date YYYY-MM-DD.
func date(r *table.Reader, col string) world.Date {
	s := r.Text(col)
	if r.Err() != nil {
		return world.Date{}
	}
	if s == "" {
		r.Fail(col, "a date YYYY-MM-DD", table.ErrMissingValue)
		return world.Date{}
	}
	d, err := world.ParseDate(s)
	if err != nil || len(s) != len("2006-01-02") {
		r.Fail(col, "a date YYYY-MM-DD", table.ErrSyntax)
		return world.Date{}
	}
	return d
}
