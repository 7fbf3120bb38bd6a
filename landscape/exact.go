package landscape

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// MaxExact is the largest number of actors Exact examines with two
// coalitions: 2^(MaxExact−1) configurations, about a minute per 2^30 on
// one core.
const MaxExact = 36

// MaxExactConfigs bounds the number of configurations Exact examines with
// three or more coalitions.
const MaxExactConfigs = 1 << 28

// MaxK is the largest number of coalitions (side labels are stored in a
// byte).
const MaxK = 255

// ErrTooLarge is returned when an instance is too large for exact search.
var ErrTooLarge = errors.New("too large for exact search")

// ExactOptions tune Exact.
type ExactOptions struct {
	// Workers is the number of goroutines (GOMAXPROCS when 0). Results do
	// not depend on it.
	Workers int
	// MaxMinima is the number of local minima kept, the lowest first
	// (DefaultMaxMinima when 0). Result.Truncated reports a cut.
	MaxMinima int
}

// DefaultMaxMinima is the default of ExactOptions.MaxMinima.
const DefaultMaxMinima = 1 << 16

func (o Options) workers() int { return workersOr(o.Exact.Workers) }

func (o Options) maxMinima() int {
	if o.Exact.MaxMinima > 0 {
		return o.Exact.MaxMinima
	}
	return DefaultMaxMinima
}

// workersOr returns w, or GOMAXPROCS when w is 0.
func workersOr(w int) int {
	if w > 0 {
		return w
	}
	return runtime.GOMAXPROCS(0)
}

// Exact finds the global minimum and every local minimum of p's energy by
// examining every configuration: with o.K = 2 the 2^(n−1) bipartitions
// (Axelrod & Bennett 1993), with o.K > 2 the partitions of the actors into
// at most K unlabelled sides (Florian & Galam 2000), tuned by o.Exact. It
// ignores o.Method and o.Basins (Solve computes basins).
//
// A configuration is a local minimum when no actor can strictly lower its
// own frustration F_i by moving to another side (for K > 2: to any other
// side in use, or to a new side when fewer than K are used). Equivalently,
// since ΔE = 2·s_k·ΔF_k with s_k > 0, no single move strictly lowers E.
// A move that leaves an actor's frustration unchanged is not taken, so a
// configuration with such a neutral move is still a local minimum (and the
// configuration it leads to may be another one of equal energy). Axelrod &
// Bennett (1993) do not discuss ties; this is our rule, and it reproduces
// the published Syria 2016 result.
//
// With two coalitions, the search is the Ising formulation σ_i = ±1,
// J_ij = s_i s_j p_ij: actor 0 is fixed on side 0 (a configuration and its
// mirror image are one), the other n−1 actors run through a Gray code, and
// each flip of actor k updates the local fields g_j = Σ_l s_l p_jl σ_l in
// O(n): g_j += 2 s_k p_jk σ_k. ΔF_k = σ_k g_k, so a configuration is a
// local minimum when σ_j g_j ≥ 0 for every j. The sequence is split into
// 2^b contiguous blocks by fixing the top b actors; workers take blocks
// in turn and results are merged in block order, so they do not depend on
// scheduling. Arithmetic is exact (int64) when every input is an integer,
// float64 otherwise, with ties decided within a relative tolerance of
// 1e-9 of the largest field.
//
// Exact returns an error wrapping ErrTooLarge when n > MaxExact (K = 2)
// or the number of partitions exceeds MaxExactConfigs (K > 2), and
// ctx.Err() when cancelled.
func Exact(ctx context.Context, p *Problem, o Options) (*Result, error) {
	k := o.k()
	if k < 2 || k > MaxK {
		return nil, fmt.Errorf("landscape: K = %d, want 2..%d coalitions", k, MaxK)
	}
	n := p.N()
	var res *Result
	var err error
	if k == 2 {
		if n > MaxExact {
			return nil, fmt.Errorf("%d actors: %w (at most %d with two coalitions; use the heuristic)", n, ErrTooLarge, MaxExact)
		}
		if p.integral {
			res, err = exact2[int64](ctx, p, o)
		} else {
			res, err = exact2[float64](ctx, p, o)
		}
	} else {
		if c := PartitionCount(n, k); c > MaxExactConfigs {
			return nil, fmt.Errorf("%d actors in at most %d coalitions: %.3g partitions: %w (at most %d; use the heuristic)",
				n, k, c, ErrTooLarge, MaxExactConfigs)
		}
		res, err = exactK(ctx, p, o)
	}
	if err != nil {
		return nil, err
	}
	res.Method = SearchExact
	return res, nil
}

