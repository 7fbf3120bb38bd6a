package validate

import (
	"fmt"
	"math"
	"sort"

	"github.com/entente/entente/history"
	"github.com/entente/entente/logit"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// The behaviours threat should predict.
const (
	BehaviourDispute   = "dispute"   // j initiates a MID against i in t+1
	BehaviourBalancing = "balancing" // i forms a new defence pact in t+1 with a partner j also threatens
)

// The models compared.
const (
	ModelDefault   = "default (walt)"
	ModelSum       = "sum (seed)"
	ModelPower     = "power alone"
	ModelProximity = "proximity alone"
	ModelIntent    = "intentions alone"
)

// BehaviourBalancingHostile is balancing with the partner's threat read
// from hostility alone: k and j on opposite sides of a dispute in t−9..t
// or strategic rivals in t, contiguity not enough. It is a sensitivity
// check of the balancing outcome's definition, reported beside the two
// behaviours; the exponents are not fitted on it.
const BehaviourBalancingHostile = "balancing (hostility)"

// Behaviours lists the behaviours of the tables: the two the exponents are
// fitted on, then the sensitivity check.
var Behaviours = []string{BehaviourDispute, BehaviourBalancing, BehaviourBalancingHostile}

// Models lists the models in the order of the tables.
var Models = []string{ModelDefault, ModelSum, ModelPower, ModelProximity, ModelIntent}

// Split is the temporal split: outcome years TrainFrom..TrainTo fit,
// TestFrom..TestTo test. Scores are those of year t for outcomes in t+1.
type Split struct{ TrainFrom, TrainTo, TestFrom, TestTo int }

// DefaultSplit fits on the outcomes of 1816–1945 and tests on 1946–2014
// (MID 5.0 ends in 2014). The first outcome year is 1817, the first year
// with a preceding score.
var DefaultSplit = Split{1816, 1945, 1946, 2014}

// Metric is one model's out-of-sample fit on one behaviour.
type Metric struct {
	Model     string  `json:"model"`
	Behaviour string  `json:"behaviour"`
	AUC       float64 `json:"auc"`
	// GroupedAUC is the AUC within each state-year, averaged (GroupedAUC).
	GroupedAUC float64 `json:"grouped_auc"`
	LogLoss    float64 `json:"log_loss"`
	N          int     `json:"n"`      // dyad-years
	Events     int     `json:"events"` // of which the behaviour occurred
}

// OOSResult holds the constants chosen on the training years and the
// metrics of every model on the training and test years.
type OOSResult struct {
	Split        Split    `json:"split"`
	AggregateExp float64  `json:"aggregate_exp"`
	PowerExp     float64  `json:"power_exp"`
	ProximityExp float64  `json:"proximity_exp"`
	IntentPower  float64  `json:"intent_power"`
	Train        []Metric `json:"train"`
	Test         []Metric `json:"test"`
}

// row is one directed dyad-year (i threatened, j threatening), scored in
// year t.
type row struct {
	group   int32 // the (year, i) the row belongs to; rows of a group are contiguous
	test    bool
	dispute bool // j initiates against i in t+1
	balance bool // i balances against j in t+1
	// balanceHostile is balance with "j threatens k" read from hostility
	// alone (disputes and rivalries, not contiguity): a sensitivity check.
	balanceHostile bool
	capability     float32 // D_ij, the Walt composite's dyadic capability
	intent         float32 // intent of the Walt composite
	aggregate      float32 // P_j under the Walt composite's power index
	reach          float32 // X_ij under the Walt composite's power index
	sum            float32 // the seed's sum
	power          float32 // P_j, the seed's (CINC)
	proximity      float32 // X_ij, the seed's (CINC)
}

// Dyads scores every directed dyad-year whose outcome year lies in the split
// and returns them with their outcomes. base gives the Walt composite's
// options other than the exponents, which the fit varies. Dyad-years
// where any model's score is missing are left out, so that every model is
// judged on the same dyad-years.
func dyads(h *history.History, sp Split, base threat.Options) ([]row, error) {
	first, last := h.Span()
	if sp.TrainFrom-1 < first {
		sp.TrainFrom = first + 1
	}
	if sp.TestTo > last {
		return nil, fmt.Errorf("validate: test years end in %d, after the data's %d", sp.TestTo, last)
	}
	inits := initiations(h)
	opp := opposedSpans(h)
	sumOpts := base
	sumOpts.Composite = threat.Additive
	wo := base
	wo.Composite = threat.Walt
	var rows []row
	var group int32
	for t := sp.TrainFrom - 1; t < sp.TestTo; t++ {
		w, err := h.World(t)
		if err != nil {
			return nil, err
		}
		mw, err := threat.Compute(w, wo)
		if err != nil {
			return nil, err
		}
		ms, err := threat.Compute(w, sumOpts)
		if err != nil {
			return nil, err
		}
		bal := balancing(h, w, t, opp, true)
		balH := balancing(h, w, t, opp, false)
		test := t+1 >= sp.TestFrom
		n := len(w.States)
		for i := 0; i < n; i++ {
			group++
			ci := w.States[i].CCode
			for j := 0; j < n; j++ {
				if i == j {
					continue
				}
				cj := w.States[j].CCode
				d := mw.CapabilityAt(i, j)
				_, _, in := mw.WaltAt(i, j)
				wp, wx, _, _ := mw.ComponentsAt(i, j)
				p, x, _, _ := ms.ComponentsAt(i, j)
				s := ms.TotalAt(i, j)
				if anyNaN(d, in, wp, wx, p, x, s) {
					continue
				}
				rows = append(rows, row{group: group, test: test,
					dispute: inits[initKey{t + 1, cj, ci}], balance: bal[[2]int{ci, cj}], balanceHostile: balH[[2]int{ci, cj}],
					capability: float32(d), intent: float32(in),
					aggregate: float32(wp), reach: float32(wx),
					sum: float32(s), power: float32(p), proximity: float32(x)})
			}
		}
	}
	return rows, nil
}

func anyNaN(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) {
			return true
		}
	}
	return false
}

