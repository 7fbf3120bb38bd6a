package network

import "testing"

// BenchmarkSeries measures the yearly table 1816–2016 on ATOP defence
// ties with blocs and signed blocs (the target: under 10 s).
func BenchmarkSeries(b *testing.B) {
	h := openHistory(b)
	b.ReportAllocs()
	for b.Loop() {
		ys, err := Series(h, 1816, 2016, DefaultOptions())
		if err != nil || len(ys) != 201 {
			b.Fatal(err)
		}
	}
}

// BenchmarkYear1980 measures one year's network, blocs and signed blocs.
func BenchmarkYear1980(b *testing.B) {
	h := openHistory(b)
	b.ReportAllocs()
	for b.Loop() {
		n, _, err := FromHistory(h, 1980, DefaultOptions())
		if err != nil {
			b.Fatal(err)
		}
		n.Measure(n.Blocs(), n.SignedBlocs())
	}
}
