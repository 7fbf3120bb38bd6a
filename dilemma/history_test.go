package dilemma

import (
	"math"
	"sort"
	"strings"
	"sync"
	"testing"
	"testing/quick"

	"github.com/entente/entente/credibility"
	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv/testhistory"
	"github.com/entente/entente/reliability"
	"github.com/entente/entente/world"
)

var (
	histOnce sync.Once
	hist     *history.History
	worlds   []*world.World
	histIn   Inputs
	histErr  error
)

// load opens the history, builds the World of every year and the inputs
// (ATOP provisions, the llm rule's reliability) once per test binary.
func load(tb testing.TB) ([]*world.World, Inputs) {
	tb.Helper()
	h := testhistory.Open(tb)
	histOnce.Do(func() {
		hist = h
		first, last := hist.Span()
		for y := first; y <= last; y++ {
			w, err := hist.World(y)
			if err != nil {
				histErr = err
				return
			}
			worlds = append(worlds, w)
		}
		histIn = FromHistory(hist)
	})
	if histErr != nil {
		tb.Fatal(histErr)
	}
	return worlds, histIn
}

func worldOf(tb testing.TB, y int) (*world.World, Inputs) {
	ws, in := load(tb)
	for _, w := range ws {
		if w.Year == y {
			return w, in
		}
	}
	tb.Fatalf("no world for %d", y)
	return nil, in
}

// TestTradeOff is Snyder's trade-off as a property: on every member of
// every alliance in every tenth year 1820–2010 (and 2014), tightening the
// commitment by one or two steps never lowers the entrapment risk and
// never raises the abandonment fear; loosening does the reverse.
func TestTradeOff(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the real data")
	}
	ws, in := load(t)
	checked, moved := 0, 0
	for _, w := range ws {
		if w.Year%10 != 0 && w.Year != 2014 {
			continue
		}
		ms, err := Assess(w, in)
		if err != nil {
			t.Fatal(err)
		}
		for i := range ms {
			m := &ms[i]
			base := m.Under(m.Commitment)
			for _, steps := range []int{1, 2, -1, -2} {
				o := m.WhatIf(steps)
				if steps > 0 && o.Tightness.Total < base.Tightness.Total || steps < 0 && o.Tightness.Total > base.Tightness.Total {
					t.Fatalf("%d %s member %d: %+d steps moves tightness %.3f → %.3f", w.Year, m.Alliance, m.State, steps, base.Tightness.Total, o.Tightness.Total)
				}
				if bad(steps, base.Abandonment, o.Abandonment, -1) || bad(steps, base.Entrapment, o.Entrapment, +1) {
					t.Fatalf("%d %s member %d: %+d steps: abandonment %v → %v, entrapment %v → %v",
						w.Year, m.Alliance, m.State, steps, base.Abandonment, o.Abandonment, base.Entrapment, o.Entrapment)
				}
				checked++
				if steps == 1 && o.Abandonment < base.Abandonment && o.Entrapment > base.Entrapment {
					moved++
				}
			}
		}
	}
	if checked < 10000 {
		t.Fatalf("checked only %d what-ifs", checked)
	}
	// The trade-off is not vacuous: both move, in opposite directions, for
	// many members.
	if moved < checked/20 {
		t.Fatalf("both quantities moved for only %d of %d what-ifs", moved, checked)
	}
	t.Logf("%d what-ifs, both moved in %d tightenings", checked, moved)
}

// bad reports whether x moved against its sign under steps (sign −1:
// must not rise when tightening).
func bad(steps int, before, after world.Value, sign int) bool {
	if before.IsMissing() != after.IsMissing() {
		return true
	}
	if before.IsMissing() {
		return false
	}
	d := (after.Float() - before.Float()) * float64(sign)
	if steps < 0 {
		d = -d
	}
	return d < -1e-12
}

// BenchmarkAllMembers assesses every member of every alliance in every
// year 1816–2016; building the Worlds is excluded, the threat matrices
// are included.
func BenchmarkAllMembers(b *testing.B) {
	ws, in := load(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, w := range ws {
			ms, err := Assess(w, in)
			if err != nil {
				b.Fatal(err)
			}
			n += len(ms)
		}
		b.ReportMetric(float64(n), "members")
	}
}

