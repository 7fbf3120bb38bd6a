package dilemma

import (
	"math"
	"sort"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/reliability"
	"github.com/entente/entente/world"
)

// Chain-ganging and buck-passing (Christensen & Snyder 1990, "Chain Gangs
// and Passed Bucks", International Organization 44(2): 137–168): under
// multipolarity, when offence is believed to dominate, allies chain
// themselves to reckless partners (1914); when defence is believed to
// dominate, they pass the buck (1938–39). The claim is qualitative; the
// measure here is ours.
//
// A case is a state i at war (COW inter-state war) or in a militarized
// dispute (MIDB) against a major power, and one major-power ally A of i:
// a defence or offence pledge binding i and A in an ATOP alliance in
// force the day before i entered (so that alliances made during the war do
// not count), A not on the other side then. A chain-gangs when it joins
// on i's side (within JoinWindowDays of i's entry in a war; at any time in
// a dispute), and passes the buck otherwise.

// JoinWindowDays is how soon after a belligerent's entry its ally must
// enter a war on its side to count as joining.
const JoinWindowDays = 365

// Case is one major-power ally's choice when its ally faced a major power.
type Case struct {
	Kind     string     `json:"kind"` // "war" or "mid"
	ID       int        `json:"id"`   // COW war number or MID dispnum
	Name     string     `json:"name,omitempty"`
	Date     world.Date `json:"date"`     // the ally's partner's entry
	State    int        `json:"ccode"`    // the state facing a major power
	Opponent int        `json:"opponent"` // the strongest major on the other side
	Ally     int        `json:"ally"`
	Joined   bool       `json:"joined"`
}

// ChainInputs are the data Cases reads.
type ChainInputs struct {
	Wars     []world.War
	Disputes []world.Dispute
	// Allied reports whether a and b were bound by a defence or offence
	// pledge on date d (ATOPAllies).
	Allied func(d world.Date, a, b int) bool
	// Majors returns the major powers of year y.
	Majors func(y int) []int
	// CINC returns c's CINC in year y (NaN when missing), to name the
	// strongest opponent.
	CINC func(y, c int) float64
	// Poles returns the number of poles of year y (Poles).
	Poles func(y int) int
}

// ATOPAllies returns ChainInputs.Allied from the ATOP v4 member rows: a
// and b share an alliance with both membership spells covering d and a
// pledge of a kind in kinds by either.
func ATOPAllies(rows []atop.Member, kinds world.Obligations) func(d world.Date, a, b int) bool {
	type spell struct {
		id          int
		entry, exit world.Date
		o           world.Obligations
	}
	by := map[int][]spell{}
	for _, r := range rows {
		by[r.CCode] = append(by[r.CCode], spell{r.ATOPID, r.Entry, r.Exit, r.Obligations})
	}
	covers := func(s spell, d world.Date) bool {
		return !d.Before(s.entry) && (s.exit.IsZero() || !s.exit.Before(d))
	}
	return func(d world.Date, a, b int) bool {
		for _, x := range by[a] {
			if !covers(x, d) {
				continue
			}
			for _, y := range by[b] {
				if y.id == x.id && covers(y, d) && (x.o|y.o)&kinds != 0 {
					return true
				}
			}
		}
		return false
	}
}

// dayBefore returns d moved one day back (an unknown day stays unknown,
// read as the first of the month).
func dayBefore(d world.Date) world.Date {
	if d.Day > 1 {
		d.Day--
		return d
	}
	if d.Day == 1 {
		d.Day = 0
	}
	return d
}

// Cases returns the chain-ganging cases of in, wars first, by date.
func Cases(in ChainInputs) []Case {
	var out []Case
	for wi := range in.Wars {
		out = append(out, warCases(&in.Wars[wi], in)...)
	}
	out = append(out, midCases(in)...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind > out[j].Kind // war before mid
		}
		return out[i].Date.Before(out[j].Date)
	})
	return out
}

