package worldfile

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/sipri"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func defaultWorld(t *testing.T) *world.World {
	t.Helper()
	w, err := Default()
	if err != nil {
		t.Fatalf("embedded world: %v", err)
	}
	return w
}

func findAlliance(t *testing.T, w *world.World, id string) *world.Alliance {
	t.Helper()
	for i := range w.Alliances {
		if w.Alliances[i].ID == "world:"+id {
			return &w.Alliances[i]
		}
	}
	t.Fatalf("no alliance %q in the embedded world", id)
	return nil
}

func TestDefaultWorld(t *testing.T) {
	w := defaultWorld(t)
	if w.AsOf != world.D(2024, 12, 31) || w.Year != 2024 {
		t.Errorf("as of %v (year %d), want 2024-12-31 (2024)", w.AsOf, w.Year)
	}
	nato := findAlliance(t, w, "nato")
	if got := len(nato.MembersIn(2024)); got != 32 {
		t.Errorf("NATO members in 2024: got %d, want 32", got)
	}
	joined := map[int]world.Date{}
	for _, m := range nato.Members {
		joined[m.CCode] = m.Spell.Start
	}
	for _, tc := range []struct {
		ccode int
		want  world.Date
	}{
		{375, world.D(2023, 4, 4)}, {380, world.D(2024, 3, 7)}, {2, world.D(1949, 8, 24)},
		{255, world.D(1955, 5, 6)}, {343, world.D(2020, 3, 27)},
	} {
		if got := joined[tc.ccode]; got != tc.want {
			t.Errorf("NATO accession of %d: got %v, want %v", tc.ccode, got, tc.want)
		}
	}
	if nato.KeyArticle != "Article 5" || !nato.Formal || !nato.Obligations.Has(world.Defense) {
		t.Errorf("NATO: key article %q formal %v obligations %v", nato.KeyArticle, nato.Formal, nato.Obligations)
	}
	for _, tc := range []struct {
		id      string
		formal  bool
		members int
	}{
		{"us-japan", true, 2}, {"us-rok", true, 2}, {"us-philippines", true, 2}, {"us-thailand", true, 2},
		{"anzus", true, 3}, {"rio", true, 17}, {"csto", true, 6}, {"russia-belarus", true, 2},
		{"russia-dprk", true, 2}, {"china-dprk", true, 2}, {"aukus", true, 3}, {"quad", false, 4},
		{"us-israel", false, 2}, {"eu-42-7", true, 27},
	} {
		a := findAlliance(t, w, tc.id)
		if got := len(a.MembersIn(2024)); a.Formal != tc.formal || got != tc.members {
			t.Errorf("%s: got formal %v, %d members in 2024; want %v, %d", tc.id, a.Formal, got, tc.formal, tc.members)
		}
	}
	for _, c := range []int{710, 750, 770, 630, 666, 670, 369, 713, 140, 651, 850, 816, 560} {
		if w.State(c) == nil {
			t.Errorf("major state %d missing from the embedded world", c)
		}
	}
	for _, p := range [][2]int{{710, 365}, {710, 770}} {
		found := false
		for _, ps := range w.Partnerships {
			found = found || len(ps.Members) == 2 && ps.Members[0] == p[0] && ps.Members[1] == p[1]
		}
		if !found {
			t.Errorf("no partnership %d–%d", p[0], p[1])
		}
	}
}

// TestEveryNumberHasASource checks that each figure in the embedded world
// is backed by a source with a citation and a year: 2023 or 2024, or for a
// public estimate standing in for a missing figure (North Korea's military
// expenditure), the latest year it covers, back to 2019.
func TestEveryNumberHasASource(t *testing.T) {
	w := defaultWorld(t)
	for _, s := range w.States {
		for _, nf := range numberFields {
			if numberField(&s, nf.key).IsMissing() {
				continue
			}
			ok := false
			for _, src := range s.Sources {
				current := src.Year == 2023 || src.Year == 2024 || strings.Contains(src.Citation, "estimate") && src.Year >= 2019
				ok = ok || src.Field == nf.key && src.Citation != "" && current
			}
			if !ok {
				t.Errorf("%s %s has no source with a citation and year", s.Name, nf.key)
			}
		}
	}
}

