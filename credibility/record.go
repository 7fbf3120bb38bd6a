package credibility

import (
	"math"
	"sort"

	"github.com/entente/entente/reliability"
	"github.com/entente/entente/world"
)

// Record is the reliability record reputation reads: each state's scored
// defence and offence invocations under the llm rule (the pledges to
// fight), by year.
type Record struct {
	by map[int][]event
}

type event struct {
	year     int
	honoured bool
}

// NewRecord keeps the scored defence and offence rows of rows (the llm
// rule's), by member.
func NewRecord(rows []reliability.Row) *Record {
	r := &Record{by: map[int][]event{}}
	for _, x := range rows {
		if !x.Scored() || (x.Obligation != world.Obligations(0).With(world.Defense).String() &&
			x.Obligation != world.Obligations(0).With(world.Offense).String()) {
			continue
		}
		r.by[x.Member] = append(r.by[x.Member], event{x.Year, x.Verdict == reliability.Honoured})
	}
	for _, es := range r.by {
		sort.Slice(es, func(i, j int) bool { return es[i].year < es[j].year })
	}
	return r
}

// Weight returns the decayed weight of ccode's invocations before year y
// and of those it honoured: each counts 2^(−(y − year)/halfLife).
func (r *Record) Weight(ccode, y int, halfLife float64) (n, honoured float64) {
	for _, e := range r.by[ccode] {
		if e.year >= y {
			break
		}
		w := math.Exp2(-float64(y-e.year) / halfLife)
		n += w
		if e.honoured {
			honoured += w
		}
	}
	return n, honoured
}
