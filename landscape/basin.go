package landscape

import (
	"context"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
)

// BasinOptions control how basins of attraction are computed.
type BasinOptions struct {
	// Rule is the move order of the dynamics (Steepest by default).
	Rule Rule
	// Samples is the number of random starting configurations. When 0,
	// every starting configuration is descended if there are at most
	// ExhaustiveStarts of them, and DefaultSamples are drawn otherwise.
	Samples int64
}

// ExhaustiveStarts is the largest number of starting configurations
// Basins descends one by one when Samples is 0 (k^(n−1) ≤ 2^21: n ≤ 22
// with two coalitions).
const ExhaustiveStarts = 1 << 21

// DefaultSamples is the most random starts drawn when there are more than
// ExhaustiveStarts starting configurations and Samples is 0; for large n
// fewer are drawn, 2^27/n² but at least 1,000, to bound the work.
const DefaultSamples = 1 << 17

func autoSamples(n int) int64 {
	return max(1000, min(DefaultSamples, (1<<27)/int64(n*n)))
}

// Basins computes the basin of attraction of every minimum in res: the
// share of starting configurations from which the dynamics (under
// o.Rule) end at it. Starting configurations are the k^(n−1) assignments
// of actors 1..n−1 to k labelled sides with actor 0 on side 0 (with k = 2,
// all 2^(n−1) bipartitions), every one of them when there are at most
// ExhaustiveStarts, otherwise o.Samples (see DefaultSamples) drawn uniformly:
// each actor's side independently uniform. Axelrod & Bennett (1993)
// define the basin over all configurations; sampling is our departure for
// large n, and the shares are then estimates with standard error
// √(b(1−b)/samples).
//
// The rule and samples are o.Basins's (the defaults when nil). Start t
// uses its own generator, PCG(o.Seed, t), for its sides (when
// sampled) and for the Random rule, so results do not depend on the
// number of workers or their scheduling. Minima reached that are not in
// res.Minima (a heuristic result, or one Truncated) are added to it.
func Basins(ctx context.Context, res *Result, opt Options) error {
	var o BasinOptions
	if opt.Basins != nil {
		o = *opt.Basins
	}
	p := res.Problem
	n, k := p.N(), res.K
	total := math.Pow(float64(k), float64(n-1))
	starts, sampled := o.Samples, o.Samples > 0
	if !sampled {
		if total <= ExhaustiveStarts {
			starts = int64(total)
		} else {
			starts, sampled = autoSamples(n), true
		}
	}
	const chunk = 1024
	nchunks := (starts + chunk - 1) / chunk
	var next atomic.Int64
	var mu sync.Mutex
	all := newTally()
	var wg sync.WaitGroup
	for range min(int64(workersOr(0)), nchunks) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := newBasinWalker(p, k, o, opt.Seed, sampled)
			for {
				c := next.Add(1) - 1
				if c >= nchunks || ctx.Err() != nil {
					break
				}
				for t := c * chunk; t < min(starts, (c+1)*chunk); t++ {
					b.walk(t)
				}
			}
			mu.Lock()
			all.merge(b.tally)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	res.setBasins(all, starts)
	res.Basins = &BasinInfo{Rule: o.Rule, Starts: starts, Sampled: sampled, Seed: opt.Seed}
	return nil
}

// tally counts the ends of descents by canonical configuration. Counts are
// sums, so merging tallies in any order gives the same result.
type tally struct {
	index  map[string]int // key -> position in counts and ends
	counts []int64
	ends   [][]int
}

func newTally() *tally { return &tally{index: map[string]int{}} }

// add counts one descent ending at sides (canonical), keyed by key.
func (t *tally) add(key []byte, sides []int, c int64) {
	if i, ok := t.index[string(key)]; ok {
		t.counts[i] += c
		return
	}
	t.index[string(key)] = len(t.counts)
	t.counts = append(t.counts, c)
	t.ends = append(t.ends, append([]int(nil), sides...))
}

func (t *tally) merge(u *tally) {
	for key, i := range u.index {
		t.add([]byte(key), u.ends[i], u.counts[i])
	}
}

// basinWalker descends from starting configurations by index.
type basinWalker struct {
	d       *Dynamics
	pcg     *rand.PCG
	rng     *rand.Rand
	o       BasinOptions
	seed    uint64
	sampled bool
	sides   []int
	key     []byte
	tally   *tally
}

func newBasinWalker(p *Problem, k int, o BasinOptions, seed uint64, sampled bool) *basinWalker {
	pcg := rand.NewPCG(0, 0)
	return &basinWalker{d: NewDynamics(p, k), pcg: pcg, rng: rand.New(pcg), o: o, seed: seed, sampled: sampled,
		sides: make([]int, p.N()), key: make([]byte, p.N()), tally: newTally()}
}

// walk descends from start t: the t-th configuration in base-k order with
// actor 0 on side 0, or a uniform draw from PCG(seed, t) when sampled.
func (b *basinWalker) walk(t int64) {
	k := b.d.k
	sides := b.sides
	b.pcg.Seed(b.seed, uint64(t))
	sides[0] = 0
	if b.sampled {
		for j := 1; j < len(sides); j++ {
			sides[j] = b.rng.IntN(k)
		}
	} else {
		x := t
		for j := 1; j < len(sides); j++ {
			sides[j] = int(x % int64(k))
			x /= int64(k)
		}
	}
	b.d.Descend(sides, b.o.Rule, b.rng, nil)
	Canonical(sides)
	for j, s := range sides {
		b.key[j] = byte(s)
	}
	b.tally.add(b.key, sides, 1)
}

// setBasins stores the counts of t in res.Minima, adding minima reached
// that are not listed, and refreshes Global.
func (res *Result) setBasins(t *tally, starts int64) {
	index := map[string]int{}
	for i, m := range res.Minima {
		index[sidesKey(m.Sides)] = i
		res.Minima[i].Basin, res.Minima[i].BasinCount = 0, 0
	}
	added := false
	for key, j := range t.index {
		i, ok := index[key]
		if !ok {
			res.Minima = append(res.Minima, newMinimum(res.Problem, t.ends[j]))
			i = len(res.Minima) - 1
			index[key] = i
			added = true
		}
		res.Minima[i].BasinCount = t.counts[j]
	}
	for i := range res.Minima {
		res.Minima[i].Basin = float64(res.Minima[i].BasinCount) / float64(starts)
	}
	if added {
		sortMinima(res.Minima)
		if res.Global.Sides == nil || res.Minima[0].Energy < res.Global.Energy {
			res.Global = res.Minima[0]
		}
	}
	g := sidesKey(res.Global.Sides)
	for i := range res.Minima {
		if sidesKey(res.Minima[i].Sides) == g {
			res.Global = res.Minima[i]
		}
	}
}

func sidesKey(sides []int) string {
	b := make([]byte, len(sides))
	for i, s := range sides {
		b[i] = byte(s)
	}
	return string(b)
}