type initKey struct{ year, from, to int }

// initiations returns the directed initiations of MID 5.0: (y, j, i) when
// j, an originator on side A, began a dispute in year y against i, on
// side B.
func initiations(h *history.History) map[initKey]bool {
	byID := map[int][]world.Dispute{}
	for _, d := range h.Disputes() {
		byID[d.ID] = append(byID[d.ID], d)
	}
	out := map[initKey]bool{}
	for _, ps := range byID {
		for _, p := range ps {
			if !p.SideA || !p.Originator {
				continue
			}
			for _, q := range ps {
				if !q.SideA {
					out[initKey{p.Start.Year, p.CCode, q.CCode}] = true
				}
			}
		}
	}
	return out
}

// opposedSpans returns, for each unordered pair, the year spans of the
// disputes in which they stood on opposite sides.
func opposedSpans(h *history.History) map[world.Dyad][][2]int {
	byID := map[int][]world.Dispute{}
	for _, d := range h.Disputes() {
		byID[d.ID] = append(byID[d.ID], d)
	}
	out := map[world.Dyad][][2]int{}
	for _, ps := range byID {
		for _, p := range ps {
			for _, q := range ps {
				if p.SideA && !q.SideA {
					end := p.End.Year
					if q.End.Year < end && q.End.Year > 0 {
						end = q.End.Year
					}
					if end == 0 {
						end = p.Start.Year
					}
					d := world.MakeDyad(p.CCode, q.CCode)
					out[d] = append(out[d], [2]int{p.Start.Year, end})
				}
			}
		}
	}
	return out
}

// opposedIn reports whether a and b stood on opposite sides of a dispute
// that went on in some year of from..to.
func opposedIn(opp map[world.Dyad][][2]int, a, b, from, to int) bool {
	for _, s := range opp[world.MakeDyad(a, b)] {
		if s[0] <= to && s[1] >= from {
			return true
		}
	}
	return false
}

// defencePairs returns the unordered pairs bound by a defence obligation
// (COW or ATOP, either direction) in year y.
func defencePairs(h *history.History, y int) map[world.Dyad]bool {
	out := map[world.Dyad]bool{}
	for _, t := range []*history.DyadTable[world.Obligations]{h.COW(), h.ATOP()} {
		if !t.Covers(y) {
			continue
		}
		keys, vals := t.Year(y)
		for k, key := range keys {
			if vals[k].Has(world.Defense) {
				out[world.MakeDyad(key.A(), key.B())] = true
			}
		}
	}
	return out
}

