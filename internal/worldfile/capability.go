package worldfile

import (
	"github.com/entente/entente/capability"
	"github.com/entente/entente/world"
)

// FillCapability fills each state's Capability from its world-file figures
// and computes a CINC-like composite index.
//
// COW's CINC (Singer, Bremer & Stuckey 1972) averages a state's shares of
// the system totals of six components: military expenditure, military
// personnel, iron and steel production, primary energy consumption, total
// population and urban population. A world file carries four figures, so
// the composite here is
//
//	C_i = mean over c of x_ic / Σ_j x_jc,  c ∈ {milex_usd, personnel, population, gdp_usd},
//
// taken over the components i has, with sums over the file's states that
// have each component (capability.Index, the rule of COW's CINC). GDP stands in for the two industrial components
// (iron and steel, energy) as the economic base; this departs from COW and
// weighs economic size more than NMC does. The shares are shares of the
// file's states, not of the whole state system; the embedded world holds
// every major state, so the difference is small for them. A state with
// none of the four figures keeps a missing CINC.
//
// Milex, Milper and Tpop are filled in NMC units (thousands of US dollars,
// thousands of persons); Irst, Pec and Upop stay missing.
func FillCapability(w *world.World) {
	comps := []func(*world.State) world.Value{
		func(s *world.State) world.Value { return s.MilexUSD },
		func(s *world.State) world.Value { return s.Personnel },
		func(s *world.State) world.Value { return s.Population },
		func(s *world.State) world.Value { return s.GDP },
	}
	index := capability.Index(len(w.States), len(comps), func(i, c int) world.Value {
		return comps[c](&w.States[i])
	}, nil)
	for i := range w.States {
		s := &w.States[i]
		s.Capability.Milex = s.MilexUSD / 1000
		s.Capability.Milper = s.Personnel / 1000
		s.Capability.Tpop = s.Population / 1000
		s.Capability.CINC = index[i]
	}
}
