package landscape

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
)

// Rule is the order in which actors move under the myopic dynamics.
type Rule int

const (
	// Steepest: at each step the actor whose move lowers its own
	// frustration the most moves, to the side that lowers it the most;
	// ties go to the lowest actor index, then the lowest side.
	Steepest Rule = iota
	// Sequential: actors are visited cyclically in index order, starting
	// after the last actor that moved (at actor 0 at first); the first
	// one that can strictly lower its frustration moves to its best side.
	Sequential
	// Random: at each step one actor is drawn uniformly from those that
	// can strictly lower their frustration and moves to its best side.
	// The draws come from a seeded generator.
	Random
)

var ruleNames = []string{"steepest", "sequential", "random"}

func (r Rule) String() string {
	if int(r) < len(ruleNames) {
		return ruleNames[r]
	}
	return fmt.Sprintf("Rule(%d)", int(r))
}

// MarshalJSON encodes r as its name.
func (r Rule) MarshalJSON() ([]byte, error) { return json.Marshal(r.String()) }

// ParseRule returns the Rule with the given name.
func ParseRule(s string) (Rule, error) {
	for i, n := range ruleNames {
		if n == s {
			return Rule(i), nil
		}
	}
	return 0, fmt.Errorf("unknown rule %q (want steepest, sequential or random)", s)
}

// Dynamics runs the myopic dynamics of Axelrod & Bennett (1993) on one
// problem: an actor moves when moving strictly lowers its own frustration
// F_i. Since the energy changes by ΔE = 2·s_k·ΔF_k, every move lowers E,
// so the dynamics stop at a local minimum. A Dynamics holds scratch space
// and is not safe for concurrent use.
type Dynamics struct {
	st    *kstate
	k     int
	used  []int // actors per side
	last  int
	cands []int
	dest  []int
}

// NewDynamics returns dynamics for p with at most k coalitions (k ≥ 2).
func NewDynamics(p *Problem, k int) *Dynamics {
	if k < 2 {
		panic(fmt.Sprintf("landscape: %d coalitions, want at least 2", k))
	}
	return &Dynamics{st: newKState(p, k), k: k, used: make([]int, k)}
}

// Step is one move of an actor from one side to another.
type Step struct {
	Actor    int
	From, To int
	DeltaF   float64 // change of the actor's frustration (negative)
	DeltaE   float64 // change of the energy: 2·s·DeltaF
}

// Descend moves actors from the configuration sides (labels 0..k−1,
// changed in place) under rule until no actor can strictly lower its
// frustration, and returns the number of moves. rng is used by Random
// only and may be nil otherwise. If trace is not nil, every move is
// appended to it.
//
// A move to an empty side is allowed only when it lowers frustration,
// which happens when the actor's propensities toward its current side sum
// to less than zero.
func (d *Dynamics) Descend(sides []int, rule Rule, rng *rand.Rand, trace *[]Step) int {
	st := d.st
	if len(sides) != st.n {
		panic(fmt.Sprintf("landscape: %d sides for %d actors", len(sides), st.n))
	}
	if rule == Random && rng == nil {
		panic("landscape: the Random rule needs a generator")
	}
	d.reset(sides)
	moves := 0
	d.last = st.n - 1
	for {
		i, c, gain := d.pick(rule, rng)
		if i < 0 {
			break
		}
		from := st.sides[i]
		if trace != nil {
			df := -gain
			*trace = append(*trace, Step{Actor: i, From: from, To: c, DeltaF: df, DeltaE: 2 * st.p.Sizes[i] * df})
		}
		st.remove(i, from)
		d.used[from]--
		st.add(i, c)
		d.used[c]++
		d.last = i
		moves++
	}
	copy(sides, st.sides)
	return moves
}

func (d *Dynamics) reset(sides []int) {
	st := d.st
	clear(st.m)
	clear(d.used)
	for i, c := range sides {
		if c < 0 || c >= d.k {
			panic(fmt.Sprintf("landscape: actor %d on side %d, want 0..%d", i, c, d.k-1))
		}
		st.add(i, c)
		d.used[c]++
	}
}

// best returns actor i's best destination and the decrease of its
// frustration there (0 and −1 when no move strictly lowers it).
func (d *Dynamics) best(i int) (int, float64) {
	st := d.st
	f := st.m[i*d.k : i*d.k+d.k]
	cur := st.sides[i]
	if d.k == 2 {
		if g := f[1-cur] - f[cur]; g > st.tol {
			return 1 - cur, g
		}
		return -1, 0
	}
	to, gain := -1, 0.0
	emptyTried := false
	for c := range d.k {
		if c == cur {
			continue
		}
		if d.used[c] == 0 {
			// All empty sides are equivalent: try the first only.
			if emptyTried {
				continue
			}
			emptyTried = true
		}
		if g := f[c] - f[cur]; g > st.tol && g > gain {
			to, gain = c, g
		}
	}
	return to, gain
}

// pick chooses the next move under rule, or returns i = −1 at a local
// minimum.
func (d *Dynamics) pick(rule Rule, rng *rand.Rand) (i, c int, gain float64) {
	n := d.st.n
	switch rule {
	case Steepest:
		i, c = -1, -1
		for a := range n {
			if to, g := d.best(a); to >= 0 && g > gain {
				i, c, gain = a, to, g
			}
		}
		return i, c, gain
	case Sequential:
		for off := 1; off <= n; off++ {
			a := (d.last + off) % n
			if to, g := d.best(a); to >= 0 {
				return a, to, g
			}
		}
		return -1, -1, 0
	case Random:
		d.cands = d.cands[:0]
		for a := range n {
			if to, _ := d.best(a); to >= 0 {
				d.cands = append(d.cands, a)
			}
		}
		if len(d.cands) == 0 {
			return -1, -1, 0
		}
		a := d.cands[rng.IntN(len(d.cands))]
		to, g := d.best(a)
		return a, to, g
	}
	panic(fmt.Sprintf("landscape: unknown rule %d", int(rule)))
}