// balancing returns the directed pairs (i, j) of year t's members for which
// i forms a new defence pact in t+1 (a pair bound by a defence obligation in
// t+1 and not in t) with a partner k ≠ j that j also threatens: k and j are
// contiguous in t (COW, land or up to 400 miles of water) or stood on
// opposite sides of a dispute in t−9..t; j is not among i's new partners.
// Whom j threatens is read from contiguity and disputes, not from any
// model's scores, so that every model predicts the same outcome. Without
// contiguity, j threatens k only when they stood on opposite sides of a
// dispute in t−9..t or are strategic rivals in t (Thompson & Dreyer), the
// sensitivity check of docs/threat.md.
func balancing(h *history.History, w *world.World, t int, opp map[world.Dyad][][2]int, contiguity bool) map[[2]int]bool {
	now, next := defencePairs(h, t), defencePairs(h, t+1)
	partners := map[int][]int{}
	for d := range next {
		if now[d] {
			continue
		}
		partners[d.A] = append(partners[d.A], d.B)
		partners[d.B] = append(partners[d.B], d.A)
	}
	rivals := map[world.Dyad]bool{}
	for k := range w.Rivalries {
		if r := &w.Rivalries[k]; r.InForce(t) {
			rivals[world.MakeDyad(r.A, r.B)] = true
		}
	}
	out := map[[2]int]bool{}
	for i, ks := range partners {
		if w.Pos(i) < 0 {
			continue
		}
		sort.Ints(ks)
		for _, s := range w.States {
			j := s.CCode
			if j == i || contains(ks, j) {
				continue
			}
			for _, k := range ks {
				threatens := opposedIn(opp, k, j, t-9, t)
				if contiguity {
					c := h.ContiguityType(t, k, j)
					threatens = threatens || c >= 1 && c <= 5
				} else {
					threatens = threatens || rivals[world.MakeDyad(k, j)]
				}
				if threatens {
					out[[2]int{i, j}] = true
					break
				}
			}
		}
	}
	return out
}

// waltScores returns the Walt composite's total for each row under the
// exponents (δ, α, β, γ) and intent floor ε (threat.Walt's formula).
func waltScores(rows []row, delta, alpha, beta, gamma, eps float64) []float64 {
	out := make([]float64, len(rows))
	norm := math.Pow(1+eps, gamma)
	for k, r := range rows {
		v := math.Pow(float64(r.capability), alpha) * math.Pow(float64(r.aggregate), delta)
		if beta != 0 {
			v *= math.Pow(float64(r.reach), beta)
		}
		out[k] = v * math.Pow(float64(r.intent)+eps, gamma) / norm
	}
	return out
}

// OutOfSample fits the Walt composite's exponents on the training years
// (fit) and reports every model on both behaviours, training and test.
// base supplies the other options (threat.DefaultOptions in the
// published tables).
func OutOfSample(h *history.History, sp Split, base threat.Options, g Grid) (*OOSResult, error) {
	rows, err := dyads(h, sp, base)
	if err != nil {
		return nil, err
	}
	res := &OOSResult{Split: sp}
	res.AggregateExp, res.PowerExp, res.ProximityExp, res.IntentPower = fit(rows, g, base.IntentFloor)
	// The default is scored with the exponents of base, not with those
	// just fitted: a test checks that they agree (TestDefaultsAreFitted).
	def := waltScores(rows, base.AggregateExp, base.PowerExp, base.ProximityExp, base.IntentPower, base.IntentFloor)
	single := map[string]func(r row) float64{
		ModelSum:       func(r row) float64 { return float64(r.sum) },
		ModelPower:     func(r row) float64 { return float64(r.power) },
		ModelProximity: func(r row) float64 { return float64(r.proximity) },
		ModelIntent:    func(r row) float64 { return float64(r.intent) },
	}
	for _, b := range Behaviours {
		y := outcome(rows, b)
		for _, name := range Models {
			f := def
			if name != ModelDefault {
				f = make([]float64, len(rows))
				for k, r := range rows {
					f[k] = single[name](r)
				}
			}
			tr, te, err := evaluate(rows, f, y)
			if err != nil {
				return nil, fmt.Errorf("validate: calibrating %s on %s: %w", name, b, err)
			}
			tr.Model, tr.Behaviour, te.Model, te.Behaviour = name, b, name, b
			res.Train = append(res.Train, tr)
			res.Test = append(res.Test, te)
		}
	}
	return res, nil
}

func outcome(rows []row, b string) []bool {
	y := make([]bool, len(rows))
	for k, r := range rows {
		switch b {
		case BehaviourDispute:
			y[k] = r.dispute
		case BehaviourBalancingHostile:
			y[k] = r.balanceHostile
		default:
			y[k] = r.balance
		}
	}
	return y
}

// Grid is the set of exponents Fit chooses from: α of dyadic capability,
// β of proximity and γ of intentions in the Walt composite
// (threat.Options.PowerExp, ProximityExp, IntentPower).
type Grid struct {
	AggregateExp, PowerExp, ProximityExp, IntentPower []float64
}

// DefaultGrid is the grid Fit searches: every exponent from none (0, for
// capability) to strong, on a doubling scale.
var DefaultGrid = Grid{
	AggregateExp: []float64{0, 0.25, 0.5, 1},
	PowerExp:     []float64{0, 0.5, 1, 2},
	ProximityExp: []float64{0, 0.25, 0.5, 1, 2},
	IntentPower:  []float64{0.5, 1, 2},
}