type number interface{ ~int64 | ~float64 }

// found is a local minimum met during a scan: its configuration as bits
// (bit i set when actor i is on side 1) and its energy as computed
// incrementally.
type found[T number] struct {
	x uint64
	e T
}

// lexKey orders configurations as their sides compare lexicographically.
func lexKey(x uint64) uint64 { return bits.Reverse64(x) }

func lessFound[T number](a, b found[T]) int {
	switch {
	case a.e < b.e:
		return -1
	case a.e > b.e:
		return 1
	}
	ka, kb := lexKey(a.x), lexKey(b.x)
	switch {
	case ka < kb:
		return -1
	case ka > kb:
		return 1
	}
	return 0
}

// keepLowest sorts fs by less and keeps its max lowest entries; it
// reports whether any were dropped.
func keepLowest[F any](fs []F, max int, less func(a, b F) int) ([]F, bool) {
	slices.SortFunc(fs, less)
	if len(fs) > max {
		return fs[:max], true
	}
	return fs, false
}

// block is what one worker's share of an exact search found: local minima
// (at most about 2·maxMin, the lowest), whether any were dropped, and the
// number of configurations examined.
type block[F any] struct {
	minima    []F
	truncated bool
	count     int64
}

// mergeBlocks merges the blocks in block order (so the result does not
// depend on scheduling) into res's Configurations and Truncated, and
// returns the maxMin lowest minima, sorted by less.
func mergeBlocks[F any](res *Result, blocks []block[F], maxMin int, less func(a, b F) int) []F {
	var all []F
	var t bool
	for _, bl := range blocks {
		all = append(all, bl.minima...)
		res.Truncated = res.Truncated || bl.truncated
		res.Configurations += bl.count
		if len(all) > 2*maxMin {
			all, t = keepLowest(all, maxMin, less)
			res.Truncated = res.Truncated || t
		}
	}
	all, t = keepLowest(all, maxMin, less)
	res.Truncated = res.Truncated || t
	return all
}

// tolerance returns the tie tolerance of the fields: 0 for integers.
func tolerance[T number](p *Problem) T {
	var zero T
	if _, isFloat := any(zero).(float64); !isFloat {
		return 0
	}
	n := p.N()
	var m float64
	for i := range n {
		var s float64
		for j := range n {
			s += math.Abs(p.Sizes[j] * p.At(i, j))
		}
		m = max(m, s)
	}
	return T(1e-9 * m)
}

