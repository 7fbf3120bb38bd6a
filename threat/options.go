package threat

import (
	"fmt"
	"github.com/entente/entente/capability"
	"math"
)

// Composite says how the four components combine into a total.
type Composite int

const (
	// Additive is the seed's sum T = w1 P + w2 X + w3 O + w4 I, kept for
	// teaching ("--composite sum").
	Additive Composite = iota
	// Multiplicative is the weighted geometric mean
	// T = (P^w1 X^w2 O^w3 I^w4)^(1/Σw), in [0,1]: a threat needs every
	// source at once, and a zero component gives a zero threat. (The plain
	// product would shrink with the number of components; the geometric
	// mean keeps totals on the additive composite's scale divided by Σw.)
	Multiplicative
	// Walt is the default: dyadic potential threat gated by aggressive
	// intentions (see Walt in walt.go).
	Walt
)

func (c Composite) String() string {
	switch c {
	case Multiplicative:
		return "multiplicative"
	case Walt:
		return "walt"
	}
	return "sum"
}

// Composites lists the names ParseComposite accepts.
const Composites = "walt, sum (or additive), multiplicative (or product)"

// ParseComposite parses "walt", "sum" (or "additive") or "multiplicative"
// (or "product").
func ParseComposite(s string) (Composite, error) {
	switch s {
	case "walt":
		return Walt, nil
	case "additive", "sum":
		return Additive, nil
	case "multiplicative", "product":
		return Multiplicative, nil
	}
	return 0, fmt.Errorf("unknown composite %q (want %s)", s, Composites)
}

// PowerIndex names the measure of aggregate power: the indexes of
// capability.Power, in the same order (docs/power.md).
type PowerIndex int

const (
	// CINC is the Composite Index of National Capability (Singer, Bremer &
	// Stuckey 1972), a share of the system total.
	CINC PowerIndex = iota
	// GDP is gross domestic product as a share of the total over the
	// World's states with a GDP (2011 US dollars in historical Worlds,
	// current dollars in world files); missing where a World has none.
	GDP
	// SDP is surplus domestic product (Anders, Fariss & Markowitz 2020)
	// as a share of the total over the states with one; historical Worlds
	// only.
	SDP
	// Beckley is GDP × GDP per capita (Beckley 2018) as a share of the
	// total over the states with both.
	Beckley
)

func (p PowerIndex) String() string { return capability.Power(p).String() }

// PowerIndexes lists the names ParsePowerIndex accepts.
const PowerIndexes = capability.PowerNames

// ParsePowerIndex parses one of PowerIndexes.
func ParsePowerIndex(s string) (PowerIndex, error) {
	p, err := capability.ParsePower(s)
	return PowerIndex(p), err
}

// Gradient names a loss-of-strength gradient.
type Gradient int

const (
	// BuenoDeMesquita is the gradient of Bueno de Mesquita (1981):
	// adjusted capability CINC^(log10(miles/W + 10 − e)).
	BuenoDeMesquita Gradient = iota
	// Boulding is Boulding's (1962) linear gradient: strength falls in
	// proportion to distance and vanishes at the reach W × ReachDays.
	Boulding
)

func (g Gradient) String() string {
	if g == Boulding {
		return "boulding"
	}
	return "bdm"
}

// ParseGradient parses "bdm" or "boulding".
func ParseGradient(s string) (Gradient, error) {
	switch s {
	case "bdm", "bueno-de-mesquita":
		return BuenoDeMesquita, nil
	case "boulding", "linear":
		return Boulding, nil
	}
	return 0, fmt.Errorf("unknown gradient %q (want bdm or boulding)", s)
}

// MissingRule says how the composite treats a missing component.
type MissingRule int

const (
	// Rescale computes the total from the components present and scales
	// it to the full weight: T = (Σ_all w / Σ_present w) Σ_present w_k c_k
	// (for the multiplicative composite, the geometric mean over the
	// components present). This imputes a missing component by the
	// weighted mean of the others (geometric mean, multiplicatively). The
	// total is missing when no component is present.
	Rescale MissingRule = iota
	// Strict makes the total missing when any weighted component is.
	Strict
)

