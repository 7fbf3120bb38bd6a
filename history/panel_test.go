package history

import (
	"testing"

	"github.com/entente/entente/world"
)

// TestCOWDyadsIn checks that the union of COWDyadsIn's pledges is the COW
// table on every dyad-year, and that it reports the empty flags of the
// member file as unknown.
func TestCOWDyadsIn(t *testing.T) {
	h := open(t)
	type key struct{ a, b int }
	unknown := 0
	for y := COWAlliancesFirst - 1; y <= COWAlliancesLast+1; y++ {
		got := map[key]world.Obligations{}
		h.COWDyadsIn(y, func(a, b int, pledged, known world.Obligations) {
			got[key{a, b}] |= pledged
			if known != world.Obligations(world.Defense|world.Neutrality|world.Nonaggression|world.Entente) {
				unknown++
			}
		})
		keys, vals := h.COW().Year(y)
		if len(keys) != len(got) {
			t.Fatalf("%d: %d dyads from COWDyadsIn, %d in COW()", y, len(got), len(keys))
		}
		for i, k := range keys {
			if o := got[key{k.A(), k.B()}]; o != vals[i] {
				t.Fatalf("%d %d-%d: COWDyadsIn %v, COW() %v", y, k.A(), k.B(), o, vals[i])
			}
		}
	}
	if unknown == 0 {
		t.Errorf("no dyad-year with an empty pledge flag")
	}
}
