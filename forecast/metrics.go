package forecast

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
)

// Num is a float that JSON writes as null when it is NaN or infinite
// (undefined: no positive or no negative row).
type Num float64

// MarshalJSON writes NaN and ±Inf as null.
func (n Num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', -1, 64), nil
}

// Prediction is one out-of-sample dyad-year.
type Prediction struct {
	A, B    int
	Year    int
	P       float64
	Outcome bool
	// Ref is the reference forecast of the Brier skill score: the
	// formation rate of the training window the model was fitted on.
	Ref        float64
	Treaty     string
	TreatySize int
}

// Interval is an estimate with its 95% percentile bootstrap interval.
type Interval struct {
	Est Num `json:"est"`
	Lo  Num `json:"lo"`
	Hi  Num `json:"hi"`
}

// Bin is one decile of the calibration table: the dyad-years whose
// predicted probability falls in it, their mean prediction and the share
// that formed.
type Bin struct {
	N        int `json:"n"`
	Formed   int `json:"formed"`
	MeanP    Num `json:"mean_p"`
	Observed Num `json:"observed"`
	MaxP     Num `json:"max_p"`
}

// Metrics evaluates a set of predictions.
type Metrics struct {
	View      string   `json:"view"`
	N         int      `json:"n"`
	Positives int      `json:"positives"`
	Treaties  int      `json:"treaties"`
	AUC       Interval `json:"roc_auc"`
	PRAUC     Interval `json:"pr_auc"`
	Brier     Num      `json:"brier"`
	BSS       Interval `json:"brier_skill"`
	// Calibration is given for the dyad view only.
	Calibration []Bin `json:"calibration,omitempty"`
}

// Views of the evaluation.
const (
	// ViewDyads counts every dyad-year once.
	ViewDyads = "dyads"
	// ViewTreaties weights each formed dyad by 1 / (number of formed dyads
	// of its treaty in the sample that year), so that each new treaty
	// counts once, however many members it joined.
	ViewTreaties = "treaties"
	// ViewSmall drops the dyads formed by treaties of more than
	// SmallTreaty members.
	ViewSmall = "small_treaties"
)

// SmallTreaty is the largest treaty ViewSmall keeps.
const SmallTreaty = 10

// scored is a prediction set prepared for fast weighted metrics under
// year resampling: sorted by p descending, with each row's base weight
// and year index.
type scored struct {
	p, ref []float64
	y      []bool
	w      []float64
	year   []int // index into years
	years  []int
}

func prepareView(ps []Prediction, view string) *scored {
	per := map[[2]any]int{}
	if view == ViewTreaties {
		for _, p := range ps {
			if p.Outcome {
				per[[2]any{p.Year, p.Treaty}]++
			}
		}
	}
	idx := make([]int, 0, len(ps))
	for i, p := range ps {
		if view == ViewSmall && p.Outcome && p.TreatySize > SmallTreaty {
			continue
		}
		idx = append(idx, i)
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(ps[b].P, ps[a].P); c != 0 {
			return c
		}
		return a - b // deterministic order among ties
	})
	s := &scored{}
	yi := map[int]int{}
	for _, i := range idx {
		p := ps[i]
		w := 1.0
		if view == ViewTreaties && p.Outcome {
			w = 1 / float64(per[[2]any{p.Year, p.Treaty}])
		}
		k, ok := yi[p.Year]
		if !ok {
			k = len(s.years)
			yi[p.Year] = k
			s.years = append(s.years, p.Year)
		}
		s.p = append(s.p, p.P)
		s.ref = append(s.ref, p.Ref)
		s.y = append(s.y, p.Outcome)
		s.w = append(s.w, w)
		s.year = append(s.year, k)
	}
	return s
}

// metrics returns ROC AUC, PR AUC (average precision), Brier and Brier
// skill of s with each year weighted by m (nil: 1).
func (s *scored) metrics(m []float64) (auc, ap, brier, bss float64) {
	var posT, negT float64
	for i := range s.p {
		w := s.weight(i, m)
		if s.y[i] {
			posT += w
		} else {
			negT += w
		}
	}
	var negAbove, tp, fp, sq, sqRef, sw float64
	for i := 0; i < len(s.p); {
		j := i
		var pg, ng float64
		for ; j < len(s.p) && s.p[j] == s.p[i]; j++ {
			w := s.weight(j, m)
			y := 0.0
			if s.y[j] {
				pg += w
				y = 1
			} else {
				ng += w
			}
			sq += w * (s.p[j] - y) * (s.p[j] - y)
			sqRef += w * (s.ref[j] - y) * (s.ref[j] - y)
			sw += w
		}
		auc += pg * (negT - negAbove - ng + 0.5*ng)
		negAbove += ng
		tp += pg
		fp += ng
		if pg > 0 {
			ap += pg / posT * tp / (tp + fp)
		}
		i = j
	}
	if posT == 0 || negT == 0 {
		return math.NaN(), math.NaN(), sq / sw, 1 - sq/sqRef
	}
	return auc / (posT * negT), ap, sq / sw, 1 - sq/sqRef
}

