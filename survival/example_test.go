package survival_test

import (
	"fmt"

	"github.com/entente/entente/survival"
)

// Six alliances, durations in years; false marks one still in force.
func ExampleKaplanMeier() {
	d := &survival.Data{
		Stop:  []float64{2, 3, 3, 5, 8, 12},
		Event: []bool{true, true, false, true, false, true},
	}
	km, err := survival.KaplanMeier(d, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range km.Steps {
		fmt.Printf("t=%g at risk %d ended %d S=%.3f (%.3f, %.3f)\n", s.Time, s.AtRisk, s.Events, s.Surv, s.Lower, s.Upper)
	}
	m, lo, hi := km.Median()
	fmt.Printf("median %g (%g, %g)\n", m, lo, hi)
	// Output:
	// t=2 at risk 6 ended 1 S=0.833 (0.583, 1.000)
	// t=3 at risk 5 ended 1 S=0.667 (0.379, 1.000)
	// t=5 at risk 3 ended 1 S=0.444 (0.167, 1.000)
	// t=8 at risk 2 ended 0 S=0.444 (0.167, 1.000)
	// t=12 at risk 1 ended 1 S=0.000 (NaN, NaN)
	// median 5 (3, NaN)
}

// A Cox model whose covariates are linear combinations of each other is an
// error naming them, not NaN coefficients.
func ExampleFitCox_collinear() {
	d := &survival.Data{
		Stop:  []float64{2, 3, 3, 5, 8, 12},
		Event: []bool{true, true, false, true, false, true},
		Names: []string{"defense", "nonagg", "total"},
		X: [][]float64{
			{1, 1, 0, 0, 1, 0},
			{0, 1, 1, 1, 0, 0},
			{1, 2, 1, 1, 1, 0},
		},
	}
	_, err := survival.FitCox(d, survival.CoxOptions{})
	fmt.Println(err)
	// Output:
	// collinear covariates: "defense", "nonagg", "total" are linearly dependent; drop one
}
