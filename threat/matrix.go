package threat

import (
	"fmt"
	"math"
	"sort"

	"github.com/entente/entente/world"
)

// Threat is the threat one state poses to another, with its components.
// Missing values encode as JSON null.
type Threat struct {
	From      int         `json:"from"`
	FromName  string      `json:"from_name,omitempty"`
	To        int         `json:"to"`
	ToName    string      `json:"to_name,omitempty"`
	Total     world.Value `json:"total"`
	Power     world.Value `json:"power"`
	Proximity world.Value `json:"proximity"`
	Offense   world.Value `json:"offense"`
	Intent    world.Value `json:"intent"`
	// Potential, DyadicPower and DyadicOffense are the Walt composite's
	// terms (missing under the other composites): the threat j could pose
	// to i, and the shares of a contest at i's home that j's power and
	// offensive capability would bring. Tie lists the obligations binding
	// the two on the World's date (defense, offense, and the weaker
	// neutrality, nonaggression, consultation, entente).
	Potential     world.Value       `json:"potential"`
	DyadicPower   world.Value       `json:"dyadic_power"`
	DyadicOffense world.Value       `json:"dyadic_offense"`
	Tie           world.Obligations `json:"tie"`
}

// Matrix holds the threats among the states of one World. Cells are indexed
// [to*n + from], so the threats one state faces lie together.
type Matrix struct {
	Year    int
	States  []int // ccodes, in the World's order
	names   []string
	Options Options
	// IntentMeasured says whether the World carries dispute data for its
	// year or world-file hostility codings; without either, every intent is
	// missing.
	IntentMeasured bool

	power, offense []float64 // by from
	prox, intent   []float64 // [to*n+from]
	total          []float64 // [to*n+from]
	allied         []bool    // [to*n+from]: sharing an alliance in force
	pos            map[int]int
	// Walt composite (nil under the others), [to*n+from].
	potential, reach, reachOff, capab []float64
	ties                              []world.Obligations // on ReferenceDate
	allySince                         []int               // first year of a defence bond in force

}

// Compute returns the threat matrix of w under o.
//
// The threat that j poses to i is the composite of the four components
// documented in the package comment and on Options:
//
//	additive        T_ij = w1 P_j + w2 X_ij + w3 O_j + w4 I_ij
//	multiplicative  T_ij = (P_j^w1 · X_ij^w2 · O_j^w3 · I_ij^w4)^(1/Σw)
//
// (Walt 1987, ch. 2; the composite is ours). X uses the distance in
// EffectiveMiles and the gradient o.Gradient with W = o.W(w.Year). I is
// 1 − exp(−s_ij) over the decayed dispute sum s (see disputeScores), raised
// to at least the World's coded hostility (CodedHostility) and multiplied by
// o.AllyFactor when i and j share an alliance in force. The intent is
// measured when w's coverage lists dispute data that begin in or before its
// year, or when any relation codes hostility; within what is recorded, a
// dyad without disputes has intent 0.
//
// Compute returns an error only for invalid options or a nil World.
func Compute(w *world.World, o Options) (*Matrix, error) {
	if w == nil {
		return nil, fmt.Errorf("threat: nil world")
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	n := len(w.States)
	m := &Matrix{Year: w.Year, Options: o, States: make([]int, n), names: make([]string, n), pos: make(map[int]int, n)}
	for i := range w.States {
		m.States[i] = w.States[i].CCode
		m.names[i] = w.States[i].Name
		m.pos[w.States[i].CCode] = i
	}
	m.power = powerComponent(w)
	m.offense = offenseComponent(w)
	m.prox = make([]float64, n*n)
	m.intent = make([]float64, n*n)
	m.total = make([]float64, n*n)

	m.IntentMeasured = intentMeasured(w)
	var disputes []float64
	if m.IntentMeasured {
		disputes = disputeScores(w, m.pos, o)
	}
	m.allied = alliedPairs(w, m.pos)
	allied := m.allied
	m.ties, m.allySince = tiesOn(w, m.pos, ReferenceDate(w))
	coded := codedIntent(w, m.pos, o)

	W := o.W(w.Year)
	reach := W * o.ReachDays
	cinc := make([]float64, n)
	for i := range w.States {
		cinc[i] = w.States[i].Capability.CINC.Float()
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			miles := EffectiveMiles(w.RelationAt(i, j))
			for _, p := range [2][2]int{{i, j}, {j, i}} {
				to, from := p[0], p[1]
				k := to*n + from
				if o.Gradient == Boulding {
					m.prox[k] = ProximityBoulding(miles, reach)
				} else {
					m.prox[k] = ProximityBdM(cinc[from], miles, W)
				}
				in := nan
				if m.IntentMeasured {
					in = 1 - math.Exp(-disputes[k])
					if c := coded[k]; !math.IsNaN(c) && c > in {
						in = c
					}
					if allied[k] {
						in *= o.AllyFactor
					}
				}
				m.intent[k] = in
				m.total[k] = o.combine(m.power[from], m.prox[k], m.offense[from], in)
			}
		}
		k := i*n + i
		m.prox[k], m.intent[k], m.total[k] = nan, nan, nan
	}
	if o.Composite == Walt {
		m.walt(w, disputes, coded, lastDisputeYears(w, m.pos))
	}
	return m, nil
}