// TestCOWCodes checks every ccode of the embedded world against the COW
// State System Membership list (v2016).
func TestCOWCodes(t *testing.T) {
	spells, err := cow.ReadStates(testenv.File(t, "cow_states/states2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	known := map[int]bool{}
	for _, sp := range spells {
		known[sp.CCode] = true
	}
	for _, s := range defaultWorld(t).States {
		if !known[s.CCode] {
			t.Errorf("%s: ccode %d is not in the COW state list", s.Name, s.CCode)
		}
	}
}

// milexTolerance is how far, in percentage points of GDP, a state's
// military-spending share may sit from SIPRI's 2024 figure.
const milexTolerance = 0.5

// TestMilexAgainstSIPRI compares each state's military expenditure share
// of GDP with SIPRI's 2024 figure in the real data, where SIPRI has one,
// and lists the outliers.
func TestMilexAgainstSIPRI(t *testing.T) {
	shares, err := sipri.ReadShares(testenv.File(t, "milex/military-spending-as-a-share-of-gdp-sipri.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var outliers []string
	compared := 0
	for _, s := range defaultWorld(t).States {
		want := shares.Get(s.ISO3, 2024).Float()
		if math.IsNaN(want) {
			continue
		}
		compared++
		got := s.MilexShareGDP
		if got.IsMissing() || math.Abs(got.Float()-want) > milexTolerance {
			outliers = append(outliers, s.ISO3+": world file "+got.String()+"%, SIPRI "+strconv.FormatFloat(want, 'f', 2, 64)+"%")
		}
	}
	if len(outliers) > 0 {
		t.Errorf("%d of %d states more than %.1f points from SIPRI 2024:\n%s", len(outliers), compared, milexTolerance, strings.Join(outliers, "\n"))
	}
	if compared < 60 {
		t.Errorf("compared only %d states with SIPRI", compared)
	}
}

// snapshot renders a World (with its relations, which World's JSON leaves
// out) for comparison.
func snapshot(t *testing.T, w *world.World) string {
	t.Helper()
	var rels []world.Relation
	for _, r := range w.Relations {
		rels = append(rels, *r)
	}
	sort.Slice(rels, func(i, j int) bool {
		return rels[i].Dyad.A < rels[j].Dyad.A || rels[i].Dyad.A == rels[j].Dyad.A && rels[i].Dyad.B < rels[j].Dyad.B
	})
	b, err := json.MarshalIndent(struct {
		W *world.World
		R []world.Relation
	}{w, rels}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestYAMLRoundTrip(t *testing.T) {
	w := defaultWorld(t)
	var buf bytes.Buffer
	if err := Write(&buf, w); err != nil {
		t.Fatal(err)
	}
	back, err := Parse("written.yaml", buf.Bytes())
	if err != nil {
		t.Fatalf("re-reading the written file: %v", err)
	}
	if got, want := snapshot(t, back), snapshot(t, w); got != want {
		t.Errorf("YAML round trip changed the world:\n%s", firstDiff(got, want))
	}
}

func TestCSVRoundTrip(t *testing.T) {
	w := defaultWorld(t)
	dir := t.TempDir()
	if err := Export(dir, w); err != nil {
		t.Fatal(err)
	}
	for _, f := range Tables() {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("table %s not written: %v", f, err)
		}
	}
	back, err := Import(dir)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if got, want := snapshot(t, back), snapshot(t, w); got != want {
		t.Errorf("CSV round trip changed the world:\n%s", firstDiff(got, want))
	}
}

func TestCSVErrors(t *testing.T) {
	dir := t.TempDir()
	if err := Export(dir, defaultWorld(t)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "members.csv")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// The second line is NATO's first member; give it an unknown state.
	lines := strings.Split(string(b), "\n")
	lines[1] = strings.Replace(lines[1], "nato,2,", "nato,9999,", 1)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Import(dir)
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, ErrUnknownRef) {
		t.Fatalf("got %v, want an unknown-state error", err)
	}
	if want := path + ":2:2: alliances[0].members[0].ccode: unknown state 9999"; !strings.HasPrefix(e.Error(), want) {
		t.Errorf("got %q, want prefix %q", e.Error(), want)
	}
}

// TestCSVMalformed checks that a row of the wrong length, a repeated
// column and an empty required cell are errors naming the file, not values
// that silently go missing or turn into a default.
func TestCSVMalformed(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		edit    func(lines []string) // header first
		want    error
		wantMsg string
	}{
		{"short row", "members.csv", func(l []string) { l[1] = l[1][:strings.LastIndex(l[1], ",")] }, csv.ErrFieldCount, "members.csv: record on line 2: wrong number of fields"},
		{"long row", "members.csv", func(l []string) { l[2] += ",defense" }, csv.ErrFieldCount, "members.csv: record on line 3: wrong number of fields"},
		{"repeated column", "members.csv", func(l []string) { l[0] = strings.Replace(l[0], "joined", "ccode", 1) }, ErrDuplicate, "members.csv:1:3: ccode: column \"ccode\" again (first in column 2)"},
		{"empty formal", "alliances.csv", func(l []string) { l[1] = strings.Replace(l[1], ",true,", ",,", 1) }, ErrMissing, "alliances.csv:2:3: alliances[0].formal: formal is required"},
		{"hostility source without a value", "relations.csv", func(l []string) {
			c := strings.Split(l[1], ",") // state_a,state_b,contiguity,hostility,hostility_source,...
			c[3], c[4] = "", "entente-coding"
			l[1] = strings.Join(c, ",")
		}, ErrMissing, "relations.csv:2:4: relations[0].hostility.value: value is required when hostility_source or hostility_year is given"},
		{"directed hostility out of range", "relations.csv", func(l []string) {
			c := strings.Split(l[1], ",") // ...,hostility_year,hostility_ab,hostility_ab_source,hostility_ab_year,...
			c[6], c[7], c[8] = "1.5", "entente-coding", "2024"
			l[1] = strings.Join(c, ",")
		}, ErrRange, "relations.csv:2:7: relations[0].hostility_ab.value: 1.5 out of range [0, 1]"},
		{"directed hostility without the pair's", "relations.csv", func(l []string) {
			c := strings.Split(l[1], ",")
			c[3], c[4], c[5] = "", "", ""
			c[9], c[10], c[11] = "0.2", "entente-coding", "2024"
			l[1] = strings.Join(c, ",")
		}, ErrMissing, "relations.csv:2:10: relations[0].hostility: hostility_ba needs hostility"},
		{"latin-1 name", "states.csv", func(l []string) {
			c := strings.Split(l[1], ",") // ccode,iso3,abbrev,name,...
			c[3] = "Caf\xe9"
			l[1] = strings.Join(c, ",")
		}, ErrEncoding, "states.csv:2:8: name: not UTF-8 (a Latin-1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := Export(dir, defaultWorld(t)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, tc.file)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(b), "\n")
			tc.edit(lines)
			if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = Import(dir)
			if !errors.Is(err, tc.want) || err == nil || !strings.Contains(err.Error(), tc.wantMsg) {
				t.Fatalf("got %v, want %v containing %q", err, tc.want, tc.wantMsg)
			}
		})
	}
}

// TestCSVMissingCCode checks that a state row without a ccode does not
// make a member row without one (ccode 0) pass as a known state.
func TestCSVMissingCCode(t *testing.T) {
	dir := t.TempDir()
	if err := Export(dir, defaultWorld(t)); err != nil {
		t.Fatal(err)
	}
	blank := func(file, prefix, with string) {
		path := filepath.Join(dir, file)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				lines[i] = with + strings.TrimPrefix(l, prefix)
				break
			}
		}
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	blank("states.csv", "20,", ",")            // Canada's ccode
	blank("members.csv", "nato,20,", "nato,,") // Canada in NATO
	_, err := Import(dir)
	for _, want := range []string{
		"states.csv:3:1: states[1].ccode: a positive COW ccode is required",
		"members.csv:3:2: alliances[0].members[1].ccode: unknown state 0 (not among states)",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want an error containing %q", err, want)
		}
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + strconv.Itoa(i+1) + ": got " + g[i] + ", want " + w[i]
		}
	}
	return "lengths differ: " + strconv.Itoa(len(g)) + " vs " + strconv.Itoa(len(w))
}

// TestMajors checks that the embedded world's major powers are COW's
// majors at the end of its list (2016).
func TestMajors(t *testing.T) {
	spells, err := cow.ReadMajors(testenv.File(t, "cow_states/majors2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var want []int
	for _, sp := range spells {
		if sp.Spell.End.Year == 2016 {
			want = append(want, sp.CCode)
		}
	}
	sort.Ints(want)
	var got []int
	for _, s := range defaultWorld(t).States {
		if s.Major {
			got = append(got, s.CCode)
		}
	}
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("majors: got %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("majors: got %v, want %v", got, want)
		}
	}
}
