package forecast

import (
	"context"
	"sync"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/world"
)

var (
	realOnce    sync.Once
	realDesigns map[Kind]*Design
	realHistory *history.History
	realErr     error
)

// HistoryOptions are those the backtests open the data with: NMC v7.0
// (capabilities through 2022) and the system extended to 2018, the last
// year of ATOP.
var historyOptions = history.Options{NMC: 7, ExtendSystemTo: 2018}

// real builds the designs of every kind on the real data once per test
// binary.
func real(tb testing.TB) (*history.History, map[Kind]*Design) {
	tb.Helper()
	dir := testenv.DataDir(tb)
	realOnce.Do(func() {
		realHistory, realErr = history.OpenWith(dir, historyOptions)
		if realErr != nil {
			return
		}
		first, last := realHistory.Span()
		realDesigns, _, realErr = Build(context.Background(), func(y int) (*world.World, error) { return realHistory.World(y) },
			Kinds, first+1, last)
	})
	if realErr != nil {
		tb.Fatal(realErr)
	}
	return realHistory, realDesigns
}

func TestBuildReal(t *testing.T) {
	_, ds := real(t)
	for _, k := range Kinds {
		d := ds[k]
		first, last := d.Span()
		rows, pos := 0, 0
		for _, y := range d.Years {
			rows += y.Rows()
			for _, v := range y.Y {
				if v {
					pos++
				}
			}
		}
		t.Logf("%s: %d–%d, %d dyad-years, %d formed", k, first, last, rows, pos)
	}
}

// TestWorldFile2024 scores the embedded 2024 world as `entente forecast`
// does. The world file codes the major treaties only; the ATOP pacts of
// 2018 stand beside them (Context.carriesForward), so the United Kingdom
// and Ireland, both parties to the CSCE's non-aggression pledge that ATOP
// codes, are not at risk, as they would not be under ATOP itself. The
// network feature is a share, bounded by 1 wherever the world file puts
// a dyad, and no dyad is given the near-certainty the raw count of common
// allies once gave the states of the EU's mutual-assistance clause.
func TestWorldFile2024(t *testing.T) {
	h, ds := real(t)
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	first, last := h.Span()
	carry := NewCarry()
	for y := first; y <= last; y++ {
		hw, err := h.World(y)
		if err != nil {
			t.Fatal(err)
		}
		carry.Record(hw)
	}
	c, err := NewContext(w)
	if err != nil {
		t.Fatal(err)
	}
	atRisk := func(yr *Year, a, b int) bool {
		for r := range yr.A {
			if yr.A[r] == a && yr.B[r] == b {
				return true
			}
		}
		return false
	}
	alone, err := c.Features(ATOP, NewCarry())
	if err != nil {
		t.Fatal(err)
	}
	yr, err := c.Features(ATOP, carry)
	if err != nil {
		t.Fatal(err)
	}
	if !atRisk(alone, 200, 205) || atRisk(yr, 200, 205) {
		t.Errorf("United Kingdom–Ireland at risk: %v from the world file alone, %v with ATOP's pacts of %d (want true, false)",
			atRisk(alone, 200, 205), atRisk(yr, 200, 205), last)
	}
	if yr.Rows() >= alone.Rows() {
		t.Errorf("%d dyads at risk with ATOP's pacts carried forward, %d without: want fewer", yr.Rows(), alone.Rows())
	}
	ca := FeatureIndex("common_allies_share")
	for r, v := range yr.Cols[ca] {
		if !(v >= 0 && v <= 1) {
			t.Fatalf("%d–%d: common_allies_share %v, want within [0, 1]", yr.A[r], yr.B[r], v)
		}
	}
	o := DefaultOptions()
	m, err := Fit(ds[ATOP].Years, o.Spec, FitOptions{Lambda: 1000}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ol, err := Forecast(w, ATOP, m, carry, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ol.Picks {
		t.Logf("%s–%s %.4f", p.NameA, p.NameB, p.P)
	}
	if top := ol.Picks[0].P; top > 0.25 {
		t.Errorf("most likely new alliance of %d at p = %.3f: want no dyad above 0.25", w.Year+1, top)
	}
	t.Logf("%d dyads at risk, %.1f new allied dyads expected", ol.Dyads, ol.Expected)
}
