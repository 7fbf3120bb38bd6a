package landscape_test

import (
	"context"
	"math"
	"testing"

	"github.com/entente/entente/internal/worldfile/worldfiletest"
	"github.com/entente/entente/landscape"
	"github.com/entente/entente/world"
)

// FuzzLandscapeOnWorldFiles derives the landscape of up to six states of
// every world file that parses (the first with a CINC) and solves it
// exactly with basins: FromWorld either refuses the world with an error or
// every energy, frustration and propensity is finite, and the result
// encodes as JSON.
//
//	go test -run '^$' -fuzz FuzzLandscapeOnWorldFiles -fuzztime 2m ./landscape
func FuzzLandscapeOnWorldFiles(f *testing.F) {
	worldfiletest.Fuzz(f, func(t *testing.T, w *world.World) {
		var ccodes []int
		for _, s := range w.States {
			if s.Capability.CINC.Float() > 0 && len(ccodes) < 6 {
				ccodes = append(ccodes, s.CCode)
			}
		}
		if len(ccodes) < 2 {
			return
		}
		d, err := landscape.FromWorld(w, ccodes, landscape.DefaultWeights())
		if err != nil {
			return // refused, naming the state or the cell
		}
		worldfiletest.Finite(t, "derived problem", d)
		res, err := landscape.Solve(context.Background(), d.Problem, landscape.Options{Method: landscape.ExactOnly, K: 2, Basins: &landscape.BasinOptions{}})
		if err != nil {
			t.Fatalf("Solve of a derived problem: %v", err)
		}
		for _, m := range append(res.Minima, res.Global) {
			if math.IsNaN(m.Energy) || math.IsInf(m.Energy, 0) {
				t.Fatalf("energy %v", m.Energy)
			}
			for _, fr := range m.Frustration {
				if math.IsNaN(fr) || math.IsInf(fr, 0) {
					t.Fatalf("frustration %v", fr)
				}
			}
		}
		worldfiletest.JSON(t, "minima", res.Minima)
		worldfiletest.JSON(t, "components", d.Components)
	})
}