// Fit returns the exponents of g whose Walt composite has the largest mean
// AUC over the two behaviours on the training rows (ties to the earlier
// point of the grid): the pooled AUC over all dyad-years, the measure the
// tables report. Only training rows are read.
func fit(rows []row, g Grid, eps float64) (delta, alpha, beta, gamma float64) {
	var train []row
	for _, r := range rows {
		if !r.test {
			train = append(train, r)
		}
	}
	// Rank by log T = α log D + β log X + γ log(I + ε) (less a constant),
	// which orders the rows as T does, from logs computed once.
	n := len(train)
	lp, ld, lx, li := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for k, r := range train {
		lp[k] = math.Log(math.Max(float64(r.aggregate), 1e-300))
		ld[k] = math.Log(math.Max(float64(r.capability), 1e-300))
		lx[k] = math.Log(math.Max(float64(r.reach), 1e-300))
		li[k] = math.Log(float64(r.intent) + eps)
	}
	best := -1.0
	ys := [][]bool{outcome(train, BehaviourDispute), outcome(train, BehaviourBalancing)}
	s := make([]float64, n)
	for _, d := range g.AggregateExp {
		for _, a := range g.PowerExp {
			for _, b := range g.ProximityExp {
				for _, c := range g.IntentPower {
					for k := range s {
						s[k] = d*lp[k] + a*ld[k] + b*lx[k] + c*li[k]
					}
					score := 0.0
					for _, y := range ys {
						score += logit.AUC(s, y) / float64(len(ys))
					}
					if score > best+1e-9 {
						best, delta, alpha, beta, gamma = score, d, a, b, c
					}
				}
			}
		}
	}
	return delta, alpha, beta, gamma
}

// calibrationFeatures returns the features through which every model's
// score s is mapped to a probability: s and log(s + 1e-6). Every model gets
// the same two, so that log-losses compare scores, not calibrations.
func calibrationFeatures(s []float64) [][]float64 {
	l := make([]float64, len(s))
	for k, v := range s {
		l[k] = math.Log(math.Max(v, 0) + 1e-6)
	}
	return [][]float64{s, l}
}

// evaluate returns a score's metrics on the training and on the test rows:
// its AUC and grouped AUC (rank statistics of the score itself), and the
// mean log-loss of the probabilities a logistic regression on the score's
// calibration features, fitted on the training rows, assigns.
func evaluate(rows []row, score []float64, y []bool) (train, test Metric, err error) {
	feats := calibrationFeatures(score)
	m, err := calibrate(rows, feats, y)
	if err != nil {
		return train, test, err
	}
	pred := m.PredictData(&logit.Data{Cols: feats, Y: y}, nil)
	split := func(test bool) Metric {
		var rs []row
		var s, p []float64
		var ys []bool
		for k, r := range rows {
			if r.test == test {
				rs, s, p, ys = append(rs, r), append(s, score[k]), append(p, pred[k]), append(ys, y[k])
			}
		}
		m := Metric{N: len(rs), AUC: logit.AUC(s, ys), GroupedAUC: GroupedAUC(rs, s, ys), LogLoss: logit.LogLoss(&logit.Data{Y: ys}, p)}
		for _, v := range ys {
			if v {
				m.Events++
			}
		}
		return m
	}
	return split(false), split(true), nil
}

// calibrate fits P(y) = σ(β0 + Σ β_f x_f) on the training rows by
// logit.Fit, with a small ridge penalty (1e-6) that keeps the Newton step
// defined when a feature is constant.
func calibrate(rows []row, feats [][]float64, y []bool) (*logit.Model, error) {
	d := &logit.Data{Cols: make([][]float64, len(feats))}
	for k, r := range rows {
		if r.test {
			continue
		}
		d.Y = append(d.Y, y[k])
		for f := range feats {
			d.Cols[f] = append(d.Cols[f], feats[f][k])
		}
	}
	return logit.Fit(d, 1e-6, nil, logit.Options{MaxIter: 25, Tol: 1e-9})
}

// GroupedAUC returns the mean, over the groups (state-years i, t) with at
// least one positive and one negative, of the AUC within the group,
// weighted by the group's positives: how well a score ranks the states that
// will act against i among all the states i faces, the ranking a threat
// model exists to make. Rows of a group must be contiguous.
func GroupedAUC(rows []row, p []float64, y []bool) float64 {
	num, den := 0.0, 0.0
	for a := 0; a < len(rows); {
		b := a
		for b < len(rows) && rows[b].group == rows[a].group {
			b++
		}
		if auc := logit.AUC(p[a:b], y[a:b]); !math.IsNaN(auc) {
			pos := 0
			for _, v := range y[a:b] {
				if v {
					pos++
				}
			}
			num += auc * float64(pos)
			den += float64(pos)
		}
		a = b
	}
	if den == 0 {
		return math.NaN()
	}
	return num / den
}
