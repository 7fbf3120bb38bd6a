package survival

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Ties is the approximation of the partial likelihood used when several
// events share a time.
type Ties int

const (
	// Efron (1977) lets the tied events leave the risk set one fraction at a
	// time; it is R's default and entente's.
	Efron Ties = iota
	// Breslow (1974) counts every tied event against the full risk set.
	Breslow
)

func (t Ties) String() string {
	if t == Breslow {
		return "breslow"
	}
	return "efron"
}

// CoxOptions sets how a Cox model is fitted. The zero value is R's default
// (Efron ties, 30 iterations, relative tolerance 1e-9 on the log partial
// likelihood).
type CoxOptions struct {
	Ties    Ties
	MaxIter int     // 0: 30
	Tol     float64 // 0: 1e-9
}

// Cox is a fitted proportional-hazards model.
type Cox struct {
	Names    []string  `json:"names"`
	Coef     []float64 `json:"coef"`
	SE       []float64 `json:"se"`        // model-based: sqrt diag of the inverse information
	RobustSE []float64 `json:"robust_se"` // Lin–Wei sandwich, grouped by Data.ID
	// Var and RobustVar are the covariance matrices, row-major p×p.
	Var       []float64 `json:"var"`
	RobustVar []float64 `json:"robust_var"`
	LogLik    float64   `json:"loglik"`  // log partial likelihood at Coef
	LogLik0   float64   `json:"loglik0"` // at Coef = 0
	N         int       `json:"n"`       // rows
	Subjects  int       `json:"subjects"`
	Events    int       `json:"events"`
	Iter      int       `json:"iter"`
	Ties      string    `json:"ties"`

	means []float64 // covariate means used for centring
}

// HazardRatio returns exp(coef) of covariate j with its Wald interval at
// level, from the robust standard error when robust, else the model-based.
func (c *Cox) HazardRatio(j int, level float64, robust bool) (hr, lower, upper float64) {
	se := c.SE[j]
	if robust {
		se = c.RobustSE[j]
	}
	z := distuv.UnitNormal.Quantile(1 - (1-level)/2)
	return math.Exp(c.Coef[j]), math.Exp(c.Coef[j] - z*se), math.Exp(c.Coef[j] + z*se)
}

// P returns the two-sided Wald p-value of covariate j. A coefficient of
// exactly 0 gives 1, even with a standard error of 0 (a robust one can be:
// every score residual 0), where z = 0/0 would give NaN.
func (c *Cox) P(j int, robust bool) float64 {
	se := c.SE[j]
	if robust {
		se = c.RobustSE[j]
	}
	if c.Coef[j] == 0 {
		return 1
	}
	return 2 * distuv.UnitNormal.CDF(-math.Abs(c.Coef[j]/se))
}

// LRTest returns the likelihood-ratio statistic 2(ℓ(β̂) − ℓ(0)) with its
// degrees of freedom and p-value.
func (c *Cox) LRTest() (chisq float64, df int, p float64) {
	chisq = 2 * (c.LogLik - c.LogLik0)
	df = len(c.Coef)
	return chisq, df, distuv.ChiSquared{K: float64(df)}.Survival(chisq)
}

