package validate

import (
	"testing"

	"github.com/entente/entente/align"
	"github.com/entente/entente/threat"
)

// BenchmarkValidate runs the whole validation of 'entente validate threat':
// the face-validity cases and the out-of-sample table (every directed
// dyad-year of 1816–2014 scored by five models, the fit on 1816–1945, AUC
// and log-loss on both splits). Opening the history (history's own
// benchmark) is excluded.
func BenchmarkValidate(b *testing.B) {
	ws := testWorlds(b)
	cases := fixtureCases(b)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Face(cases, ws, threat.DefaultOptions(), align.DefaultOptions()); err != nil {
			b.Fatal(err)
		}
		if _, err := OutOfSample(ws.History, DefaultSplit, threat.DefaultOptions(), DefaultGrid); err != nil {
			b.Fatal(err)
		}
	}
}
