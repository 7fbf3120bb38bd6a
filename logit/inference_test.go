package logit

import (
	"errors"
	"math"
	"testing"
)

// glmData is a small design with clusters, and glmRef what R 4.2.2
// gives for it, from this script (glm.control tightened so that IRLS
// converges to the digits compared):
//
//	fit <- glm(y ~ x1 + x2, family = binomial,
//	           control = glm.control(epsilon = 1e-14, maxit = 100))
//	coef(fit); logLik(fit)
//	info <- function(f, w = 1) { X <- model.matrix(f); p <- fitted(f)
//	                             solve(crossprod(X, X * (w * p * (1 - p)))) }
//	V <- info(fit); sqrt(diag(V))
//	X <- model.matrix(fit); e <- y - fitted(fit)
//	S <- rowsum(X * e, g); G <- nrow(S)
//	sqrt(diag(G / (G - 1) * V %*% crossprod(S) %*% V))
//	w <- rep(c(1, 2, 3), 8)
//	fw <- glm(y ~ x1 + x2, family = binomial, weights = w, control = ...)
//	coef(fw); sqrt(diag(info(fw, w)))
//
// The covariance is the inverse information at the final coefficients:
// R's vcov(fit) uses the IRLS weights of the iterate before the last and
// differs from it in the eighth digit (0.773556670362 for se[0]). The
// clustered errors are computed in R from their definition (the sandwich
// package, whose vcovCL(type = "HC0", cadjust = TRUE) is the same
// estimator, is not part of base R).
var glmData = struct {
	x1, x2 []float64
	y      []bool
	g      []int
}{
	x1: []float64{-1.2, -0.8, -0.5, -0.3, 0.0, 0.1, 0.4, 0.6, 0.9, 1.3,
		-1.5, -0.9, -0.2, 0.2, 0.5, 0.7, 1.1, 1.6, -0.6, 0.3,
		0.8, -1.1, 1.4, -0.4},
	x2: []float64{1, 0, 1, 1, 0, 0, 1, 0, 1, 0,
		0, 1, 0, 1, 1, 0, 0, 1, 0, 1,
		1, 0, 0, 1},
	y: bools(0, 0, 1, 0, 0, 1, 1, 0, 1, 1,
		0, 0, 0, 1, 1, 0, 1, 1, 1, 0,
		1, 0, 1, 1),
	g: []int{1, 1, 1, 1, 2, 2, 2, 2, 3, 3,
		3, 3, 4, 4, 4, 4, 5, 5, 5, 5,
		6, 6, 6, 6},
}

var glmRef = struct {
	beta, se, clusterSE []float64
	logLik              float64
	wBeta, wSE          []float64
}{
	beta:      []float64{-0.714651213353, 1.81454942448, 1.47181105795},
	se:        []float64{0.773556689985, 0.769928021197, 1.08577207402},
	clusterSE: []float64{1.00136280557, 0.715238825749, 1.60454702766},
	logLik:    -11.5623548894,
	wBeta:     []float64{-0.577121000834, 1.96290324337, 1.76875648503},
	wSE:       []float64{0.593758607808, 0.611390874823, 0.827052587725},
}

func bools(v ...int) []bool {
	out := make([]bool, len(v))
	for i, x := range v {
		out[i] = x == 1
	}
	return out
}

func near(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for k := range want {
		if math.Abs(got[k]-want[k]) > tol*math.Max(1, math.Abs(want[k])) {
			t.Errorf("%s[%d] = %.12g, want %.12g (R)", what, k, got[k], want[k])
		}
	}
}

// TestMatchesGLM reproduces R's glm on glmData: coefficients, model-based
// and cluster-robust standard errors, log-likelihood, and the weighted fit.
func TestMatchesGLM(t *testing.T) {
	d := &Data{Cols: [][]float64{glmData.x1, glmData.x2}, Y: glmData.y}
	m, err := Fit(d, 0, nil, Options{Tol: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "beta", m.Beta, glmRef.beta, 1e-9)
	se, err := m.SE(d)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "se", se, glmRef.se, 1e-9)
	cse, err := m.ClusterSE(d, glmData.g)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "cluster se", cse, glmRef.clusterSE, 1e-9)
	if got := m.LogLik(d); math.Abs(got-glmRef.logLik) > 1e-9 {
		t.Errorf("log-likelihood %.12g, want %.12g (R)", got, glmRef.logLik)
	}
	s, err := m.Summarize(d, []string{"x1", "x2"})
	if err != nil {
		t.Fatal(err)
	}
	if s.Names[0] != "const" || s.Names[2] != "x2" || s.N != 24 {
		t.Errorf("summary %+v", s)
	}

	w := make([]float64, d.Rows())
	for i := range w {
		w[i] = float64(i%3 + 1)
	}
	dw := &Data{Cols: d.Cols, Y: d.Y, W: w}
	mw, err := Fit(dw, 0, nil, Options{Tol: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "weighted beta", mw.Beta, glmRef.wBeta, 1e-9)
	wse, err := mw.SE(dw)
	if err != nil {
		t.Fatal(err)
	}
	near(t, "weighted se", wse, glmRef.wSE, 1e-9)
}

