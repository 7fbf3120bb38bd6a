package survival

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/stat/distuv"
)

// Step is one time of a Kaplan–Meier curve.
type Step struct {
	Time     float64 `json:"time"`
	AtRisk   int     `json:"at_risk"`
	Events   int     `json:"events"`
	Censored int     `json:"censored"`
	Surv     float64 `json:"surv"`
	// StdErr is the Greenwood standard error of log S(t); Lower and Upper
	// are the confidence limits. All three are NaN once S(t) is 0.
	StdErr float64 `json:"std_err"`
	Lower  float64 `json:"lower"`
	Upper  float64 `json:"upper"`
}

// KM is a Kaplan–Meier survival curve.
type KM struct {
	N      int     `json:"n"`
	Events int     `json:"events"`
	Level  float64 `json:"conf_level"`
	Steps  []Step  `json:"steps"` // one per distinct stop time, increasing
}

// KaplanMeier estimates the survival function of d (Kaplan & Meier 1958):
//
//	S(t) = ∏_{t_j ≤ t} (1 − d_j / n_j)
//
// over the distinct stop times t_j, with d_j events at t_j and n_j rows at
// risk (Start < t_j ≤ Stop, so counting-process data is handled too). The
// variance of log S is Greenwood's (1926)
//
//	Var[log S(t)] = Σ_{t_j ≤ t} d_j / (n_j (n_j − d_j)),
//
// and the interval at level is S·exp(∓z·se), capped at 1: the "log"
// intervals that are the default of R's survfit. level is in (0, 1), e.g.
// 0.95. Covariates are ignored.
func KaplanMeier(d *Data, level float64) (*KM, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if !(level > 0 && level < 1) {
		return nil, fmt.Errorf("survival: confidence level %g: want a value in (0, 1)", level)
	}
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	times, events, censored, atRisk := riskTable(d)
	km := &KM{N: d.Len(), Level: level, Steps: make([]Step, len(times))}
	s, v := 1.0, 0.0
	for j, t := range times {
		n, e := atRisk[j], events[j]
		km.Events += e
		if e > 0 {
			s *= 1 - float64(e)/float64(n)
			if n > e {
				v += float64(e) / (float64(n) * float64(n-e))
			} else {
				v = math.NaN()
			}
		}
		st := Step{Time: t, AtRisk: n, Events: e, Censored: censored[j], Surv: s, StdErr: math.NaN(), Lower: math.NaN(), Upper: math.NaN()}
		if s > 0 {
			se := math.Sqrt(v)
			st.StdErr = se
			st.Lower = s * math.Exp(-z*se)
			st.Upper = math.Min(1, s*math.Exp(z*se))
		}
		km.Steps[j] = st
	}
	return km, nil
}

// riskTable returns the distinct stop times with the events, censorings and
// rows at risk (Start < t ≤ Stop) at each.
func riskTable(d *Data) (times []float64, events, censored, atRisk []int) {
	n := d.Len()
	byStop := order(n, func(i int) float64 { return d.Stop[i] })
	byStart := order(n, func(i int) float64 { return d.start(i) })
	for k := 0; k < n; {
		t := d.Stop[byStop[k]]
		e, c := 0, 0
		for ; k < n && d.Stop[byStop[k]] == t; k++ {
			if d.Event[byStop[k]] {
				e++
			} else {
				c++
			}
		}
		times = append(times, t)
		events = append(events, e)
		censored = append(censored, c)
	}
	// at risk at t: rows with Stop ≥ t minus rows with Start ≥ t.
	atRisk = make([]int, len(times))
	ks, kb := 0, 0
	for j, t := range times {
		for ks < n && d.Stop[byStop[ks]] < t {
			ks++
		}
		for kb < n && d.start(byStart[kb]) < t {
			kb++
		}
		atRisk[j] = (n - ks) - (n - kb)
	}
	return
}

// order returns the indices 0..n-1 sorted by key, stable.
func order(n int, key func(int) float64) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return key(idx[a]) < key(idx[b]) })
	return idx
}

// At returns S(t), a step function continuous from the right, with its
// confidence limits; S is 1 before the first time. Past the last time the
// last values hold.
func (k *KM) At(t float64) (surv, lower, upper float64) {
	j := sort.Search(len(k.Steps), func(j int) bool { return k.Steps[j].Time > t }) - 1
	if j < 0 {
		return 1, 1, 1
	}
	s := k.Steps[j]
	return s.Surv, s.Lower, s.Upper
}

// Median returns the median survival time with its confidence interval
// (Brookmeyer & Crowley 1982, as R's survfit prints it): the median is the
// first time at which S ≤ 1/2, the lower limit the first time the lower
// confidence curve is ≤ 1/2, the upper limit the first time the upper curve
// is. When a curve sits exactly at 1/2 over an interval, R's convention
// takes the midpoint between that time and the next one. A value the curve
// never reaches is NaN.
func (k *KM) Median() (median, lower, upper float64) {
	return k.Quantile(0.5)
}

// Quantile returns the p quantile of the survival time, 1−S(t) = p, with
// its interval, by the rules of Median.
func (k *KM) Quantile(p float64) (q, lower, upper float64) {
	times := make([]float64, len(k.Steps))
	s, lo, hi := make([]float64, len(k.Steps)), make([]float64, len(k.Steps)), make([]float64, len(k.Steps))
	for j, st := range k.Steps {
		times[j], s[j], lo[j], hi[j] = st.Time, st.Surv, st.Lower, st.Upper
	}
	return crossing(times, s, 1-p), crossing(times, lo, 1-p), crossing(times, hi, 1-p)
}

// crossing is R's survival:::quantile.survfit rule for one curve: the first
// time at which y ≤ target (within 1e-8 relative), averaged with the next
// time when y equals target there.
func crossing(times, y []float64, target float64) float64 {
	const tol = 1.4901161193847656e-08 // sqrt(.Machine$double.eps), R's tolerance
	for j := range times {
		if math.IsNaN(y[j]) {
			continue // limits are undefined once S is 0; R skips them
		}
		if y[j] <= target+tol {
			if math.Abs(y[j]-target) < tol {
				for k := j + 1; k < len(times); k++ {
					if math.IsNaN(y[k]) || y[k] < y[j]-tol {
						return (times[j] + times[k]) / 2
					}
				}
				return math.NaN()
			}
			return times[j]
		}
	}
	return math.NaN()
}
