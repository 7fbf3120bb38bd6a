package termination

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/survival"
	"github.com/entente/entente/world"
)

var (
	atopOnce sync.Once
	atopAll  []atop.Alliance
	atopRows []atop.Member
	atopErr  error
)

func loadATOP(t testing.TB) ([]atop.Alliance, []atop.Member) {
	t.Helper()
	dir := testenv.DataDir(t)
	atopOnce.Do(func() {
		atopAll, atopErr = atop.ReadAlliances(filepath.Join(dir, "atop", "atop_v4_alliance_level.csv"))
		if atopErr == nil {
			atopRows, atopErr = atop.ReadMembers(filepath.Join(dir, "atop", "atop_v4_member_level.csv"))
		}
	})
	if atopErr != nil {
		t.Fatal(atopErr)
	}
	return atopAll, atopRows
}

// rref is the part of survival/testdata/reference.json (R's survival
// package on the reference construction, see reference.R) read here.
type rref struct {
	Surv    []*float64 `json:"surv_at"`
	AtTimes []float64  `json:"at_times"`
	Median  []*float64 `json:"median"`
	Coef    []float64  `json:"coef"`
	SE      []float64  `json:"se"`
	Robust  []float64  `json:"robust_se"`
	LogLik  float64    `json:"loglik"`
	LogLik0 float64    `json:"loglik0"`
	N       int        `json:"n"`
	Events  int        `json:"events"`
	ZChisq  []float64  `json:"zph_chisq"`
}

func reference(t *testing.T, name string) rref {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "survival", "testdata", "reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]rref
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	r, ok := m[name]
	if !ok {
		t.Fatalf("no %s in reference.json: rerun reference.R with the data", name)
	}
	return r
}

func near(got, want float64) bool {
	return math.Abs(got-want) <= 1e-6*math.Max(1, math.Abs(want))
}

