package reliability_test

import (
	"math"
	"sync"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/reliability"
)

var (
	once       sync.Once
	naive, llm []reliability.Row
	hist       *history.History
	openErr    error
)

// table builds both rules' rows from the real data once.
func table(tb testing.TB) (n, l []reliability.Row) {
	tb.Helper()
	dir := testenv.DataDir(tb)
	once.Do(func() {
		h, err := history.Open(dir)
		if err != nil {
			openErr = err
			return
		}
		hist = h
		naive, llm = reliability.FromHistory(h)
	})
	if openErr != nil {
		tb.Fatal(openErr)
	}
	return naive, llm
}

func find(rows []reliability.Row, war int, alliance string, member, ally int, ob string) *reliability.Row {
	for i, r := range rows {
		if r.WarID == war && r.Alliance == alliance && r.Member == member && r.Ally == ally && (ob == "" || r.Obligation == ob) {
			return &rows[i]
		}
	}
	return nil
}

// TestKnownCases checks eleven invocations against the historical record
// under both rules. COW war 106 is the First World War, 139 the Second.
func TestKnownCases(t *testing.T) {
	n, l := table(t)
	cases := []struct {
		what         string
		rows         []reliability.Row
		war          int
		alliance     string
		member, ally int
		ob           string
		want         reliability.Verdict
	}{
		// Britain honours its guarantee to Poland (Anglo-Polish agreement of 25 August 1939).
		{"UK-Poland 1939 llm", l, 139, "atop:2440", 200, 290, "defense", reliability.Honoured},
		{"UK-Poland 1939 naive", n, 139, "cow:174", 200, 290, "defense", reliability.Honoured},
		// France honours its alliance with Poland (19 February 1921) on 3 September 1939;
		// Vichy France fought on the other side only from July 1940, after Poland's war.
		{"France-Poland 1939 llm", l, 139, "atop:2135", 220, 290, "defense", reliability.Honoured},
		{"France-Poland 1939 naive", n, 139, "cow:104", 220, 290, "defense", reliability.Honoured},
		// France honours the Franco-Russian alliance in August 1914.
		{"France-Russia 1914 llm", l, 106, "atop:1385", 220, 365, "defense", reliability.Honoured},
		{"France-Russia 1914 naive", n, 106, "cow:74", 220, 365, "defense", reliability.Honoured},
		// Italy stays out in August 1914: the Triple Alliance was defensive and Austria-Hungary moved first.
		{"Italy 1914 llm", l, 106, "atop:1350", 325, 300, "defense", reliability.NotTriggered},
		{"Italy 1914 naive", n, 106, "cow:67", 325, 300, "defense", reliability.NotHonoured},
		// Japan enters the war beside Britain under the Anglo-Japanese alliance (23 August 1914).
		{"Japan-UK 1914 llm", l, 106, "atop:1415", 740, 200, "defense", reliability.Honoured},
		{"Japan-UK 1914 naive", n, 106, "cow:77", 740, 200, "defense", reliability.Honoured},
		// Germany fights beside Italy under the Pact of Steel (offensive clauses).
		{"Pact of Steel 1939 llm", l, 139, "atop:2445", 255, 325, "offense", reliability.Honoured},
		// The Soviet Union and Germany fight from June 1941 despite the pact of August 1939.
		{"Molotov-Ribbentrop llm", l, 139, "atop:2470", 365, 255, "nonaggression", reliability.NotHonoured},
		// Turkey stays out when Italy attacks Greece in October 1940 (Balkan Pact).
		{"Balkan Pact 1940 llm", l, 139, "atop:2330", 640, 350, "defense", reliability.NotHonoured},
		// Iraq does not join Britain in September 1939 (Anglo-Iraqi treaty of 1930).
		{"Iraq-UK 1939 llm", l, 139, "atop:2270", 645, 200, "defense", reliability.NotHonoured},
		// Portugal does not fight Britain (the Anglo-Portuguese alliance).
		{"Portugal-UK 1939 llm", l, 139, "atop:1400", 235, 200, "nonaggression", reliability.Honoured},
		// Italy's neutrality pledge to Austria-Hungary broken by its entry against it in May 1915.
		{"Italy-Austria 1915 llm", l, 106, "atop:1350", 325, 300, "neutrality", reliability.NotHonoured},
	}
	for _, c := range cases {
		r := find(c.rows, c.war, c.alliance, c.member, c.ally, c.ob)
		if r == nil {
			t.Errorf("%s: no row", c.what)
			continue
		}
		if r.Verdict != c.want || r.Reason == "" {
			t.Errorf("%s: %s (%s), want %s", c.what, r.Verdict, r.Reason, c.want)
		}
	}
}

