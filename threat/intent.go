package threat

import (
	"github.com/entente/entente/world"
)

// defenceTie marks the obligations that make an ally in the sense of the
// Walt composite: a pledge to fight beside the partner (defence) or to join
// it in attacking (offense). Neutrality, non-aggression, consultation and
// entente are weaker ties: they are shown, but they do not close the gate of
// intentions.
const defenceTie = world.Obligations(world.Defense) | world.Obligations(world.Offense)

// ReferenceDate returns the date on which a World's alliances are read: its
// AsOf date, or 31 December of its year when AsOf is not set.
func ReferenceDate(w *world.World) world.Date {
	if !w.AsOf.IsZero() {
		return w.AsOf
	}
	return world.D(w.Year, 12, 31)
}

// tiesOn returns, for each pair [to*n+from], the union of the obligations
// of every alliance in which both are members on date d, each member's
// own pledges and its partner's together. The ATOP Helsinki Final Act
// (non-aggression) thus makes the United States and the Soviet Union tied
// by non-aggression in 1980, not allies; Locarno, repudiated on 7 March
// 1936, ties nobody on 31 December 1936. since holds, for pairs bound by
// a defence or offense obligation, the first year of the bond in force
// (the later of the two members' spell starts, the earliest such
// alliance), 0 for other pairs.
func tiesOn(w *world.World, pos map[int]int, d world.Date) (ties []world.Obligations, since []int) {
	n := len(w.States)
	out := make([]world.Obligations, n*n)
	since = make([]int, n*n)
	type mem struct {
		p     int
		ob    world.Obligations
		start int
	}
	var ms []mem
	for a := range w.Alliances {
		al := &w.Alliances[a]
		ms = ms[:0]
		for _, m := range al.Members {
			if !m.Spell.ActiveOn(d) {
				continue
			}
			p, ok := pos[m.CCode]
			if !ok {
				continue
			}
			ob := m.Obligations
			if ob == 0 {
				ob = al.Obligations
			}
			ms = append(ms, mem{p, ob, m.Spell.Start.Year})
		}
		for _, x := range ms {
			for _, y := range ms {
				if x.p == y.p {
					continue
				}
				k := x.p*n + y.p
				out[k] |= x.ob | y.ob
				if (x.ob|y.ob)&defenceTie != 0 {
					s := max(x.start, y.start)
					if since[k] == 0 || s < since[k] {
						since[k] = s
					}
				}
			}
		}
	}
	return out, since
}

// lastDisputeYears returns, for each pair [to*n+from] (symmetric), the
// last year in or before w.Year of a dispute in which the two stood on
// opposite sides, or 0 when they never did.
func lastDisputeYears(w *world.World, pos map[int]int) []int {
	n := len(w.States)
	out := make([]int, n*n)
	byID := map[int][]*world.Dispute{}
	for k := range w.Disputes {
		d := &w.Disputes[k]
		if d.Start.Year > w.Year {
			continue
		}
		if _, ok := pos[d.CCode]; ok {
			byID[d.ID] = append(byID[d.ID], d)
		}
	}
	for _, ps := range byID {
		for _, p := range ps {
			for _, q := range ps {
				if q.SideA == p.SideA || q.CCode == p.CCode {
					continue
				}
				end := p.End.Year
				if q.End.Year < end {
					end = q.End.Year
				}
				if p.End.IsZero() || end > w.Year {
					end = w.Year
				}
				k := pos[q.CCode]*n + pos[p.CCode]
				if end > out[k] {
					out[k] = end
				}
			}
		}
	}
	return out
}
