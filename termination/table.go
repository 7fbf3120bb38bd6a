package termination

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/entente/entente/survival"
	"github.com/entente/entente/world"
)

// Covariate is one variable a table can carry.
type Covariate struct {
	Name   string
	Yearly bool // varies by calendar year (needs a yearly table)
	Doc    string
	// COW says whether COW v4.1 codes it.
	COW bool
}

// Covariates lists every covariate by name, design (fixed) first.
var Covariates = []Covariate{
	{"bilat", false, "bilateral alliance (two members); ATOP bilat", true},
	{"asymm", false, "obligations differ between members; ATOP asymm", false},
	{"defense", false, "a defence pledge; ATOP defense, COW Type I", true},
	{"offense", false, "an offence pledge; ATOP offense", false},
	{"neutral", false, "a neutrality pledge; ATOP neutral, COW Type IIa", true},
	{"nonagg", false, "a non-aggression pledge; ATOP nonagg, COW Type IIb", true},
	{"consul", false, "a consultation pledge; ATOP consul", false},
	{"entente", false, "an entente; COW Type III", true},
	{"organ1", false, "institutionalisation: ATOP organ1, 0 none .. 3 (missing in 13 alliances)", false},
	{"milcon", false, "institutionalisation: ATOP milcon, military contact 0 .. 3 (missing in 10)", false},
	{"intcom", false, "institutionalisation: ATOP intcom, integrated command in peacetime (missing in 14)", false},
	{"mid", true, "credibility collapses: a militarized dispute between members ongoing in the previous year (GML MID 2.1.1, 1816–2010)", true},
	{"newally", true, "better alternatives: a member formed another alliance with a state outside this one in the previous year", true},
	{"sharedthreat", true, "threat disappears (when 0): two members shared the same top threat in the previous year (threat package, default options)", true},
	{"domestic", true, "domestic change: in the previous year a member's leader left office irregularly (Archigos, 1840–2015) or its Polity2 moved 3 or more points from the year before", true},
	{"interests", true, "interests diverge: in the previous year the total trade of a member dyad fell by more than a quarter from the year before (COW Dyadic Trade v4.0, 1870–2014)", true},
}

// TradeFall is the share by which a member dyad's total trade must fall
// from one year to the next to set interests.
const TradeFall = 0.25

// CovariateNames returns the names of the covariates source ("atop" or
// "cow") codes; "" returns all.
func CovariateNames(source string) []string {
	var out []string
	for _, c := range Covariates {
		if source == "atop" && c.Name == "entente" {
			continue // an entente is COW's category; ATOP codes consultation
		}
		if source != "cow" || c.COW {
			out = append(out, c.Name)
		}
	}
	return out
}

func lookup(name string) (Covariate, bool) {
	for _, c := range Covariates {
		if c.Name == name {
			return c, true
		}
	}
	return Covariate{}, false
}

// Facts supplies the yearly dyadic and state facts of the time-varying
// covariates. A nil function leaves its covariate missing.
type Facts struct {
	// Dispute reports whether a militarized dispute between a and b was
	// ongoing in year; known is false outside the data's coverage.
	Dispute func(year, a, b int) (on, known bool)
	// TopThreat returns the state posing the largest threat to c in year,
	// 0 when c faces none; known is false when c is not in that year's
	// system.
	TopThreat func(year, c int) (from int, known bool)
	// Domestic reports whether state c had a domestic change in year: a
	// leader's irregular exit or a regime change of 3+ Polity2 points from
	// year−1; known is false when neither source covers c that year.
	Domestic func(year, c int) (changed, known bool)
	// Trade returns the total trade between a and b in year (both flows);
	// known is false outside the data's coverage or where a flow is empty.
	Trade func(year, a, b int) (total float64, known bool)
	// Alliances are the alliance-level spells of the same source, for
	// newally (a member forming another alliance with outsiders).
	Alliances []Spell
}

// Row is one row of a table: a whole spell, or one calendar year of it.
type Row struct {
	Spell  *Spell
	Year   int // calendar year of a yearly row, 0 for a whole spell
	Start  float64
	Stop   float64
	Event  bool
	Values []world.Value
}

// Table is survival data over spells, in counting-process form: times are
// years since the spell's start.
type Table struct {
	Names  []string
	Yearly bool
	Rows   []Row
}

