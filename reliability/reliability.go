// Package reliability scores whether alliance members honoured their
// commitments when an ally went to war: one Row per invocation, under two
// rules.
//
// The naive rule (Sabrosky 1980) reads COW alliances on Sabrosky's unit,
// the war-involved alliance dyad: every member of an alliance one of
// whose members is at war is invoked once per member at war, and honours
// the alliance when it fights on that ally's side.
//
// The llm rule (Leeds, Long & Mitchell 2000) reads ATOP obligations
// member by member, with their conditions: a defence pledge is triggered
// when the ally is attacked (it fought on the side that did not initiate
// the war), an offence pledge when the ally is on the initiating side, a
// neutrality or non-aggression pledge whenever the ally is at war.
// Defence and offence are honoured by fighting on the ally's side;
// neutrality and non-aggression by not fighting against it. Consultation
// pledges are not scored: they bind a member only to talk, which the war
// data do not record. docs/reliability.md says where this departs from
// the published coding.
//
// The package reads no files: it takes the wars, the COW membership
// spells and the ATOP member rows that history builds.
package reliability

import (
	"fmt"
	"math"
	"sort"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/world"
)

// Rule names a way of scoring invocations.
type Rule string

// The rules.
const (
	Naive Rule = "naive" // Sabrosky: COW alliances, any ally at war
	LLM   Rule = "llm"   // Leeds, Long & Mitchell: ATOP obligations and conditions
)

// Rules lists the valid rules.
var Rules = []Rule{Naive, LLM}

// Verdict is the outcome of one invocation.
type Verdict string

// The verdicts. NotTriggered rows explain why the obligation did not
// apply; they do not enter the rates.
const (
	Honoured     Verdict = "honoured"
	NotHonoured  Verdict = "not honoured"
	NotTriggered Verdict = "not triggered"
)

// Row is one invocation: a member of an alliance whose ally was at war.
type Row struct {
	Rule       Rule       `json:"rule"`
	WarID      int        `json:"war"`
	WarName    string     `json:"war_name"`
	Year       int        `json:"year"`     // the year the ally entered the war
	Alliance   string     `json:"alliance"` // "cow:ID" or "atop:ID"
	Member     int        `json:"member"`
	Ally       int        `json:"ally"`
	AllyEnter  world.Date `json:"ally_entered"`
	AllySide   int        `json:"ally_side"`   // 0 COW side A, 1 side B
	MemberSide int        `json:"member_side"` // -1 when the member did not fight
	Obligation string     `json:"obligation"`  // defense, offense, neutrality, nonaggression (llm); defense, neutrality, nonaggression, entente (naive: the member's strongest COW pledge)
	Verdict    Verdict    `json:"verdict"`
	Reason     string     `json:"reason"`
	// Unchecked lists the treaty conditions the data cannot verify
	// (named adversary, location, specific conflict, demands): the
	// obligation is taken as triggered regardless.
	Unchecked []string `json:"unchecked,omitempty"`
}

// Scored reports whether r enters the rates.
func (r Row) Scored() bool { return r.Verdict != NotTriggered }

// COWSpell is one member's spell in one COW alliance (history's
// COWMembership, restated so that the package does not import history).
type COWSpell struct {
	ID          int
	CCode       int
	Spell       world.Spell
	Obligations world.Obligations // the member's pledges (COW type I defence, II neutrality or non-aggression, III entente)
}

// cowType names the strongest of a COW member's pledges: defense,
// neutrality, nonaggression or entente ("alliance" when none is coded).
func cowType(o world.Obligations) string {
	for _, k := range []world.Obligation{world.Defense, world.Neutrality, world.Nonaggression, world.Entente} {
		if o.Has(k) {
			return world.Obligations(0).With(k).String()
		}
	}
	return "alliance"
}

// Name returns the state name for a ccode ("" when unknown); rows use it
// in their reasons.
type Name func(ccode int) string

