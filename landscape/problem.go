package landscape

import (
	"errors"
	"fmt"
	"math"
)

// Problem is a landscape-theory instance: n actors with sizes s_i > 0 and a
// symmetric propensity matrix p_ij (p_ii = 0) stored row-major in P.
//
// Positive p_ij means i and j would rather be on the same side; negative
// means they would rather be apart.
type Problem struct {
	Names []string
	Sizes []float64
	P     []float64 // n×n, row-major

	integral bool // every s_i and p_ij is an integer small enough for exact int64 arithmetic
}

// N returns the number of actors.
func (p *Problem) N() int { return len(p.Sizes) }

// At returns p_ij.
func (p *Problem) At(i, j int) float64 { return p.P[i*len(p.Sizes)+j] }

// Integral reports whether every size and propensity is an integer small
// enough that energies are computed exactly in int64 arithmetic.
func (p *Problem) Integral() bool { return p.integral }

// ErrInvalid is wrapped by the errors New returns.
var ErrInvalid = errors.New("invalid landscape problem")

// New checks names, sizes and the propensity matrix (n×n, row-major) and
// returns the Problem. The matrix must be symmetric (exactly: landscape
// theory's energy is defined for symmetric propensities, and a one-sided
// propensity has no single meaning), with a zero diagonal; sizes must be
// finite and positive. New copies its inputs.
func New(names []string, sizes, p []float64) (*Problem, error) {
	n := len(sizes)
	if n < 2 {
		return nil, fmt.Errorf("%w: %d actors, need at least 2", ErrInvalid, n)
	}
	if names != nil && len(names) != n {
		return nil, fmt.Errorf("%w: %d names for %d sizes", ErrInvalid, len(names), n)
	}
	if len(p) != n*n {
		return nil, fmt.Errorf("%w: propensity matrix has %d cells, want %d×%d", ErrInvalid, len(p), n, n)
	}
	pr := &Problem{Names: make([]string, n), Sizes: append([]float64(nil), sizes...), P: append([]float64(nil), p...)}
	seen := map[string]int{}
	for i := range n {
		name := fmt.Sprint(i)
		if names != nil {
			name = names[i]
		}
		if name == "" {
			return nil, fmt.Errorf("%w: actor %d has no name", ErrInvalid, i+1)
		}
		if k, dup := seen[name]; dup {
			return nil, fmt.Errorf("%w: actors %d and %d are both named %q", ErrInvalid, k+1, i+1, name)
		}
		seen[name] = i
		pr.Names[i] = name
		if s := sizes[i]; !(s > 0) || math.IsInf(s, 0) {
			return nil, fmt.Errorf("%w: actor %q has size %v, want a finite positive number", ErrInvalid, name, s)
		}
	}
	for i := range n {
		if pr.P[i*n+i] != 0 {
			return nil, fmt.Errorf("%w: p(%s,%s) = %v, want 0 on the diagonal", ErrInvalid, pr.Names[i], pr.Names[i], pr.P[i*n+i])
		}
		for j := i + 1; j < n; j++ {
			a, b := pr.P[i*n+j], pr.P[j*n+i]
			if math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(b) || math.IsInf(b, 0) {
				return nil, fmt.Errorf("%w: p(%s,%s) is not a finite number", ErrInvalid, pr.Names[i], pr.Names[j])
			}
			if a != b {
				return nil, fmt.Errorf("%w: not symmetric: p(%s,%s) = %v but p(%s,%s) = %v", ErrInvalid,
					pr.Names[i], pr.Names[j], a, pr.Names[j], pr.Names[i], b)
			}
		}
	}
	if err := pr.checkRange(); err != nil {
		return nil, err
	}
	pr.integral = pr.checkIntegral()
	return pr, nil
}

// MaxEnergy bounds |E| over every configuration: energies, their
// differences and the frustrations stay finite in float64 arithmetic
// (MaxFloat64 is about 1.8e308). Sizes are multiplied in pairs, so their
// sum may be at most the square root, 1e150.
const MaxEnergy = 1e300

