package network

import (
	"math"
	"sort"

	"github.com/entente/entente/world"
)

// Graph is a simple undirected graph on states keyed by ccode.
type Graph struct {
	adj map[int]map[int]bool
}

// NewGraph returns an empty graph.
func NewGraph() *Graph { return &Graph{adj: map[int]map[int]bool{}} }

// AddNode adds a node without edges.
func (g *Graph) AddNode(a int) {
	if g.adj[a] == nil {
		g.adj[a] = map[int]bool{}
	}
}

// AddEdge adds the undirected edge a–b; loops are ignored.
func (g *Graph) AddEdge(a, b int) {
	g.AddNode(a)
	g.AddNode(b)
	if a != b {
		g.adj[a][b] = true
		g.adj[b][a] = true
	}
}

// Nodes returns the nodes in ascending order.
func (g *Graph) Nodes() []int {
	out := make([]int, 0, len(g.adj))
	for n := range g.adj {
		out = append(out, n)
	}
	sort.Ints(out)
	return out
}

// Degree returns the number of neighbours of a.
func (g *Graph) Degree(a int) int { return len(g.adj[a]) }

// Edges returns the number of edges.
func (g *Graph) Edges() int {
	n := 0
	for _, nb := range g.adj {
		n += len(nb)
	}
	return n / 2
}

// Density returns 2m / (n(n−1)), or NaN for fewer than two nodes.
func (g *Graph) Density() float64 {
	n := len(g.adj)
	if n < 2 {
		return math.NaN()
	}
	return 2 * float64(g.Edges()) / float64(n*(n-1))
}

// Hub returns the node of highest degree (the lowest ccode among ties) and
// its degree, or (0, 0) for an empty graph.
func (g *Graph) Hub() (node, degree int) {
	for i, n := range g.Nodes() {
		if d := g.Degree(n); i == 0 || d > degree {
			node, degree = n, d
		}
	}
	return node, degree
}

// Centralization returns Freeman's degree centralization of g,
//
//	C = Σ_i (d_max − d_i) / ((n − 1)(n − 2)),
//
// where d_i is the degree of node i, d_max the largest degree and n the
// number of nodes; the denominator is the largest value the sum can take,
// reached by a star. C is 1 for a star and 0 for a complete graph (or any
// regular graph); a path of n nodes gives 2/((n−1)(n−2)). C is undefined
// (NaN) for fewer than three nodes, where every graph is both a star and
// complete.
//
// Freeman, Linton C. 1978/79. "Centrality in Social Networks: Conceptual
// Clarification." Social Networks 1(3): 215–239.
func (g *Graph) Centralization() float64 {
	n := len(g.adj)
	if n < 3 {
		return math.NaN()
	}
	_, dmax := g.Hub()
	sum := 0
	for _, nb := range g.adj {
		sum += dmax - len(nb)
	}
	return float64(sum) / float64((n-1)*(n-2))
}

// AllianceGraph returns the graph of the given alliances in force on date
// on: every pair of members whose spells are active on that date is joined
// when the alliance is multilateral or bilateral. For an alliance whose
// Structure is hub-and-spoke, only pairs that include its Hub are joined.
// A zero date takes every member, whatever its spell.
func AllianceGraph(on world.Date, alliances ...*world.Alliance) *Graph {
	g := NewGraph()
	for _, a := range alliances {
		ms := a.MembersOn(on)
		for i, x := range ms {
			g.AddNode(x)
			for _, y := range ms[i+1:] {
				if a.Structure == world.HubAndSpoke && a.Hub != 0 && x != a.Hub && y != a.Hub {
					continue
				}
				g.AddEdge(x, y)
			}
		}
	}
	return g
}
