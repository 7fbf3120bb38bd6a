// Package burden measures burden sharing in alliances: each member's
// defence burden (military expenditure as a share of GDP) against its
// economic size, the Olson–Zeckhauser test of free-riding (a positive rank
// correlation between size and burden), the exploitation gap (a member's
// share of the alliance's spending against its share of the alliance's
// GDP), the free riders, and the count of allies meeting a spending
// guideline (NATO's 2% of 2014, the Hague 5%/3.5% of 2025).
//
// The package computes from values handed to it; it reads no files. See
// docs/burden.md for the construction and how it departs from Olson &
// Zeckhauser (1966).
package burden

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/entente/entente/world"
)

// MinMembers is the fewest members with both a burden and a GDP for which
// Test computes the rank correlations.
const MinMembers = 3

// FreeRiderMargin is the margin, in percentage points of GDP, by which a
// member's burden must fall below the alliance's GDP-weighted mean burden
// for the member to be listed as a free rider. Half a point separates a
// member clearly under-contributing from rounding and definitional noise
// between sources (NATO's and SIPRI's figures for the same ally differ by
// up to a few tenths of a point).
const FreeRiderMargin = 0.5

// Permutations is the default number of random permutations of the
// one-sided permutation test.
const Permutations = 9999

// Seed is the default seed of the permutation test, so that a result can
// be reproduced exactly.
const Seed = 1966

// ErrFewMembers is returned (wrapped) when fewer than MinMembers members
// have both a burden and a GDP.
var ErrFewMembers = errors.New("fewer than 3 members with both a burden and a GDP")

// ErrConstant is returned (wrapped) when every member with data has the
// same GDP or the same burden: the rank correlations are undefined.
var ErrConstant = errors.New("GDP or burden is the same for every member: no rank correlation")

// Member is one member's data in one year: GDP (a level, any currency
// unit, the same for every member) and burden (military expenditure as a
// percentage of GDP). Either may be missing.
type Member struct {
	CCode  int
	Name   string
	GDP    world.Value
	Burden world.Value
}

// Options sets the permutation test: the number of permutations (default
// Permutations) and the seed (default Seed).
type Options struct {
	Permutations int
	Seed         uint64
}

// Row is a member's line of a Result: its data, its share (percent) of the
// alliance's total GDP and of its total military spending (members with
// both figures), the gap (spending share minus GDP share, points: positive
// carries more than its economic weight) and whether it is a free rider.
type Row struct {
	Member
	GDPShare, SpendShare, Gap world.Value
	FreeRider                 bool
}

// Result is the Olson–Zeckhauser test of one alliance in one year.
type Result struct {
	Rows []Row // every member, in the order given
	N    int   // members with both a burden and a GDP
	// Rho is Spearman's rank correlation and Tau Kendall's tau-b between
	// GDP and burden; P is the one-sided permutation p-value of Rho > 0
	// (the Olson–Zeckhauser hypothesis), (1+#{ρ* ≥ ρ})/(1+B).
	Rho, Tau, P  float64
	Permutations int
	// WeightedMean is the GDP-weighted mean burden (total spending over
	// total GDP, percent); FreeRiders lists, in the order given, the
	// members whose burden is below it by more than FreeRiderMargin.
	WeightedMean float64
	FreeRiders   []Member
}

// Test computes the Result for members. It returns an error wrapping
// ErrFewMembers when fewer than MinMembers have both figures, and an error
// when a GDP is not positive or a burden is negative.
func Test(members []Member, opt Options) (*Result, error) {
	if opt.Permutations <= 0 {
		opt.Permutations = Permutations
	}
	if opt.Seed == 0 {
		opt.Seed = Seed
	}
	var gdp, bur []float64
	var totGDP, totSpend float64
	// The permutations run over the members in ccode order, so that p does
	// not depend on the order members are given in.
	sorted := append([]Member(nil), members...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].CCode < sorted[j].CCode })
	for _, m := range sorted {
		if m.GDP.IsMissing() || m.Burden.IsMissing() {
			continue
		}
		g, b := m.GDP.Float(), m.Burden.Float()
		if g <= 0 || math.IsInf(g, 0) {
			return nil, fmt.Errorf("burden: %s: GDP %g is not a positive level", m.Name, g)
		}
		if b < 0 || math.IsInf(b, 0) {
			return nil, fmt.Errorf("burden: %s: burden %g%% is negative", m.Name, b)
		}
		gdp, bur = append(gdp, g), append(bur, b)
		totGDP += g
		totSpend += g * b / 100
	}
	if len(gdp) < MinMembers {
		return nil, fmt.Errorf("burden: %d of %d members have both figures: %w", len(gdp), len(members), ErrFewMembers)
	}
	r := &Result{N: len(gdp), Permutations: opt.Permutations, WeightedMean: 100 * totSpend / totGDP}
	rx, ry := Ranks(gdp), Ranks(bur)
	r.Rho = pearson(rx, ry)
	if math.IsNaN(r.Rho) {
		return nil, fmt.Errorf("burden: %w", ErrConstant)
	}
	r.Tau = TauB(gdp, bur)
	r.P = permutationP(rx, ry, r.Rho, opt)
	for _, m := range members {
		row := Row{Member: m, GDPShare: world.Missing(), SpendShare: world.Missing(), Gap: world.Missing()}
		if !m.GDP.IsMissing() && !m.Burden.IsMissing() {
			g, b := m.GDP.Float(), m.Burden.Float()
			gs, ss := 100*g/totGDP, 100*g*b/100/totSpend
			row.GDPShare, row.SpendShare, row.Gap = world.Known(gs), world.Known(ss), world.Known(ss-gs)
			if b < r.WeightedMean-FreeRiderMargin {
				row.FreeRider = true
				r.FreeRiders = append(r.FreeRiders, m)
			}
		}
		r.Rows = append(r.Rows, row)
	}
	return r, nil
}

// Spearman returns Spearman's rank correlation of x and y (average ranks
// for ties): NaN when either is constant.
func Spearman(x, y []float64) float64 { return pearson(Ranks(x), Ranks(y)) }

// Ranks returns the ranks (1-based) of x, ties given their average rank.
func Ranks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = avg
		}
		i = j + 1
	}
	return r
}

func pearson(x, y []float64) float64 {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx, my = mx/n, my/n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	return sxy / math.Sqrt(sxx*syy)
}

// TauB returns Kendall's tau-b of x and y (as R's cor(method = "kendall")).
func TauB(x, y []float64) float64 {
	var conc, disc, tx, ty float64
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			dx, dy := sign(x[i]-x[j]), sign(y[i]-y[j])
			switch {
			case dx == 0 && dy == 0:
			case dx == 0:
				tx++
			case dy == 0:
				ty++
			case dx == dy:
				conc++
			default:
				disc++
			}
		}
	}
	return (conc - disc) / math.Sqrt((conc+disc+tx)*(conc+disc+ty))
}

func sign(v float64) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// permutationP is the one-sided p-value of rho: the share of random
// permutations of ry whose correlation with rx reaches rho, counting the
// observed order once. A constant series (rho NaN) has p = 1.
func permutationP(rx, ry []float64, rho float64, opt Options) float64 {
	if math.IsNaN(rho) {
		return 1
	}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	perm := append([]float64(nil), ry...)
	hit := 0
	const eps = 1e-12
	for b := 0; b < opt.Permutations; b++ {
		rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		if pearson(rx, perm) >= rho-eps {
			hit++
		}
	}
	return float64(1+hit) / float64(1+opt.Permutations)
}
