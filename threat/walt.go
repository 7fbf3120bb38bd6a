package threat

import (
	"github.com/entente/entente/capability"
	"math"

	"github.com/entente/entente/world"
)

// Reach returns the capability a state of capability share c keeps at a
// target miles away under the gradient of o, in year y:
//
//	BdM       a(c, d) = c^(log10(d/W + 10 − e))   (Bueno de Mesquita 1981)
//	Boulding  a(c, d) = c · max(0, 1 − d/(W · ReachDays))   (Boulding 1962)
//
// Unlike ProximityBdM it is not scaled by its value at home, so that the
// reach of two states can be compared: a(c_i, 0) is i's own capability at
// home under the same gradient. NaN when c or miles is missing.
func (o Options) Reach(c, miles float64, y int) float64 {
	if math.IsNaN(c) || math.IsNaN(miles) || c < 0 {
		return nan
	}
	if c > 1 {
		c = 1
	}
	W := o.W(y)
	if o.Gradient == Boulding {
		return c * math.Max(0, 1-miles/(W*o.ReachDays))
	}
	return math.Pow(c, math.Log10(miles/W+10-math.E))
}

// Relative returns the share of a contest j would bring to i's home:
//
//	R = a_j / (a_j + a_i)
//
// with a_j j's capability as it reaches i and a_i i's own at home, both
// under the same loss-of-strength gradient (Reach). R is 0.5 between equals
// at home, near 1 when j's reaching capability dwarfs i's, near 0 when i is
// the stronger on its own ground. NaN when either is missing; 0 when both
// are 0.
func Relative(aj, ai float64) float64 {
	if math.IsNaN(aj) || math.IsNaN(ai) {
		return nan
	}
	if aj+ai <= 0 {
		return 0
	}
	return aj / (aj + ai)
}

// shares returns x_i / Σ_k x_k over the present values of x; missing stay
// missing, and every value is missing when none is present and positive.
func shares(x []float64) []float64 {
	sum := 0.0
	for _, v := range x {
		if !math.IsNaN(v) && v > 0 {
			sum += v
		}
	}
	out := make([]float64, len(x))
	for i, v := range x {
		if sum <= 0 || math.IsNaN(v) {
			out[i] = nan
			continue
		}
		out[i] = math.Max(v, 0) / sum
	}
	return out
}

// powerShares returns each state's share of aggregate power under the index
// o.PowerIndex: its CINC (already a share), or its share of the GDP, SDP
// or GDP × GDP per capita of the states that have one
// (capability.PowerShares).
func powerShares(w *world.World, o Options) []float64 {
	v := capability.PowerShares(w, capability.Power(o.PowerIndex))
	x := make([]float64, len(v))
	for i := range v {
		x[i] = v[i].Float()
	}
	return x
}

// offenseShares returns each state's offensive capability as a share of the
// system: the mean of its shares of military expenditure and of military
// personnel (COW NMC units), over those present.
func offenseShares(w *world.World) []float64 {
	n := len(w.States)
	milex, milper := make([]float64, n), make([]float64, n)
	for i := range w.States {
		milex[i] = w.States[i].Capability.Milex.Float()
		milper[i] = w.States[i].Capability.Milper.Float()
	}
	milex, milper = shares(milex), shares(milper)
	out := make([]float64, n)
	for i := range out {
		sum, k := 0.0, 0
		for _, v := range []float64{milex[i], milper[i]} {
			if !math.IsNaN(v) {
				sum += v
				k++
			}
		}
		out[i] = nan
		if k > 0 {
			out[i] = sum / float64(k)
		}
	}
	return out
}

