package panel

import (
	"math"

	"github.com/entente/entente/history"
	"github.com/entente/entente/similarity"
	"github.com/entente/entente/world"
)

// yearCtx is one year of a panel: its members, the rows to write (as
// positions in members) and the dense matrices of the dyad-year sources,
// built only for the sources the selected variables need. The state-year
// slices (major, caps, capitals) are history's, aligned with members.
type yearCtx struct {
	h       *history.History
	opt     *Options
	year    int
	members []int
	n       int
	pos     [1000]int16 // position of a ccode in members, or -1

	p1, p2 []int16 // rows: positions of ccode1 and ccode2 (p2 unused for states)

	major    []bool
	caps     []world.Capability // per member; components missing when unknown
	capitals []world.Capital    // per member; coordinates missing when unknown
	cowSet   []world.Obligations
	cowUnk   []world.Obligations
	atop     []world.Obligations
	cont     []int8
	mindist  []float64
	gmlOn    []bool
	gmlOng   []bool
	gmlHost  []int8
	sim      []similarity.Measures // by row
}

func newYearCtx(h *history.History, opt *Options, year int, need need) *yearCtx {
	yc := &yearCtx{h: h, opt: opt, year: year, members: h.Members(year)}
	yc.n = len(yc.members)
	for i := range yc.pos {
		yc.pos[i] = -1
	}
	for i, c := range yc.members {
		yc.pos[c] = int16(i)
	}
	n := yc.n
	if need&needMajors != 0 {
		yc.major = h.Majors(year)
	}
	if need&needNMC != 0 {
		yc.caps = h.Capabilities(year)
	}
	if need&needCOW != 0 && h.COW().Covers(year) {
		yc.cowSet = make([]world.Obligations, n*n)
		yc.cowUnk = make([]world.Obligations, n*n)
		const four = world.Obligations(world.Defense | world.Neutrality | world.Nonaggression | world.Entente)
		h.COWDyadsIn(year, func(a, b int, pledged, known world.Obligations) {
			if k := yc.cell(a, b); k >= 0 {
				yc.cowSet[k] |= pledged
				yc.cowUnk[k] |= four &^ known
			}
		})
	}
	if t := h.ATOP(); need&needATOP != 0 && t.Covers(year) {
		yc.atop = make([]world.Obligations, n*n)
		keys, vals := t.Year(year)
		for i, k := range keys {
			if c := yc.cell(k.A(), k.B()); c >= 0 {
				yc.atop[c] = vals[i]
			}
		}
	}
	if t := h.Contiguity(); need&needContiguity != 0 && t.Covers(year) {
		// Undirected: one row per dyad, the lowest type when contdird
		// lists two for the year (58 directed dyad-years in v3.2).
		yc.cont = make([]int8, n*n)
		keys, vals := t.Year(year)
		for i, k := range keys {
			if c := yc.cell(k.A(), k.B()); c >= 0 {
				yc.cont[c] = vals[i]
				yc.cont[yc.cell(k.B(), k.A())] = vals[i]
			}
		}
	}
	if t := h.MinDist(); need&needMinDist != 0 && t.Covers(year) {
		yc.mindist = make([]float64, n*n)
		for k := range yc.mindist {
			yc.mindist[k] = math.NaN()
		}
		keys, vals := t.Year(year)
		for i, k := range keys {
			if c := yc.cell(k.A(), k.B()); c >= 0 {
				yc.mindist[c] = vals[i]
				yc.mindist[yc.cell(k.B(), k.A())] = vals[i]
			}
		}
	}
	if t := h.GMLDisputes(); need&needGML != 0 && t.Covers(year) {
		yc.gmlOn, yc.gmlOng, yc.gmlHost = make([]bool, n*n), make([]bool, n*n), make([]int8, n*n)
		keys, vals := t.Year(year)
		for i, k := range keys {
			ab := yc.cell(k.A(), k.B())
			if ab < 0 {
				continue
			}
			ba := yc.cell(k.B(), k.A())
			v := &vals[i]
			yc.gmlOn[ab] = v.Onsets > 0
			yc.gmlOng[ab] = v.Disputes > 0
			// The highest level either state reached: history keeps the
			// first state's, so take both directions.
			yc.gmlHost[ab] = max(yc.gmlHost[ab], v.HostLev)
			yc.gmlHost[ba] = max(yc.gmlHost[ba], v.HostLev)
		}
	}
	if need&needCapitals != 0 && year >= CapitalsFrom && year <= CapitalsTo {
		yc.capitals = h.Capitals(year)
	}
	return yc
}

