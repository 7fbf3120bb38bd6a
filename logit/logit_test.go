package logit

import (
	"math"
	"math/rand/v2"
	"testing"
)

// simulate draws n rows from a known model: x1, x2 standard normal,
// P(y) = σ(−1 + 2 x1 − x2).
func simulate(n int, seed uint64) *Data {
	r := rand.New(rand.NewPCG(seed, 1))
	d := &Data{Cols: [][]float64{make([]float64, n), make([]float64, n)}, Y: make([]bool, n)}
	for i := 0; i < n; i++ {
		x1, x2 := r.NormFloat64(), r.NormFloat64()
		d.Cols[0][i], d.Cols[1][i] = x1, x2
		d.Y[i] = r.Float64() < sigmoid(-1+2*x1-x2)
	}
	return d
}

func TestFitRecoversCoefficients(t *testing.T) {
	d := simulate(20000, 7)
	m, err := Fit(d, 0, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{-1, 2, -1}
	for k, w := range want {
		if math.Abs(m.Beta[k]-w) > 0.08 {
			t.Errorf("beta[%d] = %.3f, want %.1f ± 0.08", k, m.Beta[k], w)
		}
	}
	if !m.Converged {
		t.Errorf("not converged after %d iterations", m.Iterations)
	}
}

// TestScoreEquation checks the first-order condition of the penalised
// likelihood: Σ w (y − p) x_k = λ β_k for every k ≥ 1, and Σ w (y − p) = 0.
func TestScoreEquation(t *testing.T) {
	d := simulate(3000, 3)
	d.W = make([]float64, d.Rows())
	for i := range d.W {
		d.W[i] = 1 + float64(i%3)
	}
	const lambda = 25.0
	m, err := Fit(d, lambda, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := m.PredictData(d, nil)
	for k := -1; k < len(d.Cols); k++ {
		s := 0.0
		for i := range p {
			y := 0.0
			if d.Y[i] {
				y = 1
			}
			x := 1.0
			if k >= 0 {
				x = d.Cols[k][i]
			}
			s += d.W[i] * (y - p[i]) * x
		}
		want := 0.0
		if k >= 0 {
			want = lambda * m.Beta[k+1]
		}
		if math.Abs(s-want) > 1e-6 {
			t.Errorf("score of column %d = %g, want %g", k, s, want)
		}
	}
}

func TestWarmStartSameAnswer(t *testing.T) {
	d := simulate(5000, 11)
	cold, err := Fit(d, 1, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	warm, err := Fit(d, 1, []float64{-0.9, 1.9, -0.9}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for k := range cold.Beta {
		if math.Abs(cold.Beta[k]-warm.Beta[k]) > 1e-7 {
			t.Errorf("beta[%d]: cold %g, warm %g", k, cold.Beta[k], warm.Beta[k])
		}
	}
	if warm.Iterations >= cold.Iterations {
		t.Errorf("warm start took %d iterations, cold %d", warm.Iterations, cold.Iterations)
	}
}

func TestConstantColumnNeedsPenalty(t *testing.T) {
	d := simulate(500, 5)
	d.Cols = append(d.Cols, make([]float64, 500)) // all zeros
	if _, err := Fit(d, 0, nil, Options{}); err == nil {
		t.Error("lambda 0 with a constant column: want an error")
	}
	m, err := Fit(d, 1, nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if m.Beta[3] != 0 {
		t.Errorf("constant column coefficient %g, want 0", m.Beta[3])
	}
}

func TestBadInput(t *testing.T) {
	if _, err := Fit(&Data{}, 1, nil, Options{}); err != ErrNoRows {
		t.Errorf("empty: got %v, want ErrNoRows", err)
	}
	d := simulate(10, 1)
	d.Cols[0][3] = math.NaN()
	if err := d.Check(); err == nil {
		t.Error("NaN: want an error from Check")
	}
	if _, err := Fit(simulate(10, 1), -1, nil, Options{}); err == nil {
		t.Error("negative lambda: want an error")
	}
}

func TestCVPrefersSmallPenaltyWithSignal(t *testing.T) {
	d := simulate(4000, 9)
	fold := make([]int, d.Rows())
	for i := range fold {
		fold[i] = i * 5 / d.Rows()
	}
	res, err := CV(d, fold, 5, []float64{0.01, 1, 100, 1e5}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Best > 100 {
		t.Errorf("best lambda %g; losses %v", res.Best, res.Loss)
	}
	if res.Loss[3] <= res.Loss[0] {
		t.Errorf("a huge penalty should lose: %v", res.Loss)
	}
}
