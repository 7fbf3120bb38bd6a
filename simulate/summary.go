package simulate

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/entente/entente/world"
)

// Summary is the distribution of outcomes over the runs of a Monte Carlo
// simulation: who joins which side of the first war (with the reasons),
// the system over time, and war size. Its JSON is the shape of
// `entente simulate --format json` and of the API.
type Summary struct {
	Scenario string      `json:"scenario"`
	Runs     int         `json:"runs"`
	Sides    [2]string   `json:"sides"` // the attacker and the attacked of the first war
	States   []StateStat `json:"states"`
	Years    []YearStat  `json:"years"`
	War      *WarStat    `json:"war"` // nil without a war
}

// StateStat is one recorded state's participation in the first war.
type StateStat struct {
	CCode int    `json:"ccode"`
	Name  string `json:"name"`
	// Side is the share of runs in which it fought on the attacker's
	// side (0) and on the attacked side (1); Out the share it stayed out.
	Side [2]float64 `json:"side"`
	Out  float64    `json:"out"`
	// Week is the mean week of entry on each side (missing when never).
	Week    [2]world.Value `json:"week"`
	Reasons []ReasonStat   `json:"reasons"`
	// Choice is the state's alignment choice on the base date and after
	// the last shock, with its top actual threat then ("" for none);
	// Formed the partners it formed alliances with, by share of runs.
	Choice    [2]string      `json:"choice"`
	TopThreat string         `json:"top_threat"`
	Formed    []PartnerShare `json:"formed"`
}

// PartnerShare is a partner and the share of runs in which the state
// formed an alliance with it.
type PartnerShare struct {
	Name  string  `json:"name"`
	Share float64 `json:"share"`
}

// ReasonStat is one outcome of a state with one set of reasons: its share
// of the runs and the reason in words, from the first run in which it
// happened.
type ReasonStat struct {
	Outcome string   `json:"outcome"` // "side 0", "side 1", "out", "began", "attacked"
	Rules   []string `json:"rules"`
	Share   float64  `json:"share"`
	Example string   `json:"example"`
}

// YearStat holds the means over runs of the system at the end of a year.
type YearStat struct {
	Year         int     `json:"year"`
	Alliances    float64 `json:"alliances"`
	AlliedDyads  float64 `json:"allied_dyads"`
	DefenceDyads float64 `json:"defence_dyads"`
	AtWar        float64 `json:"at_war"`
	Formed       float64 `json:"formed"`
	Left         float64 `json:"left"`
	Balance      float64 `json:"balance"`
	Bandwagon    float64 `json:"bandwagon"`
	Hedge        float64 `json:"hedge"`
	None         float64 `json:"none"`
}

// WarStat is the distribution of the first war's size at the end.
type WarStat struct {
	MeanSize   float64 `json:"mean_size"`
	P10        int     `json:"p10"`
	Median     int     `json:"median"`
	P90        int     `json:"p90"`
	MeanMajors float64 `json:"mean_majors"`
	// Spread is the share of runs in which anyone beyond the two first
	// belligerents joined.
	Spread float64 `json:"spread"`
}

// Summarizer accumulates Results in memory that does not grow with the
// number of runs.
type Summarizer struct {
	p      *Plan
	runs   int
	side   [][2]int
	weeks  [][2]int
	out    []int
	reason []map[outcomeKey]*reasonCount
	years  []YearStat
	sizes  []int // count of runs by war size
	formed []map[int]int
	majors int
	spread int
	wars   int
}

type outcomeKey struct {
	outcome string
	mask    Reason
}

type reasonCount struct {
	n       int
	example string
}

// NewSummarizer returns an empty Summarizer for plan p.
func (p *Plan) NewSummarizer() *Summarizer {
	k := len(p.record)
	s := &Summarizer{p: p, side: make([][2]int, k), weeks: make([][2]int, k), out: make([]int, k),
		reason: make([]map[outcomeKey]*reasonCount, k), years: make([]YearStat, p.Scenario.Years),
		sizes: make([]int, len(p.States)+1)}
	s.formed = make([]map[int]int, k)
	for i := range s.reason {
		s.reason[i] = map[outcomeKey]*reasonCount{}
		s.formed[i] = map[int]int{}
	}
	return s
}

