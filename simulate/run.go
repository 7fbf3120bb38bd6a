package simulate

import (
	"math"
	"math/rand/v2"
	"slices"

	"github.com/entente/entente/world"
)

// Action is what a decision did.
type Action uint8

// The actions.
const (
	Join    Action = iota + 1 // joined a war on Side
	StayOut                   // had a reason to join a war and did not
	Form                      // formed an alliance with Other
	Forgo                     // had a reason to form an alliance and did not
	Leave                     // left an alliance
	Stay                      // had a reason to leave an alliance and did not
	Start                     // began a war against Other
)

var actionNames = [...]string{"", "join", "stay_out", "form", "forgo", "leave", "stay", "start"}

func (a Action) String() string { return actionNames[a] }

// Reason is the set of rules behind a decision, a bit mask.
type Reason uint32

// The reasons. A join decision lists every reason it had; its rate is the
// noisy-or of their rates (Config.Join).
const (
	DefenceTriggered Reason = 1 << iota // a defence pledge to a state on the side attacked
	OffenceTriggered                    // an offence pledge to a state on the side that attacked
	ChainGang                           // tied to a belligerent, an actual threat on the other side
	Aggressor                           // the war's initiator is an actual threat
	Threatened                          // an actual threat is on the other side
	Bound                               // a pledge binds the state to a state on the other side
	Untriggered                         // a defence pledge to a belligerent whose side began the war
	Balancing                           // forms a defence pact with a partner sharing its threat
	Bandwagoning                        // aligns with its top threat
	ThreatInside                        // the state's top threat is a member of its alliance
	Entrapped                           // an ally began a war against none of the state's threats
	Scheduled                           // a shock of the scenario
	Hazard                              // a war begun at the yearly war rate
)

var reasonNames = []string{"defence_triggered", "offence_triggered", "chain_gang", "aggressor", "threatened",
	"bound", "untriggered", "balancing", "bandwagoning", "threat_inside", "entrapped", "scheduled", "hazard"}