// yearStats are the sums from which the metrics of any resampling of the
// years follow without another pass over the rows (each metric is a sum
// over pairs or groups of rows, and so a quadratic or linear form in the
// number of times each year is drawn):
//
//	AUC(m)   = Σ_{y,y'} m_y m_y' C[y][y'] / (P(m) N(m))
//	AP(m)    = Σ_g (Σ_y m_y pos[g][y]) / P(m) · TP_g(m) / (TP_g(m) + FP_g(m))
//	Brier(m) = Σ_y m_y SQ[y] / Σ_y m_y W[y]
//
// C[y][y'] sums, over the formed rows i of year y, w_i times the weight
// of the non-forming rows of year y' predicted below p_i (ties count one
// half); g runs over the groups of tied predictions holding a formed row.
type yearStats struct {
	c              [][]float64
	pos, neg       []float64 // weight of formed and other rows, per year
	sq, sqRef      []float64
	gpos, gtp, gfp [][]float64 // per group with a formed row, per year
}

func (s *scored) stats() *yearStats {
	ny := len(s.years)
	st := &yearStats{c: make([][]float64, ny), pos: make([]float64, ny), neg: make([]float64, ny),
		sq: make([]float64, ny), sqRef: make([]float64, ny)}
	for y := range st.c {
		st.c[y] = make([]float64, ny)
	}
	for i := range s.p {
		y, w := s.year[i], s.w[i]
		o := 0.0
		if s.y[i] {
			st.pos[y] += w
			o = 1
		} else {
			st.neg[y] += w
		}
		st.sq[y] += w * (s.p[i] - o) * (s.p[i] - o)
		st.sqRef[y] += w * (s.ref[i] - o) * (s.ref[i] - o)
	}
	negAbove := make([]float64, ny)
	tp, fp := make([]float64, ny), make([]float64, ny)
	gp, gn := make([]float64, ny), make([]float64, ny)
	for i := 0; i < len(s.p); {
		j := i
		clear(gp)
		clear(gn)
		for ; j < len(s.p) && s.p[j] == s.p[i]; j++ {
			if s.y[j] {
				gp[s.year[j]] += s.w[j]
			} else {
				gn[s.year[j]] += s.w[j]
			}
		}
		hasPos := false
		for y := range gp {
			tp[y] += gp[y]
			fp[y] += gn[y]
			hasPos = hasPos || gp[y] > 0
		}
		if hasPos {
			for y, pw := range gp {
				if pw == 0 {
					continue
				}
				row := st.c[y]
				for y2 := range row {
					row[y2] += pw * (st.neg[y2] - negAbove[y2] - 0.5*gn[y2])
				}
			}
			st.gpos = append(st.gpos, slices.Clone(gp))
			st.gtp = append(st.gtp, slices.Clone(tp))
			st.gfp = append(st.gfp, slices.Clone(fp))
		}
		for y := range gn {
			negAbove[y] += gn[y]
		}
		i = j
	}
	return st
}

// metrics returns the metrics of the resampling m (years drawn m_y times).
func (st *yearStats) metrics(m []float64) (auc, ap, brier, bss float64) {
	var posT, negT, sq, sqRef, sw float64
	for y, k := range m {
		posT += k * st.pos[y]
		negT += k * st.neg[y]
		sq += k * st.sq[y]
		sqRef += k * st.sqRef[y]
		sw += k * (st.pos[y] + st.neg[y])
	}
	for y, k := range m {
		if k == 0 {
			continue
		}
		for y2, k2 := range m {
			auc += k * k2 * st.c[y][y2]
		}
	}
	for g := range st.gpos {
		var p, tp, fp float64
		for y, k := range m {
			p += k * st.gpos[g][y]
			tp += k * st.gtp[g][y]
			fp += k * st.gfp[g][y]
		}
		if p > 0 {
			ap += p / posT * tp / (tp + fp)
		}
	}
	if posT == 0 || negT == 0 {
		return math.NaN(), math.NaN(), sq / sw, 1 - sq/sqRef
	}
	return auc / (posT * negT), ap, sq / sw, 1 - sq/sqRef
}

