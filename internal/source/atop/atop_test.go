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

// termHeader is memberHeader with the termination, trigger and provision
// columns this package reads (a subset of the file's 105).
const termHeader = "atopid,member,yrent,moent,dayent,yrexit,moexit,dayexit,ineffect,phase,maxphase,defense,offense,neutral,nonagg,consul,termmode,termcaus,defcon,defcoadv,milcon,wartime,cowwar\n"

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
		{Name: "termmode 7", Src: termHeader + "1380,220,1891,8,27,1917,11,,0,0,0,0,0,0,0,1,7,8,0,0,0,0,0\n", Read: members, Line: 2, Col: 17, Field: "termmode", Err: table.ErrRange},
		{Name: "termcaus NA", Src: termHeader + "1380,220,1891,8,27,1917,11,,0,0,0,0,0,0,0,1,3,NA,0,0,0,0,0\n", Read: members, Line: 2, Col: 18, Field: "termcaus", Err: table.ErrSyntax},
		{Name: "in force with a cause", Src: termHeader + "3180,2,1949,4,4,0,0,0,1,0,0,1,0,0,0,1,0,4,0,0,0,0,0\n", Read: members, Line: 2, Col: 18, Field: "termcaus", Err: table.ErrRange},
		{Name: "defcoadv 2", Src: termHeader + "3180,2,1949,4,4,0,0,0,1,0,0,1,0,0,0,1,0,0,1,2,0,0,0\n", Read: members, Line: 2, Col: 20, Field: "defcoadv", Err: table.ErrRange},
		{Name: "milcon 4", Src: termHeader + "3180,2,1949,4,4,0,0,0,1,0,0,1,0,0,0,1,0,0,1,1,4,0,0\n", Read: members, Line: 2, Col: 21, Field: "milcon", Err: table.ErrRange},
		{Name: "termmode latin-1", Src: termHeader + "3180,2,1949,4,4,0,0,0,1,0,0,1,0,0,0,1,\xb0,0,1,1,0,0,0\n", Read: members, Line: 2, Col: 17, Field: "termmode", Err: table.ErrSyntax},
		{Name: "member wrong column count", Src: termHeader + "3180,2,1949,4,4,0,0,0,1,0,0,1,0,0,0,1,0,0,1,1,0,0\n", Read: members, Line: 2, Err: table.ErrFieldCount},
		{Name: "member CR only", Src: strings.ReplaceAll(termHeader, "\n", "\r") + "3180,2,1949,4,4,0,0,0,1,0,0,1,0,0,0,1,0,0,1,1,0,0,0\r3180,20,1949,4,4,0,0,0,1,0,0,1,0,0,0,1,0,0,1,1,0,0,-1\r", Read: members, Line: 3, Col: 23, Field: "cowwar", Err: table.ErrRange},
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
		termHeader + "1380,220,1891,8,27,1917,11,,0,0,0,1,0,0,0,1,3,8,1,1,2,0,0\n2470,255,1939,8,23,1941,6,22,0,0,0,0,0,1,1,1,3,6,0,0,0,0,0\n",
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

