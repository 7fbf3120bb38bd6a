package scorecard

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"

	"github.com/entente/entente/align"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// Source is an alliance dataset whose new dyads are scored. Allied returns
// the non-directed dyads allied in year y (both members in an alliance in
// force, or, for directed data, either pledging anything to the other).
// From and To bound the years the source covers: a formation year t is
// scored when t−1 and t both lie inside.
type Source struct {
	Name     string
	From, To int
	Allied   func(y int) (map[world.Dyad]bool, error)
}

// WorldAlliances returns an Allied function that reads the alliances of
// the Worlds load returns whose ID starts with prefix ("cow:", "atop:").
func WorldAlliances(load Loader, prefix string) func(y int) (map[world.Dyad]bool, error) {
	return func(y int) (map[world.Dyad]bool, error) {
		w, err := load(y)
		if err != nil {
			return nil, err
		}
		return AlliedDyads(w, prefix), nil
	}
}

// Hypotheses scored, in table order.
const (
	BalanceOfThreat    = "balance_of_threat"
	BalanceOfPower     = "balance_of_power"
	BalanceOfPowerSys  = "balance_of_power_system"
	Bandwagoning       = "bandwagoning"
	Contiguous         = "geography_contiguous"
	numHyp             = 5
	hypBoT, hypBoP     = 0, 1
	hypBoPSys, hypBand = 2, 3
	hypGeo             = 4
)

// Hypotheses lists the hypothesis names in table order.
var Hypotheses = []string{BalanceOfThreat, BalanceOfPower, BalanceOfPowerSys, Bandwagoning, Contiguous}

// Era is a span of formation years.
type Era struct {
	Name     string
	From, To int
}

// Eras are the periods of the table; "all" covers every year, including the
// world wars, which no other era holds.
var Eras = []Era{
	{"all", 0, 9999},
	{"pre-1914", 0, 1913},
	{"1919-1939", 1919, 1939},
	{"cold war 1946-1991", 1946, 1991},
	{"post-1991", 1992, 9999},
}

// RiskSet says which non-allied dyads form the comparison.
type RiskSet string

const (
	// Relevant keeps politically relevant dyads (after Maoz & Russett
	// 1993; Lemke & Reed 2001): contiguous by land or by water up to 400
	// miles (COW types 1–5; the usual cut is 150 miles or less), or with a
	// major power as a member, in year t−1.
	Relevant RiskSet = "relevant"
	// AllDyads keeps every dyad of system members.
	AllDyads RiskSet = "all"
)

// Options configure the backtest.
type Options struct {
	Threat     threat.Options
	Align      align.Options
	Risk       RiskSet
	Replicates int
	Seed       uint64
	Sources    []Source
}

// DefaultOptions returns the defaults: the default threat model, politically
// relevant dyads, 1,000 bootstrap replicates, seed 1. Sources must be set.
func DefaultOptions() Options {
	return Options{Threat: seedThreat(), Align: align.DefaultOptions(), Risk: Relevant, Replicates: 1000, Seed: 1}
}

// Validate reports the first option out of bounds: the threat and
// alignment options, the replicates, the risk set and the sources.
func (o Options) Validate() error {
	if err := o.Threat.Validate(); err != nil {
		return err
	}
	if err := o.Align.Validate(); err != nil {
		return err
	}
	if o.Replicates < 0 {
		return fmt.Errorf("scorecard: replicates %d: want at least 0", o.Replicates)
	}
	if o.Risk != Relevant && o.Risk != AllDyads {
		return fmt.Errorf("scorecard: unknown risk set %q (want relevant or all)", o.Risk)
	}
	if len(o.Sources) == 0 {
		return fmt.Errorf("scorecard: no alliance source")
	}
	for _, src := range o.Sources {
		if src.Allied == nil {
			return fmt.Errorf("scorecard: source %s has no Allied function", src.Name)
		}
	}
	return nil
}