// Add adds one run.
func (s *Summarizer) Add(r *Result) {
	p := s.p
	s.runs++
	for i, y := range r.Years {
		a := &s.years[i]
		a.Year = y.Year
		a.Alliances += float64(y.Alliances)
		a.AlliedDyads += float64(y.AlliedDyads)
		a.DefenceDyads += float64(y.DefenceDyads)
		a.AtWar += float64(y.AtWar)
		a.Formed += float64(y.Formed)
		a.Left += float64(y.Left)
		a.Balance += float64(y.Balance)
		a.Bandwagon += float64(y.Bandwagon)
		a.Hedge += float64(y.Hedge)
		a.None += float64(y.None)
	}
	for x, i := range p.record {
		seen := map[int]bool{}
		for k := range r.Decisions {
			if d := &r.Decisions[k]; d.Action == Form && d.State == p.States[i] && !seen[d.Other] {
				seen[d.Other] = true
				s.formed[x][d.Other]++
			}
		}
	}
	if len(r.Wars) == 0 {
		for x := range p.record {
			s.out[x]++
		}
		return
	}
	w := r.Wars[0]
	s.wars++
	s.sizes[w.Size]++
	s.majors += w.Majors
	if w.Size > 2 {
		s.spread++
	}
	for x, i := range p.record {
		var last *Decision
		for k := range r.Decisions {
			if d := &r.Decisions[k]; d.War == 0 && d.State == p.States[i] && (d.Action == Join || d.Action == StayOut) {
				last = d
			}
		}
		side := r.Sides[i]
		key := outcomeKey{outcome: "out"}
		switch {
		case side >= 0 && r.Weeks[i] == 0 && side == 0:
			key.outcome = "began"
		case side >= 0 && r.Weeks[i] == 0:
			key.outcome = "attacked"
		case side >= 0:
			key.outcome = fmt.Sprintf("side %d", side)
		}
		if side >= 0 {
			s.side[x][side]++
			s.weeks[x][side] += int(r.Weeks[i])
		} else {
			s.out[x]++
		}
		if last != nil {
			key.mask = last.Reason
		}
		c := s.reason[x][key]
		if c == nil {
			c = &reasonCount{}
			if last != nil {
				c.example = p.Explain(last)
			} else if side < 0 {
				c.example = "no rule gave it a reason to join"
			}
			s.reason[x][key] = c
		}
		c.n++
	}
}

// Summary returns the distribution over the runs added.
func (s *Summarizer) Summary() *Summary {
	p := s.p
	out := &Summary{Scenario: p.Scenario.Name, Runs: s.runs, States: []StateStat{}, Years: make([]YearStat, len(s.years))}
	for _, sh := range p.Scenario.Shocks {
		if sh.Kind == ShockAttack {
			out.Sides = [2]string{p.label(sh.State), p.label(sh.Target)}
			break
		}
	}
	n := float64(max(s.runs, 1))
	for x, i := range p.record {
		st := StateStat{CCode: p.States[i], Name: p.Names[i], Out: float64(s.out[x]) / n, Reasons: []ReasonStat{}}
		for k := range 2 {
			st.Side[k] = float64(s.side[x][k]) / n
			st.Week[k] = world.Missing()
			if s.side[x][k] > 0 {
				st.Week[k] = world.Value(float64(s.weeks[x][k]) / float64(s.side[x][k]))
			}
		}
		first, last := p.epochs[0], p.epochs[len(p.epochs)-1]
		st.Choice = [2]string{first.choice[i].String(), last.choice[i].String()}
		if j := last.top[i]; j >= 0 {
			st.TopThreat = p.Names[j]
		}
		st.Formed = []PartnerShare{}
		for c, k := range s.formed[x] {
			st.Formed = append(st.Formed, PartnerShare{p.label(c), float64(k) / n})
		}
		slices.SortFunc(st.Formed, func(a, b PartnerShare) int {
			if a.Share != b.Share {
				if a.Share > b.Share {
					return -1
				}
				return 1
			}
			return strings.Compare(a.Name, b.Name)
		})
		for key, c := range s.reason[x] {
			st.Reasons = append(st.Reasons, ReasonStat{Outcome: key.outcome, Rules: orEmpty(key.mask.Names()),
				Share: float64(c.n) / n, Example: c.example})
		}
		slices.SortFunc(st.Reasons, func(a, b ReasonStat) int {
			if a.Share != b.Share {
				if a.Share > b.Share {
					return -1
				}
				return 1
			}
			return strings.Compare(a.Outcome+strings.Join(a.Rules, ","), b.Outcome+strings.Join(b.Rules, ","))
		})
		out.States = append(out.States, st)
	}
	for i, y := range s.years {
		y.Alliances /= n
		y.AlliedDyads /= n
		y.DefenceDyads /= n
		y.AtWar /= n
		y.Formed /= n
		y.Left /= n
		y.Balance /= n
		y.Bandwagon /= n
		y.Hedge /= n
		y.None /= n
		out.Years[i] = y
	}
	if s.wars > 0 {
		ws := &WarStat{MeanMajors: float64(s.majors) / float64(s.wars), Spread: float64(s.spread) / float64(s.wars)}
		sum := 0
		for size, c := range s.sizes {
			sum += size * c
		}
		ws.MeanSize = float64(sum) / float64(s.wars)
		ws.P10, ws.Median, ws.P90 = s.quantile(0.1), s.quantile(0.5), s.quantile(0.9)
		out.War = ws
	}
	return out
}