// initiatingSide returns the side of w whose participants initiated it
// (COW's initiator flags), or -1 when neither or both sides carry one.
func initiatingSide(w *world.War) int {
	var has [2]bool
	for s := range w.Sides {
		for _, p := range w.Sides[s] {
			if p.Initiator {
				has[s] = true
			}
		}
	}
	switch {
	case has[0] && !has[1]:
		return 0
	case has[1] && !has[0]:
		return 1
	}
	return -1
}

// covers reports whether a membership spell was in force on date d: it
// began on or before d and had not ended before d (an empty end is in
// force).
func covers(s world.Spell, d world.Date) bool {
	if d.Before(s.Start) {
		return false
	}
	return s.End.IsZero() || !s.End.Before(d)
}

// entry is one participation in a war: a state can appear on both sides
// (France in the Second World War), each with its own dates.
type entry struct {
	p    *world.Participant
	side int
}

// entries returns the participations of ccode in w, earliest first.
func entries(w *world.War, c int) []entry {
	var out []entry
	for s := range w.Sides {
		for i := range w.Sides[s] {
			if w.Sides[s][i].State == c {
				out = append(out, entry{&w.Sides[s][i], s})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].p.Entered.Before(out[j].p.Entered) })
	return out
}

// onSide returns ccode's first participation on side s of w, or nil.
func onSide(w *world.War, c, s int) *world.Participant {
	for _, e := range entries(w, c) {
		if e.side == s {
			return e.p
		}
	}
	return nil
}

// foughtEachOther reports whether member m fought on the side opposite
// the ally's participation e while e fought: two participations on
// opposite sides whose spans overlap. A state COW codes on both sides of
// one war fought its earlier allies only after it changed sides: Vichy
// France (from July 1940) did not fight Poland (September–October 1939),
// so France's guarantee to Poland is judged as a pledge to an outsider's
// victim, not as a war between members.
func foughtEachOther(w *world.War, m int, e *entry) bool {
	for _, o := range entries(w, m) {
		if o.side != e.side && !o.p.Left.Before(e.p.Entered) && !e.p.Left.Before(o.p.Entered) {
			return true
		}
	}
	return false
}

// before reports whether a membership began no later than the war: an
// alliance made during the war is not an earlier commitment invoked by it.
func before(s world.Spell, w *world.War) bool { return !w.Start.Before(s.Start) }

func name(n Name, c int) string {
	if n != nil {
		if s := n(c); s != "" {
			return s
		}
	}
	return fmt.Sprintf("ccode %d", c)
}

// NaiveRows returns the naive rule's rows on Sabrosky's unit, the
// war-involved alliance dyad: for each war, each COW alliance and each
// member that fought in the war while a member (the ally), one row per
// other member (the member) in the alliance when the ally entered. A pair
// of members who both fought gives two rows, one each way, as Sabrosky's
// ordered dyads do. Both must have been members when the war began (an
// alliance made during the war is not invoked by it). The member honours
// the alliance when it fought on the ally's side.
func NaiveRows(wars []world.War, spells []COWSpell, n Name) []Row {
	byID := map[int][]COWSpell{}
	for _, s := range spells {
		byID[s.ID] = append(byID[s.ID], s)
	}
	ids := make([]int, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	var out []Row
	for wi := range wars {
		w := &wars[wi]
		for _, id := range ids {
			mem := byID[id]
			for _, a := range allies(w, mem) {
				seen := map[int]bool{a.p.State: true}
				for _, s := range mem {
					if seen[s.CCode] || !before(s.Spell, w) || !covers(s.Spell, a.p.Entered) {
						continue
					}
					seen[s.CCode] = true
					r := Row{Rule: Naive, WarID: w.ID, WarName: w.Name, Year: a.p.Entered.Year,
						Alliance: fmt.Sprintf("cow:%d", id), Member: s.CCode, Ally: a.p.State,
						AllyEnter: a.p.Entered, AllySide: a.side, MemberSide: -1, Obligation: cowType(s.Obligations)}
					judge(&r, w, true, n)
					out = append(out, r)
				}
			}
		}
	}
	return out
}

// allies returns, for each member of a COW alliance (its spells mem) that
// fought in w while a member that had joined before the war, its first
// such participation, in order of entry.
func allies(w *world.War, mem []COWSpell) []entry {
	first := map[int]entry{}
	for _, s := range mem {
		if !before(s.Spell, w) {
			continue
		}
		for _, e := range entries(w, s.CCode) {
			if !covers(s.Spell, e.p.Entered) {
				continue
			}
			if f, ok := first[s.CCode]; !ok || e.p.Entered.Before(f.p.Entered) {
				first[s.CCode] = e
			}
			break
		}
	}
	out := make([]entry, 0, len(first))
	for _, e := range first {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].p.Entered != out[j].p.Entered {
			return out[i].p.Entered.Before(out[j].p.Entered)
		}
		return out[i].p.State < out[j].p.State
	})
	return out
}

