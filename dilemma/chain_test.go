package dilemma

import (
	"testing"
)

// TestChain: over 1816–2014, 1914 comes out as chain-ganging and 1938 and
// 1939 as buck-passing, by the measure and without a special case; all
// three years are multipolar, 1914 offence-dominant and 1938–39
// defence-dominant by the initiators' record.
func TestChain(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the real data")
	}
	load(t)
	tb := Chain(ChainFromHistory(hist), 1816, 2014)
	want := map[int]struct {
		verdict string
		offence bool
	}{1914: {"chain-ganging", true}, 1938: {"buck-passing", false}, 1939: {"buck-passing", false}}
	for _, y := range tb.Years {
		w, ok := want[y.Year]
		if !ok {
			continue
		}
		t.Logf("%+v", y)
		if y.Verdict != w.verdict || y.Offence != w.offence || !y.Multipolar {
			t.Errorf("%d: %+v, want %s, offence %v, multipolar", y.Year, y, w.verdict, w.offence)
		}
		delete(want, y.Year)
	}
	if len(want) > 0 {
		t.Errorf("no cases in %v", want)
	}
	// The table docs/dilemmas.md reports.
	cells := map[string][2]int{}
	for _, c := range tb.Overall {
		cells[c.Group] = [2]int{c.Joined, c.N}
	}
	for _, c := range tb.Cells {
		cells[c.Group] = [2]int{c.Joined, c.N}
	}
	for g, want := range map[string][2]int{"all": {198, 923}, "war": {52, 67}, "mid": {146, 856},
		"multipolar, offence": {41, 187}, "multipolar, defence": {59, 332},
		"bipolar or unipolar, offence": {12, 58}, "bipolar or unipolar, defence": {86, 346}} {
		if cells[g] != want {
			t.Errorf("%s: joined %d of %d, want %d of %d", g, cells[g][0], cells[g][1], want[0], want[1])
		}
	}
}
