package worldfiletest

import (
	"testing"

	"github.com/entente/entente/internal/worldfile"
)

// The cuts of the embedded world parse, hold the states asked for, and
// keep alliances, systems and relations among them.
func TestCut(t *testing.T) {
	for _, keep := range [][]int{Europe, Powers} {
		src, err := Cut(worldfile.DefaultYAML(), keep...)
		if err != nil {
			t.Fatal(err)
		}
		w, err := worldfile.Parse("cut.yaml", src)
		if err != nil {
			t.Fatalf("cut %v: %v", keep, err)
		}
		if len(w.States) != len(keep) || len(w.Alliances) == 0 || len(w.Relations) == 0 {
			t.Errorf("cut %v: %d states, %d alliances, %d relations", keep, len(w.States), len(w.Alliances), len(w.Relations))
		}
		t.Logf("cut %v: %d bytes, %d states, %d alliances, %d systems, %d relations", keep, len(src),
			len(w.States), len(w.Alliances), len(w.Systems), len(w.Relations))
	}
}
