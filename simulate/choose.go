package simulate

import (
	"fmt"
	"slices"

	"github.com/entente/entente/world"
)

// alignStep is the yearly alignment step: each state not at war, in the
// order of the World, reads its choice from the epoch (align's prediction
// under the threat model) and acts on it:
//
//   - it leaves an alliance that has come to cost more than it brings:
//     when its top actual threat is itself a member of a pact of at most
//     InsideMax members (ThreatInside: the alliance binds it to its
//     threat and brings no security against it), or when a member fights on the side that began a war, against
//     none of its actual threats, and the alliance's security benefit
//     against its top threat is below Entrapment × the share of that
//     member's actual threats it does not share (Entrapped: the fear of
//     being dragged into an ally's war over interests it does not share;
//     Snyder 1984). An ally that was attacked does not entrap: standing
//     by it is what the alliance is for. It then leaves with probability
//     LeaveRate;
//   - balancing without a defence ally that shares its threat, it forms
//     a defence pact with align's best partner that shares the threat
//     when both gain: the security each brings against the threat (its
//     power as it reaches the threat, relative to the threat's own; the
//     capability term of align's partner utility) exceeds Autonomy +
//     Entrapment × the share of the partner's actual threats it does not
//     share; it acts with probability FormRate;
//   - bandwagoning, it aligns with its top threat (an entente) with
//     probability FormRate;
//   - hedging or choosing none, it changes nothing.
func (st *runState) alignStep(e *epoch, y int, row *YearRow) {
	p := st.p
	st.recount()
	for i := range st.n {
		switch e.choice[i] {
		case None:
			row.None++
		case Balance:
			row.Balance++
		case Bandwagon:
			row.Bandwagon++
		case Hedge:
			row.Hedge++
		}
		if st.atWar[i] > 0 {
			continue
		}
		st.leaveStep(e, i, y, row)
		j := e.top[i]
		if j < 0 {
			continue
		}
		switch e.choice[i] {
		case Balance:
			st.balance(e, i, j, y, row)
		case Bandwagon:
			if st.ties[i*st.n+j] != 0 {
				continue
			}
			d := Decision{Year: y, War: -1, State: p.States[i], Action: Forgo, Side: -1, Other: p.States[j],
				Alliance: -1, Reason: Bandwagoning, Value: e.m.TotalAt(i, j), Rate: p.Config.FormRate}
			d.Draw = st.rng.Float64()
			if d.Draw < d.Rate {
				d.Action, d.Alliance = Form, st.form(i, j, world.Obligations(world.Entente), y)
				row.Formed++
				row.NewBandwagon++
			}
			st.decide(d)
		}
	}
	st.recount()
}

// entrapment is the share of k's actual threats that are not actual
// threats of i (0 when k has none).
func entrapment(e *epoch, i, k int) float64 {
	if len(e.threats[k]) == 0 {
		return 0
	}
	c := 0
	for _, t := range e.threats[k] {
		if t != i && !slices.Contains(e.threats[i], t) {
			c++
		}
	}
	return float64(c) / float64(len(e.threats[k]))
}

// security is what k brings to i against j: k's power as it reaches j,
// relative to j's own (the Walt composite's capability term); 0 unless j
// is an actual threat of k.
func security(e *epoch, j, k int) float64 {
	if !slices.Contains(e.threats[k], j) {
		return 0
	}
	c, _, _ := e.m.WaltAt(j, k)
	if c != c {
		return 0
	}
	return c
}

func (st *runState) balance(e *epoch, i, j, y int, row *YearRow) {
	p, n := st.p, st.n
	c := p.Config
	for k := range n {
		if st.ties[i*n+k]&(world.Obligations(world.Defense)|world.Obligations(world.Offense)) != 0 && slices.Contains(e.threats[k], j) {
			return // already balancing with an ally that shares the threat
		}
	}
	for _, k := range e.partners[i] {
		if !slices.Contains(e.threats[k], j) || st.atWar[k] > 0 {
			continue
		}
		gain := security(e, j, k) - c.Autonomy - c.Entrapment*entrapment(e, i, k)
		back := security(e, j, i) - c.Autonomy - c.Entrapment*entrapment(e, k, i)
		if gain <= 0 || back <= 0 {
			continue
		}
		d := Decision{Year: y, War: -1, State: p.States[i], Action: Forgo, Side: -1, Other: p.States[k],
			Alliance: -1, Reason: Balancing, Value: min(gain, back), Rate: c.FormRate}
		d.Draw = st.rng.Float64()
		if d.Draw < d.Rate {
			d.Action, d.Alliance = Form, st.form(i, k, world.Obligations(world.Defense), y)
			row.Formed++
			row.NewBalance++
		}
		st.decide(d)
		return
	}
}

func (st *runState) form(i, k int, ob world.Obligations, y int) int {
	st.allies = append(st.allies, allianceState{id: fmt.Sprintf("sim:%d:%d-%d", y, st.p.States[i], st.p.States[k]),
		members: []int{i, k}, pledges: []world.Obligations{ob, ob}, in: []bool{true, true}, formed: y})
	st.setTie(i, k, st.ties[i*st.n+k]|ob)
	return len(st.allies) - 1
}

func (st *runState) leaveStep(e *epoch, i, y int, row *YearRow) {
	p, c := st.p, st.p.Config
	j := e.top[i]
	for x := range st.allies {
		if x < len(p.allies) && !slices.Contains(p.memberOf[i], x) {
			continue
		}
		al := &st.allies[x]
		me := slices.Index(al.members, i)
		if me < 0 || !al.in[me] {
			continue
		}
		var why Reason
		value, other := nan, 0
		in := 0
		for _, b := range al.in {
			if b {
				in++
			}
		}
		for b, k := range al.members {
			if b == me || !al.in[b] {
				continue
			}
			if k == j && in <= c.InsideMax {
				why, value, other = ThreatInside, e.m.TotalAt(i, j), p.States[k]
				break
			}
			if st.aggressor(k) && !st.sharesWar(e, i, k) {
				benefit := 0.0
				if j >= 0 {
					benefit = security(e, j, k)
				}
				if cost := c.Entrapment * entrapment(e, i, k); benefit < cost {
					why, value, other = Entrapped, benefit-cost, p.States[k]
				}
			}
		}
		if why == 0 {
			continue
		}
		d := Decision{Year: y, War: -1, State: p.States[i], Action: Stay, Side: -1, Other: other,
			Alliance: x, Reason: why, Value: value, Rate: c.LeaveRate, Draw: st.rng.Float64()}
		if d.Draw < d.Rate {
			d.Action = Leave
			st.quit(x, me)
			row.Left++
		}
		st.decide(d)
	}
}

// aggressor reports whether k fights on the side that began a war.
func (st *runState) aggressor(k int) bool {
	if st.atWar[k] == 0 {
		return false
	}
	for _, w := range st.wars {
		if w.side[k] == 0 {
			return true
		}
	}
	return false
}

// sharesWar reports whether k fights a war against one of i's actual
// threats.
func (st *runState) sharesWar(e *epoch, i, k int) bool {
	for _, w := range st.wars {
		s := w.side[k]
		if s < 0 {
			continue
		}
		for _, m := range w.sides[1-s] {
			if slices.Contains(e.threats[i], m) {
				return true
			}
		}
	}
	return false
}
