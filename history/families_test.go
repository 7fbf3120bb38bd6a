package history

import (
	"math"
	"slices"
	"testing"

	"github.com/entente/entente/internal/dataset"
	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/world"
)

func TestWarsReal(t *testing.T) {
	h := open(t)
	if n := len(h.Wars()); n != 95 {
		t.Errorf("%d wars, want 95 (COW v4.0)", n)
	}
	w, err := h.World(1917)
	if err != nil {
		t.Fatal(err)
	}
	var wwi *world.War
	for i := range w.Wars {
		if w.Wars[i].ID == 106 {
			wwi = &w.Wars[i]
		}
	}
	if wwi == nil {
		t.Fatalf("World(1917) has no COW war 106 among %d wars in progress", len(w.Wars))
	}
	// The Entente and the Central Powers on opposite sides; the United
	// States joined in 1917.
	for _, c := range []int{2, 200, 220, 365} {
		if same, ok := wwi.Fought(c, 255, 1917); !ok || same {
			t.Errorf("ccode %d and Germany in 1917: fought %v, same side %v; want opposite sides", c, ok, same)
		}
	}
	if same, ok := wwi.Fought(300, 255, 1917); !ok || !same {
		t.Errorf("Austria-Hungary and Germany in 1917: fought %v, same side %v; want the same side", ok, same)
	}
	usa := wwi.Participant(2)
	if usa == nil || usa.Entered.Year != 1917 || !usa.Joiner {
		t.Errorf("USA in WWI = %+v, want a joiner entering in 1917", usa)
	}
	if _, ok := wwi.Fought(2, 255, 1916); ok {
		t.Error("USA fought Germany in 1916")
	}
	w2, _ := h.World(1925)
	if len(w2.Wars) != 0 || !w2.Covered(world.FamilyWars) {
		t.Errorf("World(1925): %d wars in progress, covered %v; want none, covered", len(w2.Wars), w2.Covered(world.FamilyWars))
	}
}

func TestStateFamiliesReal(t *testing.T) {
	h := open(t)
	w, err := h.World(1900)
	if err != nil {
		t.Fatal(err)
	}
	usa := w.State(2)
	// The file: "2,1900,0.422,10,0.974385439066167" (regime) and
	// "2,1900,27.037,18.121,26.879,8.917" (natural logs).
	if usa.Democracy != (world.Democracy{Polyarchy: 0.422, Polity2: 10, UDS: 0.974385439066167}) {
		t.Errorf("USA 1900 democracy = %+v", usa.Democracy)
	}
	if usa.GDP2011USD != world.Value(math.Exp(27.037)) || usa.Population != world.Value(math.Exp(18.121)) || usa.SDP2011USD != world.Value(math.Exp(26.879)) {
		t.Errorf("USA 1900 GDP %v population %v SDP %v, want e^27.037, e^18.121, e^26.879", usa.GDP2011USD, usa.Population, usa.SDP2011USD)
	}
	if usa.TerritorialThreat.IsMissing() || usa.LeaderChanged != 0 || len(usa.Leaders) != 1 || usa.Leaders[0].Name != "McKinley" {
		t.Errorf("USA 1900: threat %v, leader changed %v, leaders %+v; want a threat, no change, McKinley", usa.TerritorialThreat, usa.LeaderChanged, usa.Leaders)
	}
	w16, _ := h.World(2016)
	if p := w16.State(2).Democracy.Polyarchy; p != 0.89 {
		t.Errorf("USA 2016 polyarchy = %v, want 0.89", p)
	}
	if v := w16.State(2).TerritorialThreat; v.OK() || w16.Covered(world.FamilyTerritory) {
		t.Errorf("USA 2016 territorial threat %v, want missing (coverage ends 2010)", v)
	}
	// Garfield's assassination: Arthur took office in 1881.
	w81, _ := h.World(1881)
	if u := w81.State(2); u.LeaderChanged != 1 || len(u.Leaders) != 3 {
		t.Errorf("USA 1881: leader changed %v, %d leaders; want 1 and Hayes, Garfield, Arthur", u.LeaderChanged, len(u.Leaders))
	}
	w1830, _ := h.World(1830)
	if v := w1830.State(2).LeaderChanged; v.OK() {
		t.Errorf("USA 1830 leader changed = %v, want missing (Archigos starts in 1840)", v)
	}
}