// judge sets r's verdict and reason from the member's participations:
// with fight, honoured when it fought on the ally's side (defence,
// offence, the naive rule); otherwise honoured unless it fought against
// the ally (neutrality, non-aggression).
func judge(r *Row, w *world.War, fight bool, n Name) {
	mn, an := name(n, r.Member), name(n, r.Ally)
	same := onSide(w, r.Member, r.AllySide)
	against := onSide(w, r.Member, 1-r.AllySide)
	switch {
	case same != nil:
		r.MemberSide = r.AllySide
	case against != nil:
		r.MemberSide = 1 - r.AllySide
	}
	switch {
	case fight && same != nil:
		r.Verdict, r.Reason = Honoured, fmt.Sprintf("%s fought beside %s (entered %s)", mn, an, same.Entered)
	case against != nil:
		r.Verdict, r.Reason = NotHonoured, fmt.Sprintf("%s fought against %s (entered %s)", mn, an, against.Entered)
	case fight:
		r.Verdict, r.Reason = NotHonoured, fmt.Sprintf("%s stayed out while %s fought from %s", mn, an, r.AllyEnter)
	case same != nil:
		r.Verdict, r.Reason = Honoured, fmt.Sprintf("%s fought beside %s", mn, an)
	default:
		r.Verdict, r.Reason = Honoured, fmt.Sprintf("%s did not fight against %s", mn, an)
	}
}

// phaseKey identifies one phase of one ATOP alliance.
type phaseKey struct{ id, phase int }

// LLMRows returns the llm rule's rows: for each war and each ATOP
// alliance phase one of whose members fought in it while a member, one
// row per other member and per scored obligation that member undertook
// (defence, offence, neutrality, non-aggression). Members and allies must
// have joined before the war began.
func LLMRows(wars []world.War, members []atop.Member, n Name) []Row {
	byPhase := map[phaseKey][]atop.Member{}
	for _, m := range members {
		k := phaseKey{m.ATOPID, m.Phase}
		byPhase[k] = append(byPhase[k], m)
	}
	keys := make([]phaseKey, 0, len(byPhase))
	for k := range byPhase {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].id != keys[j].id {
			return keys[i].id < keys[j].id
		}
		return keys[i].phase < keys[j].phase
	})
	var out []Row
	for wi := range wars {
		w := &wars[wi]
		init := initiatingSide(w)
		for _, k := range keys {
			mem := byPhase[k]
			var allies []entry
			for _, m := range mem {
				sp := world.Spell{Start: m.Entry, End: m.Exit}
				if !before(sp, w) {
					continue
				}
				for _, e := range entries(w, m.CCode) {
					if covers(sp, e.p.Entered) {
						allies = append(allies, e)
					}
				}
			}
			if len(allies) == 0 {
				continue
			}
			sort.SliceStable(allies, func(i, j int) bool { return allies[i].p.Entered.Before(allies[j].p.Entered) })
			for _, m := range mem {
				if !before(world.Spell{Start: m.Entry, End: m.Exit}, w) {
					continue
				}
				for _, ob := range []world.Obligation{world.Defense, world.Offense, world.Neutrality, world.Nonaggression} {
					if !m.Obligations.Has(ob) {
						continue
					}
					if r, ok := llmRow(w, init, k.id, m, ob, allies, n); ok {
						out = append(out, r)
					}
				}
			}
		}
	}
	return out
}