// combine returns the composite of the four components under o.
func (o Options) combine(p, x, off, in float64) float64 {
	c := [4]float64{p, x, off, in}
	w := [4]float64{o.Weights.Power, o.Weights.Proximity, o.Weights.Offense, o.Weights.Intent}
	all, present := 0.0, 0.0
	acc := 0.0
	if o.Composite == Multiplicative {
		acc = 1
	}
	for k := range c {
		if w[k] == 0 {
			continue
		}
		all += w[k]
		if math.IsNaN(c[k]) {
			if o.Missing == Strict {
				return nan
			}
			continue
		}
		present += w[k]
		if o.Composite == Multiplicative {
			acc *= math.Pow(c[k], w[k])
		} else {
			acc += w[k] * c[k]
		}
	}
	if present == 0 {
		return nan
	}
	if o.Composite == Multiplicative {
		return math.Pow(acc, 1/present)
	}
	return acc * all / present
}

// intentMeasured reports whether w carries dispute data for its year or
// world-file hostility codings.
func intentMeasured(w *world.World) bool {
	for _, c := range w.Coverage {
		if c.Family == world.FamilyDisputes && (c.Covered || c.From <= w.Year) {
			return true
		}
	}
	for _, r := range w.Relations {
		if r != nil && (r.Hostility.OK() || r.War || r.Rivalry || r.Territorial) {
			return true
		}
	}
	return false
}

// alliedKinds are the obligations under which two states count as allies
// for AllyFactor: any alliance, whatever its members pledged.
const alliedKinds = world.AnyObligation

// alliedPairs marks [to*n+from] for every pair allied in w.Year under
// alliedKinds (world.Alliance.AlliedPairs).
func alliedPairs(w *world.World, pos map[int]int) []bool {
	n := len(w.States)
	out := make([]bool, n*n)
	for a := range w.Alliances {
		w.Alliances[a].AlliedPairs(world.InYear(w.Year), alliedKinds, func(x, y int) {
			px, okx := pos[x]
			py, oky := pos[y]
			if okx && oky {
				out[px*n+py], out[py*n+px] = true, true
			}
		})
	}
	return out
}

// codedIntent returns the world-file hostility of each pair [to*n+from]
// (NaN where none is coded): from's hostility toward to where the file
// codes the directions apart (CodedHostilityFrom), the pair's otherwise.
func codedIntent(w *world.World, pos map[int]int, o Options) []float64 {
	n := len(w.States)
	out := make([]float64, n*n)
	for k := range out {
		out[k] = nan
	}
	for d, r := range w.Relations {
		if r == nil {
			continue
		}
		a, okA := pos[d.A]
		b, okB := pos[d.B]
		if !okA || !okB {
			continue
		}
		out[a*n+b] = CodedHostilityFrom(r, d.B, o)
		out[b*n+a] = CodedHostilityFrom(r, d.A, o)
	}
	return out
}

// AlliedAt reports whether the states at positions i and j share an
// alliance in force in the Matrix's year (the alliances whose intent
// AllyFactor lowers).
func (m *Matrix) AlliedAt(i, j int) bool { return m.allied[i*len(m.States)+j] }

// Len returns the number of states.
func (m *Matrix) Len() int { return len(m.States) }

// Has reports whether ccode is a state of the matrix.
func (m *Matrix) Has(ccode int) bool { _, ok := m.pos[ccode]; return ok }

// At returns the threat from poses to to; ok is false when either is not a
// state of the matrix or from == to.
func (m *Matrix) At(from, to int) (t Threat, ok bool) {
	j, okF := m.pos[from]
	i, okT := m.pos[to]
	if !okF || !okT || i == j {
		return Threat{}, false
	}
	return m.cell(i, j), true
}

