package simulate

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/entente/entente/align"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// Choice is a state's alignment choice in a year: align's balance,
// bandwagon and none, and Hedge.
type Choice uint8

// The choices.
const (
	None Choice = iota
	Balance
	Bandwagon
	// Hedge: all of Walt's bandwagoning conditions but one fire. The
	// state keeps its ties and forms no new alliance.
	Hedge
)

var choiceNames = [...]string{"none", "balance", "bandwagon", "hedge"}

func (c Choice) String() string { return choiceNames[c] }

// Plan is a scenario prepared on its base World: one epoch per date on
// which shocks fall (the World after them), each with its threat matrix
// and alignment predictions, computed once and shared read-only by every
// run. A Plan is safe for concurrent use.
type Plan struct {
	Scenario *Scenario
	Config   Config
	Base     *world.World
	States   []int // ccodes, in the World's order (positions)
	Names    []string
	pos      map[int]int
	epochs   []*epoch
	allies   []allianceState // the base World's alliances on the base date
	memberOf [][]int         // the alliances (in allies) listing each state
	ties     []world.Obligations
	allied   int // allied and defence dyads of ties
	defence  int
	record   []int // positions of the recorded states
}

// epoch is the World from one shock date to the next.
type epoch struct {
	from   world.Date
	w      *world.World
	m      *threat.Matrix
	choice []Choice
	pred   []align.Prediction
	// threats[i] holds the positions of i's actual threats: among its
	// ThreatRank largest, with intent at least the threat model's
	// RivalryFloor; top[i] is the first or -1.
	threats [][]int
	top     []int
	cinc    []float64
	// partners[i]: positions of align's partners of i, best first.
	partners [][]int
}

// allianceState is an alliance in a run: its members' positions, each
// member's pledges and whether it is still in.
type allianceState struct {
	id      string
	members []int
	pledges []world.Obligations
	in      []bool
	formed  int // year formed in the run, 0 for the base World's
}

// Prepare prepares sc on its base World w (the embedded world, or the
// World of the base year): it keeps the World as of the base date
// (alliance members, wars and disputes that begin later are dropped, and
// alliances of other sources when the scenario keeps one), binds the
// scenario's names, and computes each epoch's threat matrix and
// alignment predictions. w is not modified.
func Prepare(sc *Scenario, w *world.World, c Config) (*Plan, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if sc.Base.Year != 0 && w.Year != sc.Base.Year {
		return nil, fmt.Errorf("simulate: scenario %s wants the World of %d, got %d", sc.Name, sc.Base.Year, w.Year)
	}
	base := asOf(w, sc.Base.Date, sc.Base.Alliances)
	if err := sc.Bind(base); err != nil {
		return nil, err
	}
	p := &Plan{Scenario: sc, Config: c, Base: base, pos: map[int]int{}}
	for i, s := range base.States {
		p.States = append(p.States, s.CCode)
		p.Names = append(p.Names, s.Name)
		p.pos[s.CCode] = i
	}
	for a := range base.Alliances {
		p.allies = append(p.allies, p.allianceOf(&base.Alliances[a], sc.Base.Date))
	}
	p.record = p.recordPositions()
	p.memberOf = make([][]int, len(p.States))
	for x, a := range p.allies {
		for _, i := range a.members {
			p.memberOf[i] = append(p.memberOf[i], x)
		}
	}
	st := newRunState(p)
	st.allies, st.dirty = p.allies, true
	st.recount()
	p.ties, p.allied, p.defence = st.ties, st.allied, st.defence
	cur := base
	e, err := p.epoch(cur, sc.Base.Date)
	if err != nil {
		return nil, err
	}
	p.epochs = append(p.epochs, e)
	for i := 0; i < len(sc.Shocks); {
		d := sc.Shocks[i].Date
		cur = clone(cur)
		for ; i < len(sc.Shocks) && sc.Shocks[i].Date == d; i++ {
			applyToWorld(cur, &sc.Shocks[i])
		}
		cur.Index()
		e, err := p.epoch(cur, d)
		if err != nil {
			return nil, err
		}
		p.epochs = append(p.epochs, e)
	}
	return p, nil
}

