package worldfile

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/nato"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

// TestBordersAgainstCOW checks the embedded world's contiguity against COW
// Direct Contiguity v3.2 for 2016 on every pair of states present in both:
// the type where COW has one, and "not contiguous" (0) where it has none.
func TestBordersAgainstCOW(t *testing.T) {
	years, err := cow.ReadContiguityYears(testenv.File(t, "cow_contiguity_v3.2/contdird.csv"))
	if err != nil {
		t.Fatal(err)
	}
	cowType := map[world.Dyad]int{}
	inCOW := map[int]bool{}
	for _, c := range years {
		if c.Year == 2016 {
			cowType[world.MakeDyad(c.State1, c.State2)] = c.Type
			inCOW[c.State1], inCOW[c.State2] = true, true
		}
	}
	states, err := cow.ReadStates(testenv.File(t, "cow_states/states2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range states {
		if s.Spell.Overlaps(2016) {
			inCOW[s.CCode] = true
		}
	}
	w := defaultWorld(t)
	if !w.Covered(world.FamilyContiguity) {
		t.Fatal("the embedded world does not declare its contiguity complete")
	}
	pairs, contiguous, bad := 0, 0, 0
	for i, a := range w.States {
		if !inCOW[a.CCode] {
			t.Errorf("%s (%d) is not a COW state in 2016", a.Name, a.CCode)
			continue
		}
		for _, b := range w.States[i+1:] {
			if !inCOW[b.CCode] {
				continue
			}
			pairs++
			want := cowType[world.MakeDyad(a.CCode, b.CCode)]
			if want > 0 {
				contiguous++
			}
			if got := w.Relation(a.CCode, b.CCode).Contiguity; got != want {
				bad++
				t.Errorf("%s–%s: contiguity %d, COW 2016 %d", a.Name, b.Name, got, want)
			}
		}
	}
	t.Logf("%d pairs, %d contiguous, %d differ", pairs, contiguous, bad)
	// South Sudan (2011) borders Sudan, Ethiopia, Kenya, Uganda, the DRC
	// and the CAR; the file holds Sudan, Ethiopia, Uganda and the DRC.
	for _, c := range []int{625, 530, 500, 490} {
		if w.Relation(626, c).Contiguity != 1 {
			t.Errorf("South Sudan–%s: contiguity %d, want 1 (land)", w.State(c).Name, w.Relation(626, c).Contiguity)
		}
	}
	if got := w.Relation(365, 290).Contiguity; got != 1 {
		t.Errorf("Russia–Poland (Kaliningrad): contiguity %d, want 1", got)
	}
}

// TestNATOFigures checks that the embedded world carries NATO's own
// defence-expenditure shares for 2014–2024 (edition of June 2024) exactly
// as NATO's table gives them, with NATO's estimates marked, beside SIPRI's
// figure.
func TestNATOFigures(t *testing.T) {
	tab, err := nato.Read(testenv.File(t, "nato/nato_defence_share_gdp_2014_2024.csv"), nato.Edition2024)
	if err != nil {
		t.Fatal(err)
	}
	w := defaultWorld(t)
	n := 0
	for _, f := range tab.Figures {
		s := w.State(f.CCode)
		if s == nil {
			t.Errorf("%s (%d) is not in the embedded world", f.Country, f.CCode)
			continue
		}
		var got *world.Figure
		for i := range s.Figures {
			g := &s.Figures[i]
			if g.Field == "milex_share_gdp" && g.Source.ID == "nato-dex-2024" && g.Source.Year == f.Year {
				got = g
			}
		}
		switch {
		case got == nil:
			t.Errorf("%s %d: no NATO figure, NATO's table has %v", s.Name, f.Year, f.Share)
		case got.Value.Float() != f.Share || got.Estimate != f.Estimate:
			t.Errorf("%s %d: %v (estimate %v), NATO's table %v (estimate %v)", s.Name, f.Year, got.Value, got.Estimate, f.Share, f.Estimate)
		default:
			n++
		}
	}
	total := 0
	for _, s := range w.States {
		for _, g := range s.Figures {
			if g.Source.ID == "nato-dex-2024" {
				total++
			}
		}
		if len(s.Figures) > 0 && s.MilexShareGDP.IsMissing() {
			t.Errorf("%s has NATO's figure but no SIPRI figure beside it", s.Name)
		}
	}
	if total != len(tab.Figures) || n != len(tab.Figures) {
		t.Errorf("%d NATO figures in the world file, %d match, table has %d", total, n, len(tab.Figures))
	}
	if !strings.Contains(w.State(380).Figures[0].Source.Citation, "17 June 2024") {
		t.Errorf("NATO figures cite %q, want the edition of 17 June 2024", w.State(380).Figures[0].Source.Citation)
	}
}

// TestAlliancesCited checks that every alliance of the embedded world names
// its founding instrument, cites a source, and dates its start and every
// member's entry, and every status change its source.
func TestAlliancesCited(t *testing.T) {
	w := defaultWorld(t)
	for _, a := range w.Alliances {
		if a.Treaty == "" {
			t.Errorf("%s: no treaty (founding instrument) named", a.ID)
		}
		if len(a.Sources) == 0 {
			t.Errorf("%s: no source cited", a.ID)
		}
		for _, s := range a.Sources {
			if s.Citation == "" {
				t.Errorf("%s: source %q has no citation", a.ID, s.ID)
			}
		}
		if a.Spell.Start.IsZero() || a.Spell.Start.Month == 0 {
			t.Errorf("%s: start %v, want a full date", a.ID, a.Spell.Start)
		}
		for _, m := range a.Members {
			if m.Spell.Start.IsZero() {
				t.Errorf("%s: member %d has no entry date", a.ID, m.CCode)
			}
			for _, p := range m.Status {
				if len(p.Sources) == 0 || p.Spell.Start.IsZero() {
					t.Errorf("%s: member %d's status %q lacks a date or a source", a.ID, m.CCode, p.Status)
				}
			}
		}
	}
}

// TestAlliances2024 checks the facts issue 12 corrected: ANZUS's US–New
// Zealand suspension, Armenia's frozen CSTO participation, AUKUS and the
// Quad as what they are, the alliances that were missing, and Syria.
func TestAlliances2024(t *testing.T) {
	w := defaultWorld(t)
	anzus := findAlliance(t, w, "anzus")
	if s := anzus.SuspendedOn(920, 2, w.AsOf); s == nil || s.Spell.Start != world.D(1986, 8, 11) {
		t.Errorf("ANZUS: US–New Zealand suspension %+v, want one since 1986-08-11", s)
	}
	if anzus.SuspendedOn(2, 900, w.AsOf) != nil || anzus.SuspendedOn(900, 920, w.AsOf) != nil {
		t.Error("ANZUS: obligations of Australia suspended, want only US–New Zealand")
	}
	if anzus.SuspendedOn(2, 920, world.D(1985, 12, 31)) != nil {
		t.Error("ANZUS: US–New Zealand suspended before 1986")
	}
	csto := findAlliance(t, w, "csto")
	for _, m := range csto.Members {
		want := world.Active
		if m.CCode == 371 {
			want = world.Frozen
		}
		if got := m.StatusOn(w.AsOf); got != want {
			t.Errorf("CSTO: %s is %s on %v, want %s", w.State(m.CCode).Name, got, w.AsOf, want)
		}
	}
	for _, tc := range []struct {
		id   string
		want world.Commitment
	}{
		{"aukus", world.TechnologyPartnership}, {"quad", world.ConsultationForum},
		{"nato", world.DefencePact}, {"us-israel", world.Alignment},
		{"arab-league-defence", world.DefencePact}, {"gcc-defence", world.DefencePact},
		{"turkey-azerbaijan", world.DefencePact}, {"aes", world.DefencePact},
		{"anglo-portuguese", world.DefencePact},
	} {
		if got := findAlliance(t, w, tc.id).Commitment(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.id, got, tc.want)
		}
	}
	al := findAlliance(t, w, "arab-league-defence")
	for _, m := range al.Members {
		if m.CCode == 652 {
			if m.StatusOn(world.D(2015, 1, 1)) != world.Suspended || m.StatusOn(w.AsOf) != world.Active {
				t.Errorf("Syria in the Arab League: %s in 2015 and %s at the end of 2024, want suspended then active",
					m.StatusOn(world.D(2015, 1, 1)), m.StatusOn(w.AsOf))
			}
		}
	}
	if s := w.State(652); s == nil || !strings.Contains(s.Note, "8 December 2024") {
		t.Error("Syria: no note of the fall of the Assad government on 8 December 2024")
	}
}

