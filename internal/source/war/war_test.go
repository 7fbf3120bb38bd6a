package war

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func readReal(t *testing.T) ([]DyadYear, []RSHRow) {
	t.Helper()
	dys, err := ReadDyadYears(testenv.File(t, "cow_war/cow_war_inter_ddy_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rsh, err := ReadParticipants(testenv.File(t, "cow_war/interstate_war_rev_reiter_stam_horowitz.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return dys, rsh
}

func TestReadReal(t *testing.T) {
	dys, rsh := readReal(t)
	wars, larger := map[int]bool{}, map[int]bool{}
	lo, hi := 9999, 0
	unknownDeaths := 0
	for _, d := range dys {
		wars[d.WarNum] = true
		lo, hi = min(lo, d.Year), max(hi, d.Year)
		if d.BatDeath1.IsMissing() {
			unknownDeaths++
		}
	}
	for _, r := range rsh {
		larger[r.LargerWarID] = true
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"COW rows", len(dys), 1932},
		{"COW wars", len(wars), 95},
		{"COW first year", lo, 1823},
		{"COW last year", hi, 2003},
		{"RSH rows", len(rsh), 586},
		{"RSH larger wars", len(larger), 88},
		{"first COW row", dys[0], DyadYear{WarNum: 1, CCode1: 220, CCode2: 230, Year: 1823, Ongoing: true, Onset: true,
			SideA1: true, Initiator1: true, Outcome1: 1, Outcome2: 2, BatDeath1: 400, BatDeath2: 600}},
		{"first RSH entry", rsh[0].Entry, world.D(1823, 4, 7)},
		{"first RSH exit", rsh[0].Exit, world.D(1823, 11, 13)},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if unknownDeaths == 0 {
		t.Error("no battle deaths coded -9 read as missing")
	}
}

func TestBuildReal(t *testing.T) {
	dys, rsh := readReal(t)
	wars, dis := Build(dys, rsh)
	if len(wars) != 95 {
		t.Fatalf("%d wars, want 95", len(wars))
	}
	var wwi *world.War
	for i := range wars {
		if wars[i].ID == 106 {
			wwi = &wars[i]
		}
	}
	if wwi == nil {
		t.Fatal("no COW war 106")
	}
	// The Entente and its associates on one side, the Central Powers on
	// the other (Sarkees & Wayman 2010).
	entente := []int{2, 200, 211, 220, 235, 325, 345, 350, 360, 365, 740}
	central := []int{255, 300, 355, 640}
	side := wwi.Side(200)
	for _, c := range entente {
		if wwi.Side(c) != side {
			t.Errorf("WWI: ccode %d on side %d, want %d with the United Kingdom", c, wwi.Side(c), side)
		}
	}
	for _, c := range central {
		if wwi.Side(c) != 1-side {
			t.Errorf("WWI: ccode %d on side %d, want %d against the United Kingdom", c, wwi.Side(c), 1-side)
		}
	}
	if n := len(wwi.Sides[0]) + len(wwi.Sides[1]); n != len(entente)+len(central) {
		t.Errorf("WWI has %d participants, want %d", n, len(entente)+len(central))
	}
	usa := wwi.Participant(2)
	if usa == nil || usa.Entered != world.D(1917, 4, 17) || usa.Left != world.D(1918, 11, 11) || !usa.Joiner {
		t.Errorf("WWI USA = %+v, want entered 1917-04-17 (RSH), left 1918-11-11, a joiner", usa)
	}
	if wwi.Name != "WorldWarI" || wwi.Start != world.D(1914, 7, 29) || wwi.End.Year != 1918 {
		t.Errorf("WWI = %q %v–%v, want WorldWarI from 1914-07-29 to 1918", wwi.Name, wwi.Start, wwi.End)
	}
	for _, w := range wars {
		if w.ID == 130 && w.Name != "WorldWarII: COW war 130" {
			t.Errorf("COW war 130 named %q, want RSH's WorldWarII with the COW number (RSH folds it into WWII)", w.Name)
		}
	}
	if same, ok := wwi.Fought(2, 255, 1917); !ok || same {
		t.Errorf("USA and Germany in 1917: same side %v, fought %v; want opposite sides", same, ok)
	}
	if _, ok := wwi.Fought(2, 255, 1916); ok {
		t.Error("USA fought Germany in 1916; want not yet")
	}
	if a := wwi.Participant(300); a == nil || !a.Initiator {
		t.Errorf("Austria-Hungary = %+v, want the initiator", a)
	}

	// The disagreements between the files, settled as the package doc says.
	got := map[string][]string{}
	for _, d := range dis {
		got[d.Kind] = append(got[d.Kind], fmt.Sprintf("%d/%d/%d/%d", d.War, d.RSHWar, d.CCode, d.Year))
	}
	for _, tc := range []struct {
		kind string
		n    int
		some []string
	}{
		// COW wars 158, 215 and 217 share no participant-year with RSH.
		{DisagreeNoRSHWar, 3, []string{"158/0/0/0", "215/0/0/0", "217/0/0/0"}},
		// RSH's Poland–USSR (41), Nomonhan (51), Second Laotian (65) and
		// Communist Coalition (68) match no COW war by state and year.
		{DisagreeNoCOWWar, 4, []string{"0/41/0/0", "0/51/0/0", "0/65/0/0", "0/68/0/0"}},
		// RSH codes Greece as 360 (Romania's code) in its WWI rows: COW's
		// Greece (350) has no RSH row, and RSH's 360 in 1918 no COW year.
		// RSH has the USSR fighting in Korea 1950–53; COW does not.
		{DisagreeCOWOnly, 14, []string{"106/38/350/0", "221/85/200/0"}},
		{DisagreeRSHOnly, 21, []string{"0/38/360/1918", "0/56/365/1950", "0/56/365/1953", "0/82/900/1991"}},
	} {
		if len(got[tc.kind]) != tc.n {
			t.Errorf("%d disagreements %q, want %d: %v", len(got[tc.kind]), tc.kind, tc.n, got[tc.kind])
		}
		for _, s := range tc.some {
			if !slices.Contains(got[tc.kind], s) {
				t.Errorf("%q misses %s", tc.kind, s)
			}
		}
	}
	if g := wwi.Participant(350); g == nil || g.Entered != (world.Date{Year: 1917}) || g.Joiner {
		t.Errorf("WWI Greece = %+v, want COW's years only (entered 1917, month unknown)", g)
	}
}

func TestBuildSmall(t *testing.T) {
	// Two COW dyad-years of one war; RSH dates the attacker (joiner 0)
	// and leaves the target to be dated from the attacker's row.
	dys := []DyadYear{
		{WarNum: 7, CCode1: 2, CCode2: 20, Year: 1900, SideA1: true, Initiator1: true, Outcome1: 1, Outcome2: 2, BatDeath1: 10, BatDeath2: world.Missing()},
		{WarNum: 7, CCode1: 20, CCode2: 2, Year: 1901, SideA2: true, Initiator2: true, Outcome1: 2, Outcome2: 1, BatDeath1: world.Missing(), BatDeath2: 10},
	}
	rsh := []RSHRow{
		{LargerWarID: 3, LargerWarName: "Test", Year: 1900, CCode: 2, TargetCCode: 20, Entry: world.D(1900, 5, 1), Exit: world.D(1900, 12, 31)},
		{LargerWarID: 3, LargerWarName: "Test", Year: 1901, CCode: 2, TargetCCode: 20, Entry: world.D(1901, 1, 1), Exit: world.D(1901, 3, 2)},
		{LargerWarID: 3, LargerWarName: "Test", Year: 1901, CCode: 70, TargetCCode: 20, Joiner: true, Entry: world.D(1901, 1, 1), Exit: world.D(1901, 3, 2)},
	}
	wars, dis := Build(dys, rsh)
	want := world.War{ID: 7, Name: "Test", Start: world.D(1900, 5, 1), End: world.D(1901, 3, 2), Sides: [2][]world.Participant{
		{{State: 2, Entered: world.D(1900, 5, 1), Left: world.D(1901, 3, 2), Initiator: true, Outcome: 1, BattleDeaths: 10}},
		{{State: 20, Entered: world.D(1900, 5, 1), Left: world.D(1901, 3, 2), Outcome: 2, BattleDeaths: world.Missing()}},
	}}
	if len(wars) != 1 || fmt.Sprint(wars[0]) != fmt.Sprint(want) {
		t.Errorf("got %+v, want %+v", wars, want)
	}
	if len(dis) != 1 || dis[0] != (Disagreement{RSHWar: 3, CCode: 70, Year: 1901, Kind: DisagreeRSHOnly}) {
		t.Errorf("disagreements %v, want Mexico (70) 1901 only in RSH", dis)
	}
}

const (
	cowHeader = `"warnum","ccode1","ccode2","year","cowinterongoing","cowinteronset","sidea1","sidea2","initiator1","initiator2","outcome1","outcome2","batdeath1","batdeath2","resume"`
	cowRow    = "1,220,230,1823,1,1,1,2,1,0,1,2,400,600,0"
	rshHeader = "version,larger_war_name,larger_war_id,init_war_id,init_war_name,annual_outcome,year,init_name,init_ccode,target_name,target_ccode,month_entry,day_entry,month_exit,day_exit,month_entry02,day_entry02,month_exit02,day_exit02,joiner,adv2name,adv2ccode,ally1name,ally1ccode"
	rshRow    = "1,Franco-Spanish1823,1,1,Franco-Spanish1823,1,1823,France,220,Spain,230,4,7,11,13,NA,NA,NA,NA,0,NA,NA,Portugal,235"
)

func readCOW(name, src string) error {
	_, err := table.Decode(name, strings.NewReader(src), table.COW, readDyadYears)
	return err
}

func readRSH(name, src string) error {
	_, err := table.Decode(name, strings.NewReader(src), rshDialect, readParticipants)
	return err
}

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "cow wrong column count", Src: cowHeader + "\n" + cowRow + ",9\n", Read: readCOW, Line: 2, Err: table.ErrFieldCount},
		{Name: "cow NA where a number goes", Src: cowHeader + "\n1,220,230,NA,1,1,1,2,1,0,1,2,400,600,0\n", Read: readCOW, Line: 2, Col: 4, Field: "year", Err: table.ErrSyntax},
		{Name: "cow CR only", Src: cowHeader + "\r" + cowRow + "\r1,220,230,1823,1,1,1,1,1,0,1,2,400,600,0\r", Read: readCOW, Line: 3, Col: 8, Field: "sidea2", Err: table.ErrRange},
		{Name: "cow latin-1", Src: cowHeader + "\n1,220,230,1823,1,1,1,2,1,0,1,2,400,6\xe900,0\n", Read: readCOW, Line: 2, Col: 14, Field: "batdeath2", Err: table.ErrSyntax},
		{Name: "cow outcome 9", Src: cowHeader + "\n1,220,230,1823,1,1,1,2,1,0,9,2,400,600,0\n", Read: readCOW, Line: 2, Col: 11, Field: "outcome1", Err: table.ErrRange},
		{Name: "cow negative deaths", Src: cowHeader + "\n1,220,230,1823,1,1,1,2,1,0,1,2,-400,600,0\n", Read: readCOW, Line: 2, Col: 13, Field: "batdeath1", Err: table.ErrRange},
		{Name: "rsh wrong column count", Src: rshHeader + "\n" + rshRow + ",1\n", Read: readRSH, Line: 2, Err: table.ErrFieldCount},
		{Name: "rsh NA where a number goes", Src: rshHeader + "\n" + strings.Replace(rshRow, ",4,7,", ",NA,7,", 1) + "\n", Read: readRSH, Line: 2, Col: 12, Field: "month_entry", Err: table.ErrMissingValue},
		{Name: "rsh latin-1 name", Src: rshHeader + "\n" + strings.Replace(rshRow, "Spain", "Espa\xf1a", 1) + "\n", Read: readRSH, Line: 2, Col: 10, Field: "target_name", Err: table.ErrSyntax},
		{Name: "rsh CR only", Src: rshHeader + "\r" + rshRow + "\r" + strings.Replace(rshRow, ",11,13,", ",2,13,", 1) + "\r", Read: readRSH, Line: 3, Col: 14, Field: "month_exit", Err: table.ErrRange},
		{Name: "rsh 31 February", Src: rshHeader + "\n" + strings.Replace(rshRow, ",4,7,", ",2,31,", 1) + "\n", Read: readRSH, Line: 2, Col: 13, Field: "day_entry", Err: table.ErrRange},
		{Name: "rsh half a second spell", Src: rshHeader + "\n" + strings.Replace(rshRow, "NA,NA,NA,NA,0", "5,1,NA,NA,0", 1) + "\n", Read: readRSH, Line: 2, Col: 18, Field: "month_exit02", Err: table.ErrMissingValue},
		{Name: "rsh ally code", Src: rshHeader + "\n" + strings.Replace(rshRow, ",235", ",2350", 1) + "\n", Read: readRSH, Line: 2, Col: 24, Field: "ally1ccode", Err: table.ErrRange},
	})
}

