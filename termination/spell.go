package termination

import (
	"fmt"
	"sort"
	"time"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/world"
)

// Level is the unit of a spell.
type Level string

const (
	AllianceLevel Level = "alliance" // one spell per alliance
	MemberLevel   Level = "member"   // one spell per state in an alliance
)

// Cause is how a spell ended.
type Cause int

const (
	Censored  Cause = iota // still in force at the end of coverage
	Violation              // ATOP termmode 3: violated or abrogated by a member
	Other                  // ended any other way (expiry, replacement, loss of independence, aims fulfilled, defeat)
	Unknown                // ended, the source codes no cause (COW)
)

func (c Cause) String() string {
	return [...]string{"censored", "violation", "other", "unknown"}[c]
}

// MarshalText writes the cause's name.
func (c Cause) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Coverage ends: a spell in force then is censored there.
var (
	ATOPEnd = world.D(2016, 12, 31)
	COWEnd  = world.D(2012, 12, 31)
	cowFrom = world.D(1816, 1, 1)
)

// Spell is one alliance's or membership's duration.
type Spell struct {
	Source   string      `json:"source"`           // "atop" or "cow"
	Alliance int         `json:"alliance"`         // atopid or COW version4id
	Member   int         `json:"member,omitempty"` // ccode at member level, 0 at alliance level
	Members  []int       `json:"members"`          // every state ever in the alliance
	Start    world.Date  `json:"start"`            // formation (entry), an unknown day taken as the 15th
	End      world.Date  `json:"end"`              // termination (exit), or the censoring date
	Entry    float64     `json:"entry"`            // years at risk before observation began (COW before 1816), else 0
	Years    float64     `json:"years"`            // (End − Start) in days / 365.25
	Ended    bool        `json:"ended"`
	Cause    Cause       `json:"cause"`
	Mode     world.Value `json:"termmode"` // ATOP termmode, missing for COW and while in force
	TermCaus world.Value `json:"termcaus"`
	Type     string      `json:"type"` // the strongest obligation: defense, offense, neutrality, nonaggression, consultation, entente

	Bilateral         bool              `json:"bilat"`
	Asymmetric        bool              `json:"asymm"`
	Obligations       world.Obligations `json:"obligations"`
	Organization      world.Value       `json:"organ1"`
	MilitaryContact   world.Value       `json:"milcon"`
	IntegratedCommand world.Value       `json:"intcom"`
}

// days returns the days from a to b, with an unknown day (0) as the 15th.
func days(a, b world.Date) float64 {
	return float64(dayNumber(b) - dayNumber(a))
}

