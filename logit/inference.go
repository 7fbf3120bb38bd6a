package logit

import (
	"fmt"
	"math"
)

// FromRows returns the column-major Data of the row-major design x
// (x[i][k], feature k of row i, without the intercept) and outcomes y,
// every weight 1. It returns an error when the rows differ in length or
// there is not one outcome per row.
func FromRows(x [][]float64, y []bool) (*Data, error) {
	if len(x) != len(y) {
		return nil, fmt.Errorf("logit: %d rows, %d outcomes", len(x), len(y))
	}
	if len(x) == 0 {
		return nil, ErrNoRows
	}
	k := len(x[0])
	cols := make([][]float64, k)
	for c := range cols {
		cols[c] = make([]float64, len(x))
	}
	for i, row := range x {
		if len(row) != k {
			return nil, fmt.Errorf("logit: row %d has %d features, want %d", i, len(row), k)
		}
		for c, v := range row {
			cols[c][i] = v
		}
	}
	return &Data{Cols: cols, Y: y}, nil
}

// information returns the Cholesky factor of the observed information
// −∇²ℓ(β̂) = Xᵀ diag(w p (1 − p)) X + λĨ of m on d, and the per-row
// scores' residuals w_i (y_i − p_i).
func (m *Model) information(d *Data) (chol, r []float64, err error) {
	if err := d.Check(); err != nil {
		return nil, nil, err
	}
	p := len(m.Beta)
	if p != len(d.Cols)+1 {
		return nil, nil, fmt.Errorf("logit: model has %d coefficients, data %d columns", p, len(d.Cols))
	}
	n := d.Rows()
	if n == 0 {
		return nil, nil, ErrNoRows
	}
	eta, h, hx := make([]float64, n), make([]float64, n), make([]float64, n)
	r = make([]float64, n)
	grad, hess := make([]float64, p), make([]float64, p*p)
	d.derivatives(m.Beta, m.Lambda, eta, r, h, hx, grad, hess)
	chol, err = cholesky(hess, p)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrSeparation, err)
	}
	return chol, r, nil
}

// inverse returns (L Lᵀ)⁻¹, row-major p×p, column by column.
func inverse(chol []float64, p int) []float64 {
	inv := make([]float64, p*p)
	e := make([]float64, p)
	for j := 0; j < p; j++ {
		clear(e)
		e[j] = 1
		for i, v := range cholSolve(chol, e, p) {
			inv[i*p+j] = v
		}
	}
	return inv
}

// Covariance returns the model-based covariance of m's coefficients
// fitted on d, the inverse of the observed information at β̂:
//
//	V = (Xᵀ W X + λĨ)⁻¹,  W = diag(w_i p_i (1 − p_i))
//
// row-major, (len(Beta))². With λ 0 this is the covariance R's glm
// reports (vcov; summary's standard errors are its diagonal's roots,
// there evaluated at the weights of IRLS's last-but-one iterate). With
// λ > 0 it is the inverse of the penalised Hessian, an approximation
// that ignores the shrinkage bias: not a basis for tests.
func (m *Model) Covariance(d *Data) ([]float64, error) {
	chol, _, err := m.information(d)
	if err != nil {
		return nil, err
	}
	return inverse(chol, len(m.Beta)), nil
}

// SE returns the model-based standard errors √diag V of Covariance.
func (m *Model) SE(d *Data) ([]float64, error) {
	v, err := m.Covariance(d)
	if err != nil {
		return nil, err
	}
	return diagSqrt(v, len(m.Beta)), nil
}

// ClusterSE returns cluster-robust standard errors of m's coefficients
// fitted on d, with row i in cluster group[i] (Liang & Zeger 1986; the
// "sandwich" of White 1980 summed within clusters):
//
//	V_CR = G/(G−1) · H⁻¹ (Σ_g s_g s_gᵀ) H⁻¹,  s_g = Σ_{i∈g} w_i (y_i − p_i) x_i
//
// where H = Xᵀ W X + λĨ is the observed information, x_i the row with its
// leading 1 and G the number of clusters. G/(G−1) is the small-sample
// factor of Stata's logit, vce(cluster) without its (N−1)/(N−K) term, for
// which (N−1)/(N−K) → 1 with N; R's sandwich::vcovCL(type = "HC0",
// cadjust = TRUE) gives the same V_CR. Clusters are summed in the order of
// first appearance, so the result is deterministic. It returns an error
// when there are fewer than two clusters.
func (m *Model) ClusterSE(d *Data, group []int) ([]float64, error) {
	if len(group) != d.Rows() {
		return nil, fmt.Errorf("logit: %d cluster labels for %d rows", len(group), d.Rows())
	}
	chol, r, err := m.information(d)
	if err != nil {
		return nil, err
	}
	p := len(m.Beta)
	idx := map[int]int{}
	var scores [][]float64
	for i, g := range group {
		k, ok := idx[g]
		if !ok {
			k = len(scores)
			idx[g] = k
			scores = append(scores, make([]float64, p))
		}
		s := scores[k]
		s[0] += r[i]
		for c, col := range d.Cols {
			s[c+1] += r[i] * col[i]
		}
	}
	g := float64(len(scores))
	if g < 2 {
		return nil, fmt.Errorf("logit: %d clusters: cluster-robust errors need at least 2", len(scores))
	}
	// H⁻¹ s_g for each cluster; V = Σ_g (H⁻¹ s_g)(H⁻¹ s_g)ᵀ · G/(G−1).
	v := make([]float64, p*p)
	for _, s := range scores {
		u := cholSolve(chol, s, p)
		for a := range u {
			for b := range u {
				v[a*p+b] += u[a] * u[b]
			}
		}
	}
	for k := range v {
		v[k] *= g / (g - 1)
	}
	return diagSqrt(v, p), nil
}

func diagSqrt(v []float64, p int) []float64 {
	se := make([]float64, p)
	for a := range se {
		se[a] = math.Sqrt(v[a*p+a])
	}
	return se
}

// LogLik returns the weighted log-likelihood Σ_i w_i [y_i log p_i +
// (1 − y_i) log(1 − p_i)] of m on d, without the penalty (R's logLik of
// a glm fit, when the weights are 1).
func (m *Model) LogLik(d *Data) float64 {
	p := m.PredictData(d, nil)
	s := 0.0
	for i, pi := range p {
		w := d.weight(i)
		if d.Y[i] {
			s += w * math.Log(pi)
		} else {
			s += w * math.Log(1-pi)
		}
	}
	return s
}

// Summary is a fitted model's coefficients with their names and
// model-based standard errors, as a report prints them.
type Summary struct {
	Names []string  `json:"names"` // "const" then one per column
	Beta  []float64 `json:"beta"`
	SE    []float64 `json:"se"` // model-based, √diag Covariance
	N     int       `json:"n"`
	LogL  float64   `json:"log_likelihood"`
}

// Summarize returns m's Summary on the data d it was fitted on, names
// labelling the columns of d.
func (m *Model) Summarize(d *Data, names []string) (*Summary, error) {
	if len(names) != len(d.Cols) {
		return nil, fmt.Errorf("logit: %d names for %d columns", len(names), len(d.Cols))
	}
	se, err := m.SE(d)
	if err != nil {
		return nil, err
	}
	return &Summary{Names: append([]string{"const"}, names...), Beta: m.Beta, SE: se, N: d.Rows(), LogL: m.LogLik(d)}, nil
}