func TestReferenceConstructionMatchesR(t *testing.T) {
	al, ms := loadATOP(t)
	spells, err := ATOP(al, ms, AllianceLevel)
	if err != nil {
		t.Fatal(err)
	}
	ended := 0
	for _, s := range spells {
		if s.Ended {
			ended++
		}
	}
	if len(spells) != 745 || ended != 411 {
		t.Fatalf("%d alliances, %d ended; want 745 and 411", len(spells), ended)
	}
	tab, err := Build(spells, []string{"bilat", "asymm", "defense", "nonagg", "consul"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, dropped := tab.Data(Censored)
	if dropped != 0 {
		t.Fatalf("%d rows dropped", dropped)
	}

	km, err := survival.KaplanMeier(d, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	wk := reference(t, "atop_km")
	for i, at := range wk.AtTimes {
		if s, _, _ := km.At(at); !near(s, *wk.Surv[i]) {
			t.Errorf("S(%g) = %.10f, want %.10f (R)", at, s, *wk.Surv[i])
		}
	}
	m, lo, hi := km.Median()
	for i, got := range []float64{m, lo, hi} {
		if want := wk.Median[i]; want == nil && !math.IsNaN(got) || want != nil && !near(got, *want) {
			t.Errorf("median[%d] = %g, want %v (R)", i, got, want)
		}
	}

	for _, tc := range []struct {
		name string
		ties survival.Ties
	}{{"atop_efron", survival.Efron}, {"atop_breslow", survival.Breslow}} {
		want := reference(t, tc.name)
		c, err := survival.FitCox(d, survival.CoxOptions{Ties: tc.ties})
		if err != nil {
			t.Fatal(err)
		}
		if c.N != want.N || c.Events != want.Events {
			t.Errorf("%s: n %d events %d, want %d %d", tc.name, c.N, c.Events, want.N, want.Events)
		}
		for j := range c.Coef {
			if !near(c.Coef[j], want.Coef[j]) || !near(c.SE[j], want.SE[j]) || !near(c.RobustSE[j], want.Robust[j]) {
				t.Errorf("%s %s: coef %.9f se %.9f robust %.9f, want %.9f %.9f %.9f (R)", tc.name, c.Names[j],
					c.Coef[j], c.SE[j], c.RobustSE[j], want.Coef[j], want.SE[j], want.Robust[j])
			}
		}
		if !near(c.LogLik, want.LogLik) || !near(c.LogLik0, want.LogLik0) {
			t.Errorf("%s: loglik %.9f (null %.9f), want %.9f (%.9f)", tc.name, c.LogLik, c.LogLik0, want.LogLik, want.LogLik0)
		}
		z, err := survival.ZPH(c, d, tc.ties, survival.TransformKM)
		if err != nil {
			t.Fatal(err)
		}
		for j, l := range z {
			if !near(l.Chisq, want.ZChisq[j]) {
				t.Errorf("%s: zph %s chisq %.9f, want %.9f (R)", tc.name, l.Term, l.Chisq, want.ZChisq[j])
			}
		}
	}
}

func TestViolationCases(t *testing.T) {
	al, ms := loadATOP(t)
	spells, err := ATOP(al, ms, AllianceLevel)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int]Spell{}
	for _, s := range spells {
		byID[s.Alliance] = s
	}
	for id, want := range map[int]Cause{
		2470: Violation, // Nazi–Soviet pact, broken by the invasion of June 1941
		2450: Violation, // German–Danish non-aggression pact, broken April 1940
		2325: Violation, // German–Polish declaration, renounced April 1939
		3200: Other,     // Sino-Soviet treaty, not renewed in 1980
		1160: Other,     // Crimean War alliance, aims fulfilled 1856
		2445: Other,     // Pact of Steel, defeat 1943
	} {
		if got := byID[id].Cause; got != want {
			t.Errorf("atopid %d: %v, want %v", id, got, want)
		}
	}
	if s := byID[3180]; s.Ended {
		// NATO (3180) is in force in 2016.
		t.Errorf("atopid 3180 ended %s", s.End)
	}
}

func TestUnknownCovariate(t *testing.T) {
	_, err := Build(nil, []string{"bilat", "nosuch"}, nil)
	if err == nil || !strings.Contains(err.Error(), `no covariate "nosuch"`) || !strings.Contains(err.Error(), "defense") {
		t.Fatalf("err = %v", err)
	}
}

// TestMemberYearsMatchR fits the counting-process Cox model to the
// member-year table of all ATOP v4 (42,832 rows, newally varying by year)
// and compares it with R's coxph on the same table written by
// `entente survival --out` (see reference.R).
func TestMemberYearsMatchR(t *testing.T) {
	d := memberYears(t)
	want := reference(t, "atop_memberyear_efron")
	c, err := survival.FitCox(d, survival.CoxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.N != want.N || c.Events != want.Events {
		t.Fatalf("n %d events %d, want %d %d", c.N, c.Events, want.N, want.Events)
	}
	for j := range c.Coef {
		if !near(c.Coef[j], want.Coef[j]) || !near(c.SE[j], want.SE[j]) || !near(c.RobustSE[j], want.Robust[j]) {
			t.Errorf("%s: coef %.9f se %.9f robust %.9f, want %.9f %.9f %.9f (R)", c.Names[j],
				c.Coef[j], c.SE[j], c.RobustSE[j], want.Coef[j], want.SE[j], want.Robust[j])
		}
	}
	if !near(c.LogLik, want.LogLik) {
		t.Errorf("loglik %.9f, want %.9f (R)", c.LogLik, want.LogLik)
	}
	z, err := survival.ZPH(c, d, survival.Efron, survival.TransformKM)
	if err != nil {
		t.Fatal(err)
	}
	for j, l := range z {
		if !near(l.Chisq, want.ZChisq[j]) {
			t.Errorf("zph %s: %.9f, want %.9f (R)", l.Term, l.Chisq, want.ZChisq[j])
		}
	}
}

// TestFiveReasons fits the yearly alliance model with the reasons the data
// supports. A dispute between members must raise the hazard (its interval
// above 1); every reason must be measured for most alliance-years.
func TestFiveReasons(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the history and 200 years of threat matrices")
	}
	al, ms := loadATOP(t)
	spells, err := ATOP(al, ms, AllianceLevel)
	if err != nil {
		t.Fatal(err)
	}
	h, err := history.Open(testenv.DataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"bilat", "asymm", "defense", "nonagg", "consul", "mid", "newally", "sharedthreat"}
	a, err := Analyze(spells, AllianceLevel, HistoryFacts(h, spells), Options{Covariates: names})
	if err != nil {
		t.Fatal(err)
	}
	c := a.Cox
	if !a.Yearly || c.Rows < 10000 || c.Dropped > c.Rows/4 || c.Events < 350 {
		t.Fatalf("yearly %v: %d rows, %d dropped, %d events", a.Yearly, c.Rows, c.Dropped, c.Events)
	}
	if l := c.Lines[5]; l.Name != "mid" || !(l.Lower > 1) {
		t.Errorf("mid: HR %.3f (%.3f, %.3f), want an interval above 1", l.HR, l.Lower, l.Upper)
	}
	if len(c.PH) != len(names)+1 || c.PH[len(names)].Term != "GLOBAL" {
		t.Errorf("PH test: %+v", c.PH)
	}
}

// TestDomesticAndInterests builds a yearly table over made-up facts: a
// member's domestic change or a dyad's trade falling by more than
// TradeFall sets the covariate the next year; outside the facts' coverage
// it is missing, not zero.
func TestDomesticAndInterests(t *testing.T) {
	s := []Spell{{Alliance: 1, Members: []int{2, 20, 200}, Start: world.D(1950, 1, 1), End: world.D(1954, 1, 1), Years: 4, Ended: true}}
	f := &Facts{
		Domestic: func(y, c int) (bool, bool) { return y == 1951 && c == 200, y >= 1951 },
		Trade: func(y, a, b int) (float64, bool) {
			if y < 1951 {
				return 0, false
			}
			if a == 2 && b == 20 && y == 1952 {
				return 70, true // down 30% from 100
			}
			return 100, true
		},
	}
	tb, err := Build(s, []string{"domestic", "interests"}, f)
	if err != nil {
		t.Fatal(err)
	}
	// rows 1950..1953 carry the facts of 1949..1952
	want := [][2]float64{{math.NaN(), math.NaN()}, {math.NaN(), math.NaN()}, {1, math.NaN()}, {0, 1}}
	if len(tb.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(tb.Rows), len(want))
	}
	for i, r := range tb.Rows {
		for j, w := range want[i] {
			got := r.Values[j]
			if math.IsNaN(w) != got.IsMissing() || (!math.IsNaN(w) && float64(got) != w) {
				t.Errorf("year %d %s = %v, want %v", r.Year, tb.Names[j], got, w)
			}
		}
	}
}

// TestDomesticAndInterestsFromHistory checks the facts read from the
// history: Allende's fall (Archigos exit Irregular, 11 September 1973)
// is a domestic change of Chile (155) in 1973; trade before 1870 is
// unknown.
func TestDomesticAndInterestsFromHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the history")
	}
	h, err := history.Open(testenv.DataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	f := HistoryFacts(h, nil)
	if on, known := f.Domestic(1973, 155); !on || !known {
		t.Errorf("Chile 1973: domestic %v known %v, want true true", on, known)
	}
	if _, known := f.Trade(1850, 200, 220); known {
		t.Errorf("trade 1850 known, want unknown (coverage 1870–2014)")
	}
	if _, known := f.Trade(1913, 200, 220); !known {
		t.Errorf("trade UK–France 1913 unknown, want known")
	}
}

