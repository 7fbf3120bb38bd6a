package report

import (
	"testing"

	"github.com/entente/entente/internal/worldfile"
)

// TestDilemmaSectionEmbeddedWorld: every focus state has a row; Taiwan,
// bound by no obligation, has tightness and entrapment 0 and its whole
// dependence as abandonment fear; the Baltic states depend on NATO more
// than Hungary, which faces no actual threat.
func TestDilemmaSectionEmbeddedWorld(t *testing.T) {
	t.Parallel()
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Dilemma(w)
	if err != nil || s == nil || len(s.Tables) != 1 {
		t.Fatalf("section %+v, %v", s, err)
	}
	rows := map[string][]Cell{}
	for _, r := range s.Tables[0].Rows {
		if _, ok := rows[r[0].v.(string)]; !ok {
			rows[r[0].v.(string)] = r
		}
	}
	for _, n := range []string{"Estonia", "Latvia", "Lithuania", "Poland", "Japan", "South Korea", "Taiwan", "Philippines", "Belarus", "North Korea"} {
		if rows[n] == nil {
			t.Errorf("no row for %s", n)
		}
	}
	num := func(state string, col int) float64 { return rows[state][col].v.(float64) }
	if num("Taiwan", 4) != 0 || num("Taiwan", 10) != 0 || num("Taiwan", 8) != num("Taiwan", 6) || !(num("Taiwan", 6) > 0.5) {
		t.Errorf("Taiwan: %v", rows["Taiwan"])
	}
	if !(num("Estonia", 6) > num("Hungary", 6)) {
		t.Errorf("Estonia dependence %.3f, Hungary %.3f", num("Estonia", 6), num("Hungary", 6))
	}
}
