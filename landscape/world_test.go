package landscape

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/capability"
	"github.com/entente/entente/world"
)

// handWorld is a three-state world of 1950: A and B in a defense pact
// (COW), A and C neighbours by land with a dispute (hostility level 4)
// that ended in 1940, and regimes coded for all three.
func handWorld() *world.World {
	w := &world.World{Year: 1950,
		Coverage: []world.Coverage{{Family: world.FamilyContiguity, Covered: true}, {Family: world.FamilyDisputes, Covered: true}}}
	for i, r := range []string{"democracy", "democracy", "autocracy"} {
		s := world.NewState(i+1, string(rune('A'+i)))
		s.Abbrev = string(rune('A' + i))
		s.Capability.CINC = world.Known([]float64{0.2, 0.1, 0.3}[i])
		s.Regime = r
		w.States = append(w.States, s)
	}
	w.Index()
	spell := world.Spell{Start: world.D(1945, 1, 1)}
	def := world.Obligations(0).With(world.Defense)
	w.Alliances = []world.Alliance{{ID: "cow:1", Formal: true, Obligations: def, Spell: spell,
		Members: []world.Member{{CCode: 1, Spell: spell, Obligations: def}, {CCode: 2, Spell: spell, Obligations: def}}}}
	r := world.NewRelation(world.MakeDyad(1, 3))
	r.Contiguity = 1
	w.SetRelation(r)
	w.Disputes = []world.Dispute{
		{ID: 7, CCode: 1, SideA: true, Start: world.D(1938, 1, 1), End: world.D(1940, 6, 1), HostLev: 4},
		{ID: 7, CCode: 3, SideA: false, Start: world.D(1938, 1, 1), End: world.D(1940, 6, 1), HostLev: 3},
	}
	return w
}

