package threat

import (
	"math"
	"sync"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

var (
	worldsOnce sync.Once
	worlds     []*world.World
	worldsErr  error
)

// allWorlds loads the World of every year of the history once per test
// binary.
func allWorlds(tb testing.TB) []*world.World {
	tb.Helper()
	dir := testenv.DataDir(tb)
	worldsOnce.Do(func() {
		h, err := history.Open(dir)
		if err != nil {
			worldsErr = err
			return
		}
		first, last := h.Span()
		for y := first; y <= last; y++ {
			w, err := h.World(y)
			if err != nil {
				worldsErr = err
				return
			}
			worlds = append(worlds, w)
		}
	})
	if worldsErr != nil {
		tb.Fatal(worldsErr)
	}
	return worlds
}

// TestAllYears computes the threat matrix of every year 1816–2016 and
// checks its bounds: every component in [0,1], totals in [0, 4].
func TestAllYears(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("reads every year of the real data")
	}
	ws := allWorlds(t)
	if len(ws) != 2016-1816+1 || ws[0].Year != 1816 {
		t.Fatalf("%d worlds from %d, want 201 from 1816", len(ws), ws[0].Year)
	}
	o := DefaultOptions()
	for _, w := range ws {
		m, err := Compute(w, o)
		if err != nil {
			t.Fatalf("%d: %v", w.Year, err)
		}
		if !m.IntentMeasured {
			t.Errorf("%d: intent not measured", w.Year)
		}
		n, present := m.Len(), 0
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if i == j {
					continue
				}
				p, x, off, in := m.ComponentsAt(i, j)
				for _, v := range []float64{p, x, off, in} {
					if v < 0 || v > 1 {
						t.Fatalf("%d: component %v out of [0,1] at %d→%d", w.Year, v, m.States[j], m.States[i])
					}
				}
				if tot := m.TotalAt(i, j); !math.IsNaN(tot) {
					present++
					if tot < 0 || tot > 4+1e-12 {
						t.Fatalf("%d: total %v out of [0,4]", w.Year, tot)
					}
				}
			}
		}
		if present < n*(n-1)*9/10 {
			t.Errorf("%d: only %d of %d totals present", w.Year, present, n*(n-1))
		}
	}
}

// TestHistoricalTopThreats checks top threats every reader of the period
// would expect: in 1914 Germany's threats are Britain, Russia and France;
// in 1962 the United States' is the Soviet Union and the Soviet Union's the
// United States.
func TestHistoricalTopThreats(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("reads the real data")
	}
	ws := allWorlds(t)
	at := func(y int) *world.World { return ws[y-ws[0].Year] }
	tests := []struct {
		year, to int
		want     []int // acceptable top threats
	}{
		{1914, 255, []int{200, 365, 220}},
		{1962, 2, []int{365}},
		{1962, 365, []int{2}},
		{1950, 713, []int{710}},
	}
	for _, tc := range tests {
		m, err := Compute(at(tc.year), DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		top, ok := m.Top(tc.to)
		found := false
		for _, w := range tc.want {
			found = found || ok && top.From == w
		}
		if !found {
			t.Errorf("%d: top threat to %d = %+v, want one of %v", tc.year, tc.to, top, tc.want)
		}
	}
}

// BenchmarkAllYears computes the full threat matrix of every year
// 1816–2016; loading the Worlds (history's benchmark) is excluded.
func BenchmarkAllYears(b *testing.B) {
	ws := allWorlds(b)
	o := DefaultOptions()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range ws {
			if _, err := Compute(w, o); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestHistoricalTies: "allied" is a defence obligation on the reference
// date. The Helsinki Final Act (ATOP, non-aggression) ties the United
// States and the Soviet Union in 1980 without making them allies; Locarno,
// repudiated by Germany on 7 March 1936, binds Germany to nobody on 31
// December 1936; NATO binds the United States and the United Kingdom.
func TestHistoricalTies(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the real data")
	}
	ws := allWorlds(t)
	at := func(y int) *Matrix {
		m, err := Compute(ws[y-ws[0].Year], DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	m := at(1980)
	us, su, uk := m.Pos(2), m.Pos(365), m.Pos(200)
	if m.DefenceAllyAt(us, su) || !m.TieAt(us, su).Has(world.Nonaggression) {
		t.Errorf("1980 US–USSR: tie %v, want non-aggression without defence", m.TieAt(us, su))
	}
	if !m.DefenceAllyAt(us, uk) {
		t.Errorf("1980 US–UK: tie %v, want defence", m.TieAt(us, uk))
	}
	if top, ok := m.Top(2); !ok || top.From != 365 {
		t.Errorf("1980: top threat to the US = %+v, want the USSR", top)
	}
	m = at(1936)
	ge, be := m.Pos(255), m.Pos(211)
	if m.DefenceAllyAt(ge, be) {
		t.Errorf("31 Dec 1936 Germany–Belgium: tie %v, want no defence obligation after Locarno", m.TieAt(ge, be))
	}
}

// TestWarDirection checks that a war weighs in the intent of the side that
// began it, and by TargetSideWeight in that of the side attacked (COW's
// initiators): Germany toward Poland in 1939 and the Soviet Union toward
// Finland are at the maximum, Poland and Finland below it, with the
// strength of their own evidence.
func TestWarDirection(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the real data")
	}
	ws := allWorlds(t)
	w := ws[1939-1816]
	m, err := Compute(w, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	intent := func(from, to int) float64 {
		_, _, in := m.WaltAt(m.Pos(to), m.Pos(from))
		return in
	}
	for _, c := range []struct{ attacker, attacked int }{{255, 290}, {365, 375}} {
		a, d := intent(c.attacker, c.attacked), intent(c.attacked, c.attacker)
		if a != 1 {
			t.Errorf("1939: intent of %d, which began the war, toward %d = %v; want 1", c.attacker, c.attacked, a)
		}
		if !(d >= 0.5 && d < 1) {
			t.Errorf("1939: intent of %d, attacked, toward %d = %v; want in [0.5, 1)", c.attacked, c.attacker, d)
		}
	}
	// The war flag keeps binding both ways for the ally gate: Germany and
	// Poland, bound by no pact, and both actual threats to each other.
	if !(intent(290, 255) > 0) {
		t.Error("Poland is not an actual threat to Germany in 1939")
	}
}
