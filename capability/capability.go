// Package capability computes composite indices of national capability.
package capability

import "github.com/entente/entente/world"

// Index computes a composite capability index for n states from k
// components, the rule of the Composite Index of National Capability
// (CINC; Singer, Bremer & Stuckey 1972):
//
//	share_ic = x_ic / Σ_j x_jc   for each component c
//	index_i  = mean over c of i's available shares share_ic
//
// value(i, c) returns component c of state i. Each sum runs over the states
// that have component c. A component missing for state i is left out of
// i's mean (the NMC v6.0 codebook's rule), so a state's index rests on the
// shares it has; a state with no components has a missing index; a
// component whose total is zero gives no shares. out, when its capacity
// suffices, is reused; the result is aligned with the states 0..n-1.
func Index(n, k int, value func(i, c int) world.Value, out []world.Value) []world.Value {
	total := make([]float64, k)
	for i := 0; i < n; i++ {
		for c := 0; c < k; c++ {
			if v := value(i, c); v.OK() {
				total[c] += float64(v)
			}
		}
	}
	out = out[:0]
	for i := 0; i < n; i++ {
		var sum float64
		m := 0
		for c := 0; c < k; c++ {
			if v := value(i, c); v.OK() && total[c] > 0 {
				sum += float64(v) / total[c]
				m++
			}
		}
		if m == 0 {
			out = append(out, world.Missing())
			continue
		}
		out = append(out, world.Known(sum/float64(m)))
	}
	return out
}
