package similarity

import (
	"fmt"
	"math"

	"github.com/entente/entente/world"
)

// Valuation maps a set of obligations between two states to a tie level.
type Valuation uint8

const (
	// ATOP: defense or offense 3, neutrality or consultation 2,
	// nonaggression 1, none 0.
	ATOP Valuation = iota
	// COW: defense 3, neutrality or nonaggression 2, entente 1, none 0.
	COW
	// Binary: any obligation 1, none 0.
	Binary
)

var valuationNames = [...]string{ATOP: "atop", COW: "cow", Binary: "binary"}

func (v Valuation) String() string {
	if int(v) < len(valuationNames) {
		return valuationNames[v]
	}
	return fmt.Sprintf("Valuation(%d)", uint8(v))
}

// ParseValuation returns the valuation named s ("atop", "cow" or "binary").
func ParseValuation(s string) (Valuation, error) {
	for i, n := range valuationNames {
		if n == s {
			return Valuation(i), nil
		}
	}
	return 0, fmt.Errorf("unknown valuation %q (want atop, cow or binary)", s)
}

// Level returns the tie level of obligations o under v.
func (v Valuation) Level(o world.Obligations) int {
	if o == 0 {
		return 0
	}
	switch v {
	case Binary:
		return 1
	case COW:
		switch {
		case o.Has(world.Defense):
			return 3
		case o.Has(world.Neutrality), o.Has(world.Nonaggression):
			return 2
		case o.Has(world.Entente):
			return 1
		}
		return 0
	}
	switch {
	case o.Has(world.Defense), o.Has(world.Offense):
		return 3
	case o.Has(world.Neutrality), o.Has(world.Consultation):
		return 2
	case o.Has(world.Nonaggression):
		return 1
	}
	return 0
}

// Top returns the top level of v: a state's tie with itself.
func (v Valuation) Top() int {
	if v == Binary {
		return 1
	}
	return Levels - 1
}

// Delta returns the largest distance between two levels of v (3, or 1 for
// binary), the Δ of Signorino and Ritter's S.
func (v Valuation) Delta() float64 { return float64(v.Top()) }

// Ties says how a directed source (ATOP: A pledges to B) enters the
// portfolios.
type Ties uint8

const (
	// Directed: i's portfolio is row i of the directed valued matrix, i's
	// own obligations toward each member k. This is fpsim's rule and the
	// meaning of ATOP's directed data: if A pledged defense to B and B
	// only neutrality to A, A's portfolio holds 3 for B and B's holds 2
	// for A.
	Directed Ties = iota
	// Symmetric: the tie of i and k is the maximum over both directions,
	// so both portfolios hold 3 in the example above.
	Symmetric
)

var tiesNames = [...]string{Directed: "directed", Symmetric: "symmetric"}

func (t Ties) String() string {
	if int(t) < len(tiesNames) {
		return tiesNames[t]
	}
	return fmt.Sprintf("Ties(%d)", uint8(t))
}

// ParseTies returns the ties named s ("directed" or "symmetric").
func ParseTies(s string) (Ties, error) {
	for i, n := range tiesNames {
		if n == s {
			return Ties(i), nil
		}
	}
	return 0, fmt.Errorf("unknown ties %q (want directed or symmetric)", s)
}

// Portfolios holds the alliance portfolios of the n members of one
// system-year: an n×n matrix of tie levels, row i being i's portfolio,
// with each state's tie with itself at the top level, stored densely for
// lookup and as lists of nonzero ties for speed. With Symmetric ties the
// matrix is symmetric; with Directed ties it need not be. Build it with
// NewPortfolios and Tie, then read dyads with Table and Measures. A
// Portfolios is safe for concurrent reads once built.
type Portfolios struct {
	n      int
	v      Valuation
	ties   Ties
	m      []uint8   // n*n levels
	nz     [][]int32 // nonzero columns per row, built by freeze
	w      []float64 // weight per member; 0 when missing
	wTotal float64
	frozen bool
}

// NewPortfolios returns the portfolios of n members under valuation v and
// ties t with only the self-ties set.
func NewPortfolios(n int, v Valuation, t Ties) *Portfolios {
	p := &Portfolios{n: n, v: v, ties: t, m: make([]uint8, n*n)}
	top := uint8(v.Top())
	for i := range n {
		p.m[i*n+i] = top
	}
	return p
}

// Len returns the number of members.
func (p *Portfolios) Len() int { return p.n }

