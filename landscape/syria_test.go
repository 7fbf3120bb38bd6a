package landscape_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/entente/entente/internal/source/propensity"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/landscape"
)

// fixture returns the path of a file of the Syria 2016 fixture, skipping
// (failing under CI=true) when the shared fixtures are absent.
func fixture(tb testing.TB, name string) string {
	tb.Helper()
	dir := filepath.Join(testenv.ModuleRoot(), "..", "shared", "fixtures", "landscape", "syria2016")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("fixture %s is missing (CI=true)", dir)
		}
		tb.Skipf("fixture %s is missing", dir)
	}
	return filepath.Join(dir, name)
}

func syria(tb testing.TB) *landscape.Problem {
	tb.Helper()
	p, err := propensity.Read(fixture(tb, "actors.csv"), fixture(tb, "propensity_raw.csv"), 3)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// TestSyria2016 reproduces the published result of the fixture's README
// (alexanderfurnas/Landscape_Theory, Feb 2016 inputs): a unique minimum,
// also the only local minimum, E = −83,200, {Tur, ISIS, Nursa} against the
// rest, with the s_i-weighted frustrations listed there.
func TestSyria2016(t *testing.T) {
	t.Parallel()
	p := syria(t)
	if !p.Integral() {
		t.Fatal("the fixture is integral")
	}
	for _, k := range []int{2} {
		res, err := landscape.Solve(context.Background(), p, landscape.Options{Method: landscape.ExactOnly, K: k, Basins: &landscape.BasinOptions{}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Configurations != 1024 {
			t.Errorf("examined %d configurations, want 1024", res.Configurations)
		}
		if len(res.Minima) != 1 || res.GlobalTies != 1 {
			t.Fatalf("%d local minima, %d global ties; want a unique minimum", len(res.Minima), res.GlobalTies)
		}
		g := res.Global
		if g.Energy != -83200 {
			t.Errorf("E = %v, want -83200 exactly", g.Energy)
		}
		co := g.Coalitions(p)
		want := [][]string{{"US", "Rus", "Syr", "S.A.", "Iran", "Hez", "IqKrd", "Iraq"}, {"Tur", "ISIS", "Nursa"}}
		if len(co) != 2 || !slices.Equal(co[0], want[0]) || !slices.Equal(co[1], want[1]) {
			t.Errorf("sides = %v, want %v", co, want)
		}
		wantSF := []float64{-1900, -2200, -11500, -1500, -2100, -2400, -38000, -2200, -8800, -2100, -10500}
		for i, f := range g.Frustration {
			if got := p.Sizes[i] * f; got != wantSF[i] {
				t.Errorf("s·F(%s) = %v, want %v", p.Names[i], got, wantSF[i])
			}
		}
		if g.Basin != 1 || res.Basins.Starts != 1024 || res.Basins.Sampled {
			t.Errorf("basin %v over %d starts (sampled %v), want 1 over all 1024", g.Basin, res.Basins.Starts, res.Basins.Sampled)
		}
	}
}
