package similarity

import (
	"encoding/binary"
	"math"
	"testing"
)

// FuzzMeasures computes every measure of two portfolios (levels 0..3,
// up to 60 members) with weights from the fuzzer's bytes, extreme ones
// included (any scale; within one table, weights at most 1e300 apart):
// Tally refuses bad weights, or every measure is missing or finite within
// its range (S, tau-b, kappa and pi in [−1, 1]).
//
//	go test -run '^$' -fuzz FuzzMeasures -fuzztime 2m ./similarity
func FuzzMeasures(f *testing.F) {
	f.Add([]byte{0, 3, 1, 1, 2, 2, 3, 0, 0, 0, 1, 3}, []byte{})
	f.Add([]byte{3, 3, 3, 3}, []byte{0, 0, 0, 0, 0, 0, 0xf0, 0x7f})
	f.Fuzz(func(t *testing.T, pairs, weights []byte) {
		n := min(len(pairs)/2, 60)
		x, y := make([]int, n), make([]int, n)
		for i := range n {
			x[i], y[i] = int(pairs[2*i]%Levels), int(pairs[2*i+1]%Levels)
		}
		var w []float64
		if len(weights) >= 8*n && n > 0 {
			w = make([]float64, n)
			for i := range w {
				w[i] = math.Float64frombits(binary.LittleEndian.Uint64(weights[8*i:]))
			}
		}
		lo, hi := math.Inf(1), 0.0
		for _, v := range w {
			if v > 0 {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
		if hi/lo > 1e300 {
			return // beyond float64's range within one table: the small weights round to nothing
		}
		tab, err := Tally(x, y, w)
		if err != nil {
			return
		}
		check := func(name string, v float64) {
			if math.IsInf(v, 0) || !math.IsNaN(v) && (v < -1-1e-9 || v > 1+1e-9) {
				t.Fatalf("%s = %v for x %v, y %v, w %v", name, v, x, y, w)
			}
		}
		for _, d := range []Distance{Absolute, Squared} {
			check("S", tab.S(d, 3).Float())
		}
		bx, by := make([]int, n), make([]int, n) // binary ties, delta 1
		for i := range n {
			bx[i], by[i] = x[i]%2, y[i]%2
		}
		if bin, err := Tally(bx, by, w); err == nil {
			check("binary S", bin.S(Absolute, 1).Float())
		}
		check("tau-b", tab.TauB().Float())
		for _, dw := range []Disagreement{Quadratic, Linear, Nominal} {
			check("kappa", tab.Kappa(dw).Float())
			check("pi", tab.Pi(dw).Float())
		}
	})
}