// Weights are the weights of the four components.
type Weights struct {
	Power, Proximity, Offense, Intent float64
}

func (w Weights) sum() float64 { return w.Power + w.Proximity + w.Offense + w.Intent }

// Options are the constants of the threat model. DefaultOptions returns the
// documented defaults; every field is an option of the threat command.
type Options struct {
	Weights   Weights
	Composite Composite
	Missing   MissingRule
	Gradient  Gradient
	// MilesPerDay is W, the miles a day a state can move its power. Zero
	// selects the era schedule of MilesPerDayIn.
	MilesPerDay float64
	// ReachDays is the Boulding gradient's reach in days of travel: power
	// falls linearly to zero at W × ReachDays miles.
	ReachDays float64
	// HalfLife is the half-life in years of a dispute's weight in the
	// intent component, counted from the dispute's last year.
	HalfLife float64
	// TargetSideWeight weighs a dispute in which j was on the targeted side
	// (fought against i without initiating); a dispute j's side initiated
	// weighs 1.
	TargetSideWeight float64
	// AllyFactor multiplies the intent of a state allied with i (any
	// alliance in force in the World's year).
	AllyFactor float64
	// RivalryFloor and TerritorialFloor are the least intent of a dyad a
	// world file codes as a strategic rivalry or an active territorial
	// dispute.
	RivalryFloor, TerritorialFloor float64
	// PowerIndex is the measure of aggregate power of the Walt composite.
	PowerIndex PowerIndex
	// AllyDisputeYears: under the Walt composite, a defence ally on the
	// World's date is no threat unless hostility between the two is coded
	// or they met on opposite sides of a dispute that went on while they
	// were allied and within the last AllyDisputeYears years.
	AllyDisputeYears int
	// PowerExp (α), ProximityExp (β) and IntentPower (γ) are the
	// exponents of the Walt composite
	// T = D^α · X^β · ((I + IntentFloor)/(1 + IntentFloor))^γ; see Walt.
	PowerExp, ProximityExp, IntentPower float64
	// AggregateExp (δ) is the exponent of j's aggregate power P_j (its
	// power index relative to the strongest state's): Walt's first source
	// of threat, total resources, before any discount for distance.
	AggregateExp float64
	// IntentFloor (ε) keeps a potential threat, one without measured
	// hostility, above zero so that potential threats are ranked among
	// themselves; Matrix.Top counts only actual threats (intent > 0).
	IntentFloor float64
}

// DefaultOptions returns the defaults: the Walt composite (potential threat
// from power and offense in equal parts, weights 1), an ally's gate closed
// unless a dispute went on within 10 years, the CINC power index,
// rescaling of missing components, the Bueno de Mesquita gradient
// with the era schedule of W, a Boulding reach of 20 days, a dispute
// half-life of 10 years, target-side disputes at 0.5, allies' intent halved,
// a rivalry floor of 0.5 and a territorial floor of 0.25.
func DefaultOptions() Options {
	return Options{
		Weights:          Weights{1, 1, 1, 1},
		Composite:        Walt,
		Missing:          Rescale,
		Gradient:         BuenoDeMesquita,
		ReachDays:        20,
		HalfLife:         10,
		TargetSideWeight: 0.5,
		AllyFactor:       0.5,
		RivalryFloor:     0.5,
		TerritorialFloor: 0.25,
		PowerIndex:       CINC,
		AllyDisputeYears: 10,
		PowerExp:         defaultPowerExp,
		AggregateExp:     defaultAggregateExp,
		ProximityExp:     defaultProximityExp,
		IntentPower:      defaultIntentPower,
		IntentFloor:      0.01,
	}
}

