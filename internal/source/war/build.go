package war

import (
	"fmt"
	"sort"

	"github.com/entente/entente/world"
)

// Disagreement is one point where the COW and Reiter–Stam–Horowitz files
// differ, and how Build settled it.
type Disagreement struct {
	War    int    // COW war number; 0 for an RSH war matched to no COW war
	RSHWar int    // RSH larger war id; 0 when none matched
	CCode  int    // the participant concerned; 0 for the whole war
	Year   int    // the participant-year concerned; 0 for all of them
	Kind   string // one of the Disagree* constants
}

// Kinds of Disagreement.
const (
	// DisagreeNoRSHWar: a COW war shares no participant-year with any RSH
	// war. Its participants keep COW's years, months and days unknown,
	// and Joiner false.
	DisagreeNoRSHWar = "cow war without rsh war"
	// DisagreeNoCOWWar: an RSH war shares no participant-year with any
	// COW war. It is left out: COW decides which wars exist.
	DisagreeNoCOWWar = "rsh war without cow war"
	// DisagreeCOWOnly: a COW participant has no RSH row in the matched
	// war. It keeps COW's years, with months and days unknown.
	DisagreeCOWOnly = "participant only in cow"
	// DisagreeRSHOnly: an RSH participant-year that no COW war matched to
	// its RSH war has (another state, or a year outside COW's). It is left
	// out. War is 0: the RSH war may match several COW wars.
	DisagreeRSHOnly = "participant-year only in rsh"
)

func (d Disagreement) String() string {
	return fmt.Sprintf("war %d (rsh %d) ccode %d year %d: %s", d.War, d.RSHWar, d.CCode, d.Year, d.Kind)
}

// py is a participant-year.
type py struct{ ccode, year int }

// Build merges the COW dyad-years and the RSH participant rows into wars,
// sorted by COW war number, each side's participants sorted by ccode.
//
// Each COW war is matched with the RSH larger war sharing the most
// participant-years with it (ties: the lower RSH id); several COW wars may
// match one RSH war. A COW participant's Entered is its first COW year and
// Left its last; where the matched RSH war has rows for the participant in
// those very years, the month and day come from them (the first row's
// entry, the last row's exit, or its second spell's exit). Joiner is true
// when every RSH row of the participant in the war codes joiner 1. The
// war's Name is the RSH larger war's name, followed by ": COW war N" when
// that RSH war matches several COW wars (RSH folds the Second Sino-Japanese
// war, COW 130, into WorldWarII), or "COW war N" alone when none matches.
//
// A participant is a state on one side: the side comes from the COW
// dyad-years (sidea), year by year, and a state that COW codes on both
// sides of one war is two participants, one per side, each with its own
// years. France in COW war 139 (World War II) fought with the Allies in
// 1939–1940 and, as Vichy France, against them in 1940–1941; taking the
// side of whichever row came first in the file once put France on
// Germany's side for the whole war. The RSH rows that refine a
// participant are those against a state COW has on the other side
// (refine), so Vichy France's dates come from the UK–Vichy war, not the
// 1939–40 Franco-German one.
func Build(dys []DyadYear, rsh []RSHRow) ([]world.War, []Disagreement) {
	type part struct {
		p        world.Participant
		side     int
		from, to int
	}
	byWar := map[int]map[py]*part{} // war -> (ccode, side) -> part
	for _, d := range dys {
		m := byWar[d.WarNum]
		if m == nil {
			m = map[py]*part{}
			byWar[d.WarNum] = m
		}
		add := func(c int, sideA, init bool, out world.WarOutcome, deaths world.Value) {
			side := 1
			if sideA {
				side = 0
			}
			k := py{c, side} // a participant is a state on one side
			p := m[k]
			if p == nil {
				p = &part{side: side, from: d.Year, to: d.Year,
					p: world.Participant{State: c, Initiator: init, Outcome: out, BattleDeaths: deaths}}
				m[k] = p
			}
			p.from, p.to = min(p.from, d.Year), max(p.to, d.Year)
			p.p.Initiator = p.p.Initiator || init
			if p.p.Outcome == world.OutcomeUnknown {
				p.p.Outcome = out
			}
			if p.p.BattleDeaths.IsMissing() {
				p.p.BattleDeaths = deaths
			}
		}
		add(d.CCode1, d.SideA1, d.Initiator1, d.Outcome1, d.BatDeath1)
		add(d.CCode2, d.SideA2, d.Initiator2, d.Outcome2, d.BatDeath2)
	}

	rshByWar := map[int][]RSHRow{}
	rshYears := map[int]map[py]bool{}
	for _, r := range rsh {
		rshByWar[r.LargerWarID] = append(rshByWar[r.LargerWarID], r)
		if rshYears[r.LargerWarID] == nil {
			rshYears[r.LargerWarID] = map[py]bool{}
		}
		rshYears[r.LargerWarID][py{r.CCode, r.Year}] = true
	}
	rshIDs := make([]int, 0, len(rshByWar))
	for id := range rshByWar {
		rshIDs = append(rshIDs, id)
	}
	sort.Ints(rshIDs)

	warIDs := make([]int, 0, len(byWar))
	for id := range byWar {
		warIDs = append(warIDs, id)
	}
	sort.Ints(warIDs)

	// Match each COW war with the RSH war sharing the most participant-years.
	bestOf := make(map[int]int, len(warIDs))
	shared := map[int]int{} // RSH war -> COW wars matched to it
	for _, id := range warIDs {
		best, bestN := 0, 0
		for _, rid := range rshIDs {
			n := 0
			for k, p := range byWar[id] {
				for y := p.from; y <= p.to; y++ {
					if rshYears[rid][py{k.ccode, y}] {
						n++
					}
				}
			}
			if n > bestN {
				best, bestN = rid, n
			}
		}
		bestOf[id] = best
		shared[best]++
	}

	var wars []world.War
	var dis []Disagreement
	matched := map[int]bool{}
	covered := map[int]map[py]bool{} // RSH war -> participant-years of its COW wars
	for _, rid := range rshIDs {
		covered[rid] = map[py]bool{}
	}
	for _, id := range warIDs {
		parts := byWar[id]
		best := bestOf[id]
		w := world.War{ID: id, Name: fmt.Sprintf("COW war %d", id)}
		var rows []RSHRow
		if best == 0 {
			dis = append(dis, Disagreement{War: id, Kind: DisagreeNoRSHWar})
		} else {
			matched[best] = true
			rows = rshByWar[best]
			w.Name = rows[0].LargerWarName
			if shared[best] > 1 { // RSH folds several COW wars into one (WWII)
				w.Name += fmt.Sprintf(": COW war %d", id)
			}
		}
		keys := make([]py, 0, len(parts))
		onSide := [2]map[int][2]int{{}, {}} // side -> ccode -> COW years
		for k, p := range parts {
			keys = append(keys, k)
			onSide[k.year][k.ccode] = [2]int{p.from, p.to} // k is py{ccode, side}
		}
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].ccode != keys[j].ccode {
				return keys[i].ccode < keys[j].ccode
			}
			return keys[i].year < keys[j].year
		})
		for _, k := range keys {
			p := parts[k]
			p.p.Entered, p.p.Left = world.Date{Year: p.from}, world.Date{Year: p.to}
			if best != 0 {
				refine(&p.p, p.from, p.to, rows, onSide[p.side], onSide[1-p.side], id, best, &dis)
			}
			w.Sides[p.side] = append(w.Sides[p.side], p.p)
		}
		if best != 0 {
			for k, p := range parts {
				for y := p.from; y <= p.to; y++ {
					covered[best][py{k.ccode, y}] = true
				}
			}
		}
		w.Start, w.End = span(w)
		wars = append(wars, w)
	}
	for _, rid := range rshIDs {
		if !matched[rid] {
			dis = append(dis, Disagreement{RSHWar: rid, Kind: DisagreeNoCOWWar})
			continue
		}
		seen := map[py]bool{}
		for _, r := range rshByWar[rid] {
			k := py{r.CCode, r.Year}
			if !covered[rid][k] && !seen[k] {
				seen[k] = true
				dis = append(dis, Disagreement{RSHWar: rid, CCode: r.CCode, Year: r.Year, Kind: DisagreeRSHOnly})
			}
		}
	}
	return wars, dis
}

