package panel

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/similarity"
)

// benchmarkFull builds the full directed dyad-year panel 1816–2016 and
// writes it to Parquet in a temporary directory, opening the history on
// every iteration: the whole command's work without the flag parsing.
func benchmarkFull(b *testing.B, similarity bool) {
	opt := DefaultOptions()
	if !similarity {
		opt.Vars = []string{"-sim_*"}
	}
	if rows := benchmarkPlan(b, opt); rows != 1912290 {
		b.Fatalf("%d rows, want 1,912,290", rows)
	}
}

// benchmarkPlan opens the files the plan of opt needs, builds the panel
// and writes it to Parquet on every iteration, and returns the rows.
func benchmarkPlan(b *testing.B, opt Options) int64 {
	b.ReportAllocs()
	dir := testenv.DataDir(b)
	out := filepath.Join(b.TempDir(), "dyads.parquet")
	var rows int64
	for b.Loop() {
		p, err := DyadPlan(opt)
		if err != nil {
			b.Fatal(err)
		}
		d, err := p.Open(dir)
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
	b.ReportMetric(float64(rows), "rows")
	return rows
}

// BenchmarkDyadsParquet: every variable except similarity.
func BenchmarkDyadsParquet(b *testing.B) { benchmarkFull(b, false) }

// BenchmarkDyadsParquetSimilarity: every variable, similarity included.
func BenchmarkDyadsParquetSimilarity(b *testing.B) { benchmarkFull(b, true) }

// BenchmarkFPSim1980: fpsim's five measures for every directed dyad of
// 1980 under the fpsim convention (bench/peers.sh times the whole command).
func BenchmarkFPSim1980(b *testing.B) {
	opt := Options{From: 1980, To: 1980, Convention: similarity.FPSim,
		Vars: []string{"sim_s", "sim_s_cinc", "sim_kappa", "sim_pi", "sim_taub"}}
	if rows := benchmarkPlan(b, opt); rows != 24180 {
		b.Fatalf("%d rows, want 24,180", rows)
	}
}

// BenchmarkChainRelevant: the columns of peacesciencer's chain (ATOP, NMC,
// majors, contiguity, capital and minimum distance, GML disputes) for the
// politically relevant dyads of 1816–2016 (docs/panel.md).
func BenchmarkChainRelevant(b *testing.B) {
	opt := DefaultOptions()
	opt.Filter = Relevant
	opt.Vars = []string{"atop_*", "cinc*", "milex*", "milper*", "irst*", "pec*", "tpop*", "upop*", "cowmaj*", "conttype", "capdist_km", "mindist_km", "gml*"}
	benchmarkPlan(b, opt)
}
