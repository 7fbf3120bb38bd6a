package forecast

import (
	"fmt"
	"math"

	"github.com/entente/entente/logit"
)

// Spec says which rows train a model and which features it reads.
type Spec struct {
	// Columns are the features used (indices into Features); nil: all.
	Columns []int
	// Relevant restricts the rows to politically relevant dyads.
	Relevant bool
	// NegativeRate is the share of non-forming dyad-years kept for
	// fitting, each weighted 1/NegativeRate (King & Zeng 2001): the
	// weighted likelihood estimates the same model as the full data.
	// Dyads that formed are all kept. Which rows are kept depends only on
	// Seed, the year and the dyad.
	NegativeRate float64
	Seed         uint64
}

// columns returns the feature columns of s.
func (s Spec) columns() []int {
	if s.Columns != nil {
		return s.Columns
	}
	out := make([]int, len(Features))
	for i := range out {
		out[i] = i
	}
	return out
}

// Model is a fitted forecast model: the standardisation and imputation
// learnt from its training rows and the logistic regression on them.
//
// Missing values: each feature is standardised with the mean and standard
// deviation of its measured training values (weighted as the fit is); a
// missing value is imputed with that mean (0 once standardised), and a
// feature with any missing value in training gets a 0/1 indicator column
// "name_missing" beside it. A feature missing at prediction but never in
// training is imputed the same way without an indicator. Nothing is
// learnt from the rows predicted.
type Model struct {
	Columns  []int     `json:"-"`
	Names    []string  `json:"names"` // the design's columns: features, then indicators
	Mean     []float64 `json:"mean"`  // per feature column
	SD       []float64 `json:"sd"`
	Indic    []int     `json:"-"`         // per feature column: index of its indicator in the design, or −1
	Beta     []float64 `json:"beta"`      // intercept, then one per design column
	Lambda   float64   `json:"lambda"`    // the L2 penalty
	BaseRate float64   `json:"base_rate"` // formation rate of the training dyad-years
	Train    [2]int    `json:"train"`     // first and last outcome year trained on
	Rows     int       `json:"rows"`      // training rows used (after subsampling)
	fit      *logit.Model
}

// keep reports whether row r of year y enters a fit of s.
func (s Spec) keep(y *Year, r int) (bool, float64) {
	if s.Relevant && !y.Relevant[r] {
		return false, 0
	}
	if y.Y[r] || s.NegativeRate >= 1 || s.NegativeRate <= 0 {
		return true, 1
	}
	h := mix(s.Seed ^ mix(uint64(y.Year)<<32|uint64(y.A[r])<<16|uint64(y.B[r])))
	if float64(h>>11)/(1<<53) < s.NegativeRate {
		return true, 1 / s.NegativeRate
	}
	return false, 0
}

// mix is splitmix64's finaliser.
func mix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// trainingSet gathers the rows of years kept by s: raw feature values
// (NaN kept), outcomes, weights, and each row's year.
type trainingSet struct {
	cols  [][]float64
	y     []bool
	w     []float64
	years []int
}

// sample is the rows of one year a Spec keeps, with their weights.
type sample struct {
	rows []int
	w    []float64
}

// samples caches the rows kept per year for one Spec.
type samples map[*Year]*sample

func (ss samples) of(yr *Year, s Spec) *sample {
	if sm, ok := ss[yr]; ok {
		return sm
	}
	sm := &sample{}
	for r := range yr.Y {
		if ok, w := s.keep(yr, r); ok {
			sm.rows = append(sm.rows, r)
			sm.w = append(sm.w, w)
		}
	}
	if ss != nil {
		ss[yr] = sm
	}
	return sm
}

func gather(years []*Year, s Spec, cache samples) *trainingSet {
	cs := s.columns()
	ts := &trainingSet{cols: make([][]float64, len(cs))}
	n := 0
	for _, yr := range years {
		n += len(cache.of(yr, s).rows)
	}
	for k := range ts.cols {
		ts.cols[k] = make([]float64, 0, n)
	}
	for _, yr := range years {
		sm := cache.of(yr, s)
		for x, r := range sm.rows {
			w := sm.w[x]
			for k, c := range cs {
				ts.cols[k] = append(ts.cols[k], yr.Cols[c][r])
			}
			ts.y = append(ts.y, yr.Y[r])
			ts.w = append(ts.w, w)
			ts.years = append(ts.years, yr.Year)
		}
	}
	return ts
}

// prepare learns the standardisation of ts and returns the model shell
// and the design matrix.
func prepare(ts *trainingSet, cs []int) (*Model, *logit.Data) {
	m := &Model{Columns: cs, Mean: make([]float64, len(cs)), SD: make([]float64, len(cs)), Indic: make([]int, len(cs))}
	for k, c := range cs {
		m.Names = append(m.Names, Features[c].Name)
		var sw, s, ss float64
		missing := false
		for i, v := range ts.cols[k] {
			if math.IsNaN(v) {
				missing = true
				continue
			}
			w := ts.w[i]
			sw += w
			s += w * v
		}
		mean := 0.0
		if sw > 0 {
			mean = s / sw
		}
		for i, v := range ts.cols[k] {
			if !math.IsNaN(v) {
				ss += ts.w[i] * (v - mean) * (v - mean)
			}
		}
		sd := 0.0
		if sw > 0 {
			sd = math.Sqrt(ss / sw)
		}
		m.Mean[k], m.SD[k], m.Indic[k] = mean, sd, -1
		if missing {
			m.Indic[k] = 0 // numbered below
		}
	}
	next := len(cs)
	for k, c := range cs {
		if m.Indic[k] == 0 {
			m.Indic[k] = next
			m.Names = append(m.Names, Features[c].Name+"_missing")
			next++
		}
	}
	d := &logit.Data{Cols: make([][]float64, next), Y: ts.y, W: ts.w}
	n := len(ts.y)
	for j := range d.Cols {
		d.Cols[j] = make([]float64, n)
	}
	for k := range cs {
		for i, v := range ts.cols[k] {
			d.Cols[k][i] = m.standard(k, v)
			if m.Indic[k] >= 0 && math.IsNaN(v) {
				d.Cols[m.Indic[k]][i] = 1
			}
		}
	}
	var sw, sp float64
	for i, y := range ts.y {
		sw += ts.w[i]
		if y {
			sp += ts.w[i]
		}
	}
	if sw > 0 {
		m.BaseRate = sp / sw
	}
	m.Rows = n
	return m, d
}