// TestTerminationCases checks the known cases from which docs/atop.md
// reads the termmode and termcaus codes.
func TestTerminationCases(t *testing.T) {
	ms, err := ReadMembers(testenv.File(t, "atop/atop_v4_member_level.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name          string
		atopid, ccode int
		exit          world.Date
		mode          TermMode
		cause         TermCause
	}{
		{"Franco-Russian alliance, Bolshevik revolution", 1380, 220, world.D(1917, 11, 0), TermViolated, CauseRegime},
		{"Franco-Russian military convention", 1385, 365, world.D(1917, 11, 0), TermViolated, CauseRegime},
		{"Nazi-Soviet pact, Barbarossa", 2470, 255, world.D(1941, 6, 0), TermViolated, CauseWarBetween},
		{"Triple Alliance, Italy 1915", 1350, 325, world.D(1915, 0, 0), TermViolated, CauseWarBetween},
		{"Soviet-Afghan treaty, invasion", 2170, 700, world.D(1979, 0, 0), TermViolated, CauseWarBetween},
		{"Little Entente, Czechoslovakia-Romania", 2080, 315, world.D(1939, 3, 0), TermSovereignty, CauseSovereignty},
		{"Czechoslovakia-Yugoslavia phase 2", 2050, 315, world.D(1939, 3, 0), TermSovereignty, CauseSovereignty},
		{"Warsaw Pact, East Germany", 3285, 265, world.D(1990, 10, 3), TermSovereignty, CauseSovereignty},
		{"Anschluss", 2335, 305, world.D(1938, 3, 13), TermSovereignty, CauseSovereignty},
		{"Czechoslovakia-Yugoslavia phase 1", 2050, 345, world.D(1922, 8, 0), TermReplaced, CauseRenegotiated},
		{"Three Emperors' League, not renewed", 1340, 300, world.D(1887, 6, 18), TermExpired, CauseInterests},
		{"Reinsurance Treaty, not renewed", 1370, 255, world.D(1890, 6, 18), TermExpired, CauseInterests},
		{"Unkiar Skelessi, eight-year term", 1075, 640, world.D(1841, 7, 13), TermExpired, CauseRenegotiated},
		{"No separate peace 1914, end of war", 2015, 200, world.D(1918, 11, 11), TermExpired, CausePurpose},
		{"No separate peace 1914, Russia leaves the war", 2015, 365, world.D(1917, 11, 8), TermViolated, CauseInterests},
		{"Warsaw Pact dissolved, USSR", 3285, 365, world.D(1991, 7, 1), TermViolated, CauseInterests},
		{"SEATO dissolved", 3260, 2, world.D(1977, 6, 30), TermViolated, CausePurpose},
		{"Crimean coalition, end of war", 1165, 220, world.D(1856, 0, 0), TermFulfilled, CausePurpose},
		{"Dual Alliance, 1918", 1335, 255, world.D(1918, 0, 0), TermWarDefeat, CauseDefeat},
		{"Tripartite Pact, Germany 1945", 2540, 255, world.D(1945, 5, 7), TermWarDefeat, CauseDefeat},
		{"Tripartite Pact, Italy's surrender", 2540, 325, world.D(1943, 9, 3), TermViolated, CauseDefeat},
		{"SEATO, Pakistan after 1971", 3260, 770, world.D(1972, 11, 8), TermViolated, CauseDefeat},
		{"Pact of Steel, fall of Mussolini", 2445, 325, world.D(1943, 9, 2), TermWarDefeat, CauseRegime},
		{"Anglo-Nigerian defence pact, abrogated", 3423, 475, world.D(1962, 1, 21), TermViolated, CauseDomestic},
		{"Russia-Belarus 1997, not coded", 4865, 370, world.D(1999, 12, 8), TermUnknown, CauseUnknown},
		{"NATO, United States", 3180, 2, world.Date{}, TermInForce, CauseNone},
	} {
		var found *Member
		for i := range ms {
			m := &ms[i]
			if m.ATOPID == tc.atopid && m.CCode == tc.ccode && m.Exit.Year == tc.exit.Year &&
				(tc.exit.Month == 0 || m.Exit.Month == tc.exit.Month) && (tc.exit.Day == 0 || m.Exit.Day == tc.exit.Day) {
				found = m
			}
		}
		if found == nil {
			t.Errorf("%s: no membership of %d in atopid %d ending %v", tc.name, tc.ccode, tc.atopid, tc.exit)
			continue
		}
		if found.TermMode != tc.mode || found.TermCause != tc.cause {
			t.Errorf("%s: termmode %d termcaus %d, want %d %d", tc.name, found.TermMode, found.TermCause, tc.mode, tc.cause)
		}
	}
}

func TestMemberProvisionsReal(t *testing.T) {
	ms, err := ReadMembers(testenv.File(t, "atop/atop_v4_member_level.csv"))
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, m := range ms {
		if m.Defense.Adversary {
			count["defcoadv"]++
		}
		if m.Defense.NonProvoked {
			count["defconpr"]++
		}
		if m.Offense.Adversary {
			count["offcoadv"]++
		}
		if m.Consultation.Adversary {
			count["concoadv"]++
		}
		if m.Wartime {
			count["wartime"]++
		}
		if m.COWWar == 106 {
			count["cowwar 106"]++
		}
		if m.MilitaryContact.IsMissing() {
			count["milcon empty"]++
		}
		if m.IntegratedCmd == 1 {
			count["intcom"]++
		}
		if m.Organization == 3 {
			count["organ1 3"]++
		}
	}
	// Counted in the file.
	want := map[string]int{"defcoadv": 255, "defconpr": 82, "offcoadv": 175, "concoadv": 76, "wartime": 331,
		"cowwar 106": 21, "milcon empty": 27, "intcom": 109, "organ1 3": 595}
	for k, v := range want {
		if count[k] != v {
			t.Errorf("%s: %d members, want %d", k, count[k], v)
		}
	}
}
