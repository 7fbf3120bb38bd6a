package similarity_test

import (
	"fmt"

	"github.com/entente/entente/similarity"
	"github.com/entente/entente/world"
)

// Two portfolios that move together but are shifted by one level: tau-b
// sees perfect agreement, S does not.
func ExampleS() {
	x := []int{0, 1, 2, 2}
	y := []int{1, 2, 3, 3}
	s, _ := similarity.S(x, y, nil, similarity.Absolute, 3)
	tau, _ := similarity.TauB(x, y)
	fmt.Printf("S = %.4f, tau-b = %.0f\n", s, tau)
	// Output: S = 0.3333, tau-b = 1
}

// Chance-corrected agreement of two binary portfolios whose agreement
// table is (.6, .2 / .2, 0).
func ExampleKappa() {
	x := []int{0, 0, 0, 1, 0}
	y := []int{0, 0, 0, 0, 1}
	s, _ := similarity.S(x, y, nil, similarity.Absolute, 1)
	k, _ := similarity.Kappa(x, y, similarity.Quadratic)
	p, _ := similarity.Pi(x, y, similarity.Quadratic)
	fmt.Printf("S = %.2f, kappa = %.2f, pi = %.2f\n", s, k, p)
	// Output: S = 0.20, kappa = -0.25, pi = -0.25
}

// Portfolios of a three-state system under the ATOP valuation: 0 pledges
// defense to 1, 1 pledges only neutrality to 0. With directed ties each
// portfolio is the state's own pledges (0: 3, 3, 0; 1: 2, 3, 0); with
// symmetric ties the pair takes the higher level in both.
func ExamplePortfolios() {
	for _, ties := range []similarity.Ties{similarity.Directed, similarity.Symmetric} {
		p := similarity.NewPortfolios(3, similarity.ATOP, ties)
		p.Tie(0, 1, world.Obligations(0).With(world.Defense))
		p.Tie(1, 0, world.Obligations(0).With(world.Neutrality))
		m := p.Measures(0, 1, similarity.Quadratic, similarity.Nominal)
		fmt.Printf("%s: S(0,1) = %.4f\n", ties, m.S)
	}
	// Output:
	// directed: S(0,1) = 0.7778
	// symmetric: S(0,1) = 1.0000
}