func TestRelationFamiliesReal(t *testing.T) {
	h := open(t)
	w, err := h.World(1900)
	if err != nil {
		t.Fatal(err)
	}
	// "2,200,1900,143,669,143,669" (trade), "2,200,1900,8" (IGOs).
	r := w.Relation(200, 2)
	if r.ImportsAB != 143 || r.ImportsBA != 669 || r.SharedIGOs != 8 {
		t.Errorf("USA-UK 1900: imports %v / %v, IGOs %v; want 143 / 669, 8", r.ImportsAB, r.ImportsBA, r.SharedIGOs)
	}
	if v := h.Imports(1900, 200, 2); v != 669 {
		t.Errorf("UK imports from the USA 1900 = %v, want 669", v)
	}
	w1850, _ := h.World(1850)
	if r := w1850.Relation(2, 200); r.ImportsAB.OK() || w1850.Covered(world.FamilyTrade) {
		t.Errorf("USA-UK 1850 imports %v, want missing (trade starts 1870)", r.ImportsAB)
	}
	if r := w1850.Relation(2, 200); r.SharedIGOs.IsMissing() && h.IGOTable().Covers(1850) {
		if _, ok := h.IGOTable().Get(1850, 2, 200); ok {
			t.Error("USA-UK 1850 has an IGO row but the relation has none")
		}
	}
	// Every trade and IGO row names two system members of its year.
	for _, u := range h.Unresolved() {
		if u.File == FileTrade || u.File == FileIGO {
			t.Errorf("unresolved: %s", u)
		}
	}
	if n := h.TradeTable().Len(); n != 673654 {
		t.Errorf("trade table holds %d dyad-years, want every row of the file, 673654", n)
	}
	if n := h.IGOTable().Len(); n != 917695 {
		t.Errorf("IGO table holds %d dyad-years, want every row of the file, 917695", n)
	}
	// Rivalries in force: Austria-France (1494-1918) in 1914.
	w14, _ := h.World(1914)
	if w14.Relation(220, 300).Rivalry {
		t.Error("France-Austria 1914: Relation.Rivalry set; it is the world files' analyst-coded flag")
	}
	if !slices.ContainsFunc(w14.Rivalries, func(r world.Rivalry) bool { return r.ID == 1 }) {
		t.Error("World(1914) lacks rivalry 1, Austria-France")
	}
}

// TestLeadersUnresolved checks the Archigos leader-years Open reports: the
// Gleditsch–Ward list holds states the COW system does not in those years,
// either without a COW code (Transvaal 563, Orange Free State 564, Annam
// 815, ...) or before COW admits them (Canada before 1920), and none is
// lost through the crosswalk.
func TestLeadersUnresolved(t *testing.T) {
	h := open(t)
	n, noCode, canada := 0, 0, 0
	for _, u := range h.Unresolved() {
		if u.File != FileLeaders {
			continue
		}
		n++
		c, ok := world.COWFromGWIn(u.CCode, u.Year)
		switch {
		case !ok:
			noCode++
		case h.Pos(u.Year, c) >= 0:
			t.Errorf("%s: COW %d is a member", u, c)
		case c == 20:
			canada++
		}
	}
	t.Logf("%d leader-years unresolved, %d without a COW code, Canada %d", n, noCode, canada)
	if n != 1432 || noCode != 241 || canada != 54 {
		t.Errorf("%d leader-years unresolved (%d without a code, Canada %d), want 1432 (241, 54)", n, noCode, canada)
	}
}

// TestFilesCatalogued checks that every file Open reads is in the
// catalogue, the one registry of paths, coverages and citations.
func TestFilesCatalogued(t *testing.T) {
	for _, f := range []string{FileStates, FileSystem, FileMajors, FileNMC, FileCOWMembers, FileATOPAlliance, FileATOPMembers,
		FileATOPDyadYear, FileContiguity, FileCapitals, FileCapDist, FileMinDist, FileMIDB, FileGML, FileSIPRIShares, FileSIPRIUSD,
		FileWarDyads, FileWarRSH, FileRegime, FileEconomy, FileRivalries, FileTrade, FileIGO, FileLeaders, FileTerrThreat} {
		if _, _, ok := dataset.FindFile(f); !ok {
			t.Errorf("%s is not in the catalogue", f)
		}
	}
	for _, c := range open(t).Coverage(1900) {
		if c.Source == "" || c.From == 0 || c.To == 0 {
			t.Errorf("family %s: source %q, years %d–%d", c.Family, c.Source, c.From, c.To)
		}
	}
}

func TestATOPMembersTermination(t *testing.T) {
	h := open(t)
	n := 0
	for _, m := range h.ATOPMembers() {
		if m.ATOPID == 2470 { // the Nazi–Soviet pact, ended by war between its members
			n++
			if m.TermMode != atop.TermViolated || m.TermCause != atop.CauseWarBetween || m.Exit.Year != 1941 {
				t.Errorf("atopid 2470 member %d: termmode %d termcaus %d exit %v", m.CCode, m.TermMode, m.TermCause, m.Exit)
			}
		}
	}
	if n != 2 || len(h.ATOPMembers()) != 2398 {
		t.Errorf("%d members of atopid 2470 among %d rows, want 2 among 2398", n, len(h.ATOPMembers()))
	}
}
