package network

import (
	"math"
	"slices"
)

// Components returns the connected components of n with at least one tie,
// largest first (ties broken by the smallest ccode), each as sorted node
// indexes. States without ties are left out: each would be a component of
// its own.
func (n *Network) Components() [][]int {
	seen := make([]bool, len(n.Nodes))
	var out [][]int
	for s := range n.Nodes {
		if seen[s] || len(n.adj[s]) == 0 {
			continue
		}
		comp := []int{s}
		seen[s] = true
		for k := 0; k < len(comp); k++ {
			for _, v := range n.adj[comp[k]] {
				if !seen[v] {
					seen[v] = true
					comp = append(comp, v)
				}
			}
		}
		slices.Sort(comp)
		out = append(out, comp)
	}
	sortBySize(out)
	return out
}

// Density returns 2m / (N(N−1)) over the N states of the system, or NaN
// for fewer than two states.
func (n *Network) Density() float64 {
	N := len(n.Nodes)
	if N < 2 {
		return math.NaN()
	}
	return 2 * float64(len(n.Ties)) / float64(N*(N-1))
}

// Centralization returns Freeman's degree centralization of the whole
// network over all N states (isolates included), as Graph.Centralization:
// Σ_i (d_max − d_i) / ((N − 1)(N − 2)); NaN for fewer than three states.
func (n *Network) Centralization() float64 {
	N := len(n.Nodes)
	if N < 3 {
		return math.NaN()
	}
	dmax := 0
	for i := range n.adj {
		dmax = max(dmax, len(n.adj[i]))
	}
	sum := 0
	for i := range n.adj {
		sum += dmax - len(n.adj[i])
	}
	return float64(sum) / float64((N-1)*(N-2))
}

// Clustering returns the global clustering coefficient (transitivity)
//
//	T = 3 × triangles / connected triples = Σ_i t_i / Σ_i d_i(d_i − 1)/2,
//
// where t_i counts the ties among i's neighbours: the probability that two
// allies of a state are allied to each other (Wasserman & Faust 1994,
// §14.3; Maoz 2010 reads it as the alliance network's cliquishness). NaN
// when no state has two ties.
func (n *Network) Clustering() float64 {
	tri, triples := 0, 0
	mark := make([]bool, len(n.Nodes))
	for _, nb := range n.adj {
		d := len(nb)
		triples += d * (d - 1) / 2
		if d < 2 {
			continue
		}
		for _, v := range nb {
			mark[v] = true
		}
		for _, v := range nb {
			for _, w := range n.adj[v] {
				if w > v && mark[w] {
					tri++
				}
			}
		}
		for _, v := range nb {
			mark[v] = false
		}
	}
	if triples == 0 {
		return math.NaN()
	}
	return float64(tri) / float64(triples)
}

// sortBySize orders groups of sorted node indexes largest first, then by
// their first node.
func sortBySize(gs [][]int) {
	slices.SortStableFunc(gs, func(a, b []int) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return a[0] - b[0]
	})
}
