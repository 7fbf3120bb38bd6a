package landscape

import (
	"math"
	"math/rand/v2"
)

// temper2 runs parallel tempering for two coalitions from random
// configurations into sides: len(betas) replicas, one per inverse
// temperature (betas ascending: hottest first), each sweeping in turn,
// then exchanges between neighbours. sides receives the lowest state seen.
func (a *annealer) temper2(sides []int, rng *rand.Rand, rounds int, betas []float64) {
	n := len(sides)
	m := len(betas)
	p := a.d.st.p
	size := p.Sizes
	w := a.w
	if len(a.rsig) < m*n {
		a.rsig = make([]float64, m*n)
		a.rg = make([]float64, m*n)
		a.re = make([]float64, m)
		a.perm = make([]int, m)
	}
	rsig, rg, re, perm := a.rsig[:m*n], a.rg[:m*n], a.re[:m], a.perm[:m]
	// Energy offset: E = C − ½ Σ_i s_i σ_i g_i with C = ½ Σ_{i≠j} s_i s_j p_ij.
	var c float64
	for i := range n {
		for j := range n {
			c += w[i*n+j] / 2 * size[j]
		}
	}
	c /= 2
	for r := range m {
		perm[r] = r
		sig, g := rsig[r*n:r*n+n], rg[r*n:r*n+n]
		for i := range sig {
			sig[i] = float64(1 - 2*rng.IntN(2))
		}
		var e float64
		for j := range n {
			var v float64
			for i := range n {
				v += w[i*n+j] / 2 * sig[i]
			}
			g[j] = v
			e += size[j] * sig[j] * v
		}
		re[r] = c - e/2
	}
	best := math.Inf(1)
	bestSig := a.sig[:n]
	for range rounds {
		for t, beta := range betas {
			r := perm[t]
			sig, g := rsig[r*n:r*n+n], rg[r*n:r*n+n]
			e := re[r]
			for i := range n {
				dE := 2 * size[i] * sig[i] * g[i]
				if dE > 0 && !accept(dE*beta, rng) {
					continue
				}
				e += dE
				s := -sig[i]
				sig[i] = s
				row := w[i*n : i*n+n]
				gg := g[:len(row)]
				for j, x := range row {
					gg[j] += s * x
				}
			}
			re[r] = e
			if e < best {
				best = e
				copy(bestSig, sig)
			}
		}
		for t := 0; t+1 < m; t++ {
			lo, hi := perm[t], perm[t+1]
			x := (betas[t+1] - betas[t]) * (re[hi] - re[lo])
			if x < 0 && !accept(-x, rng) {
				continue
			}
			perm[t], perm[t+1] = hi, lo
		}
	}
	for i := range sides {
		sides[i] = 0
		if bestSig[i] < 0 {
			sides[i] = 1
		}
	}
}
