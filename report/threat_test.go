package report

import (
	"fmt"
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

// TestCredibilitySection checks that the embedded world's report lists the
// commitments the issue names, with their components.
func TestCredibilitySection(t *testing.T) {
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Credibility(w)
	if err != nil || s == nil {
		t.Fatalf("section %v, error %v", s, err)
	}
	rows := map[string]bool{}
	for _, r := range s.Tables[0].Rows {
		rows[fmt.Sprint(r[0].v, " → ", r[1].v)] = true
	}
	for _, want := range []string{"United States → Poland", "United States → Estonia", "United States → Japan",
		"United States → South Korea", "United States → Taiwan", "United States → Philippines",
		"Russia → Belarus", "Russia → Armenia", "Russia → North Korea", "China → North Korea"} {
		if !rows[want] {
			t.Errorf("no row %s", want)
		}
	}
}
