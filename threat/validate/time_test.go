package validate

import (
	"testing"
	"time"

	"github.com/entente/entente/threat"
)

func TestTimeAll(t *testing.T) {
	ws := testWorlds(t)
	t0 := time.Now()
	rows, _ := dyads(ws.History, DefaultSplit, threat.DefaultOptions())
	t1 := time.Now()
	fit(rows, DefaultGrid, 0.01)
	t2 := time.Now()
	s := waltScores(rows, 0, 0, 0.5, 2, 0.01)
	y := outcome(rows, BehaviourDispute)
	evaluate(rows, s, y)
	t3 := time.Now()
	AUC(s, y)
	t.Log(t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), time.Since(t3))
}
