package world

// The one rule for "allied": which states count as allies of each other in a
// year or on a date, under which kinds of obligation. Models (threat,
// scorecard, landscape) and front ends (the report) ask here instead of
// walking member spells themselves.

// AnyObligation holds every Obligation kind. Under it every alliance counts,
// whatever its members pledged and even when the source codes no pledge.
const AnyObligation = Obligations(Defense | Offense | Neutrality | Nonaggression | Consultation | Entente)

// At is the moment at which alliances are read: a calendar year (a member
// spell counts when it overlaps the year, Spell.Overlaps) or a date (when it
// is in force that day, Spell.ActiveOn). Build one with InYear or OnDate.
type At struct {
	year   int
	date   Date
	byDate bool
}

// InYear returns the At of calendar year y.
func InYear(y int) At { return At{year: y} }

// OnDate returns the At of date d. A zero d takes every member, whatever its
// spell (as Alliance.MembersOn does).
func OnDate(d Date) At { return At{date: d, byDate: true} }

// covers reports whether spell s counts at t.
func (t At) covers(s Spell) bool {
	if t.byDate {
		return t.date.IsZero() || s.ActiveOn(t.date)
	}
	return s.Overlaps(t.year)
}

// counts reports whether a pledge p counts under kinds: every pledge under
// AnyObligation, otherwise one that shares a kind with kinds.
func counts(p, kinds Obligations) bool {
	return kinds == AnyObligation || p&kinds != 0
}

// pledges returns the members of al in force at t, each once in the order of
// al.Members, with the union of their pledges over their spells in force (a
// member that codes no pledge of its own takes the alliance's).
func (al *Alliance) pledges(t At) (ccodes []int, pledged []Obligations) {
	for _, m := range al.Members {
		if !t.covers(m.Spell) {
			continue
		}
		o := m.Obligations
		if o == 0 {
			o = al.Obligations
		}
		k := -1
		for i, c := range ccodes {
			if c == m.CCode {
				k = i
				break
			}
		}
		if k < 0 {
			ccodes = append(ccodes, m.CCode)
			pledged = append(pledged, o)
		} else {
			pledged[k] |= o
		}
	}
	return ccodes, pledged
}

// AlliedPairs calls f(a, b) once for every pair of distinct states allied in
// al at t under kinds: both hold a membership spell in force at t, and at
// least one of them pledged a kind in kinds (the non-directed view of
// directed pledges, as ATOP's dyad-year file is read when symmetrised). a
// comes before b in the order of al.Members. Under AnyObligation every pair
// of members in force is allied.
func (al *Alliance) AlliedPairs(t At, kinds Obligations, f func(a, b int)) {
	cs, ps := al.pledges(t)
	for x := range cs {
		for y := x + 1; y < len(cs); y++ {
			if counts(ps[x]|ps[y], kinds) {
				f(cs[x], cs[y])
			}
		}
	}
}

// Allied reports whether a and b (distinct) are allied in al at t under
// kinds (see AlliedPairs).
func (al *Alliance) Allied(a, b int, t At, kinds Obligations) bool {
	if a == b {
		return false
	}
	var pa, pb Obligations
	var ina, inb bool
	cs, ps := al.pledges(t)
	for i, c := range cs {
		switch c {
		case a:
			ina, pa = true, ps[i]
		case b:
			inb, pb = true, ps[i]
		}
	}
	return ina && inb && counts(pa|pb, kinds)
}

// AlliancesOf returns the alliances of w in which a and b are allied at t
// under kinds, in the order of w.Alliances.
func (w *World) AlliancesOf(a, b int, t At, kinds Obligations) []*Alliance {
	var out []*Alliance
	for i := range w.Alliances {
		if al := &w.Alliances[i]; al.Allied(a, b, t, kinds) {
			out = append(out, al)
		}
	}
	return out
}

// Allied reports whether a and b are allied at t under kinds in any
// alliance of w.
func (w *World) Allied(a, b int, t At, kinds Obligations) bool {
	for i := range w.Alliances {
		if w.Alliances[i].Allied(a, b, t, kinds) {
			return true
		}
	}
	return false
}

// AlliedIn returns the alliances in w in which a and b are both members in
// w.Year, whatever they pledged: AlliancesOf(a, b, InYear(w.Year),
// AnyObligation).
func (w *World) AlliedIn(a, b int) []*Alliance {
	return w.AlliancesOf(a, b, InYear(w.Year), AnyObligation)
}

// AlliedDyads returns the dyads allied at t under kinds in the alliances of
// w for which keep returns true (every alliance when keep is nil).
func (w *World) AlliedDyads(t At, kinds Obligations, keep func(*Alliance) bool) map[Dyad]bool {
	out := map[Dyad]bool{}
	for i := range w.Alliances {
		al := &w.Alliances[i]
		if keep != nil && !keep(al) {
			continue
		}
		al.AlliedPairs(t, kinds, func(a, b int) { out[MakeDyad(a, b)] = true })
	}
	return out
}