// TestRivalriesReviewed checks that every Thompson–Dreyer strategic rivalry
// in force at the end of their coverage (2010) is coded in the embedded
// world, reviewed for 2024 (its rationale says whether it ended, continues
// or changed), and that the rivalries of 2014–2024 the issue names are
// coded, each relation with a value, a rationale and a public source.
func TestRivalriesReviewed(t *testing.T) {
	r, err := table.Open(testenv.File(t, "rivalries/td_rivalries_peacesciencer.csv"), table.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	w := defaultWorld(t)
	n := 0
	for r.Next() {
		a, b, end, name := r.Int("ccode1"), r.Int("ccode2"), r.Int("endyear"), r.String("rivalryname")
		if r.Err() != nil {
			t.Fatal(r.Err())
		}
		if end < 2010 {
			continue
		}
		n++
		rel, ok := w.Relations[world.MakeDyad(a, b)]
		if !ok || rel.Hostility.IsMissing() {
			t.Errorf("TD rivalry %s (%d–%d) in force in 2010 is not coded for 2024", name, a, b)
			continue
		}
		if !strings.HasPrefix(rel.Rationale, "TD rivalry") {
			t.Errorf("%s: rationale %q does not give the review of the TD rivalry", name, rel.Rationale)
		}
	}
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 42 {
		t.Errorf("%d TD rivalries in force in 2010, want 42", n)
	}
	for _, d := range [][2]int{{365, 290}, {365, 366}, {365, 367}, {365, 368}, {365, 375}, {365, 255}, {365, 200},
		{731, 740}, {710, 900}, {666, 652}} {
		rel, ok := w.Relations[world.MakeDyad(d[0], d[1])]
		if !ok || !rel.Rivalry || rel.Hostility.IsMissing() {
			t.Errorf("%s–%s: no rivalry coded for 2024", w.State(d[0]).Name, w.State(d[1]).Name)
		}
	}
	for _, rel := range w.Relations {
		if rel.Hostility.IsMissing() && !rel.Rivalry {
			continue // a border only
		}
		public := false
		for _, s := range rel.Sources {
			public = public || s.Field == "" && s.ID != "entente-coding" && s.ID != "cow-contiguity"
		}
		if rel.Hostility.IsMissing() || rel.Rationale == "" || !public {
			t.Errorf("%s–%s: hostility %v, rationale %q, want both and a public source", w.State(rel.Dyad.A).Name, w.State(rel.Dyad.B).Name, rel.Hostility, rel.Rationale)
		}
	}
}

// TestNorthKoreaCapability checks that North Korea, whose large army sits
// on a small economy, does not rank above Germany, Japan, the United
// Kingdom or France on the default composite: it carries a sourced
// estimate of its military expenditure (WMEAT, marked as such), and the
// composite weighs the military as one dimension of three.
func TestNorthKoreaCapability(t *testing.T) {
	w := defaultWorld(t)
	prk := w.State(731)
	for _, c := range []int{255, 740, 200, 220} {
		if s := w.State(c); !(s.Capability.CINC > prk.Capability.CINC) {
			t.Errorf("North Korea %.4f ranks above %s %.4f", prk.Capability.CINC, s.Name, s.Capability.CINC)
		}
	}
	estimate := false
	for _, s := range prk.Sources {
		estimate = estimate || s.Field == "milex_usd" && s.ID == "wmeat-2021" && strings.Contains(s.Citation, "estimate")
	}
	if prk.MilexUSD.IsMissing() || !estimate {
		t.Errorf("North Korea's military expenditure %v is not WMEAT's estimate", prk.MilexUSD)
	}
	// A state without an expenditure figure: its military dimension is
	// missing rather than its army's share alone.
	vnm := w.State(816)
	if vnm.MilexUSD.OK() || vnm.Capability.CINC.IsMissing() {
		t.Fatalf("Vietnam: milex %v, composite %v; want no milex and a composite", vnm.MilexUSD, vnm.Capability.CINC)
	}
	var gdp, pop float64
	for _, s := range w.States {
		gdp += s.GDP.Or(0)
		pop += s.Population.Or(0)
	}
	want := (vnm.GDP.Float()/gdp + vnm.Population.Float()/pop) / 2
	if got := vnm.Capability.CINC.Float(); math.Abs(got-want) > 1e-12 {
		t.Errorf("Vietnam's composite %v, want the mean of its GDP and population shares %v", got, want)
	}
}

// TestCSVNewTables checks that the tables of the format's additions carry
// them through export and import, and that a bad cell in one is reported
// with its table, line, column and field.
func TestCSVNewTables(t *testing.T) {
	tests := []struct {
		file, old, new string
		sentinel       error
		want           string // after the table's path
	}{
		{"status.csv", "csto,371,frozen,", "csto,371,frozn,", ErrRange, ":2:3: alliances[7].members[2].status[0].status: status \"frozn\""},
		{"status.csv", "csto,371,", "csto,372,", ErrUnknownRef, ":2:2: status[0].ccode: state 372 is not a member of alliance \"csto\""},
		{"suspensions.csv", "anzus,2,920,1986-08-11", "anzus,2,921,1986-08-11", ErrUnknownRef, ":2:3: alliances[5].suspensions[0].states[1]: state 921 is not a member"},
		{"figures.csv", "20,milex_share_gdp,", "20,milex_share,", ErrRange, ":13:2: states[1].figures[0].field: field \"milex_share\""},
		{"coverage.csv", "contiguity,", "borders,", ErrRange, ":2:1: coverage[0].family: family \"borders\""},
	}
	for _, tc := range tests {
		t.Run(tc.file+" "+tc.new, func(t *testing.T) {
			dir := t.TempDir()
			if err := Export(dir, defaultWorld(t)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, tc.file)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tc.old) {
				t.Fatalf("%s has no %q:\n%.300s", tc.file, tc.old, b)
			}
			if err := os.WriteFile(path, []byte(strings.Replace(string(b), tc.old, tc.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = Import(dir)
			if !errors.Is(err, tc.sentinel) || !strings.Contains(err.Error(), path+tc.want) {
				t.Errorf("got %v, want %v containing %q", err, tc.sentinel, path+tc.want)
			}
		})
	}
}
