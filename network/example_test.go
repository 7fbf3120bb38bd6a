package network_test

import (
	"fmt"

	"github.com/entente/entente/network"
	"github.com/entente/entente/world"
)

// The same measure tells a hub-and-spoke system from a multilateral one.
func ExampleGraph_Centralization() {
	spell := world.Spell{Start: world.D(1960, 1, 1)}
	bilateral := func(a, b int) *world.Alliance {
		return &world.Alliance{Structure: world.Bilateral, Members: []world.Member{{CCode: a, Spell: spell}, {CCode: b, Spell: spell}}}
	}
	star := network.AllianceGraph(world.D(2024, 12, 31), bilateral(2, 740), bilateral(2, 732), bilateral(2, 840))
	nato := &world.Alliance{Structure: world.Multilateral}
	for _, c := range []int{2, 20, 200, 220, 255} {
		nato.Members = append(nato.Members, world.Member{CCode: c, Spell: spell})
	}
	complete := network.AllianceGraph(world.D(2024, 12, 31), nato)
	fmt.Printf("star %.2f, complete %.2f\n", star.Centralization(), complete.Centralization())
	// Output: star 1.00, complete 0.00
}

// Two alliances that never meet are two blocs; a dispute across them is a
// negative tie that keeps them apart in the signed blocs too.
func ExampleNetwork_Blocs() {
	w := &world.World{Year: 1980}
	for _, c := range []int{2, 20, 200, 365, 290, 315} {
		s := world.NewState(c, "")
		s.Capability.CINC = 0.1
		w.States = append(w.States, s)
	}
	w.Index()
	def := world.Obligations(0).With(world.Defense)
	var ps []network.Pledge
	for _, bloc := range [][]int{{2, 20, 200}, {365, 290, 315}} {
		for _, a := range bloc {
			for _, b := range bloc {
				if a != b {
					ps = append(ps, network.Pledge{From: a, To: b, Obligations: def})
				}
			}
		}
	}
	w.Disputes = []world.Dispute{
		{ID: 1, CCode: 2, SideA: true, Start: world.D(1980, 1, 1), End: world.D(1980, 3, 1)},
		{ID: 1, CCode: 365, Start: world.D(1980, 1, 1), End: world.D(1980, 3, 1)},
	}
	n, err := network.New(w, ps, network.DefaultOptions())
	if err != nil {
		panic(err)
	}
	p, sp := n.Blocs(), n.SignedBlocs()
	fmt.Printf("%d ties, %d blocs, USA and USSR apart: %v, signed: %v, polarization %.2f\n",
		len(n.Ties), len(p.Blocs), p.Of(2) != p.Of(365), sp.Of(2) != sp.Of(365), n.Polarization(p))
	// Output: 6 ties, 2 blocs, USA and USSR apart: true, signed: true, polarization 0.50
}
