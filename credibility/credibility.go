package credibility

import (
	"fmt"
	"math"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/similarity"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// Options are the constants of the index; DefaultOptions documents each.
type Options struct {
	HalfLife   float64    // years for the weight of a past invocation to halve (reputation)
	TradeFull  float64    // the protégé's share of the patron's trade that counts as full interest
	TroopsFull float64    // troops stationed that count as a full signal
	TenureFull float64    // leader's years in office that count as full
	Weights    [5]float64 // interests, capability, reputation, signals, domestic
	Threat     threat.Options
}

// DefaultOptions returns the defaults: a 25-year half-life (a generation
// of leaders; Crescenzi et al. 2012 also discount older behaviour), trade interest full at 10% of the patron's
// trade, troops full at 10,000 (a brigade and its enablers, the size of
// NATO's forward presence in Poland), tenure full at 4 years (a
// democratic term), equal weights, and the threat model's defaults.
func DefaultOptions() Options {
	return Options{HalfLife: 25, TradeFull: 0.10, TroopsFull: 10000, TenureFull: 4,
		Weights: [5]float64{1, 1, 1, 1, 1}, Threat: threat.DefaultOptions()}
}

// Validate reports the first option outside its bounds.
func (o Options) Validate() error {
	for _, c := range []struct {
		name string
		v    float64
	}{{"half-life", o.HalfLife}, {"trade-full", o.TradeFull}, {"troops-full", o.TroopsFull}, {"tenure-full", o.TenureFull}} {
		if !(c.v > 0) || math.IsInf(c.v, 0) {
			return fmt.Errorf("credibility: %s %v: want a positive number", c.name, c.v)
		}
	}
	sum := 0.0
	for i, w := range o.Weights {
		if w < 0 || math.IsNaN(w) {
			return fmt.Errorf("credibility: weight %s %v: want 0 or more", Components[i], w)
		}
		sum += w
	}
	if sum == 0 {
		return fmt.Errorf("credibility: every weight is 0")
	}
	return o.Threat.Validate()
}

// Components names the five components in Options.Weights order.
var Components = [5]string{"interests", "capability", "reputation", "signals", "domestic"}

// Credibility is the measured credibility of one commitment.
type Credibility struct {
	Commitment
	PatronName  string      `json:"patron_name,omitempty"`
	ProtegeName string      `json:"protege_name,omitempty"`
	Index       world.Value `json:"index"` // weighted mean of the available components
	Interests   world.Value `json:"interests"`
	Capability  world.Value `json:"capability"`
	Reputation  world.Value `json:"reputation"`
	Signals     world.Value `json:"signals"`
	Domestic    world.Value `json:"domestic"`
	Detail      Detail      `json:"detail"`
	Extended    Extended    `json:"extended_deterrence"`
}

// Values returns the five components in Components order.
func (c *Credibility) Values() [5]world.Value {
	return [5]world.Value{c.Interests, c.Capability, c.Reputation, c.Signals, c.Domestic}
}

// Detail holds the measures each component averages.
type Detail struct {
	Similarity  world.Value `json:"portfolio_similarity"` // S, −1..1
	TradeShare  world.Value `json:"trade_share"`          // protégé's share of the patron's trade
	SharedIGOs  world.Value `json:"shared_igos"`
	RegimeMatch world.Value `json:"regime_similarity"`
	Threat      int         `json:"threat,omitempty"` // ccode of the protégé's top threat; 0 when none
	ThreatName  string      `json:"threat_name,omitempty"`
	PatronReach world.Value `json:"patron_reach"` // patron's capability at the protégé
	ThreatReach world.Value `json:"threat_reach"` // the threat's capability at the protégé
	Invocations float64     `json:"invocations"`  // decayed weight of the patron's past invocations
	Honoured    float64     `json:"honoured"`     // of which honoured
	Provisions  Signals     `json:"provisions"`
	Democracy   world.Value `json:"democracy"`
	Tenure      world.Value `json:"tenure_years"`
}

// Signals are the costly signals attached to a commitment: ATOP's
// provisions for the patron's membership, and, in world files, the
// patron's troops stationed in the protégé and nuclear sharing.
type Signals struct {
	MilitaryContact world.Value    `json:"milcon"` // 0..3
	Bases           world.Value    `json:"base"`   // 0..3
	IntegratedCmd   world.Value    `json:"intcom"` // 0/1
	MilitaryAid     world.Value    `json:"milaid"` // 0..4
	Organization    world.Value    `json:"organ1"` // 0..3
	Troops          world.Value    `json:"troops"` // persons stationed
	NuclearSharing  bool           `json:"nuclear_sharing"`
	Sources         []world.Source `json:"sources,omitempty"`
}

// NoSignals returns Signals with every measure missing.
func NoSignals() Signals {
	m := world.Missing()
	return Signals{m, m, m, m, m, m, false, nil}
}

// Extended is the extended-deterrence situation of a commitment.
type Extended struct {
	AdversaryNuclear bool `json:"adversary_nuclear"` // the protégé's top threat has nuclear weapons
	PatronNuclear    bool `json:"patron_nuclear"`
	Umbrella         bool `json:"umbrella"`         // a nuclear patron pledged defence, or the protégé hosts or is coded under its weapons
	HomelandExposed  bool `json:"homeland_exposed"` // the adversary can strike the patron's homeland with nuclear weapons
}

// Provisions is the one reader of ATOP's member provisions: it maps an
// alliance ID ("atop:ID") and a member's ccode to the member's row of its
// latest phase, whose codes (milcon, base, intcom, milaid, organ1, and
// for package dilemma also subord, asymm and the trigger conditions) each
// model reads.
type Provisions map[string]map[int]*atop.Member

// ATOPProvisions returns the Provisions of ATOP's member rows; a member
// with several phases keeps its latest.
func ATOPProvisions(members []atop.Member) Provisions {
	out := Provisions{}
	for i := range members {
		m := &members[i]
		id := fmt.Sprintf("atop:%d", m.ATOPID)
		if out[id] == nil {
			out[id] = map[int]*atop.Member{}
		}
		if p := out[id][m.CCode]; p == nil || m.Phase >= p.Phase {
			out[id][m.CCode] = m
		}
	}
	return out
}

// Member returns the ATOP row of ccode's membership in alliance, nil when
// none is coded (COW alliances, world files, partnerships).
func (p Provisions) Member(alliance string, ccode int) *atop.Member { return p[alliance][ccode] }

// SignalsOf returns the costly signals of an ATOP member row (troops
// missing: ATOP does not code them).
func SignalsOf(m *atop.Member) Signals {
	return Signals{MilitaryContact: m.MilitaryContact, Bases: m.Bases, IntegratedCmd: m.IntegratedCmd,
		MilitaryAid: m.MilitaryAid, Organization: m.Organization, Troops: world.Missing()}
}

// Context holds what the index of every commitment of one World shares:
// the threat matrix, the alliance portfolios, each state's trade and IGO
// maxima, the patron's record and the provisions. Build it once per World
// with NewContext; it is safe for concurrent reads.
type Context struct {
	W          *world.World
	Opt        Options
	Threat     *threat.Matrix
	portfolios *similarity.Portfolios
	trade      []float64 // total trade of each state, by position
	maxIGO     []float64
	record     *Record
	prov       Provisions
}

// NewContext prepares the index of the commitments of w. rec (the
// reliability record) and prov (ATOP provisions) may be nil: reputation,
// or the ATOP signals, are then missing. Troops and nuclear weapons
// stationed are read from w.Stationing (world files).
func NewContext(w *world.World, rec *Record, prov Provisions, o Options) (*Context, error) {
	if w == nil {
		return nil, fmt.Errorf("credibility: nil world")
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	m, err := threat.Compute(w, o.Threat)
	if err != nil {
		return nil, err
	}
	c := &Context{W: w, Opt: o, Threat: m, record: rec, prov: prov}
	n := len(w.States)
	c.portfolios = similarity.NewPortfolios(n, similarity.ATOP, similarity.Directed)
	d := refDate(w)
	for _, a := range w.Alliances {
		for _, p := range a.Members {
			i := w.Pos(p.CCode)
			if i < 0 || !p.Spell.ActiveOn(d) {
				continue
			}
			for _, q := range a.Members {
				if k := w.Pos(q.CCode); k >= 0 && q.Spell.ActiveOn(d) {
					_ = c.portfolios.Tie(i, k, p.Obligations)
				}
			}
		}
	}
	c.portfolios.Freeze()
	c.trade, c.maxIGO = make([]float64, n), make([]float64, n)
	for dy, r := range w.Relations {
		i, j := w.Pos(dy.A), w.Pos(dy.B)
		if i < 0 || j < 0 {
			continue
		}
		if t := sum(r.ImportsAB, r.ImportsBA); !math.IsNaN(t) {
			c.trade[i] += t
			c.trade[j] += t
		}
		if g := r.SharedIGOs; g.OK() {
			c.maxIGO[i] = math.Max(c.maxIGO[i], float64(g))
			c.maxIGO[j] = math.Max(c.maxIGO[j], float64(g))
		}
	}
	return c, nil
}

func refDate(w *world.World) world.Date {
	if w.AsOf.IsZero() {
		return world.D(w.Year, 12, 31)
	}
	return w.AsOf
}

// sum adds the known values; NaN when neither is known.
func sum(a, b world.Value) float64 {
	switch {
	case a.OK() && b.OK():
		return float64(a) + float64(b)
	case a.OK():
		return float64(a)
	case b.OK():
		return float64(b)
	}
	return math.NaN()
}

// mean returns the mean of the known values, missing when none is.
func mean(vs ...world.Value) world.Value {
	s, n := 0.0, 0
	for _, v := range vs {
		if v.OK() {
			s += float64(v)
			n++
		}
	}
	if n == 0 {
		return world.Missing()
	}
	return world.Value(s / float64(n))
}

// Of returns the credibility of commitment cm in w with the default
// options and no record or provisions: reputation and the ATOP signals
// are missing. Callers scoring many commitments of one World build a
// Context once and call its Of.
func Of(w *world.World, cm Commitment) (Credibility, error) {
	c, err := NewContext(w, nil, nil, DefaultOptions())
	if err != nil {
		return Credibility{}, err
	}
	return c.Of(cm), nil
}

// All returns the credibility of every commitment of the Context's World.
func (c *Context) All() []Credibility {
	cs := Commitments(c.W)
	out := make([]Credibility, len(cs))
	for i, cm := range cs {
		out[i] = c.Of(cm)
	}
	return out
}

// Of returns the credibility of cm, whose patron and protégé must be
// states of the Context's World (otherwise every component is missing).
func (c *Context) Of(cm Commitment) Credibility {
	w := c.W
	r := Credibility{Commitment: cm}
	m := world.Missing()
	r.Index, r.Interests, r.Capability, r.Reputation, r.Signals, r.Domestic = m, m, m, m, m, m
	r.Detail = Detail{Similarity: m, TradeShare: m, SharedIGOs: m, RegimeMatch: m, PatronReach: m, ThreatReach: m,
		Provisions: NoSignals(), Democracy: m, Tenure: m}
	i, j := w.Pos(cm.Patron), w.Pos(cm.Protege)
	if i < 0 || j < 0 {
		return r
	}
	p, q := &w.States[i], &w.States[j]
	r.PatronName, r.ProtegeName = p.Name, q.Name
	r.Interests = c.interests(&r, i, j)
	r.Capability = c.capability(&r, i, j)
	r.Reputation = c.reputation(&r)
	r.Signals = c.signals(&r)
	r.Domestic = c.domestic(&r, p)
	r.Extended = c.extended(&r, p, q)
	r.Index = c.Opt.Index(r.Values())
	return r
}

// Index returns the weighted mean of the known components under o's
// weights; missing when no weighted component is known.
func (o Options) Index(v [5]world.Value) world.Value {
	s, ws := 0.0, 0.0
	for k, x := range v {
		if x.OK() && o.Weights[k] > 0 {
			s += o.Weights[k] * float64(x)
			ws += o.Weights[k]
		}
	}
	if ws == 0 {
		return world.Missing()
	}
	return world.Value(s / ws)
}

func (c *Context) interests(r *Credibility, i, j int) world.Value {
	w := c.W
	t := c.portfolios.Table(i, j)
	d := &r.Detail
	d.Similarity = t.S(similarity.Absolute, similarity.ATOP.Delta())
	sim := world.Missing()
	if d.Similarity.OK() {
		sim = world.Value((float64(d.Similarity) + 1) / 2)
	}
	rel := w.RelationAt(i, j)
	trade := world.Missing()
	if t := sum(rel.ImportsAB, rel.ImportsBA); !math.IsNaN(t) && c.trade[i] > 0 {
		d.TradeShare = world.Value(t / c.trade[i])
		trade = world.Value(math.Min(1, float64(d.TradeShare)/c.Opt.TradeFull))
	}
	igo := world.Missing()
	if g := rel.SharedIGOs; g.OK() {
		d.SharedIGOs = g
		if c.maxIGO[i] > 0 {
			igo = world.Value(float64(g) / c.maxIGO[i])
		}
	}
	d.RegimeMatch = regimeSimilarity(&w.States[i], &w.States[j])
	return mean(sim, trade, igo, d.RegimeMatch)
}

// regimeSimilarity is 1 − |Δ polyarchy|, else 1 − |Δ polity2|/20, else
// 1 for equal coded regimes, 0.5 one step apart (hybrid), 0 otherwise.
func regimeSimilarity(a, b *world.State) world.Value {
	if x, y := a.Democracy.Polyarchy, b.Democracy.Polyarchy; x.OK() && y.OK() {
		return world.Value(1 - math.Abs(float64(x-y)))
	}
	if x, y := a.Democracy.Polity2, b.Democracy.Polity2; x.OK() && y.OK() {
		return world.Value(1 - math.Abs(float64(x-y))/20)
	}
	x, okx := regimeLevel(a.Regime)
	y, oky := regimeLevel(b.Regime)
	if okx && oky {
		return world.Value(1 - math.Abs(x-y))
	}
	return world.Missing()
}

// regimeLevel places a coded regime on 0 (autocracy) .. 1 (democracy).
func regimeLevel(s string) (float64, bool) {
	switch s {
	case "democracy":
		return 1, true
	case "hybrid":
		return 0.5, true
	case "autocracy":
		return 0, true
	}
	return 0, false
}

func (c *Context) capability(r *Credibility, i, j int) world.Value {
	w := c.W
	top, ok := c.Threat.Top(w.States[j].CCode)
	if !ok || top.From == w.States[i].CCode {
		return world.Missing()
	}
	k := w.Pos(top.From)
	if k < 0 {
		return world.Missing()
	}
	r.Detail.Threat, r.Detail.ThreatName = top.From, w.States[k].Name
	reach := func(s int) world.Value {
		cinc := float64(w.States[s].Capability.CINC)
		if s == j {
			return world.Value(c.Opt.Threat.Reach(cinc, 0, w.Year))
		}
		return world.Value(c.Opt.Threat.Reach(cinc, threat.EffectiveMiles(w.RelationAt(s, j)), w.Year))
	}
	r.Detail.PatronReach, r.Detail.ThreatReach = reach(i), reach(k)
	rel := threat.Relative(float64(r.Detail.PatronReach), float64(r.Detail.ThreatReach))
	if math.IsNaN(rel) {
		return world.Missing()
	}
	return world.Value(rel)
}

func (c *Context) reputation(r *Credibility) world.Value {
	if c.record == nil {
		return world.Missing()
	}
	n, k := c.record.Weight(r.Patron, c.W.Year, c.Opt.HalfLife)
	r.Detail.Invocations, r.Detail.Honoured = n, k
	if n == 0 {
		return world.Missing()
	}
	return world.Value((k + 0.5) / (n + 1))
}

func (c *Context) signals(r *Credibility) world.Value {
	s := NoSignals()
	if m := c.prov.Member(r.Alliance, r.Patron); m != nil {
		s = SignalsOf(m)
	}
	for _, st := range c.W.Stationing {
		if st.Patron == r.Patron && st.Host == r.Protege {
			s.Troops = st.Troops
			s.NuclearSharing = s.NuclearSharing || st.NuclearSharing
			s.Sources = append(s.Sources, st.Sources...)
		}
	}
	r.Detail.Provisions = s
	scale := func(v world.Value, top float64) world.Value {
		if !v.OK() {
			return v
		}
		return world.Value(math.Min(1, float64(v)/top))
	}
	vals := []world.Value{scale(s.MilitaryContact, 3), scale(s.Bases, 3), scale(s.IntegratedCmd, 1),
		scale(s.MilitaryAid, 4), scale(s.Organization, 3), scale(s.Troops, c.Opt.TroopsFull)}
	if s.NuclearSharing {
		vals = append(vals, 1)
	}
	return mean(vals...)
}

func (c *Context) domestic(r *Credibility, p *world.State) world.Value {
	d := &r.Detail
	switch {
	case p.Democracy.Polyarchy.OK():
		d.Democracy = p.Democracy.Polyarchy
	case p.Democracy.Polity2.OK():
		d.Democracy = world.Value((float64(p.Democracy.Polity2) + 10) / 20)
	default:
		if x, ok := regimeLevel(p.Regime); ok {
			d.Democracy = world.Value(x)
		}
	}
	ref := refDate(c.W)
	for _, l := range p.Leaders {
		if l.Start.IsZero() || ref.Before(l.Start) || (!l.End.IsZero() && l.End.Before(ref)) {
			continue
		}
		yrs := float64(ref.Year-l.Start.Year) + float64(ref.Month-l.Start.Month)/12
		d.Tenure = world.Value(math.Max(0, yrs))
	}
	ten := world.Missing()
	if d.Tenure.OK() {
		ten = world.Value(math.Min(1, float64(d.Tenure)/c.Opt.TenureFull))
	}
	return mean(d.Democracy, ten)
}

func (c *Context) extended(r *Credibility, p, q *world.State) Extended {
	y := c.W.Year
	e := Extended{PatronNuclear: Nuclear(p, y)}
	e.Umbrella = e.PatronNuclear && (r.Obligations.Has(world.Defense) ||
		q.Nuclear == world.NuclearUmbrella || q.Nuclear == world.NuclearShared || r.Detail.Provisions.NuclearSharing)
	if r.Detail.Threat != 0 {
		if a := c.W.State(r.Detail.Threat); a != nil && Nuclear(a, y) {
			e.AdversaryNuclear = true
			e.HomelandExposed = Exposed(c.W, a, p)
		}
	}
	return e
}
