package history_test

import (
	"fmt"
	"log"
	"os"

	"github.com/entente/entente/history"
	"github.com/entente/entente/world"
)

// Build the system of 1914 from the datasets in $ENTENTE_DATA.
func ExampleHistory_World() {
	h, err := history.Open(os.Getenv("ENTENTE_DATA"))
	if err != nil {
		log.Fatal(err)
	}
	w, err := h.World(1914)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(w.States), "states;", len(w.AlliedIn(220, 365)), "alliances between France and Russia")
	fmt.Println("COW alliances covered:", w.Covered(world.FamilyCOWAlliances))
	fmt.Println("UK–France contiguity:", w.Relation(200, 220).Contiguity)
}
