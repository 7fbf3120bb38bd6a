package panel

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// benchmarkFull builds the full directed dyad-year panel 1816–2016 and
// writes it to Parquet in a temporary directory, opening the history on
// every iteration: the whole command's work without the flag parsing.
func benchmarkFull(b *testing.B, similarity bool) {
	b.ReportAllocs()
	dir := testenv.DataDir(b)
	opt := DefaultOptions()
	if !similarity {
		opt.Vars = []string{"-sim_*"}
	}
	out := filepath.Join(b.TempDir(), "dyads.parquet")
	var rows int64
	for b.Loop() {
		p, err := DyadPlan(opt)
		if err != nil {
			b.Fatal(err)
		}
		d, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		w, err := Create(out, p.Columns())
		if err != nil {
			b.Fatal(err)
		}
		res, err := p.Build(context.Background(), d, w)
		if err != nil {
			b.Fatal(err)
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
		rows = res.Rows
	}
	if rows != 1912350 {
		b.Fatalf("%d rows, want 1,912,350", rows)
	}
	b.ReportMetric(float64(rows), "rows")
}

// BenchmarkDyadsParquet: every variable except similarity.
func BenchmarkDyadsParquet(b *testing.B) { benchmarkFull(b, false) }

// BenchmarkDyadsParquetSimilarity: every variable, similarity included.
func BenchmarkDyadsParquetSimilarity(b *testing.B) { benchmarkFull(b, true) }
