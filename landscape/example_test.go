package landscape_test

import (
	"context"
	"fmt"

	"github.com/entente/entente/landscape"
)

// Four actors: A and B like each other, C and D like each other, and the
// two pairs dislike each other. The only local minimum puts {A, B} against
// {C, D}.
func ExampleSolve() {
	p := landscape.MustNew([]string{"A", "B", "C", "D"}, []float64{2, 1, 1, 1}, []float64{
		0, 2, -1, -1,
		2, 0, -1, -1,
		-1, -1, 0, 2,
		-1, -1, 2, 0,
	})
	res, err := landscape.Solve(context.Background(), p, landscape.Options{Basins: &landscape.BasinOptions{}})
	if err != nil {
		panic(err)
	}
	g := res.Global
	fmt.Println("E =", g.Energy, "sides", g.Coalitions(p), "basin", g.Basin)
	fmt.Println("frustration", g.Frustration)
	fmt.Println("local minima:", len(res.Minima))
	// Output:
	// E = -12 sides [[A B] [C D]] basin 1
	// frustration [-2 -2 -3 -3]
	// local minima: 1
}
