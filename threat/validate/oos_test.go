package validate

import (
	"testing"

	"github.com/entente/entente/threat"
)

func TestOutOfSample(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every year of the real data")
	}
	ws := testWorlds(t)
	res, err := OutOfSample(ws.History, DefaultSplit, threat.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("chosen on 1816–1945: α %v β %v γ %v", res.PowerExp, res.ProximityExp, res.IntentPower)
	for _, set := range []struct {
		name string
		ms   []Metric
	}{{"train", res.Train}, {"test", res.Test}} {
		for _, m := range set.ms {
			t.Logf("%s %-10s %-18s AUC %.4f log-loss %.5f n %d events %d", set.name, m.Behaviour, m.Model, m.AUC, m.LogLoss, m.N, m.Events)
		}
	}
}
