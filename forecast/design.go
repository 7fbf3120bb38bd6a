package forecast

import (
	"context"
	"fmt"
	"math"

	"github.com/entente/entente/similarity"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// Loader returns the World of a year.
type Loader func(year int) (*world.World, error)

// Year holds the dyads at risk in one outcome year t: every non-directed
// pair of states that are system members in both t−1 and t and were not
// allied under the kind in t−1, their features measured on the World of
// t−1 (column-major, Cols[k][row], NaN when missing), and whether they
// formed an alliance of the kind in t.
type Year struct {
	Year     int
	A, B     []int // ccodes, A < B
	Cols     [][]float64
	Y        []bool
	Relevant []bool // contiguous (COW types 1–5) or with a major power, in t−1
	// Treaty and TreatySize name, for each dyad that formed, the alliance
	// of year t that allied it (the one whose two spells began last) and
	// its number of members in t; "" and 0 for the others.
	Treaty     []string
	TreatySize []int
}

// Rows returns the number of dyads.
func (y *Year) Rows() int { return len(y.Y) }

// Design is the dyad-year design of one outcome kind: the outcome years
// in order.
type Design struct {
	Kind  Kind
	Years []*Year
}

// Span returns the first and last outcome year of d, or 0, 0 when empty.
func (d *Design) Span() (first, last int) {
	if len(d.Years) == 0 {
		return 0, 0
	}
	return d.Years[0].Year, d.Years[len(d.Years)-1].Year
}

// Find returns the Year of outcome year t, or nil.
func (d *Design) Find(t int) *Year {
	for _, y := range d.Years {
		if y.Year == t {
			return y
		}
	}
	return nil
}

// Carry is what features remember across years: for each kind, the last
// year each dyad was allied under it. It holds only Worlds already seen,
// so the features of t−1 never read year t or later.
type Carry struct {
	last      map[Kind]map[world.Dyad]int
	cur, prev map[Kind]map[world.Dyad]bool // allied in upTo and in the World before
	// held and heldAny: allied under the kind, and under any obligation
	// of its source, in the last World recorded inside the source's
	// coverage (what a world file beyond it carries forward).
	held, heldAny map[Kind]map[world.Dyad]bool
	entered       map[int]int // first World year each ccode was seen
	upTo          int         // the last World year recorded
}

// NewCarry returns an empty Carry.
func NewCarry() *Carry {
	return &Carry{last: map[Kind]map[world.Dyad]int{}, cur: map[Kind]map[world.Dyad]bool{},
		prev: map[Kind]map[world.Dyad]bool{}, held: map[Kind]map[world.Dyad]bool{}, heldAny: map[Kind]map[world.Dyad]bool{}, entered: map[int]int{}}
}

// UpTo returns the last World year recorded (0 when none).
func (c *Carry) UpTo() int { return c.upTo }

// Record adds the alliances of w (its year) to c.
func (c *Carry) Record(w *world.World) {
	for _, k := range Kinds {
		m := c.last[k]
		if m == nil {
			m = map[world.Dyad]int{}
			c.last[k] = m
		}
		now := allied(w, k, k.obligations())
		for d := range now {
			m[d] = w.Year
		}
		c.prev[k], c.cur[k] = c.cur[k], now
		if w.Covered(k.family()) {
			c.held[k], c.heldAny[k] = now, now
			if k.obligations() != world.AnyObligation {
				c.heldAny[k] = allied(w, k, world.AnyObligation)
			}
		}
	}
	for _, s := range w.States {
		if _, ok := c.entered[s.CCode]; !ok {
			c.entered[s.CCode] = w.Year
		}
	}
	c.upTo = max(c.upTo, w.Year)
}

func allied(w *world.World, k Kind, kinds world.Obligations) map[world.Dyad]bool {
	return w.AlliedDyads(world.InYear(w.Year), kinds, k.keeps)
}

// Build returns the designs of kinds for outcome years first..last, reading
// the Worlds of first−1..last from load once each. A kind's year t is kept
// when the Worlds of t−1 and t both lie inside the coverage of its source;
// the past-alliance features remember every World read from first−1 on,
// so first should be the first year the data allow. It also returns the
// Carry of every World read (through last), with which Features of the
// World of last, or of a later world file, can be computed. ctx cancels
// between years.
func Build(ctx context.Context, load Loader, kinds []Kind, first, last int) (map[Kind]*Design, *Carry, error) {
	if first > last {
		return nil, nil, fmt.Errorf("forecast: outcome years %d..%d: empty range", first, last)
	}
	out := map[Kind]*Design{}
	for _, k := range kinds {
		out[k] = &Design{Kind: k}
	}
	carry := NewCarry()
	var prev *Context
	for y := first - 1; y <= last; y++ {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		w, err := load(y)
		if err != nil {
			return nil, nil, fmt.Errorf("forecast: world %d: %w", y, err)
		}
		if prev != nil {
			for _, k := range kinds {
				if !prev.World.Covered(k.family()) || !w.Covered(k.family()) {
					continue
				}
				yr, err := prev.Features(k, carry)
				if err != nil {
					return nil, nil, err
				}
				yr.label(k, w)
				out[k].Years = append(out[k].Years, yr)
			}
		}
		carry.Record(w)
		if prev, err = NewContext(w); err != nil {
			return nil, nil, err
		}
	}
	return out, carry, nil
}

// Context holds what the features of one World need, computed once and
// shared by every kind: the threat matrix and its top threats, rivalries,
// and dispute sides of the last ten years.
type Context struct {
	World    *world.World
	n        int
	cinc     []float64
	major    []bool
	polity   []float64
	gdp      []float64
	tot      []float64 // threat k poses to i at [i*n+k]; NaN when unmeasured
	top      []int
	rival    []bool // [i*n+j]
	enemy    []bool // opposite sides of a MID begun in the last ten years
	together []bool // same side
	threatOK bool
	common   []float64 // commonThreat, computed on first use
}

// commonThreat returns max over third states k of min(T_ik, T_jk), NaN
// when no pair of threats is measured. The table is computed once per
// Context, for every pair (i < j).
func (c *Context) commonThreat(i, j int) float64 {
	n := c.n
	if c.common == nil {
		c.common = make([]float64, n*n)
		for a := 0; a < n; a++ {
			ra := c.tot[a*n : a*n+n]
			for b := a + 1; b < n; b++ {
				rb := c.tot[b*n : b*n+n]
				best, ok := 0.0, false
				for q, x := range ra {
					y := rb[q]
					if q == a || q == b || x != x || y != y {
						continue
					}
					if y < x {
						x = y
					}
					if !ok || x > best {
						best, ok = x, true
					}
				}
				if !ok {
					best = math.NaN()
				}
				c.common[a*n+b] = best
			}
		}
	}
	return c.common[i*n+j]
}

// NewContext computes the Context of w under the default threat model. It
// does not modify w, which may be shared; w should be indexed
// (World.Index, as history and world files build it) for speed.
func NewContext(w *world.World) (*Context, error) {
	n := len(w.States)
	c := &Context{World: w, n: n, cinc: make([]float64, n), major: make([]bool, n),
		polity: make([]float64, n), gdp: make([]float64, n), top: make([]int, n),
		rival: make([]bool, n*n), enemy: make([]bool, n*n), together: make([]bool, n*n)}
	for i, s := range w.States {
		c.cinc[i] = s.Capability.CINC.Float()
		c.major[i] = s.Major
		c.polity[i] = s.Democracy.Polity2.Float()
		c.gdp[i] = s.GDP2011USD.Float()
	}
	c.tot = make([]float64, n*n)
	for i := range c.tot {
		c.tot[i] = math.NaN()
	}
	for i := range c.top {
		c.top[i] = -1
	}
	if w.Covered(world.FamilyCapabilities) || len(w.Relations) > 0 {
		m, err := threat.Compute(w, threat.DefaultOptions())
		if err != nil {
			return nil, fmt.Errorf("forecast: threat matrix %d: %w", w.Year, err)
		}
		c.threatOK = true
		for i := 0; i < n; i++ {
			c.top[i] = m.TopPos(i)
			for k := 0; k < n; k++ {
				if k != i {
					c.tot[i*n+k] = m.TotalAt(i, k)
				}
			}
		}
	}
	for _, r := range w.Rivalries {
		a, b := w.Pos(r.A), w.Pos(r.B)
		if a >= 0 && b >= 0 && r.InForce(w.Year) {
			c.rival[a*n+b], c.rival[b*n+a] = true, true
		}
	}
	c.disputes(w)
	return c, nil
}

// disputes marks the pairs on opposite and on the same sides of a MID
// that began in the ten years up to w.Year.
func (c *Context) disputes(w *world.World) {
	type side struct{ a, b []int }
	by := map[int]*side{}
	for _, d := range w.Disputes {
		if d.Start.Year < w.Year-9 || d.Start.Year > w.Year {
			continue
		}
		p := w.Pos(d.CCode)
		if p < 0 {
			continue
		}
		s := by[d.ID]
		if s == nil {
			s = &side{}
			by[d.ID] = s
		}
		if d.SideA {
			s.a = append(s.a, p)
		} else {
			s.b = append(s.b, p)
		}
	}
	n := c.n
	mark := func(m []bool, xs, ys []int) {
		for _, x := range xs {
			for _, y := range ys {
				if x != y {
					m[x*n+y], m[y*n+x] = true, true
				}
			}
		}
	}
	for _, s := range by {
		mark(c.enemy, s.a, s.b)
		mark(c.together, s.a, s.a)
		mark(c.together, s.b, s.b)
	}
}

// Features returns the dyads at risk of kind k in the year after c's
// World, with their features, unlabelled (Y all false): pairs of c's
// states not allied under k in c's year. carry must hold no World after
// c's year.
func (c *Context) Features(k Kind, carry *Carry) (*Year, error) {
	w, n := c.World, c.n
	if carry.upTo > w.Year {
		return nil, fmt.Errorf("forecast: features of %d with alliances remembered through %d", w.Year, carry.upTo)
	}
	adjK := make([]bool, n*n)   // allied under k
	adjAny := make([]bool, n*n) // allied under any obligation of the source
	set := func(m []bool, ds map[world.Dyad]bool) {
		for d := range ds {
			a, b := w.Pos(d.A), w.Pos(d.B)
			if a >= 0 && b >= 0 {
				m[a*n+b], m[b*n+a] = true, true
			}
		}
	}
	set(adjK, allied(w, k, k.obligations()))
	set(adjAny, allied(w, k, world.AnyObligation))
	if c.carriesForward(k, carry) {
		set(adjK, carry.held[k])
		set(adjAny, carry.heldAny[k])
	}
	deg := make([]int, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if adjAny[i*n+j] {
				deg[i]++
			}
		}
	}
	port := c.portfolios(k)
	recent := make([]int, n)
	if carry.upTo == w.Year && carry.prev[k] != nil {
		for d := range carry.cur[k] {
			if !carry.prev[k][d] {
				if a := w.Pos(d.A); a >= 0 {
					recent[a]++
				}
				if b := w.Pos(d.B); b >= 0 {
					recent[b]++
				}
			}
		}
	}
	last := carry.last[k]
	yr := &Year{Year: w.Year + 1, Cols: make([][]float64, len(Features))}
	size := n * (n - 1) / 2
	yr.A, yr.B, yr.Relevant = make([]int, 0, size), make([]int, 0, size), make([]bool, 0, size)
	for f := range yr.Cols {
		yr.Cols[f] = make([]float64, 0, size)
	}
	nan := math.NaN()
	row := make([]float64, len(Features))
	contigOK := w.Covered(world.FamilyContiguity)
	tradeOK, igoOK := w.Covered(world.FamilyTrade), w.Covered(world.FamilyIGO)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if adjK[i*n+j] {
				continue
			}
			a, b := w.States[i].CCode, w.States[j].CCode
			r := w.RelationAt(i, j)
			for f := range row {
				row[f] = nan
			}
			// power
			ci, cj := c.cinc[i], c.cinc[j]
			if ci > 0 && cj > 0 {
				row[0] = math.Abs(math.Log(ci) - math.Log(cj))
				row[1] = math.Log(ci + cj)
			}
			row[2] = b2f(c.major[i] != c.major[j])
			row[3] = b2f(c.major[i] && c.major[j])
			// threat
			if c.threatOK {
				row[4] = b2f(c.top[i] >= 0 && c.top[i] == c.top[j])
				row[5] = b2f(c.top[i] == j || c.top[j] == i)
				row[6] = nanMax(c.tot[i*n+j], c.tot[j*n+i])
				row[7] = c.commonThreat(i, j)
			}
			// geography
			if contigOK && r.Contiguity != world.ContiguityMissing {
				row[8] = b2f(r.Contiguity == 1)
				row[9] = b2f(r.Contiguity >= 2 && r.Contiguity <= 5)
			}
			if r.CapDistKm.OK() {
				row[10] = math.Log1p(r.CapDistKm.Float())
			}
			row[11] = b2f(region(a) == region(b))
			// interests
			if tradeOK && r.ImportsAB.OK() && r.ImportsBA.OK() {
				t := r.ImportsAB.Float() + r.ImportsBA.Float()
				row[12] = math.Log1p(t)
				if g := math.Min(c.gdp[i], c.gdp[j]); g > 0 {
					row[13] = math.Log1p(100 * t * 1e6 / g)
				}
			}
			if igoOK && r.SharedIGOs.OK() {
				row[14] = r.SharedIGOs.Float()
			}
			t := port.Table(i, j)
			row[15] = t.S(similarity.Absolute, k.valuation().Delta()).Float()
			// domestic
			if pi, pj := c.polity[i], c.polity[j]; !math.IsNaN(pi) && !math.IsNaN(pj) {
				row[16] = b2f(pi >= 6 && pj >= 6)
				row[17] = b2f(pi <= -6 && pj <= -6)
				row[18] = math.Abs(pi - pj)
			}
			// identity
			row[19] = b2f(c.rival[i*n+j])
			shared, enemies := 0, 0
			common := 0.0
			for q := 0; q < n; q++ {
				if c.rival[i*n+q] && c.rival[j*n+q] {
					shared++
				}
				if c.enemy[i*n+q] && c.enemy[j*n+q] {
					enemies++
				}
				if adjAny[i*n+q] && adjAny[j*n+q] {
					common++
				}
			}
			row[20] = float64(shared)
			row[21] = float64(enemies)
			row[22] = b2f(c.together[i*n+j])
			row[23], row[24] = 0, 0
			if ly, ok := last[world.Dyad{A: a, B: b}]; ok && ly < w.Year {
				row[23] = 1
				row[24] = math.Exp(-float64(w.Year-ly) / 10)
			}
			ea, eb := carry.entered[a], carry.entered[b]
			row[25] = math.Log1p(float64(w.Year - max(ea, eb)))
			row[26] = b2f(adjAny[i*n+j])
			// network
			row[27] = 0
			if d := min(deg[i], deg[j]); d > 0 {
				row[27] = common / float64(d)
			}
			row[28] = math.Log1p(float64(deg[i] + deg[j]))
			row[29] = math.Log1p(float64(recent[i] + recent[j]))

			yr.A = append(yr.A, a)
			yr.B = append(yr.B, b)
			for f, v := range row {
				yr.Cols[f] = append(yr.Cols[f], v)
			}
			yr.Relevant = append(yr.Relevant, (r.Contiguity >= 1 && r.Contiguity <= 5) || c.major[i] || c.major[j])
		}
	}
	yr.Y = make([]bool, len(yr.A))
	yr.Treaty = make([]string, len(yr.A))
	yr.TreatySize = make([]int, len(yr.A))
	return yr, nil
}

