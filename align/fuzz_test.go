package align_test

import (
	"testing"

	"github.com/entente/entente/align"
	"github.com/entente/entente/internal/worldfile/worldfiletest"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// FuzzAlignOnWorldFiles predicts every state's alignment in every world
// file that parses: no panic, no error on a valid world, no infinite
// figure, and JSON.
//
//	go test -run '^$' -fuzz FuzzAlignOnWorldFiles -fuzztime 2m ./align
func FuzzAlignOnWorldFiles(f *testing.F) {
	worldfiletest.Fuzz(f, func(t *testing.T, w *world.World) {
		m, err := threat.Compute(w, threat.DefaultOptions())
		if err != nil {
			t.Fatalf("threat of a valid world: %v", err)
		}
		ps, err := align.Predict(w, m, align.DefaultOptions())
		if err != nil {
			t.Fatalf("align of a valid world: %v", err)
		}
		worldfiletest.Finite(t, "predictions", ps)
		worldfiletest.JSON(t, "predictions", ps)
	})
}