// TestPublishedRates compares the rates with the literature. The llm
// rate for 1816–1944 reproduces Leeds, Long & Mitchell's 74.5% within 10
// points; the naive rate on Sabrosky's unit (war-involved alliance
// dyads) and span (1816–1965) reproduces his 27% within 10 points.
func TestPublishedRates(t *testing.T) {
	n, l := table(t)
	r := reliability.Rates(reliability.Between(l, 1816, 1944), reliability.All)
	if len(r) != 1 || math.Abs(r[0].Rate-0.745) > 0.10 {
		t.Errorf("llm 1816-1944: %+v, want within 10 points of 74.5%%", r)
	}
	nv := reliability.Rates(reliability.Between(n, 1816, 1965), reliability.All)
	if len(nv) != 1 || math.Abs(nv[0].Rate-0.27) > 0.10 {
		t.Errorf("naive 1816-1965: %+v, want within 10 points of Sabrosky's 27%%", nv)
	}
	// After 1965 the large regional treaties (Rio, the Arab League) pull
	// the naive rate down: the whole span lies below the 1816–1965 one.
	if all := reliability.Rates(n, reliability.All); len(all) != 1 || all[0].Rate >= nv[0].Rate {
		t.Errorf("naive 1816-2007 %+v not below 1816-1965 %+v", all, nv)
	}
	for _, g := range reliability.Rates(l, reliability.ByEra) {
		if g.N == 0 || !(g.Lo <= g.Rate && g.Rate <= g.Hi) {
			t.Errorf("interval %+v does not hold its rate", g)
		}
	}
}

func TestWilson(t *testing.T) {
	// 5 of 10: the Wilson 95% interval is 0.2366–0.7634.
	p, lo, hi := reliability.Wilson(5, 10)
	if p != 0.5 || math.Abs(lo-0.2366) > 1e-4 || math.Abs(hi-0.7634) > 1e-4 {
		t.Errorf("Wilson(5, 10) = %v [%v, %v]", p, lo, hi)
	}
	if p, _, _ := reliability.Wilson(0, 0); !math.IsNaN(p) {
		t.Errorf("Wilson(0, 0) = %v, want NaN", p)
	}
}

func BenchmarkTable(b *testing.B) {
	h, err := history.Open(testenv.DataDir(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, l := reliability.FromHistory(h)
		_ = reliability.Rates(n, reliability.ByType)
		_ = reliability.Rates(l, reliability.ByAlliance)
	}
}

// TestEffectiveness checks the coalitions of the two world wars and that
// the table counts every measured coalition once per condition.
func TestEffectiveness(t *testing.T) {
	_, l := table(t)
	cs := reliability.CoalitionsFromHistory(hist, l)
	var entente1914, axis bool
	for _, c := range cs {
		if c.WarID == 106 && c.Alliance == "atop:1385" { // France and Russia, 1914: on the winning side
			entente1914 = c.Won && len(c.Members) == 2
		}
		if c.WarID == 139 && c.Alliance == "atop:2445" { // Pact of Steel: lost
			axis = !c.Won
		}
	}
	if !entente1914 || !axis {
		t.Errorf("Franco-Russian 1914 won: %v; Pact of Steel lost: %v", entente1914, axis)
	}
	for _, r := range reliability.Effectiveness(cs) {
		if r.Held.N+r.NotHeld.N == 0 || r.Held.N+r.NotHeld.N > len(cs) {
			t.Errorf("%s: %d held + %d not of %d coalitions", r.Condition, r.Held.N, r.NotHeld.N, len(cs))
		}
		t.Logf("%-14s held %2d/%2d %.2f  not held %2d/%2d %.2f", r.Condition, r.Held.Honoured, r.Held.N, r.Held.Rate, r.NotHeld.Honoured, r.NotHeld.N, r.NotHeld.Rate)
	}
	t.Logf("%d coalitions", len(cs))
}