// checkRange refuses sizes and propensities whose energy terms would
// overflow: Σ_i s_i ≤ 1e150, every frustration bound Σ_j s_j |p_ij| and
// Σ_ij s_i s_j |p_ij| ≤ MaxEnergy. The
// error names the largest actor or the largest term.
func (p *Problem) checkRange() error {
	n := p.N()
	var sum float64
	big := 0
	for i, s := range p.Sizes {
		sum += s
		if s > p.Sizes[big] {
			big = i
		}
	}
	if !(sum <= math.Sqrt(MaxEnergy)) {
		return fmt.Errorf("%w: sizes sum to %g (actor %q has %g), more than %g: energies multiply sizes in pairs and would overflow; rescale the sizes",
			ErrInvalid, sum, p.Names[big], p.Sizes[big], math.Sqrt(MaxEnergy))
	}
	var total, worst float64
	wi, wj := 0, 0
	for i := range n {
		var row float64 // Σ_j s_j |p_ij|, the largest |F_i|
		for j := range n {
			f := p.Sizes[j] * math.Abs(p.P[i*n+j])
			row += f
			if !(f <= MaxEnergy) {
				return fmt.Errorf("%w: p(%s,%s) = %g with size %g for %s: the frustration term s_j·|p_ij| is %g, more than %g; rescale the propensities",
					ErrInvalid, p.Names[i], p.Names[j], p.P[i*n+j], p.Sizes[j], p.Names[j], f, MaxEnergy)
			}
			t := p.Sizes[i] * f
			total += t
			if t > worst {
				worst, wi, wj = t, i, j
			}
		}
		if !(row <= MaxEnergy) {
			return fmt.Errorf("%w: the frustration of %s, Σ_j s_j·|p_ij| = %g, is more than %g; rescale the propensities",
				ErrInvalid, p.Names[i], row, MaxEnergy)
		}
	}
	if !(total <= MaxEnergy) {
		return fmt.Errorf("%w: p(%s,%s) = %g with sizes %g and %g: the energy terms s_i·s_j·|p_ij| sum to %g, more than %g; rescale the propensities",
			ErrInvalid, p.Names[wi], p.Names[wj], p.P[wi*n+wj], p.Sizes[wi], p.Sizes[wj], total, MaxEnergy)
	}
	return nil
}

// MustNew is New for hand-written problems; it panics on error.
func MustNew(names []string, sizes, p []float64) *Problem {
	pr, err := New(names, sizes, p)
	if err != nil {
		panic(err)
	}
	return pr
}

// checkIntegral reports whether all inputs are integers and the largest
// possible |E| stays below 2^52, so that int64 and float64 arithmetic on
// them are both exact.
func (p *Problem) checkIntegral() bool {
	var total float64
	n := p.N()
	for i, s := range p.Sizes {
		if s != math.Trunc(s) {
			return false
		}
		for j := range n {
			x := p.P[i*n+j]
			if x != math.Trunc(x) {
				return false
			}
			total += math.Abs(s * p.Sizes[j] * x)
		}
	}
	return 4*total < 1<<52
}

// Frustration returns F_i = Σ_j s_j p_ij d_ij for every actor, where
// d_ij = 0 when sides[i] == sides[j] and 1 otherwise (Axelrod & Bennett
// 1993, eq. 1). sides holds any coalition labels; it panics if its length
// is not N.
func (p *Problem) Frustration(sides []int) []float64 {
	n := p.N()
	if len(sides) != n {
		panic(fmt.Sprintf("landscape: %d sides for %d actors", len(sides), n))
	}
	f := make([]float64, n)
	for i := range n {
		row := p.P[i*n : (i+1)*n]
		var s float64
		for j, x := range row {
			if sides[j] != sides[i] {
				s += p.Sizes[j] * x
			}
		}
		f[i] = s
	}
	return f
}

// Energy returns E = Σ_i s_i F_i = Σ_{i≠j} s_i s_j p_ij d_ij over ordered
// pairs (Axelrod & Bennett 1993, eq. 2). Lower energy is a more stable
// configuration. It panics if len(sides) is not N.
func (p *Problem) Energy(sides []int) float64 {
	var e float64
	for i, f := range p.Frustration(sides) {
		e += p.Sizes[i] * f
	}
	return e
}

// Canonical relabels sides in place so that labels appear in the order of
// the actors: actor 0 is on side 0, the first actor not with it on side 1,
// and so on. Two configurations that differ only by the names of the sides
// have the same canonical form. It returns the number of sides used.
func Canonical(sides []int) int {
	var small [64]int8 // label+1 for labels below 64
	var m map[int]int
	next := 0
	for i, c := range sides {
		if c >= 0 && c < len(small) {
			if small[c] == 0 {
				next++
				small[c] = int8(next)
			}
			sides[i] = int(small[c]) - 1
			continue
		}
		if m == nil {
			m = map[int]int{}
		}
		l, ok := m[c]
		if !ok {
			l = next
			next++
			m[c] = l
		}
		sides[i] = l
	}
	return next
}