func (in ChainInputs) strongest(y int, cs []int) int {
	best, bc := 0, -1.0
	for _, c := range cs {
		if v := in.CINC(y, c); !math.IsNaN(v) && v > bc || best == 0 {
			best, bc = c, v
		}
	}
	return best
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func warCases(w *world.War, in ChainInputs) []Case {
	var out []Case
	seen := map[int]bool{}
	for s := range w.Sides {
		for _, p := range w.Sides[s] {
			if seen[p.State] {
				continue
			}
			seen[p.State] = true
			y := p.Entered.Year
			majors := in.Majors(y)
			// The majors fighting on the other side when p entered.
			var opp []int
			for _, q := range w.Sides[1-s] {
				if contains(majors, q.State) && !p.Entered.Before(q.Entered) && !q.Left.Before(p.Entered) {
					opp = append(opp, q.State)
				}
			}
			if len(opp) == 0 {
				continue
			}
			d := dayBefore(p.Entered)
			for _, a := range majors {
				if a == p.State || contains(opp, a) || !in.Allied(d, p.State, a) {
					continue
				}
				c := Case{Kind: "war", ID: w.ID, Name: w.Name, Date: p.Entered, State: p.State, Opponent: in.strongest(y, opp), Ally: a}
				for _, q := range w.Sides[s] {
					if q.State == a && days(p.Entered, q.Entered) <= JoinWindowDays {
						c.Joined = true
					}
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// days returns the days from a to b (negative when b is earlier), an
// unknown day or month taken as the first.
func days(a, b world.Date) int {
	n := func(d world.Date) int {
		m, dd := d.Month, d.Day
		if m == 0 {
			m = 1
		}
		if dd == 0 {
			dd = 1
		}
		return d.Year*372 + (m-1)*31 + dd // ordering and spans to within a few days
	}
	return n(b) - n(a)
}

func midCases(in ChainInputs) []Case {
	by := map[int][]world.Dispute{}
	var ids []int
	for _, d := range in.Disputes {
		if _, ok := by[d.ID]; !ok {
			ids = append(ids, d.ID)
		}
		by[d.ID] = append(by[d.ID], d)
	}
	sort.Ints(ids)
	var out []Case
	for _, id := range ids {
		ps := by[id]
		for _, p := range ps {
			y := p.Start.Year
			majors := in.Majors(y)
			var opp, side []int
			for _, q := range ps {
				if q.SideA != p.SideA {
					if contains(majors, q.CCode) && !p.Start.Before(q.Start) {
						opp = append(opp, q.CCode)
					}
				} else {
					side = append(side, q.CCode)
				}
			}
			if len(opp) == 0 || !p.Originator {
				continue
			}
			d := dayBefore(p.Start)
			for _, a := range majors {
				if a == p.CCode || contains(opp, a) || !in.Allied(d, p.CCode, a) {
					continue
				}
				out = append(out, Case{Kind: "mid", ID: id, Date: p.Start, State: p.CCode, Opponent: in.strongest(y, opp),
					Ally: a, Joined: contains(side, a)})
			}
		}
	}
	return out
}

// Era classifies a year by polarity and by the offence–defence balance.
type Era struct {
	Poles   int  `json:"poles"`
	Offence bool `json:"offence"` // offence dominant (or believed to be)
	Known   bool `json:"known"`   // the offence–defence indicator is defined
}

// Multipolar reports whether the era has three or more poles.
func (e Era) Multipolar() bool { return e.Poles >= 3 }

// PoleShare is the share of the system's CINC a major power must hold to
// count as a pole.
const PoleShare = 0.10

// Poles returns the number of poles among the majors of a year: those
// holding at least PoleShare of the system's CINC. The rule is ours; it
// counts capability concentration in the manner of Mansfield (1993,
// "Concentration, Polarity, and the Distribution of Power", International
// Studies Quarterly 37(1): 105–128), who measures how capabilities
// concentrate among the majors. It counts Britain, France and Russia as
// three poles in 1820, Germany, Russia, Britain and the United States in
// 1913, the United States, Germany and the Soviet Union in 1938, and, a
// known failing of CINC, China (by its population and steel) beside the
// United States and the Soviet Union from 1950.
func Poles(cincOfMajors []float64) int {
	n := 0
	for _, c := range cincOfMajors {
		if !math.IsNaN(c) && c >= PoleShare {
			n++
		}
	}
	return n
}

// OffenceWindow is the span, in years, over which InitiatorSuccess reads
// wars.
const OffenceWindow = 25

// InitiatorSuccess is the measured offence–defence proxy for year y: the
// share of the inter-state wars begun in the OffenceWindow years before y
// whose initiating side won (an initiator coded winner), over the wars with
// one initiating side and a decided outcome (winner or loser). Offence is
// taken to dominate when the share exceeds the share over every war of
// the data (BaseSuccess), the long-run rate: the indicator says whether
// attacking paid better than usual in the recent past, which is what
// Christensen & Snyder's "beliefs" about offence would learn from. n is 0
// and share NaN when no such war began in the window.
func InitiatorSuccess(wars []world.War, y int) (share float64, n int) {
	return success(wars, func(w *world.War) bool { return w.Start.Year >= y-OffenceWindow && w.Start.Year < y })
}

// success returns the share of the decided wars with one initiating side
// among those keep accepts that the initiators won, and their number.
func success(wars []world.War, keep func(*world.War) bool) (share float64, n int) {
	won := 0
	for i := range wars {
		w := &wars[i]
		if !keep(w) {
			continue
		}
		if ok, decided := initiatorWon(w); decided {
			n++
			if ok {
				won++
			}
		}
	}
	if n == 0 {
		return math.NaN(), 0
	}
	return float64(won) / float64(n), n
}

// initiatorWon reports whether w's initiating side won; decided is false
// when both or neither side carries an initiator, or the first
// initiator's outcome is neither winner nor loser.
func initiatorWon(w *world.War) (won, decided bool) {
	out := world.OutcomeUnknown
	sides := 0
	for s := range w.Sides {
		has := false
		for _, p := range w.Sides[s] {
			if p.Initiator {
				has = true
				if out == world.OutcomeUnknown {
					out = p.Outcome
				}
			}
		}
		if has {
			sides++
		}
	}
	if sides != 1 || (out != world.OutcomeWinner && out != world.OutcomeLoser) {
		return false, false
	}
	return out == world.OutcomeWinner, true
}

// Cell is the chain-ganging rate of one group of cases.
type Cell struct {
	Group  string  `json:"group"`
	Joined int     `json:"joined"`
	N      int     `json:"n"`
	Rate   float64 `json:"rate"`
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
}

// Tabulate groups cases by key ("" drops a case) and returns the share
// that joined in each group, with Wilson 95% intervals, sorted by group.
func Tabulate(cases []Case, key func(Case) string) []Cell {
	type kn struct{ k, n int }
	acc := map[string]*kn{}
	for _, c := range cases {
		g := key(c)
		if g == "" {
			continue
		}
		if acc[g] == nil {
			acc[g] = &kn{}
		}
		acc[g].n++
		if c.Joined {
			acc[g].k++
		}
	}
	out := make([]Cell, 0, len(acc))
	for g, x := range acc {
		p, lo, hi := reliability.Wilson(x.k, x.n)
		out = append(out, Cell{Group: g, Joined: x.k, N: x.n, Rate: p, Lo: lo, Hi: hi})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Group < out[j].Group })
	return out
}

// BaseSuccess returns the share of all decided wars with one initiating
// side that the initiators won (InitiatorSuccess over every war).
func BaseSuccess(wars []world.War) float64 {
	s, _ := success(wars, func(*world.War) bool { return true })
	return s
}

// Year is one year's chain-ganging cases and its classification.
type Year struct {
	Year       int     `json:"year"`
	Poles      int     `json:"poles"`
	Success    float64 `json:"initiator_success"` // InitiatorSuccess, NaN when no war in the window
	Offence    bool    `json:"offence"`
	Joined     int     `json:"joined"`
	N          int     `json:"n"`
	Verdict    string  `json:"verdict"` // chain-ganging (more than half joined), buck-passing (fewer), mixed
	Multipolar bool    `json:"multipolar"`
}

// Table is the chain-ganging table of a span of years.
type Table struct {
	From        int     `json:"from"`
	To          int     `json:"to"`
	BaseSuccess float64 `json:"base_success"`
	Overall     []Cell  `json:"overall"`   // all cases, by kind
	Cells       []Cell  `json:"cells"`     // by polarity × offence–defence
	WarCells    []Cell  `json:"war_cells"` // wars alone, by polarity × offence–defence
	ByPolarity  []Cell  `json:"by_polarity"`
	ByBalance   []Cell  `json:"by_balance"`
	Years       []Year  `json:"years"` // every year with a case
	Cases       []Case  `json:"cases,omitempty"`
}

// eraOf classifies year y.
func eraOf(in ChainInputs, base float64, y int) (poles int, share float64, offence bool) {
	poles = in.Poles(y)
	share, n := InitiatorSuccess(in.Wars, y)
	return poles, share, n > 0 && share > base
}

// Chain returns the chain-ganging table of the cases in from..to: rates
// overall, by polarity (multipolar: three or more poles), by the measured
// offence–defence balance, and by both, and each year's verdict.
func Chain(in ChainInputs, from, to int) *Table {
	base := BaseSuccess(in.Wars)
	var cs []Case
	for _, c := range Cases(in) {
		if c.Date.Year >= from && c.Date.Year <= to {
			cs = append(cs, c)
		}
	}
	type era struct {
		poles   int
		share   float64
		offence bool
	}
	eras := map[int]era{}
	get := func(y int) era {
		e, ok := eras[y]
		if !ok {
			e.poles, e.share, e.offence = eraOf(in, base, y)
			eras[y] = e
		}
		return e
	}
	pol := func(c Case) string {
		if get(c.Date.Year).poles >= 3 {
			return "multipolar"
		}
		return "bipolar or unipolar"
	}
	bal := func(c Case) string {
		if get(c.Date.Year).offence {
			return "offence"
		}
		return "defence"
	}
	t := &Table{From: from, To: to, BaseSuccess: base, Cases: cs,
		Overall:    Tabulate(cs, func(c Case) string { return c.Kind }),
		ByPolarity: Tabulate(cs, pol),
		ByBalance:  Tabulate(cs, bal),
		Cells:      Tabulate(cs, func(c Case) string { return pol(c) + ", " + bal(c) })}
	t.WarCells = Tabulate(cs, func(c Case) string {
		if c.Kind != "war" {
			return ""
		}
		return pol(c) + ", " + bal(c)
	})
	t.Overall = append(t.Overall, Tabulate(cs, func(Case) string { return "all" })...)
	by := map[int]*Year{}
	var ys []int
	for _, c := range cs {
		y := by[c.Date.Year]
		if y == nil {
			e := get(c.Date.Year)
			y = &Year{Year: c.Date.Year, Poles: e.poles, Success: e.share, Offence: e.offence, Multipolar: e.poles >= 3}
			by[c.Date.Year] = y
			ys = append(ys, c.Date.Year)
		}
		y.N++
		if c.Joined {
			y.Joined++
		}
	}
	sort.Ints(ys)
	for _, y := range ys {
		r := by[y]
		switch {
		case 2*r.Joined > r.N:
			r.Verdict = "chain-ganging"
		case 2*r.Joined < r.N:
			r.Verdict = "buck-passing"
		default:
			r.Verdict = "mixed"
		}
		t.Years = append(t.Years, *r)
	}
	return t
}