// walt fills the Walt composite of m:
//
//	R_ij = a(c_j, d_ij) / (a(c_j, d_ij) + a(c_i, 0))   power that reaches i, relative to i's own
//	O_ij = a(o_j, d'_ij) / (a(o_j, d'_ij) + a(o_i, 0)) offense likewise
//	D_ij = (w_P R_ij + w_O O_ij) / (w_P + w_O)          dyadic capability
//	V_ij = D_ij · X_ij                                  potential threat
//	T_ij = P_j^δ D_ij^α X_ij^β ((I_ij + ε)/(1 + ε))^γ   threat
//	I_ij = 0 for a defence ally on the reference date without hostility
//
// a(c, d) is the loss-of-strength gradient (Reach) applied to both states
// (Bueno de Mesquita 1981; Lemke 2002 on how far weak states reach), c_j
// the power index's share, o_j the offensive-capability share
// (offenseShares), d the effective distance (EffectiveMiles) and d' the
// distance shortened by j's coded power projection; P_j j's power index
// relative to the strongest state's (Walt's aggregate power); X_ij the proximity
// component (ProximityBdM over the power index's share, or
// ProximityBoulding), I_ij the intent
// (disputes, decayed, and coded hostility, rivalry, territorial claims and
// war), ε = IntentFloor. Walt (1987, ch. 2) makes aggressive intentions
// decisive: a strong, near state without them is a potential threat (V),
// not an actual one; Matrix.Top counts only actual threats (I > 0). The
// exponents δ, α, β, γ are chosen by out-of-sample validation on 1816–1945
// (threat/validate, docs/threat.md); the functional form is ours, Walt
// gives none. disputes holds the decayed dispute sums (nil when the World
// has no dispute data), coded the hostility coded for each pair (NaN where
// none), last the last year of a dispute between the pair (0 when none).
func (m *Matrix) walt(w *world.World, disputes, coded []float64, last []int) {
	n := len(m.States)
	o := m.Options
	pw := powerShares(w, o)
	agg := ScaleToMax(pw)
	// P_j under the chosen power index: the aggregate power the composite
	// weighs (δ) is the one it shows.
	m.power = agg
	off := offenseShares(w)
	m.potential = make([]float64, n*n)
	m.reach = make([]float64, n*n)
	m.reachOff = make([]float64, n*n)
	m.capab = make([]float64, n*n)
	for k := range m.potential {
		m.potential[k], m.reach[k], m.reachOff[k], m.capab[k] = nan, nan, nan, nan
	}
	home := make([]float64, n)
	homeOff := make([]float64, n)
	for i := range home {
		home[i] = o.Reach(pw[i], 0, w.Year)
		homeOff[i] = o.Reach(off[i], 0, w.Year)
	}
	wp, wo := o.Weights.Power, o.Weights.Offense
	norm := math.Pow(1+o.IntentFloor, o.IntentPower)
	rivals, wars := historicalHostility(w, o.TargetSideWeight)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			pair := w.RelationAt(i, j)
			miles := EffectiveMiles(pair)
			pair.Rivalry = pair.Rivalry || rivals[pair.Dyad]
			// A world file's war binds both ways; history's by side.
			fileWar := pair.War
			pair.War = pair.War || wars[[2]int{pair.Dyad.A, pair.Dyad.B}] > 0 || wars[[2]int{pair.Dyad.B, pair.Dyad.A}] > 0
			for _, p := range [2][2]int{{i, j}, {j, i}} {
				to, from := p[0], p[1]
				k := to*n + from
				r := Relative(o.Reach(pw[from], miles, w.Year), home[to])
				x := Relative(o.Reach(off[from], projected(miles, w.States[from].PowerProjection), w.Year), homeOff[to])
				m.reach[k], m.reachOff[k] = r, x
				if o.Gradient == BuenoDeMesquita {
					// X under the chosen power index (CINC: ProximityBdM).
					m.prox[k] = ProximityBdM(pw[from], miles, o.W(w.Year))
				}
				d := o.potential(r, x, wp, wo)
				m.capab[k] = d
				m.potential[k] = d * m.prox[k]
				// A term with exponent 0 does not enter, missing or not.
				v := 1.0
				if o.PowerExp != 0 {
					v *= math.Pow(d, o.PowerExp)
				}
				if o.ProximityExp != 0 {
					v *= math.Pow(m.prox[k], o.ProximityExp)
				}
				if o.AggregateExp != 0 {
					v *= math.Pow(m.power[from], o.AggregateExp)
				}
				in := nan
				if m.IntentMeasured {
					// The intent of from toward to: from's hostility where
					// the file codes the directions apart.
					dir := pair
					dir.Hostility = pair.HostilityFrom(w.States[from].CCode)
					war := wars[[2]int{w.States[from].CCode, w.States[to].CCode}]
					if fileWar {
						war = 1
					}
					in = o.intent(disputes, k, dir, war)
				}
				if m.ties[k]&defenceTie != 0 && !pair.Rivalry && !pair.War && !hostile(coded[k], last[k], m.allySince[k], w.Year, o.AllyDisputeYears) {
					in = 0 // an ally: a potential threat, not an actual one
				}
				m.intent[k] = in
				m.total[k] = v * math.Pow(in+o.IntentFloor, o.IntentPower) / norm
			}
		}
	}
}

