package worldfile

import (
	"github.com/entente/entente/capability"
	"github.com/entente/entente/world"
)

// FillCapability fills each state's Capability from its world-file figures
// and computes a CINC-like composite index.
//
// COW's CINC (Singer, Bremer & Stuckey 1972) averages a state's shares of
// the system totals of six components, two in each of three dimensions:
// military (expenditure, personnel), industrial (iron and steel, energy)
// and demographic (total and urban population); each dimension weighs a
// third. A world file carries four figures, so the composite here keeps
// the three dimensions:
//
//	M_i = (milex_i / Σ_j milex_j + personnel_i / Σ_j personnel_j) / 2   over the states with both
//	E_i = gdp_i / Σ_j gdp_j,   D_i = population_i / Σ_j population_j
//	C_i = mean of i's available M_i, E_i, D_i   (capability.Index)
//
// GDP stands in for the industrial dimension as the economic base; this
// departs from COW and weighs economic size more than NMC does. The shares
// are shares of the file's states, not of the whole state system; the
// embedded world holds every major state, so the difference is small for
// them.
//
// The military dimension is measured only when both its components are: a
// state with personnel but no expenditure figure (North Korea before a
// public estimate was entered, Vietnam) would otherwise have its army
// stand for the whole dimension, and a large conscript army on a small
// economy then dominates the composite. Averaging four components with
// equal weight gave the military two of four shares and had the same
// effect. Such a state's composite rests on its economic and demographic
// dimensions, and says so by its missing military expenditure. A state
// with none of the figures keeps a missing CINC.
//
// Milex, Milper and Tpop are filled in NMC units (thousands of US dollars,
// thousands of persons); Irst, Pec and Upop stay missing.
func FillCapability(w *world.World) {
	var milex, pers float64
	for i := range w.States {
		s := &w.States[i]
		if s.MilexUSD.OK() && s.Personnel.OK() {
			milex += s.MilexUSD.Float()
			pers += s.Personnel.Float()
		}
	}
	military := func(s *world.State) world.Value {
		if s.MilexUSD.IsMissing() || s.Personnel.IsMissing() || milex <= 0 || pers <= 0 {
			return world.Missing()
		}
		return world.Known((s.MilexUSD.Float()/milex + s.Personnel.Float()/pers) / 2)
	}
	dims := []func(*world.State) world.Value{
		military,
		func(s *world.State) world.Value { return s.GDP },
		func(s *world.State) world.Value { return s.Population },
	}
	index := capability.Index(len(w.States), len(dims), func(i, c int) world.Value {
		return dims[c](&w.States[i])
	}, nil)
	for i := range w.States {
		s := &w.States[i]
		s.Capability.Milex = s.MilexUSD / 1000
		s.Capability.Milper = s.Personnel / 1000
		s.Capability.Tpop = s.Population / 1000
		s.Capability.CINC = index[i]
	}
}
