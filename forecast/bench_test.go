package forecast

import (
	"context"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

// BenchmarkBacktest runs the full rolling-origin backtest on the real
// data: the designs of every kind built from the Worlds 1816–2018, then a
// model refitted for every outcome year of the three windows (ATOP
// 1946–1989 and 1990–2018, COW 1990–2012), the penalty cross-validated at
// the first origin of each, and 200 year-bootstrap replicates of every
// metric. Opening the history is excluded.
func BenchmarkBacktest(b *testing.B) {
	h, err := history.OpenWith(testenv.DataDir(b), historyOptions)
	if err != nil {
		b.Fatal(err)
	}
	first, last := h.Span()
	load := func(y int) (*world.World, error) { return h.World(y) }
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		ds, _, err := Build(context.Background(), load, Kinds, first+1, last)
		if err != nil {
			b.Fatal(err)
		}
		for _, w := range []struct {
			k        Kind
			from, to int
		}{{ATOP, 1946, 1989}, {ATOP, 1990, 2018}, {COW, 1990, 2012}} {
			if _, err := Run(context.Background(), ds[w.k], w.from, w.to, DefaultOptions()); err != nil {
				b.Fatal(err)
			}
		}
	}
}