// dayNumber counts days from 1970-01-01 (negative before).
func dayNumber(d world.Date) int64 {
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

// imputed returns d with an unknown day (0) set to the 15th.
func imputed(d world.Date) world.Date {
	if d.Day == 0 {
		d.Day = 15
	}
	return d
}

func finish(s *Spell) error {
	s.Start = imputed(s.Start)
	s.End = imputed(s.End)
	if s.Start.Month == 0 || s.End.Month == 0 {
		return fmt.Errorf("termination: %s alliance %d: a date without a month (%s to %s)", s.Source, s.Alliance, s.Start, s.End)
	}
	s.Years = days(s.Start, s.End) / 365.25
	if s.Years <= 0 {
		who := fmt.Sprintf("%s alliance %d", s.Source, s.Alliance)
		if s.Member != 0 {
			who += fmt.Sprintf(" member %d", s.Member)
		}
		return fmt.Errorf("termination: %s: ends %s, not after its start %s", who, s.End, s.Start)
	}
	s.Type = strongest(s.Obligations)
	return nil
}

var typeOrder = []struct {
	o    world.Obligation
	name string
}{
	{world.Defense, "defense"}, {world.Offense, "offense"}, {world.Neutrality, "neutrality"},
	{world.Nonaggression, "nonaggression"}, {world.Consultation, "consultation"}, {world.Entente, "entente"},
}

// strongest names the strongest obligation of o.
func strongest(o world.Obligations) string {
	for _, t := range typeOrder {
		if o.Has(t.o) {
			return t.name
		}
	}
	return "none"
}

// termValue is an ATOP termination code as a value: the loader's -1 (an
// ended membership left uncoded, or an empty cell) is missing.
func termValue(code int) world.Value {
	if code < 0 {
		return world.Missing()
	}
	return world.Value(code)
}

func causeOf(mode world.Value) Cause {
	if mode.IsMissing() {
		return Unknown
	}
	if mode == 3 {
		return Violation
	}
	return Other
}

// ATOP returns the spells of ATOP v4 at level, by the reference
// construction (see the package comment), in atopid (then member) order.
func ATOP(alliances []atop.Alliance, members []atop.Member, level Level) ([]Spell, error) {
	byID := map[int][]atop.Member{}
	for _, m := range members {
		byID[m.ATOPID] = append(byID[m.ATOPID], m)
	}
	var out []Spell
	for i := range alliances {
		a := &alliances[i]
		base := Spell{Source: "atop", Alliance: a.ATOPID, Members: memberSet(a.Members), Mode: world.Missing(), TermCaus: world.Missing(),
			Bilateral: a.Bilateral, Asymmetric: a.Asymmetric, Obligations: a.Obligations,
			Organization: a.Organization, MilitaryContact: a.MilitaryContact, IntegratedCommand: a.IntegratedCommand}
		rows := byID[a.ATOPID]
		switch level {
		case AllianceLevel:
			s := base
			s.Start, s.End = a.Begin, a.End
			if a.InEffect {
				s.End = ATOPEnd
			} else {
				s.Ended = true
				s.Mode, s.TermCaus, s.Cause = allianceEnd(a, rows)
			}
			if err := finish(&s); err != nil {
				return nil, err
			}
			out = append(out, s)
		case MemberLevel:
			ms, err := atopMembers(base, rows)
			if err != nil {
				return nil, err
			}
			out = append(out, ms...)
		default:
			return nil, fmt.Errorf("termination: level %q: want alliance or member", level)
		}
	}
	return out, nil
}

// allianceEnd returns how an ended alliance ended: from the members whose
// membership ended on the alliance's end date (the last to leave when none
// did); a violation when any of them has termmode 3.
func allianceEnd(a *atop.Alliance, rows []atop.Member) (mode, caus world.Value, c Cause) {
	var last []atop.Member
	for _, m := range rows {
		if m.Exit == a.End {
			last = append(last, m)
		}
	}
	if len(last) == 0 {
		var end world.Date
		for _, m := range rows {
			if end.Before(m.Exit) {
				end = m.Exit
			}
		}
		for _, m := range rows {
			if m.Exit == end {
				last = append(last, m)
			}
		}
	}
	if len(last) == 0 {
		return world.Missing(), world.Missing(), Unknown
	}
	pick := last[0]
	for _, m := range last {
		if m.TermMode == 3 {
			pick = m
			break
		}
	}
	return termValue(int(pick.TermMode)), termValue(int(pick.TermCause)), causeOf(termValue(int(pick.TermMode)))
}

// atopMembers returns one spell per state of an alliance, from its first
// entry to its last exit over the alliance's phases.
func atopMembers(base Spell, rows []atop.Member) ([]Spell, error) {
	byState := map[int][]atop.Member{}
	var states []int
	for _, m := range rows {
		if _, ok := byState[m.CCode]; !ok {
			states = append(states, m.CCode)
		}
		byState[m.CCode] = append(byState[m.CCode], m)
	}
	sort.Ints(states)
	var out []Spell
	for _, c := range states {
		ms := byState[c]
		s := base
		s.Member = c
		s.Start = ms[0].Entry
		inForce := false
		last := ms[0]
		for _, m := range ms {
			if m.Entry.Before(s.Start) {
				s.Start = m.Entry
			}
			if m.InEffect {
				inForce = true
			}
			if last.Exit.Before(m.Exit) {
				last = m
			}
		}
		if inForce {
			s.End = ATOPEnd
		} else {
			s.End = last.Exit
			s.Ended = true
			s.Mode, s.TermCaus, s.Cause = termValue(int(last.TermMode)), termValue(int(last.TermCause)), causeOf(termValue(int(last.TermMode)))
		}
		s.Obligations = world.Obligations(0)
		for _, m := range ms {
			s.Obligations = s.Obligations.Union(m.Obligations)
		}
		if err := finish(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// COW returns the spells of COW v4.1 at level. COW codes no mode of
// termination: ended spells have Cause Unknown. Alliances in force at the
// end of 2012 are censored there; those formed before 1816 enter
// observation on 1816-01-01 (Entry > 0).
func COW(members []cow.Member, level Level) ([]Spell, error) {
	byID := map[int][]cow.Member{}
	var ids []int
	for _, m := range members {
		if _, ok := byID[m.ID]; !ok {
			ids = append(ids, m.ID)
		}
		byID[m.ID] = append(byID[m.ID], m)
	}
	sort.Ints(ids)
	var out []Spell
	for _, id := range ids {
		ms := byID[id]
		var states []int
		var obl world.Obligations
		for _, m := range ms {
			states = append(states, m.CCode)
			obl = obl.Union(m.Pledges.Set)
		}
		base := Spell{Source: "cow", Alliance: id, Members: memberSet(states), Obligations: obl,
			Mode: world.Missing(), TermCaus: world.Missing(),
			Organization: world.Missing(), MilitaryContact: world.Missing(), IntegratedCommand: world.Missing()}
		base.Bilateral = len(base.Members) == 2
		switch level {
		case AllianceLevel:
			s := base
			s.Start, s.End = ms[0].Alliance.Start, ms[0].Alliance.End
			if err := cowSpell(&s); err != nil {
				return nil, err
			}
			out = append(out, s)
		case MemberLevel:
			byState := map[int][]cow.Member{}
			for _, m := range ms {
				byState[m.CCode] = append(byState[m.CCode], m)
			}
			for _, c := range base.Members {
				s := base
				s.Member = c
				sp := byState[c]
				s.Start, s.End = sp[0].Spell.Start, sp[0].Spell.End
				s.Obligations = 0
				for _, m := range sp {
					if m.Spell.Start.Before(s.Start) {
						s.Start = m.Spell.Start
					}
					if m.Spell.End.IsZero() || (!s.End.IsZero() && s.End.Before(m.Spell.End)) {
						s.End = m.Spell.End
					}
					s.Obligations = s.Obligations.Union(m.Pledges.Set)
				}
				if sp[0].LeftCensor && s.Start.Year <= 1816 {
					s.Start = ms[0].Alliance.Start // the membership began with the alliance
				}
				if err := cowSpell(&s); err != nil {
					return nil, err
				}
				out = append(out, s)
			}
		default:
			return nil, fmt.Errorf("termination: level %q: want alliance or member", level)
		}
	}
	return out, nil
}

func cowSpell(s *Spell) error {
	if s.End.IsZero() {
		s.End = COWEnd
	} else {
		s.Ended = true
		s.Cause = Unknown
	}
	if err := finish(s); err != nil {
		return err
	}
	if s.Start.Before(cowFrom) {
		s.Entry = days(s.Start, cowFrom) / 365.25
	}
	return nil
}

func memberSet(cs []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, c := range cs {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	sort.Ints(out)
	return out
}