// Row is one line of the scorecard: a hypothesis's hit rate among new
// allied dyads and among the dyads at risk that did not ally, and their
// ratio with a bootstrap interval.
type Row struct {
	Source      string `json:"source"`
	Era         string `json:"era"`
	Hypothesis  string `json:"hypothesis"`
	New         int    `json:"new_dyads"`
	NewHits     int    `json:"new_hits"`
	NewRate     Number `json:"new_rate"`
	Control     int    `json:"control_dyad_years"`
	ControlHits int    `json:"control_hits"`
	ControlRate Number `json:"control_rate"`
	Ratio       Number `json:"rate_ratio"`
	Lo          Number `json:"ci_lo"`
	Hi          Number `json:"ci_hi"`
}

// Number is a float that JSON writes as null when it is NaN (undefined:
// an empty group) or infinite (a ratio over a zero control rate).
type Number float64

// MarshalJSON writes NaN and ±Inf as null.
func (n Number) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', -1, 64), nil
}

// Result is the scorecard.
type Result struct {
	Rows       []Row             `json:"rows"`
	Choices    []ChoiceRow       `json:"choices"`
	Years      map[string][2]int `json:"years"` // per source, first and last formation year scored
	Skipped    []string          `json:"skipped,omitempty"`
	Risk       RiskSet           `json:"risk_set"`
	Replicates int               `json:"replicates"`
	Seed       uint64            `json:"seed"`
}

// Loader returns the World of a year.
type Loader func(year int) (*world.World, error)

// group is the dyad-years of one dyad in one group and their hits.
type group struct {
	n    int
	hits [numHyp]int
}

// cluster is one formation year's dyad-years in one cell: the new allied
// dyads and the controls (the dyads at risk that did not ally). Years, not
// dyads, are the clusters: the dyads of one year share its treaties (the
// 1,210 new ATOP dyads of 2000–01 come from a few multilateral treaties),
// so a bootstrap over dyads treats them as independent and gives intervals
// that are too narrow (Aronow, Samii & Assenova 2015).
type cluster struct{ treated, control group }

// cell holds the clusters of one source and era.
type cell struct {
	years map[int]*cluster
}

func newCell() *cell { return &cell{years: map[int]*cluster{}} }

func (c *cell) add(treated bool, y int, hits [numHyp]bool) {
	cl := c.years[y]
	if cl == nil {
		cl = &cluster{}
		c.years[y] = cl
	}
	g := &cl.control
	if treated {
		g = &cl.treated
	}
	g.n++
	for h, v := range hits {
		if v {
			g.hits[h]++
		}
	}
}

