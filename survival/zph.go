package survival

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Transform is the function of time against which the PH test looks for a
// trend in the Schoenfeld residuals.
type Transform int

const (
	// TransformKM is g(t) = 1 − S(t−), S the Kaplan–Meier curve of all rows:
	// R's default, robust to a few long times.
	TransformKM Transform = iota
	// TransformIdentity is g(t) = t.
	TransformIdentity
	// TransformLog is g(t) = log t.
	TransformLog
)

func (t Transform) String() string {
	switch t {
	case TransformIdentity:
		return "identity"
	case TransformLog:
		return "log"
	}
	return "km"
}

// PHTest is one line of the proportional-hazards test.
type PHTest struct {
	Term  string  `json:"term"` // a covariate name, or "GLOBAL"
	Chisq float64 `json:"chisq"`
	DF    int     `json:"df"`
	P     float64 `json:"p"`
}

// ZPH tests the proportional-hazards assumption of a fitted model c on the
// data d it was fitted to (Grambsch & Therneau 1994), as R's cox.zph does
// since survival 3.0: the score test, at (β̂, γ = 0), of adding the
// time-varying terms x_j·g(t) to the model,
//
//	T = u' I⁻¹ u,   u = (0, U_γ),   U_γ = Σ_t g̃(t) U_t(β̂),
//
// where U_t is the score contributed at event time t (the sum of the
// Schoenfeld residuals there), g̃ = g − mean of g over the events, and I the
// information of the augmented model, with blocks Σ_t I_t, Σ_t g̃ I_t and
// Σ_t g̃² I_t. The line of covariate j augments by x_j·g(t) alone (1 df);
// the GLOBAL line by all of them (p df). A small p-value says the effect of
// that covariate changes with time.
func ZPH(c *Cox, d *Data, ties Ties, tr Transform) ([]PHTest, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if len(d.X) != len(c.Coef) {
		return nil, fmt.Errorf("%w: %d covariates for a model of %d", ErrInput, len(d.X), len(c.Coef))
	}
	m := newModel(d, ties)
	p := m.p
	var g func(t float64) float64
	switch tr {
	case TransformIdentity:
		g = func(t float64) float64 { return t }
	case TransformLog:
		g = math.Log
	default:
		km, err := KaplanMeier(d, 0.95)
		if err != nil {
			return nil, err
		}
		g = func(t float64) float64 {
			j := sort.Search(len(km.Steps), func(j int) bool { return km.Steps[j].Time >= t }) - 1
			if j < 0 {
				return 0
			}
			return 1 - km.Steps[j].Surv
		}
	}
	gt := make([]float64, len(m.times))
	mean := 0.0
	for k, t := range m.times {
		gt[k] = g(t)
		mean += gt[k] * float64(m.tieEvents[k])
	}
	mean /= float64(m.events)
	q := 2 * p
	info := make([]float64, q*q)
	u := make([]float64, q)
	m.eval(c.Coef, func(tt *timeTerms) {
		w := gt[tt.k] - mean
		for a := 0; a < p; a++ {
			u[p+a] += w * tt.score[a]
			for b := 0; b < p; b++ {
				v := tt.info[a*p+b]
				info[a*q+b] += v
				info[a*q+p+b] += w * v
				info[(p+a)*q+b] += w * v
				info[(p+a)*q+p+b] += w * w * v
			}
		}
	})
	out := make([]PHTest, 0, p+1)
	for j := 0; j < p; j++ {
		idx := make([]int, 0, p+1)
		for a := 0; a < p; a++ {
			idx = append(idx, a)
		}
		idx = append(idx, p+j)
		chi, err := quadForm(info, u, q, idx)
		if err != nil {
			return nil, err
		}
		out = append(out, PHTest{Term: d.Names[j], Chisq: chi, DF: 1, P: distuv.ChiSquared{K: 1}.Survival(chi)})
	}
	all := make([]int, q)
	for a := range all {
		all[a] = a
	}
	chi, err := quadForm(info, u, q, all)
	if err != nil {
		return nil, err
	}
	out = append(out, PHTest{Term: "GLOBAL", Chisq: chi, DF: p, P: distuv.ChiSquared{K: float64(p)}.Survival(chi)})
	return out, nil
}

// quadForm returns u_S' (I_SS)⁻¹ u_S over the index set S.
func quadForm(info, u []float64, q int, idx []int) (float64, error) {
	k := len(idx)
	a := mat.NewSymDense(k, nil)
	b := mat.NewVecDense(k, nil)
	for i, ii := range idx {
		b.SetVec(i, u[ii])
		for j := i; j < k; j++ {
			a.SetSym(i, j, info[ii*q+idx[j]])
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(a) {
		return 0, fmt.Errorf("%w: the information of the PH test is singular", ErrCollinear)
	}
	x := mat.NewVecDense(k, nil)
	if err := ch.SolveVecTo(x, b); err != nil {
		return 0, err
	}
	return mat.Dot(x, b), nil
}
