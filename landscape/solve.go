package landscape

import (
	"context"
	"fmt"
)

// Method is the search method of Solve.
type Method int

const (
	Auto      Method = iota // Exact when feasible (see ExactFeasible), else Anneal
	ExactOnly               // Exact, or an error when too large
	Heuristic               // Anneal
)

var methodNames = []string{"auto", "exact", "anneal"}

func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// ParseMethod returns the Method named s: auto, exact or anneal.
func ParseMethod(s string) (Method, error) {
	for i, n := range methodNames {
		if n == s {
			return Method(i), nil
		}
	}
	return 0, fmt.Errorf("unknown method %q (want auto, exact or anneal)", s)
}

// AutoExact is the largest n Solve searches exactly with two coalitions
// under Auto (about a second on two cores).
const AutoExact = 26

// AutoExactConfigs bounds the partitions Solve enumerates under Auto with
// more than two coalitions.
const AutoExactConfigs = 1 << 22

// ExactFeasible reports whether Auto chooses exact search for n actors and
// at most k coalitions.
func ExactFeasible(n, k int) bool {
	if k <= 2 {
		return n <= AutoExact
	}
	return PartitionCount(n, k) <= AutoExactConfigs
}

// SolveOptions control Solve.
type SolveOptions struct {
	Method Method
	// K is the largest number of coalitions (2 when 0).
	K int
	// Exact and Anneal are passed to the chosen method (their K is set
	// from K).
	Exact  Options
	Anneal AnnealOptions
	// Basins, when set, computes basins of attraction with BasinOptions.
	Basins bool
	BasinOptions
}

// Solve finds the minima of p with the chosen method and, optionally,
// their basins: the one entry point for front ends.
func Solve(ctx context.Context, p *Problem, o SolveOptions) (*Result, error) {
	k := o.K
	if k == 0 {
		k = 2
	}
	if k < 2 || k > MaxK {
		return nil, fmt.Errorf("landscape: %d coalitions, want 2..%d", k, MaxK)
	}
	var res *Result
	var err error
	m := o.Method
	if m == Auto {
		m = Heuristic
		if ExactFeasible(p.N(), k) {
			m = ExactOnly
		}
	}
	switch m {
	case ExactOnly:
		eo := o.Exact
		eo.K, eo.Basins = k, false
		res, err = Exact(ctx, p, eo)
	case Heuristic:
		ao := o.Anneal
		ao.K = k
		res, err = Anneal(ctx, p, ao)
	default:
		return nil, fmt.Errorf("landscape: unknown method %d", int(m))
	}
	if err != nil {
		return nil, err
	}
	if o.Basins {
		if err := Basins(ctx, res, o.BasinOptions); err != nil {
			return nil, err
		}
	}
	return res, nil
}
