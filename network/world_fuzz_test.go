package network_test

import (
	"io"
	"testing"

	"github.com/entente/entente/internal/worldfile/worldfiletest"
	"github.com/entente/entente/network"
	"github.com/entente/entente/world"
)

// FuzzNetworkOnWorldFiles builds the alliance network of every world file
// that parses, from each source, finds its blocs, measures it and writes it
// in every graph format; it also measures the shape of the world's alliance
// systems. No panic, no error on a valid world, no infinite measure, and
// JSON for the measures and the graph.
//
//	go test -run '^$' -fuzz FuzzNetworkOnWorldFiles -fuzztime 2m ./network
func FuzzNetworkOnWorldFiles(f *testing.F) {
	worldfiletest.Fuzz(f, func(t *testing.T, w *world.World) {
		for _, src := range network.Sources {
			o := network.DefaultOptions()
			o.Source = src
			n, err := network.FromWorld(w, o)
			if err != nil {
				t.Fatalf("network of a valid world: %v", err)
			}
			p, sp := n.Blocs(), n.SignedBlocs()
			y := n.Measure(p, sp)
			worldfiletest.Finite(t, "measures", y)
			worldfiletest.JSON(t, "measures", y)
			worldfiletest.JSON(t, "graph", n.Doc(p))
			for _, format := range network.GraphFormats {
				if err := n.WriteGraph(io.Discard, format, p); err != nil {
					t.Fatalf("graph %s: %v", format, err)
				}
			}
		}
		shapes := network.SystemShapes(w, w.AsOf)
		// Shape is not a JSON shape (the report prints it, a NaN
		// centralization as undefined): finite or missing is enough.
		worldfiletest.Finite(t, "system shapes", shapes)
	})
}
