package simulate

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// Shard is part Index (0-based) of Count parts of a Monte Carlo run.
type Shard struct {
	Index int `json:"index"`
	Count int `json:"count"`
}

// ParseShard reads "i/N" (0 ≤ i < N).
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(strings.TrimSpace(s), "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil {
		return Shard{}, fmt.Errorf("shard %q: want i/N, the 0-based part i of N (e.g. 0/4)", s)
	}
	sh := Shard{i, n}
	return sh, sh.Validate()
}

// Validate checks 0 ≤ Index < Count.
func (s Shard) Validate() error {
	if s.Count < 1 || s.Index < 0 || s.Index >= s.Count {
		return fmt.Errorf("shard %d/%d: want 0 <= i < N and N >= 1", s.Index, s.Count)
	}
	return nil
}

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// Runs returns the runs [from, to) of shard s of total runs: contiguous
// blocks, the first total mod N shards one run longer, so that the
// shards in order are the runs in order.
func (s Shard) Runs(total int) (from, to int) {
	q, r := total/s.Count, total%s.Count
	from = s.Index*q + min(s.Index, r)
	to = from + q
	if s.Index < r {
		to++
	}
	return from, to
}

// Simulate runs the runs [from, to) of the plan with the given seed on
// workers goroutines (GOMAXPROCS when 0) and passes each Result to emit
// in run order. Run r draws from PCG(seed, r) alone, so the results do
// not depend on the workers or on the shard. Memory is bounded by a
// window of results, whatever the number of runs. emit must not keep
// the Result. Simulate stops at the first error of emit or when ctx is
// done.
func (p *Plan) Simulate(ctx context.Context, seed uint64, from, to, workers int, emit func(*Result) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := 32 * workers
	results := make([]Result, window)
	states := make([]*runState, workers)
	for w := range states {
		states[w] = newRunState(p)
	}
	for lo := from; lo < to; lo += window {
		if err := ctx.Err(); err != nil {
			return err
		}
		hi := min(lo+window, to)
		var wg sync.WaitGroup
		var mu sync.Mutex
		next := lo
		for w := range workers {
			wg.Add(1)
			go func(st *runState) {
				defer wg.Done()
				for {
					mu.Lock()
					r := next
					next++
					mu.Unlock()
					if r >= hi {
						return
					}
					st.simulate(r, seed, &results[r-lo])
				}
			}(states[w])
		}
		wg.Wait()
		for r := lo; r < hi; r++ {
			if err := emit(&results[r-lo]); err != nil {
				return err
			}
		}
	}
	return nil
}
