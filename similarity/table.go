package similarity

import (
	"fmt"
	"math"

	"github.com/entente/entente/world"
)

// Levels is the number of tie levels, 0..Levels-1.
const Levels = 4

// Table is the weighted contingency table of two portfolios: T[a][b] is
// the total weight of the system members k with x_k = a and y_k = b.
type Table [Levels][Levels]float64

// Distance is the per-member distance of the S measure.
type Distance uint8

const (
	Absolute Distance = iota // d = |x - y|
	Squared                  // d = (x - y)²
)

// Disagreement is the disagreement weighting of kappa and pi.
type Disagreement uint8

const (
	Quadratic Disagreement = iota // w_ab = (a - b)², as in Häge (2011) and fpsim's kappa
	Linear                        // w_ab = |a - b|
	// Nominal: w_ab = 1 when a ≠ b, the unweighted coefficients of Cohen
	// (1960) and Scott (1955): every disagreement counts the same, and
	// 1 - observed/expected disagreement equals (p_o - p_e)/(1 - p_e) with
	// p_o and p_e the observed and expected agreement on the diagonal.
	// fpsim's Scott's pi is nominal.
	Nominal
)

var disagreementNames = [...]string{Quadratic: "quadratic", Linear: "linear", Nominal: "nominal"}

func (d Disagreement) String() string {
	if int(d) < len(disagreementNames) {
		return disagreementNames[d]
	}
	return fmt.Sprintf("Disagreement(%d)", uint8(d))
}

// ParseDisagreement returns the weighting named s ("quadratic", "linear"
// or "nominal").
func ParseDisagreement(s string) (Disagreement, error) {
	for i, n := range disagreementNames {
		if n == s {
			return Disagreement(i), nil
		}
	}
	return 0, fmt.Errorf("unknown disagreement weighting %q (want quadratic, linear or nominal)", s)
}

// Tally returns the contingency table of portfolios x and y with member
// weights w (nil for unit weights). It reports an error when the lengths
// differ, a level lies outside 0..3, or a weight is negative or missing.
func Tally(x, y []int, w []float64) (Table, error) {
	var t Table
	if len(x) != len(y) || (w != nil && len(w) != len(x)) {
		return t, fmt.Errorf("similarity: portfolios of lengths %d and %d with %d weights", len(x), len(y), len(w))
	}
	for k := range x {
		a, b := x[k], y[k]
		if a < 0 || a >= Levels || b < 0 || b >= Levels {
			return t, fmt.Errorf("similarity: member %d: levels %d, %d outside 0..%d", k, a, b, Levels-1)
		}
		wk := 1.0
		if w != nil {
			wk = w[k]
			if !(wk >= 0) || math.IsInf(wk, 0) {
				return t, fmt.Errorf("similarity: member %d: weight %v is not a finite non-negative number", k, wk)
			}
		}
		t[a][b] += wk
	}
	return t, nil
}

// scale returns the power of two that brings t's largest cell into
// [0.5, 1). The measures multiply their cells by it before summing and
// multiplying them: exact, so every result is the same bit for bit, but
// weights near 1e-162 no longer underflow in a product of two margins (pi
// of a one-member table came out -1.5, not -1) and weights near 1e308 no
// longer overflow (S came out -Inf).
func (t *Table) scale() float64 {
	m := 0.0
	for a := range Levels {
		for b := range Levels {
			m = math.Max(m, t[a][b])
		}
	}
	if !(m > 0) || math.IsInf(m, 0) {
		return 1
	}
	_, e := math.Frexp(m)
	return math.Ldexp(1, -e)
}

// Total returns the total weight of t.
func (t *Table) Total() float64 {
	s := 0.0
	for a := range Levels {
		for b := range Levels {
			s += t[a][b]
		}
	}
	return s
}

// S returns Signorino and Ritter's (1999) S:
//
//	S = 1 - 2 Σ_k w_k d(x_k, y_k) / (Δ_d Σ_k w_k)
//
// with d absolute (Δ_d = delta) or squared (Δ_d = delta²), where delta is
// the largest possible distance between two levels: 3 for valued ties, 1
// for binary ties. S lies in [-1, 1]; S(x, x) = 1. It is missing when the
// total weight is zero or delta is not positive.
//
// Departure from the paper: Signorino and Ritter normalise each member's
// distance by the range of the observed values; entente fixes the range at
// the valuation's levels (0..3 or 0..1), as fpsim does, so S is comparable
// across years.
func (t *Table) S(d Distance, delta float64) world.Value {
	if !(delta > 0) {
		return world.Missing()
	}
	max := delta
	if d == Squared {
		max = delta * delta
	}
	var sum, dist float64
	scale := t.scale()
	for a := range Levels {
		for b := range Levels {
			v := t[a][b] * scale
			if v == 0 {
				continue
			}
			sum += v
			diff := float64(a - b)
			if d == Squared {
				dist += v * diff * diff
			} else {
				dist += v * math.Abs(diff)
			}
		}
	}
	if !(sum > 0) {
		return world.Missing()
	}
	return world.Value(1 - 2*dist/(max*sum))
}

