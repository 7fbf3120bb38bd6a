package network

import (
	"math"
	"testing"

	"github.com/entente/entente/world"
)

// toy builds a network of states 1..n with CINC caps[i-1] (n = len(caps))
// and the given defence ties.
func toy(t *testing.T, caps []float64, major []bool, ties [][2]int) *Network {
	t.Helper()
	w := &world.World{Year: 2000}
	for i, c := range caps {
		s := world.NewState(i+1, "")
		s.Capability.CINC = world.Value(c)
		s.Major = major != nil && major[i]
		w.States = append(w.States, s)
	}
	w.Index()
	var ps []Pledge
	for _, e := range ties {
		ps = append(ps, Pledge{e[0], e[1], world.Obligations(0).With(world.Defense)})
	}
	n, err := New(w, ps, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func near(got, want float64) bool {
	return math.IsNaN(got) && math.IsNaN(want) || math.Abs(got-want) <= 1e-12
}

func TestMeasures(t *testing.T) {
	eq := []float64{.1, .1, .1, .1, .1, .1}
	tri := [][2]int{{1, 2}, {2, 3}, {1, 3}}
	tests := []struct {
		name                 string
		ties                 [][2]int
		density, clust, cent float64
		comps, iso           int
	}{
		{"empty", nil, 0, math.NaN(), 0, 0, 6},
		{"triangle", tri, 3.0 / 15, 1, (3 * 2.0) / 20, 1, 3},
		{"star", [][2]int{{1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 6}}, 5.0 / 15, 0, 1, 1, 0},
		{"two triangles", append(tri, [2]int{4, 5}, [2]int{5, 6}, [2]int{4, 6}), 6.0 / 15, 1, 0, 2, 0},
		{"path", [][2]int{{1, 2}, {2, 3}}, 2.0 / 15, 0, 8.0 / 20, 1, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := toy(t, eq, nil, tc.ties)
			if !near(n.Density(), tc.density) || !near(n.Clustering(), tc.clust) || !near(n.Centralization(), tc.cent) {
				t.Errorf("density %v clustering %v centralization %v, want %v %v %v", n.Density(), n.Clustering(), n.Centralization(), tc.density, tc.clust, tc.cent)
			}
			y := n.Measure(n.Blocs(), n.SignedBlocs())
			if int(y.Components) != tc.comps || int(y.Isolates) != tc.iso {
				t.Errorf("components %v isolates %v, want %d %d", y.Components, y.Isolates, tc.comps, tc.iso)
			}
		})
	}
}

// Two disconnected triangles are two blocs; with equal capability the
// polarization is 1 − 1/2 and both are structural poles.
func TestBlocsTwoTriangles(t *testing.T) {
	ties := [][2]int{{1, 2}, {2, 3}, {1, 3}, {4, 5}, {5, 6}, {4, 6}}
	n := toy(t, []float64{.2, .2, .1, .2, .2, .1}, nil, ties)
	p := n.Blocs()
	if len(p.Blocs) != 2 || p.Of(1) != p.Of(3) || p.Of(1) == p.Of(4) {
		t.Fatalf("got blocs %+v", p.Blocs)
	}
	if !near(p.Blocs[0].Share.Float(), 0.5) || !near(n.Polarization(p), 0.5) || n.StructuralPoles(p) != 2 {
		t.Errorf("share %v polarization %v poles %v, want 0.5 0.5 2", p.Blocs[0].Share, n.Polarization(p), n.StructuralPoles(p))
	}
	// A bridge between the triangles keeps two blocs but lowers the
	// polarization: one tie in seven crosses.
	n = toy(t, []float64{.2, .2, .1, .2, .2, .1}, nil, append(ties, [2]int{3, 4}))
	p = n.Blocs()
	if len(p.Blocs) != 2 || !near(n.Polarization(p), 0.5*6/7) {
		t.Errorf("bridged: %d blocs, polarization %v, want 2 and %v", len(p.Blocs), n.Polarization(p), 0.5*6/7)
	}
}

func TestConcentration(t *testing.T) {
	tests := []struct {
		name  string
		caps  []float64
		major []bool
		want  float64
	}{
		{"equal majors", []float64{.3, .3, .3, .1}, []bool{true, true, true, false}, 0},
		{"one major", []float64{.5, .5}, []bool{true, false}, math.NaN()},
		// shares .75, .25: Σs² = .625; (.625 − .5)/(.5) = .25; √ = .5
		{"three to one", []float64{.3, .1, .6}, []bool{true, true, false}, 0.5},
		{"missing is left out", []float64{.3, .1, math.NaN()}, []bool{true, true, true}, 0.5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := toy(t, tc.caps, tc.major, nil)
			if got := n.Concentration(); !(math.IsNaN(got) && math.IsNaN(tc.want) || math.Abs(got-tc.want) < 1e-6) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestPledgeRules(t *testing.T) {
	w := &world.World{Year: 1900}
	for _, c := range []int{1, 2, 3} {
		w.States = append(w.States, world.NewState(c, ""))
	}
	w.Index()
	def := world.Obligations(0).With(world.Defense)
	na := world.Obligations(0).With(world.Nonaggression)
	ps := []Pledge{{1, 2, def}, {2, 1, na}, {2, 3, def}, {3, 2, def}, {1, 9, def}}
	tests := []struct {
		rule Rule
		typ  Type
		want int
	}{
		{Either, Defense, 2}, {Mutual, Defense, 1}, {Either, Any, 2}, {Mutual, Any, 1},
	}
	for _, tc := range tests {
		o := DefaultOptions()
		o.Rule, o.Type = tc.rule, tc.typ
		n, err := New(w, ps, o)
		if err != nil {
			t.Fatal(err)
		}
		if len(n.Ties) != tc.want {
			t.Errorf("%s %s: %d ties, want %d", tc.rule, tc.typ, len(n.Ties), tc.want)
		}
	}
	o := DefaultOptions()
	o.Resolution = 0
	if _, err := New(w, ps, o); err == nil {
		t.Error("resolution 0: want an error")
	}
}
