package landscape

import (
	"context"
	"math/rand/v2"
	"testing"
)

// TestSolveMethod: Solve names the search that ran in Result.Method, and
// computes basins only when asked.
func TestSolveMethod(t *testing.T) {
	t.Parallel()
	p := randomProblem(8, rand.New(rand.NewPCG(1, 2)))
	for _, tc := range []struct {
		name string
		o    Options
		want string
	}{
		{"auto, small", Options{}, SearchExact},
		{"exact", Options{Method: ExactOnly, K: 3}, SearchExact},
		{"heuristic, two sides", Options{Method: Heuristic, Seed: 1}, SearchTempering},
		{"heuristic, one replica", Options{Method: Heuristic, Seed: 1, Anneal: AnnealOptions{Replicas: 1}}, SearchAnnealing},
		{"heuristic, three sides", Options{Method: Heuristic, K: 3, Seed: 1}, SearchAnnealing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Solve(context.Background(), p, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if res.Method != tc.want {
				t.Errorf("Method = %q, want %q", res.Method, tc.want)
			}
			if res.Basins != nil {
				t.Errorf("basins computed without Options.Basins")
			}
		})
	}
	res, err := Solve(context.Background(), p, Options{Seed: 7, Basins: &BasinOptions{Rule: Random}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Basins == nil || res.Basins.Seed != 7 || res.Basins.Rule != Random {
		t.Errorf("basins %+v, want the Random rule seeded with 7", res.Basins)
	}
	if _, err := Solve(context.Background(), p, Options{K: 1}); err == nil {
		t.Errorf("K = 1 accepted")
	}
}
