package forecast

import (
	"context"
	"sync"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
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