// cell returns the index of the directed dyad (c1, c2) in the n×n
// matrices, or -1 when either is not a member this year.
func (yc *yearCtx) cell(c1, c2 int) int {
	if c1 < 0 || c2 < 0 || c1 >= len(yc.pos) || c2 >= len(yc.pos) {
		return -1
	}
	i, j := yc.pos[c1], yc.pos[c2]
	if i < 0 || j < 0 {
		return -1
	}
	return int(i)*yc.n + int(j)
}

// dyadRows sets the rows of a dyad-year panel: every ordered pair of
// members (or, non-directed, every pair with ccode1 < ccode2) that
// coexisted within the year (unless KeepApart) and passes the filter,
// ordered by ccode1 then ccode2.
func (yc *yearCtx) dyadRows() {
	n := yc.n
	rows := n * (n - 1)
	if yc.opt.Nondirected {
		rows /= 2
	}
	if yc.opt.Filter != All {
		rows = 0
	}
	var apart []history.DyadKey
	if !yc.opt.KeepApart {
		apart = yc.h.NeverCoexisted(yc.year)
	}
	yc.p1, yc.p2 = make([]int16, 0, rows), make([]int16, 0, rows)
	for i := range n {
		for j := range n {
			if i == j || (yc.opt.Nondirected && j < i) {
				continue
			}
			if !yc.keep(i, j) {
				continue
			}
			if apart != nil && !yc.h.Coexisted(yc.year, yc.members[i], yc.members[j]) {
				continue
			}
			yc.p1 = append(yc.p1, int16(i))
			yc.p2 = append(yc.p2, int16(j))
		}
	}
}

func (yc *yearCtx) keep(i, j int) bool {
	f := yc.opt.Filter
	if f == All {
		return true
	}
	maj := yc.major[i] || yc.major[j]
	cont := yc.cont != nil && (yc.cont[i*yc.n+j] > 0 || yc.cont[j*yc.n+i] > 0)
	switch f {
	case Relevant:
		return maj || cont
	case Contiguous:
		return cont
	case Major:
		return maj
	}
	return true
}

// computeSimilarity builds the alliance portfolios of the year's members
// (all of them, including members that never coexisted with one of the
// dyad) under the chosen valuation, ties and convention, and computes the
// similarity measures of every row. Row i of the directed obligation
// matrix is i's obligations toward each member, so Tie(i, k) with Directed
// ties gives fpsim's portfolios.
// The measures stay missing outside the valuation's source coverage.
func (yc *yearCtx) computeSimilarity() {
	rows := len(yc.p1)
	yc.sim = make([]similarity.Measures, rows)
	missing := similarity.Measures{TauB: world.Missing(), S: world.Missing(), SCINC: world.Missing(),
		SSq: world.Missing(), Kappa: world.Missing(), Pi: world.Missing()}
	var ties []world.Obligations
	if yc.opt.Valuation == similarity.COW {
		ties = yc.cowSet
	} else {
		ties = yc.atop
	}
	if ties == nil {
		for r := range yc.sim {
			yc.sim[r] = missing
		}
		return
	}
	n := yc.n
	p := similarity.NewPortfolios(n, yc.opt.Valuation, yc.opt.Convention.Ties(yc.opt.Ties))
	for i := range n {
		for k := range n {
			if o := ties[i*n+k]; o != 0 {
				p.Tie(i, k, o) // positions are in range: cannot fail
			}
		}
	}
	if yc.caps != nil {
		w := make([]world.Value, n)
		for i := range n {
			w[i] = yc.caps[i].CINC
		}
		p.SetWeights(w)
	}
	p.Freeze()
	kappa, pi := yc.opt.Convention.Weights(yc.opt.Disagreement)
	// Measures are symmetric: compute each unordered dyad once.
	var done []int32
	if !yc.opt.Nondirected {
		done = make([]int32, n*n)
	}
	for r := range rows {
		i, j := int(yc.p1[r]), int(yc.p2[r])
		if j < i {
			i, j = j, i
		}
		if done != nil {
			if k := done[i*n+j]; k > 0 {
				yc.sim[r] = yc.sim[k-1]
				continue
			}
			done[i*n+j] = int32(r + 1)
		}
		yc.sim[r] = p.Measures(i, j, kappa, pi)
	}
}
