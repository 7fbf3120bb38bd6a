package validate

import (
	"sync"
	"testing"

	"github.com/entente/entente/threat"
)

var (
	oosOnce sync.Once
	oosRes  *OOSResult
	oosErr  error
)

// outOfSample runs the published validation once per test binary.
func outOfSample(tb testing.TB) *OOSResult {
	tb.Helper()
	ws := testWorlds(tb)
	oosOnce.Do(func() {
		oosRes, oosErr = OutOfSample(ws.History, DefaultSplit, threat.DefaultOptions(), DefaultGrid)
	})
	if oosErr != nil {
		tb.Fatal(oosErr)
	}
	return oosRes
}

// TestDefaultsAreFitted checks that the Walt composite's default exponents
// are those the fit selects on the training years 1816–1945.
func TestDefaultsAreFitted(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every year of the real data")
	}
	res := outOfSample(t)
	d := threat.DefaultOptions()
	if res.AggregateExp != d.AggregateExp || res.PowerExp != d.PowerExp || res.ProximityExp != d.ProximityExp || res.IntentPower != d.IntentPower {
		t.Errorf("fitted on 1816–1945: δ %v α %v β %v γ %v; defaults δ %v α %v β %v γ %v",
			res.AggregateExp, res.PowerExp, res.ProximityExp, res.IntentPower, d.AggregateExp, d.PowerExp, d.ProximityExp, d.IntentPower)
	}
}

// TestOutOfSample logs the table of docs/threat.md and checks what the
// default achieves on 1946–2014: on disputes it beats the seed's sum and
// every single component in AUC and in log-loss; on balancing it beats the
// sum, power and intentions in AUC; on balancing against hostility (the
// sensitivity check) it beats all four in AUC. On balancing, proximity alone has the
// same AUC (0.7766 against 0.7765 when written) and the sum a lower
// log-loss (0.04018 against 0.04058); those results are logged and
// documented, not hidden.
func TestOutOfSample(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every year of the real data")
	}
	res := outOfSample(t)
	for _, set := range []struct {
		name string
		ms   []Metric
	}{{"train", res.Train}, {"test", res.Test}} {
		for _, m := range set.ms {
			t.Logf("%s %-10s %-18s AUC %.4f grouped %.4f log-loss %.5f n %d events %d", set.name, m.Behaviour, m.Model, m.AUC, m.GroupedAUC, m.LogLoss, m.N, m.Events)
		}
	}
	def := map[string]Metric{}
	for _, m := range res.Test {
		if m.Model == ModelDefault {
			def[m.Behaviour] = m
		}
	}
	for _, m := range res.Test {
		if m.Model == ModelDefault {
			continue
		}
		d := def[m.Behaviour]
		if d.N != m.N || d.Events != m.Events {
			t.Errorf("%s: %s judged on %d dyad-years (%d events), the default on %d (%d)", m.Behaviour, m.Model, m.N, m.Events, d.N, d.Events)
		}
		mustAUC := m.Behaviour != BehaviourBalancing || m.Model != ModelProximity
		mustLL := m.Behaviour == BehaviourDispute
		switch {
		case mustAUC && !(d.AUC > m.AUC), mustLL && !(d.LogLoss < m.LogLoss):
			t.Errorf("%s: default AUC %.4f log-loss %.5f does not beat %s (%.4f, %.5f)", m.Behaviour, d.AUC, d.LogLoss, m.Model, m.AUC, m.LogLoss)
		case !(d.AUC > m.AUC) || !(d.LogLoss < m.LogLoss):
			t.Logf("%s: default AUC %.4f log-loss %.5f does not beat %s (%.4f, %.5f)", m.Behaviour, d.AUC, d.LogLoss, m.Model, m.AUC, m.LogLoss)
		}
	}
}
