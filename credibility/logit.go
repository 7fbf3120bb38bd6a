package credibility

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Logit is a fitted logistic regression P(y=1 | x) = σ(β·x), x[0] = 1.
type Logit struct {
	Names []string  `json:"names"` // "const" then one per feature
	Beta  []float64 `json:"beta"`
	SE    []float64 `json:"se"` // model-based standard errors, sqrt diag (X'WX)^-1
	N     int       `json:"n"`
	LogL  float64   `json:"log_likelihood"`
}

// ErrSeparation reports a fit that did not converge, as when an outcome
// is perfectly predicted.
var ErrSeparation = errors.New("logit did not converge (separation or too few events)")

// FitLogit fits a logistic regression of y on the rows of x (without the
// constant, which it adds) by Newton–Raphson (iteratively reweighted
// least squares), stopping when no coefficient moves by more than 1e-8
// relative. names labels the features.
func FitLogit(x [][]float64, y []bool, names []string) (*Logit, error) {
	n := len(x)
	if n == 0 || len(y) != n {
		return nil, fmt.Errorf("logit: %d rows, %d outcomes", n, len(y))
	}
	d := len(x[0]) + 1
	if len(names) != d-1 {
		return nil, fmt.Errorf("logit: %d names for %d features", len(names), d-1)
	}
	beta := make([]float64, d)
	xi := make([]float64, d)
	h := mat.NewSymDense(d, nil)
	var cov mat.SymDense
	for iter := 0; iter < 50; iter++ {
		g := mat.NewVecDense(d, nil)
		h.Zero()
		for k := range x {
			xi[0] = 1
			copy(xi[1:], x[k])
			p := sigmoid(dot(beta, xi))
			e := p
			if y[k] {
				e = p - 1
			}
			wt := p * (1 - p)
			for a := 0; a < d; a++ {
				g.SetVec(a, g.AtVec(a)+e*xi[a])
				for b := a; b < d; b++ {
					h.SetSym(a, b, h.At(a, b)+wt*xi[a]*xi[b])
				}
			}
		}
		var ch mat.Cholesky
		if !ch.Factorize(h) {
			return nil, ErrSeparation
		}
		var step mat.VecDense
		if err := ch.SolveVecTo(&step, g); err != nil {
			return nil, ErrSeparation
		}
		done := true
		for a := range beta {
			beta[a] -= step.AtVec(a)
			if math.Abs(step.AtVec(a)) > 1e-8*(1+math.Abs(beta[a])) {
				done = false
			}
			if math.Abs(beta[a]) > 30 {
				return nil, ErrSeparation
			}
		}
		if done {
			if err := ch.InverseTo(&cov); err != nil {
				return nil, ErrSeparation
			}
			l := &Logit{Names: append([]string{"const"}, names...), Beta: beta, SE: make([]float64, d), N: n}
			for a := range beta {
				l.SE[a] = math.Sqrt(cov.At(a, a))
			}
			for k := range x {
				p := l.Predict(x[k])
				if y[k] {
					l.LogL += math.Log(p)
				} else {
					l.LogL += math.Log(1 - p)
				}
			}
			return l, nil
		}
	}
	return nil, ErrSeparation
}

// Predict returns P(y=1 | x) for one row of features.
func (l *Logit) Predict(x []float64) float64 {
	z := l.Beta[0]
	for a, v := range x {
		z += l.Beta[a+1] * v
	}
	return sigmoid(z)
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// Clustered returns cluster-robust standard errors of l, fitted on x and
// y, with the observations grouped by group (Liang & Zeger 1986: the
// sandwich H⁻¹ (Σ_g s_g s_gᵀ) H⁻¹ with the small-sample factor
// G/(G−1)).
func (l *Logit) Clustered(x [][]float64, y []bool, group []int) ([]float64, error) {
	d := len(l.Beta)
	h := mat.NewSymDense(d, nil)
	scores := map[int][]float64{}
	xi := make([]float64, d)
	for k := range x {
		xi[0] = 1
		copy(xi[1:], x[k])
		p := sigmoid(dot(l.Beta, xi))
		e := p
		if y[k] {
			e = p - 1
		}
		wt := p * (1 - p)
		s := scores[group[k]]
		if s == nil {
			s = make([]float64, d)
			scores[group[k]] = s
		}
		for a := 0; a < d; a++ {
			s[a] += e * xi[a]
			for b := a; b < d; b++ {
				h.SetSym(a, b, h.At(a, b)+wt*xi[a]*xi[b])
			}
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(h) {
		return nil, ErrSeparation
	}
	var hinv mat.SymDense
	if err := ch.InverseTo(&hinv); err != nil {
		return nil, ErrSeparation
	}
	meat := mat.NewSymDense(d, nil)
	for _, s := range scores {
		meat.SymRankOne(meat, 1, mat.NewVecDense(d, s))
	}
	var tmp, v mat.Dense
	tmp.Mul(&hinv, meat)
	v.Mul(&tmp, &hinv)
	g := float64(len(scores))
	se := make([]float64, d)
	for a := range se {
		se[a] = math.Sqrt(v.At(a, a) * g / (g - 1))
	}
	return se, nil
}