// FitCox fits the Cox (1972) proportional-hazards model
//
//	λ_i(t) = λ_0(t) exp(x_i(t)'β)
//
// to counting-process data (Andersen & Gill 1982) by maximising the log
// partial likelihood with Newton–Raphson, halving a step that lowers it, as
// R's coxph does. With Efron's (1977) approximation, at an event time t with
// d tied events D, risk set R(t) = {i : Start_i < t ≤ Stop_i} and
// r_i = exp(x_i'β),
//
//	ℓ_t(β) = Σ_{i∈D} x_i'β − Σ_{l=0}^{d−1} log( Σ_{i∈R} r_i − (l/d) Σ_{i∈D} r_i );
//
// Breslow's (1974) drops the (l/d) term. The model-based variance is the
// inverse information at β̂; the robust one is Lin & Wei's (1989) sandwich
// V (Σ_g U_g U_g') V, with U_g the sum of the score residuals of the rows of
// subject g (Data.ID; every row its own subject when ID is nil), which is
// R's coxph(..., robust = TRUE) or cluster(id).
//
// Bad input is an error, never NaN coefficients: invalid data (ErrInput),
// covariates that are constant or collinear (ErrCollinear, naming them), no
// events (ErrNoEvents), and fits that do not converge or whose coefficients
// run off to infinity under a monotone likelihood (ErrNotConverged).
func FitCox(d *Data, opt CoxOptions) (*Cox, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	p := len(d.X)
	if p == 0 {
		return nil, fmt.Errorf("%w: a Cox model needs at least one covariate", ErrInput)
	}
	if opt.MaxIter == 0 {
		opt.MaxIter = 30
	}
	if opt.Tol == 0 {
		opt.Tol = 1e-9
	}
	m := newModel(d, opt.Ties)
	if m.events == 0 {
		return nil, ErrNoEvents
	}
	if err := m.checkRank(); err != nil {
		return nil, err
	}
	beta := make([]float64, p)
	ev := m.eval(beta, nil)
	ll0 := ev.ll
	iter := 0
	converged := false
	for iter = 1; iter <= opt.MaxIter; iter++ {
		step, err := solve(ev.info, ev.score, p)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrCollinear, err)
		}
		next := make([]float64, p)
		for j := range next {
			next[j] = beta[j] + step[j]
		}
		nev := m.eval(next, nil)
		for h := 0; h < 30 && (nev.ll < ev.ll || math.IsNaN(nev.ll)); h++ {
			for j := range next {
				next[j] = (next[j] + beta[j]) / 2
			}
			nev = m.eval(next, nil)
		}
		done := math.Abs(1-ev.ll/nev.ll) <= opt.Tol
		beta, ev = next, nev
		if done {
			converged = true
			break
		}
	}
	if !converged {
		return nil, fmt.Errorf("%w after %d iterations", ErrNotConverged, opt.MaxIter)
	}
	vinv, err := inverse(ev.info, p)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrCollinear, err)
	}
	// Under a monotone likelihood the log likelihood converges while a
	// coefficient runs off to infinity and its information vanishes: a
	// standard error above 1000 standard deviations of the covariate is
	// that, not an estimate (R warns "coefficient may be infinite"); so is
	// one whose hazard-ratio interval exp(b ± 4 se) overflows float64.
	for j, b := range beta {
		if se := math.Sqrt(vinv[j*p+j]); !(se*m.sd[j] < 1e3) || !(math.Abs(b)+4*se < 700) || math.IsNaN(b) {
			return nil, fmt.Errorf("%w: coefficient of %q runs off to infinity (%.3g, standard error %.3g): the events separate on it (monotone likelihood)", ErrNotConverged, d.Names[j], b, se)
		}
	}
	c := &Cox{Names: append([]string(nil), d.Names...), Coef: beta, Var: vinv, LogLik: ev.ll, LogLik0: ll0,
		N: d.Len(), Events: m.events, Iter: iter, Ties: opt.Ties.String(), means: m.means}
	c.SE = make([]float64, p)
	for j := range c.SE {
		c.SE[j] = math.Sqrt(vinv[j*p+j])
	}
	c.RobustVar, c.Subjects = m.robust(beta, vinv)
	c.RobustSE = make([]float64, p)
	for j := range c.RobustSE {
		// V B V is positive semi-definite; rounding can leave a zero
		// diagonal slightly negative (all score residuals near 0).
		c.RobustSE[j] = math.Sqrt(math.Max(0, c.RobustVar[j*p+j]))
	}
	return c, nil
}

// model holds the data in the layout the likelihood sweep wants.
type model struct {
	d          *Data
	n, p       int
	x          []float64 // centred covariates, row-major n×p
	means, sd  []float64
	ties       Ties
	byStop     []int // rows by Stop, descending; events before censorings at a tie
	byStart    []int // rows by Start, descending
	times      []float64
	events     int
	tieEvents  []int // events at each of times (descending)
	tieRowsOff []int // offsets into byStop of the rows with Stop == times[k]
}