// carriesForward reports whether the Features of c's World under k take
// the alliances of carry's last World as still in force: c's World lies
// outside the coverage of k's source (a world file, which codes only the
// treaties its authors chose) and carry ends before it. The source's
// pacts of its last year covered then stand beside the World's own, so that
// a dyad allied under the source (say under the CSCE's non-aggression
// pledge, which ATOP codes and a world file need not) is not at risk, and
// the network counts read the alliances on the scale they were learnt on.
func (c *Context) carriesForward(k Kind, carry *Carry) bool {
	return !c.World.Covered(k.family()) && carry.upTo > 0 && carry.upTo < c.World.Year && carry.held[k] != nil
}

// portfolios returns the alliance portfolios of c's states under k's
// source: each member's own pledges toward the other members of each
// alliance in force (fpsim's directed rule), valued as the source is.
func (c *Context) portfolios(k Kind) *similarity.Portfolios {
	w := c.World
	p := similarity.NewPortfolios(c.n, k.valuation(), similarity.Directed)
	for ai := range w.Alliances {
		al := &w.Alliances[ai]
		if !k.keeps(al) {
			continue
		}
		for _, m := range al.Members {
			if !m.Spell.Overlaps(w.Year) {
				continue
			}
			o := m.Obligations
			if o == 0 {
				o = al.Obligations
			}
			i := w.Pos(m.CCode)
			if i < 0 {
				continue
			}
			for _, q := range al.Members {
				if q.CCode == m.CCode || !q.Spell.Overlaps(w.Year) {
					continue
				}
				if j := w.Pos(q.CCode); j >= 0 {
					_ = p.Tie(i, j, o) // positions are in range
				}
			}
		}
	}
	p.Freeze()
	return p
}

