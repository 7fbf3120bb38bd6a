package cow

import (
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Pledges are the obligations coded in a COW alliance row: defense,
// neutrality, nonaggression and entente. Set holds the kinds coded 1;
// Known holds the kinds coded at all (0 or 1). A few rows leave a flag
// empty, which is an unknown pledge, not a 0.
type Pledges struct {
	Set   world.Obligations
	Known world.Obligations
}

// Has reports whether kind k is pledged; ok is false when the flag is
// missing.
func (p Pledges) Has(k world.Obligation) (on, ok bool) {
	return p.Set.Has(k), p.Known.Has(k)
}

var pledgeColumns = []struct {
	col string
	k   world.Obligation
}{
	{"defense", world.Defense}, {"neutrality", world.Neutrality},
	{"nonaggression", world.Nonaggression}, {"entente", world.Entente},
}

func pledges(r *table.Reader) Pledges {
	var p Pledges
	for _, c := range pledgeColumns {
		on, known := r.Flag(c.col)
		if known {
			p.Known = p.Known.With(c.k)
		}
		if on {
			p.Set = p.Set.With(c.k)
		}
	}
	return p
}

// Member is one state's membership spell in a COW alliance
// (alliance_v4.1_by_member.csv). A state that left and rejoined has one row
// per spell. A zero Alliance.End means the alliance was in force on 31
// December 2012, the end of the data; a zero Spell.End means this
// membership was, which is what RightCensor marks (a member can leave an
// alliance that goes on). LeftCensor marks an alliance formed before 1816,
// whose membership spells start in 1816. Two rows leave left_censor empty;
// the reader then derives it from the alliance's start (before 1816).
type Member struct {
	ID          int // version4id, 1..414 in v4.1
	CCode       int
	StateName   string
	Alliance    world.Spell // the alliance's own dates (all_st_*, all_end_*)
	Type        string      // ss_type, e.g. "Type I: Defense Pact"
	Spell       world.Spell // the membership (mem_st_*, mem_end_*)
	LeftCensor  bool
	RightCensor bool
	Pledges     Pledges
}

var (
	allStart = [3]string{"all_st_year", "all_st_month", "all_st_day"}
	allEnd   = [3]string{"all_end_year", "all_end_month", "all_end_day"}
	memStart = [3]string{"mem_st_year", "mem_st_month", "mem_st_day"}
	memEnd   = [3]string{"mem_end_year", "mem_end_month", "mem_end_day"}

	memberColumns = []string{"version4id", "ccode", "state_name", "all_st_year", "all_end_year", "ss_type",
		"mem_st_year", "mem_end_year", "left_censor", "right_censor",
		"defense", "neutrality", "nonaggression", "entente"}
)

func member(r *table.Reader) Member {
	m := Member{ID: r.IntIn("version4id", 1, 1<<20), CCode: ccode(r, "ccode"), StateName: r.String("state_name")}
	m.Alliance = spell(r, allStart, allEnd)
	m.Type = r.String("ss_type")
	m.Spell = spell(r, memStart, memEnd)
	m.LeftCensor = optFlag(r, "left_censor", m.Alliance.Start.Year < 1816)
	m.RightCensor = optFlag(r, "right_censor", m.Spell.End.IsZero())
	m.Pledges = pledges(r)
	return m
}

var membersFormat = format[Member]{cols: memberColumns, row: member}

// ReadMembers reads alliance_v4.1_by_member.csv.
func ReadMembers(path string) ([]Member, error) { return membersFormat.read(path) }

// MemberYear is one row of COW's own yearly expansion of the member file
// (alliance_v4.1_by_member_yearly.csv): Member is in force in Year.
//
// The yearly file fills mem_end_year with 2012 for memberships still in
// force, leaving the month and day empty; ReadMemberYears restores those to
// a zero End (in force), as in the member file, so that the two files read
// alike. The file is COW's reference for the membership-year rule; it does
// not always follow its own spells (see docs/history.md).
type MemberYear struct {
	Member
	Year int
}

// ReadMemberYears reads alliance_v4.1_by_member_yearly.csv.
func ReadMemberYears(path string) ([]MemberYear, error) { return memberYearsFormat.read(path) }

var memberYearsFormat = format[MemberYear]{
	cols: append(memberColumns[:len(memberColumns):len(memberColumns)], "year"),
	row: func(r *table.Reader) MemberYear {
		m := MemberYear{Member: member(r), Year: r.IntIn("year", minYear, maxYear)}
		if e := m.Spell.End; m.RightCensor && e.Year == 2012 && e.Month == 0 && e.Day == 0 {
			m.Spell.End = world.Date{}
		}
		return m
	},
}

// Dyad is one dyad's spell in a COW alliance: a row of
// alliance_v4.1_by_dyad.csv (non-directed, ccode1 < ccode2, with
// Asymmetric) or of alliance_v4.1_by_directed.csv (directed: Pledges are
// the obligations ccode1 undertook towards ccode2; Asymmetric is false).
type Dyad struct {
	ID          int
	CCode1      int
	StateName1  string
	CCode2      int
	StateName2  string
	Spell       world.Spell
	LeftCensor  bool
	RightCensor bool
	Pledges     Pledges
	Asymmetric  bool
}

var (
	dyadStart   = [3]string{"dyad_st_year", "dyad_st_month", "dyad_st_day"}
	dyadEnd     = [3]string{"dyad_end_year", "dyad_end_month", "dyad_end_day"}
	dyadColumns = []string{"version4id", "ccode1", "state_name1", "ccode2", "state_name2",
		"dyad_st_year", "dyad_end_year", "left_censor", "right_censor",
		"defense", "neutrality", "nonaggression", "entente"}
)

func dyadFormat(asym bool) format[Dyad] {
	cols := dyadColumns
	if asym {
		cols = append(cols[:len(cols):len(cols)], "asymmetric")
	}
	return format[Dyad]{cols: cols, row: func(r *table.Reader) Dyad {
		d := Dyad{ID: r.IntIn("version4id", 1, 1<<20),
			CCode1: ccode(r, "ccode1"), StateName1: r.String("state_name1"),
			CCode2: ccode(r, "ccode2"), StateName2: r.String("state_name2")}
		d.Spell = spellIn(r, dyadStart, dyadEnd, true)
		d.LeftCensor = optFlag(r, "left_censor", d.Spell.Start.Year < 1816)
		d.RightCensor = optFlag(r, "right_censor", d.Spell.End.IsZero())
		d.Pledges = pledges(r)
		if asym {
			d.Asymmetric = r.Bool("asymmetric")
		}
		if r.Err() == nil && d.CCode1 == d.CCode2 {
			r.Fail("ccode2", "a state other than ccode1", table.ErrRange)
		}
		return d
	}}
}

var (
	dyadsFormat    = dyadFormat(true)
	directedFormat = dyadFormat(false)
)

// ReadDyads reads the non-directed alliance_v4.1_by_dyad.csv.
func ReadDyads(path string) ([]Dyad, error) { return dyadsFormat.read(path) }

// ReadDirected reads the directed alliance_v4.1_by_directed.csv.
func ReadDirected(path string) ([]Dyad, error) { return directedFormat.read(path) }