func llmRow(w *world.War, init, id int, m atop.Member, ob world.Obligation, allies []entry, n Name) (Row, bool) {
	spell := world.Spell{Start: m.Entry, End: m.Exit}
	var trig atop.Trigger
	switch ob {
	case world.Defense:
		trig = m.Defense
	case world.Offense:
		trig = m.Offense
	default:
		trig = m.Neutrality
	}
	var first, ally *entry // the first ally in force; the first that triggered the pledge
	var why string         // why the pledge was not triggered by the first ally
	for i := range allies {
		e := &allies[i]
		if e.p.State == m.CCode || !covers(spell, e.p.Entered) {
			continue
		}
		if first == nil {
			first = e
		}
		reason := notTriggered(w, init, m.CCode, ob, trig, e, n)
		if reason == "" {
			ally = e
			break
		}
		if why == "" {
			why = reason
		}
	}
	if first == nil {
		return Row{}, false
	}
	r := Row{Rule: LLM, WarID: w.ID, WarName: w.Name, Alliance: fmt.Sprintf("atop:%d", id), Member: m.CCode,
		MemberSide: -1, Obligation: world.Obligations(0).With(ob).String()}
	if ally == nil {
		r.Ally, r.AllyEnter, r.Year, r.AllySide = first.p.State, first.p.Entered, first.p.Entered.Year, first.side
		r.Verdict, r.Reason = NotTriggered, why
		if s := onSide(w, m.CCode, first.side); s != nil {
			r.MemberSide = first.side
		} else if s := onSide(w, m.CCode, 1-first.side); s != nil {
			r.MemberSide = 1 - first.side
		}
		return r, true
	}
	r.Ally, r.AllyEnter, r.Year, r.AllySide = ally.p.State, ally.p.Entered, ally.p.Entered.Year, ally.side
	for _, c := range []struct {
		on   bool
		name string
	}{{trig.Adversary, "adversary"}, {trig.Location, "location"}, {trig.Conflict, "conflict"}, {trig.Demand, "demand"}} {
		if c.on {
			r.Unchecked = append(r.Unchecked, c.name)
		}
	}
	judge(&r, w, ob == world.Defense || ob == world.Offense, n)
	return r, true
}

// notTriggered returns why the ally's participation e does not trigger
// the pledge ob with conditions t, or "" when it does.
func notTriggered(w *world.War, init, m int, ob world.Obligation, t atop.Trigger, e *entry, n Name) string {
	an := name(n, e.p.State)
	switch {
	case (ob == world.Defense || ob == world.Offense) && foughtEachOther(w, m, e):
		return fmt.Sprintf("a war between members: %s fought %s; the pledge is against outsiders", name(n, m), an)
	case init < 0 && (ob == world.Defense || ob == world.Offense):
		return "COW codes no single initiating side"
	case ob == world.Defense && e.side == init:
		return fmt.Sprintf("%s was on the initiating side: not attacked", an)
	case ob == world.Offense && e.side != init:
		return fmt.Sprintf("%s was on the attacked side: no offensive war", an)
	case ob == world.Neutrality && t.Attack && e.side == init:
		return fmt.Sprintf("the neutrality holds only if %s is attacked; it was on the initiating side", an)
	case t.NonProvoked && e.side == init:
		return fmt.Sprintf("the pledge excludes a war %s provoked; it was on the initiating side", an)
	case t.Number && len(w.Sides[1-e.side]) < 2:
		return fmt.Sprintf("the pledge needs more than one attacker; %s faced one", an)
	}
	return ""
}

// Rate is a share of honoured invocations with its Wilson 95% interval.
type Rate struct {
	Group    string  `json:"group"`
	Honoured int     `json:"honoured"`
	N        int     `json:"n"`
	Rate     float64 `json:"rate"` // NaN (null) when N is 0
	Lo       float64 `json:"lo"`
	Hi       float64 `json:"hi"`
}

