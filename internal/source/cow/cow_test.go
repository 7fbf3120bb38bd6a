package cow

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func file(t *testing.T, dir, name string) string {
	t.Helper()
	return testenv.File(t, filepath.Join(dir, name))
}

// TestRowCounts checks every reader against the row counts in
// PROVENANCE.md.
func TestRowCounts(t *testing.T) {
	count := func(n int, err error) (int, error) { return n, err }
	tests := []struct {
		name string
		read func(path string) (int, error)
		path string
		want int
	}{
		{"states2016", func(p string) (int, error) { r, err := ReadStates(p); return count(len(r), err) }, "cow_states/states2016.csv", 243},
		{"system2016", func(p string) (int, error) { r, err := ReadSystem(p); return count(len(r), err) }, "cow_states/system2016.csv", 15951},
		{"majors2016", func(p string) (int, error) { r, err := ReadMajors(p); return count(len(r), err) }, "cow_states/majors2016.csv", 14},
		{"country codes", func(p string) (int, error) { r, err := ReadCountryCodes(p); return count(len(r), err) }, "cow_states/COW-country-codes.csv", 243},
		{"NMC v6.0", func(p string) (int, error) { r, err := ReadNMC(p); return count(len(r), err) }, "nmc/NMC-60-abridged.csv", 15951},
		{"NMC v7.0", func(p string) (int, error) { r, err := ReadNMC(p); return count(len(r), err) }, "nmc/NMC-70-abridged_peacesciencer.csv", 17121},
		{"by_member", func(p string) (int, error) { r, err := ReadMembers(p); return count(len(r), err) }, "cow_alliances_v4.1/alliance_v4.1_by_member.csv", 1221},
		{"by_member_yearly", func(p string) (int, error) { r, err := ReadMemberYears(p); return count(len(r), err) }, "cow_alliances_v4.1/alliance_v4.1_by_member_yearly.csv", 21315},
		{"by_dyad", func(p string) (int, error) { r, err := ReadDyads(p); return count(len(r), err) }, "cow_alliances_v4.1/alliance_v4.1_by_dyad.csv", 3222},
		{"by_directed", func(p string) (int, error) { r, err := ReadDirected(p); return count(len(r), err) }, "cow_alliances_v4.1/alliance_v4.1_by_directed.csv", 6444},
		{"contdird", func(p string) (int, error) { r, err := ReadContiguityYears(p); return count(len(r), err) }, "cow_contiguity_v3.2/contdird.csv", 82498},
		{"contdir", func(p string) (int, error) { r, err := ReadContiguity(p); return count(len(r), err) }, "cow_contiguity_v3.2/contdir.csv", 847},
		{"contdirs", func(p string) (int, error) { r, err := ReadContiguityCounts(p); return count(len(r), err) }, "cow_contiguity_v3.2/contdirs.csv", 15951},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.read(testenv.File(t, tc.path))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("rows: got %d, want %d", got, tc.want)
			}
		})
	}
}

