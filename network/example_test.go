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