func TestFromWorld(t *testing.T) {
	t.Parallel()
	w := handWorld()
	d, err := FromWorld(w, []int{1, 2, 3}, DefaultWeights())
	if err != nil {
		t.Fatal(err)
	}
	if d.Sizes[0] != 0.2 || d.Sizes[2] != 0.3 || d.Names[1] != "B" {
		t.Fatalf("sizes %v names %v", d.Sizes, d.Names)
	}
	dispute := -(1 - math.Exp(-4.0/5*math.Exp2(-10.0/10)))
	const tol = 1e-12
	tests := []struct {
		name string
		i, j int
		want Components
	}{
		{"A-B allied", 0, 1, Components{Alliance: 1, Regime: 1}},
		{"A-C neighbours in dispute", 0, 2, Components{Dispute: dispute, Border: dispute, Regime: -1}},
		{"B-C", 1, 2, Components{Regime: -1}},
	}
	n := 3
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := d.Components[tc.i*n+tc.j]
			if math.Abs(c.Alliance-tc.want.Alliance) > tol || math.Abs(c.Dispute-tc.want.Dispute) > tol ||
				math.Abs(c.Border-tc.want.Border) > tol || c.Regime != tc.want.Regime {
				t.Errorf("components %+v, want %+v (similarity aside)", c, tc.want)
			}
			sum := c.Alliance + c.Similarity + c.Dispute + c.Border + c.Regime
			if math.Abs(d.At(tc.i, tc.j)-sum) > tol || d.At(tc.i, tc.j) != d.At(tc.j, tc.i) {
				t.Errorf("p = %v, want the sum of components %v, symmetric", d.At(tc.i, tc.j), sum)
			}
		})
	}
	// Allied A and B agree more than A and C.
	if !(d.Components[0*n+1].Similarity > d.Components[0*n+2].Similarity) {
		t.Errorf("kappa(A,B) = %v not above kappa(A,C) = %v", d.Components[1].Similarity, d.Components[2].Similarity)
	}
	// Weights scale components; zero weights give zero propensity.
	z, err := FromWorld(w, []int{1, 2, 3}, Weights{HalfLife: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range z.P {
		if x != 0 {
			t.Fatalf("zero weights give p = %v", z.P)
		}
	}
	// A world file's coded war between B and C and a territorial dispute
	// make their dispute and border components −1.
	r := world.NewRelation(world.MakeDyad(2, 3))
	r.War, r.Territorial = true, true
	w.SetRelation(r)
	d2, err := FromWorld(w, []int{1, 2, 3}, DefaultWeights())
	if err != nil {
		t.Fatal(err)
	}
	if c := d2.Components[1*n+2]; c.Dispute != -1 || c.Border != -1 {
		t.Errorf("coded war: components %+v, want dispute and border -1", c)
	}
	res, err := Exact(context.Background(), d.Problem, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Global.Sides; got[0] != got[1] || got[0] == got[2] {
		t.Errorf("global minimum %v, want {A, B} against {C}", got)
	}
}

func TestFromWorldErrors(t *testing.T) {
	t.Parallel()
	w := handWorld()
	w.States[1].Capability.CINC = world.Missing()
	tests := []struct {
		name   string
		ccodes []int
		wt     Weights
		want   string
	}{
		{"unknown state", []int{1, 9}, DefaultWeights(), "state 9 is not a member"},
		{"no CINC", []int{1, 2}, DefaultWeights(), "has no CINC"},
		{"twice", []int{1, 1}, DefaultWeights(), "listed twice"},
		{"one state", []int{1}, DefaultWeights(), "need at least 2"},
		{"negative weight", []int{1, 3}, Weights{Alliance: -1, HalfLife: 1}, "weight alliance"},
		{"half-life", []int{1, 3}, Weights{}, "half-life"},
		{"no GDP", []int{1, 3}, Weights{HalfLife: 1, Size: capability.GDP}, "has no GDP in 1950 (size index gdp)"},
		{"size index", []int{1, 3}, Weights{HalfLife: 1, Size: capability.Beckley + 1}, "size index"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := FromWorld(w, tc.ccodes, tc.wt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// TestFromWorldPower: with a GDP-based size index the sizes are the
// states' shares of the World's index, GDP current dollars in a world
// file, GDP²/population for Beckley's; a state without a GDP has no size.
func TestFromWorldPower(t *testing.T) {
	t.Parallel()
	w := handWorld()
	for i, g := range []float64{6, 3, 1} {
		w.States[i].GDP = world.Known(g)
		w.States[i].Population = world.Known([]float64{1, 1, 4}[i])
	}
	for _, c := range []struct {
		size capability.Power
		want []float64
	}{
		{capability.CINC, []float64{0.2, 0.1, 0.3}},
		{capability.GDP, []float64{0.6, 0.3, 0.1}},
		{capability.Beckley, []float64{36 / 45.25, 9 / 45.25, 0.25 / 45.25}},
	} {
		wt := DefaultWeights()
		wt.Size = c.size
		d, err := FromWorld(w, []int{1, 2, 3}, wt)
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range c.want {
			if got := d.Problem.Sizes[i]; math.Abs(got-want) > 1e-12 {
				t.Errorf("%v: size of %d = %v, want %v", c.size, i+1, got, want)
			}
		}
	}
}

// TestDisputeIntensityReproducible: disputes are summed in a fixed order,
// so that the same World gives the same propensities bit for bit on every
// run (map order once made the last digits vary).
func TestDisputeIntensityReproducible(t *testing.T) {
	t.Parallel()
	w := &world.World{Year: 2000}
	codes := []int{2, 20, 200, 220}
	for id := 1; id <= 400; id++ {
		y := 1900 + id%97
		a, b := codes[id%4], codes[(id/4+1+id)%4]
		if a == b {
			continue
		}
		w.Disputes = append(w.Disputes,
			world.Dispute{ID: id, CCode: a, SideA: true, Start: world.D(y, 1, 1), End: world.D(y+id%3, 12, 31), HostLev: 1 + id%5},
			world.Dispute{ID: id, CCode: b, SideA: false, Start: world.D(y, 1, 1), End: world.D(y, 12, 31), HostLev: 1 + id%4})
	}
	first := disputeIntensity(w, codes, 3.7)
	for range 50 {
		s := disputeIntensity(w, codes, 3.7)
		for k := range s {
			if math.Float64bits(s[k]) != math.Float64bits(first[k]) {
				t.Fatalf("score[%d] = %v, then %v", k, first[k], s[k])
			}
		}
	}
}
