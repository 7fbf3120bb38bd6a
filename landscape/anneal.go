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
	// Replicas is the number of temperatures in each run with two
	// coalitions: above 1, a run is parallel tempering over that many
	// replicas (DefaultReplicas when 0); 1 makes it simulated annealing.
	// With more than two coalitions a run always anneals and Replicas is
	// ignored.
	Replicas int
	// Runs is the number of independent runs; the best end state wins.
	// When 0: DefaultTemperingRuns for parallel tempering, DefaultRuns for
	// annealing.
	Runs int
	// Sweeps is the number of sweeps per run and replica. A sweep proposes
	// one move for every actor in index order. When 0: for parallel
	// tempering DefaultTemperingSweeps, or 5n/4 when larger; for annealing
	// DefaultSweeps, or 5n when larger.
	Sweeps int
	// Workers is the number of goroutines (GOMAXPROCS when 0). Results do
	// not depend on it.
	Workers int
	// T0 and T1 are the highest and lowest temperatures, as multiples of
	// the problem's move scale (see Anneal): the first and last of an
	// annealing schedule, the ends of a tempering ladder. When 0:
	// DefaultT0, and DefaultT1 (annealing) or DefaultTemperingT1
	// (tempering).
	T0, T1 float64
}

// Defaults of AnnealOptions. With two coalitions the defaults give
// parallel tempering 8 runs × 16 replicas × max(200, 5n/4) sweeps: at
// n = 200, 32,000 replica sweeps, twice the work of the annealing
// defaults (16 runs × 1,000 sweeps).
const (
	DefaultReplicas        = 16
	DefaultTemperingRuns   = 8
	DefaultTemperingSweeps = 200
	DefaultTemperingT1     = 0.05

	DefaultRuns   = 16
	DefaultSweeps = 400
	DefaultT0     = 0.5
	DefaultT1     = 0.02
)

// tempering reports whether the runs are parallel tempering (after
// withDefaults).
func (o AnnealOptions) tempering(k int) bool { return k == 2 && o.Replicas > 1 }

func (o AnnealOptions) withDefaults(n, k int) AnnealOptions {
	if o.Replicas == 0 {
		o.Replicas = DefaultReplicas
	}
	pt := o.tempering(k)
	if o.Runs == 0 {
		o.Runs = DefaultRuns
		if pt {
			o.Runs = DefaultTemperingRuns
		}
	}
	if o.Sweeps == 0 {
		o.Sweeps = max(DefaultSweeps, 5*n)
		if pt {
			o.Sweeps = max(DefaultTemperingSweeps, 5*n/4)
		}
	}
	if o.T0 == 0 {
		o.T0 = DefaultT0
	}
	if o.T1 == 0 {
		o.T1 = DefaultT1
		if pt {
			o.T1 = DefaultTemperingT1
		}
	}
	o.Workers = workersOr(o.Workers)
	return o
}

// Validate reports an option out of its bounds.
func (o AnnealOptions) Validate() error {
	switch {
	case o.Replicas < 0:
		return fmt.Errorf("landscape: Replicas = %d, want at least 1", o.Replicas)
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
// problems too large for Exact: o.Anneal.Runs independent runs (the
// AnnealOptions below are o.Anneal's), each from random configurations
// (every actor's side uniform over o.K labels), each ending
// in a steepest descent so that every end state is a local minimum in the
// sense of Exact.
//
// Moves are Metropolis moves: in a sweep every actor in turn proposes a
// move to a uniformly chosen other side (an empty side counts once),
// accepted with probability min(1, exp(−ΔE/T)), ΔE = 2 s_i ΔF_i.
// Temperatures are multiples of τ = mean_i 2 s_i √(Σ_j (s_j p_ij)²), the
// typical size of a move's ΔE at a random configuration.
//
// With two coalitions (and Replicas > 1, the default) a run is parallel
// tempering, or replica exchange (Swendsen & Wang 1986; Hukushima &
// Nemoto 1996): Replicas copies of the system, each started from its own
// random configuration and held at a fixed temperature of a geometric
// ladder from T0·τ down to T1·τ. A run makes Sweeps rounds; in a round
// every replica makes one sweep (hottest first), then neighbours on the
// ladder, from the hottest pair to the coldest, exchange configurations
// with probability min(1, exp((β_a − β_b)(E_a − E_b))), β = 1/T. The
// run's end state is the lowest configuration any replica held at the end
// of a sweep, then descended. Otherwise (Replicas = 1, or more than two
// coalitions) a run is simulated annealing (Kirkpatrick, Gelatt & Vecchi
// 1983) from one random configuration: Sweeps sweeps, T falling
// geometrically from T0·τ to T1·τ.
//
// A move whose ΔE exceeds 40·T is rejected without drawing from the
// generator: its acceptance probability, below e^−40 ≈ 4·10^−18, is under
// the resolution of a uniform draw.
//
// The result's Global is the lowest end state (ties: lowest run index) and
// Minima the distinct end states; Configurations is the number of runs.
// Basins are not computed (Solve computes them). Run r draws only from
// PCG(o.Seed, r), and results are merged by run index, so the result is
// reproducible bit for bit whatever the number of workers.
func Anneal(ctx context.Context, p *Problem, opt Options) (*Result, error) {
	if err := opt.validate(); err != nil {
		return nil, err
	}
	n, k, seed := p.N(), opt.k(), opt.Seed
	o := opt.Anneal.withDefaults(n, k)
	tau := moveScale(p)
	var w []float64
	if k == 2 {
		w = twoSideRows(p)
	}
	var betas []float64
	if o.tempering(k) {
		betas = ladder(o.Replicas, o.T0*tau, o.T1*tau)
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
			a := newAnnealer(p, k, w)
			for {
				r := int(next.Add(1) - 1)
				if r >= o.Runs || ctx.Err() != nil {
					return
				}
				sides := make([]int, n)
				rng := rand.New(rand.NewPCG(seed, uint64(r)))
				if betas != nil {
					a.temper2(sides, rng, o.Sweeps, betas)
					a.d.Descend(sides, Steepest, nil, nil)
				} else {
					a.run(sides, rng, o.Sweeps, o.T0*tau, o.T1*tau)
				}
				ends[r] = end{sides, 0}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &Result{Problem: p, K: k, Configurations: int64(o.Runs), Method: SearchAnnealing}
	if betas != nil {
		res.Method = SearchTempering
	}
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

// accept reports whether a move with ΔE/T = x > 0 is accepted, with
// probability exp(−x). Above x = 40 it rejects without a draw (exp(−40) is
// below the 2^−53 resolution of Float64), otherwise it draws one Float64.
func accept(x float64, rng *rand.Rand) bool {
	return x <= 40 && rng.Float64() < math.Exp(-x)
}

// ladder returns m inverse temperatures 1/T, T geometric from hot down to
// cold, in ascending order of β (hottest first).
func ladder(m int, hot, cold float64) []float64 {
	b := make([]float64, m)
	for k := range m {
		b[k] = 1 / (hot * math.Pow(cold/hot, float64(k)/float64(m-1)))
	}
	return b
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
	// Parallel tempering: replicas' spins and fields (replica-major),
	// energies, and the replica at each temperature.
	rsig, rg, re []float64
	perm         []int
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
			if dE > 0 && !accept(dE*beta, rng) {
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
// (see accept), so both give the same result.
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
			if dE > 0 && !accept(dE*beta, rng) {
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
