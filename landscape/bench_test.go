package landscape

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

func benchExact(b *testing.B, n int) {
	p := randomProblem(n, rand.New(rand.NewPCG(uint64(n), 1)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Exact(context.Background(), p, Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(res.Minima)), "minima")
	}
}

// BenchmarkExact measures the exact search with every local minimum
// (target on 2 cores: n = 24 within 1 s, n = 30 within 30 s).
func BenchmarkExact(b *testing.B) {
	for _, n := range []int{16, 20, 24, 30} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchExact(b, n) })
	}
}

// BenchmarkExactFloat is the exact search on real-valued inputs.
func BenchmarkExactFloat(b *testing.B) {
	p := randomFloatProblem(24, rand.New(rand.NewPCG(24, 2)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Exact(context.Background(), p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExactK3 is the exact search over partitions into at most 3
// coalitions.
func BenchmarkExactK3(b *testing.B) {
	p := randomProblem(14, rand.New(rand.NewPCG(14, 3)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Exact(context.Background(), p, Options{K: 3}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnneal measures the heuristic with its defaults on a random
// instance (target on 2 cores: n = 200 within 2 s).
func BenchmarkAnneal(b *testing.B) {
	for _, n := range []int{20, 200} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			p := randomProblem(n, rand.New(rand.NewPCG(uint64(n), 4)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Anneal(context.Background(), p, Options{Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAnnealMethods compares, at n = 200 with the default work of
// each, parallel tempering (the default with two coalitions: 8 runs × 16
// replicas × 250 sweeps) and simulated annealing (Replicas = 1: 16 runs ×
// 1,000 sweeps), reporting the best energy found.
func BenchmarkAnnealMethods(b *testing.B) {
	p := randomProblem(200, rand.New(rand.NewPCG(200, 4)))
	for _, m := range []struct {
		name     string
		replicas int
	}{{"tempering", 0}, {"annealing", 1}} {
		b.Run(m.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := Anneal(context.Background(), p, Options{Seed: 1, Anneal: AnnealOptions{Replicas: m.replicas}})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(res.Global.Energy, "energy")
			}
		})
	}
}

// BenchmarkBasins measures exhaustive basins (2^19 steepest descents).
func BenchmarkBasins(b *testing.B) {
	p := randomProblem(20, rand.New(rand.NewPCG(20, 5)))
	res, err := Exact(context.Background(), p, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Basins(context.Background(), res, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