// Run scores every new allied dyad formed in the years from..to (inclusive)
// with the Worlds that load returns. Year t is scored for a source when its
// World and the World of t−1 both exist, both lie inside the source's
// coverage, and the World of t−1 has capability data; other years are listed
// in Result.Skipped. ctx cancels between years. Run returns an error for
// options that fail Validate or an empty year range.
func Run(ctx context.Context, load Loader, from, to int, o Options) (*Result, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	if from > to {
		return nil, fmt.Errorf("scorecard: years %d..%d: empty range", from, to)
	}
	cells := make([][]*cell, len(o.Sources))
	chosen := make([][]map[string]*choiceCell, len(o.Sources))
	for s := range cells {
		cells[s] = make([]*cell, len(Eras))
		chosen[s] = make([]map[string]*choiceCell, len(Eras))
		for e := range Eras {
			cells[s][e] = newCell()
			chosen[s][e] = newChoiceCells()
		}
	}
	res := &Result{Years: map[string][2]int{}, Risk: o.Risk, Replicates: o.Replicates, Seed: o.Seed}

	// Each year's allied dyads serve twice, as "after" for year t and as
	// "before" for t+1: keep the last one read per source.
	last := make([]struct {
		year int
		m    map[world.Dyad]bool
		err  error
	}, len(o.Sources))
	for s := range last {
		last[s].year = math.MinInt
	}
	allied := func(s, y int) (map[world.Dyad]bool, error) {
		c := &last[s]
		if c.year != y {
			c.m, c.err = o.Sources[s].Allied(y)
			c.year = y
		}
		return c.m, c.err
	}
	var prevScore *yearScore
	why := ""
	for y := from - 1; y <= to; y++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if y >= from && prevScore == nil {
			res.Skipped = append(res.Skipped, fmt.Sprintf("%d: no threat matrix for %d: %s", y, y-1, why))
		}
		if y >= from && prevScore != nil {
			for s, src := range o.Sources {
				if y-1 < src.From || y > src.To {
					continue
				}
				before, err := allied(s, y-1)
				if err != nil {
					res.Skipped = append(res.Skipped, fmt.Sprintf("%d: %s: %v", y, src.Name, err))
					continue
				}
				after, err := allied(s, y)
				if err != nil {
					res.Skipped = append(res.Skipped, fmt.Sprintf("%d: %s: %v", y, src.Name, err))
					continue
				}
				r := res.Years[src.Name]
				if r[0] == 0 || y < r[0] {
					r[0] = y
				}
				if y > r[1] {
					r[1] = y
				}
				res.Years[src.Name] = r
				prevScore.tally(o.Risk, y, before, after, cells[s], chosen[s])
			}
		}
		if y == to {
			break
		}
		var err error
		if prevScore, why, err = scoreYear(load, y, o); err != nil {
			return nil, err
		}
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x656e74656e7465))
	for s, src := range o.Sources {
		for e, era := range Eras {
			res.Rows = append(res.Rows, cells[s][e].rows(src.Name, era.Name, o.Replicates, rng)...)
			res.Choices = append(res.Choices, choiceRows(src.Name, era.Name, chosen[s][e])...)
		}
	}
	return res, nil
}

// scoreYear scores the World of year y: nil with the reason when there is
// no World or it has no capability data, an error when the threat matrix
// or the alignment fails.
func scoreYear(load Loader, y int, o Options) (ys *yearScore, why string, err error) {
	w, err := load(y)
	if err != nil {
		return nil, err.Error(), nil
	}
	if !w.Covered(world.FamilyCapabilities) {
		return nil, "no capability data", nil
	}
	m, err := threat.Compute(w, o.Threat)
	if err != nil {
		return nil, "", fmt.Errorf("scorecard: threat matrix %d: %w", y, err)
	}
	if ys, err = score(w, m, o.Align); err != nil {
		return nil, "", fmt.Errorf("scorecard: alignment %d: %w", y, err)
	}
	return ys, "", nil
}

// AlliedDyads returns the dyads allied in w.Year under the alliances whose
// ID starts with prefix, whatever their members pledged
// (world.World.AlliedDyads under world.AnyObligation).
func AlliedDyads(w *world.World, prefix string) map[world.Dyad]bool {
	return w.AlliedDyads(world.InYear(w.Year), world.AnyObligation,
		func(a *world.Alliance) bool { return strings.HasPrefix(a.ID, prefix) })
}

// yearScore holds, for the World of year t−1, each state's top threat, its
// strongest state as felt at its location, and the system's strongest
// state other than itself, as positions (−1 when undefined).
type yearScore struct {
	w                   *world.World
	top, target, strong []int
	major               []bool
	choice              []align.Choice // align's prediction for each state
	fired               [][]string     // the bandwagoning conditions that fired
}