func newModel(d *Data, ties Ties) *model {
	n, p := d.Len(), len(d.X)
	m := &model{d: d, n: n, p: p, ties: ties, x: make([]float64, n*p), means: make([]float64, p), sd: make([]float64, p)}
	for j, col := range d.X {
		s := 0.0
		for _, v := range col {
			s += v
		}
		mean := s / float64(n)
		ss := 0.0
		for i, v := range col {
			m.x[i*p+j] = v - mean
			ss += (v - mean) * (v - mean)
		}
		m.means[j] = mean
		m.sd[j] = math.Sqrt(ss / float64(n))
	}
	m.byStop = make([]int, n)
	m.byStart = make([]int, n)
	for i := range m.byStop {
		m.byStop[i], m.byStart[i] = i, i
	}
	sort.SliceStable(m.byStop, func(a, b int) bool {
		ia, ib := m.byStop[a], m.byStop[b]
		if d.Stop[ia] != d.Stop[ib] {
			return d.Stop[ia] > d.Stop[ib]
		}
		return d.Event[ia] && !d.Event[ib]
	})
	sort.SliceStable(m.byStart, func(a, b int) bool { return d.start(m.byStart[a]) > d.start(m.byStart[b]) })
	for k := 0; k < n; {
		t := d.Stop[m.byStop[k]]
		off := k
		e := 0
		for ; k < n && d.Stop[m.byStop[k]] == t; k++ {
			if d.Event[m.byStop[k]] {
				e++
			}
		}
		if e > 0 {
			m.times = append(m.times, t)
			m.tieEvents = append(m.tieEvents, e)
			m.tieRowsOff = append(m.tieRowsOff, off)
			m.events += e
		}
	}
	return m
}

