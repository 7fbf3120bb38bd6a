package burden_test

import (
	"testing"

	"github.com/entente/entente/burden"
	"github.com/entente/entente/internal/worldfile/worldfiletest"
	"github.com/entente/entente/world"
)

// FuzzBurdenOnWorldFiles runs the Olson–Zeckhauser test on every alliance
// of every world file that parses, on both sources: either an error (too
// few members with figures, a GDP not positive, a burden negative) or a
// result with finite statistics, and JSON.
//
//	go test -run '^$' -fuzz FuzzBurdenOnWorldFiles -fuzztime 2m ./burden
func FuzzBurdenOnWorldFiles(f *testing.F) {
	worldfiletest.Fuzz(f, func(t *testing.T, w *world.World) {
		for i := range w.Alliances {
			a := &w.Alliances[i]
			for _, src := range burden.Sources {
				ms := burden.FromWorld(w, a, src, nil)
				r, err := burden.Test(ms, burden.Options{Permutations: 99})
				if err != nil {
					continue
				}
				worldfiletest.Finite(t, "result", r)
				worldfiletest.JSON(t, "result", r)
			}
		}
	})
}