// Build returns the table of spells with the named covariates: one row per
// spell when all are fixed, else one row per spell and calendar year,
// (Start, Stop] being the part of that year the spell covers. Yearly
// covariates are lagged one year (the row of year y carries the facts of
// y−1), so that the event cannot cause its own covariate (the invasion that
// broke a pact is itself a dispute between the members). An unknown
// name is an error that lists the valid ones.
func Build(spells []Spell, names []string, f *Facts) (*Table, error) {
	t := &Table{Names: names}
	for _, n := range names {
		c, ok := lookup(n)
		if !ok {
			return nil, fmt.Errorf("termination: no covariate %q; valid: %s", n, strings.Join(CovariateNames(""), ", "))
		}
		if c.Yearly {
			t.Yearly = true
		}
	}
	if f == nil {
		f = &Facts{}
	}
	var nw *newAllies
	if t.Yearly {
		nw = indexNewAllies(f.Alliances)
	}
	for i := range spells {
		s := &spells[i]
		if !t.Yearly {
			t.Rows = append(t.Rows, Row{Spell: s, Start: s.Entry, Stop: s.Years, Event: s.Ended, Values: fixedValues(s, names)})
			continue
		}
		fixed := fixedValues(s, names)
		start := dayNumber(s.Start)
		end := dayNumber(s.End)
		from := start + int64(math.Round(s.Entry*365.25))
		for y := s.Start.Year; y <= s.End.Year; y++ {
			lo := max(from, dayNumber(world.D(y, 1, 1)))
			hi := min(end, dayNumber(world.D(y+1, 1, 1)))
			if hi <= lo {
				continue
			}
			r := Row{Spell: s, Year: y, Start: float64(lo-start) / 365.25, Stop: float64(hi-start) / 365.25, Values: make([]world.Value, len(names))}
			if s.Entry > 0 && lo == from {
				r.Start = s.Entry
			}
			for j, n := range names {
				r.Values[j] = fixed[j]
				if c, _ := lookup(n); c.Yearly {
					r.Values[j] = yearly(n, s, y-1, f, nw) // lagged: the year before
				}
			}
			t.Rows = append(t.Rows, r)
		}
		if n := len(t.Rows); n > 0 && t.Rows[n-1].Spell == s {
			t.Rows[n-1].Event = s.Ended
			t.Rows[n-1].Stop = s.Years
		}
	}
	return t, nil
}

func flag(b bool) world.Value {
	if b {
		return 1
	}
	return 0
}

func fixedValues(s *Spell, names []string) []world.Value {
	out := make([]world.Value, len(names))
	for j, n := range names {
		switch n {
		case "bilat":
			out[j] = flag(s.Bilateral)
		case "asymm":
			out[j] = flag(s.Asymmetric)
			if s.Source == "cow" {
				out[j] = world.Missing()
			}
		case "defense":
			out[j] = flag(s.Obligations.Has(world.Defense))
		case "offense":
			out[j] = cowMissing(s, flag(s.Obligations.Has(world.Offense)))
		case "neutral":
			out[j] = flag(s.Obligations.Has(world.Neutrality))
		case "nonagg":
			out[j] = flag(s.Obligations.Has(world.Nonaggression))
		case "consul":
			out[j] = cowMissing(s, flag(s.Obligations.Has(world.Consultation)))
		case "entente":
			out[j] = flag(s.Obligations.Has(world.Entente))
			if s.Source == "atop" {
				out[j] = world.Missing()
			}
		case "organ1":
			out[j] = s.Organization
		case "milcon":
			out[j] = s.MilitaryContact
		case "intcom":
			out[j] = s.IntegratedCommand
		default:
			out[j] = world.Missing()
		}
	}
	return out
}

func cowMissing(s *Spell, v world.Value) world.Value {
	if s.Source == "cow" {
		return world.Missing()
	}
	return v
}

// partners returns the pairs of states whose relation a yearly covariate
// looks at: all pairs of members at alliance level, the member with each
// other member at member level.
func partners(s *Spell) [][2]int {
	var out [][2]int
	for i, a := range s.Members {
		for _, b := range s.Members[i+1:] {
			if s.Member == 0 || s.Member == a || s.Member == b {
				out = append(out, [2]int{a, b})
			}
		}
	}
	return out
}

