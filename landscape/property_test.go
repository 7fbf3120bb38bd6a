package landscape

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"
)

// randomProblem returns an integral instance: sizes uniform in 1..10,
// propensities uniform in −3..3, symmetric.
func randomProblem(n int, rng *rand.Rand) *Problem {
	sizes := make([]float64, n)
	p := make([]float64, n*n)
	for i := range n {
		sizes[i] = float64(1 + rng.IntN(10))
		for j := i + 1; j < n; j++ {
			x := float64(rng.IntN(7) - 3)
			p[i*n+j], p[j*n+i] = x, x
		}
	}
	return MustNew(nil, sizes, p)
}

// randomFloatProblem returns a non-integral instance.
func randomFloatProblem(n int, rng *rand.Rand) *Problem {
	sizes := make([]float64, n)
	p := make([]float64, n*n)
	for i := range n {
		sizes[i] = 0.01 + rng.Float64()
		for j := i + 1; j < n; j++ {
			x := rng.NormFloat64()
			p[i*n+j], p[j*n+i] = x, x
		}
	}
	return MustNew(nil, sizes, p)
}

// TestMoveChangesEnergy checks ΔE = 2·s_k·ΔF_k exactly (integral inputs)
// for every actor and every destination, with two and three coalitions.
func TestMoveChangesEnergy(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 200 {
		n := 2 + rng.IntN(15)
		k := 2 + trial%3
		p := randomProblem(n, rng)
		sides := make([]int, n)
		for i := range sides {
			sides[i] = rng.IntN(k)
		}
		e0, f0 := p.Energy(sides), p.Frustration(sides)
		for a := range n {
			for c := range k {
				if c == sides[a] {
					continue
				}
				moved := slices.Clone(sides)
				moved[a] = c
				e1, f1 := p.Energy(moved), p.Frustration(moved)
				if got, want := e1-e0, 2*p.Sizes[a]*(f1[a]-f0[a]); got != want {
					t.Fatalf("trial %d: moving %d to %d: ΔE = %v, want 2·s·ΔF = %v", trial, a, c, got, want)
				}
			}
		}
	}
}

// TestDescentNeverRaisesEnergy follows every move of the dynamics under
// each rule and checks that E falls strictly by the recorded ΔE and ends
// at a local minimum that Exact lists.
func TestDescentNeverRaisesEnergy(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 120 {
		n := 3 + rng.IntN(10)
		k := 2 + trial%2
		rule := Rule(trial % 3)
		p := randomProblem(n, rng)
		res, err := Exact(context.Background(), p, Options{K: k, Exact: ExactOptions{Workers: 1}})
		if err != nil {
			t.Fatal(err)
		}
		d := NewDynamics(p, k)
		sides := make([]int, n)
		for i := range sides {
			sides[i] = rng.IntN(k)
		}
		start := slices.Clone(sides)
		var trace []Step
		d.Descend(sides, rule, rand.New(rand.NewPCG(5, uint64(trial))), &trace)
		cur := slices.Clone(start)
		e := p.Energy(cur)
		for _, s := range trace {
			cur[s.Actor] = s.To
			e1 := p.Energy(cur)
			if !(e1 < e) || e1-e != s.DeltaE {
				t.Fatalf("trial %d (%v): move %+v takes E from %v to %v", trial, rule, s, e, e1)
			}
			e = e1
		}
		if !slices.Equal(cur, sides) {
			t.Fatalf("trial %d: trace ends at %v, Descend at %v", trial, cur, sides)
		}
		Canonical(sides)
		if !slices.ContainsFunc(res.Minima, func(m Minimum) bool { return slices.Equal(m.Sides, sides) }) {
			t.Fatalf("trial %d (%v, k=%d): descent ends at %v (E=%v), not a local minimum of Exact", trial, rule, k, sides, e)
		}
	}
}

