package validate

import (
	"fmt"
	"testing"

	"github.com/entente/entente/threat"
)

func TestDebugCases(t *testing.T) {
	ws := testWorlds(t)
	for _, c := range fixtureCases(t) {
		w, _ := ws.World(c.World, c.Year)
		m, _ := threat.Compute(w, threat.DefaultOptions())
		fs := m.Faced(c.State)
		s := fmt.Sprintf("%s %d %s:", c.World, c.Year, c.Name)
		for _, f := range fs[:5] {
			s += fmt.Sprintf(" %d[T%.2f P%.2f R%.2f O%.2f I%.2f %v]", f.From, f.Total, f.Potential, f.DyadicPower, f.DyadicOffense, f.Intent, f.Tie)
		}
		for _, want := range c.TopThreat {
			f, _ := m.At(want, c.State)
			s += fmt.Sprintf(" | want %d[T%.2f P%.2f I%.2f]", want, f.Total, f.Potential, f.Intent)
		}
		t.Log(s)
	}
}
