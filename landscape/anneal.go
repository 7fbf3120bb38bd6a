package landscape

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
)

// AnnealOptions control Anneal.
type AnnealOptions struct {
	// K is the largest number of coalitions (2 when 0).
	K int
	// Runs is the number of independent annealing runs (DefaultRuns when
	// 0); the best end state wins.
	Runs int
	// Sweeps is the number of sweeps per run (when 0: DefaultSweeps, or
	// 5n when larger). A sweep proposes one move for every actor in index
	// order.
	Sweeps int
	// Seed seeds the runs: run r draws from PCG(Seed, r).
	Seed uint64
	// Workers is the number of goroutines (GOMAXPROCS when 0). Results do
	// not depend on it.
	Workers int
	// T0 and T1 are the first and last temperatures, as multiples of the
	// problem's move scale (see Anneal); DefaultT0 and DefaultT1 when 0.
	T0, T1 float64
}

// Defaults of AnnealOptions.
const (
	DefaultRuns   = 16
	DefaultSweeps = 400
	DefaultT0     = 0.5
	DefaultT1     = 0.02
)

func (o AnnealOptions) withDefaults(n int) AnnealOptions {
	if o.K == 0 {
		o.K = 2
	}
	if o.Runs == 0 {
		o.Runs = DefaultRuns
	}
	if o.Sweeps == 0 {
		o.Sweeps = max(DefaultSweeps, 5*n)
	}
	if o.T0 == 0 {
		o.T0 = DefaultT0
	}
	if o.T1 == 0 {
		o.T1 = DefaultT1
	}
	if o.Workers == 0 {
		o.Workers = Options{}.workers()
	}
	return o
}

// Validate reports an option out of its bounds.
func (o AnnealOptions) Validate() error {
	switch {
	case o.K == 1 || o.K < 0 || o.K > MaxK:
		return fmt.Errorf("landscape: K = %d, want 2..%d coalitions", o.K, MaxK)
	case o.Runs < 0:
		return fmt.Errorf("landscape: Runs = %d, want at least 1", o.Runs)
	case o.Sweeps < 0:
		return fmt.Errorf("landscape: Sweeps = %d, want at least 1", o.Sweeps)
	case o.T0 < 0 || o.T1 < 0 || (o.T0 > 0 && o.T1 > o.T0):
		return fmt.Errorf("landscape: temperatures T0 = %v, T1 = %v, want 0 < T1 ≤ T0", o.T0, o.T1)
	}
	return nil
}

