package scorecard

import (
	"context"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

// BenchmarkBacktest runs the whole backtest (COW and ATOP, 1817–2017, 1,000
// replicates) on the real data, Worlds built on demand by history; opening
// the history is excluded.
func BenchmarkBacktest(b *testing.B) {
	h, err := history.Open(testenv.DataDir(b))
	if err != nil {
		b.Fatal(err)
	}
	o := DefaultOptions()
	o.Sources = []Source{COWSource(h), ATOPSource(h)}
	first, last := h.Span()
	load := func(y int) (*world.World, error) { return h.World(y) }
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Run(context.Background(), load, first+1, last+1, o); err != nil {
			b.Fatal(err)
		}
	}
}
