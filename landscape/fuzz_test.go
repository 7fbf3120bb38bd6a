package landscape

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"math"
	"testing"
)

// FuzzSolve builds a problem from arbitrary float64 sizes and propensities
// (any bits: NaN, ±Inf, 1e308, subnormals) and solves it exactly: New
// either refuses it or every energy and frustration Solve reports is
// finite, and the result encodes as JSON.
//
//	go test -run '^$' -fuzz FuzzSolve -fuzztime 2m ./landscape
func FuzzSolve(f *testing.F) {
	seed := func(xs ...float64) []byte {
		b := make([]byte, 8*len(xs))
		for i, x := range xs {
			binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(x))
		}
		return b
	}
	f.Add(uint8(3), seed(1, 2, 3, 1, -1, 2))
	f.Add(uint8(3), seed(1e200, 1e200, 2, 1, -1, 2))
	f.Add(uint8(4), seed(1, 1, 1, 1, 1e308, -1e308, 1, 2, 3, 4))
	f.Fuzz(func(t *testing.T, n8 uint8, b []byte) {
		n := 2 + int(n8)%5 // 2..6 actors: exact search is instant
		need := n + n*(n-1)/2
		if len(b) < 8*need {
			return
		}
		x := func(i int) float64 { return math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:])) }
		sizes := make([]float64, n)
		for i := range sizes {
			sizes[i] = x(i)
		}
		p := make([]float64, n*n)
		k := n
		for i := range n {
			for j := i + 1; j < n; j++ {
				p[i*n+j], p[j*n+i] = x(k), x(k)
				k++
			}
		}
		pr, err := New(nil, sizes, p)
		if err != nil {
			return
		}
		res, err := Solve(context.Background(), pr, Options{Method: ExactOnly, K: 2, Basins: &BasinOptions{}})
		if err != nil {
			t.Fatalf("Solve of a valid problem: %v", err)
		}
		for _, m := range append(res.Minima, res.Global) {
			if math.IsNaN(m.Energy) || math.IsInf(m.Energy, 0) {
				t.Fatalf("energy %v for sizes %v, p %v", m.Energy, sizes, p)
			}
			for _, fr := range m.Frustration {
				if math.IsNaN(fr) || math.IsInf(fr, 0) {
					t.Fatalf("frustration %v for sizes %v, p %v", fr, sizes, p)
				}
			}
		}
		if _, err := json.Marshal(res.Minima); err != nil {
			t.Fatalf("JSON: %v", err)
		}
	})
}
