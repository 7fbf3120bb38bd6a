package network

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/entente/entente/world"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// Bloc is a group of states found by community detection.
type Bloc struct {
	// Members are the states' ccodes, sorted.
	Members []int `json:"members"`
	// Share is the bloc's share of the system's capability: the sum of its
	// members' CINC over the sum over all states with a known CINC; NaN
	// when no capability is known.
	Share world.Value `json:"share"`
}

// Partition is a division of the system into blocs.
type Partition struct {
	// Blocs are the groups with at least two states, largest share of
	// capability first (then largest, then lowest ccode). A state in no
	// bloc is unaligned.
	Blocs []Bloc
	// Q is the modularity of the partition: Newman–Girvan's at the chosen
	// resolution for Blocs, Traag and Bruggeman's signed modularity (up to
	// the constant 1/(2m⁺ + 2m⁻)) for SignedBlocs.
	Q float64

	of map[int]int
}

// Of returns the index in p.Blocs of the bloc holding ccode, or -1 for an
// unaligned state.
func (p *Partition) Of(ccode int) int {
	if i, ok := p.of[ccode]; ok {
		return i
	}
	return -1
}

// Blocs partitions n by the Louvain method (Blondel, Guillaume, Lambiotte
// & Lefebvre 2008, J. Stat. Mech. P10008), maximizing the modularity
//
//	Q = 1/2m Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)
//
// of the network weighted by tie level (A_ij the level of the tie of i and
// j, k_i the sum of i's levels, m the sum of all levels, γ the resolution
// Options.Resolution, after Reichardt & Bornholdt 2006). gonum's
// community.Modularize runs the method; it is randomized, so it is run
// Options.Restarts times with seeds Options.Seed, Seed+1, … and the
// partition of highest Q is kept. A network without ties has no blocs and
// Q = NaN.
func (n *Network) Blocs() Partition {
	if len(n.Ties) == 0 {
		return Partition{Q: math.NaN()}
	}
	g := n.positiveLayer()
	var best [][]graph.Node
	bestQ := math.Inf(-1)
	for k := 0; k < n.Options.Restarts; k++ {
		s := n.Options.Seed + uint64(k)
		r := community.Modularize(g, n.Options.Resolution, rand.NewPCG(s, s))
		cs := r.Communities()
		if q := community.Q(g, cs, n.Options.Resolution); q > bestQ+1e-12 {
			best, bestQ = cs, q
		}
	}
	return n.partition(best, bestQ)
}

// SignedBlocs partitions n with disputes as negative ties, after Traag &
// Bruggeman (2009, "Community detection in networks with positive and
// negative links", Physical Review E 80: 036115): it maximizes
//
//	Q = Σ_ij [(A⁺_ij − γ k⁺_i k⁺_j / 2m⁺) − (A⁻_ij − γ k⁻_i k⁻_j / 2m⁻)] δ(c_i, c_j),
//
// where A⁺ holds the tie levels and A⁻ is 1 for two states on opposite
// sides of a militarized dispute ongoing in the year (MID participant
// data, Network.Hostile), so that allies are drawn into one bloc and
// adversaries pushed apart. gonum's community.ModularizeMultiplex runs the
// Louvain method on the two layers with layer weights +1 and −1, searching
// every community for a negatively tied state; seeds and restarts as for
// Blocs. Traag and Bruggeman use the Correlates of War alliances and
// disputes; strategic rivalries (Thompson's, or Klein, Goertz & Diehl's)
// are another source of negative ties that the history does not load yet.
// Without hostile dyads the result is Blocs'.
func (n *Network) SignedBlocs() Partition {
	if len(n.Hostile) == 0 || len(n.Ties) == 0 {
		return n.Blocs()
	}
	pos := n.positiveLayer()
	neg := newLayer(len(n.Nodes))
	for _, d := range n.Hostile {
		neg.add(n.pos[d.A], n.pos[d.B], -1)
	}
	layers := community.UndirectedLayers{pos, neg}
	weights := []float64{1, -1}
	res := []float64{n.Options.Resolution}
	var best [][]graph.Node
	bestQ := math.Inf(-1)
	for k := 0; k < n.Options.Restarts; k++ {
		s := n.Options.Seed + uint64(k)
		r := community.ModularizeMultiplex(layers, weights, res, true, rand.NewPCG(s, s))
		cs := r.Communities()
		q := 0.0
		for _, x := range community.QMultiplex(layers, cs, weights, res) {
			q += x
		}
		if q > bestQ+1e-12 {
			best, bestQ = cs, q
		}
	}
	return n.partition(best, bestQ)
}