func TestAlliancesPublishedFacts(t *testing.T) {
	ms, err := ReadMembers(file(t, "cow_alliances_v4.1", "alliance_v4.1_by_member.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[int]bool{}
	ccodes := map[int]bool{}
	ongoing := map[int]bool{}
	types := map[int]string{}
	for _, m := range ms {
		ids[m.ID] = true
		ccodes[m.CCode] = true
		if m.Spell.End.IsZero() != m.RightCensor {
			t.Errorf("version4id %d ccode %d: empty membership end %v but right_censor %v", m.ID, m.CCode, m.Spell.End.IsZero(), m.RightCensor)
		}
		if m.Alliance.End.IsZero() {
			ongoing[m.ID] = true
		}
		if _, ok := types[m.ID]; !ok {
			types[m.ID] = m.Type
		}
	}
	for id := 1; id <= 414; id++ {
		if !ids[id] {
			t.Errorf("version4id %d missing", id)
		}
	}
	typeCount := map[string]int{}
	for _, ty := range types {
		typeCount[ty]++
	}
	checks := []struct {
		name      string
		got, want int
	}{
		{"alliances", len(ids), 414},
		{"ccodes", len(ccodes), 180},
		{"ongoing", len(ongoing), 98},
		{"Type I", typeCount["Type I: Defense Pact"], 205},
		{"Type III", typeCount["Type III: Entente"], 64},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d (types %v)", c.name, c.got, c.want, typeCount)
		}
	}

	t.Run("NATO", func(t *testing.T) {
		// NATO lists 20 member ccodes up to the 1999 enlargement; West
		// Germany (260) gives way to Germany (255) in 1990, so 19 are
		// members in 1999.
		var in1999, after []int
		all := map[int]bool{}
		for _, m := range ms {
			if m.ID != 227 {
				continue
			}
			all[m.CCode] = true
			if m.Spell.Overlaps(1999) {
				in1999 = append(in1999, m.CCode)
			}
			if m.Spell.Start.Year >= 2004 {
				after = append(after, m.CCode)
			}
		}
		sort.Ints(in1999)
		if len(all) != 20 {
			t.Errorf("NATO member ccodes: got %d, want 20", len(all))
		}
		if len(in1999) != 19 {
			t.Errorf("NATO members in 1999: got %d %v, want 19", len(in1999), in1999)
		}
		if len(after) != 0 {
			t.Errorf("NATO entrants from 2004: got %v, want none", after)
		}
	})
}

func TestMissingPledges(t *testing.T) {
	years, err := ReadMemberYears(file(t, "cow_alliances_v4.1", "alliance_v4.1_by_member_yearly.csv"))
	if err != nil {
		t.Fatal(err)
	}
	dyads, err := ReadDyads(file(t, "cow_alliances_v4.1", "alliance_v4.1_by_dyad.csv"))
	if err != nil {
		t.Fatal(err)
	}
	directed, err := ReadDirected(file(t, "cow_alliances_v4.1", "alliance_v4.1_by_directed.csv"))
	if err != nil {
		t.Fatal(err)
	}
	unknown := func(p Pledges, k world.Obligation) bool { _, ok := p.Has(k); return !ok }
	var n [3]int
	for _, y := range years {
		if unknown(y.Pledges, world.Entente) {
			n[0]++
		}
		if y.Year < 1816 || y.Year > 2012 {
			t.Fatalf("year %d outside 1816..2012", y.Year)
		}
	}
	for _, d := range dyads {
		if unknown(d.Pledges, world.Entente) {
			n[1]++
		}
	}
	for _, d := range directed {
		if unknown(d.Pledges, world.Nonaggression) {
			n[2]++
		}
	}
	if want := [3]int{24, 1, 3}; n != want {
		t.Errorf("missing pledges (yearly entente, dyad entente, directed nonaggression): got %v, want %v", n, want)
	}
}

func TestNMCFacts(t *testing.T) {
	v6, err := ReadNMC(file(t, "nmc", "NMC-60-abridged.csv"))
	if err != nil {
		t.Fatal(err)
	}
	codes := map[int]bool{}
	lo, hi := 9999, 0
	var miss [6]int
	for _, n := range v6 {
		codes[n.CCode] = true
		lo, hi = min(lo, n.Year), max(hi, n.Year)
		c := n.Capability
		for i, v := range []world.Value{c.Milex, c.Pec, c.Milper, c.Upop, c.Irst} {
			if v.IsMissing() {
				miss[i]++
			}
		}
	}
	if len(codes) != 217 || lo != 1816 || hi != 2016 {
		t.Errorf("v6.0: got %d ccodes %d–%d, want 217 ccodes 1816–2016", len(codes), lo, hi)
	}
	if want := [6]int{2217, 448, 426, 68, 26, 0}; miss != want {
		t.Errorf("v6.0 missing milex, pec, milper, upop, irst: got %v, want %v", miss, want)
	}
	if got := v6[0]; got.Abbrev != "USA" || got.Year != 1816 || got.Capability.Milex != 3823 || got.Capability.CINC != 0.039697491 {
		t.Errorf("first row: got %+v", got)
	}
	v7, err := ReadNMC(file(t, "nmc", "NMC-70-abridged_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if got := v7[0]; got.Abbrev != "" || got.CCode != 2 || got.Year != 1816 || got.Capability.Milex != 3823 {
		t.Errorf("v7.0 first row: got %+v", got)
	}
}

func TestSystemDyadYears(t *testing.T) {
	sys, err := ReadSystem(file(t, "cow_states", "system2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	n := map[int]int{}
	for _, s := range sys {
		n[s.Year]++
	}
	total := 0
	for y := 1816; y <= 2016; y++ {
		total += n[y] * (n[y] - 1)
	}
	if total != 1912350 || len(n) != 201 {
		t.Errorf("directed dyad-years: got %d over %d years, want 1,912,350 over 201", total, len(n))
	}
}

func TestContiguityFacts(t *testing.T) {
	cy, err := ReadContiguityYears(file(t, "cow_contiguity_v3.2", "contdird.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var got [6]int
	for _, c := range cy {
		got[c.Type]++
	}
	if want := [6]int{0, 48944, 2166, 2324, 11356, 17708}; got != want {
		t.Errorf("conttype counts: got %v, want %v", got, want)
	}
	master, err := ReadContiguity(file(t, "cow_contiguity_v3.2", "contdir.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if m := master[0]; m.StateLow != 2 || m.StateHigh != 20 || m.Type != 1 || m.Spell.Start != world.D(1920, 1, 0) || m.Spell.End != world.D(2016, 12, 0) {
		t.Errorf("first master row: got %+v", m)
	}
}

func TestCountryCodesCROnly(t *testing.T) {
	src := "StateAbb,CCode,StateNme\rUSA,2,United States of America\rCAN,20,Canada\r"
	got, err := countryCodesFormat.decode("codes.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []CountryCode{{2, "USA", "United States of America"}, {20, "CAN", "Canada"}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestErrors(t *testing.T) {
	memberHdr := "version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,version\n"
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "member ends before it starts", Read: decodeErr(membersFormat), Src: memberHdr +
			`1,200,"United Kingdom",9,5,1386,,,,"Type I: Defense Pact",1,1,1816,3,2,1815,1,1,1,0,1,0,4.1` + "\n",
			Line: 2, Col: 16, Field: "mem_end_year", Err: table.ErrRange},
		{Name: "pledge flag 2", Read: decodeErr(membersFormat), Src: memberHdr +
			`1,200,"United Kingdom",9,5,1386,,,,"Type I: Defense Pact",1,1,1816,,,,1,1,2,0,1,0,4.1` + "\n",
			Line: 2, Col: 19, Field: "defense", Err: table.ErrRange},
		{Name: "February 30", Read: decodeErr(membersFormat), Src: memberHdr +
			`1,200,"United Kingdom",30,2,1386,,,,"Type I: Defense Pact",1,1,1816,,,,1,1,1,0,1,0,4.1` + "\n",
			Line: 2, Col: 4, Field: "all_st_day", Err: table.ErrRange},
		{Name: "conttype 6", Read: decodeErr(contiguityYearsFormat), Src: "dyad,state1no,state1ab,state2no,state2ab,year,conttype,version\n" +
			"2020,2,USA,20,CAN,1920,1,3.2\n2020,2,USA,20,CAN,1921,6,3.2\n",
			Line: 3, Col: 7, Field: "conttype", Err: table.ErrRange},
		{Name: "begin YYYYMM month 13", Read: decodeErr(contiguityFormat), Src: "dyad,statelno,statelab,statehno,statehab,conttype,begin,end,notes,version\n" +
			"2020,2,USA,20,CAN,1,192013,201612,x,3.2\n",
			Line: 2, Col: 7, Field: "begin", Err: table.ErrRange},
		{Name: "NMC negative milex", Read: decodeErr(nmcFormat), Src: "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n2,1816,-3,17,80,254,8659,101,0.04\n",
			Line: 2, Col: 3, Field: "milex", Err: table.ErrRange},
		{Name: "NMC missing column", Read: decodeErr(nmcFormat), Src: "ccode,year,milex,milper,irst,pec,tpop,upop\n2,1816,3,17,80,254,8659,101\n",
			Line: 1, Col: 0, Field: "cinc", Err: table.ErrMissingColumn},
		{Name: "state ccode text", Read: decodeErr(systemFormat), Src: "stateabb,ccode,year,version\nUSA,x,1816,2016\n",
			Line: 2, Col: 2, Field: "ccode", Err: table.ErrSyntax},
		{Name: "counts do not add up", Read: decodeErr(contiguityCountsFormat), Src: "stateno,stateab,year,total,land,sea,version\n2,USA,1816,2,1,0,3.2\n",
			Line: 2, Col: 4, Field: "total", Err: table.ErrRange},
	})
}

func decodeErr[T any](f format[T]) sourcetest.Read {
	return func(name, src string) error {
		_, err := f.decode(name, strings.NewReader(src))
		return err
	}
}

// TestSystemMatchesSpells checks that system2016's state-years are the
// expansion of states2016's spells by world.Spell.Overlaps.
func TestSystemMatchesSpells(t *testing.T) {
	states, err := ReadStates(file(t, "cow_states", "states2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	sys, err := ReadSystem(file(t, "cow_states", "system2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ ccode, year int }
	fromSpells := map[key]bool{}
	for _, s := range states {
		for y := s.Spell.Start.Year; s.Spell.Overlaps(y); y++ {
			fromSpells[key{s.CCode, y}] = true
		}
	}
	var diff []key
	for _, s := range sys {
		if !fromSpells[key{s.CCode, s.Year}] {
			diff = append(diff, key{s.CCode, s.Year})
		}
	}
	if len(diff) != 0 || len(fromSpells) != len(sys) {
		t.Errorf("spells give %d state-years, system2016 %d; system rows not in a spell: %v", len(fromSpells), len(sys), diff)
	}
}

// TestMemberYearsSpells checks that, once the yearly file's filled-in 2012
// end is read as "in force", every member-year carries a spell of the
// member file.
func TestMemberYearsSpells(t *testing.T) {
	ms, err := ReadMembers(file(t, "cow_alliances_v4.1", "alliance_v4.1_by_member.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ys, err := ReadMemberYears(file(t, "cow_alliances_v4.1", "alliance_v4.1_by_member_yearly.csv"))
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		id, ccode int
		spell     world.Spell
	}
	spells := map[key]bool{}
	for _, m := range ms {
		spells[key{m.ID, m.CCode, m.Spell}] = true
	}
	bad := 0
	for _, y := range ys {
		if !spells[key{y.ID, y.CCode, y.Spell}] {
			if bad < 5 {
				t.Errorf("version4id %d ccode %d year %d: spell %v–%v not in the member file", y.ID, y.CCode, y.Year, y.Spell.Start, y.Spell.End)
			}
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d member-years without a member-file spell", bad)
	}
}