// Names returns the names of the reasons set in r.
func (r Reason) Names() []string {
	var out []string
	for i, n := range reasonNames {
		if r&(1<<i) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// Decision is one decision of one state in one run, with its reason: the
// rules that applied, the quantity compared (Value: the largest threat on
// the other side for a war, the net benefit for an alliance), the
// probability the rules gave (Rate) and the uniform draw (Draw; NaN when
// no draw was needed).
type Decision struct {
	Run      int
	Year     int
	Week     int // weeks after the war began (52 a year for the yearly reviews), for war decisions; 0 for others
	War      int // the war's number in the run, -1 for none
	State    int // ccode
	Action   Action
	Side     int    // 0: the attacker's side, 1: the attacked; -1 for none
	Other    int    // ccode of the partner, the ally bound to, or the threat; 0 for none
	Alliance int    // index of the alliance in the run (base World's first), -1 for none
	Reason   Reason // bit mask
	// AltReason and AltOther are the reasons and the state named for the
	// side not chosen (war decisions; 0 for none).
	AltReason Reason
	AltOther  int
	Value     float64
	Rate      float64
	Draw      float64
}

// YearRow is the state of the system at the end of one simulated year.
type YearRow struct {
	Run, Year                int
	Alliances                int // alliances with two or more members in
	AlliedDyads              int // pairs tied by any obligation
	DefenceDyads             int // pairs tied by a defence or offence pledge
	AtWar                    int // states at war
	Formed, Left             int // alliances formed and memberships left in the year
	Balance, Bandwagon       int // states choosing each
	Hedge, None              int
	NewBalance, NewBandwagon int // alliances formed by balancing and by bandwagoning
}

// WarRow is one war of a run at the end of the simulation.
type WarRow struct {
	Run, War         int
	Year             int // year it began
	Attacker, Target int
	Size             int // states on both sides
	Side0, Side1     int
	Majors           int // major powers at war in it
	LastWeek         int // week of the last joining in the first cascade
}

// Result is what one run produced.
type Result struct {
	Run       int
	Decisions []Decision
	Years     []YearRow
	Wars      []WarRow
	// Sides holds, for every state (in Plan.States order) and the first
	// war, the side it fought on (0 or 1) or -1; Weeks the week it joined.
	Sides []int8
	Weeks []int16
	// Participants lists, per war, the states at war in it by side and
	// order of entry.
	Participants [][]Participant
}

// Participant is a state at war in a run.
type Participant struct{ State, Side, Week int }

// war is a war in a run.
type war struct {
	year     int
	sides    [2][]int // positions
	side     []int8   // per position: -1, 0 or 1
	week     []int16
	keys     []uint64 // last decision key per position
	lastWeek int
	cause    Reason
}

// runState is the mutable state of one run; a worker reuses one.
type runState struct {
	p       *Plan
	n       int
	rng     *rand.Rand
	res     *Result
	run     int
	allies  []allianceState
	ties    []world.Obligations // [i*n+j]
	allied  int
	defence int
	dirty   bool
	wars    []*war
	atWar   []int // number of wars each state fights
}

func newRunState(p *Plan) *runState {
	n := len(p.States)
	return &runState{p: p, n: n, ties: make([]world.Obligations, n*n), atWar: make([]int, n)}
}

// Run simulates run number run of the plan with the source PCG(seed, run),
// so that any run can be computed alone and shards are exact. res is
// reset and filled.
func (p *Plan) Run(run int, seed uint64, res *Result) {
	st := newRunState(p)
	st.simulate(run, seed, res)
}

func (st *runState) simulate(run int, seed uint64, res *Result) {
	p := st.p
	st.rng = rand.New(rand.NewPCG(seed, uint64(run)))
	st.run, st.res = run, res
	res.Run = run
	res.Decisions, res.Years, res.Wars = res.Decisions[:0], res.Years[:0], res.Wars[:0]
	st.allies = st.allies[:0]
	for _, a := range p.allies {
		st.allies = append(st.allies, allianceState{id: a.id, members: a.members,
			pledges: slices.Clone(a.pledges), in: slices.Clone(a.in)})
	}
	st.wars = st.wars[:0]
	clear(st.atWar)
	copy(st.ties, p.ties)
	st.allied, st.defence, st.dirty = p.allied, p.defence, false
	sc := p.Scenario
	first := sc.Base.Date.Year
	k, ep := 0, 0
	for y := first; y < first+sc.Years; y++ {
		row := YearRow{Run: run, Year: y}
		for k < len(sc.Shocks) && sc.Shocks[k].Date.Year == y {
			d := sc.Shocks[k].Date
			ep++
			var started []*war
			for ; k < len(sc.Shocks) && sc.Shocks[k].Date == d; k++ {
				if w := st.shock(&sc.Shocks[k], y, &row); w != nil {
					started = append(started, w)
				}
			}
			for _, w := range started {
				st.cascade(p.epochs[ep], w, y, p.Config.Weeks)
			}
		}
		e := p.epochs[ep]
		if sc.WarRate > 0 {
			st.onsets(e, y, sc.WarRate)
		}
		for _, w := range st.wars {
			if w.year < y {
				st.round(e, w, y, 52*(y-w.year))
			}
		}
		st.alignStep(e, y, &row)
		st.recount()
		row.Alliances, row.AlliedDyads, row.DefenceDyads = st.countAlliances(), st.allied, st.defence
		for i := range st.atWar {
			if st.atWar[i] > 0 {
				row.AtWar++
			}
		}
		res.Years = append(res.Years, row)
	}
	st.finish()
}

func (st *runState) finish() {
	res, p := st.res, st.p
	n := st.n
	if cap(res.Sides) < n {
		res.Sides, res.Weeks = make([]int8, n), make([]int16, n)
	}
	res.Sides, res.Weeks = res.Sides[:n], res.Weeks[:n]
	for i := range res.Sides {
		res.Sides[i], res.Weeks[i] = -1, -1
	}
	res.Participants = res.Participants[:0]
	for x, w := range st.wars {
		var ps []Participant
		if x < cap(res.Participants) {
			ps = res.Participants[:x+1][x][:0]
		}
		for side, s := range w.sides {
			for _, i := range s {
				ps = append(ps, Participant{p.States[i], side, int(w.week[i])})
			}
		}
		res.Participants = append(res.Participants, ps)
		if x == 0 {
			copy(res.Sides, w.side)
			copy(res.Weeks, w.week)
		}
		r := WarRow{Run: st.run, War: x, Year: w.year, Attacker: p.States[w.sides[0][0]], Target: p.States[w.sides[1][0]],
			Side0: len(w.sides[0]), Side1: len(w.sides[1]), LastWeek: w.lastWeek}
		r.Size = r.Side0 + r.Side1
		for _, s := range w.sides {
			for _, i := range s {
				if p.Base.States[i].Major {
					r.Majors++
				}
			}
		}
		res.Wars = append(res.Wars, r)
	}
}

func (st *runState) decide(d Decision) {
	d.Run = st.run
	st.res.Decisions = append(st.res.Decisions, d)
}

// shock applies a scenario shock to the run; an attack returns the war
// it begins.
func (st *runState) shock(s *Shock, y int, row *YearRow) *war {
	p := st.p
	switch s.Kind {
	case ShockAttack:
		a, t := p.pos[s.State], p.pos[s.Target]
		st.decide(Decision{Year: y, War: len(st.wars), State: s.State, Action: Start, Side: 0, Other: s.Target,
			Alliance: -1, Reason: Scheduled, Value: nan, Rate: 1, Draw: nan})
		return st.begin(a, t, y, Scheduled)
	case ShockLeave, ShockSuspend:
		for x := range st.allies {
			al := &st.allies[x]
			if al.id != s.Alliance {
				continue
			}
			for m, i := range al.members {
				if p.States[i] == s.State && al.in[m] {
					st.quit(x, m)
					row.Left++
				}
			}
		}
	case ShockTighten, ShockLoosen:
		for x := range st.allies {
			al := &st.allies[x]
			if al.id != s.Alliance {
				continue
			}
			for m, i := range al.members {
				if s.State == 0 || p.States[i] == s.State {
					al.pledges[m] = reshape(al.pledges[m], 0, s)
					st.dirty = true
				}
			}
		}
	}
	return nil
}

func (st *runState) begin(a, t, y int, cause Reason) *war {
	w := &war{year: y, side: make([]int8, st.n), week: make([]int16, st.n), keys: make([]uint64, st.n), cause: cause}
	for i := range w.side {
		w.side[i], w.week[i] = -1, -1
	}
	st.enter(w, a, 0, 0)
	st.enter(w, t, 1, 0)
	st.wars = append(st.wars, w)
	return w
}

func (st *runState) enter(w *war, i, side, week int) {
	w.side[i], w.week[i] = int8(side), int16(week)
	w.sides[side] = append(w.sides[side], i)
	st.atWar[i]++
}

// onsets begins wars at the yearly war rate: each state not at war draws
// against its top actual threat.
func (st *runState) onsets(e *epoch, y int, rate float64) {
	p := st.p
	for i := range st.n {
		j := e.top[i]
		if j < 0 || st.atWar[i] > 0 || st.atWar[j] > 0 {
			continue
		}
		if u := st.rng.Float64(); u < rate {
			_, _, in := e.m.WaltAt(j, i)
			st.decide(Decision{Year: y, War: len(st.wars), State: p.States[i], Action: Start, Side: 0, Other: p.States[j],
				Alliance: -1, Reason: Hazard, Value: in, Rate: rate, Draw: u})
			st.cascade(e, st.begin(i, j, y, Hazard), y, p.Config.Weeks)
		}
	}
}

// cascade runs the weekly joining rounds of a war that has just begun,
// until a round brings nobody in or the weeks run out.
func (st *runState) cascade(e *epoch, w *war, y, weeks int) {
	st.recount()
	for week := 1; week <= weeks; week++ {
		if st.round(e, w, y, week) == 0 {
			return
		}
	}
}

const (
	binding = world.Obligations(world.Defense) | world.Obligations(world.Offense) |
		world.Obligations(world.Neutrality) | world.Obligations(world.Nonaggression)
	anyTie = binding | world.Obligations(world.Consultation) | world.Obligations(world.Entente)
)

// round lets every state outside w decide, on what it sees at the start
// of the round; the joiners enter together at its end. It returns how
// many joined.
func (st *runState) round(e *epoch, w *war, y, week int) int {
	p := st.p
	type joiner struct{ i, side int }
	var joined []joiner
	for k := range st.n {
		if w.side[k] >= 0 {
			continue
		}
		c := st.joinCase(e, w, k)
		if c.mask == 0 {
			continue
		}
		key := uint64(c.altMask)<<40 | uint64(c.mask)<<8 | uint64(c.side+1)
		if w.keys[k] == key {
			continue
		}
		w.keys[k] = key
		d := Decision{Year: y, Week: week, War: slices.Index(st.wars, w), State: p.States[k], Action: StayOut,
			Side: c.side, Other: c.other, Alliance: -1, Reason: c.mask, AltReason: c.altMask, AltOther: c.altOther,
			Value: c.value, Rate: c.rate, Draw: nan}
		if c.rate > 0 {
			d.Draw = st.rng.Float64()
			if d.Draw < c.rate {
				d.Action = Join
				joined = append(joined, joiner{k, c.side})
			}
		}
		st.decide(d)
	}
	for _, j := range joined {
		st.enter(w, j.i, j.side, week)
		if week > w.lastWeek {
			w.lastWeek = week
		}
	}
	return len(joined)
}

// joinCase is what state k has to decide about war w.
type joinCase struct {
	side     int
	mask     Reason
	rate     float64
	other    int // ccode: the ally bound to or pledged to, or the threat
	value    float64
	altMask  Reason // the other side's reasons
	altOther int
}

// joinCase applies the joining rules to state k for each side s of w (e
// the other side):
//
//   - Bound: k holds a defence, offence, neutrality or non-aggression
//     pledge with a member of e; k does not fight its own treaty partner,
//     so it does not join s (rate 0), whatever other reasons it has;
//   - DefenceTriggered: a defence pledge to a member of s, s the side
//     attacked (the side that did not begin the war; Leeds, Long &
//     Mitchell 2000's condition); Untriggered when s began it: the
//     pledge does not bind (rate 0 on its own);
//   - OffenceTriggered: an offence pledge to a member of s, s the side
//     that began the war;
//   - ChainGang: any pledge (triggered or not, consultation and entente
//     included) to a member of s, and an actual threat of k on e;
//   - Aggressor: s is the side attacked, the war's initiator is an
//     actual threat of k, k not weak (its CINC at least align's Weak),
//     and e holds k's larger threat (below);
//   - Threatened: k's top actual threat (or a state k fights in another
//     war) is on e, k not weak: a state balances against its greatest
//     threat (Walt 1987), not against a lesser one while the greatest
//     stands aside.
//
// Every threat rule also needs e's largest actual threat to k to exceed
// s's: a state joins against the larger of the threats at war.
//
// The rate of a side is the noisy-or of its reasons' rates; k weighs the
// side with the larger rate (the attacked side on a tie).
func (st *runState) joinCase(e *epoch, w *war, k int) joinCase {
	p, n := st.p, st.n
	jr := p.Config.Join
	var best joinCase
	best.side = -1
	weak := !(e.cinc[k] >= p.Config.Align.Weak)
	initiator := w.sides[0][0]
	for _, s := range [2]int{1, 0} {
		o := 1 - s
		c := joinCase{side: s, value: nan}
		for _, m := range w.sides[o] {
			if st.ties[k*n+m]&binding != 0 && c.mask&Bound == 0 {
				c.mask |= Bound
				c.other = p.States[m]
			}
		}
		// k balances against the larger threat: the other side's
		// largest actual threat must exceed this side's.
		var threatAt int
		c.value, threatAt = st.largestThreat(e, w.sides[o], k)
		own, _ := st.largestThreat(e, w.sides[s], k)
		threat := threatAt >= 0 && !(own >= c.value)
		tied, tiedTo := false, -1
		for _, m := range w.sides[s] {
			t := st.ties[k*n+m]
			if t.Has(world.Defense) {
				if s == 1 {
					c.mask |= DefenceTriggered
				} else {
					c.mask |= Untriggered
				}
				tiedTo = m
			}
			if t.Has(world.Offense) && s == 0 {
				c.mask |= OffenceTriggered
				tiedTo = m
			}
			if t&anyTie != 0 && !tied {
				tied = true
				if tiedTo < 0 {
					tiedTo = m
				}
			}
		}
		if tied && threat {
			c.mask |= ChainGang
		}
		if !weak && s == 1 && threat && slices.Contains(e.threats[k], initiator) {
			c.mask |= Aggressor
			threatAt = initiator
		} else if !weak && threat && (threatAt == e.top[k] || st.fighting(k, threatAt)) {
			c.mask |= Threatened
		}
		keep := 1.0
		for _, r := range []struct {
			bit  Reason
			rate float64
		}{{DefenceTriggered, jr.Defense}, {OffenceTriggered, jr.Offense}, {ChainGang, jr.ChainGang},
			{Aggressor, jr.Aggressor}, {Threatened, jr.Threatened}} {
			if c.mask&r.bit != 0 {
				keep *= 1 - r.rate
			}
		}
		c.rate = 1 - keep
		if c.mask&Bound != 0 {
			c.rate = 0
		} else if tiedTo >= 0 {
			c.other = p.States[tiedTo]
		} else if threatAt >= 0 {
			c.other = p.States[threatAt]
		}
		if c.mask != 0 && (best.side < 0 || c.rate > best.rate) {
			if best.side >= 0 {
				c.altMask, c.altOther = best.mask, best.other
			}
			best = c
		} else if best.side >= 0 {
			best.altMask, best.altOther = c.mask, c.other
		}
	}
	if best.side < 0 {
		return joinCase{side: -1}
	}
	return best
}

// largestThreat returns the largest threat to k among the states of
// side that are k's actual threats or fight k in another war, and its
// position (NaN and -1 when none is).
func (st *runState) largestThreat(e *epoch, side []int, k int) (float64, int) {
	v, at := nan, -1
	for _, m := range side {
		if slices.Contains(e.threats[k], m) || st.fighting(k, m) {
			if t := e.m.TotalAt(k, m); at < 0 || t > v {
				v, at = t, m
			}
		}
	}
	return v, at
}

// fighting reports whether a and b fight on opposite sides of a war.
func (st *runState) fighting(a, b int) bool {
	if st.atWar[a] == 0 || st.atWar[b] == 0 {
		return false
	}
	for _, w := range st.wars {
		if w.side[a] >= 0 && w.side[b] >= 0 && w.side[a] != w.side[b] {
			return true
		}
	}
	return false
}

// quit takes member m out of alliance x and updates the ties of its
// partners in it.
func (st *runState) quit(x, m int) {
	al := &st.allies[x]
	al.in[m] = false
	i := al.members[m]
	for b, j := range al.members {
		if b != m && al.in[b] {
			st.setTie(i, j, st.pairTie(i, j))
		}
	}
}

// pairTie returns the obligations binding i and j in the alliances both
// are in: the base World's alliances of i and those formed in the run.
func (st *runState) pairTie(i, j int) world.Obligations {
	var t world.Obligations
	add := func(x int) {
		al := &st.allies[x]
		a, b := slices.Index(al.members, i), slices.Index(al.members, j)
		if a >= 0 && b >= 0 && al.in[a] && al.in[b] {
			t |= al.pledges[a] | al.pledges[b]
		}
	}
	for _, x := range st.p.memberOf[i] {
		add(x)
	}
	for x := len(st.p.allies); x < len(st.allies); x++ {
		add(x)
	}
	return t
}

// setTie sets the tie of i and j, keeping the counts of allied and
// defence dyads.
func (st *runState) setTie(i, j int, t world.Obligations) {
	const def = world.Obligations(world.Defense) | world.Obligations(world.Offense)
	old := st.ties[i*st.n+j]
	if old != 0 {
		st.allied--
	}
	if old&def != 0 {
		st.defence--
	}
	if t != 0 {
		st.allied++
	}
	if t&def != 0 {
		st.defence++
	}
	st.ties[i*st.n+j], st.ties[j*st.n+i] = t, t
}

// recount rebuilds the ties among the states from the alliances when
// they changed, with the counts of allied and defence dyads.
func (st *runState) recount() {
	if !st.dirty {
		return
	}
	st.dirty = false
	clear(st.ties)
	n := st.n
	for x := range st.allies {
		al := &st.allies[x]
		for a, i := range al.members {
			if !al.in[a] {
				continue
			}
			for b, j := range al.members {
				if a != b && al.in[b] {
					st.ties[i*n+j] |= al.pledges[a] | al.pledges[b]
				}
			}
		}
	}
	st.allied, st.defence = 0, 0
	for i := range n {
		for j := i + 1; j < n; j++ {
			if t := st.ties[i*n+j]; t != 0 {
				st.allied++
				if t&(world.Obligations(world.Defense)|world.Obligations(world.Offense)) != 0 {
					st.defence++
				}
			}
		}
	}
}

func (st *runState) countAlliances() int {
	c := 0
	for x := range st.allies {
		in := 0
		for _, b := range st.allies[x].in {
			if b {
				in++
			}
		}
		if in >= 2 {
			c++
		}
	}
	return c
}

var nan = math.NaN()
