package atop

import (
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func TestReadDyadYearsReal(t *testing.T) {
	rows, err := ReadDyadYears(testenv.File(t, "atop/atop_v5.1_ddyr_obligations_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(rows), 273296; got != want {
		t.Errorf("rows: got %d, want %d", got, want)
	}
	dyads := map[[2]int]bool{}
	lo, hi := 9999, 0
	var usCan1942 world.Obligations
	defense := 0
	for _, d := range rows {
		dyads[[2]int{d.CCode1, d.CCode2}] = true
		lo, hi = min(lo, d.Year), max(hi, d.Year)
		if d.CCode1 == 2 && d.CCode2 == 20 && d.Year == 1942 {
			usCan1942 = d.Obligations
		}
		if d.Obligations.Has(world.Defense) {
			defense++
		}
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"directed dyads", len(dyads), 10202},
		{"first year", lo, 1815},
		{"last year", hi, 2018},
		{"defense rows", defense, 137762},
		{"USA->CAN 1942", usCan1942.String(), "defense,offense"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
	u := Undirected(rows)
	if got := u[DyadKey{world.MakeDyad(20, 2), 1942}]; got.String() != "defense,offense" {
		t.Errorf("undirected 2-20 1942: got %s, want defense,offense", got)
	}
}

func TestReadAlliancesReal(t *testing.T) {
	as, err := ReadAlliances(testenv.File(t, "atop/atop_v4_alliance_level.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 745 {
		t.Fatalf("alliances: got %d, want 745", len(as))
	}
	ongoing, lo, hi := 0, 9999, 0
	var nato *Alliance
	for i := range as {
		a := &as[i]
		if a.End.IsZero() {
			ongoing++
		}
		lo, hi = min(lo, a.Begin.Year), max(hi, a.Begin.Year)
		if a.ATOPID == 3180 {
			nato = a
		}
	}
	if ongoing != 334 || lo != 1815 || hi != 2016 {
		t.Errorf("ongoing %d (want 334), begin years %d..%d (want 1815..2016)", ongoing, lo, hi)
	}
	if as[0].ATOPID != 1005 || as[len(as)-1].ATOPID != 6065 {
		t.Errorf("atopid range: got %d..%d, want 1005..6065", as[0].ATOPID, as[len(as)-1].ATOPID)
	}
	if nato == nil {
		t.Fatal("no atopid 3180 (NATO)")
	}
	if nato.COW4ID != 227 || nato.COWID != 3521 || nato.Begin != world.D(1949, 4, 4) || !nato.End.IsZero() ||
		len(nato.Members) != 30 || !nato.Obligations.Has(world.Defense) || nato.ID() != "atop:3180" {
		t.Errorf("NATO: got %+v", *nato)
	}
	// atopid 1115 has an unknown begin day.
	for _, a := range as {
		if a.ATOPID == 1115 && a.Begin != world.D(1844, 6, 0) {
			t.Errorf("atopid 1115 begin: got %s, want 1844-06", a.Begin)
		}
	}
}

func TestReadMembersReal(t *testing.T) {
	ms, err := ReadMembers(testenv.File(t, "atop/atop_v4_member_level.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 2398 {
		t.Fatalf("members: got %d, want 2398", len(ms))
	}
	ids := map[int]bool{}
	still, lo, hi := 0, 9999, 0
	for _, m := range ms {
		ids[m.ATOPID] = true
		if m.Exit.IsZero() {
			still++
		}
		lo, hi = min(lo, m.Entry.Year), max(hi, m.Entry.Year)
	}
	if len(ids) != 745 || still != 1062 || lo != 1815 || hi != 2016 {
		t.Errorf("got %d alliances (want 745), %d ongoing memberships (want 1062), entry years %d..%d (want 1815..2016)",
			len(ids), still, lo, hi)
	}
	var gfr *Member
	for i := range ms {
		if ms[i].ATOPID == 3180 && ms[i].CCode == 260 {
			gfr = &ms[i]
		}
	}
	if gfr == nil {
		t.Fatal("no NATO membership of 260")
	}
	w := gfr.World()
	if w.Spell.Start != world.D(1954, 10, 23) || w.Spell.End != world.D(1990, 10, 3) || !w.Spell.Overlaps(1990) || w.Spell.Overlaps(1991) {
		t.Errorf("West Germany in NATO: got %+v", w)
	}
}

const allianceHeader = "atopid,cowid,cow4id,begyr,begmo,begday,endyr,endmo,endday,ineffect,bilat,maxphase,defense,offense,neutral,nonagg,consul,specthrt,mem1,mem2\n"
const memberHeader = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,ineffect,phase,maxphase,defense,offense,neutral,nonagg,consul\n"
const dyadHeader = "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "dyad flag 2", Src: dyadHeader + "2,20,1942,2,0,0,0,0\n", Read: dyads, Line: 2, Col: 4, Field: "atop_defense", Err: table.ErrRange},
		{Name: "dyad empty flag", Src: dyadHeader + "2,20,1942,1,0,0,0,0\n2,20,1943,,0,0,0,0\n", Read: dyads, Line: 3, Col: 4, Field: "atop_defense", Err: table.ErrMissingValue},
		{Name: "dyad self", Src: dyadHeader + "2,2,1942,1,0,0,0,0\n", Read: dyads, Line: 2, Col: 2, Field: "ccode2", Err: table.ErrRange},
		{Name: "dyad year", Src: dyadHeader + "2,20,2019,1,0,0,0,0\n", Read: dyads, Line: 2, Col: 3, Field: "year", Err: table.ErrRange},
		{Name: "dyad column", Src: "ccode1,ccode2,year\n2,20,1942\n", Read: dyads, Line: 1, Col: 0, Field: "atop_defense", Err: table.ErrMissingColumn},
		{Name: "alliance month 13", Src: allianceHeader + "1005,,,1815,13,3,1815,2,8,0,0,0,1,0,0,0,1,0,200,210\n", Read: alliances, Line: 2, Col: 5, Field: "begmo", Err: table.ErrRange},
		{Name: "alliance end before begin", Src: allianceHeader + "1005,,,1815,1,3,1814,2,8,0,0,0,1,0,0,0,1,0,200,210\n", Read: alliances, Line: 2, Col: 7, Field: "endyr", Err: table.ErrRange},
		{Name: "alliance ongoing but ended", Src: allianceHeader + "1005,,,1815,1,3,1815,2,8,1,0,0,1,0,0,0,1,0,200,210\n", Read: alliances, Line: 2, Col: 10, Field: "ineffect", Err: table.ErrRange},
		{Name: "alliance year 0 with month", Src: allianceHeader + "1005,,,1815,1,3,0,2,0,1,0,0,1,0,0,0,1,0,200,210\n", Read: alliances, Line: 2, Col: 8, Field: "endmo", Err: table.ErrRange},
		{Name: "alliance duplicate", Src: allianceHeader + "1005,,,1815,1,3,0,0,0,1,0,0,1,0,0,0,1,0,200,210\n1005,,,1815,1,3,0,0,0,1,0,0,1,0,0,0,1,0,200,210\n", Read: alliances, Line: 3, Col: 1, Field: "atopid", Err: table.ErrRange},
		{Name: "alliance member text", Src: allianceHeader + "1005,,,1815,1,3,0,0,0,1,0,0,1,0,0,0,1,0,USA,210\n", Read: alliances, Line: 2, Col: 19, Field: "mem1", Err: table.ErrSyntax},
		{Name: "alliance empty wartime", Src: strings.TrimSuffix(allianceHeader, "\n") + ",wartime\n1005,,,1815,1,3,0,0,0,1,0,0,1,0,0,0,1,0,200,210,\n", Read: alliances, Line: 2, Col: 21, Field: "wartime", Err: table.ErrMissingValue},
		{Name: "member phase above max", Src: memberHeader + "3180,2,1949,4,4,0,0,0,1,3,2,1,0,0,0,1\n", Read: members, Line: 2, Col: 10, Field: "phase", Err: table.ErrRange},
		{Name: "member day 31 April", Src: memberHeader + "3180,2,1949,4,31,0,0,0,1,0,0,1,0,0,0,1\n", Read: members, Line: 2, Col: 5, Field: "dayent", Err: table.ErrRange},
		{Name: "member empty defense", Src: memberHeader + "3180,2,1949,4,4,0,0,0,1,0,0,,0,0,0,1\n", Read: members, Line: 2, Col: 12, Field: "defense", Err: table.ErrMissingValue},
	})
}

var (
	dyads     = sourcetest.Table(table.Options{}, func(r *table.Reader) error { _, err := readDyadYears(r); return err })
	alliances = sourcetest.Table(table.Options{}, func(r *table.Reader) error { _, err := readAlliances(r); return err })
	members   = sourcetest.Table(table.Options{}, func(r *table.Reader) error { _, err := readMembers(r); return err })
)

// FuzzReaders feeds arbitrary bytes to each ATOP reader: none may panic,
// and each returns either records or a *table.ParseError.
func FuzzReaders(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{dyads, alliances, members}, []string{
		dyadHeader + "2,20,1942,1,1,0,0,0\n2,20,1943,1,1,0,0,0\n200,220,1939,1,0,0,1,1\n",
		allianceHeader + "1005,,,1815,1,3,1815,2,8,0,0,0,1,0,0,0,1,0,200,210\n3180,3521,227,1949,4,4,0,0,0,1,0,2,1,0,0,0,1,0,2,20\n1115,,,1844,6,,1846,6,29,0,1,0,0,0,1,0,1,,200,365\n",
		memberHeader + "3180,260,1954,10,23,1990,10,3,0,2,2,1,0,0,0,1\n3180,2,1951,6,19,0,0,0,1,2,2,1,0,0,0,1\n",
	})
}

func BenchmarkReadDyadYears(b *testing.B) {
	path := testenv.File(b, "atop/atop_v5.1_ddyr_obligations_peacesciencer.csv")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadDyadYears(path); err != nil {
			b.Fatal(err)
		}
	}
}
