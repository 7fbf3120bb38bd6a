package survival

import (
	"encoding/binary"
	"math"
	"testing"
)

// FuzzEstimators builds up to 40 rows (start, stop, event, cause, two
// covariates, subject) from the fuzzer's bytes and runs the three
// estimators: Kaplan–Meier's S(t) stays in [0, 1] and never rises, its
// limits bracket it while S > 0; the cumulative incidences and S add up to
// 1; and FitCox, under both ties, either returns an error or finite
// coefficients, standard errors, log-likelihoods, hazard ratios with
// their intervals and p-values (its contract: bad input is an error, never
// NaN coefficients; termination reports all of them in JSON).
//
//	go test -run '^$' -fuzz FuzzEstimators -fuzztime 2m ./survival
func FuzzEstimators(f *testing.F) {
	f.Add([]byte{3, 10, 1, 1, 0, 7, 0, 5, 1, 2, 9, 1, 2, 2, 1, 0, 8, 3, 1, 1, 5, 6, 2, 0, 7, 4, 2, 1, 9, 2, 1, 3, 1, 1, 6, 4})
	f.Add([]byte("alliances end by violation or by other causes, some of them together"))
	f.Fuzz(func(t *testing.T, b []byte) {
		const width = 6
		n := min(len(b)/width, 40)
		if n == 0 {
			return
		}
		d := &Data{Start: make([]float64, n), Stop: make([]float64, n), Event: make([]bool, n),
			Cause: make([]int, n), X: [][]float64{make([]float64, n), make([]float64, n)},
			Names: []string{"x1", "x2"}, ID: make([]int, n)}
		for i := range n {
			r := b[i*width : (i+1)*width]
			d.Start[i] = float64(r[0] % 8)
			d.Stop[i] = d.Start[i] + float64(r[1]%16)/2
			d.Event[i] = r[2]%2 == 1
			d.Cause[i] = 1 + int(r[2]/2%2)
			d.X[0][i] = float64(int8(r[3])) / 8
			d.X[1][i] = float64(r[4] % 3)
			d.ID[i] = int(r[5] % 12)
		}
		if len(b) >= n*width+8 { // an extreme covariate value
			x := math.Float64frombits(binary.LittleEndian.Uint64(b[n*width:]))
			d.X[0][0] = x
		}
		if km, err := KaplanMeier(d, 0.95); err == nil {
			prev := 1.0
			for _, s := range km.Steps {
				if !(s.Surv >= 0 && s.Surv <= prev) {
					t.Fatalf("S(%v) = %v after %v", s.Time, s.Surv, prev)
				}
				if s.Surv > 0 && !(s.Lower <= s.Surv && s.Surv <= s.Upper && s.Upper <= 1) {
					t.Fatalf("S(%v) = %v outside [%v, %v]", s.Time, s.Surv, s.Lower, s.Upper)
				}
				prev = s.Surv
			}
		}
		if ci, err := CumulativeIncidence(d); err == nil {
			for j := range ci.Times {
				sum := ci.Surv[j]
				for k := range ci.CIF {
					sum += ci.CIF[k][j]
				}
				if math.Abs(sum-1) > 1e-9 {
					t.Fatalf("at %v: S + ΣF = %v", ci.Times[j], sum)
				}
			}
		}
		for _, ties := range []Ties{Efron, Breslow} {
			c, err := FitCox(d, CoxOptions{Ties: ties})
			if err != nil {
				continue
			}
			var derived []float64 // what termination reports of each covariate
			for j := range c.Coef {
				for _, robust := range []bool{false, true} {
					hr, lo, hi := c.HazardRatio(j, 0.95, robust)
					derived = append(derived, hr, lo, hi, c.P(j, robust))
				}
			}
			for _, v := range [][]float64{c.Coef, c.SE, c.RobustSE, {c.LogLik, c.LogLik0}, derived} {
				for _, x := range v {
					if math.IsNaN(x) || math.IsInf(x, 0) {
						t.Fatalf("%v ties: coef %v, se %v, robust se %v, loglik %v/%v, hazard ratios and p %v", ties, c.Coef, c.SE, c.RobustSE, c.LogLik, c.LogLik0, derived)
					}
				}
			}
		}
	})
}