func (m *Matrix) cell(i, j int) Threat {
	k := i*len(m.States) + j
	t := Threat{
		From: m.States[j], To: m.States[i], FromName: m.names[j], ToName: m.names[i],
		Total: world.Value(m.total[k]), Power: world.Value(m.power[j]),
		Proximity: world.Value(m.prox[k]), Offense: world.Value(m.offense[j]),
		Intent: world.Value(m.intent[k]), Tie: m.ties[k],
		Potential: world.Missing(), DyadicPower: world.Missing(), DyadicOffense: world.Missing(),
	}
	if m.potential != nil {
		t.Potential, t.DyadicPower, t.DyadicOffense = world.Value(m.potential[k]), world.Value(m.reach[k]), world.Value(m.reachOff[k])
	}
	return t
}

// TotalAt returns the total threat from the state at position j to the state
// at position i (positions in m.States), NaN on the diagonal; it does no
// bounds checking beyond the slice's.
func (m *Matrix) TotalAt(i, j int) float64 { return m.total[i*len(m.States)+j] }

// Pos returns the position of ccode in m.States, or -1.
func (m *Matrix) Pos(ccode int) int {
	if p, ok := m.pos[ccode]; ok {
		return p
	}
	return -1
}

// Faced returns the threats state to faces, largest total first (missing
// totals last, ties by ccode). It is empty when to is not in the matrix.
func (m *Matrix) Faced(to int) []Threat {
	i, ok := m.pos[to]
	if !ok {
		return nil
	}
	out := make([]Threat, 0, len(m.States)-1)
	for j := range m.States {
		if j != i {
			out = append(out, m.cell(i, j))
		}
	}
	sortThreats(out)
	return out
}

// All returns every threat in the matrix, largest total first.
func (m *Matrix) All() []Threat {
	n := len(m.States)
	out := make([]Threat, 0, n*(n-1))
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				out = append(out, m.cell(i, j))
			}
		}
	}
	sortThreats(out)
	return out
}

// TopPos returns the position of the largest present total threat faced by
// the state at position i, or -1 when no total is present and positive (a
// zero total, which the multiplicative composite gives a state without
// hostile intent, is no threat). Under the Walt composite only actual
// threats (intent > 0) count, and equal totals (states at war with i score
// alike) go to the larger potential threat. Other ties go to the smaller
// position (the smaller ccode, as a World sorts its States).
func (m *Matrix) TopPos(i int) int {
	n := len(m.States)
	best, bv := -1, 0.0
	row := m.total[i*n : (i+1)*n]
	for j, v := range row {
		if j == i || math.IsNaN(v) {
			continue
		}
		if m.potential != nil && !(m.intent[i*n+j] > 0) {
			continue // a potential threat, not an actual one
		}
		if v > bv || v == bv && best >= 0 && m.potential != nil && m.potential[i*n+j] > m.potential[i*n+best] {
			best, bv = j, v
		}
	}
	return best
}

// Top returns the largest threat state to faces; ok is false when to is not
// in the matrix or faces no threat with a present, positive total.
func (m *Matrix) Top(to int) (Threat, bool) {
	i, ok := m.pos[to]
	if !ok {
		return Threat{}, false
	}
	j := m.TopPos(i)
	if j < 0 {
		return Threat{}, false
	}
	return m.cell(i, j), true
}

func sortThreats(ts []Threat) {
	sort.SliceStable(ts, func(a, b int) bool {
		x, y := ts[a].Total, ts[b].Total
		switch {
		case x.IsMissing() && y.IsMissing():
		case x.IsMissing():
			return false
		case y.IsMissing():
			return true
		case x != y:
			return x > y
		}
		// Among equal totals (no actual threat), the larger potential first.
		if p, q := ts[a].Potential, ts[b].Potential; p.OK() && q.OK() && p != q {
			return p > q
		}
		if ts[a].To != ts[b].To {
			return ts[a].To < ts[b].To
		}
		return ts[a].From < ts[b].From
	})
}

// ComponentsAt returns the power, proximity, offense and intent of the threat
// from the state at position j to the state at position i (NaN when missing
// or i == j for the dyadic components).
func (m *Matrix) ComponentsAt(i, j int) (power, proximity, offense, intent float64) {
	k := i*len(m.States) + j
	return m.power[j], m.prox[k], m.offense[j], m.intent[k]
}