func (s *scored) weight(i int, m []float64) float64 {
	if m == nil {
		return s.w[i]
	}
	return s.w[i] * m[s.year[i]]
}

// draws returns reps resamplings of n years with replacement, as the
// number of times each year is drawn.
func draws(n, reps int, seed uint64) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 0x666f7265636173))
	out := make([][]float64, reps)
	for r := range out {
		m := make([]float64, n)
		for range n {
			m[rng.IntN(n)]++
		}
		out[r] = m
	}
	return out
}

// Evaluate returns the metrics of ps under view, with 95% intervals from
// reps bootstrap replicates that resample the outcome years (whole years,
// so that a wave of multilateral treaties stays together) with the seed
// given.
func Evaluate(ps []Prediction, view string, reps int, seed uint64) Metrics {
	s := prepareView(ps, view)
	mt := Metrics{View: view, N: len(s.p)}
	treaties := map[[2]any]bool{}
	for i, y := range s.y {
		if y {
			mt.Positives++
			_ = i
		}
	}
	for _, p := range ps {
		if p.Outcome && !(view == ViewSmall && p.TreatySize > SmallTreaty) {
			treaties[[2]any{p.Year, p.Treaty}] = true
		}
	}
	mt.Treaties = len(treaties)
	auc, ap, brier, bss := s.metrics(nil)
	mt.Brier = Num(brier)
	var as, aps, bs []float64
	st := s.stats()
	for _, m := range draws(len(s.years), reps, seed) {
		a, p, _, b := st.metrics(m)
		as, aps, bs = append(as, a), append(aps, p), append(bs, b)
	}
	mt.AUC, mt.PRAUC, mt.BSS = interval(auc, as), interval(ap, aps), interval(bss, bs)
	if view == ViewDyads {
		mt.Calibration = calibration(s)
	}
	return mt
}

// Paired returns the bootstrap interval of metric(a) − metric(b) of ROC
// AUC for two prediction sets of the same rows (in the same order), with
// the same year resamples for both.
func Paired(a, b []Prediction, view string, reps int, seed uint64) (diff Interval) {
	sa, sb := prepareView(a, view), prepareView(b, view)
	// prepareView sorts each by its own p; year indices may differ, so map
	// years of b onto a's.
	at := map[int]int{}
	for i, y := range sa.years {
		at[y] = i
	}
	remap := make([]int, len(sb.years))
	for i, y := range sb.years {
		remap[i] = at[y]
	}
	x, _, _, _ := sa.metrics(nil)
	y, _, _, _ := sb.metrics(nil)
	var ds []float64
	ta, tb := sa.stats(), sb.stats()
	for _, m := range draws(len(sa.years), reps, seed) {
		mb := make([]float64, len(sb.years))
		for i := range mb {
			mb[i] = m[remap[i]]
		}
		u, _, _, _ := ta.metrics(m)
		v, _, _, _ := tb.metrics(mb)
		ds = append(ds, u-v)
	}
	return interval(x-y, ds)
}

func interval(est float64, reps []float64) Interval {
	var ok []float64
	for _, v := range reps {
		if !math.IsNaN(v) {
			ok = append(ok, v)
		}
	}
	if len(ok) == 0 {
		return Interval{Num(est), Num(math.NaN()), Num(math.NaN())}
	}
	sort.Float64s(ok)
	q := func(f float64) float64 { return ok[min(len(ok)-1, int(f*float64(len(ok))))] }
	return Interval{Num(est), Num(q(0.025)), Num(q(0.975))}
}

// calibration returns the deciles of s by predicted probability (s is
// sorted descending; bins are reported ascending).
func calibration(s *scored) []Bin {
	n := len(s.p)
	if n == 0 {
		return nil
	}
	var out []Bin
	for d := 0; d < 10; d++ {
		lo, hi := n-(d+1)*n/10, n-d*n/10
		var b Bin
		var sp float64
		for i := lo; i < hi; i++ {
			b.N++
			sp += s.p[i]
			if s.y[i] {
				b.Formed++
			}
		}
		if b.N > 0 {
			b.MeanP, b.Observed, b.MaxP = Num(sp/float64(b.N)), Num(float64(b.Formed)/float64(b.N)), Num(s.p[lo])
		}
		out = append(out, b)
	}
	return out
}

func sortContributions(c []Contribution) {
	sort.SliceStable(c, func(i, j int) bool { return math.Abs(c[i].Logit) > math.Abs(c[j].Logit) })
}
