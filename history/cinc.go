package history

import (
	"github.com/entente/entente/capability"
	"github.com/entente/entente/world"
)

// CINC computes the Composite Index of National Capability of every state
// in one system-year from its six NMC components (Singer, Bremer & Stuckey
// 1972), with capability.Index:
//
//	share_ic = x_ic / Σ_j x_jc   for c in {milex, milper, irst, pec, tpop, upop}
//	CINC_i   = mean over c of i's available shares share_ic
//
// where the sum runs over the states in caps that have component c. caps
// must hold every member of the system in that year and nothing else; the
// result is aligned with caps. A component missing for state i is left
// out of i's mean (the NMC v6.0 codebook's rule), so a state's CINC rests
// on the shares it has; a state with no components has a missing CINC. A
// component whose system total is zero gives no shares that year.
//
// out, when its capacity suffices, is reused.
//
// Departures: none. Over NMC v6.0 (15,951 state-years, 2,661 of them
// lacking a component) the result matches the published cinc to within
// 2.5e-8, the precision at which NMC publishes it (about seven significant
// digits); docs/history.md lists the largest differences.
func CINC(caps []world.Capability, out []world.Value) []world.Value {
	return capability.Index(len(caps), 6, func(i, c int) world.Value {
		return components(&caps[i])[c]
	}, out)
}

func components(c *world.Capability) [6]world.Value {
	return [6]world.Value{c.Milex, c.Milper, c.Irst, c.Pec, c.Tpop, c.Upop}
}