func yearly(name string, s *Spell, y int, f *Facts, nw *newAllies) world.Value {
	switch name {
	case "mid":
		if f.Dispute == nil {
			return world.Missing()
		}
		known := false
		for _, p := range partners(s) {
			on, k := f.Dispute(y, p[0], p[1])
			if k {
				known = true
			}
			if on {
				return 1
			}
		}
		if !known {
			return world.Missing()
		}
		return 0
	case "newally":
		if nw == nil || len(nw.byState) == 0 {
			return world.Missing()
		}
		who := s.Members
		if s.Member != 0 {
			who = []int{s.Member}
		}
		for _, c := range who {
			if nw.formed(c, y, s) {
				return 1
			}
		}
		return 0
	case "sharedthreat":
		if f.TopThreat == nil {
			return world.Missing()
		}
		known := false
		for _, p := range partners(s) {
			ta, ka := f.TopThreat(y, p[0])
			tb, kb := f.TopThreat(y, p[1])
			if ka && kb {
				known = true
				if ta == tb && ta != 0 {
					return 1
				}
			}
		}
		if !known {
			return world.Missing()
		}
		return 0
	case "domestic":
		if f.Domestic == nil {
			return world.Missing()
		}
		who := s.Members
		if s.Member != 0 {
			who = []int{s.Member}
		}
		known := false
		for _, c := range who {
			on, k := f.Domestic(y, c)
			if k {
				known = true
			}
			if on {
				return 1
			}
		}
		if !known {
			return world.Missing()
		}
		return 0
	case "interests":
		if f.Trade == nil {
			return world.Missing()
		}
		known := false
		for _, p := range partners(s) {
			now, k1 := f.Trade(y, p[0], p[1])
			before, k0 := f.Trade(y-1, p[0], p[1])
			if !k1 || !k0 || before <= 0 {
				continue // no base to fall from
			}
			known = true
			if now < (1-TradeFall)*before {
				return 1
			}
		}
		if !known {
			return world.Missing()
		}
		return 0
	}
	return world.Missing()
}

// newAllies indexes, by state, the alliances it joined at their formation.
type newAllies struct {
	byState map[int][]*Spell
}

func indexNewAllies(all []Spell) *newAllies {
	nw := &newAllies{byState: map[int][]*Spell{}}
	for i := range all {
		a := &all[i]
		for _, c := range a.Members {
			nw.byState[c] = append(nw.byState[c], a)
		}
	}
	return nw
}

// formed reports whether c formed, in year y, an alliance other than s's
// with at least one state outside s.
func (nw *newAllies) formed(c, y int, s *Spell) bool {
	for _, a := range nw.byState[c] {
		if a.Start.Year != y || a.Alliance == s.Alliance {
			continue
		}
		for _, m := range a.Members {
			if sort.SearchInts(s.Members, m) >= len(s.Members) || s.Members[sort.SearchInts(s.Members, m)] != m {
				return true
			}
		}
	}
	return false
}

// Data returns the survival data of t for the cause given (Censored: any
// ending is the event; Violation or Other: only that cause, the others
// censored, the cause-specific hazard of a competing-risks model). Rows with
// a missing covariate are left out, as R's na.omit does; dropped counts
// them. Rows are grouped by spell (ID) for the robust variance.
func (t *Table) Data(cause Cause) (d *survival.Data, dropped int) {
	d = &survival.Data{Names: t.Names, X: make([][]float64, len(t.Names))}
	if t.Yearly || anyEntry(t) {
		d.Start = []float64{}
	}
	ids := map[*Spell]int{}
rows:
	for _, r := range t.Rows {
		for _, v := range r.Values {
			if v.IsMissing() {
				dropped++
				continue rows
			}
		}
		if d.Start != nil {
			d.Start = append(d.Start, r.Start)
		}
		d.Stop = append(d.Stop, r.Stop)
		ev := r.Event && (cause == Censored || r.Spell.Cause == cause)
		d.Event = append(d.Event, ev)
		c := 0
		if r.Event {
			c = int(r.Spell.Cause)
		}
		d.Cause = append(d.Cause, c)
		for j, v := range r.Values {
			d.X[j] = append(d.X[j], float64(v))
		}
		id, ok := ids[r.Spell]
		if !ok {
			id = len(ids)
			ids[r.Spell] = id
		}
		d.ID = append(d.ID, id)
	}
	return d, dropped
}

func anyEntry(t *Table) bool {
	for _, r := range t.Rows {
		if r.Start > 0 {
			return true
		}
	}
	return false
}