// partition turns gonum's communities of node indexes into blocs.
func (n *Network) partition(cs [][]graph.Node, q float64) Partition {
	total := 0.0
	for _, c := range n.Capability {
		if !math.IsNaN(c) {
			total += c
		}
	}
	p := Partition{Q: q, of: map[int]int{}}
	for _, c := range cs {
		if len(c) < 2 {
			continue
		}
		b := Bloc{Share: world.Missing()}
		sum, known := 0.0, false
		for _, x := range c {
			i := int(x.ID())
			b.Members = append(b.Members, n.Nodes[i])
			if v := n.Capability[i]; !math.IsNaN(v) {
				sum, known = sum+v, true
			}
		}
		slices.Sort(b.Members)
		if known && total > 0 {
			b.Share = world.Known(sum / total)
		}
		p.Blocs = append(p.Blocs, b)
	}
	slices.SortStableFunc(p.Blocs, func(a, b Bloc) int {
		sa, sb := a.Share.Float(), b.Share.Float()
		switch {
		case sa > sb || !math.IsNaN(sa) && math.IsNaN(sb):
			return -1
		case sa < sb || math.IsNaN(sa) && !math.IsNaN(sb):
			return 1
		case len(a.Members) != len(b.Members):
			return len(b.Members) - len(a.Members)
		}
		return a.Members[0] - b.Members[0]
	})
	for i, b := range p.Blocs {
		for _, m := range b.Members {
			p.of[m] = i
		}
	}
	return p
}

// positiveLayer is the network as a gonum graph on node indexes, weighted
// by tie level.
func (n *Network) positiveLayer() *layer {
	g := newLayer(len(n.Nodes))
	for _, t := range n.Ties {
		g.add(n.pos[t.Dyad.A], n.pos[t.Dyad.B], float64(t.Level))
	}
	return g
}

// layer is a weighted undirected graph on node IDs 0..N−1 whose iterators
// visit nodes in ascending order, so that the Louvain method's result
// depends on its seed only (gonum's simple graphs iterate over maps).
type layer struct {
	nodes []graph.Node
	nbr   [][]graph.Node
	w     []map[int64]float64
}

func newLayer(n int) *layer {
	g := &layer{nodes: make([]graph.Node, n), nbr: make([][]graph.Node, n), w: make([]map[int64]float64, n)}
	for i := range g.nodes {
		g.nodes[i] = simple.Node(i)
		g.w[i] = map[int64]float64{}
	}
	return g
}

// add adds the edge i–j of weight w; the neighbour lists stay sorted
// because callers add edges in dyad order, and are sorted otherwise.
func (g *layer) add(i, j int, w float64) {
	if _, ok := g.w[i][int64(j)]; ok {
		return
	}
	g.w[i][int64(j)], g.w[j][int64(i)] = w, w
	g.nbr[i] = insertNode(g.nbr[i], g.nodes[j])
	g.nbr[j] = insertNode(g.nbr[j], g.nodes[i])
}

func insertNode(s []graph.Node, x graph.Node) []graph.Node {
	i, _ := slices.BinarySearchFunc(s, x.ID(), func(a graph.Node, id int64) int { return int(a.ID() - id) })
	return slices.Insert(s, i, x)
}

func (g *layer) valid(id int64) bool { return id >= 0 && id < int64(len(g.nodes)) }

func (g *layer) Node(id int64) graph.Node {
	if !g.valid(id) {
		return nil
	}
	return g.nodes[id]
}

func (g *layer) Nodes() graph.Nodes { return iterator.NewOrderedNodes(g.nodes) }

func (g *layer) From(id int64) graph.Nodes {
	if !g.valid(id) || len(g.nbr[id]) == 0 {
		return graph.Empty
	}
	return iterator.NewOrderedNodes(g.nbr[id])
}

func (g *layer) HasEdgeBetween(x, y int64) bool {
	if !g.valid(x) {
		return false
	}
	_, ok := g.w[x][y]
	return ok
}

func (g *layer) Edge(u, v int64) graph.Edge { return g.WeightedEdgeBetween(u, v) }

func (g *layer) EdgeBetween(x, y int64) graph.Edge { return g.WeightedEdgeBetween(x, y) }

func (g *layer) WeightedEdge(u, v int64) graph.WeightedEdge { return g.WeightedEdgeBetween(u, v) }

func (g *layer) WeightedEdgeBetween(x, y int64) graph.WeightedEdge {
	if !g.HasEdgeBetween(x, y) {
		return nil
	}
	return simple.WeightedEdge{F: g.nodes[x], T: g.nodes[y], W: g.w[x][y]}
}

func (g *layer) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	if !g.valid(x) {
		return 0, false
	}
	w, ok := g.w[x][y]
	return w, ok
}

// Graph returns n as a gonum graph weighted by tie level, for gonum's
// algorithms (layout, paths). Node IDs are indexes into n.Nodes; the
// iterators visit nodes in ascending order, so seeded algorithms are
// reproducible.
func (n *Network) Graph() graph.WeightedUndirected { return n.positiveLayer() }

// UnitGraph is Graph with every tie of weight 1, for algorithms that should
// see ties, not levels (force-directed layouts).
func (n *Network) UnitGraph() graph.WeightedUndirected {
	g := newLayer(len(n.Nodes))
	for _, t := range n.Ties {
		g.add(n.pos[t.Dyad.A], n.pos[t.Dyad.B], 1)
	}
	return g
}
