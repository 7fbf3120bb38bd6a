package align

import (
	"fmt"
	"math"
	"sort"

	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

var nan = math.NaN()

// Choice is a predicted alignment choice.
type Choice string

// The choices.
const (
	Balance   Choice = "balance"   // ally with others against the top threat
	Bandwagon Choice = "bandwagon" // align with the top threat
	StayOut   Choice = "none"      // nobody threatens the state enough
)

// Names of the bandwagoning conditions.
const (
	CondWeak         = "weakness"
	CondOverwhelming = "overwhelming_threat"
	CondNoAllies     = "no_allies"
	CondBenefit      = "benefit_over_cost"
)

// Condition is one of Walt's bandwagoning conditions as measured for a
// state: its value, the threshold and whether it fired. A condition whose
// value is missing does not fire.
type Condition struct {
	Name      string      `json:"name"`
	Value     world.Value `json:"value"`
	Threshold float64     `json:"threshold"`
	Fired     bool        `json:"fired"`
	Rule      string      `json:"rule"`
}

// Partner is a candidate ally against the top threat with its utility and
// the utility's terms (each in [0,1], missing when unmeasured).
type Partner struct {
	CCode      int         `json:"ccode"`
	Name       string      `json:"name,omitempty"`
	Utility    world.Value `json:"utility"`
	Capability world.Value `json:"capability"`
	Interests  world.Value `json:"interests"`
	Domestic   world.Value `json:"domestic"`
	Identity   world.Value `json:"identity"`
	// SharesThreat says whether the top threat is among the partner's own
	// top threats (Options.CommonThreatRank).
	SharesThreat bool `json:"shares_threat"`
	// SharedThreat (the top threat's intent toward the partner) and
	// ThreatToState (the threat the partner poses to the state) are terms
	// of the Walt model's utility; missing under the seed's.
	SharedThreat  world.Value `json:"shared_threat"`
	ThreatToState world.Value `json:"threat_to_state"`
}

// Prediction is the predicted alignment of one state.
type Prediction struct {
	State         int            `json:"state"`
	Name          string         `json:"name,omitempty"`
	TopThreat     *threat.Threat `json:"top_threat"`
	TopThreatName string         `json:"top_threat_name,omitempty"`
	Choice        Choice         `json:"choice"`
	Conditions    []Condition    `json:"conditions"`
	Partners      []Partner      `json:"partners"`
}

// Fired returns the names of the conditions that fired.
func (p *Prediction) Fired() []string {
	var out []string
	for _, c := range p.Conditions {
		if c.Fired {
			out = append(out, c.Name)
		}
	}
	return out
}

// PartnerWeights weigh the terms of the partner utility.
type PartnerWeights struct {
	Capability, Interests, Domestic, Identity float64
}

// Options are the thresholds and weights of the alignment model.
type Options struct {
	// MinThreat: a state whose top threat's total is below MinThreat ×
	// the composite's maximum stays out.
	MinThreat float64
	// Weak: the weakness condition fires when CINC_i / (CINC_top · X),
	// with X the top threat's proximity to i, is below Weak.
	Weak float64
	// Overwhelming: the overwhelming-threat condition fires when the top
	// threat's total ≥ Overwhelming × the composite's maximum.
	Overwhelming float64
	// CommonThreatRank: a partner shares the threat when the top threat
	// is among its CommonThreatRank largest threats.
	CommonThreatRank int
	Weights          PartnerWeights
	// Partners is how many partners a Prediction lists.
	Partners int
}

// DefaultOptions returns the defaults: MinThreat 0.25, Weak 0.01,
// Overwhelming 0.75, CommonThreatRank 5, equal partner weights 1, five
// partners.
func DefaultOptions() Options {
	return Options{MinThreat: 0.25, Weak: 0.01, Overwhelming: 0.75, CommonThreatRank: 5,
		Weights: PartnerWeights{1, 1, 1, 1}, Partners: 5}
}

// Validate reports the first option out of bounds.
func (o Options) Validate() error {
	for _, f := range []struct {
		name string
		v    float64
	}{{"min threat", o.MinThreat}, {"weak", o.Weak}, {"overwhelming", o.Overwhelming}} {
		if math.IsNaN(f.v) || f.v < 0 || f.v > 1 {
			return fmt.Errorf("align: %s = %v: want a value in [0, 1]", f.name, f.v)
		}
	}
	ws := []float64{o.Weights.Capability, o.Weights.Interests, o.Weights.Domestic, o.Weights.Identity}
	sum := 0.0
	for _, w := range ws {
		if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			return fmt.Errorf("align: partner weight %v: want a finite number >= 0", w)
		}
		sum += w
	}
	if sum == 0 {
		return fmt.Errorf("align: partner weights sum to 0")
	}
	if o.CommonThreatRank < 1 {
		return fmt.Errorf("align: common-threat rank %d: want at least 1", o.CommonThreatRank)
	}
	if o.Partners < 0 {
		return fmt.Errorf("align: partners %d: want at least 0", o.Partners)
	}
	return nil
}

