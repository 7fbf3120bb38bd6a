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

// Options control Solve, and Exact, Anneal and Basins when called alone:
// what to search for and how to seed it; Exact, Anneal and Basins hold
// tuning only.
type Options struct {
	// Method chooses the search (Solve only).
	Method Method
	// K is the largest number of coalitions (2 when 0).
	K int
	// Seed seeds the heuristic (run r draws from PCG(Seed, r)) and the
	// basins (the Random rule and sampled starts).
	Seed uint64
	// Basins, when not nil, makes Solve compute the basins of attraction
	// of the minima found, tuned by it.
	Basins *BasinOptions
	// Exact tunes the exact search, Anneal the heuristic.
	Exact  ExactOptions
	Anneal AnnealOptions
}

// Searches named in Result.Method.
const (
	SearchExact     = "exact"
	SearchTempering = "parallel tempering"
	SearchAnnealing = "simulated annealing"
)

func (o Options) k() int {
	if o.K == 0 {
		return 2
	}
	return o.K
}

// validate reports K or a tuning option out of bounds.
func (o Options) validate() error {
	if k := o.k(); k < 2 || k > MaxK {
		return fmt.Errorf("landscape: K = %d, want 2..%d coalitions", o.K, MaxK)
	}
	return o.Anneal.Validate()
}

// Solve finds the minima of p with the chosen method and, when o.Basins is
// set, their basins: the one entry point for front ends. Result.Method
// names the search that ran.
func Solve(ctx context.Context, p *Problem, o Options) (*Result, error) {
	if err := o.validate(); err != nil {
		return nil, err
	}
	search := Exact
	switch o.Method {
	case Auto:
		if !ExactFeasible(p.N(), o.k()) {
			search = Anneal
		}
	case ExactOnly:
	case Heuristic:
		search = Anneal
	default:
		return nil, fmt.Errorf("landscape: unknown method %d", int(o.Method))
	}
	res, err := search(ctx, p, o)
	if err != nil {
		return nil, err
	}
	if o.Basins != nil {
		if err := Basins(ctx, res, o); err != nil {
			return nil, err
		}
	}
	return res, nil
}
