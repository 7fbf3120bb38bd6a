package tables

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/entente/entente/simulate"
)

// BenchmarkWrite runs baltic-crisis and writes its tables, 2,500 and
// 10,000 runs per operation; heap-MiB is the live heap after the last run
// (after a collection), which must not grow with the runs: the tables
// stream, one Parquet row group at a time.
func BenchmarkWrite(b *testing.B) {
	p := plan(b, "baltic-crisis")
	for _, runs := range []int{2500, 10000} {
		b.Run(fmt.Sprintf("runs=%d", runs), func(b *testing.B) {
			b.ReportAllocs()
			var heap uint64
			for b.Loop() {
				m := NewManifest(p, 1, "bench", runs, simulate.Shard{Index: 0, Count: 1})
				w, err := Create(b.TempDir(), m)
				if err != nil {
					b.Fatal(err)
				}
				err = p.Simulate(context.Background(), 1, 0, runs, 0, func(r *simulate.Result) error {
					if r.Run == runs-1 {
						runtime.GC()
						var ms runtime.MemStats
						runtime.ReadMemStats(&ms)
						heap = ms.HeapInuse
					}
					return w.Write(r)
				})
				if err != nil {
					b.Fatal(err)
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(runs*b.N)/b.Elapsed().Seconds(), "runs/s")
			b.ReportMetric(float64(heap)/(1<<20), "heap-MiB")
		})
	}
}