// TestTwoByTwo checks the fit on a table whose maximum-likelihood estimate
// is known in closed form: with one binary regressor, β0 is the log-odds
// at x = 0, β0 + β1 at x = 1, and the standard error of β1 (the log odds
// ratio) is √(1/a + 1/b + 1/c + 1/d) over the table's cells (Woolf 1955).
func TestTwoByTwo(t *testing.T) {
	var x [][]float64
	var y []bool
	add := func(v float64, pos, neg int) {
		for range pos {
			x, y = append(x, []float64{v}), append(y, true)
		}
		for range neg {
			x, y = append(x, []float64{v}), append(y, false)
		}
	}
	add(0, 2, 6)
	add(1, 6, 2)
	d, err := FromRows(x, y)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Fit(d, 0, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(m.Beta[0]-math.Log(2.0/6)) > 1e-7 || math.Abs(m.Beta[0]+m.Beta[1]-math.Log(6.0/2)) > 1e-7 {
		t.Errorf("beta %v, want %v and %v", m.Beta, math.Log(2.0/6), math.Log(6.0/2)-math.Log(2.0/6))
	}
	se, err := m.SE(d)
	if err != nil {
		t.Fatal(err)
	}
	if want := math.Sqrt(1.0/2 + 1.0/6 + 1.0/6 + 1.0/2); math.Abs(se[1]-want) > 1e-6 {
		t.Errorf("se %v, want %v", se[1], want)
	}
}

// TestSeparation checks that an unpenalised fit of a perfectly predicted
// outcome is an error wrapping ErrSeparation, and that a penalty makes it
// finite.
func TestSeparation(t *testing.T) {
	for _, tc := range []struct {
		name string
		x    []float64
		y    []bool
	}{
		{"complete", []float64{0, 1}, bools(0, 1)},
		{"complete, more rows", []float64{-2, -1, -0.5, 0.5, 1, 2}, bools(0, 0, 0, 1, 1, 1)},
		{"quasi-complete", []float64{0, 0, 1, 1, 2, 2}, bools(0, 0, 0, 1, 1, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &Data{Cols: [][]float64{tc.x}, Y: tc.y}
			if m, err := Fit(d, 0, nil, Options{}); !errors.Is(err, ErrSeparation) {
				t.Errorf("got %v, %v; want ErrSeparation", m, err)
			}
			m, err := Fit(d, 1, nil, Options{})
			if err != nil || !m.Converged {
				t.Errorf("lambda 1: %v, %v", m, err)
			}
		})
	}
}

func TestClusterSEErrors(t *testing.T) {
	d := &Data{Cols: [][]float64{glmData.x1, glmData.x2}, Y: glmData.y}
	m, err := Fit(d, 0, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := m.ClusterSE(d, make([]int, d.Rows())); err == nil {
		t.Error("one cluster: no error")
	}
	if _, err := m.ClusterSE(d, glmData.g[:3]); err == nil {
		t.Error("short labels: no error")
	}
	if _, err := FromRows([][]float64{{1, 2}, {3}}, bools(0, 1)); err == nil {
		t.Error("ragged rows: no error")
	}
}

func TestAUC(t *testing.T) {
	tests := []struct {
		name string
		p    []float64
		y    []bool
		want float64
	}{
		{"perfect", []float64{0.1, 0.2, 0.8, 0.9}, bools(0, 0, 1, 1), 1},
		{"reversed", []float64{0.9, 0.8, 0.2, 0.1}, bools(0, 0, 1, 1), 0},
		{"all tied", []float64{0.5, 0.5, 0.5, 0.5}, bools(0, 1, 0, 1), 0.5},
		{"one swap", []float64{0.1, 0.3, 0.2, 0.9}, bools(0, 0, 1, 1), 0.75},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := AUC(tc.p, tc.y); got != tc.want {
				t.Errorf("AUC = %v, want %v", got, tc.want)
			}
		})
	}
	if got := AUC([]float64{0.1, 0.2}, bools(1, 1)); !math.IsNaN(got) {
		t.Errorf("no negative: AUC %v, want NaN", got)
	}
}
