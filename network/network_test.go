package network

import (
	"math"
	"testing"

	"github.com/entente/entente/world"
)

const tol = 1e-12

func star(n int) *Graph {
	g := NewGraph()
	for i := 2; i <= n; i++ {
		g.AddEdge(1, i)
	}
	return g
}

func complete(n int) *Graph {
	g := NewGraph()
	for i := 1; i <= n; i++ {
		for j := i + 1; j <= n; j++ {
			g.AddEdge(i, j)
		}
	}
	return g
}

func path(n int) *Graph {
	g := NewGraph()
	for i := 1; i < n; i++ {
		g.AddEdge(i, i+1)
	}
	return g
}

func TestCentralization(t *testing.T) {
	tests := []struct {
		name string
		g    *Graph
		want float64
	}{
		{"star 5", star(5), 1},
		{"star 12", star(12), 1},
		{"complete 4", complete(4), 0},
		{"complete 32", complete(32), 0},
		{"path 3 is a star", path(3), 1},
		{"path 4", path(4), 2.0 / 6},
		{"path 6", path(6), 2.0 / 20},
		{"star plus one edge", func() *Graph { g := star(4); g.AddEdge(2, 3); return g }(), 2.0 / 3},
		{"star 5 plus one edge", func() *Graph { g := star(5); g.AddEdge(2, 3); return g }(), 10.0 / 12},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.g.Centralization(); math.Abs(got-tc.want) > tol {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	if got := path(2).Centralization(); !math.IsNaN(got) {
		t.Errorf("two nodes: got %v, want NaN", got)
	}
}

func TestAllianceGraph(t *testing.T) {
	mem := func(cs ...int) []world.Member {
		var ms []world.Member
		for _, c := range cs {
			ms = append(ms, world.Member{CCode: c, Spell: world.Spell{Start: world.D(2000, 1, 1)}})
		}
		return ms
	}
	multi := &world.Alliance{ID: "m", Structure: world.Multilateral, Members: mem(1, 2, 3, 4)}
	bi1 := &world.Alliance{ID: "a", Structure: world.Bilateral, Members: mem(1, 2)}
	bi2 := &world.Alliance{ID: "b", Structure: world.Bilateral, Members: mem(1, 3)}
	hub := &world.Alliance{ID: "h", Structure: world.HubAndSpoke, Hub: 1, Members: mem(1, 2, 3, 4)}
	left := &world.Alliance{ID: "l", Members: []world.Member{
		{CCode: 1, Spell: world.Spell{Start: world.D(2000, 1, 1)}},
		{CCode: 2, Spell: world.Spell{Start: world.D(2000, 1, 1), End: world.D(2010, 1, 1)}},
	}}
	tests := []struct {
		name         string
		g            *Graph
		nodes, edges int
		c            float64
	}{
		{"multilateral", AllianceGraph(world.Date{}, multi), 4, 6, 0},
		{"bilaterals", AllianceGraph(world.Date{}, bi1, bi2), 3, 2, 1},
		{"hub-and-spoke", AllianceGraph(world.Date{}, hub), 4, 3, 1},
		{"left before date", AllianceGraph(world.D(2024, 1, 1), left), 1, 0, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := tc.g
			if len(g.Nodes()) != tc.nodes || g.Edges() != tc.edges {
				t.Errorf("got %d nodes %d edges, want %d %d", len(g.Nodes()), g.Edges(), tc.nodes, tc.edges)
			}
			got := g.Centralization()
			if !(math.IsNaN(tc.c) && math.IsNaN(got)) && math.Abs(got-tc.c) > tol {
				t.Errorf("centralization got %v, want %v", got, tc.c)
			}
		})
	}
}

func TestAsymmetry(t *testing.T) {
	tests := []struct {
		name   string
		cap    map[int]float64
		leader int
		share  float64
		hhi    float64
		miss   int
	}{
		{"equal", map[int]float64{1: 2, 2: 2, 3: 2, 4: 2}, 1, 0.25, 0.25, 0},
		{"patron", map[int]float64{1: 9, 2: 1}, 1, 0.9, 0.82, 0},
		{"missing is not zero", map[int]float64{1: 1, 2: 3, 3: math.NaN()}, 2, 0.75, 0.625, 1},
		{"no capability", map[int]float64{1: 0, 2: 0}, 0, math.NaN(), math.NaN(), 0},
		{"all missing", map[int]float64{1: math.NaN()}, 0, math.NaN(), math.NaN(), 1},
	}
	// near treats two NaNs as equal, so that a missing result is checked.
	near := func(got, want float64) bool {
		return math.IsNaN(got) == math.IsNaN(want) && (math.IsNaN(want) || math.Abs(got-want) <= tol)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := MeasureAsymmetry([]int{1, 2, 3, 4}[:len(tc.cap)], tc.cap)
			if a.Leader != tc.leader || !near(a.LeaderShare, tc.share) || !near(a.HHI, tc.hhi) || len(a.Missing) != tc.miss {
				t.Errorf("got leader %d share %v hhi %v missing %v, want %d %v %v %d", a.Leader, a.LeaderShare, a.HHI, a.Missing, tc.leader, tc.share, tc.hhi, tc.miss)
			}
			sum := 0.0
			for _, s := range a.Shares {
				sum += s.Share
			}
			if !math.IsNaN(tc.share) && math.Abs(sum-1) > tol {
				t.Errorf("shares sum to %v, want 1", sum)
			}
			if math.IsNaN(tc.share) && len(a.Shares) != 0 {
				t.Errorf("got shares %v with no total to share, want none", a.Shares)
			}
		})
	}
}
