package logit

import (
	"errors"
	"fmt"
	"math"
)

// Data is a column-major design: Cols[k][i] is feature k of row i, Y[i]
// the outcome, W[i] the row's weight (nil: every weight 1). Every column
// has len(Y) rows. The intercept is implicit.
type Data struct {
	Cols [][]float64
	Y    []bool
	W    []float64
}

// Rows returns the number of rows.
func (d *Data) Rows() int { return len(d.Y) }

func (d *Data) weight(i int) float64 {
	if d.W == nil {
		return 1
	}
	return d.W[i]
}

// Check returns an error when the columns or weights do not have one
// value per row, or a value is not finite.
func (d *Data) Check() error {
	n := len(d.Y)
	if d.W != nil && len(d.W) != n {
		return fmt.Errorf("logit: %d weights for %d rows", len(d.W), n)
	}
	for k, c := range d.Cols {
		if len(c) != n {
			return fmt.Errorf("logit: column %d has %d rows, want %d", k, len(c), n)
		}
		for i, v := range c {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("logit: column %d row %d is %v; impute missing values first", k, i, v)
			}
		}
	}
	return nil
}

// Model is a fitted logistic regression: Beta[0] is the intercept,
// Beta[k+1] the coefficient of column k.
type Model struct {
	Beta       []float64
	Lambda     float64
	Iterations int
	Converged  bool
}

// Options bound the Newton iterations.
type Options struct {
	MaxIter int     // at most this many Newton steps (default 50)
	Tol     float64 // stop when every |δ_k| ≤ Tol·(1 + |β_k|) (default 1e-8)
}

func (o Options) defaults() Options {
	if o.MaxIter <= 0 {
		o.MaxIter = 50
	}
	if o.Tol <= 0 {
		o.Tol = 1e-8
	}
	return o
}

// ErrNoRows is returned by Fit for a design with no rows.
var ErrNoRows = errors.New("logit: no rows")

// Fit fits the model to d with penalty lambda ≥ 0, starting from start
// (nil: all zeros; otherwise len(d.Cols)+1 values). It returns an error
// for an empty or inconsistent design, or when a Newton system cannot be
// solved (only possible with lambda 0).
func Fit(d *Data, lambda float64, start []float64, o Options) (*Model, error) {
	if d.Rows() == 0 {
		return nil, ErrNoRows
	}
	if lambda < 0 || math.IsNaN(lambda) {
		return nil, fmt.Errorf("logit: lambda %v: want ≥ 0", lambda)
	}
	o = o.defaults()
	p := len(d.Cols) + 1
	beta := make([]float64, p)
	if start != nil {
		if len(start) != p {
			return nil, fmt.Errorf("logit: start has %d values, want %d", len(start), p)
		}
		copy(beta, start)
	}
	n := d.Rows()
	eta := make([]float64, n)
	r := make([]float64, n) // w (y − p)
	h := make([]float64, n) // w p (1 − p)
	grad := make([]float64, p)
	hess := make([]float64, p*p)
	hx := make([]float64, n)
	m := &Model{Lambda: lambda}
	for it := 1; it <= o.MaxIter; it++ {
		m.Iterations = it
		d.linear(beta, eta)
		for i := range eta {
			pi := sigmoid(eta[i])
			w := d.weight(i)
			y := 0.0
			if d.Y[i] {
				y = 1
			}
			r[i] = w * (y - pi)
			h[i] = w * pi * (1 - pi)
		}
		// Gradient and Hessian, column by column (column-major reads).
		grad[0] = sum(r)
		hess[0] = sum(h)
		for a, ca := range d.Cols {
			grad[a+1] = dot(r, ca) - lambda*beta[a+1]
			hess[a+1] = dot(h, ca) // row 0, column a+1
			hess[(a+1)*p] = hess[a+1]
			for i, v := range ca {
				hx[i] = h[i] * v
			}
			for b := a; b < len(d.Cols); b++ {
				v := dot(hx, d.Cols[b])
				hess[(a+1)*p+b+1] = v
				hess[(b+1)*p+a+1] = v
			}
			hess[(a+1)*p+a+1] += lambda
		}
		step, err := solveSPD(hess, grad, p)
		if err != nil {
			return nil, err
		}
		done := true
		for k := range beta {
			beta[k] += step[k]
			if math.Abs(step[k]) > o.Tol*(1+math.Abs(beta[k])) {
				done = false
			}
		}
		if done {
			m.Converged = true
			break
		}
	}
	m.Beta = beta
	return m, nil
}