// quantile returns the smallest size with at least q of the wars at or
// below it.
func (s *Summarizer) quantile(q float64) int {
	need := int(math.Ceil(q * float64(s.wars)))
	acc := 0
	for size, c := range s.sizes {
		acc += c
		if acc >= need && acc > 0 {
			return size
		}
	}
	return 0
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (p *Plan) label(ccode int) string {
	if i, ok := p.pos[ccode]; ok {
		return p.Names[i]
	}
	return fmt.Sprint(ccode)
}

// joinReasons puts a war decision's reasons in words; the state named is
// the one bound to when Bound is set, else the ally pledged or tied to.
func joinReasons(r Reason, other string) string {
	named := func(x string) string {
		if r&Bound != 0 {
			return ""
		}
		return " (" + x + ")"
	}
	var why []string
	for _, c := range []struct {
		bit  Reason
		text string
	}{
		{Bound, "bound by a pledge to " + other + " on the other side"},
		{DefenceTriggered, "a defence pledge to a state on the side attacked" + named(other)},
		{OffenceTriggered, "an offence pledge to a state on the attacking side" + named(other)},
		{Untriggered, "a defence pledge not triggered: the ally's side began the war"},
		{ChainGang, "tied to a belligerent" + named(other) + " with an actual threat on the other side"},
		{Aggressor, "an actual threat began the war"},
		{Threatened, "its top threat is on the other side"},
	} {
		if r&c.bit != 0 {
			why = append(why, c.text)
		}
	}
	return strings.Join(why, "; ")
}

// Explain returns a decision's reason in words: the rules that applied,
// the quantities compared and the draw.
func (p *Plan) Explain(d *Decision) string {
	var b strings.Builder
	other := p.label(d.Other)
	switch d.Action {
	case Join, StayOut:
		verb := "joined"
		if d.Action == StayOut {
			verb = "stayed out of"
		}
		fmt.Fprintf(&b, "%s the war in week %d", verb, d.Week)
		if d.Week >= 52 {
			fmt.Fprintf(&b, " (the yearly review of %d)", d.Year)
		}
		if d.Side >= 0 {
			fmt.Fprintf(&b, ", weighing side %d", d.Side)
		}
		fmt.Fprintf(&b, ": %s", joinReasons(d.Reason, other))
		if !math.IsNaN(d.Value) {
			fmt.Fprintf(&b, "; largest threat on the other side %.2f", d.Value)
		}
		if d.AltReason != 0 {
			fmt.Fprintf(&b, "; side %d: %s", 1-d.Side, joinReasons(d.AltReason, p.label(d.AltOther)))
		}
	case Form, Forgo:
		verb := "formed"
		if d.Action == Forgo {
			verb = "did not form"
		}
		if d.Reason&Bandwagoning != 0 {
			fmt.Fprintf(&b, "%s an entente with its top threat %s (bandwagoning; threat %.2f)", verb, other, d.Value)
		} else {
			fmt.Fprintf(&b, "%s a defence pact with %s, which shares its threat (net benefit to the weaker gainer %.2f)", verb, other, d.Value)
		}
	case Leave, Stay:
		verb := "left"
		if d.Action == Stay {
			verb = "stayed in"
		}
		if d.Reason&ThreatInside != 0 {
			fmt.Fprintf(&b, "%s an alliance with its top threat %s (threat %.2f)", verb, other, d.Value)
		} else {
			fmt.Fprintf(&b, "%s an alliance whose member %s fights none of its threats (security − entrapment %.2f)", verb, other, d.Value)
		}
	case Start:
		fmt.Fprintf(&b, "attacked %s (%s)", other, strings.Join(d.Reason.Names(), ","))
	}
	if !math.IsNaN(d.Draw) {
		fmt.Fprintf(&b, "; rate %.3f, draw %.3f", d.Rate, d.Draw)
	} else if d.Action == StayOut {
		b.WriteString("; rate 0")
	}
	return b.String()
}