func exact2[T number](ctx context.Context, p *Problem, o Options) (*Result, error) {
	n := p.N()
	free := n - 1
	b := min(free, 6)
	m := free - b
	nblocks := 1 << b
	maxMin := o.maxMinima()

	// A[k*n+j] = 2 s_k p_jk: the change of g_j when actor k moves to side +1.
	A := make([]T, n*n)
	s := make([]T, n)
	for k := range n {
		s[k] = T(p.Sizes[k])
		for j := range n {
			A[k*n+j] = T(2 * p.Sizes[k] * p.At(j, k))
		}
	}
	tol := tolerance[T](p)
	// AS[(2k+0)·n+j] = −A[k·n+j], AS[(2k+1)·n+j] = +A[k·n+j].
	AS := make([]T, 2*n*n)
	for k := range n {
		for j := range n {
			AS[2*k*n+j] = -A[k*n+j]
			AS[(2*k+1)*n+j] = A[k*n+j]
		}
	}

	blocks := make([]block[found[T]], nblocks)
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := min(o.workers(), nblocks)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sig := make([]T, n)
			g := make([]T, n)
			for {
				bi := int(next.Add(1) - 1)
				if bi >= nblocks || ctx.Err() != nil {
					return
				}
				blocks[bi] = scan2(n, m, uint64(bi)<<(m+1), A, AS, s, sig, g, tol, maxMin)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	res := &Result{Problem: p, K: 2, Exact: true}
	all := mergeBlocks(res, blocks, maxMin, lessFound[T])
	res.Minima = make([]Minimum, len(all))
	for i, f := range all {
		sides := make([]int, n)
		for j := range n {
			sides[j] = int(f.x >> j & 1)
		}
		res.Minima[i] = newMinimum(p, sides)
	}
	sortMinima(res.Minima)
	finishGlobal(res, float64(tol))
	return res, nil
}

// finishGlobal sets Global and GlobalTies from the sorted minima.
func finishGlobal(res *Result, tol float64) {
	if len(res.Minima) == 0 {
		return
	}
	res.Global = res.Minima[0]
	e0 := res.Global.Energy
	etol := 4 * tol * float64(res.Problem.N()) * maxSize(res.Problem)
	for _, mm := range res.Minima {
		if mm.Energy-e0 <= etol {
			res.GlobalTies++
		}
	}
}

func maxSize(p *Problem) float64 {
	return slices.Max(p.Sizes)
}

// scan2 runs the Gray code over actors 1..m with the actors above m fixed
// by the bits of base (actor 0 on side 0), and returns the local minima
// met, at most about 2·maxMin of them (the lowest).
func scan2[T number](n, m int, base uint64, A, AS, s, sig, g []T, tol T, maxMin int) block[found[T]] {
	sig = sig[:n]
	g = g[:n]
	s = s[:n]
	for j := range n {
		sig[j] = 1
		if base>>j&1 == 1 {
			sig[j] = -1
		}
	}
	// g_j = Σ_l s_l p_jl σ_l, and E = Σ_{i≠j} J_ij (1 − σ_i σ_j)/2.
	var e T
	for j := range n {
		var v T
		for l := range n {
			v += A[l*n+j] / 2 * sig[l]
		}
		g[j] = v
	}
	for j := range n {
		for l := range n {
			if sig[j] != sig[l] {
				e += s[j] * A[l*n+j] / 2
			}
		}
	}
	var out block[found[T]]
	x := base
	isMin := func() bool {
		for j := range n {
			if sig[j]*g[j] < -tol {
				return false
			}
		}
		return true
	}
	if isMin() {
		out.minima = append(out.minima, found[T]{x, e})
	}
	limit := 2 * maxMin
	end := uint64(1) << m
	for i := uint64(1); i < end; i++ {
		k := bits.TrailingZeros64(i) + 1
		sk := sig[k]
		e += 2 * s[k] * sk * g[k] // ΔE = 2 s_k ΔF_k, ΔF_k = σ_k g_k
		sk = -sk
		sig[k] = sk
		x ^= 1 << k
		// Add σ_k·A_k to the fields: rows are stored for both signs.
		off := 2 * k * n
		if sk > 0 {
			off += n
		}
		row := AS[off : off+n]
		gg := g[:len(row)]
		for j, a := range row {
			gg[j] += a
		}
		bad := 0
		if sk*gg[k] < -tol {
			bad = 1
		} else {
			ss := sig[:len(gg)]
			for j, v := range gg {
				if ss[j]*v < -tol {
					bad = 1
					break
				}
			}
		}
		if bad == 0 {
			out.minima = append(out.minima, found[T]{x, e})
			if len(out.minima) > limit {
				var t bool
				out.minima, t = keepLowest(out.minima, maxMin, lessFound[T])
				out.truncated = out.truncated || t
			}
		}
	}
	out.count = int64(end)
	return out
}

func nan() float64 { return math.NaN() }
