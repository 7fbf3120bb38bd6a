package forecast

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/entente/entente/logit"
)

// TestAUCAgreesWithLogit checks that the dyad view's ROC AUC, which the
// weighted, year-resampled pass computes alongside PR AUC and Brier, is
// the Mann–Whitney statistic of logit.AUC, the project's one unweighted
// AUC, ties included.
func TestAUCAgreesWithLogit(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var ps []Prediction
	var p []float64
	var y []bool
	for i := range 2000 {
		pi := math.Round(r.Float64()*50) / 50 // ties
		out := r.Float64() < pi*0.3
		ps = append(ps, Prediction{Year: 1900 + i%40, P: pi, Outcome: out, Ref: 0.1})
		p, y = append(p, pi), append(y, out)
	}
	got := float64(Evaluate(ps, ViewDyads, 0, 1).AUC.Est)
	if want := logit.AUC(p, y); math.IsNaN(got) || !(math.Abs(got-want) <= 1e-12) {
		t.Errorf("forecast AUC %v, logit.AUC %v", got, want)
	}
}
