package credibility_test

import (
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/entente/entente/credibility"
	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/reliability"
	"github.com/entente/entente/world"
)

func world2024(t testing.TB) *credibility.Context {
	t.Helper()
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	c, err := credibility.NewContext(w, nil, nil, credibility.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func find(cs []credibility.Credibility, p, q int) *credibility.Credibility {
	for i := range cs {
		if cs[i].Patron == p && cs[i].Protege == q {
			return &cs[i]
		}
	}
	return nil
}

// TestWorld2024 checks the commitments the report shows: every one is
// found, every component lies in [0, 1] or is missing, and the coded
// facts come through.
func TestWorld2024(t *testing.T) {
	cs := world2024(t).All()
	for _, c := range []struct {
		what           string
		patron, protég int
		alliance       string
		defence        bool
	}{
		{"US-Poland", 2, 290, "world:nato", true},
		{"US-Estonia", 2, 366, "world:nato", true},
		{"US-Japan", 2, 740, "world:us-japan", true},
		{"US-South Korea", 2, 732, "world:us-rok", true},
		{"US-Taiwan", 2, 713, "us-taiwan", false},
		{"US-Philippines", 2, 840, "world:us-philippines", true},
		{"Russia-Belarus", 365, 370, "world:csto", true},
		{"Russia-Armenia", 365, 371, "world:csto", true},
		{"China-North Korea", 710, 731, "world:china-dprk", true},
	} {
		r := find(cs, c.patron, c.protég)
		if r == nil {
			t.Errorf("%s: no commitment", c.what)
			continue
		}
		if r.Alliance != c.alliance || r.Obligations.Has(world.Defense) != c.defence {
			t.Errorf("%s: alliance %s obligations %s", c.what, r.Alliance, r.Obligations)
		}
		for k, v := range r.Values() {
			if v.OK() && (v < 0 || v > 1) {
				t.Errorf("%s: %s %v outside [0, 1]", c.what, credibility.Components[k], v)
			}
		}
		if !r.Index.OK() {
			t.Errorf("%s: index missing", c.what)
		}
	}
	if r := find(cs, 365, 371); r == nil || r.Status != world.Frozen || !(r.Detail.Provisions.Troops == 3000) {
		t.Errorf("Russia-Armenia: %+v, want frozen with 3,000 troops at Gyumri", r)
	}
	if r := find(cs, 2, 713); r == nil || r.Extended.Umbrella || !r.Extended.AdversaryNuclear {
		t.Errorf("US-Taiwan: %+v, want no umbrella (no defence pledge) against a nuclear China", r)
	}
	if r := find(cs, 2, 740); r == nil || !r.Extended.Umbrella || !r.Extended.HomelandExposed {
		t.Errorf("US-Japan: %+v, want an umbrella with the US homeland exposed", r)
	}
	// Signals raise credibility: US troops and sharing in Germany, none coded in Hungary.
	if de, hu := find(cs, 2, 255), find(cs, 2, 310); de == nil || hu == nil || !de.Signals.OK() || hu.Signals.OK() {
		t.Errorf("signals: Germany %v, Hungary %v; want Germany measured and Hungary missing", de, hu)
	}
	// Switzerland pledges and receives nothing.
	for _, c := range cs {
		if c.Patron == 225 || c.Protege == 225 {
			t.Errorf("Switzerland in a commitment: %+v", c)
		}
	}
}

func TestOptionsValidate(t *testing.T) {
	o := credibility.DefaultOptions()
	o.HalfLife = 0
	if err := o.Validate(); err == nil {
		t.Error("half-life 0 accepted")
	}
	o = credibility.DefaultOptions()
	o.Weights = [5]float64{}
	if err := o.Validate(); err == nil {
		t.Error("all-zero weights accepted")
	}
}

var (
	once  sync.Once
	src   *credibility.Source
	llm   []reliability.Row
	srErr error
)

func source(t testing.TB) (*credibility.Source, []reliability.Row) {
	t.Helper()
	dir := testenv.DataDir(t)
	once.Do(func() {
		var h *history.History
		h, srErr = history.Open(dir)
		if srErr != nil {
			return
		}
		_, llm = reliability.FromHistory(h)
		src, srErr = credibility.NewSource(h, llm, credibility.DefaultOptions())
	})
	if srErr != nil {
		t.Fatal(srErr)
	}
	return src, llm
}

// TestValidate fits the weights on the invocations to 1945 and tests
// after: the equal-weight index ranks honoured above broken pledges out
// of sample, its bootstrap interval clear of one half. The fitted
// weights, on 100 invocations, do worse; docs/credibility.md reports both.
func TestValidate(t *testing.T) {
	s, rows := source(t)
	inv, err := credibility.Invocations(s, rows, 1816, 2007)
	if err != nil {
		t.Fatal(err)
	}
	v, err := credibility.Validate(inv, 1945, 200, 1)
	if err != nil {
		t.Fatal(err)
	}
	if v.Train < 50 || v.Test < 200 {
		t.Fatalf("%d training, %d test invocations", v.Train, v.Test)
	}
	for _, a := range v.Scores {
		if a.Score == "index" && !(a.Lo > 0.5) {
			t.Errorf("index: AUC %.3f [%.3f, %.3f], want the interval above 0.5", a.AUC, a.Lo, a.Hi)
		}
		if !(a.Lo <= a.AUC && a.AUC <= a.Hi) {
			t.Errorf("%s: AUC %.3f outside its interval [%.3f, %.3f]", a.Score, a.AUC, a.Lo, a.Hi)
		}
	}
	if _, err := credibility.Validate(inv, 2010, 10, 1); err == nil {
		t.Error("a split with no test invocation: no error")
	}
	if err := s.Sweep(1700, 1701, func(int, []credibility.Credibility) {}); err == nil || !strings.Contains(err.Error(), "outside") {
		t.Errorf("sweep of 1700-1701: %v, want an error naming the span", err)
	}
}

// TestDeterrence reproduces the direction of Leeds (2003) on her years
// (1816–1944, all directed dyads): a defence pact protecting the target
// lowers the odds that a challenger initiates a dispute against it, and
// the controls take their familiar signs (contiguity raises, joint
// democracy and peace lower the odds).
func TestDeterrence(t *testing.T) {
	if testing.Short() {
		t.Skip("fits 240,000 dyad-years")
	}
	s, _ := source(t)
	rows, err := credibility.DeterrenceData(s, 1816, 1960, true)
	if err != nil {
		t.Fatal(err)
	}
	m, err := credibility.Deterrence(rows, 1944, credibility.SpecLeeds)
	if err != nil {
		t.Fatal(err)
	}
	coef := map[string]credibility.Coefficient{}
	for _, c := range m.Train {
		coef[c.Name] = c
	}
	for _, c := range []struct {
		name string
		sign float64
	}{{"defence_pact", -1}, {"contiguous", 1}, {"joint_democracy", -1}, {"peace_years", -1}, {"neutrality_j", 1}} {
		if got := coef[c.name]; got.Beta*c.sign <= 0 || !(got.Lo <= got.Beta && got.Beta <= got.Hi) {
			t.Errorf("%s: %+v, want sign %v", c.name, got, c.sign)
		}
	}
	if !(m.TestAUC > 0.8) {
		t.Errorf("out-of-sample AUC %.3f, want above 0.8", m.TestAUC)
	}
	if _, err := credibility.DeterrenceData(s, 1816, 2010, false); err == nil {
		t.Error("outcomes beyond the dispute data: no error")
	}
	if _, err := credibility.Deterrence(rows, 1944, "walt"); err == nil {
		t.Error("unknown specification: no error")
	}
}

// BenchmarkAllYears measures the credibility of every commitment in every
// year 1816–2016, with the reliability table it reads.
func BenchmarkAllYears(b *testing.B) {
	h, err := history.Open(testenv.DataDir(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, l := reliability.FromHistory(h)
		s, err := credibility.NewSource(h, l, credibility.DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		var n atomic.Int64
		if err := s.Sweep(1816, 2016, func(_ int, cs []credibility.Credibility) { n.Add(int64(len(cs))) }); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(n.Load()), "commitments")
	}
}