func (p *Plan) recordPositions() []int {
	var out []int
	add := func(c int) {
		if i, ok := p.pos[c]; ok && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	if len(p.Scenario.Record) > 0 {
		for _, c := range p.Scenario.Record {
			add(c)
		}
		return out
	}
	for _, s := range p.Base.States {
		if s.Major {
			add(s.CCode)
		}
	}
	for _, s := range p.Scenario.Shocks {
		add(s.State)
		add(s.Target)
	}
	return out
}

func (p *Plan) allianceOf(al *world.Alliance, d world.Date) allianceState {
	st := allianceState{id: al.ID}
	for _, m := range al.Members {
		i, ok := p.pos[m.CCode]
		if !ok || !m.Spell.ActiveOn(d) || slices.Contains(st.members, i) {
			continue
		}
		ob := m.Obligations
		if ob == 0 {
			ob = al.Obligations
		}
		in := m.StatusOn(d) == world.Active && al.SuspendedOn(m.CCode, m.CCode, d) == nil
		st.members = append(st.members, i)
		st.pledges = append(st.pledges, ob)
		st.in = append(st.in, in)
	}
	return st
}

// epoch computes the threat matrix and predictions of w, which holds from d.
func (p *Plan) epoch(w *world.World, d world.Date) (*epoch, error) {
	w.AsOf = d
	w.Year = d.Year
	m, err := threat.Compute(w, p.Config.Threat)
	if err != nil {
		return nil, err
	}
	pred, err := align.Predict(w, m, p.Config.Align)
	if err != nil {
		return nil, err
	}
	n := len(w.States)
	e := &epoch{from: d, w: w, m: m, pred: pred, choice: make([]Choice, n), threats: make([][]int, n),
		top: make([]int, n), cinc: make([]float64, n), partners: make([][]int, n)}
	for i := range w.States {
		e.cinc[i] = w.States[i].Capability.CINC.Float()
		e.threats[i] = actualThreats(m, i, p.Config.ThreatRank, p.Config.Threat.RivalryFloor)
		e.top[i] = -1
		if len(e.threats[i]) > 0 {
			e.top[i] = e.threats[i][0]
		}
		e.choice[i] = choiceOf(&pred[i])
		for _, pt := range pred[i].Partners {
			e.partners[i] = append(e.partners[i], p.pos[pt.CCode])
		}
	}
	return e, nil
}

// choiceOf reads align's prediction: balance, bandwagon or none, and
// hedge when all of Walt's bandwagoning conditions but one fired (under
// the Walt composite, bandwagoning needs all three).
func choiceOf(pr *align.Prediction) Choice {
	switch pr.Choice {
	case align.StayOut:
		return None
	case align.Bandwagon:
		return Bandwagon
	}
	if len(pr.Conditions) > 1 && len(pr.Fired()) == len(pr.Conditions)-1 {
		return Hedge
	}
	return Balance
}

// actualThreats returns the positions of the k largest threats to i whose
// intent is at least floor, largest first.
func actualThreats(m *threat.Matrix, i, k int, floor float64) []int {
	var out []int
	n := m.Len()
	for j := 0; j < n; j++ {
		t := m.TotalAt(i, j)
		if j == i || math.IsNaN(t) || t <= 0 {
			continue
		}
		if _, _, in := m.WaltAt(i, j); !(in >= floor) {
			continue
		}
		q := len(out)
		for q > 0 && m.TotalAt(i, out[q-1]) < t {
			q--
		}
		if q >= k {
			continue
		}
		out = slices.Insert(out, q, j)
		if len(out) > k {
			out = out[:k]
		}
	}
	return out
}

// asOf returns a copy of w as it stood on d: members whose spell begins
// after d, and wars and disputes that begin after d, are dropped; with
// source other than "all", only alliances whose id has that prefix are
// kept.
func asOf(w *world.World, d world.Date, source string) *world.World {
	c := clone(w)
	c.AsOf = d
	c.Alliances = c.Alliances[:0]
	for _, al := range w.Alliances {
		if source != "all" && !strings.HasPrefix(al.ID, source+":") {
			continue
		}
		if d.Before(al.Spell.Start) {
			continue
		}
		al.Members = slices.DeleteFunc(slices.Clone(al.Members), func(m world.Member) bool { return d.Before(m.Spell.Start) })
		if len(al.Members) > 0 {
			c.Alliances = append(c.Alliances, al)
		}
	}
	c.Wars = slices.DeleteFunc(slices.Clone(w.Wars), func(x world.War) bool { return d.Before(x.Start) })
	c.Disputes = slices.DeleteFunc(slices.Clone(w.Disputes), func(x world.Dispute) bool { return d.Before(x.Start) })
	c.Index()
	return c
}

// clone copies what shocks change: states, alliances and their members,
// relations and wars.
func clone(w *world.World) *world.World {
	c := *w
	c.States = slices.Clone(w.States)
	c.Alliances = slices.Clone(w.Alliances)
	for i := range c.Alliances {
		c.Alliances[i].Members = slices.Clone(c.Alliances[i].Members)
	}
	c.Relations = maps.Clone(w.Relations)
	c.Wars = slices.Clone(w.Wars)
	c.Index()
	return &c
}

// applyToWorld applies a bound shock to the World of the next epoch.
func applyToWorld(w *world.World, s *Shock) {
	switch s.Kind {
	case ShockAttack:
		r := w.Relation(s.State, s.Target)
		r.War, r.Hostility = true, 1
		w.SetRelation(r)
		// The war goes on to the end of the simulation (the model has no
		// war termination).
		end := world.D(9999, 12, 31)
		w.Wars = append(w.Wars, world.War{Name: "scenario", Start: s.Date, End: end, Sides: [2][]world.Participant{
			{{State: s.State, Entered: s.Date, Left: end, Initiator: true}},
			{{State: s.Target, Entered: s.Date, Left: end}}}})
	case ShockLeave, ShockSuspend:
		al := allianceByID(w, s.Alliance)
		for i := range al.Members {
			if m := &al.Members[i]; m.CCode == s.State && m.Spell.ActiveOn(s.Date) {
				m.Spell.End = dayBefore(s.Date)
			}
		}
	case ShockTighten, ShockLoosen:
		al := allianceByID(w, s.Alliance)
		for i := range al.Members {
			m := &al.Members[i]
			if s.State != 0 && m.CCode != s.State {
				continue
			}
			m.Obligations = reshape(m.Obligations, al.Obligations, s)
		}
	case ShockSpending:
		scaleSpending(w, s.State, s.Factor)
	case ShockRegime:
		w.State(s.State).Regime = s.Regime
	}
}

// reshape returns a member's pledges after a tighten (add obligations) or
// loosen (keep only the listed obligations) shock; own is the member's
// pledges, or 0 when it pledges the alliance's (all).
func reshape(own, all world.Obligations, s *Shock) world.Obligations {
	if own == 0 {
		own = all
	}
	if s.Kind == ShockTighten {
		return own | s.Obligations
	}
	if kept := own & s.Obligations; kept != 0 {
		return kept
	}
	// Nothing of the kept obligations was pledged: the weakest tie that
	// still records the member, consultation.
	return world.Obligations(world.Consultation)
}

func dayBefore(d world.Date) world.Date {
	switch {
	case d.Day > 1:
		return world.D(d.Year, d.Month, d.Day-1)
	case d.Month > 1:
		return world.D(d.Year, d.Month-1, 0)
	}
	return world.D(d.Year-1, 12, 31)
}

// scaleSpending multiplies a state's military spending by f and moves its
// CINC by the change in its share of the system's military spending
// divided by the six NMC components; every other state's CINC is
// rescaled so that the system's still sums to its old total.
func scaleSpending(w *world.World, ccode int, f float64) {
	s := w.State(ccode)
	for _, v := range []*world.Value{&s.MilexUSD, &s.Capability.Milex} {
		if v.OK() {
			*v = world.Value(v.Float() * f)
		}
	}
	total, old := 0.0, s.Capability.Milex.Float()/f
	for i := range w.States {
		if x := w.States[i].Capability.Milex; x.OK() {
			total += x.Float()
		}
	}
	if !s.Capability.CINC.OK() || math.IsNaN(old) || total <= 0 {
		return
	}
	before := old / (total - s.Capability.Milex.Float() + old)
	after := s.Capability.Milex.Float() / total
	sum := 0.0
	for i := range w.States {
		if x := w.States[i].Capability.CINC; x.OK() {
			sum += x.Float()
		}
	}
	s.Capability.CINC = world.Value(max(0, s.Capability.CINC.Float()+(after-before)/6))
	sum2 := 0.0
	for i := range w.States {
		if x := w.States[i].Capability.CINC; x.OK() {
			sum2 += x.Float()
		}
	}
	if sum2 > 0 {
		for i := range w.States {
			if x := &w.States[i].Capability.CINC; x.OK() {
				*x = world.Value(x.Float() * sum / sum2)
			}
		}
	}
}