// bruteForce lists the local minima of p with k coalitions by checking
// every labelled configuration directly from the definitions.
func bruteForce(p *Problem, k int) (minE float64, minima map[string]float64) {
	n := p.N()
	minima = map[string]float64{}
	minE = math.Inf(1)
	sides := make([]int, n)
	total := int(math.Pow(float64(k), float64(n-1)))
	for x := range total {
		y := x
		for j := 1; j < n; j++ {
			sides[j] = y % k
			y /= k
		}
		e := p.Energy(sides)
		f := p.Frustration(sides)
		used := map[int]bool{}
		for _, c := range sides {
			used[c] = true
		}
		isMin := true
		for a := 0; a < n && isMin; a++ {
			emptyTried := false
			for c := range k {
				if c == sides[a] || (!used[c] && emptyTried) {
					continue
				}
				if !used[c] {
					emptyTried = true
				}
				m := slices.Clone(sides)
				m[a] = c
				if p.Frustration(m)[a] < f[a] {
					isMin = false
					break
				}
			}
		}
		minE = min(minE, e)
		if isMin {
			c := slices.Clone(sides)
			Canonical(c)
			minima[sidesKey(c)] = e
		}
	}
	return minE, minima
}

// TestExactAgainstBruteForce compares Exact with a direct enumeration,
// for integral and real inputs, two and three coalitions, and any number
// of workers.
func TestExactAgainstBruteForce(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := range 60 {
		n := 2 + rng.IntN(9)
		k := 2 + trial%2
		var p *Problem
		if trial%4 < 2 {
			p = randomProblem(n, rng)
		} else {
			p = randomFloatProblem(n, rng)
		}
		minE, minima := bruteForce(p, k)
		for _, w := range []int{1, 3} {
			res, err := Exact(context.Background(), p, Options{K: k, Exact: ExactOptions{Workers: w}})
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(res.Global.Energy-minE) > 1e-9*math.Abs(minE)+1e-12 {
				t.Fatalf("trial %d: global E = %v, want %v", trial, res.Global.Energy, minE)
			}
			if len(res.Minima) != len(minima) {
				t.Fatalf("trial %d (n=%d k=%d integral=%v): %d minima, want %d", trial, n, k, p.Integral(), len(res.Minima), len(minima))
			}
			for _, m := range res.Minima {
				if _, ok := minima[sidesKey(m.Sides)]; !ok {
					t.Fatalf("trial %d: %v is not a local minimum", trial, m.Sides)
				}
			}
		}
	}
}