// refine takes the month and day of entry and exit, and the joiner flag,
// from the RSH rows of p's state in years from..to, except those against
// a state COW has on p's own side and not on the other in the row's year
// (own, other: COW years by ccode) when p's state fights on both sides:
// such a row belongs to its participation on the other side. A state with no row of its own takes them from the rows in which it is
// the target (the file lists a war's target only as the target of its
// attackers' rows). A state COW codes on both sides of a war (Vichy
// France) so takes each participation's dates from the rows of that
// participation.
func refine(p *world.Participant, from, to int, rows []RSHRow, own, other map[int][2]int, war, rshWar int, dis *[]Disagreement) {
	in := func(side map[int][2]int, c, y int) bool {
		span, ok := side[c]
		return ok && span[0] <= y && y <= span[1]
	}
	friend := func(c, y int) bool { return in(own, c, y) && !in(other, c, y) }
	if _, both := other[p.State]; !both {
		// On one side only: every row of the state is its own (RSH's
		// opponent codes have errors: Japan's WWI target Germany is coded
		// 365, Russia's code).
		friend = func(int, int) bool { return false }
	}
	if !refineBy(p, from, to, rows, func(r *RSHRow) (int, int) { return r.CCode, r.TargetCCode }, friend) &&
		!refineBy(p, from, to, rows, func(r *RSHRow) (int, int) { return r.TargetCCode, r.CCode }, friend) {
		*dis = append(*dis, Disagreement{War: war, RSHWar: rshWar, CCode: p.State, Kind: DisagreeCOWOnly})
	}
}

// refineBy refines p from the rows whose state (by who: the state and
// its opponent in the row) is p's and whose opponent is not a friend, and
// reports whether there were any. As a target (who gives TargetCCode
// first) a state is not a joiner.
func refineBy(p *world.Participant, from, to int, rows []RSHRow, who func(*RSHRow) (state, opponent int), friend func(c, y int) bool) bool {
	found, joiner := false, true
	var entry, exit world.Date
	for i := range rows {
		r := &rows[i]
		state, opponent := who(r)
		if state != p.State || r.Year < from || r.Year > to || friend(opponent, r.Year) {
			continue
		}
		found = true
		joiner = joiner && r.Joiner && r.CCode == p.State
		if r.Year == from && (entry.IsZero() || r.Entry.Before(entry)) {
			entry = r.Entry
		}
		e := r.Exit
		if !r.Exit2.IsZero() {
			e = r.Exit2
		}
		if r.Year == to && (exit.IsZero() || exit.Before(e)) {
			exit = e
		}
	}
	if !found {
		return false
	}
	p.Joiner = joiner
	if !entry.IsZero() {
		p.Entered = entry
	}
	if !exit.IsZero() {
		p.Left = exit
	}
	return true
}

func span(w world.War) (start, end world.Date) {
	first := true
	for _, side := range w.Sides {
		for _, p := range side {
			if first || p.Entered.Before(start) {
				start = p.Entered
			}
			if first || end.Before(p.Left) {
				end = p.Left
			}
			first = false
		}
	}
	return start, end
}