// Wilson returns the rate k/n with its Wilson score interval at z = 1.96;
// all three are NaN when n is 0.
func Wilson(k, n int) (p, lo, hi float64) {
	if n == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	const z = 1.959963984540054
	nf := float64(n)
	p = float64(k) / nf
	d := 1 + z*z/nf
	c := (p + z*z/(2*nf)) / d
	h := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / d
	// Clamped to [0, 1] and around p: at k = n the upper bound is 1 in
	// exact arithmetic but can round to 1 − 2⁻⁵³, below the rate itself.
	return p, math.Min(p, math.Max(0, c-h)), math.Max(p, math.Min(1, c+h))
}

// Rates groups the scored rows by key (rows for which key returns ""
// are dropped) and returns one Rate per group, sorted by group.
func Rates(rows []Row, key func(Row) string) []Rate {
	type kn struct{ k, n int }
	acc := map[string]*kn{}
	for _, r := range rows {
		if !r.Scored() {
			continue
		}
		g := key(r)
		if g == "" {
			continue
		}
		if acc[g] == nil {
			acc[g] = &kn{}
		}
		acc[g].n++
		if r.Verdict == Honoured {
			acc[g].k++
		}
	}
	out := make([]Rate, 0, len(acc))
	for g, c := range acc {
		p, lo, hi := Wilson(c.k, c.n)
		out = append(out, Rate{Group: g, Honoured: c.k, N: c.n, Rate: p, Lo: lo, Hi: hi})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Group < out[j].Group })
	return out
}

// Keys for Rates.
var (
	All        = func(Row) string { return "all" }
	ByType     = func(r Row) string { return r.Obligation }
	ByAlliance = func(r Row) string { return r.Alliance }
	ByEra      = func(r Row) string {
		if r.Year < 1945 {
			return "1816-1944"
		}
		return "1945-"
	}
)

// Between returns the rows whose year lies in [from, to].
func Between(rows []Row, from, to int) []Row {
	var out []Row
	for _, r := range rows {
		if r.Year >= from && r.Year <= to {
			out = append(out, r)
		}
	}
	return out
}

// Summary is a reliability table as 'entente reliability --format json'
// and the HTTP API's /api/reliability show it: the rates of one rule over
// a span of years, overall and by a grouping, and optionally every row.
type Summary struct {
	Rule         string `json:"rule"`
	From         int    `json:"from"`
	To           int    `json:"to"`
	By           string `json:"by,omitempty"`
	Overall      []Rate `json:"overall"`
	Groups       []Rate `json:"groups,omitempty"`
	NotTriggered int    `json:"not_triggered"`
	Rows         []Row  `json:"rows,omitempty"`
}

// GroupKey returns the grouping of Rates named by ("" for none, "type",
// "era" or "alliance").
func GroupKey(by string) (func(Row) string, error) {
	switch by {
	case "":
		return func(Row) string { return "" }, nil
	case "type":
		return ByType, nil
	case "era":
		return ByEra, nil
	case "alliance":
		return ByAlliance, nil
	}
	return nil, fmt.Errorf("grouping %q: want type, era or alliance", by)
}

// Summarize returns the summary of the rows of rule (naive or llm) in
// from..to grouped by by, with the rows themselves when withRows.
func Summarize(naive, llm []Row, rule string, from, to int, by string, withRows bool) (*Summary, error) {
	var all []Row
	switch rule {
	case string(Naive):
		all = naive
	case string(LLM):
		all = llm
	default:
		return nil, fmt.Errorf("rule %q: want naive or llm", rule)
	}
	key, err := GroupKey(by)
	if err != nil {
		return nil, err
	}
	sel := Between(all, from, to)
	s := &Summary{Rule: rule, From: from, To: to, By: by, Overall: Rates(sel, All), Groups: Rates(sel, key)}
	for _, r := range sel {
		if !r.Scored() {
			s.NotTriggered++
		}
	}
	if withRows {
		s.Rows = sel
	}
	return s, nil
}