// historicalHostility returns the pairs of a World's strategic rivalries in
// force in its year (Thompson & Dreyer 2012, World.Rivalries) and, for the
// states fighting on opposite sides of an inter-state war in its year (COW
// and Reiter–Stam–Horowitz, World.Wars), the weight of the war in the
// intent of each toward the other: 1 for a state on the side that began
// the war (a side with a COW initiator), targetWeight for a state on the
// side attacked, 1 for both when neither side is coded as initiating.
// Keys are {from, to}. As with disputes (TargetSideWeight), resisting an
// attack is weaker evidence of aggressive intentions than launching one:
// Poland in 1939 and Finland in 1939–40 fought the states that attacked
// them. World files code their wars on their relations instead, without a
// direction.
func historicalHostility(w *world.World, targetWeight float64) (rivals map[world.Dyad]bool, wars map[[2]int]float64) {
	rivals, wars = map[world.Dyad]bool{}, map[[2]int]float64{}
	for k := range w.Rivalries {
		if r := &w.Rivalries[k]; r.InForce(w.Year) {
			rivals[world.MakeDyad(r.A, r.B)] = true
		}
	}
	for k := range w.Wars {
		war := &w.Wars[k]
		var began [2]bool
		for s := range war.Sides {
			for _, p := range war.Sides[s] {
				began[s] = began[s] || p.Initiator
			}
		}
		weight := func(s int) float64 {
			if began[1-s] && !began[s] {
				return targetWeight
			}
			return 1
		}
		for _, a := range war.Sides[0] {
			for _, b := range war.Sides[1] {
				if !a.Active(w.Year) || !b.Active(w.Year) || a.State == b.State {
					continue
				}
				for _, e := range [2]struct {
					from, to int
					v        float64
				}{{a.State, b.State, weight(0)}, {b.State, a.State, weight(1)}} {
					if key := [2]int{e.from, e.to}; e.v > wars[key] {
						wars[key] = e.v
					}
				}
			}
		}
	}
	return rivals, wars
}

// intent returns I_ij under the Walt composite: independent evidence of
// aggressive intentions combined as a noisy-or,
//
//	I = 1 − (1 − I_disputes)(1 − ρ)^rivalry (1 − τ)^territorial (1 − war)
//
// with I_disputes = 1 − exp(−s_ij) from the decayed dispute sum, ρ =
// RivalryFloor for a strategic rivalry in force, τ = TerritorialFloor for
// an active territorial claim and war the weight of a war in progress
// between them (historicalHostility: 1 for the side that began it,
// TargetSideWeight for the side attacked; 1 in world files); then at least the
// hostility value a world file codes (its coder's overall judgement), r
// carrying j's hostility toward i where the file codes the directions
// apart. Disputes are directed too (j's side initiating weighs 1, the
// target side TargetSideWeight), and so are historical wars; rivalries and
// claims are not. Each
// source alone gives its own weight; together they reinforce, so that a
// rival with which disputes continue (France and Germany before 1914)
// outranks a state with disputes alone.
func (o Options) intent(disputes []float64, k int, r world.Relation, war float64) float64 {
	keep := 1.0 // probability that no source signals hostility
	if disputes != nil {
		keep *= math.Exp(-disputes[k])
	}
	if r.Rivalry {
		keep *= 1 - o.RivalryFloor
	}
	if r.Territorial {
		keep *= 1 - o.TerritorialFloor
	}
	keep *= 1 - math.Min(1, math.Max(0, war))
	in := 1 - keep
	if r.Hostility.OK() && r.Hostility.Float() > in {
		in = r.Hostility.Float()
	}
	return in
}