// Anneal searches for the global minimum of p's energy heuristically, for
// problems too large for Exact: Runs independent runs of simulated
// annealing (Kirkpatrick, Gelatt & Vecchi 1983), each from a random
// configuration (every actor's side uniform over K labels), then a
// steepest descent so that every end state is a local minimum in the
// sense of Exact.
//
// A run makes Sweeps sweeps; in each sweep every actor in turn proposes a
// move to a uniformly chosen other side (an empty side counts once), which
// is accepted with probability min(1, exp(−ΔE/T)), ΔE = 2 s_i ΔF_i. T
// falls geometrically from T0·τ to T1·τ, where τ = mean_i 2 s_i
// √(Σ_j (s_j p_ij)²) is the typical size of a move's ΔE at a random
// configuration.
//
// The result's Global is the lowest end state (ties: lowest run index) and
// Minima the distinct end states; Configurations is the number of runs.
// Basins are not computed (see Basins). Run r draws only from
// PCG(Seed, r), and results are merged by run index, so the result is
// reproducible bit for bit whatever the number of workers.
func Anneal(ctx context.Context, p *Problem, o AnnealOptions) (*Result, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	n := p.N()
	o = o.withDefaults(n)
	tau := moveScale(p)
	var w []float64
	if o.K == 2 {
		w = twoSideRows(p)
	}
	type end struct {
		sides []int
		e     float64
	}
	ends := make([]end, o.Runs)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(o.Workers, o.Runs) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a := newAnnealer(p, o.K, w)
			for {
				r := int(next.Add(1) - 1)
				if r >= o.Runs || ctx.Err() != nil {
					return
				}
				sides := make([]int, n)
				a.run(sides, rand.New(rand.NewPCG(o.Seed, uint64(r))), o.Sweeps, o.T0*tau, o.T1*tau)
				ends[r] = end{sides, 0}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &Result{Problem: p, K: o.K, Configurations: int64(o.Runs)}
	seen := map[string]bool{}
	best := -1
	for r, e := range ends {
		m := newMinimum(p, e.sides)
		if best < 0 || m.Energy < res.Global.Energy {
			best, res.Global = r, m
		}
		if key := sidesKey(m.Sides); !seen[key] {
			seen[key] = true
			res.Minima = append(res.Minima, m)
		}
	}
	sortMinima(res.Minima)
	return res, nil
}

// moveScale returns τ = mean_i 2 s_i √(Σ_j (s_j p_ij)²).
func moveScale(p *Problem) float64 {
	n := p.N()
	var t float64
	for i := range n {
		var q float64
		for j := range n {
			x := p.Sizes[j] * p.At(i, j)
			q += x * x
		}
		t += 2 * p.Sizes[i] * math.Sqrt(q)
	}
	t /= float64(n)
	if t == 0 {
		return 1
	}
	return t
}

type annealer struct {
	d *Dynamics
	// Two coalitions: w[i*n+j] = 2 s_i p_ij, the change of g_j when actor
	// i moves to side +1, and the local fields g and spins σ.
	w, g, sig []float64
}

func newAnnealer(p *Problem, k int, w []float64) *annealer {
	a := &annealer{d: NewDynamics(p, k), w: w}
	if k == 2 {
		a.g = make([]float64, p.N())
		a.sig = make([]float64, p.N())
	}
	return a
}

// twoSideRows returns w[i*n+j] = 2 s_i p_ij.
func twoSideRows(p *Problem) []float64 {
	n := p.N()
	w := make([]float64, n*n)
	for i := range n {
		for j := range n {
			w[i*n+j] = 2 * p.Sizes[i] * p.At(i, j)
		}
	}
	return w
}

// run anneals from a random configuration into sides.
func (a *annealer) run(sides []int, rng *rand.Rand, sweeps int, t0, t1 float64) {
	d := a.d
	st := d.st
	n, k := st.n, d.k
	for i := range sides {
		sides[i] = rng.IntN(k)
	}
	if k == 2 {
		a.run2(sides, rng, sweeps, t0, t1)
		d.Descend(sides, Steepest, nil, nil)
		return
	}
	d.reset(sides)
	ratio := 1.0
	if sweeps > 1 {
		ratio = math.Pow(t1/t0, 1/float64(sweeps-1))
	}
	t := t0
	size := st.p.Sizes
	for range sweeps {
		beta := 1 / t
		for i := range n {
			from := st.sides[i]
			to := d.proposal(from, rng)
			if to < 0 {
				continue
			}
			f := st.m[i*k : i*k+k]
			dE := 2 * size[i] * (f[from] - f[to])
			if dE > 0 && rng.Float64() >= math.Exp(-dE*beta) {
				continue
			}
			st.remove(i, from)
			d.used[from]--
			st.add(i, to)
			d.used[to]++
		}
		t *= ratio
	}
	copy(sides, st.sides)
	d.Descend(sides, Steepest, nil, nil)
}

// proposal draws a side other than from, uniformly over the used sides
// and one empty side if any; −1 when there is none.
func (d *Dynamics) proposal(from int, rng *rand.Rand) int {
	k := d.k
	if k == 2 {
		return 1 - from
	}
	c := d.dest[:0]
	emptyTaken := false
	for s := range k {
		if s == from {
			continue
		}
		if d.used[s] == 0 {
			if emptyTaken {
				continue
			}
			emptyTaken = true
		}
		c = append(c, s)
	}
	if len(c) == 0 {
		return -1
	}
	d.dest = c
	return c[rng.IntN(len(c))]
}

// run2 is run for two coalitions in the Ising form: σ_i = ±1, local
// fields g_i = Σ_j s_j p_ij σ_j, and moving actor i changes E by
// ΔE = 2 s_i σ_i g_i. It draws from rng exactly as the general path does
// (one Float64 per uphill proposal), so both give the same result.
func (a *annealer) run2(sides []int, rng *rand.Rand, sweeps int, t0, t1 float64) {
	n := len(sides)
	p := a.d.st.p
	sig, g, w := a.sig[:n], a.g[:n], a.w
	for i, c := range sides {
		sig[i] = float64(1 - 2*c)
	}
	for j := range n {
		var v float64
		for i := range n {
			v += w[i*n+j] / 2 * sig[i]
		}
		g[j] = v
	}
	ratio := 1.0
	if sweeps > 1 {
		ratio = math.Pow(t1/t0, 1/float64(sweeps-1))
	}
	t := t0
	size := p.Sizes
	for range sweeps {
		beta := 1 / t
		for i := range n {
			dE := 2 * size[i] * sig[i] * g[i]
			if dE > 0 && rng.Float64() >= math.Exp(-dE*beta) {
				continue
			}
			s := -sig[i]
			sig[i] = s
			row := w[i*n : i*n+n]
			gg := g[:len(row)]
			for j, x := range row {
				gg[j] += s * x
			}
		}
		t *= ratio
	}
	for i := range sides {
		sides[i] = 0
		if sig[i] < 0 {
			sides[i] = 1
		}
	}
}
