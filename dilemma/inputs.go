package dilemma

import (
	"sort"
	"strconv"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/reliability"
	"github.com/entente/entente/world"
)

// ATOPProvisions returns an Inputs.Provisions that reads the ATOP v4
// member rows: for alliance "atop:ID" and a member, the provisions of the
// member's last phase. Conditional is the trigger flag of the member's
// strongest pledge (defcon, offcon, neucon or concon; missing for a
// non-aggression pledge, which ATOP does not condition).
func ATOPProvisions(rows []atop.Member) func(alliance string, member int) (Provision, bool) {
	type key struct{ id, c int }
	last := map[key]*atop.Member{}
	for i := range rows {
		r := &rows[i]
		k := key{r.ATOPID, r.CCode}
		if p := last[k]; p == nil || r.Phase > p.Phase {
			last[k] = r
		}
	}
	return func(alliance string, member int) (Provision, bool) {
		if len(alliance) < 6 || alliance[:5] != "atop:" {
			return Provision{}, false
		}
		id, err := strconv.Atoi(alliance[5:])
		if err != nil {
			return Provision{}, false
		}
		r := last[key{id, member}]
		if r == nil {
			return Provision{}, false
		}
		p := Provision{Asymmetric: r.Asymmetric, Conditional: world.Missing(), MilitaryContact: r.MilitaryContact,
			IntegratedCmd: r.IntegratedCmd, Bases: r.Bases, Subordination: r.Subordination, Organization: r.Organization}
		o := r.Obligations
		for _, t := range []struct {
			k world.Obligation
			c atop.Trigger
		}{{world.Defense, r.Defense}, {world.Offense, r.Offense}, {world.Neutrality, r.Neutrality}, {world.Consultation, r.Consultation}} {
			if o.Has(t.k) {
				p.Conditional = world.Known(b2f(t.c.Conditional))
				break
			}
		}
		return p, true
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// CredibilityPrior is the weight, in invocations, of the overall rate in
// PastReliability: a patron with no record is credited with the rate of
// all patrons, one with a long record with its own.
const CredibilityPrior = 2

// PastReliability returns an Inputs.Credibility from the reliability
// package's scored invocation rows (the llm rule by default, Leeds, Long &
// Mitchell 2000): the share of the patron's invocations before year that
// it honoured, shrunk towards the share over every member's invocations
// before year,
//
//	κ = (k + w·p₀) / (n + w),  w = CredibilityPrior,
//
// whatever the obligation: the obligation's type enters the abandonment
// fear through the tightness instead. Missing before the first scored
// invocation. Only rows before year count, so that κ uses no hindsight.
func PastReliability(rows []reliability.Row) func(alliance string, patron, member, year int) world.Value {
	all := &record{}
	by := map[int]*record{}
	for _, r := range rows {
		if !r.Scored() {
			continue
		}
		if by[r.Member] == nil {
			by[r.Member] = &record{}
		}
		by[r.Member].add(r.Year, r.Verdict == reliability.Honoured)
		all.add(r.Year, r.Verdict == reliability.Honoured)
	}
	all.finish()
	for _, r := range by {
		r.finish()
	}
	return func(_ string, patron, _, year int) world.Value {
		k0, n0 := all.before(year)
		if n0 == 0 {
			return world.Missing()
		}
		p0 := float64(k0) / float64(n0)
		k, n := by[patron].before(year)
		return world.Known((float64(k) + CredibilityPrior*p0) / (float64(n) + CredibilityPrior))
	}
}

// record is a state's (or everyone's) invocations, by year, with the
// running count honoured.
type record struct {
	years    []int
	honoured []bool
	cumK     []int // cumK[i]: honoured among the first i, after finish
}

func (r *record) add(y int, h bool) {
	r.years = append(r.years, y)
	r.honoured = append(r.honoured, h)
}

func (r *record) finish() {
	idx := make([]int, len(r.years))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return r.years[idx[a]] < r.years[idx[b]] })
	ys, hs := make([]int, len(idx)), make([]bool, len(idx))
	for i, j := range idx {
		ys[i], hs[i] = r.years[j], r.honoured[j]
	}
	r.years, r.honoured = ys, hs
	r.cumK = make([]int, len(ys)+1)
	for i, h := range hs {
		r.cumK[i+1] = r.cumK[i]
		if h {
			r.cumK[i+1]++
		}
	}
}

// before returns the honoured and all invocations before year y (0, 0 for
// a nil record).
func (r *record) before(y int) (k, n int) {
	if r == nil {
		return 0, 0
	}
	n = sort.SearchInts(r.years, y)
	return r.cumK[n], n
}
