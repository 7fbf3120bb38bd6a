package report

import (
	"testing"

	"github.com/entente/entente/align"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/threat"
)

func TestThreatSectionEmbeddedWorld(t *testing.T) {
	t.Parallel()
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Threat(w)
	if err != nil {
		t.Fatal(err)
	}
	if s == nil || len(s.Tables) != 2 || len(s.Tables[0].Rows) != len(w.States) || len(s.Tables[1].Rows) == 0 {
		t.Fatalf("section %+v: want one row per state (%d)", s, len(w.States))
	}
	m, _ := threat.Compute(w, threat.DefaultOptions())
	ps, err := align.Predict(w, m, align.DefaultOptions())
	if err != nil || len(ps) != len(w.States) {
		t.Fatalf("Predict: %d predictions, %v", len(ps), err)
	}
}
