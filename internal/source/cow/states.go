package cow

import (
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// StateSpell is one spell of a state's membership in the interstate system
// (states2016.csv). A state that left and re-entered the system, such as
// Germany or Austria, has several spells.
type StateSpell struct {
	CCode  int
	Abbrev string
	Name   string
	Spell  world.Spell
}

var (
	startCols = [3]string{"styear", "stmonth", "stday"}
	endCols   = [3]string{"endyear", "endmonth", "endday"}
)

var statesFormat = format[StateSpell]{
	cols: []string{"stateabb", "ccode", "statenme", "styear", "endyear"},
	row: func(r *table.Reader) StateSpell {
		s := StateSpell{CCode: ccode(r, "ccode"), Abbrev: r.String("stateabb"), Name: r.String("statenme")}
		s.Spell = spell(r, startCols, endCols)
		return s
	},
}

// ReadStates reads the state membership spells of states2016.csv.
func ReadStates(path string) ([]StateSpell, error) { return statesFormat.read(path) }

// StateYear is one member of the system in one year (system2016.csv).
type StateYear struct {
	CCode  int
	Abbrev string
	Year   int
}

var systemFormat = format[StateYear]{
	cols: []string{"stateabb", "ccode", "year"},
	row: func(r *table.Reader) StateYear {
		return StateYear{CCode: ccode(r, "ccode"), Abbrev: r.String("stateabb"), Year: r.IntIn("year", minYear, maxYear)}
	},
	key: func(s StateYear) stateYear { return stateYear{s.CCode, s.Year} },
}

// ReadSystem reads the state-years of system2016.csv.
func ReadSystem(path string) ([]StateYear, error) { return systemFormat.read(path) }

// MajorSpell is one spell of a state's major-power status (majors2016.csv).
type MajorSpell struct {
	CCode  int
	Abbrev string
	Spell  world.Spell
}

var majorsFormat = format[MajorSpell]{
	cols: []string{"stateabb", "ccode", "styear", "endyear"},
	row: func(r *table.Reader) MajorSpell {
		m := MajorSpell{CCode: ccode(r, "ccode"), Abbrev: r.String("stateabb")}
		m.Spell = spell(r, startCols, endCols)
		return m
	},
}

// ReadMajors reads the major-power spells of majors2016.csv.
func ReadMajors(path string) ([]MajorSpell, error) { return majorsFormat.read(path) }

// CountryCode is one row of COW-country-codes.csv: a code, its
// abbreviation and the state's name. The file repeats a row for every
// membership spell, and the original uses classic Mac (CR-only) line
// endings; both are accepted.
type CountryCode struct {
	CCode  int
	Abbrev string
	Name   string
}

var countryCodesFormat = format[CountryCode]{
	cols: []string{"StateAbb", "CCode", "StateNme"},
	row: func(r *table.Reader) CountryCode {
		return CountryCode{CCode: ccode(r, "CCode"), Abbrev: r.String("StateAbb"), Name: r.String("StateNme")}
	},
}

// ReadCountryCodes reads COW-country-codes.csv, rows in file order with
// repeats kept.
func ReadCountryCodes(path string) ([]CountryCode, error) { return countryCodesFormat.read(path) }
