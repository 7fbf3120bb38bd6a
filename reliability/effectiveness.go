package reliability

import (
	"fmt"
	"math"
	"sort"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/world"
)

// Coalition is one ATOP alliance with two or more members fighting on one
// side of a war, having joined before it began, with whether that side
// won and which of the conditions for effective alliances held.
type Coalition struct {
	WarID    int    `json:"war"`
	WarName  string `json:"war_name"`
	Side     int    `json:"side"`
	Alliance string `json:"alliance"`
	Members  []int  `json:"members"` // the alliance members on the side
	Won      bool   `json:"won"`     // the most of them were COW winners
	// The conditions (false when not measured; Measured says which were).
	SharedThreat  bool   `json:"shared_threat"` // the treaty names a specific threat (ATOP specthrt > 0)
	Complementary bool   `json:"complementary"` // no member leads in every NMC component
	Dominant      bool   `json:"dominant"`      // one member holds at least half their CINC
	Committed     bool   `json:"committed"`     // at least half the triggered defence and offence pledges honoured
	Interoperable bool   `json:"interoperable"` // integrated command (intcom) or a formal organisation with staff (organ1 ≥ 2)
	Measured      uint8  `json:"measured"`      // bit k set when condition k (Conditions order) was measured
	Note          string `json:"note,omitempty"`
}

// Conditions names the conditions of Coalition in order.
var Conditions = []string{"shared_threat", "complementary", "dominant", "committed", "interoperable"}

func (c *Coalition) held(k int) (held, measured bool) {
	measured = c.Measured&(1<<k) != 0
	switch k {
	case 0:
		held = c.SharedThreat
	case 1:
		held = c.Complementary
	case 2:
		held = c.Dominant
	case 3:
		held = c.Committed
	case 4:
		held = c.Interoperable
	}
	return held, measured
}

// Capability returns a state's NMC capability in a year.
type Capability func(y, ccode int) world.Capability

// Coalitions returns the coalitions of wars: for each war, side and ATOP
// alliance, the alliance's members that fought on that side having
// joined before the war, when there are two or more. llm supplies the
// invocations that measure commitment; capability the NMC components in
// the war's first year.
func Coalitions(wars []world.War, members []atop.Member, llm []Row, capability Capability) []Coalition {
	byID := map[int][]atop.Member{}
	for _, m := range members {
		byID[m.ATOPID] = append(byID[m.ATOPID], m)
	}
	ids := make([]int, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	type key struct {
		war      int
		alliance string
	}
	honoured, triggered := map[key]int{}, map[key]int{}
	for _, r := range llm {
		if r.Scored() && (r.Obligation == "defense" || r.Obligation == "offense") {
			k := key{r.WarID, r.Alliance}
			triggered[k]++
			if r.Verdict == Honoured {
				honoured[k]++
			}
		}
	}
	var out []Coalition
	for wi := range wars {
		w := &wars[wi]
		for _, id := range ids {
			for side := 0; side < 2; side++ {
				var on []int
				var prov []atop.Member
				seen := map[int]bool{}
				for _, m := range byID[id] {
					sp := world.Spell{Start: m.Entry, End: m.Exit}
					if seen[m.CCode] || !before(sp, w) || !covers(sp, w.Start) {
						continue
					}
					if p := onSide(w, m.CCode, side); p != nil {
						seen[m.CCode] = true
						on = append(on, m.CCode)
						prov = append(prov, m)
					}
				}
				if len(on) < 2 {
					continue
				}
				sort.Ints(on)
				c := Coalition{WarID: w.ID, WarName: w.Name, Side: side, Alliance: fmt.Sprintf("atop:%d", id), Members: on}
				wins := 0
				for _, s := range on {
					if p := onSide(w, s, side); p != nil && p.Outcome == world.OutcomeWinner {
						wins++
					}
				}
				c.Won = 2*wins > len(on)
				c.measure(prov, w.Start.Year, capability)
				k := key{w.ID, c.Alliance}
				if n := triggered[k]; n > 0 {
					c.Measured |= 1 << 3
					c.Committed = 2*honoured[k] >= n
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// measure sets the conditions read from the treaty and the capabilities.
func (c *Coalition) measure(prov []atop.Member, y int, capability Capability) {
	any := func(f func(m atop.Member) (bool, bool)) (held, measured bool) {
		for _, m := range prov {
			h, ok := f(m)
			measured = measured || ok
			held = held || h
		}
		return held, measured
	}
	if h, ok := any(func(m atop.Member) (bool, bool) { return m.SpecificThreat > 0, m.SpecificThreat.OK() }); ok {
		c.Measured |= 1 << 0
		c.SharedThreat = h
	}
	if h, ok := any(func(m atop.Member) (bool, bool) {
		return m.IntegratedCmd > 0 || m.Organization >= 2, m.IntegratedCmd.OK() || m.Organization.OK()
	}); ok {
		c.Measured |= 1 << 4
		c.Interoperable = h
	}
	if capability == nil {
		return
	}
	caps := make([]world.Capability, len(c.Members))
	total, top := 0.0, 0.0
	for i, s := range c.Members {
		caps[i] = capability(y, s)
		if v := caps[i].CINC; v.OK() {
			total += float64(v)
			top = math.Max(top, float64(v))
		}
	}
	if total > 0 {
		c.Measured |= 1 << 2
		c.Dominant = top >= total/2
	}
	// Complementary: no member leads in every component it and the others report.
	leader := -2
	measured := false
	for _, get := range []func(world.Capability) world.Value{
		func(k world.Capability) world.Value { return k.Milex }, func(k world.Capability) world.Value { return k.Milper },
		func(k world.Capability) world.Value { return k.Irst }, func(k world.Capability) world.Value { return k.Pec },
		func(k world.Capability) world.Value { return k.Tpop }, func(k world.Capability) world.Value { return k.Upop },
	} {
		best, bv := -1, math.Inf(-1)
		for i := range caps {
			if v := get(caps[i]); v.OK() && float64(v) > bv {
				best, bv = i, float64(v)
			}
		}
		if best < 0 {
			continue
		}
		measured = true
		switch leader {
		case -2:
			leader = best
		case best:
		default:
			leader = -1
		}
	}
	if measured {
		c.Measured |= 1 << 1
		c.Complementary = leader == -1
	}
}

// ConditionRate is the share of coalitions on the winning side among
// those where a condition held, and among those where it did not.
type ConditionRate struct {
	Condition string `json:"condition"`
	Held      Rate   `json:"held"`
	NotHeld   Rate   `json:"not_held"`
}

// Effectiveness tabulates the coalitions' wins by condition, with Wilson
// intervals. The coalitions are few and those of one war are not
// independent: the table describes, it does not test.
func Effectiveness(cs []Coalition) []ConditionRate {
	out := make([]ConditionRate, len(Conditions))
	for k, name := range Conditions {
		var hk, hn, nk, nn int
		for i := range cs {
			held, ok := cs[i].held(k)
			if !ok {
				continue
			}
			if held {
				hn++
				if cs[i].Won {
					hk++
				}
			} else {
				nn++
				if cs[i].Won {
					nk++
				}
			}
		}
		r := ConditionRate{Condition: name}
		r.Held = Rate{Group: "held", Honoured: hk, N: hn}
		r.Held.Rate, r.Held.Lo, r.Held.Hi = Wilson(hk, hn)
		r.NotHeld = Rate{Group: "not held", Honoured: nk, N: nn}
		r.NotHeld.Rate, r.NotHeld.Lo, r.NotHeld.Hi = Wilson(nk, nn)
		out[k] = r
	}
	return out
}