// label sets the outcomes of y from the World of its year: a dyad formed
// an alliance of kind k when both are members of w and allied under k in
// w's year. Dyads of which a state left the system are dropped.
func (y *Year) label(k Kind, w *world.World) {
	now := allied(w, k, k.obligations())
	keep := 0
	for r := range y.A {
		if w.Pos(y.A[r]) < 0 || w.Pos(y.B[r]) < 0 {
			continue
		}
		y.A[keep], y.B[keep], y.Relevant[keep] = y.A[r], y.B[r], y.Relevant[r]
		for f := range y.Cols {
			y.Cols[f][keep] = y.Cols[f][r]
		}
		y.Y[keep] = now[world.Dyad{A: y.A[r], B: y.B[r]}]
		y.Treaty[keep], y.TreatySize[keep] = "", 0
		if y.Y[keep] {
			y.Treaty[keep], y.TreatySize[keep] = treatyOf(w, k, y.A[r], y.B[r])
		}
		keep++
	}
	y.A, y.B, y.Y, y.Relevant = y.A[:keep], y.B[:keep], y.Y[:keep], y.Relevant[:keep]
	y.Treaty, y.TreatySize = y.Treaty[:keep], y.TreatySize[:keep]
	for f := range y.Cols {
		y.Cols[f] = y.Cols[f][:keep]
	}
}

