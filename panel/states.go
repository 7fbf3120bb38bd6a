package panel

import (
	"github.com/entente/entente/world"
)

// stateKeys are the key columns of every state-year panel.
var stateKeys = []variable{
	codeKey("ccode", "COW state code.", func(yc *yearCtx) []int16 { return yc.p1 }),
	yearKey,
}

var stateVars = append(buildStateVars(), secondWaveStateVars()...)

func buildStateVars() []variable {
	vs := []variable{
		{Column: Column{Name: "cowmaj", Kind: Bool, Unit: "0/1", Source: "cow-states", From: SystemFrom, To: SystemTo,
			Description: "1 when the state is a COW major power in the year (a major-power spell overlaps the year)."},
			need: needMajors, fill: majorFill(1)},
	}
	for _, c := range capabilityComponents {
		vs = append(vs, variable{
			Column: Column{Name: c.name, Kind: Float, Unit: c.unit, Source: "nmc", From: NMCFrom, To: NMCTo,
				Description: "NMC " + c.what + ".", Missing: "when NMC codes it -9 or has no row for the state-year."},
			need: needNMC, fill: capFill(1, c.get)})
	}
	count := func(name, desc, src string, need need, from, to int, ok func(yc *yearCtx) bool, hit func(yc *yearCtx, i, k int) bool) variable {
		desc += " A member that was never a member on the same day of the year as the state (Germany and West Germany in 1990) is not counted, as the dyad-year panel drops the pair."
		return variable{Column: Column{Name: name, Kind: Int, Unit: "states", Source: src, From: from, To: to, Description: desc},
			need: need, fill: func(yc *yearCtx, v *Vec) {
				if !ok(yc) {
					v.AllNull()
					return
				}
				apart := !yc.opt.KeepApart && len(yc.h.NeverCoexisted(yc.year)) > 0
				for r, i := range yc.p1 {
					c := 0
					for k := range yc.n {
						if k == int(i) || !hit(yc, int(i), k) {
							continue
						}
						if apart && !yc.h.Coexisted(yc.year, yc.members[i], yc.members[k]) {
							continue
						}
						c++
					}
					v.I[r] = int64(c)
				}
			}}
	}
	atopOK := func(yc *yearCtx) bool { return yc.atop != nil }
	cowOK := func(yc *yearCtx) bool { return yc.cowSet != nil }
	contOK := func(yc *yearCtx) bool { return yc.cont != nil }
	atopTie := func(yc *yearCtx, i, k int) world.Obligations { return yc.atop[i*yc.n+k] | yc.atop[k*yc.n+i] }
	cowTie := func(yc *yearCtx, i, k int) world.Obligations { return yc.cowSet[i*yc.n+k] | yc.cowSet[k*yc.n+i] }
	vs = append(vs,
		count("atop_ndefense", "Number of system members with which the state shares an ATOP defense obligation (either direction).",
			"atop-ddyr-peacesciencer", needATOP, ATOPFrom, ATOPTo, atopOK,
			func(yc *yearCtx, i, k int) bool { return atopTie(yc, i, k).Has(world.Defense) }),
		count("atop_nallies", "Number of system members with which the state shares any ATOP obligation (either direction).",
			"atop-ddyr-peacesciencer", needATOP, ATOPFrom, ATOPTo, atopOK,
			func(yc *yearCtx, i, k int) bool { return atopTie(yc, i, k) != 0 }),
		count("cow_ndefense", "Number of system members with which the state shares a COW defense pledge (either direction).",
			"cow-alliances", needCOW, COWAllianceFrom, COWAllianceTo, cowOK,
			func(yc *yearCtx, i, k int) bool { return cowTie(yc, i, k).Has(world.Defense) }),
		count("cow_nallies", "Number of system members with which the state shares any COW alliance pledge (either direction).",
			"cow-alliances", needCOW, COWAllianceFrom, COWAllianceTo, cowOK,
			func(yc *yearCtx, i, k int) bool { return cowTie(yc, i, k) != 0 }),
		count("nland", "Number of system members contiguous by land (COW contiguity type 1).",
			"cow-contiguity", needContiguity, ContiguityFrom, ContiguityTo, contOK,
			func(yc *yearCtx, i, k int) bool { return yc.cont[i*yc.n+k] == 1 }),
		count("ncontig", "Number of system members with any COW direct contiguity (types 1..5).",
			"cow-contiguity", needContiguity, ContiguityFrom, ContiguityTo, contOK,
			func(yc *yearCtx, i, k int) bool { return yc.cont[i*yc.n+k] > 0 }),
	)
	return vs
}

// StateVariables returns the names of the state-year variables, in output
// order.
func StateVariables() []string { return names(stateVars) }

// StatePlan returns the plan of a state-year panel with opt.
func StatePlan(opt Options) (*Plan, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	sel, err := selectVars(stateVars, opt.Vars, "state-year")
	if err != nil {
		return nil, err
	}
	p := &Plan{kind: "state", opt: opt, vars: append(append([]variable{}, stateKeys...), sel...),
		rows: (*yearCtx).stateRows, title: "entente state-year panel", unit: "state-year (ccode, year)"}
	p.finish()
	return p, nil
}

func (yc *yearCtx) stateRows() {
	yc.p1 = make([]int16, yc.n)
	for i := range yc.p1 {
		yc.p1[i] = int16(i)
	}
}

// capabilityComponents are the NMC columns of both panels (cinc and the six
// components; dyad panels write each twice, for ccode1 and ccode2).
var capabilityComponents = []struct {
	name, unit, what string
	get              func(c *world.Capability) world.Value
}{
	{"cinc", "share of the system total", "Composite Index of National Capability", func(c *world.Capability) world.Value { return c.CINC }},
	{"milex", "thousands of current US dollars", "military expenditure", func(c *world.Capability) world.Value { return c.Milex }},
	{"milper", "thousands of personnel", "military personnel", func(c *world.Capability) world.Value { return c.Milper }},
	{"irst", "thousands of tons", "iron and steel production", func(c *world.Capability) world.Value { return c.Irst }},
	{"pec", "thousands of coal-ton equivalents", "primary energy consumption", func(c *world.Capability) world.Value { return c.Pec }},
	{"tpop", "thousands of people", "total population", func(c *world.Capability) world.Value { return c.Tpop }},
	{"upop", "thousands of people", "urban population", func(c *world.Capability) world.Value { return c.Upop }},
}