// checkRank refuses constant covariates and covariates that are linear
// combinations of others: the eigenvalues of their correlation matrix must
// stay clear of 0.
func (m *model) checkRank() error {
	p := m.p
	for j := 0; j < p; j++ {
		if m.sd[j] == 0 || m.sd[j] < 1e-12*math.Max(1, math.Abs(m.means[j])) {
			return fmt.Errorf("%w: covariate %q is constant", ErrCollinear, m.d.Names[j])
		}
	}
	if p == 1 {
		return nil
	}
	c := mat.NewSymDense(p, nil)
	for i := 0; i < m.n; i++ {
		row := m.x[i*p : (i+1)*p]
		for a := 0; a < p; a++ {
			for b := a; b < p; b++ {
				c.SetSym(a, b, c.At(a, b)+row[a]*row[b]/(m.sd[a]*m.sd[b]*float64(m.n)))
			}
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(c, true) {
		return fmt.Errorf("%w: cannot decompose the covariates' correlation matrix", ErrCollinear)
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	for k, v := range vals {
		if v > 1e-10 {
			continue
		}
		var names []string
		for j := 0; j < p; j++ {
			if math.Abs(vecs.At(j, k)) > 1e-6 {
				names = append(names, fmt.Sprintf("%q", m.d.Names[j]))
			}
		}
		return fmt.Errorf("%w: %s are linearly dependent; drop one", ErrCollinear, strings.Join(names, ", "))
	}
	return nil
}

// evaluation is the log partial likelihood with its score and information.
type evaluation struct {
	ll    float64
	score []float64
	info  []float64 // row-major p×p
}

// timeTerms are one event time's contributions, for residuals and the PH
// test: the score and information added at that time, and the hazard
// increments.
type timeTerms struct {
	k       int       // index into m.times
	score   []float64 // Σ_D x − Σ_l x̄_l
	info    []float64
	h, hd   float64   // Σ_l 1/den_l and Σ_l (1−l/d)/den_l (Efron; equal for Breslow)
	hx, hxd []float64 // the same weighted by x̄_l
	xmean   []float64 // (1/d) Σ_l x̄_l
}

// eval sweeps the event times from the last to the first, adding rows as
// they enter the risk set (Stop ≥ t) and removing them as they leave it
// (Start ≥ t), so one evaluation costs O(n p²). visit, when not nil, sees
// every event time's terms.
func (m *model) eval(beta []float64, visit func(*timeTerms)) evaluation {
	p, n := m.p, m.n
	ev := evaluation{score: make([]float64, p), info: make([]float64, p*p)}
	eta := make([]float64, n)
	r := make([]float64, n)
	for i := 0; i < n; i++ {
		e := 0.0
		row := m.x[i*p : (i+1)*p]
		for j, b := range beta {
			e += row[j] * b
		}
		eta[i], r[i] = e, math.Exp(e)
	}
	s0 := 0.0
	s1 := make([]float64, p)
	s2 := make([]float64, p*p)
	inRisk := 0
	add := func(i int, sign float64) {
		w := sign * r[i]
		s0 += w
		row := m.x[i*p : (i+1)*p]
		for a := 0; a < p; a++ {
			wa := w * row[a]
			s1[a] += wa
			for b := 0; b <= a; b++ {
				s2[a*p+b] += wa * row[b]
			}
		}
	}
	d0 := 0.0
	d1 := make([]float64, p)
	d2 := make([]float64, p*p)
	xbar := make([]float64, p)
	var tt *timeTerms
	if visit != nil {
		tt = &timeTerms{score: make([]float64, p), info: make([]float64, p*p), hx: make([]float64, p), hxd: make([]float64, p), xmean: make([]float64, p)}
	}
	ks, kb := 0, 0
	for k, t := range m.times {
		for ; ks < n && m.d.Stop[m.byStop[ks]] >= t; ks++ {
			add(m.byStop[ks], 1)
			inRisk++
		}
		for ; kb < n && m.d.start(m.byStart[kb]) >= t; kb++ {
			add(m.byStart[kb], -1)
			inRisk--
		}
		if inRisk == 0 { // guard the running sums against drift
			s0 = 0
			for a := range s1 {
				s1[a] = 0
			}
			for a := range s2 {
				s2[a] = 0
			}
		}
		dn := m.tieEvents[k]
		d0 = 0
		for a := range d1 {
			d1[a] = 0
		}
		for a := range d2 {
			d2[a] = 0
		}
		if tt != nil {
			tt.k = k
			tt.h, tt.hd = 0, 0
			for a := 0; a < p; a++ {
				tt.score[a], tt.hx[a], tt.hxd[a], tt.xmean[a] = 0, 0, 0, 0
			}
			for a := range tt.info {
				tt.info[a] = 0
			}
		}
		for q := m.tieRowsOff[k]; q < m.tieRowsOff[k]+dn; q++ {
			i := m.byStop[q]
			ev.ll += eta[i]
			d0 += r[i]
			row := m.x[i*p : (i+1)*p]
			for a := 0; a < p; a++ {
				ev.score[a] += row[a]
				if tt != nil {
					tt.score[a] += row[a]
				}
				d1[a] += r[i] * row[a]
				for b := 0; b <= a; b++ {
					d2[a*p+b] += r[i] * row[a] * row[b]
				}
			}
		}
		for l := 0; l < dn; l++ {
			f := 0.0
			if m.ties == Efron {
				f = float64(l) / float64(dn)
			}
			den := s0 - f*d0
			ev.ll -= math.Log(den)
			for a := 0; a < p; a++ {
				xbar[a] = (s1[a] - f*d1[a]) / den
				ev.score[a] -= xbar[a]
			}
			for a := 0; a < p; a++ {
				for b := 0; b <= a; b++ {
					v := (s2[a*p+b]-f*d2[a*p+b])/den - xbar[a]*xbar[b]
					ev.info[a*p+b] += v
					if tt != nil {
						tt.info[a*p+b] += v
					}
				}
			}
			if tt != nil {
				w := 1 - f
				tt.h += 1 / den
				tt.hd += w / den
				for a := 0; a < p; a++ {
					tt.score[a] -= xbar[a]
					tt.hx[a] += xbar[a] / den
					tt.hxd[a] += w * xbar[a] / den
					tt.xmean[a] += xbar[a] / float64(dn)
				}
			}
		}
		if tt != nil {
			symmetrize(tt.info, p)
			visit(tt)
		}
	}
	symmetrize(ev.info, p)
	return ev
}

func symmetrize(a []float64, p int) {
	for i := 0; i < p; i++ {
		for j := 0; j < i; j++ {
			a[j*p+i] = a[i*p+j]
		}
	}
}

// scoreResiduals returns the score residuals, row-major n×p: for row i,
//
//	L_i = δ_i (x_i − x̄(t_i)) − r_i Σ_{t ∈ (Start_i, Stop_i]} (x_i − x̄_l(t)) dΛ_l(t)
//
// with Efron's weights (1 − l/d) for a row among the d tied events at its
// own stop time (Therneau & Grambsch 2000, sec. 3.7). They sum to the score.
func (m *model) scoreResiduals(beta []float64) []float64 {
	p, n := m.p, m.n
	nt := len(m.times)
	// the sweep visits times in descending order; store per time.
	h := make([]float64, nt)
	hd := make([]float64, nt)
	hx := make([]float64, nt*p)
	hxd := make([]float64, nt*p)
	xm := make([]float64, nt*p)
	m.eval(beta, func(tt *timeTerms) {
		k := tt.k
		h[k], hd[k] = tt.h, tt.hd
		copy(hx[k*p:], tt.hx)
		copy(hxd[k*p:], tt.hxd)
		copy(xm[k*p:], tt.xmean)
	})
	// cumulative sums over times in ascending order: m.times is descending,
	// so cum[k] = Σ_{k' ≥ k} (times ≤ times[k]).
	cumH := make([]float64, nt+1)
	cumHX := make([]float64, (nt+1)*p)
	for k := nt - 1; k >= 0; k-- {
		cumH[k] = cumH[k+1] + h[k]
		for a := 0; a < p; a++ {
			cumHX[k*p+a] = cumHX[(k+1)*p+a] + hx[k*p+a]
		}
	}
	// index of the first time (descending) ≤ t
	firstLE := func(t float64) int {
		return sort.Search(nt, func(k int) bool { return m.times[k] <= t })
	}
	res := make([]float64, n*p)
	for i := 0; i < n; i++ {
		eta := 0.0
		row := m.x[i*p : (i+1)*p]
		for j, b := range beta {
			eta += row[j] * b
		}
		ri := math.Exp(eta)
		kStop := firstLE(m.d.Stop[i])   // times ≤ stop
		kStart := firstLE(m.d.start(i)) // times ≤ start: excluded
		H := cumH[kStop] - cumH[kStart]
		out := res[i*p : (i+1)*p]
		for a := 0; a < p; a++ {
			out[a] = -ri * (row[a]*H - (cumHX[kStop*p+a] - cumHX[kStart*p+a]))
		}
		if m.d.Event[i] {
			k := kStop // m.times[k] == Stop_i
			for a := 0; a < p; a++ {
				// replace the full-weight hazard at the own event time by Efron's
				out[a] += ri * (row[a]*h[k] - hx[k*p+a])
				out[a] -= ri * (row[a]*hd[k] - hxd[k*p+a])
				out[a] += row[a] - xm[k*p+a]
			}
		}
	}
	return res
}

// robust returns the Lin–Wei sandwich V (Σ_g U_g U_g') V and the number of
// groups.
func (m *model) robust(beta, v []float64) ([]float64, int) {
	p := m.p
	res := m.scoreResiduals(beta)
	group := map[int]int{}
	var sums [][]float64
	for i := 0; i < m.n; i++ {
		id := i
		if m.d.ID != nil {
			id = m.d.ID[i]
		}
		g, ok := group[id]
		if !ok {
			g = len(sums)
			group[id] = g
			sums = append(sums, make([]float64, p))
		}
		for a := 0; a < p; a++ {
			sums[g][a] += res[i*p+a]
		}
	}
	meat := make([]float64, p*p)
	for _, u := range sums {
		for a := 0; a < p; a++ {
			for b := 0; b < p; b++ {
				meat[a*p+b] += u[a] * u[b]
			}
		}
	}
	V := mat.NewDense(p, p, v)
	M := mat.NewDense(p, p, meat)
	var tmp, out mat.Dense
	tmp.Mul(V, M)
	out.Mul(&tmp, V)
	return out.RawMatrix().Data, len(sums)
}

// solve solves the symmetric positive-definite system a x = b.
func solve(a, b []float64, p int) ([]float64, error) {
	var ch mat.Cholesky
	if !ch.Factorize(mat.NewSymDense(p, append([]float64(nil), a...))) {
		return nil, fmt.Errorf("the information matrix is not positive definite")
	}
	x := mat.NewVecDense(p, nil)
	if err := ch.SolveVecTo(x, mat.NewVecDense(p, append([]float64(nil), b...))); err != nil {
		return nil, err
	}
	return x.RawVector().Data, nil
}

// inverse inverts the symmetric positive-definite matrix a.
func inverse(a []float64, p int) ([]float64, error) {
	var ch mat.Cholesky
	if !ch.Factorize(mat.NewSymDense(p, append([]float64(nil), a...))) {
		return nil, fmt.Errorf("the information matrix is not positive definite")
	}
	var inv mat.SymDense
	if err := ch.InverseTo(&inv); err != nil {
		return nil, err
	}
	out := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			out[i*p+j] = inv.At(i, j)
		}
	}
	return out, nil
}
