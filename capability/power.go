package capability

import (
	"fmt"
	"math"

	"github.com/entente/entente/world"
)

// Power names an index of aggregate power (docs/power.md).
//
//   - CINC, the Composite Index of National Capability (Singer, Bremer &
//     Stuckey 1972): the mean of a state's shares of the system's military
//     expenditure, military personnel, iron and steel, energy, total and
//     urban population. Population and army size weigh as much as the
//     economy, so CINC ranks China above the United States in 1999 and
//     2010 (TestPowerUSAOrChina), where every GDP-based index below ranks
//     the United States first.
//   - GDP, gross domestic product, the measure of the economy most
//     studies of power use beside CINC.
//   - SDP, surplus domestic product (Anders, Fariss & Markowitz 2020,
//     "Bread Before Guns or Butter", ISQ 64(2)): GDP less what the
//     population needs to subsist, the resources a state can spend on
//     anything beyond survival.
//   - Beckley, GDP × GDP per capita (Beckley 2018, Unrivaled: Why America
//     Will Remain the World's Sole Superpower, Cornell UP, ch. 1): gross
//     output discounted for the costs of a large, poor population
//     (welfare, security, production), = GDP² / population.
//
// The zero value is CINC.
type Power int

const (
	CINC Power = iota
	GDP
	SDP
	Beckley
)

// PowerNames lists the names ParsePower accepts, in order.
const PowerNames = "cinc, gdp, sdp, beckley"

var powerNames = [...]string{"cinc", "gdp", "sdp", "beckley"}

func (p Power) String() string {
	if p < 0 || int(p) >= len(powerNames) {
		return fmt.Sprintf("Power(%d)", int(p))
	}
	return powerNames[p]
}

// ParsePower parses one of PowerNames; the error lists them.
func ParsePower(s string) (Power, error) {
	for i, n := range powerNames {
		if s == n {
			return Power(i), nil
		}
	}
	return 0, fmt.Errorf("unknown power index %q (want one of %s)", s, PowerNames)
}

// MarshalText writes the index's name, so JSON says "gdp", not 1.
func (p Power) MarshalText() ([]byte, error) {
	if !p.Valid() {
		return nil, fmt.Errorf("capability: unknown power index %d", int(p))
	}
	return []byte(p.String()), nil
}

// UnmarshalText parses a name of PowerNames.
func (p *Power) UnmarshalText(b []byte) error {
	q, err := ParsePower(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// Valid reports whether p is one of the indexes above.
func (p Power) Valid() bool { return p >= 0 && int(p) < len(powerNames) }

// BeckleyLevel returns GDP × GDP per capita, gdp²/pop; missing when
// either is missing or the population is not positive.
func BeckleyLevel(gdp, pop world.Value) world.Value {
	if gdp.IsMissing() || pop.IsMissing() || !(float64(pop) > 0) {
		return world.Missing()
	}
	g := float64(gdp)
	return world.Known(g * g / float64(pop))
}

// Shares returns each level's share of the total of the levels present:
// x_i / Σ_j x_j over the j with a level. A missing level stays missing,
// never zero; a negative level counts as zero; all are missing when the
// total is not positive.
func Shares(levels []world.Value) []world.Value {
	sum := 0.0
	for _, v := range levels {
		if v.OK() && v > 0 {
			sum += float64(v)
		}
	}
	out := make([]world.Value, len(levels))
	for i, v := range levels {
		if sum <= 0 || v.IsMissing() {
			out[i] = world.Missing()
			continue
		}
		out[i] = world.Known(math.Max(float64(v), 0) / sum)
	}
	return out
}

// Levels returns, aligned with w.States, each state's level under p:
// its CINC, GDP, SDP or GDP²/population. Historical Worlds carry GDP and
// SDP in 2011 US dollars and population from Anders, Fariss & Markowitz
// (State.GDP2011USD, SDP2011USD, Population); a World with no 2011-dollar
// GDP at all (a world file) uses its current-dollar GDP (State.GDP)
// instead. World files carry no SDP: it is missing there.
func Levels(w *world.World, p Power) []world.Value {
	gdp2011 := false
	for i := range w.States {
		if w.States[i].GDP2011USD.OK() {
			gdp2011 = true
			break
		}
	}
	out := make([]world.Value, len(w.States))
	for i := range w.States {
		s := &w.States[i]
		g := s.GDP
		if gdp2011 {
			g = s.GDP2011USD
		}
		switch p {
		case GDP:
			out[i] = g
		case SDP:
			out[i] = s.SDP2011USD
		case Beckley:
			out[i] = BeckleyLevel(g, s.Population)
		default:
			out[i] = s.Capability.CINC
		}
	}
	return out
}

// PowerShares returns, aligned with w.States, each state's share of the
// system's power under p: CINC as it is (already a share of the system),
// the others as Shares of Levels over the states that have one.
func PowerShares(w *world.World, p Power) []world.Value {
	if p == CINC {
		return Levels(w, p)
	}
	return Shares(Levels(w, p))
}
