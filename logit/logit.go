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

// ErrSeparation is returned (wrapped) by an unpenalised fit (lambda 0)
// that has no finite maximum-likelihood estimate or does not reach one:
// the Newton system became singular, as when an outcome is perfectly
// predicted by a column or a combination of columns (complete or
// quasi-complete separation, Albert & Anderson 1984), or the steps did
// not settle within Options.MaxIter, or a fitted probability is within
// 10 machine epsilons of 0 or 1 (where R's glm.fit warns). Under
// separation β diverges: each Newton step moves it by about a constant,
// never below the tolerance, until the fitted probabilities round to 0 or
// 1 and XᵀWX to singular, or (quasi-complete separation) the separated
// rows drop out of the steps, which then settle on an infinite estimate.
var ErrSeparation = errors.New("logit did not converge (separation or too few events)")

// Fit fits the model to d with penalty lambda ≥ 0, starting from start
// (nil: all zeros; otherwise len(d.Cols)+1 values). It returns an error
// for an empty or inconsistent design, or when a Newton system cannot be
// solved (only possible with lambda 0).
//
// With lambda 0 Fit is the unpenalised maximum-likelihood fit (R's
// glm(family = binomial), IRLS being Newton's method for the canonical
// link), and a fit that does not converge is an error wrapping
// ErrSeparation rather than a Model with Converged false.
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
		d.derivatives(beta, lambda, eta, r, h, hx, grad, hess)
		step, err := solveSPD(hess, grad, p)
		if err != nil {
			if lambda == 0 {
				return nil, fmt.Errorf("%w: %v", ErrSeparation, err)
			}
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
	if lambda == 0 && !m.Converged {
		return nil, fmt.Errorf("%w: no convergence in %d Newton steps", ErrSeparation, o.MaxIter)
	}
	if lambda == 0 {
		// Quasi-complete separation can stop the steps: once the
		// separated rows' probabilities round to 0 or 1 they drop out
		// of the gradient. Their fitted probabilities tell (the test of
		// R's glm.fit warning, 10 machine epsilons).
		d.linear(beta, eta)
		const eps = 10 * 0x1p-52
		for i, z := range eta {
			if pi := sigmoid(z); pi < eps || pi > 1-eps {
				return nil, fmt.Errorf("%w: fitted probability of row %d numerically %v", ErrSeparation, i, math.Round(pi))
			}
		}
	}
	m.Beta = beta
	return m, nil
}

// derivatives writes into grad and hess the gradient and the negated
// Hessian of the penalised log-likelihood at beta:
//
//	∇ℓ = Xᵀ W (y − p) − λ β̃,  −∇²ℓ = Xᵀ diag(w p (1 − p)) X + λ Ĩ
//
// (β̃, Ĩ: the intercept's entry 0), hess row-major p×p. eta, r, h and hx
// are scratch of one value per row; r holds w (y − p) on return.
func (d *Data) derivatives(beta []float64, lambda float64, eta, r, h, hx, grad, hess []float64) {
	p := len(beta)
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
	l, err := cholesky(a, p)
	if err != nil {
		return nil, err
	}
	return cholSolve(l, b, p), nil
}

// cholesky returns the lower triangle L of A = L Lᵀ, row-major p×p.
func cholesky(a []float64, p int) ([]float64, error) {
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
	return l, nil
}

// cholSolve solves L Lᵀ x = b.
func cholSolve(l, b []float64, p int) []float64 {
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
	return x
}
