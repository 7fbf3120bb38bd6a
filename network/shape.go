package network

import (
	"math"

	"github.com/entente/entente/world"
)

// Thresholds for reading Freeman's centralization C of an alliance graph:
// C ≥ HubAndSpokeMin is hub-and-spoke, C ≤ MultilateralMax multilateral,
// anything between mixed. A star has C = 1 and a complete graph C = 0;
// the thresholds split the range in quarters so that one extra spoke-to-
// spoke treaty does not turn a star of five or more states into "mixed"
// (it gives C = n(n−3)/((n−1)(n−2)): 0.83 for n = 5, but 0.67 for n = 4).
const (
	HubAndSpokeMin  = 0.75
	MultilateralMax = 0.25
)

// Readings of an alliance graph's shape.
const (
	ReadBilateral    = "bilateral"
	ReadHubAndSpoke  = "hub-and-spoke"
	ReadMultilateral = "multilateral"
	ReadMixed        = "mixed"
	ReadUnknown      = "–"
)

// Reading returns how a graph of the given number of nodes and
// centralization c reads: bilateral under three nodes, hub-and-spoke for
// c ≥ HubAndSpokeMin, multilateral for c ≤ MultilateralMax, mixed between,
// and "–" when c is NaN.
func Reading(c float64, nodes int) string {
	switch {
	case nodes < 3:
		return ReadBilateral
	case math.IsNaN(c):
		return ReadUnknown
	case c >= HubAndSpokeMin:
		return ReadHubAndSpoke
	case c <= MultilateralMax:
		return ReadMultilateral
	}
	return ReadMixed
}

// Shape is the measured structure of an alliance or of a system of
// alliances.
type Shape struct {
	Nodes, Edges   int
	Centralization float64
	Hub            int // the most connected member (lowest ccode on ties)
	Reading        string
	Asymmetry      Asymmetry
}

// MeasureShape returns the shape of the graph of the given alliances in
// force on date on (AllianceGraph), read by Reading, and the asymmetry of
// its members' capabilities (CINC in w).
func MeasureShape(w *world.World, on world.Date, as ...*world.Alliance) Shape {
	g := AllianceGraph(on, as...)
	sh := Shape{Nodes: len(g.Nodes()), Edges: g.Edges(), Centralization: g.Centralization()}
	sh.Hub, _ = g.Hub()
	sh.Reading = Reading(sh.Centralization, sh.Nodes)
	cap := map[int]float64{}
	for _, s := range w.States {
		if s.Capability.CINC.OK() {
			cap[s.CCode] = s.Capability.CINC.Float()
		}
	}
	sh.Asymmetry = MeasureAsymmetry(g.Nodes(), cap)
	return sh
}

// SystemShape is the shape of one named alliance system of a World.
type SystemShape struct {
	System world.System
	Shape  Shape
}

// SystemShapes returns the shape of each of w.Systems on date on, from
// its alliances in force then (an alliance's own spell, and at least two
// members active on the date); systems with none are left out.
func SystemShapes(w *world.World, on world.Date) []SystemShape {
	live := InForce(w, on)
	var out []SystemShape
	for _, s := range w.Systems {
		var as []*world.Alliance
		for _, id := range s.Alliances {
			for _, a := range live {
				if a.ID == id {
					as = append(as, a)
				}
			}
		}
		if len(as) > 0 {
			out = append(out, SystemShape{s, MeasureShape(w, on, as...)})
		}
	}
	return out
}

// InForce returns the alliances of w in force on date on (the alliance's
// spell covers it) with at least two members active then.
func InForce(w *world.World, on world.Date) []*world.Alliance {
	var out []*world.Alliance
	for i := range w.Alliances {
		a := &w.Alliances[i]
		if !a.Spell.Start.IsZero() && on.Before(a.Spell.Start) || !a.Spell.End.IsZero() && a.Spell.End.Before(on) {
			continue
		}
		if len(a.MembersOn(on)) >= 2 {
			out = append(out, a)
		}
	}
	return out
}