// standard returns feature column k's value v standardised, 0 (the mean)
// when v is missing or the feature constant in training.
func (m *Model) standard(k int, v float64) float64 {
	if math.IsNaN(v) || m.SD[k] == 0 {
		return 0
	}
	return (v - m.Mean[k]) / m.SD[k]
}

// design returns the design row of row r of y in x (len(m.Beta)−1).
func (m *Model) design(y *Year, r int, x []float64) {
	for i := range x {
		x[i] = 0
	}
	for k, c := range m.Columns {
		v := y.Cols[c][r]
		x[k] = m.standard(k, v)
		if m.Indic[k] >= 0 && math.IsNaN(v) {
			x[m.Indic[k]] = 1
		}
	}
}

// Predict returns the probability that row r of y forms an alliance.
func (m *Model) Predict(y *Year, r int) float64 {
	x := make([]float64, len(m.Beta)-1)
	m.design(y, r, x)
	return m.fit.Predict(x)
}

// PredictYear returns the probability of every row of y.
func (m *Model) PredictYear(y *Year) []float64 {
	x := make([]float64, len(m.Beta)-1)
	out := make([]float64, y.Rows())
	for r := range out {
		m.design(y, r, x)
		out[r] = m.fit.Predict(x)
	}
	return out
}

// Contribution is one feature's push on a dyad's log-odds: β_k times the
// standardised value (its indicator's term added when it is missing).
type Contribution struct {
	Feature string  `json:"feature"`
	Value   Num     `json:"value"` // raw value, null when missing
	Logit   float64 `json:"logit"` // change in log-odds against the training mean
}

// Explain returns every feature's contribution to row r of y, largest
// in absolute value first.
func (m *Model) Explain(y *Year, r int) []Contribution {
	x := make([]float64, len(m.Beta)-1)
	m.design(y, r, x)
	var out []Contribution
	for k, c := range m.Columns {
		l := m.Beta[k+1] * x[k]
		if m.Indic[k] >= 0 {
			l += m.Beta[m.Indic[k]+1] * x[m.Indic[k]]
		}
		out = append(out, Contribution{Feature: Features[c].Name, Value: Num(y.Cols[c][r]), Logit: l})
	}
	sortContributions(out)
	return out
}

// FitOptions configure the penalised fit.
type FitOptions struct {
	// Lambda is the L2 penalty; when 0, CV chooses it from Grid.
	Lambda float64
	Grid   []float64
	// Folds for the cross-validation: the training years in that many
	// contiguous blocks of time.
	Folds int
}

// DefaultGrid is the λ grid cross-validation searches (on standardised
// features, with the subsample's weights).
var DefaultGrid = []float64{100, 1000, 10000, 100000}

// Fit fits a model of spec s on the years given (the training window),
// warm-started from start when it has the right length. It returns an error
// when the window has no rows or no alliance formed in it.
func Fit(years []*Year, s Spec, o FitOptions, start []float64) (*Model, error) {
	return fit(years, s, o, start, nil)
}

func fit(years []*Year, s Spec, o FitOptions, start []float64, cache samples) (*Model, error) {
	if len(years) == 0 {
		return nil, fmt.Errorf("forecast: empty training window")
	}
	ts := gather(years, s, cache)
	m, d := prepare(ts, s.columns())
	m.Train = [2]int{years[0].Year, years[len(years)-1].Year}
	if len(ts.y) == 0 || m.BaseRate == 0 {
		return nil, fmt.Errorf("forecast: training window %d–%d has no alliance formed", m.Train[0], m.Train[1])
	}
	lambda := o.Lambda
	if lambda == 0 {
		grid := o.Grid
		if len(grid) == 0 {
			grid = DefaultGrid
		}
		k := max(o.Folds, 2)
		fold := make([]int, len(ts.years))
		span := m.Train[1] - m.Train[0] + 1
		for i, y := range ts.years {
			fold[i] = min(k-1, (y-m.Train[0])*k/span)
		}
		cv, err := logit.CV(d, fold, k, grid, logit.Options{Tol: 1e-6})
		if err != nil {
			return nil, fmt.Errorf("forecast: choosing the penalty: %w", err)
		}
		lambda = cv.Best
	}
	if len(start) != len(d.Cols)+1 {
		start = nil
	}
	f, err := logit.Fit(d, lambda, start, logit.Options{Tol: 1e-6})
	if err != nil {
		return nil, err
	}
	m.fit, m.Beta, m.Lambda = f, f.Beta, lambda
	return m, nil
}
