package threat_test

import (
	"testing"

	"github.com/entente/entente/internal/worldfile/worldfiletest"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// FuzzThreatOnWorldFiles computes the threat matrix of every world file
// that parses, under the default composite and the two others: no panic,
// no error on a valid world, no infinite component, and JSON (no NaN
// where a number was expected).
//
//	go test -run '^$' -fuzz FuzzThreatOnWorldFiles -fuzztime 2m ./threat
func FuzzThreatOnWorldFiles(f *testing.F) {
	worldfiletest.Fuzz(f, func(t *testing.T, w *world.World) {
		for _, c := range []threat.Composite{threat.Walt, threat.Additive, threat.Multiplicative} {
			o := threat.DefaultOptions()
			o.Composite = c
			m, err := threat.Compute(w, o)
			if err != nil {
				t.Fatalf("threat %v of a valid world: %v", c, err)
			}
			worldfiletest.Finite(t, "threat matrix", m)
			worldfiletest.JSON(t, "threat matrix", m)
		}
	})
}