// score computes the targets of every state of w under m:
//
//	top(i)    = argmax_j T_ij                 (balance of threat)
//	target(i) = argmax_{j≠i} P_j · X_ij        (the strongest state at i,
//	            capability discounted by the loss-of-strength gradient)
//	strong(i) = argmax_{j≠i} CINC_j            (the system's strongest state)
//
// top and target are undefined (−1) when no value is positive, so that
// states facing no threat share no top threat.
func score(w *world.World, m *threat.Matrix, ao align.Options) (*yearScore, error) {
	n := m.Len()
	ys := &yearScore{w: w, top: make([]int, n), target: make([]int, n), strong: make([]int, n), major: make([]bool, n),
		choice: make([]align.Choice, n), fired: make([][]string, n)}
	ps, err := align.Predict(w, m, ao)
	if err != nil {
		return nil, err
	}
	for i, p := range ps {
		ys.choice[i] = p.Choice
		ys.fired[i] = p.Fired()
	}
	first, second := -1, -1
	for i := range w.States {
		ys.major[i] = w.States[i].Major
		c := w.States[i].Capability.CINC.Float()
		if math.IsNaN(c) {
			continue
		}
		switch {
		case first < 0 || c > w.States[first].Capability.CINC.Float():
			first, second = i, first
		case second < 0 || c > w.States[second].Capability.CINC.Float():
			second = i
		}
	}
	for i := 0; i < n; i++ {
		ys.top[i] = m.TopPos(i)
		ys.strong[i] = first
		if i == first {
			ys.strong[i] = second
		}
		best, bv := -1, 0.0
		for j := 0; j < n; j++ {
			if j == i {
				continue
			}
			p, x, _, _ := m.ComponentsAt(i, j)
			v := p * x
			if !math.IsNaN(v) && v > bv {
				best, bv = j, v
			}
		}
		ys.target[i] = best
	}
	return ys, nil
}

// tally adds year y, scored on ys (the World of y−1), to the cells of one
// source, by era: the dyads at risk with their hits, and the predicted
// choices with what the states did.
func (ys *yearScore) tally(risk RiskSet, y int, before, after map[world.Dyad]bool, cells []*cell, chosen []map[string]*choiceCell) {
	ys.each(risk, before, after, func(_ world.Dyad, treated bool, hits [numHyp]bool) {
		for e, era := range Eras {
			if y >= era.From && y <= era.To {
				cells[e].add(treated, y, hits)
			}
		}
	})
	ys.choices(before, after, func(c string, formed, with bool) {
		for e, era := range Eras {
			if y >= era.From && y <= era.To {
				cc := chosen[e][c]
				if cc == nil { // a condition of the Walt alignment model
					cc = &choiceCell{}
					chosen[e][c] = cc
				}
				cc.n++
				if formed {
					cc.formed++
				}
				if with {
					cc.withThreat++
				}
			}
		}
	})
}

// each calls f for every dyad at risk in year t: both members in the World
// of t−1, not allied in t−1 (before), and in the risk set. treated says
// whether the dyad is allied in t (after).
func (ys *yearScore) each(risk RiskSet, before, after map[world.Dyad]bool, f func(world.Dyad, bool, [numHyp]bool)) {
	w := ys.w
	n := len(w.States)
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			d := world.MakeDyad(w.States[a].CCode, w.States[b].CCode)
			if before[d] {
				continue
			}
			treated := after[d]
			if risk == Relevant && !ys.relevant(a, b) {
				continue
			}
			f(d, treated, ys.hits(a, b))
		}
	}
}

func (ys *yearScore) relevant(a, b int) bool {
	if ys.major[a] || ys.major[b] {
		return true
	}
	c := ys.w.Relation(ys.w.States[a].CCode, ys.w.States[b].CCode).Contiguity
	return c >= 1 && c <= 5
}

// hits codes the hypotheses for the dyad at positions a and b:
//
//	balance of threat: top(a) = top(b), defined and neither a nor b;
//	balance of power: target(a) = target(b), defined and neither a nor b;
//	system balance of power: strong(a) = strong(b), defined and neither a
//	nor b (true unless a member is the strongest state);
//	bandwagoning: b is top(a) or target(a), or a is top(b) or target(b);
//	geography (the baseline every theory must beat): a and b contiguous
//	in t−1, by land or by water up to 400 miles (COW types 1–5).
func (ys *yearScore) hits(a, b int) [numHyp]bool {
	same := func(x, y int) bool { return x >= 0 && x == y && x != a && x != b }
	var h [numHyp]bool
	h[hypBoT] = same(ys.top[a], ys.top[b])
	h[hypBoP] = same(ys.target[a], ys.target[b])
	h[hypBoPSys] = same(ys.strong[a], ys.strong[b])
	h[hypBand] = ys.top[a] == b || ys.target[a] == b || ys.top[b] == a || ys.target[b] == a
	c := ys.w.RelationAt(a, b).Contiguity
	h[hypGeo] = c >= 1 && c <= 5
	return h
}