// model holds what Predict precomputes for one World.
type model struct {
	w    *world.World
	m    *threat.Matrix
	o    Options
	max  float64
	cinc []float64
	econ []float64  // economic size, scaled to the largest
	ties []bool     // [a*n+b]: share any alliance recorded in w
	intr *interests // the Walt partner utility's interests term
	topK [][]int    // positions of each state's CommonThreatRank largest threats
}

// Predict returns the predicted alignment of every state in w, in the order
// of w.States, from its threat matrix m (threat.Compute of w).
//
// For state i with top threat j (the largest total in m):
//
//   - StayOut when T_ij < MinThreat · Tmax or i faces no measured threat;
//   - Bandwagon when any condition fires:
//     weakness       CINC_i / (CINC_j · X_ij) < Weak, i's capability
//     against the threat's as it reaches i (see weakness),
//     overwhelming   T_ij / Tmax ≥ Overwhelming,
//     no_allies      no state other than i and j, not allied with j, counts
//     j among its CommonThreatRank largest threats (value: the count),
//     benefit_over_cost  B_ij − U_ik* > 0, where U_ik* is the utility of the
//     best balancing partner and B_ij the utility of aligning with j: the
//     partner utility with its capability term replaced by the security
//     bandwagoning buys, T_ij/Tmax · (1 − I_ij) — the threat removed, as far
//     as j's intentions are not hostile (value: the difference;
//     missing, so not fired, when i is already allied with j in w.Year:
//     Walt weighs bandwagoning's gains against its risks for a state
//     that has not joined the threat, and an ally cannot newly join it);
//   - Balance otherwise.
//
// Walt (1987, ch. 2 and 5) states the conditions; the measures and
// thresholds are ours. Partners are ranked by the partner utility
// U_ik (docs/threat.md, "Partners"). Predict returns an error for invalid options or a matrix that
// does not belong to w.
func Predict(w *world.World, m *threat.Matrix, o Options) ([]Prediction, error) {
	if w == nil || m == nil {
		return nil, fmt.Errorf("align: nil world or matrix")
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if m.Len() != len(w.States) {
		return nil, fmt.Errorf("align: matrix has %d states, world %d", m.Len(), len(w.States))
	}
	for i := range w.States {
		if m.States[i] != w.States[i].CCode {
			return nil, fmt.Errorf("align: matrix and world disagree on state %d", i)
		}
	}
	md := newModel(w, m, o)
	out := make([]Prediction, len(w.States))
	for i := range w.States {
		if m.Options.Composite == threat.Walt {
			out[i] = md.predictWalt(i)
			continue
		}
		out[i] = md.predict(i)
		out[i].Name = w.States[i].Name
		if p := out[i].TopThreat; p != nil {
			out[i].TopThreatName = w.State(p.From).Name
		}
		for k := range out[i].Partners {
			out[i].Partners[k].Name = w.State(out[i].Partners[k].CCode).Name
			out[i].Partners[k].SharedThreat, out[i].Partners[k].ThreatToState = world.Missing(), world.Missing()
		}
	}
	return out, nil
}

func newModel(w *world.World, m *threat.Matrix, o Options) *model {
	n := len(w.States)
	md := &model{w: w, m: m, o: o, max: m.Options.MaxTotal(),
		cinc: make([]float64, n), ties: make([]bool, n*n), topK: make([][]int, n)}
	for i := range w.States {
		md.cinc[i] = w.States[i].Capability.CINC.Float()
	}
	md.econ = economicSize(w)
	if m.Options.Composite == threat.Walt {
		md.intr = newInterests(w, func(a, b int) bool { return m.TieAt(a, b) != 0 })
	}
	for a := range w.Alliances {
		al := &w.Alliances[a]
		var ever []int
		seen := map[int]bool{}
		for _, mem := range al.Members {
			p := m.Pos(mem.CCode)
			if p < 0 {
				continue
			}
			if mem.Spell.Start.Year <= w.Year && !seen[p] {
				seen[p] = true
				ever = append(ever, p)
			}
		}
		mark(md.ties, ever, n)
	}
	for i := 0; i < n; i++ {
		md.topK[i] = topThreats(m, i, o.CommonThreatRank)
	}
	return md
}

func mark(b []bool, idx []int, n int) {
	for _, x := range idx {
		for _, y := range idx {
			if x != y {
				b[x*n+y] = true
			}
		}
	}
}

// topThreats returns the positions of the k largest present threats to i.
func topThreats(m *threat.Matrix, i, k int) []int {
	var out []int
	n := m.Len()
	for j := 0; j < n; j++ {
		v := m.TotalAt(i, j)
		if j == i || math.IsNaN(v) {
			continue
		}
		// insertion into a short sorted list
		p := len(out)
		for p > 0 && m.TotalAt(i, out[p-1]) < v {
			p--
		}
		if p >= k {
			continue
		}
		out = append(out, 0)
		copy(out[p+1:], out[p:])
		out[p] = j
		if len(out) > k {
			out = out[:k]
		}
	}
	return out
}

// economicSize returns each state's economic size scaled to the largest:
// GDP where the World has it for any state (world files), else the mean of
// iron-and-steel production and primary energy consumption, each relative
// to the largest (COW NMC's industrial components). Missing where unknown.
func economicSize(w *world.World) []float64 {
	n := len(w.States)
	gdp := make([]float64, n)
	irst := make([]float64, n)
	pec := make([]float64, n)
	haveGDP := false
	for i := range w.States {
		s := &w.States[i]
		gdp[i], irst[i], pec[i] = s.GDP.Float(), s.Capability.Irst.Float(), s.Capability.Pec.Float()
		haveGDP = haveGDP || s.GDP.OK()
	}
	if haveGDP {
		return threat.ScaleToMax(gdp)
	}
	irst, pec = threat.ScaleToMax(irst), threat.ScaleToMax(pec)
	out := make([]float64, n)
	for i := range out {
		out[i] = meanPresent(irst[i], pec[i])
	}
	return out
}

func meanPresent(xs ...float64) float64 {
	s, k := 0.0, 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			s += x
			k++
		}
	}
	if k == 0 {
		return nan
	}
	return s / float64(k)
}

