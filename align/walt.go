package align

import (
	"math"
	"sort"

	"github.com/entente/entente/world"
)

// Names of the conditions of the Walt alignment model.
const (
	CondWeakState = "weak_state"        // i's share of system power is small
	CondIsolated  = "no_ally_available" // no defence ally and no partner facing the threat
)

// predictWalt is Predict under the Walt threat composite. For state i with
// top actual threat j (threat.Matrix.Top: the largest threat with intent
// above zero):
//
//   - StayOut when i faces no actual threat (no hostility toward it is
//     measured): neutrality or hedging is a legitimate prediction;
//   - Bandwagon only when three conditions fire together (Walt 1987,
//     ch. 2 and 5; Labs 1992, "Do Weak States Bandwagon?", Security
//     Studies 1(3)): i is weak (its power share below Weak), the threat
//     is overwhelming relative to i's own strength (the share of a contest
//     at i's home that j's reaching power would bring, R_ij ≥
//     Overwhelming), and no ally is available (i holds no defence pact on
//     the date and no state outside j's alliances, not hostile to i, faces
//     j as an actual threat);
//   - Balance otherwise.
func (md *model) predictWalt(i int) Prediction {
	pr := Prediction{State: md.w.States[i].CCode, Name: md.w.States[i].Name, Choice: StayOut,
		Conditions: []Condition{}, Partners: []Partner{}}
	j := md.m.TopPos(i)
	if j < 0 {
		return pr
	}
	top, _ := md.m.At(md.w.States[j].CCode, pr.State)
	pr.TopThreat = &top
	pr.TopThreatName = md.w.States[j].Name
	cands := md.waltCandidates(i, j)
	available := 0
	for _, c := range cands {
		if c.SharesThreat {
			available++
		}
	}
	for k := range md.w.States {
		if k != i && md.m.DefenceAllyAt(i, k) {
			available++
		}
	}
	r := top.DyadicPower.Float()
	pr.Conditions = []Condition{
		cond(CondWeakState, md.cinc[i], md.o.Weak, md.cinc[i] < md.o.Weak, "the state's share of system power (CINC) < threshold"),
		cond(CondOverwhelming, r, md.o.Overwhelming, r >= md.o.Overwhelming, "the threat's power reaching the state / (that + the state's own at home) >= threshold"),
		cond(CondIsolated, float64(available), 0, available == 0, "defence allies on the date + partners facing the threat as an actual threat = 0"),
	}
	pr.Choice = Balance
	if len(pr.Fired()) == len(pr.Conditions) {
		pr.Choice = Bandwagon
	}
	if len(cands) > md.o.Partners {
		cands = cands[:md.o.Partners]
	}
	pr.Partners = cands
	return pr
}

// waltCandidates returns i's partners against j, best utility first:
// every state but i and j that is not bound to j by a defence obligation
// (unless hostility between them is measured, so that j remains an actual
// threat to it) and not hostile to i: not a strategic rival of i, not at war with it, and
// with an intent toward i below the threat model's RivalryFloor (evidence of
// hostility as strong as a rivalry's). The utility is
//
//	U_ik = w_c C_k + w_i E_ik + w_id S_k + w_d R_ik + w_h H_ik − T_ik
//
// with C_k k's power as it reaches j relative to j's own (the part of k's
// capability that counts against the threat; threat.Relative), E_ik the
// interests i and k share (trade, IGOs and alliance portfolios;
// interests.of), S_k j's intent toward k (a shared threat), R_ik regime
// similarity, H_ik 1 when i and k were ever allied in the World's
// alliances, and T_ik the threat k itself poses to i. A term without data
// (regime types in historical Worlds; trade and IGOs in world files, which
// carry none) is missing: it earns no credit and is never replaced by the
// mean of the others.
func (md *model) waltCandidates(i, j int) []Partner {
	n := len(md.w.States)
	var out []Partner
	for k := range md.w.States {
		if k == i || k == j {
			continue
		}
		// j's ally stays out unless hostility between them keeps j an
		// actual threat to it (the threat model's gate: Britain and
		// France, bound to the Soviet Union by the treaties of 1942 and
		// 1944 until 1955, are candidates against it in 1950).
		if _, _, in := md.m.WaltAt(k, j); md.m.DefenceAllyAt(k, j) && !(in > 0) {
			continue
		}
		if _, _, in := md.m.WaltAt(i, k); in >= md.m.Options.RivalryFloor {
			continue
		}
		if r := md.w.Relation(md.w.States[i].CCode, md.w.States[k].CCode); r.Rivalry || r.War {
			continue
		}
		c, _, _ := md.m.WaltAt(j, k)
		_, _, shared := md.m.WaltAt(k, j)
		tik := md.m.TotalAt(i, k)
		hist := 0.0
		if md.ties[i*n+k] {
			hist = 1
		}
		regime := RegimeSimilarity(md.w.States[i].Regime, md.w.States[k].Regime)
		interest := md.intr.of(i, k)
		p := Partner{CCode: md.w.States[k].CCode, Name: md.w.States[k].Name,
			Capability: world.Value(c), Interests: world.Value(interest), Domestic: world.Value(regime),
			Identity: world.Value(hist), SharedThreat: world.Value(shared), ThreatToState: world.Value(tik),
			SharesThreat: shared > 0 && md.m.TotalAt(k, j) > 0}
		u := 0.0
		ws := md.o.Weights
		for _, t := range [][2]float64{{ws.Capability, c}, {ws.Interests, interest}, {ws.Identity, shared}, {ws.Domestic, regime}, {ws.Identity, hist}} {
			if !math.IsNaN(t[1]) {
				u += t[0] * t[1]
			}
		}
		if !math.IsNaN(tik) {
			u -= tik
		}
		p.Utility = world.Value(u)
		out = append(out, p)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Utility > out[b].Utility })
	return out
}