// FuzzRead feeds arbitrary bytes to both readers, seeded with real rows.
func FuzzRead(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{readCOW, readRSH}, []string{
		cowHeader + "\n" + cowRow + "\n1,230,220,1823,1,1,2,1,0,1,2,1,600,400,0\n",
		rshHeader + "\n" + rshRow + "\n",
		cowHeader + "\n106,2,255,1917,1,0,1,2,0,0,1,2,126000,-9,0\n",
		rshHeader + "\n1,SecondSchleswig-Holstein1864,16,30,SecondSchleswig-Holstein_Germany_1864,1,1864,Prussia,255,Denmark,390,2,1,4,25,6,25,7,20,1,NA,NA,Austria,300\n",
	})
}

// TestSidesReal: every COW dyad-year is reproduced by the participants
// Build makes (the two states active that year on the sides the row
// gives), and the big wars have the sides history records. France fought
// Germany in 1939–40 and, as Vichy France, the Allies in 1940–41 (COW war
// 139): two participants, one per side, never France on Germany's side in
// 1939 (the defect of keying participants by state alone). Italy, Bulgaria
// and Romania changed sides in 1943–44.
func TestSidesReal(t *testing.T) {
	dys, rsh := readReal(t)
	wars, _ := Build(dys, rsh)
	byID := map[int]*world.War{}
	for i := range wars {
		byID[wars[i].ID] = &wars[i]
	}
	on := func(w *world.War, c, side, y int) bool {
		for _, p := range w.Sides[side] {
			if p.State == c && p.Active(y) {
				return true
			}
		}
		return false
	}
	side := func(a bool) int {
		if a {
			return 0
		}
		return 1
	}
	bad := 0
	for _, d := range dys {
		w := byID[d.WarNum]
		if !on(w, d.CCode1, side(d.SideA1), d.Year) || !on(w, d.CCode2, side(d.SideA2), d.Year) {
			if bad++; bad <= 5 {
				t.Errorf("war %d, %d: %d (side A %v) and %d (side A %v) not on those sides", d.WarNum, d.Year, d.CCode1, d.SideA1, d.CCode2, d.SideA2)
			}
		}
	}

	wwii := byID[139]
	for _, y := range []int{1939, 1940} {
		if same, ok := wwii.Fought(220, 255, y); !ok || same {
			t.Errorf("WWII %d: France and Germany same side %v, fought %v; want opposite sides", y, same, ok)
		}
		if same, ok := wwii.Fought(220, 200, y); !ok || !same {
			t.Errorf("WWII %d: France and the UK same side %v, fought %v; want the same side", y, same, ok)
		}
	}
	var france []world.Participant
	for s := range wwii.Sides {
		for _, p := range wwii.Sides[s] {
			if p.State == 220 {
				france = append(france, p)
				if s == wwii.Side(255) && p.Entered.Year == 1939 {
					t.Errorf("WWII: France entered on Germany's side in 1939: %+v", p)
				}
			}
		}
	}
	// COW's years, RSH's days: the Battle of France (armistice 22 June
	// 1940) and the UK–Vichy war (Mers-el-Kébir, 3 July 1940).
	allied, vichy := world.Participant{}, world.Participant{}
	if len(france) == 2 {
		allied, vichy = france[0], france[1]
	}
	if len(france) != 2 || wwii.SideIn(220, 1939) != wwii.SideIn(200, 1939) ||
		allied.Entered != world.D(1939, 9, 3) || allied.Left != world.D(1940, 6, 22) ||
		vichy.Entered != world.D(1940, 7, 3) || vichy.Left.Year != 1941 {
		t.Errorf("WWII France = %+v, want the Allies 1939-09-03 to 1940-06-22, then Vichy from 1940-07-03 to 1941", france)
	}
	if same, ok := wwii.Fought(220, 255, 1941); !ok || !same {
		t.Errorf("WWII 1941: Vichy France and Germany same side %v, fought %v; want the same side", same, ok)
	}
	for _, c := range []struct{ ccode, axis, allied int }{{325, 1940, 1944}, {355, 1942, 1945}, {360, 1942, 1945}} {
		if wwii.SideIn(c.ccode, c.axis) != wwii.Side(255) || wwii.SideIn(c.ccode, c.allied) != wwii.Side(200) {
			t.Errorf("WWII: %d on side %d in %d and %d in %d; want Germany's then the UK's", c.ccode,
				wwii.SideIn(c.ccode, c.axis), c.axis, wwii.SideIn(c.ccode, c.allied), c.allied)
		}
	}

	// No state on both sides of WWI, Korea or the Gulf War; the sides as
	// history knows them.
	for _, c := range []struct {
		war        int
		one, other []int
	}{
		{106, []int{2, 200, 220, 365}, []int{255, 300, 640}},
		{151, []int{2, 732, 200, 640}, []int{731, 710}},
		{211, []int{2, 200, 220, 670, 690}, []int{645}},
	} {
		w := byID[c.war]
		s := w.Side(c.one[0])
		for _, x := range c.one {
			if w.Side(x) != s {
				t.Errorf("war %d: %d on side %d, want %d with %d", c.war, x, w.Side(x), s, c.one[0])
			}
		}
		for _, x := range c.other {
			if w.Side(x) != 1-s {
				t.Errorf("war %d: %d on side %d, want %d against %d", c.war, x, w.Side(x), 1-s, c.one[0])
			}
		}
		seen := map[int]bool{}
		for _, p := range w.Sides[0] {
			seen[p.State] = true
		}
		for _, p := range w.Sides[1] {
			if seen[p.State] {
				t.Errorf("war %d: %d on both sides", c.war, p.State)
			}
		}
	}
}