// projected shortens the distance j's offensive forces must cover by its
// analyst-coded power projection π (world files, 0..1): d·(1 − π). A state
// that can project power anywhere (π = 1) loses none of it to distance.
func projected(miles float64, pi world.Value) float64 {
	if pi.IsMissing() {
		return miles
	}
	return miles * (1 - math.Min(1, math.Max(0, pi.Float())))
}

// potential combines the dyadic power and offense terms: the weighted mean
// (wp R + wo O)/(wp + wo), with a missing term treated by o.Missing.
func (o Options) potential(r, x, wp, wo float64) float64 {
	sum, wsum := 0.0, 0.0
	for _, t := range [2][2]float64{{r, wp}, {x, wo}} {
		if t[1] == 0 {
			continue
		}
		if math.IsNaN(t[0]) {
			if o.Missing == Strict {
				return nan
			}
			continue
		}
		sum += t[0] * t[1]
		wsum += t[1]
	}
	if wsum == 0 {
		return nan
	}
	return sum / wsum
}

// hostile reports whether a defence ally's intent stays open (besides a
// rivalry or a war between them, checked by the caller): hostility is
// coded between the two (coded > 0), or they met on opposite sides of a
// dispute that went on while they were allied (in or after since, the first
// year of the bond) and within the last years years of y. Disputes from
// before the alliance (the Republic of China and the Soviet Union in the
// 1940s, before the treaty of 1950) do not make an ally a threat; disputes
// between allies (Greece and Turkey in NATO) do.
func hostile(coded float64, last, since, y, years int) bool {
	if !math.IsNaN(coded) && coded > 0 {
		return true
	}
	return last > 0 && last >= since && y-last < years
}

// WaltAt returns the terms of the Walt composite for the threat from the
// state at position j to the state at position i: the dyadic power and
// offense shares R and O and the intent as gated by alliances. All are NaN
// under the other composites.
func (m *Matrix) WaltAt(i, j int) (reach, offense, intent float64) {
	if m.potential == nil {
		return nan, nan, nan
	}
	k := i*len(m.States) + j
	return m.reach[k], m.reachOff[k], m.intent[k]
}

// CapabilityAt returns the dyadic capability D from the state at position
// j to the state at position i (NaN under the other composites).
func (m *Matrix) CapabilityAt(i, j int) float64 {
	if m.potential == nil {
		return nan
	}
	return m.capab[i*len(m.States)+j]
}

// The Walt composite's constants, chosen by validate.Fit on 1816–1945
// (docs/threat.md, "Out of sample").
//
// validate.Fit selects them from its grid by the mean AUC of dispute
// initiation and balancing on 1816–1945; a test there checks that these are
// the values it selects.
const (
	defaultPowerExp     = 0
	defaultAggregateExp = 0
	defaultProximityExp = 0.25
	defaultIntentPower  = 1
)

// TieAt returns the obligations binding the states at positions i and j on
// the World's reference date (ReferenceDate).
func (m *Matrix) TieAt(i, j int) world.Obligations { return m.ties[i*len(m.States)+j] }

// DefenceAllyAt reports whether the states at positions i and j are bound
// by a defence or offense obligation on the reference date.
func (m *Matrix) DefenceAllyAt(i, j int) bool { return m.TieAt(i, j)&defenceTie != 0 }