// TestKTwoAgreesWithGeneral checks that the Ising scan and the general
// k-partition enumeration (with K = 2 forced through it) agree.
func TestKTwoAgreesWithGeneral(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(9, 10))
	for range 30 {
		p := randomProblem(2+rng.IntN(12), rng)
		a, err := Exact(context.Background(), p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := exactK(context.Background(), p, Options{K: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Minima) != len(b.Minima) || a.GlobalTies != b.GlobalTies {
			t.Fatalf("ising: %d minima, %d ties; general: %d, %d", len(a.Minima), a.GlobalTies, len(b.Minima), b.GlobalTies)
		}
		for i := range a.Minima {
			if !slices.Equal(a.Minima[i].Sides, b.Minima[i].Sides) || a.Minima[i].Energy != b.Minima[i].Energy {
				t.Fatalf("minimum %d differs: %v vs %v", i, a.Minima[i], b.Minima[i])
			}
		}
	}
}

// TestAnnealFindsExactMinimum runs the heuristic with its defaults on
// 1,000 random instances with n ≤ 20 and requires the exact global energy
// every time.
func TestAnnealFindsExactMinimum(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(11, 12))
	misses := 0
	for trial := range 1000 {
		n := 2 + rng.IntN(19)
		p := randomProblem(n, rng)
		ex, err := Exact(context.Background(), p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		h, err := Anneal(context.Background(), p, Options{Seed: uint64(trial)})
		if err != nil {
			t.Fatal(err)
		}
		if h.Global.Energy != ex.Global.Energy {
			misses++
			t.Errorf("trial %d (n=%d): heuristic E = %v, exact %v", trial, n, h.Global.Energy, ex.Global.Energy)
		}
	}
	if misses > 0 {
		t.Fatalf("%d of 1000 missed", misses)
	}
}

// TestReproducible checks that Anneal, Exact and sampled Basins give the
// same result whatever the number of workers.
func TestReproducible(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(13, 14))
	p := randomProblem(40, rng)
	a, _ := Anneal(context.Background(), p, Options{Seed: 1, Anneal: AnnealOptions{Workers: 1, Runs: 6}})
	b, _ := Anneal(context.Background(), p, Options{Seed: 1, Anneal: AnnealOptions{Workers: 4, Runs: 6}})
	if !slices.Equal(a.Global.Sides, b.Global.Sides) || len(a.Minima) != len(b.Minima) {
		t.Fatalf("anneal depends on workers: %v vs %v", a.Global.Sides, b.Global.Sides)
	}
	q := randomProblem(14, rng)
	r1, _ := Exact(context.Background(), q, Options{Exact: ExactOptions{Workers: 1}})
	r2, _ := Exact(context.Background(), q, Options{Exact: ExactOptions{Workers: 2}})
	for _, r := range []*Result{r1, r2} {
		if err := Basins(context.Background(), r, Options{Seed: 3, Basins: &BasinOptions{Rule: Random, Samples: 5000}}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range r1.Minima {
		if r1.Minima[i].BasinCount != r2.Minima[i].BasinCount {
			t.Fatalf("basin %d: %d vs %d", i, r1.Minima[i].BasinCount, r2.Minima[i].BasinCount)
		}
	}
}

// TestAnnealMatchesLongRun compares the heuristic with its defaults on 50
// random instances with n = 200 against a run 100 times longer on another
// seed: 10 times the runs, each 10 times the sweeps (with two coalitions,
// 80 runs × 16 replicas × 2,500 sweeps against the default 8 × 16 × 250),
// and requires the same best energy in at least 98% of them. It takes
// about 10 minutes on 2 cores; run it with LANDSCAPE_LONG=1 and a longer
// -timeout (docs/landscape.md).
func TestAnnealMatchesLongRun(t *testing.T) {
	t.Parallel()
	if os.Getenv("LANDSCAPE_LONG") == "" {
		t.Skip("set LANDSCAPE_LONG=1 (and -timeout 60m) to run (about 10 minutes)")
	}
	rng := rand.New(rand.NewPCG(21, 22))
	const instances = 50
	match := 0
	var short, long time.Duration
	for trial := range instances {
		p := randomProblem(200, rng)
		t0 := time.Now()
		h, err := Anneal(context.Background(), p, Options{Seed: uint64(trial)})
		if err != nil {
			t.Fatal(err)
		}
		dt := time.Since(t0)
		o := Options{Seed: uint64(trial) + 1000, Anneal: AnnealOptions{}.withDefaults(200, 2)}
		o.Anneal.Runs *= 10
		o.Anneal.Sweeps *= 10
		t1 := time.Now()
		l, err := Anneal(context.Background(), p, o)
		if err != nil {
			t.Fatal(err)
		}
		lt := time.Since(t1)
		short, long = short+dt, long+lt
		if h.Global.Energy <= l.Global.Energy {
			match++
		}
		t.Logf("instance %d: E = %v in %v; long run E = %v in %v", trial, h.Global.Energy, dt, l.Global.Energy, lt)
	}
	t.Logf("matched the long run in %d of %d instances; mean time %v (long run %v)", match, instances,
		short/instances, long/instances)
	if match*100 < 98*instances {
		t.Fatalf("matched the long run in %d of %d instances, want at least 98%%", match, instances)
	}
}

// TestAnnealThreeCoalitions checks the heuristic against the exact
// partition search with at most three coalitions.
func TestAnnealThreeCoalitions(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(15, 16))
	for trial := range 100 {
		n := 2 + rng.IntN(10)
		p := randomProblem(n, rng)
		ex, err := Exact(context.Background(), p, Options{K: 3})
		if err != nil {
			t.Fatal(err)
		}
		h, err := Anneal(context.Background(), p, Options{K: 3, Seed: uint64(trial)})
		if err != nil {
			t.Fatal(err)
		}
		if h.Global.Energy != ex.Global.Energy {
			t.Errorf("trial %d (n=%d): heuristic E = %v, exact %v", trial, n, h.Global.Energy, ex.Global.Energy)
		}
	}
}

// TestBasinsSumToOne checks that exhaustive basins of an exact result
// cover every start once, under each rule, and that the global minimum of
// a problem with one minimum has basin 1.
func TestBasinsSumToOne(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(17, 18))
	for trial := range 30 {
		n := 2 + rng.IntN(12)
		k := 2 + trial%2
		p := randomProblem(n, rng)
		res, err := Exact(context.Background(), p, Options{K: k})
		if err != nil {
			t.Fatal(err)
		}
		if err := Basins(context.Background(), res, Options{Seed: 1, Basins: &BasinOptions{Rule: Rule(trial % 3)}}); err != nil {
			t.Fatal(err)
		}
		var total int64
		var share float64
		for _, m := range res.Minima {
			total += m.BasinCount
			share += m.Basin
		}
		want := int64(math.Pow(float64(k), float64(n-1)))
		if total != want || res.Basins.Starts != want || math.Abs(share-1) > 1e-9 {
			t.Fatalf("trial %d: basins count %d starts (share %v), want %d", trial, total, share, want)
		}
		if len(res.Minima) == 1 && res.Global.Basin != 1 {
			t.Fatalf("trial %d: single minimum with basin %v", trial, res.Global.Basin)
		}
	}
}

