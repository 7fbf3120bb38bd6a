package dilemma

import (
	"github.com/entente/entente/history"
	"github.com/entente/entente/world"
)

// ChainFromHistory returns the chain-ganging inputs of h: the COW wars,
// the MIDB participations, ATOP defence and offence pledges, COW
// major-power status and NMC CINC.
func ChainFromHistory(h *history.History) ChainInputs {
	majors := func(y int) []int {
		var out []int
		ms, mj := h.Members(y), h.Majors(y)
		for p, c := range ms {
			if mj[p] {
				out = append(out, c)
			}
		}
		return out
	}
	return ChainInputs{
		Wars:     h.Wars(),
		Disputes: h.Disputes(),
		Allied:   ATOPAllies(h.ATOPMembers(), world.Obligations(world.Defense|world.Offense)),
		Majors:   majors,
		CINC:     func(y, c int) float64 { return h.Capability(y, c).CINC.Float() },
		Poles: func(y int) int {
			var cs []float64
			for _, c := range majors(y) {
				cs = append(cs, h.Capability(y, c).CINC.Float())
			}
			return Poles(cs)
		},
	}
}
