package dilemma

import (
	"math"
	"path/filepath"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/termination"
)

func atopSpells(t *testing.T) []termination.Spell {
	dir := testenv.DataDir(t)
	al, err := atop.ReadAlliances(filepath.Join(dir, history.FileATOPAlliance))
	if err != nil {
		t.Fatal(err)
	}
	sp, err := termination.ATOP(al, hist.ATOPMembers(), termination.AllianceLevel)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

// TestMorrow runs Morrow's two claims on ATOP v4, 1816–2016, and logs
// the figures docs/dilemmas.md reports.
func TestMorrow(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the real data")
	}
	load(t)
	sys := HistorySystem(hist)
	fs := Foundings(hist.ATOPMembers())
	f := Formation(fs, sys, 1816, 2016)
	// Asymmetric dyads form alliances more than twice as often per
	// dyad-year as symmetric ones, but major–major dyads most often of all.
	if f.Asymmetric.Formed != 698 || f.Symmetric.Formed != 3041 || f.MajorMajor.Formed != 174 {
		t.Errorf("founding dyads %d asymmetric, %d symmetric (%d major–major); want 698, 3041, 174", f.Asymmetric.Formed, f.Symmetric.Formed, f.MajorMajor.Formed)
	}
	if !(f.Lo > 2 && f.Hi < 2.5) || !(f.MajorMajor.Lo > f.Asymmetric.Hi) {
		t.Errorf("formation: %+v", f)
	}
	sp := atopSpells(t)
	for _, c := range []struct {
		by         string
		fn         func(termination.Spell) (bool, bool)
		asym, sym  float64 // KM medians, years
		hrLo, hrHi float64 // bounds on the hazard ratio's interval
	}{
		// Major–minor alliances do not last longer: HR 1.08 (0.88–1.33).
		{"major-minor", ByMajorMinor(fs, sys), 20.24, 22.60, 0.85, 1.35},
		// Asymmetric obligations end sooner: HR 3.0 (2.3–4.0).
		{"atop-asymm", ByATOPAsymm, 5.02, 25.00, 2.2, 4.0},
	} {
		d, err := DurationBy(c.by, sp, c.fn)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(d.Asymmetric.Median-c.asym) > 0.01 || math.Abs(d.Symmetric.Median-c.sym) > 0.01 ||
			d.Lo < c.hrLo || d.Hi > c.hrHi {
			t.Errorf("duration %s: %+v", c.by, *d)
		}
	}
}