// Validate reports the first option out of bounds.
func (o Options) Validate() error {
	ws := []struct {
		name string
		v    float64
	}{{"power", o.Weights.Power}, {"proximity", o.Weights.Proximity},
		{"offense", o.Weights.Offense}, {"intent", o.Weights.Intent}}
	for _, w := range ws {
		if math.IsNaN(w.v) || math.IsInf(w.v, 0) || w.v < 0 {
			return fmt.Errorf("threat: weight %s = %v: want a finite number >= 0", w.name, w.v)
		}
	}
	if o.Weights.sum() <= 0 {
		return fmt.Errorf("threat: weights sum to 0: want at least one positive weight")
	}
	check := func(name string, v, lo, hi float64, openLo bool) error {
		bad := math.IsNaN(v) || v < lo || v > hi || (openLo && v == lo)
		if bad {
			b := "["
			if openLo {
				b = "("
			}
			return fmt.Errorf("threat: %s = %v: want a value in %s%v, %v]", name, v, b, lo, hi)
		}
		return nil
	}
	for _, c := range []error{
		check("miles per day", o.MilesPerDay, 0, 1e6, false),
		check("reach days", o.ReachDays, 0, 1e6, true),
		check("half-life", o.HalfLife, 0, 1e6, true),
		check("target-side weight", o.TargetSideWeight, 0, 1, false),
		check("ally factor", o.AllyFactor, 0, 1, false),
		check("rivalry floor", o.RivalryFloor, 0, 1, false),
		check("territorial floor", o.TerritorialFloor, 0, 1, false),
		check("dyadic capability exponent α", o.PowerExp, 0, 10, false),
		check("aggregate power exponent δ", o.AggregateExp, 0, 10, false),
		check("proximity exponent β", o.ProximityExp, 0, 10, false),
		check("intent exponent γ", o.IntentPower, 0, 10, true),
		check("intent floor", o.IntentFloor, 0, 1, false),
	} {
		if c != nil {
			return c
		}
	}
	if o.Composite != Additive && o.Composite != Multiplicative && o.Composite != Walt {
		return fmt.Errorf("threat: unknown composite %d (want %s)", o.Composite, Composites)
	}
	if !capability.Power(o.PowerIndex).Valid() {
		return fmt.Errorf("threat: unknown power index %d (want %s)", o.PowerIndex, PowerIndexes)
	}
	if o.AllyDisputeYears < 0 || o.AllyDisputeYears > 1000 {
		return fmt.Errorf("threat: ally dispute years = %d: want a value in [0, 1000]", o.AllyDisputeYears)
	}
	if o.Composite == Walt && o.Weights.Power+o.Weights.Offense <= 0 {
		return fmt.Errorf("threat: weights of power and offense sum to 0: the walt composite needs one of them positive")
	}
	if o.Gradient != BuenoDeMesquita && o.Gradient != Boulding {
		return fmt.Errorf("threat: unknown gradient %d", o.Gradient)
	}
	if o.Missing != Rescale && o.Missing != Strict {
		return fmt.Errorf("threat: unknown missing rule %d", o.Missing)
	}
	return nil
}

// MaxTotal returns the largest total the composite can take: the sum of
// the weights for the additive composite, 1 for the multiplicative and Walt
// ones.
func (o Options) MaxTotal() float64 {
	if o.Composite != Additive {
		return 1
	}
	return o.Weights.sum()
}

// MilesPerDayIn returns the era default of W, the miles a day a state can
// move its military power, for year y: 250 from 1946, 200 for 1919–1945,
// 125 before 1919.
//
// Bueno de Mesquita (1981, The War Trap, Yale University Press) uses 250
// miles a day, a figure for the era of motorised and air transport; later
// work adapts W to terrain and transport (Lemke 2002, Regions of War and
// Peace).
// The lower values before 1946 are our own schedule for the railway and
// steamship eras, not the literature's; set Options.MilesPerDay to use one
// value for every year.
func MilesPerDayIn(y int) float64 {
	switch {
	case y >= 1946:
		return 250
	case y >= 1919:
		return 200
	}
	return 125
}

// W returns the miles per day in force for year y under o.
func (o Options) W(y int) float64 {
	if o.MilesPerDay > 0 {
		return o.MilesPerDay
	}
	return MilesPerDayIn(y)
}
