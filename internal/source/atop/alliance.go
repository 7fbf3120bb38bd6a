package atop

import (
	"fmt"
	"strconv"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Alliance is one row of the ATOP v4.0 alliance-level file. Codes whose
// meaning is categorical (SpecificThreat, MilitaryContact, Organization,
// Formal, ...) keep ATOP's codes as world.Values, missing when the field is
// empty; see the ATOP v4.0 codebook for each code.
type Alliance struct {
	ATOPID int
	COWID  int // COW alliance id of the v3 data (cowid), 0 when none
	COW4ID int // COW v4.1 version4id (cow4id), 0 when none

	Begin world.Date // begyr/begmo/begday; an empty day is unknown (0)
	End   world.Date // endyr/endmo/endday; zero when still in force (endyr 0)

	InEffect  bool // in force at the end of coverage (2016)
	Bilateral bool // bilat
	MaxPhase  int  // number of phases, 0 when the alliance has one
	Wartime   bool // signed during a war in which a member fought

	// Obligations is the union of defense, offense, neutral, nonagg and
	// consul over the alliance's members.
	Obligations world.Obligations
	Active      bool // active military support pledged (active)
	Conditional bool // obligations conditional on circumstances (conditio)
	Asymmetric  bool // obligations differ between members (asymm)

	SpecificThreat    world.Value // specthrt: 0 none, 1.. a named threat
	MilitaryContact   world.Value // milcon: 0 none .. 3 common defence policy
	Organization      world.Value // organ1: 0 none .. 3 integrated command
	IntegratedCommand world.Value // intcom: 1 integrated military command in peacetime
	MilitaryAid       world.Value // milaid
	Bases             world.Value // base
	Formal            world.Value // formal
	MilInst           world.Value // milinst: military institutionalisation

	Members []int  // codes listed in mem1..mem59, in file order (see Member.CCode)
	Version string // version
}

// ID returns the alliance's identifier in entente's vocabulary, "atop:ID".
func (a *Alliance) ID() string { return "atop:" + strconv.Itoa(a.ATOPID) }

var obligationCols = []struct {
	col string
	o   world.Obligation
}{
	{"defense", world.Defense},
	{"offense", world.Offense},
	{"neutral", world.Neutrality},
	{"nonagg", world.Nonaggression},
	{"consul", world.Consultation},
}

// ReadAlliances reads the ATOP v4.0 alliance-level file.
func ReadAlliances(path string) ([]Alliance, error) {
	r, err := table.Open(path, table.Options{})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readAlliances(r)
}

func readAlliances(r *table.Reader) ([]Alliance, error) {
	if err := r.Require("atopid", "cowid", "cow4id", "begyr", "begmo", "begday", "endyr", "endmo", "endday",
		"ineffect", "bilat", "maxphase", "defense", "offense", "neutral", "nonagg", "consul"); err != nil {
		return nil, err
	}
	var memCols []string
	for i := 1; r.Has("mem" + strconv.Itoa(i)); i++ {
		memCols = append(memCols, "mem"+strconv.Itoa(i))
	}
	var out []Alliance
	seen := map[int]int{}
	for r.Next() {
		a := Alliance{ATOPID: r.IntIn("atopid", 1, 99999)}
		a.COWID, _ = r.OptInt("cowid")
		a.COW4ID, _ = r.OptInt("cow4id")
		a.Begin, a.End, a.InEffect = spell(r, "beg", "end")
		a.Bilateral = r.Bool("bilat")
		a.MaxPhase = r.IntIn("maxphase", 0, 99)
		a.Wartime = optFlag(r, "wartime")
		a.Obligations = obligations(r)
		a.Active = optFlag(r, "active")
		a.Conditional = optFlag(r, "conditio")
		a.Asymmetric = optFlag(r, "asymm")
		a.SpecificThreat = optValue(r, "specthrt")
		a.MilitaryContact = optValue(r, "milcon")
		a.Organization = optValue(r, "organ1")
		a.IntegratedCommand = optValue(r, "intcom")
		a.MilitaryAid = optValue(r, "milaid")
		a.Bases = optValue(r, "base")
		a.Formal = optValue(r, "formal")
		a.MilInst = optValue(r, "milinst")
		for _, c := range memCols {
			if m, ok := r.OptInt(c); ok {
				if m < 1 || m > 9999 {
					r.Fail(c, "a state code in 1..9999", table.ErrRange)
				}
				a.Members = append(a.Members, m)
			}
		}
		if r.Has("version") {
			a.Version = r.String("version")
		}
		if r.Err() == nil {
			if line, dup := seen[a.ATOPID]; dup {
				r.Fail("atopid", fmt.Sprintf("a unique atopid (first on line %d)", line), table.ErrRange)
			}
			seen[a.ATOPID] = r.Line()
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, a)
	}
	return out, r.Err()
}

// spell reads the begin and end dates named by prefixes (beg/end or
// ent/exit with the column layout of each file) and ineffect.
func spell(r *table.Reader, beg, end string) (start, stop world.Date, inEffect bool) {
	yr, mo, dy := dateCols(beg)
	start = date(r, yr, mo, dy, false)
	yr, mo, dy = dateCols(end)
	stop = date(r, yr, mo, dy, true)
	inEffect = r.Bool("ineffect")
	if r.Err() != nil {
		return
	}
	switch {
	case stop.IsZero() != inEffect:
		r.Fail("ineffect", fmt.Sprintf("%d when %s is %d", boolInt(stop.IsZero()), yr, stop.Year), table.ErrRange)
	case !stop.IsZero() && stop.Before(start):
		r.Fail(yr, "an end on or after the start "+start.String(), table.ErrRange)
	}
	return
}

func dateCols(prefix string) (y, m, d string) {
	switch prefix {
	case "ent":
		return "yrent", "moent", "dayent"
	case "exit":
		return "yrexit", "moexit", "dayexit"
	}
	return prefix + "yr", prefix + "mo", prefix + "day"
}

// date reads a date whose day (and, for an end, the whole date) may be
// unknown. For an end, year 0 means still in force: the zero Date.
func date(r *table.Reader, ycol, mcol, dcol string, isEnd bool) world.Date {
	lo := 1000
	if isEnd {
		lo = 0
	}
	y := r.IntIn(ycol, lo, 2100)
	m, _ := r.OptInt(mcol)
	d, _ := r.OptInt(dcol)
	if r.Err() != nil {
		return world.Date{}
	}
	if y == 0 {
		if m != 0 || d != 0 {
			r.Fail(mcol, "month and day 0 when the year is 0 (still in force)", table.ErrRange)
		}
		return world.Date{}
	}
	dt := world.Date{Year: y, Month: m, Day: d}
	if err := dt.Validate(); err != nil {
		col := dcol
		if m < 0 || m > 12 || m == 0 {
			col = mcol
		}
		r.Fail(col, "a calendar date", fmt.Errorf("%w: %v", table.ErrRange, err))
	}
	return dt
}

// optFlag reads a 0/1 column that the file may lack (false). When the
// column is there, an empty cell is an error, not a false: ATOP v4.0 codes
// every cell of these columns.
func optFlag(r *table.Reader, col string) bool {
	if !r.Has(col) {
		return false
	}
	return r.Bool(col)
}

func optValue(r *table.Reader, col string) world.Value {
	if !r.Has(col) {
		return world.Missing()
	}
	return r.Value(col)
}

func obligations(r *table.Reader) world.Obligations {
	var o world.Obligations
	for _, c := range obligationCols {
		if r.Bool(c.col) {
			o = o.With(c.o)
		}
	}
	return o
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
