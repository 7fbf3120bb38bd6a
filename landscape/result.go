package landscape

import (
	"cmp"
	"slices"
)

// Minimum is a local minimum of the energy: a configuration in which no
// actor can strictly lower its own frustration by moving to another side.
type Minimum struct {
	// Sides holds each actor's coalition, canonical (see Canonical): actor
	// 0 is on side 0.
	Sides []int `json:"-"`
	// Energy is E of the configuration.
	Energy float64 `json:"energy"`
	// Frustration holds F_i for every actor; s_i·F_i sums to Energy.
	Frustration []float64 `json:"frustration"`
	// Basin is the share of starting configurations that the dynamics
	// carry to this minimum; NaN when basins were not computed.
	Basin float64 `json:"-"`
	// BasinCount is the number of starting configurations counted in
	// Basin.
	BasinCount int64 `json:"-"`
}

// Result is the outcome of a search: the global minimum and the local
// minima found, sorted by energy and then by configuration.
type Result struct {
	Problem *Problem
	// K is the largest number of coalitions allowed.
	K int
	// Exact is true when every configuration was examined: Global is then
	// the global minimum and Minima every local minimum (unless
	// Truncated).
	Exact bool
	// Global is a configuration of the lowest energy found, the first in
	// the order of Minima.
	Global Minimum
	// GlobalTies counts the configurations (up to relabelling the sides)
	// sharing the global energy; 1 when the minimum is unique. Exact
	// searches only; 0 otherwise.
	GlobalTies int
	// Minima lists local minima by increasing energy.
	Minima []Minimum
	// Truncated reports that more local minima exist than were kept
	// (Options.MaxMinima).
	Truncated bool
	// Configurations is the number of configurations examined (exact) or
	// of annealing runs (heuristic).
	Configurations int64
	// Basins describes how basins were computed; nil when they were not.
	Basins *BasinInfo
	// Method names the search that ran: SearchExact, SearchTempering or
	// SearchAnnealing.
	Method string
}

// BasinInfo says how the basins in a Result were computed.
type BasinInfo struct {
	Rule    Rule   `json:"rule"`
	Starts  int64  `json:"starts"`  // starting configurations descended
	Sampled bool   `json:"sampled"` // a uniform random sample rather than every configuration
	Seed    uint64 `json:"seed"`
}

// sortMinima orders minima by energy, then lexicographically by sides.
func sortMinima(ms []Minimum) {
	slices.SortFunc(ms, func(a, b Minimum) int {
		if c := cmp.Compare(a.Energy, b.Energy); c != 0 {
			return c
		}
		return slices.Compare(a.Sides, b.Sides)
	})
}

// newMinimum builds a Minimum of sides (canonicalised in place) with exact
// energy and frustrations.
func newMinimum(p *Problem, sides []int) Minimum {
	Canonical(sides)
	f := p.Frustration(sides)
	var e float64
	for i, x := range f {
		e += p.Sizes[i] * x
	}
	return Minimum{Sides: sides, Energy: e, Frustration: f, Basin: nan()}
}

// Coalitions returns the actors' names grouped by side, sides in label
// order.
func (m Minimum) Coalitions(p *Problem) [][]string {
	var out [][]string
	for i, c := range m.Sides {
		for len(out) <= c {
			out = append(out, nil)
		}
		out[c] = append(out[c], p.Names[i])
	}
	return out
}