// TestMaxMinimaKeepsLowest checks that a cut list holds the lowest minima
// of the full list, whatever the number of workers.
func TestMaxMinimaKeepsLowest(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(19, 20))
	for _, k := range []int{2, 3} {
		var p *Problem
		var full *Result
		for {
			p = randomProblem(11, rng)
			var err error
			if full, err = Exact(context.Background(), p, Options{K: k}); err != nil {
				t.Fatal(err)
			}
			if len(full.Minima) > 4 {
				break
			}
		}
		for _, w := range []int{1, 2, 5} {
			cut, err := Exact(context.Background(), p, Options{K: k, Exact: ExactOptions{MaxMinima: 3, Workers: w}})
			if err != nil {
				t.Fatal(err)
			}
			if !cut.Truncated || len(cut.Minima) != 3 {
				t.Fatalf("k=%d workers=%d: %d minima, truncated %v", k, w, len(cut.Minima), cut.Truncated)
			}
			for i := range cut.Minima {
				if !slices.Equal(cut.Minima[i].Sides, full.Minima[i].Sides) {
					t.Fatalf("k=%d workers=%d: minimum %d is %v, want %v", k, w, i, cut.Minima[i].Sides, full.Minima[i].Sides)
				}
			}
		}
	}
}

func TestExactLimits(t *testing.T) {
	t.Parallel()
	n := MaxExact + 1
	p := MustNew(nil, make1(n), make([]float64, n*n))
	if _, err := Exact(context.Background(), p, Options{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("n = %d: error %v, want ErrTooLarge", n, err)
	}
	q := MustNew(nil, make1(20), make([]float64, 400))
	if _, err := Exact(context.Background(), q, Options{K: 4}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("k = 4, n = 20: error %v, want ErrTooLarge", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Exact(ctx, MustNew(nil, make1(20), make([]float64, 400)), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: error %v", err)
	}
}

func make1(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = 1
	}
	return s
}