// TestTightenQuick checks the trade-off on random members and
// commitments: tightening never lowers entrapment and never raises
// abandonment, whatever the components.
func TestTightenQuick(t *testing.T) {
	f := func(dep, kappa, u float64, obl uint8, cond, milcon, intcom, base uint8, steps uint8) bool {
		frac := func(x float64) world.Value { return world.Known(math.Abs(math.Mod(x, 1))) }
		code := func(x uint8, hi int) world.Value {
			if x%5 == 0 {
				return world.Missing()
			}
			return world.Known(float64(int(x) % (hi + 1)))
		}
		m := Member{Dependence: frac(dep), Credibility: frac(kappa), Unshared: frac(u)}
		m.Commitment = Commitment{Obligations: world.Obligations(obl) & world.AnyObligation, Provision: Provision{
			Conditional: code(cond, 1), MilitaryContact: code(milcon, 3), IntegratedCmd: code(intcom, 1),
			Bases: code(base, 3), Subordination: world.Missing(), Organization: world.Missing()}}
		n := int(steps%4) + 1
		b, up, down := m.Under(m.Commitment), m.WhatIf(n), m.WhatIf(-n)
		return !bad(n, b.Abandonment, up.Abandonment, -1) && !bad(n, b.Entrapment, up.Entrapment, +1) &&
			!bad(-n, b.Abandonment, down.Abandonment, -1) && !bad(-n, b.Entrapment, down.Entrapment, +1)
	}
	if err := quick.Check(f, &quick.Config{MaxCount: 5000}); err != nil {
		t.Fatal(err)
	}
}

// TestNATO2014: in NATO in 2014 the United States, the patron, has the
// smallest abandonment fear; the Baltic states, facing Russia with little
// capability of their own, fear abandonment more than the median member.
func TestNATO2014(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the real data")
	}
	w, in := worldOf(t, 2014)
	all, err := Assess(w, in)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := Select(all, "atop:3180", 0)
	if err != nil {
		t.Fatal(err)
	}
	var as []float64
	byState := map[int]Member{}
	for _, m := range ms {
		as = append(as, m.Abandonment.Float())
		byState[m.State] = m
	}
	sort.Float64s(as)
	median := as[len(as)/2]
	if us := byState[2]; us.Abandonment.Float() != as[0] {
		t.Errorf("US abandonment %.3f, want the smallest (%.3f)", us.Abandonment.Float(), as[0])
	}
	for _, c := range []int{366, 367, 368} {
		if a := byState[c].Abandonment.Float(); !(a > median) {
			t.Errorf("%d: abandonment %.3f, want above the median %.3f", c, a, median)
		}
	}
	if _, err := Select(all, "atop:99999", 0); err == nil || !strings.Contains(err.Error(), "atop:3180") {
		t.Errorf("unknown alliance: %v", err)
	}
	if _, err := Select(all, "atop:3180", 365); err == nil || !strings.Contains(err.Error(), "valid: 2, 20,") {
		t.Errorf("non-member: %v", err)
	}
}

// TestKappaIsIndex: κ is the credibility index of the commitment patron →
// member in the World as given (record and ATOP signals included), and a
// what-if leaves it where it was.
func TestKappaIsIndex(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the real data")
	}
	w, in := worldOf(t, 2014)
	ms, err := Assess(w, in)
	if err != nil {
		t.Fatal(err)
	}
	_, llm := reliability.FromHistory(hist)
	c, err := credibility.NewContext(w, credibility.NewRecord(llm), credibility.ATOPProvisions(hist.ATOPMembers()), credibility.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range ms {
		if m.Alliance != "atop:3180" {
			continue
		}
		r := c.Of(credibility.Commitment{Patron: m.Patron, Protege: m.State, Alliance: m.Alliance})
		if !m.Credibility.OK() || m.Credibility != r.Index || !r.Reputation.OK() || !r.Signals.OK() {
			t.Errorf("%d → %d: κ %v, index %v (reputation %v, signals %v)", m.Patron, m.State, m.Credibility, r.Index, r.Reputation, r.Signals)
		}
		if tight := m.WhatIf(2); tight.Abandonment.OK() && m.Dependence.OK() &&
			math.Abs(tight.Abandonment.Float()-m.Dependence.Float()*(1-m.Credibility.Float()*tight.Tightness.Total)) > 1e-12 {
			t.Errorf("%d: the what-if moved κ", m.State)
		}
		n++
	}
	if n < 20 {
		t.Fatalf("only %d NATO members in 2014", n)
	}
}