// rows computes the rate ratios of one cell with the cluster bootstrap.
func (c *cell) rows(src, era string, reps int, rng *rand.Rand) []Row {
	cs := flatten(c.years)
	tr, co := totals(cs)
	var boot [numHyp][]float64
	if reps > 0 && tr.n > 0 && co.n > 0 {
		for r := 0; r < reps; r++ {
			bt, bc := resample(cs, rng)
			for h := 0; h < numHyp; h++ {
				boot[h] = append(boot[h], ratio(bt.hits[h], bt.n, bc.hits[h], bc.n))
			}
		}
	}
	out := make([]Row, numHyp)
	for h := 0; h < numHyp; h++ {
		r := Row{Source: src, Era: era, Hypothesis: Hypotheses[h],
			New: tr.n, NewHits: tr.hits[h], NewRate: Number(rate(tr.hits[h], tr.n)),
			Control: co.n, ControlHits: co.hits[h], ControlRate: Number(rate(co.hits[h], co.n)),
			Ratio: Number(ratio(tr.hits[h], tr.n, co.hits[h], co.n)), Lo: Number(math.NaN()), Hi: Number(math.NaN())}
		if len(boot[h]) > 0 {
			r.Lo, r.Hi = Number(percentile(boot[h], 0.025)), Number(percentile(boot[h], 0.975))
		}
		out[h] = r
	}
	return out
}

// flatten returns the clusters in a fixed order (by year), so that a seed
// reproduces the bootstrap bit for bit.
func flatten(m map[int]*cluster) []cluster {
	keys := make([]int, 0, len(m))
	for y := range m {
		keys = append(keys, y)
	}
	sort.Ints(keys)
	out := make([]cluster, len(keys))
	for i, d := range keys {
		out[i] = *m[d]
	}
	return out
}

func (g *group) addGroup(h group) {
	g.n += h.n
	for k := range g.hits {
		g.hits[k] += h.hits[k]
	}
}

func totals(cs []cluster) (tr, co group) {
	for _, c := range cs {
		tr.addGroup(c.treated)
		co.addGroup(c.control)
	}
	return tr, co
}

// resample draws len(cs) years with replacement and returns the totals of
// their treated and control dyad-years: the cluster (year) bootstrap, which
// keeps each year's dyads, in both groups, together.
func resample(cs []cluster, rng *rand.Rand) (tr, co group) {
	for range cs {
		c := &cs[rng.IntN(len(cs))]
		tr.addGroup(c.treated)
		co.addGroup(c.control)
	}
	return tr, co
}

func rate(h, n int) float64 {
	if n == 0 {
		return math.NaN()
	}
	return float64(h) / float64(n)
}

// ratio is (h1/n1)/(h0/n0): NaN when a group is empty or both rates are 0,
// +Inf when only the control rate is 0.
func ratio(h1, n1, h0, n0 int) float64 {
	p1, p0 := rate(h1, n1), rate(h0, n0)
	if math.IsNaN(p1) || math.IsNaN(p0) || p1 == 0 && p0 == 0 {
		return math.NaN()
	}
	return p1 / p0
}

// percentile returns the q-quantile of xs (NaNs dropped; +Inf sorts last),
// by the nearest-rank method.
func percentile(xs []float64, q float64) float64 {
	v := xs[:0:0]
	for _, x := range xs {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return math.NaN()
	}
	sort.Float64s(v)
	k := int(math.Ceil(q*float64(len(v)))) - 1
	if k < 0 {
		k = 0
	}
	return v[k]
}

// seedThreat is the seed's additive threat model, on which the scorecard's
// published tables (docs/scorecard.md) were computed; the Walt composite
// has its own validation (threat/validate, docs/threat.md).
func seedThreat() threat.Options {
	o := threat.DefaultOptions()
	o.Composite = threat.Additive
	return o
}