// linear writes Xβ into eta.
func (d *Data) linear(beta, eta []float64) {
	for i := range eta {
		eta[i] = beta[0]
	}
	for k, c := range d.Cols {
		b := beta[k+1]
		if b == 0 {
			continue
		}
		for i, v := range c {
			eta[i] += b * v
		}
	}
}

// Predict returns σ(β0 + Σ β_k x_k) for the row of values x (one per
// column of the design the model was fitted on).
func (m *Model) Predict(x []float64) float64 { return sigmoid(m.Linear(x)) }

// Linear returns β0 + Σ β_k x_k.
func (m *Model) Linear(x []float64) float64 {
	z := m.Beta[0]
	for k, v := range x {
		z += m.Beta[k+1] * v
	}
	return z
}

// PredictData returns the probability of every row of d in out (allocated
// when nil or short).
func (m *Model) PredictData(d *Data, out []float64) []float64 {
	if cap(out) < d.Rows() {
		out = make([]float64, d.Rows())
	}
	out = out[:d.Rows()]
	d.linear(m.Beta, out)
	for i, z := range out {
		out[i] = sigmoid(z)
	}
	return out
}

// LogLoss returns the weighted mean negative log-likelihood of probabilities
// p for the outcomes and weights of d, with p clamped to [1e-15, 1−1e-15].
func LogLoss(d *Data, p []float64) float64 {
	var s, sw float64
	for i, pi := range p {
		pi = math.Min(math.Max(pi, 1e-15), 1-1e-15)
		w := d.weight(i)
		if d.Y[i] {
			s -= w * math.Log(pi)
		} else {
			s -= w * math.Log(1-pi)
		}
		sw += w
	}
	return s / sw
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

func sum(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s
}

func dot(x, y []float64) float64 {
	y = y[:len(x)]
	var s0, s1 float64
	i := 0
	for ; i+1 < len(x); i += 2 {
		s0 += x[i] * y[i]
		s1 += x[i+1] * y[i+1]
	}
	if i < len(x) {
		s0 += x[i] * y[i]
	}
	return s0 + s1
}

// solveSPD solves the p×p symmetric positive definite system A x = b by
// Cholesky decomposition.
func solveSPD(a, b []float64, p int) ([]float64, error) {
	l := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := 0; j <= i; j++ {
			s := a[i*p+j]
			for k := 0; k < j; k++ {
				s -= l[i*p+k] * l[j*p+k]
			}
			if i == j {
				if s <= 0 || math.IsNaN(s) {
					return nil, fmt.Errorf("logit: Newton system not positive definite at column %d (use lambda > 0)", i)
				}
				l[i*p+i] = math.Sqrt(s)
			} else {
				l[i*p+j] = s / l[j*p+j]
			}
		}
	}
	x := make([]float64, p)
	for i := 0; i < p; i++ {
		s := b[i]
		for k := 0; k < i; k++ {
			s -= l[i*p+k] * x[k]
		}
		x[i] = s / l[i*p+i]
	}
	for i := p - 1; i >= 0; i-- {
		s := x[i]
		for k := i + 1; k < p; k++ {
			s -= l[k*p+i] * x[k]
		}
		x[i] = s / l[i*p+i]
	}
	return x, nil
}
