package report

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/entente/entente/internal/netplot"
	"github.com/entente/entente/network"
	"github.com/entente/entente/world"
)

// structureSource is the source of the World's alliances the structure
// section reads: the world file's own, else ATOP inside its coverage, else
// COW.
func structureSource(w *world.World) network.Source {
	for _, a := range w.Alliances {
		if strings.HasPrefix(a.ID, "world:") {
			return network.Files
		}
	}
	if w.Covered(world.FamilyATOPAlliances) {
		return network.ATOP
	}
	return network.COW
}

// Structure describes the alliance network of the World as a whole (package
// network): its ties, blocs and polarity, the shape of each alliance system
// and a drawing of the systems.
func Structure(w *world.World) (*Section, error) {
	o := network.DefaultOptions()
	o.Source, o.Type = structureSource(w), network.Any
	n, err := network.FromWorld(w, o)
	if err != nil {
		return nil, err
	}
	if len(n.Ties) == 0 {
		return nil, nil
	}
	p := n.Blocs()
	y := n.Measure(p, n.SignedBlocs())
	s := &Section{Title: "Structure of the alliance network"}
	clustering := fmt.Sprintf("Two allies of a state are allied to each other with probability %.2f (clustering).", y.Clustering.Float())
	if y.Clustering.IsMissing() { // no state has two allies
		clustering = "No state has two allies, so clustering is undefined."
	}
	s.Paragraphs = append(s.Paragraphs, fmt.Sprintf(
		"Taken as one network, the %v states are joined by %v alliance ties (any obligation; density %.3f). %v states belong to the largest connected group (%.0f%% of all) and %v have no ally. %s",
		y.States, y.Ties, y.Density.Float(), math.Round(y.GiantShare.Float()*y.States.Float()), 100*y.GiantShare.Float(), y.Isolates, clustering))
	var poles []string
	for _, c := range n.Poles() {
		poles = append(poles, n.Name(c))
	}
	s.Paragraphs = append(s.Paragraphs, fmt.Sprintf(
		"Community detection (Louvain, resolution %g) finds %d blocs (modularity %.2f). %d states hold at least %.0f%% of the capability of the states listed (%s); counting blocs as poles, there are %v structural poles. Network polarization is %s (0 for one bloc, approaching 1 − 1/K for K separate blocs of equal capability).",
		o.Resolution, len(p.Blocs), p.Q, len(poles), 100*o.PoleShare, orNone(poles), y.StructuralPoles, undefinedOr(y.Polarization, "%.2f")))
	s.Tables = append(s.Tables, shapeTable(w, o.Source), blocTable(n, p))
	if fig, err := structureFigure(w, n, o.Source); err == nil {
		s.Figures = append(s.Figures, fig)
	} else {
		return nil, fmt.Errorf("drawing the network: %w", err)
	}
	s.Notes = []string{
		fmt.Sprintf("Shape: Freeman's degree centralization C of each system's treaty graph; hub-and-spoke when C ≥ %.2f, multilateral when C ≤ %.2f, mixed between (package network).", network.HubAndSpokeMin, network.MultilateralMax),
		blocNote(o.Source),
		"The figure places states by a force-directed layout (Eades); a node's area is proportional to its capability, its colour is the first alliance system it belongs to, and thicker edges carry stronger obligations. See docs/networks.md.",
	}
	return s, nil
}

func blocNote(src network.Source) string {
	n := fmt.Sprintf("Blocs: Louvain communities of the network weighted by obligation level (%s's valuation), the best of %d seeded runs. Capability shares are over the states of this world.", src, network.DefaultOptions().Restarts)
	if src == network.Files {
		return n + " World files code no militarized disputes, so blocs with hostility as negative ties are computed for historical years only ('entente network')."
	}
	return n + " Alliances are read from " + strings.ToUpper(string(src)) + "'s member-level data; 'entente network' reads ATOP's directed obligations and adds blocs with disputes as negative ties."
}

// fromSource returns the alliances of live whose ID is of source src.
func fromSource(live []*world.Alliance, src network.Source) []*world.Alliance {
	var out []*world.Alliance
	for _, a := range live {
		if strings.HasPrefix(a.ID, string(src)+":") {
			out = append(out, a)
		}
	}
	return out
}

// hubName names a shape's most connected state, or "–" when every member
// is equally connected.
func hubName(w *world.World, sh network.Shape) string {
	if sh.Centralization == 0 {
		return "–"
	}
	return stateName(w, sh.Hub)
}

// allianceName is an alliance's name, or its ID when it has none.
func allianceName(a *world.Alliance) string {
	if a.Name != "" {
		return a.Name
	}
	return shortID(a)
}

