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
	// Seed seeds the Random rule and the sampling of starts.
	Seed uint64
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
// Start t uses its own generator, PCG(o.Seed, t), for its sides (when
// sampled) and for the Random rule, so results do not depend on the
// number of workers or their scheduling. Minima reached that are not in
// res.Minima (a heuristic result, or one Truncated) are added to it.
func Basins(ctx context.Context, res *Result, o BasinOptions) error {
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
	index := map[string]int{}
	for i, m := range res.Minima {
		index[sidesKey(m.Sides)] = i
	}
	const chunk = 1024
	nchunks := (starts + chunk - 1) / chunk
	var next atomic.Int64
	var mu sync.Mutex
	counts := map[string]int64{}
	ends := map[string][]int{}
	var wg sync.WaitGroup
	workers := int(min(int64(Options{}.workers()), nchunks))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := NewDynamics(p, k)
			pcg := rand.NewPCG(0, 0)
			rng := rand.New(pcg)
			sides := make([]int, n)
			key := make([]byte, n)
			local := map[string]int{} // key -> index in localCounts
			var localCounts []int64
			var localEnds [][]int
			for {
				c := next.Add(1) - 1
				if c >= nchunks || ctx.Err() != nil {
					break
				}
				for t := c * chunk; t < min(starts, (c+1)*chunk); t++ {
					pcg.Seed(o.Seed, uint64(t))
					sides[0] = 0
					if sampled {
						for j := 1; j < n; j++ {
							sides[j] = rng.IntN(k)
						}
					} else {
						x := t
						for j := 1; j < n; j++ {
							sides[j] = int(x % int64(k))
							x /= int64(k)
						}
					}
					d.Descend(sides, o.Rule, rng, nil)
					Canonical(sides)
					for j, s := range sides {
						key[j] = byte(s)
					}
					if i, ok := local[string(key)]; ok {
						localCounts[i]++
					} else {
						local[string(key)] = len(localCounts)
						localCounts = append(localCounts, 1)
						localEnds = append(localEnds, append([]int(nil), sides...))
					}
				}
			}
			mu.Lock()
			for kk, i := range local {
				counts[kk] += localCounts[i]
				if _, ok := ends[kk]; !ok {
					ends[kk] = localEnds[i]
				}
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for i := range res.Minima {
		res.Minima[i].Basin, res.Minima[i].BasinCount = 0, 0
	}
	added := false
	for kk, v := range counts {
		i, ok := index[kk]
		if !ok {
			res.Minima = append(res.Minima, newMinimum(p, ends[kk]))
			i = len(res.Minima) - 1
			index[kk] = i
			added = true
		}
		res.Minima[i].BasinCount = v
	}
	for i := range res.Minima {
		res.Minima[i].Basin = float64(res.Minima[i].BasinCount) / float64(starts)
	}
	if added {
		sortMinima(res.Minima)
		if len(res.Minima) > 0 && (res.Global.Sides == nil || res.Minima[0].Energy < res.Global.Energy) {
			res.Global = res.Minima[0]
		}
	}
	for i := range res.Minima {
		if sidesKey(res.Minima[i].Sides) == sidesKey(res.Global.Sides) {
			res.Global = res.Minima[i]
		}
	}
	res.Basins = &BasinInfo{Rule: o.Rule, Starts: starts, Sampled: sampled, Seed: o.Seed}
	return nil
}

func sidesKey(sides []int) string {
	b := make([]byte, len(sides))
	for i, s := range sides {
		b[i] = byte(s)
	}
	return string(b)
}
