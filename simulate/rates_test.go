package simulate

import (
	"testing"

	"github.com/entente/entente/reliability"
)

// TestJoinRatesFromHistory recomputes the default defence and offence
// join rates: the honour rates of triggered pledges under the Leeds,
// Long & Mitchell rule over the COW wars (entente reliability --rule llm
// --by type).
func TestJoinRatesFromHistory(t *testing.T) {
	_, llm := reliability.FromHistory(openHistory(t))
	d := DefaultConfig().Join
	want := map[string]float64{"defense": d.Defense, "offense": d.Offense}
	for _, r := range reliability.Rates(llm, reliability.ByType) {
		if w, ok := want[r.Group]; ok {
			if r.Rate != w {
				t.Errorf("%s: honoured %d of %d = %v, DefaultConfig has %v", r.Group, r.Honoured, r.N, r.Rate, w)
			}
			delete(want, r.Group)
		}
	}
	if len(want) > 0 {
		t.Errorf("no reliability rate for %v", want)
	}
}