// TestAllReasons fits the yearly alliance model with all ten covariates
// (docs/termination.md): trade coverage (1870–2014) leaves out a third
// of the alliance-years; on the rest a member's domestic change raises the
// hazard (HR 2.01, interval 1.41–2.86) and a fall of trade does not.
func TestAllReasons(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the history and 200 years of threat matrices")
	}
	al, ms := loadATOP(t)
	spells, err := ATOP(al, ms, AllianceLevel)
	if err != nil {
		t.Fatal(err)
	}
	h, err := history.Open(testenv.DataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"bilat", "asymm", "defense", "nonagg", "consul", "mid", "newally", "sharedthreat", "domestic", "interests"}
	a, err := Analyze(spells, AllianceLevel, HistoryFacts(h, spells), Options{Covariates: names})
	if err != nil {
		t.Fatal(err)
	}
	c := a.Cox
	if c.Rows != 9427 || c.Dropped != 4554 || c.Events != 244 {
		t.Fatalf("%d rows, %d dropped, %d events; want 9427, 4554, 244", c.Rows, c.Dropped, c.Events)
	}
	if l := c.Lines[8]; l.Name != "domestic" || !(l.Lower > 1) || math.Abs(l.HR-2.006) > 0.001 {
		t.Errorf("domestic: HR %.3f (%.3f, %.3f), want 2.006 with an interval above 1", l.HR, l.Lower, l.Upper)
	}
	if l := c.Lines[9]; l.Name != "interests" || math.Abs(l.HR-1.019) > 0.001 {
		t.Errorf("interests: HR %.3f (%.3f, %.3f), want 1.019", l.HR, l.Lower, l.Upper)
	}
}