// Tie records obligations o of member i toward member k (positions
// 0..n-1). With Directed ties it raises i's tie toward k to the level of
// o: the level is the maximum over every call with (i, k) in that order.
// With Symmetric ties it raises the tie of the pair in both portfolios:
// the level is the maximum over every call with i and k in either order.
// Self-ties are ignored.
func (p *Portfolios) Tie(i, k int, o world.Obligations) error {
	if i < 0 || k < 0 || i >= p.n || k >= p.n {
		return fmt.Errorf("similarity: tie (%d, %d) outside 0..%d", i, k, p.n-1)
	}
	if i == k {
		return nil
	}
	l := uint8(p.v.Level(o))
	if l > p.m[i*p.n+k] {
		p.m[i*p.n+k] = l
		p.frozen = false
	}
	if p.ties == Symmetric && l > p.m[k*p.n+i] {
		p.m[k*p.n+i] = l
		p.frozen = false
	}
	return nil
}

// Level returns the tie level of i toward k.
func (p *Portfolios) Level(i, k int) int { return int(p.m[i*p.n+k]) }

// SetWeights sets member weights (CINC shares) for the weighted S. A
// missing (NaN) or negative weight drops the member from the weighted
// measure: its weight is 0. Departure from the literature: fpsim drops
// members without capability data the same way.
func (p *Portfolios) SetWeights(w []world.Value) error {
	if len(w) != p.n {
		return fmt.Errorf("similarity: %d weights for %d members", len(w), p.n)
	}
	p.w = make([]float64, p.n)
	p.wTotal = 0
	for k, v := range w {
		f := float64(v)
		if v.IsMissing() || f < 0 || math.IsInf(f, 0) {
			continue
		}
		p.w[k] = f
		p.wTotal += f
	}
	return nil
}

// Freeze builds the lists of nonzero ties. Table and Measures call it when
// needed; call it once before reading from several goroutines.
func (p *Portfolios) Freeze() {
	if p.frozen {
		return
	}
	n := p.n
	p.nz = make([][]int32, n)
	for i := range n {
		row := p.m[i*n : (i+1)*n]
		var l []int32
		for k, v := range row {
			if v != 0 {
				l = append(l, int32(k))
			}
		}
		p.nz[i] = l
	}
	p.frozen = true
}

// Table returns the unit-weight contingency table of the portfolios of
// members i and j, built from their nonzero ties with the (0,0) cell filled
// by subtraction.
func (p *Portfolios) Table(i, j int) Table {
	p.Freeze()
	var t Table
	n := p.n
	ri, rj := p.m[i*n:(i+1)*n], p.m[j*n:(j+1)*n]
	var cnt int
	for _, k := range p.nz[i] {
		t[ri[k]][rj[k]]++
		cnt++
	}
	for _, k := range p.nz[j] {
		if ri[k] == 0 {
			t[0][rj[k]]++
			cnt++
		}
	}
	t[0][0] += float64(n - cnt)
	return t
}

// WeightedTable returns the contingency table of i's and j's portfolios
// weighted by the member weights of SetWeights, and false when no weights
// are set or they sum to zero.
func (p *Portfolios) WeightedTable(i, j int) (Table, bool) {
	var t Table
	if p.w == nil || !(p.wTotal > 0) {
		return t, false
	}
	p.Freeze()
	n := p.n
	ri, rj := p.m[i*n:(i+1)*n], p.m[j*n:(j+1)*n]
	var sum float64
	for _, k := range p.nz[i] {
		t[ri[k]][rj[k]] += p.w[k]
		sum += p.w[k]
	}
	for _, k := range p.nz[j] {
		if ri[k] == 0 {
			t[0][rj[k]] += p.w[k]
			sum += p.w[k]
		}
	}
	t[0][0] += math.Max(0, p.wTotal-sum)
	return t, true
}

// Measures holds every similarity measure of one dyad.
type Measures struct {
	TauB  world.Value // Kendall's tau-b
	S     world.Value // S, absolute distance, unit weights
	SCINC world.Value // S, absolute distance, CINC weights
	SSq   world.Value // S, squared distance, unit weights
	Kappa world.Value // Cohen's kappa (Häge 2011)
	Pi    world.Value // Scott's pi (Häge 2011)
}

// Measures returns every measure of dyad (i, j), with disagreement
// weightings kappa and pi for Cohen's kappa and Scott's pi (Convention.
// Weights gives a convention's). SCINC is missing when no weights are set.
// Every measure is symmetric: Measures(i, j) equals Measures(j, i), with
// Directed ties too (the table of (j, i) is the transpose of (i, j)'s).
func (p *Portfolios) Measures(i, j int, kappa, pi Disagreement) Measures {
	t := p.Table(i, j)
	d := p.v.Delta()
	m := Measures{
		TauB:  t.TauB(),
		S:     t.S(Absolute, d),
		SSq:   t.S(Squared, d),
		Kappa: t.Kappa(kappa),
		Pi:    t.Pi(pi),
		SCINC: world.Missing(),
	}
	if wt, ok := p.WeightedTable(i, j); ok {
		m.SCINC = wt.S(Absolute, d)
	}
	return m
}