// treatyOf returns the alliance of w that allies a and b under k whose
// two membership spells began last, and its members in w's year.
func treatyOf(w *world.World, k Kind, a, b int) (string, int) {
	best, size := "", 0
	var bestStart world.Date
	for _, al := range w.AlliancesOf(a, b, world.InYear(w.Year), k.obligations()) {
		if !k.keeps(al) {
			continue
		}
		var start world.Date
		for _, m := range al.Members {
			if (m.CCode == a || m.CCode == b) && m.Spell.Overlaps(w.Year) && start.Before(m.Spell.Start) {
				start = m.Spell.Start
			}
		}
		if best == "" || bestStart.Before(start) {
			best, bestStart, size = al.ID, start, len(al.MembersIn(w.Year))
		}
	}
	return best, size
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// nanMax is the larger of a and b, ignoring NaN.
func nanMax(a, b float64) float64 {
	switch {
	case math.IsNaN(a):
		return b
	case math.IsNaN(b):
		return a
	}
	return math.Max(a, b)
}

// region returns the COW region of a ccode: 1 the Americas (2–165),
// 2 Europe (200–395), 3 Africa (402–626), 4 the Middle East (630–698),
// 5 Asia and Oceania (700–990).
func region(ccode int) int {
	switch {
	case ccode < 200:
		return 1
	case ccode < 400:
		return 2
	case ccode < 630:
		return 3
	case ccode < 700:
		return 4
	}
	return 5
}