// weakness is the measured value of the weakness condition: i's capability
// against the share of the threat's capability that reaches it,
//
//	CINC_i / (CINC_j · X_ij),
//
// with X_ij the threat's proximity component (the loss-of-strength gradient
// of threat.Options, 1 at home). Walt (1987, ch. 2) has weak states bandwagon
// because they add little to a defensive coalition, and argues that weak
// states are most sensitive to power close to them, being concerned chiefly
// with threats in their own region (our paraphrase). Discounting the
// threat's capability by distance is our reading of that argument; Walt
// gives no measure. The value is NaN (missing, so the condition does not
// fire) when an input is missing, CINC_j ≤ 0, or none of j's capability
// reaches i (X_ij = 0, as beyond Boulding's reach): i is then not weak
// against j in this sense, and a missing value keeps the JSON finite.
func weakness(ci, cj, xij float64) float64 {
	if math.IsNaN(ci) || math.IsNaN(cj) || math.IsNaN(xij) || cj <= 0 || xij <= 0 {
		return nan
	}
	return ci / (cj * xij)
}

// RegimeSimilarity returns 1 for the same regime type, 0.5 when one of two
// different types is "hybrid", 0 otherwise, and NaN when either is uncoded.
func RegimeSimilarity(a, b string) float64 {
	switch {
	case a == "" || b == "":
		return nan
	case a == b:
		return 1
	case a == "hybrid" || b == "hybrid":
		return 0.5
	}
	return 0
}

// Aggregation is capability aggregation against a threat: how much more of
// the threat's capability the pair matches than i alone,
//
//	min(1, (c_i + c_k)/c_j) − min(1, c_i/c_j),
//
// in [0,1] (the capability-aggregation model of alliances, as Morrow 1991
// names it in proposing an alternative; after Waltz 1979). NaN when a CINC
// is missing or c_j ≤ 0.
func Aggregation(ci, ck, cj float64) float64 {
	if math.IsNaN(ci) || math.IsNaN(ck) || math.IsNaN(cj) || cj <= 0 {
		return nan
	}
	return math.Min(1, (ci+ck)/cj) - math.Min(1, ci/cj)
}

// utility combines terms with weights, rescaling over the present terms as
// the threat composite does; NaN when none is present.
func (o Options) utility(cp, in, dom, id float64) float64 {
	t := [4]float64{cp, in, dom, id}
	w := [4]float64{o.Weights.Capability, o.Weights.Interests, o.Weights.Domestic, o.Weights.Identity}
	all, present, acc := 0.0, 0.0, 0.0
	for k := range t {
		if w[k] == 0 {
			continue
		}
		all += w[k]
		if !math.IsNaN(t[k]) {
			present += w[k]
			acc += w[k] * t[k]
		}
	}
	if present == 0 {
		return nan
	}
	return acc * all / present
}

