package capability_test

import (
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/capability"
	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func TestParsePower(t *testing.T) {
	for i, name := range strings.Split(capability.PowerNames, ", ") {
		p, err := capability.ParsePower(name)
		if err != nil || p != capability.Power(i) || p.String() != name {
			t.Errorf("ParsePower(%q) = %v, %v", name, p, err)
		}
	}
	if _, err := capability.ParsePower("milex"); err == nil || !strings.Contains(err.Error(), capability.PowerNames) {
		t.Errorf("ParsePower(milex) = %v, want an error listing %s", err, capability.PowerNames)
	}
}

func TestShares(t *testing.T) {
	m := world.Missing()
	got := capability.Shares([]world.Value{3, m, 1, -2})
	want := []float64{0.75, math.NaN(), 0.25, 0}
	for i := range want {
		if g := float64(got[i]); !(g == want[i] || math.IsNaN(g) && math.IsNaN(want[i])) {
			t.Errorf("share %d = %v, want %v", i, g, want[i])
		}
	}
	if got := capability.BeckleyLevel(10, 4); got != 25 {
		t.Errorf("BeckleyLevel(10, 4) = %v, want 25", got)
	}
	for _, pop := range []world.Value{m, 0} {
		if got := capability.BeckleyLevel(10, pop); got.OK() {
			t.Errorf("BeckleyLevel(10, %v) = %v, want missing", pop, got)
		}
	}
}

// TestPowerUSAOrChina shows why the GDP-based indexes exist: CINC makes
// China the system's strongest state in 1999 and 2010, while GDP and
// Beckley's GDP × GDP per capita (Anders, Fariss & Markowitz's 2011-dollar
// estimates) keep the United States first. A state without a GDP has a
// missing share, not zero.
func TestPowerUSAOrChina(t *testing.T) {
	h, err := history.Open(testenv.DataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	const usa, china = 2, 710
	for _, y := range []int{1999, 2010} {
		w, err := h.World(y)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			p    capability.Power
			want int
		}{{capability.CINC, china}, {capability.GDP, usa}, {capability.Beckley, usa}, {capability.SDP, usa}} {
			shares := capability.PowerShares(w, c.p)
			best, sum := 0, 0.0
			for i, v := range shares {
				if v.OK() {
					sum += float64(v)
					if best == 0 || v > shares[w.Pos(best)] {
						best = w.States[i].CCode
					}
				}
			}
			if best != c.want {
				t.Errorf("%d, %v: the strongest state is %d, want %d", y, c.p, best, c.want)
			}
			if c.p != capability.CINC && math.Abs(sum-1) > 1e-9 {
				t.Errorf("%d, %v: shares sum to %v, want 1", y, c.p, sum)
			}
			t.Logf("%d %-7v USA %.3f China %.3f", y, c.p, shares[w.Pos(usa)], shares[w.Pos(china)])
		}
	}
	// A member without an economy row keeps a missing share.
	w, _ := h.World(2010)
	gdp := capability.PowerShares(w, capability.GDP)
	for i := range w.States {
		if w.States[i].GDP2011USD.IsMissing() && gdp[i].OK() {
			t.Errorf("%s has no GDP in 2010 but a GDP share %v", w.States[i].Name, gdp[i])
		}
	}
}
