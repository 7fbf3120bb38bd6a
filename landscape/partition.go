package landscape

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
)

// PartitionCount returns the number of partitions of n actors into at most
// k non-empty unlabelled sides, Σ_{j≤k} S(n, j) with S the Stirling numbers
// of the second kind, as a float64 (it overflows int64 early).
func PartitionCount(n, k int) float64 {
	// S(i, j) = j·S(i−1, j) + S(i−1, j−1).
	row := make([]float64, k+1)
	row[0] = 1
	for i := 1; i <= n; i++ {
		for j := min(i, k); j >= 1; j-- {
			row[j] = float64(j)*row[j] + row[j-1]
		}
		row[0] = 0
	}
	var s float64
	for _, v := range row[1:] {
		s += v
	}
	return s
}

// kstate holds a partial or full assignment and the fields
// M[i*k+c] = Σ_{j on side c} s_j p_ij.
type kstate struct {
	p     *Problem
	n, k  int
	sides []int
	m     []float64
	total []float64 // T_i = Σ_j s_j p_ij
	tol   float64
}

func newKState(p *Problem, k int) *kstate {
	n := p.N()
	st := &kstate{p: p, n: n, k: k, sides: make([]int, n), m: make([]float64, n*k), total: make([]float64, n)}
	for i := range n {
		for j := range n {
			st.total[i] += p.Sizes[j] * p.At(i, j)
		}
	}
	if !p.integral {
		st.tol = tolerance[float64](p)
	}
	return st
}

// add puts actor i on side c (it must be on no side yet).
func (st *kstate) add(i, c int) {
	st.sides[i] = c
	si := st.p.Sizes[i]
	row := st.p.P[i*st.n : (i+1)*st.n]
	for j, x := range row {
		st.m[j*st.k+c] += si * x
	}
}

// remove takes actor i off side c.
func (st *kstate) remove(i, c int) {
	si := st.p.Sizes[i]
	row := st.p.P[i*st.n : (i+1)*st.n]
	for j, x := range row {
		st.m[j*st.k+c] -= si * x
	}
}

// isMin reports whether no actor can strictly lower its frustration by
// moving to another of the used sides, or to an empty one when used < k.
func (st *kstate) isMin(used int) bool {
	for i := range st.n {
		f := st.m[i*st.k : i*st.k+st.k]
		cur := f[st.sides[i]] + st.tol
		for c := range used {
			if f[c] > cur {
				return false
			}
		}
		if used < st.k && 0 > cur {
			return false
		}
	}
	return true
}

func (st *kstate) energy() float64 {
	var e float64
	for i := range st.n {
		e += st.p.Sizes[i] * (st.total[i] - st.m[i*st.k+st.sides[i]])
	}
	return e
}

type kfound struct {
	sides []int8
	e     float64
}

func lessK(a, b kfound) int {
	switch {
	case a.e < b.e:
		return -1
	case a.e > b.e:
		return 1
	}
	return slices.Compare(a.sides, b.sides)
}

// exactK enumerates the restricted growth strings of length n with at most
// k values (each partition once), with the fields updated as actors are
// placed. Prefixes of the first L actors are tasks; results are merged in
// task order.
func exactK(ctx context.Context, p *Problem, o Options) (*Result, error) {
	n, k := p.N(), o.k()
	maxMin := o.maxMinima()
	L := min(n, 8)
	var prefixes [][]int
	var gen func(pre []int, used int)
	gen = func(pre []int, used int) {
		if len(pre) == L {
			prefixes = append(prefixes, append([]int(nil), pre...))
			return
		}
		for c := 0; c <= min(used, k-1); c++ {
			gen(append(pre, c), max(used, c+1))
		}
	}
	gen([]int{0}, 1)

	blocks := make([]block[kfound], len(prefixes))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(o.workers(), len(prefixes)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := newKState(p, k)
			for {
				t := int(next.Add(1) - 1)
				if t >= len(prefixes) || ctx.Err() != nil {
					return
				}
				blocks[t] = st.scan(prefixes[t], maxMin)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := &Result{Problem: p, K: k, Exact: true}
	all := mergeBlocks(res, blocks, maxMin, lessK)
	res.Minima = make([]Minimum, len(all))
	for i, f := range all {
		sides := make([]int, n)
		for j, c := range f.sides {
			sides[j] = int(c)
		}
		res.Minima[i] = newMinimum(p, sides)
	}
	sortMinima(res.Minima)
	tol := 0.0
	if !p.integral {
		tol = tolerance[float64](p)
	}
	finishGlobal(res, tol)
	return res, nil
}

// scan enumerates every completion of prefix.
func (st *kstate) scan(prefix []int, maxMin int) block[kfound] {
	clear(st.m)
	used := 0
	for i, c := range prefix {
		st.add(i, c)
		used = max(used, c+1)
	}
	var out block[kfound]
	var rec func(i, used int)
	rec = func(i, used int) {
		if i == st.n {
			out.count++
			if st.isMin(used) {
				f := kfound{sides: make([]int8, st.n), e: st.energy()}
				for j, c := range st.sides {
					f.sides[j] = int8(c)
				}
				out.minima = append(out.minima, f)
				if len(out.minima) > 2*maxMin {
					var t bool
					out.minima, t = keepLowest(out.minima, maxMin, lessK)
					out.truncated = out.truncated || t
				}
			}
			return
		}
		for c := 0; c <= min(used, st.k-1); c++ {
			st.add(i, c)
			rec(i+1, max(used, c+1))
			st.remove(i, c)
		}
	}
	rec(len(prefix), used)
	return out
}