// TauB returns Kendall's tau-b (Bueno de Mesquita 1975) of the table:
//
//	tau_b = (C - D) / sqrt((n0 - n1)(n0 - n2))
//
// where C and D are the numbers of concordant and discordant pairs of
// members, n0 = n(n-1)/2, n1 = Σ_a r_a(r_a-1)/2 and n2 = Σ_b c_b(c_b-1)/2
// over the row and column totals r and c. Weights are taken as member
// counts (use unit weights). tau_b lies in [-1, 1]; it is missing when
// either portfolio is constant.
func (t *Table) TauB() world.Value {
	var conc, disc float64
	for a := range Levels {
		for b := range Levels {
			v := t[a][b]
			if v == 0 {
				continue
			}
			for c := a + 1; c < Levels; c++ {
				for d := range Levels {
					switch {
					case d > b:
						conc += v * t[c][d]
					case d < b:
						disc += v * t[c][d]
					}
				}
			}
		}
	}
	var n, n1, n2 float64
	var r, c [Levels]float64
	for a := range Levels {
		for b := range Levels {
			r[a] += t[a][b]
			c[b] += t[a][b]
		}
	}
	for a := range Levels {
		n += r[a]
		n1 += r[a] * (r[a] - 1) / 2
		n2 += c[a] * (c[a] - 1) / 2
	}
	n0 := n * (n - 1) / 2
	den := (n0 - n1) * (n0 - n2)
	if !(den > 0) {
		return world.Missing()
	}
	v := (conc - disc) / math.Sqrt(den)
	return world.Value(math.Max(-1, math.Min(1, v)))
}

// Kappa returns Cohen's kappa as adapted to foreign-policy similarity by
// Häge (2011):
//
//	kappa = 1 - Σ_ab w_ab p_ab / Σ_ab w_ab p_a. p_.b
//
// with p the table as proportions, p_a. and p_.b its row and column
// margins, and disagreement weights w_ab = (a-b)² (Quadratic), |a-b|
// (Linear) or 1 for every a ≠ b (Nominal). Kappa is 1 for identical
// portfolios, 0 for agreement at chance and negative below chance. It is missing when the expected disagreement
// is zero (both portfolios constant at one level).
func (t *Table) Kappa(w Disagreement) world.Value {
	var r, c [Levels]float64
	for a := range Levels {
		for b := range Levels {
			r[a] += t[a][b]
			c[b] += t[a][b]
		}
	}
	return t.chance(w, r, c)
}

// Pi returns Scott's pi as adapted by Häge (2011): kappa with the expected
// disagreement computed from the pooled margins q_a = (p_a. + p_.a)/2,
//
//	pi = 1 - Σ_ab w_ab p_ab / Σ_ab w_ab q_a q_b.
//
// Disagreement weights and missingness are as for Kappa.
func (t *Table) Pi(w Disagreement) world.Value {
	var r, c [Levels]float64
	for a := range Levels {
		for b := range Levels {
			r[a] += t[a][b]
			c[b] += t[a][b]
		}
	}
	var q [Levels]float64
	for a := range Levels {
		q[a] = (r[a] + c[a]) / 2
	}
	return t.chance(w, q, q)
}

// chance returns 1 - observed/expected disagreement, with expected from
// margins r and c (as totals, not proportions), all taken at t.scale().
func (t *Table) chance(w Disagreement, r, c [Levels]float64) world.Value {
	scale := t.scale()
	n := 0.0
	for a := range Levels {
		for b := range Levels {
			n += t[a][b] * scale
		}
	}
	if !(n > 0) {
		return world.Missing()
	}
	var obs, exp float64
	for a := range Levels {
		for b := range Levels {
			if a == b {
				continue
			}
			wab := float64(a - b)
			switch w {
			case Linear:
				wab = math.Abs(wab)
			case Nominal:
				wab = 1
			default:
				wab *= wab
			}
			obs += wab * (t[a][b] * scale)
			exp += wab * (r[a] * scale) * (c[b] * scale)
		}
	}
	if !(exp > 0) {
		return world.Missing()
	}
	// obs is a total and exp a product of totals: scale obs by n.
	return world.Value(1 - obs*n/exp)
}
