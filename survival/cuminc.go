package survival

import "fmt"

// Incidence is the Aalen–Johansen estimate of the cumulative incidence of
// each cause of a competing-risks process.
type Incidence struct {
	N      int       `json:"n"`
	Causes int       `json:"causes"`
	Events []int     `json:"events"` // events of each cause, Events[k-1] for cause k
	Times  []float64 `json:"times"`  // distinct stop times, increasing
	// CIF[k-1][j] is the probability of having ended by cause k by Times[j].
	CIF [][]float64 `json:"cif"`
	// Surv[j] is the all-cause Kaplan–Meier survival at Times[j], so that
	// Surv + Σ_k CIF_k = 1 at every time.
	Surv []float64 `json:"surv"`
}

// CumulativeIncidence estimates, for each cause k = 1..K of d.Cause, the
// cumulative incidence function (Aalen & Johansen 1978; Kalbfleisch &
// Prentice 1980):
//
//	F_k(t) = Σ_{t_j ≤ t} S(t_j−) · d_kj / n_j
//
// where S is the all-cause Kaplan–Meier curve, d_kj the events of cause k at
// t_j and n_j the rows at risk. Unlike 1 − KM with the other causes
// censored, which overstates the chance of each cause, the F_k add up with S
// to 1. This is the pstate of R's survfit for a multi-state (factor) status
// with a single initial state. Standard errors are not computed.
func CumulativeIncidence(d *Data) (*Incidence, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if d.Cause == nil {
		return nil, fmt.Errorf("%w: cumulative incidence needs a cause for each event", ErrInput)
	}
	K := 0
	for i, e := range d.Event {
		if e && d.Cause[i] > K {
			K = d.Cause[i]
		}
	}
	if K == 0 {
		return nil, ErrNoEvents
	}
	byStop := order(d.Len(), func(i int) float64 { return d.Stop[i] })
	times, _, _, atRisk := riskTable(d)
	inc := &Incidence{N: d.Len(), Causes: K, Events: make([]int, K), Times: times, CIF: make([][]float64, K), Surv: make([]float64, len(times))}
	for k := range inc.CIF {
		inc.CIF[k] = make([]float64, len(times))
	}
	s := 1.0
	cum := make([]float64, K)
	dk := make([]int, K)
	r := 0
	for j, t := range times {
		for k := range dk {
			dk[k] = 0
		}
		all := 0
		for ; r < len(byStop) && d.Stop[byStop[r]] == t; r++ {
			if i := byStop[r]; d.Event[i] {
				dk[d.Cause[i]-1]++
				all++
			}
		}
		n := float64(atRisk[j])
		for k := range cum {
			cum[k] += s * float64(dk[k]) / n
			inc.CIF[k][j] = cum[k]
			inc.Events[k] += dk[k]
		}
		s *= 1 - float64(all)/n
		inc.Surv[j] = s
	}
	return inc, nil
}

// At returns the cumulative incidence of cause k (1..K) at t.
func (inc *Incidence) At(k int, t float64) float64 {
	v := 0.0
	for j, tj := range inc.Times {
		if tj > t {
			break
		}
		v = inc.CIF[k-1][j]
	}
	return v
}