// partner returns the utility to i of allying with k against j:
//
//	U_ik = w_c Agg(c_i, c_k, c_j) + w_i E_k + w_d R(i,k) + w_id mean(T_kj/Tmax, H_ik)
//
// where E_k is k's economic size (GDP, or NMC's industrial components,
// relative to the largest: interests, for want of trade data), R the regime
// similarity (domestic politics: shared ideology and regime security), T_kj
// the threat j poses to k (common enemies) and H_ik = 1 when i and k share
// any alliance recorded in the World (historical ties). Missing terms are
// rescaled away as in the threat composite.
func (md *model) partner(i, j, k int) Partner {
	n := len(md.w.States)
	ti := 0.0
	if md.ties[i*n+k] {
		ti = 1
	}
	common := md.m.TotalAt(k, j) / md.max
	p := Partner{
		CCode:      md.w.States[k].CCode,
		Capability: world.Value(Aggregation(md.cinc[i], md.cinc[k], md.cinc[j])),
		Interests:  world.Value(md.econ[k]),
		Domestic:   world.Value(RegimeSimilarity(md.w.States[i].Regime, md.w.States[k].Regime)),
		Identity:   world.Value(meanPresent(common, ti)),
	}
	p.Utility = world.Value(md.o.utility(p.Capability.Float(), p.Interests.Float(), p.Domestic.Float(), p.Identity.Float()))
	for _, x := range md.topK[k] {
		if x == j {
			p.SharesThreat = true
		}
	}
	return p
}

func (md *model) predict(i int) Prediction {
	pr := Prediction{State: md.w.States[i].CCode, Choice: StayOut, Conditions: []Condition{}, Partners: []Partner{}}
	j := md.m.TopPos(i)
	if j < 0 {
		return pr
	}
	top, _ := md.m.At(md.w.States[j].CCode, pr.State)
	pr.TopThreat = &top
	tij := top.Total.Float() / md.max
	if tij < md.o.MinThreat {
		return pr
	}

	cands := md.candidates(i, j)
	available := 0
	for _, c := range cands {
		if c.SharesThreat {
			available++
		}
	}
	best := nan
	if len(cands) > 0 {
		best = cands[0].Utility.Float()
	}
	weak := weakness(md.cinc[i], md.cinc[j], top.Proximity.Float())
	benefit := md.benefit(i, j, &top, best)
	pr.Conditions = []Condition{
		cond(CondWeak, weak, md.o.Weak, weak < md.o.Weak, "CINC_i / (CINC_top · proximity of the top threat) < threshold"),
		cond(CondOverwhelming, tij, md.o.Overwhelming, tij >= md.o.Overwhelming, "T_top / Tmax >= threshold"),
		cond(CondNoAllies, float64(available), 0, available == 0,
			fmt.Sprintf("states not allied with the threat that count it among their %d largest threats = 0", md.o.CommonThreatRank)),
		cond(CondBenefit, benefit, 0, benefit > 0, "utility of aligning with the threat − utility of the best balancing partner > 0 (missing when already allied with the threat)"),
	}
	pr.Choice = Balance
	if len(pr.Fired()) > 0 {
		pr.Choice = Bandwagon
	}
	if len(cands) > md.o.Partners {
		cands = cands[:md.o.Partners]
	}
	pr.Partners = cands
	return pr
}

// candidates returns the balancing partners of i against j (every state
// but i, j and j's allies), best utility first, missing utilities last.
func (md *model) candidates(i, j int) []Partner {
	var cands []Partner
	for k := range md.w.States {
		if k == i || k == j || md.m.AlliedAt(k, j) {
			continue
		}
		cands = append(cands, md.partner(i, j, k))
	}
	sort.SliceStable(cands, func(a, b int) bool {
		x, y := cands[a].Utility, cands[b].Utility
		if x.IsMissing() != y.IsMissing() {
			return y.IsMissing()
		}
		return x > y
	})
	return cands
}

// benefit is the value of the benefit-over-cost condition, B_ij − best
// (see Predict), for i facing top threat j.
func (md *model) benefit(i, j int, top *threat.Threat, best float64) float64 {
	// Walt's cost–benefit comparison is the choice of a state deciding
	// whether to join its threat; a state already allied with it has no
	// such choice to make, so the condition is not measured (missing).
	if md.m.AlliedAt(i, j) {
		return nan
	}
	ti := 0.0
	if md.ties[i*len(md.w.States)+j] {
		ti = 1
	}
	// Aligning with j buys security only insofar as j is not hostile:
	// bandwagoning trusts the threat's continued forbearance (Walt 1987,
	// ch. 2), so its security term is T_ij/Tmax · (1 − I_ij).
	security := top.Total.Float() / md.max * (1 - top.Intent.Float())
	bw := md.o.utility(security, md.econ[j], RegimeSimilarity(md.w.States[i].Regime, md.w.States[j].Regime), ti)
	return bw - best
}

func cond(name string, v, thr float64, fired bool, rule string) Condition {
	if math.IsNaN(v) {
		fired = false
	}
	return Condition{Name: name, Value: world.Value(v), Threshold: thr, Fired: fired, Rule: rule}
}
