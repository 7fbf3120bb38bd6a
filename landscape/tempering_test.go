package landscape

import (
	"math/rand/v2"
	"testing"
)

// TestTemperingEnergies checks that parallel tempering's running energies
// are the replicas' exact energies (integral inputs) after every run, and
// that the returned state is no higher than any replica's.
func TestTemperingEnergies(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(23, 24))
	for trial := range 20 {
		n := 2 + rng.IntN(40)
		p := randomProblem(n, rng)
		a := newAnnealer(p, 2, twoSideRows(p))
		betas := ladder(6, 0.5*moveScale(p), 0.05*moveScale(p))
		sides := make([]int, n)
		a.temper2(sides, rand.New(rand.NewPCG(uint64(trial), 0)), 1+rng.IntN(30), betas)
		best := p.Energy(sides)
		rs := make([]int, n)
		for r := range betas {
			for i := range n {
				rs[i] = 0
				if a.rsig[r*n+i] < 0 {
					rs[i] = 1
				}
			}
			if e := p.Energy(rs); e != a.re[r] {
				t.Fatalf("trial %d (n=%d): replica %d has E = %v, tracked %v", trial, n, r, e, a.re[r])
			} else if e < best {
				t.Fatalf("trial %d (n=%d): replica %d has E = %v below the returned %v", trial, n, r, e, best)
			}
		}
	}
}