// shapeTable lists each named system and each multilateral alliance of at
// least three members from src with its measured shape.
func shapeTable(w *world.World, src network.Source) *Table {
	on := asOf(w)
	t := NewTable("Shape of each alliance system", Text("System"), Num("States", 0), Num("Ties", 0),
		Num("Centralization", 2), Text("Shape"), Text("Most connected"))
	for _, s := range network.SystemShapes(w, on) {
		t.Add(s.System.Name, s.Shape.Nodes, s.Shape.Edges, s.Shape.Centralization, s.Shape.Reading, hubName(w, s.Shape))
	}
	for _, a := range fromSource(network.InForce(w, on), src) {
		if len(a.MembersOn(on)) >= 3 && a.Structure != world.Bilateral && a.Structure != world.HubAndSpoke {
			sh := network.MeasureShape(w, on, a)
			t.Add(allianceName(a), sh.Nodes, sh.Edges, sh.Centralization, sh.Reading, hubName(w, sh))
		}
	}
	return t
}

// blocTable lists the blocs with their members, largest share first.
func blocTable(n *network.Network, p network.Partition) *Table {
	t := NewTable("Blocs of the alliance network (Louvain)", Num("Bloc", 0), Num("States", 0), Pct("Capability", 1), Text("Members, strongest first"))
	for i, b := range p.Blocs {
		ms := append([]int(nil), b.Members...)
		sort.SliceStable(ms, func(x, y int) bool {
			cx, cy := n.Capability[n.Pos(ms[x])], n.Capability[n.Pos(ms[y])]
			return cx > cy || !math.IsNaN(cx) && math.IsNaN(cy)
		})
		var names []string
		for _, m := range ms {
			names = append(names, n.Name(m))
		}
		t.Add(i+1, len(b.Members), 100*b.Share, strings.Join(names, ", "))
	}
	return t
}

// structureFigure draws the network coloured by alliance system: the
// named systems first, then the multilateral alliances outside them,
// largest first; each state takes the colour of the first group it is in.
func structureFigure(w *world.World, n *network.Network, src network.Source) (*Figure, error) {
	svg, err := netplot.SVG(structureGraph(w, n, src), 18*vg.Centimeter, 16*vg.Centimeter)
	if err != nil {
		return nil, err
	}
	return &Figure{Caption: fmt.Sprintf("The alliance network on %s: nodes sized by capability, coloured by alliance system; edges by obligation.", asOf(w)), SVG: svg}, nil
}

// structureGraph is the drawing of structureFigure.
func structureGraph(w *world.World, n *network.Network, src network.Source) netplot.Graph {
	on := asOf(w)
	var groups []string
	var members [][]int
	inSystem := map[string]bool{}
	live := fromSource(network.InForce(w, on), src)
	for _, s := range w.Systems {
		var as []*world.Alliance
		for _, a := range live {
			for _, id := range s.Alliances {
				if a.ID == id {
					as = append(as, a)
					inSystem[a.ID] = true
				}
			}
		}
		if g := network.AllianceGraph(on, as...); len(g.Nodes()) > 0 {
			groups, members = append(groups, s.Name), append(members, g.Nodes())
		}
	}
	var rest []*world.Alliance
	for _, a := range live {
		if !inSystem[a.ID] && len(a.MembersOn(on)) >= 3 {
			rest = append(rest, a)
		}
	}
	sort.SliceStable(rest, func(i, j int) bool { return len(rest[i].MembersOn(on)) > len(rest[j].MembersOn(on)) })
	for _, a := range rest {
		groups, members = append(groups, allianceName(a)), append(members, a.MembersOn(on))
	}
	if len(groups) > len(netplot.Palette) {
		groups, members = groups[:len(netplot.Palette)], members[:len(netplot.Palette)]
	}
	g := netplot.Graph{Net: n, Group: make([]int, len(n.Nodes)), Legend: groups, Seed: 1}
	for i := range g.Group {
		g.Group[i] = -1
	}
	// A hub takes its own system's colour; other states the first group.
	for k, s := range w.Systems {
		if k < len(groups) && s.Hub != 0 && n.Pos(s.Hub) >= 0 && g.Group[n.Pos(s.Hub)] < 0 {
			g.Group[n.Pos(s.Hub)] = k
		}
	}
	for k, ms := range members {
		for _, m := range ms {
			if i := n.Pos(m); i >= 0 && g.Group[i] < 0 {
				g.Group[i] = k
			}
		}
	}
	return g
}

// undefinedOr formats v with format, or says "undefined" when it is
// missing (printing it would show NaN).
func undefinedOr(v world.Value, format string) string {
	if v.IsMissing() {
		return "undefined"
	}
	return fmt.Sprintf(format, v.Float())
}
