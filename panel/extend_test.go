package panel

import (
	"context"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// TestExtendedSystem builds the dyad-year panel 2016–2022 with the system
// extended to 2022 and NMC v7.0: every year has the 195 members of 2016,
// and every column is missing exactly after its source ends.
func TestExtendedSystem(t *testing.T) {
	opt := Options{From: 2016, To: 2022, ExtendSystemTo: 2022, NMC: 7,
		Vars: []string{"atop_defense", "cinc1", "cowmaj1", "conttype", "capdist_km", "mindist_km", "gmlmidonset", "sim_s", "sim_s_cinc"}}
	plan, err := DyadPlan(opt)
	if err != nil {
		t.Fatal(err)
	}
	h, err := plan.Open(testenv.DataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	last := map[string]int{ // the last year each column has values
		"atop_defense": 2018, "cinc1": 2022, "cowmaj1": 2016, "conttype": 2016, "capdist_km": 2022,
		"mindist_km": 2019, "gmlmidonset": 0, "sim_s": 2018, "sim_s_cinc": 2018,
	}
	_, err = plan.Build(context.Background(), h, &collector{cols: plan.Columns(), check: func(b *Batch, col func(string) *Vec) {
		if b.Rows != 195*194 {
			t.Errorf("%d: %d rows, want 195 × 194", b.Year, b.Rows)
		}
		for name, to := range last {
			v := col(name)
			nulls := 0
			for r := range b.Rows {
				if v.IsNull(r) {
					nulls++
				}
			}
			switch {
			case b.Year > to && nulls != b.Rows:
				t.Errorf("%d %s: %d of %d rows missing, want all (the source ends in %d)", b.Year, name, nulls, b.Rows, to)
			case b.Year <= to && nulls == b.Rows:
				t.Errorf("%d %s: every row missing inside the source's coverage", b.Year, name)
			}
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if notes := strings.Join(plan.Codebook().Notes, " "); !strings.Contains(notes, "stay members through 2022") {
		t.Errorf("codebook notes do not mention the extension: %s", notes)
	}
	// A history opened without the extension or with NMC v6.0 is refused.
	if _, err := plan.Build(context.Background(), realData(t), &collector{cols: plan.Columns()}); err == nil {
		t.Error("built a 2016–2022 panel from a history that ends in 2016")
	}
}

// TestBuildRefusesUnloadedFiles: a history opened for another plan (here
// without the CShapes distances or NMC) cannot build a plan that needs them.
func TestBuildRefusesUnloadedFiles(t *testing.T) {
	small, err := DyadPlan(Options{From: 1980, To: 1980, Vars: []string{"sim_s"}})
	if err != nil {
		t.Fatal(err)
	}
	h, err := small.Open(testenv.DataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, vars := range [][]string{{"mindist_km"}, {"cinc1"}} {
		p, err := DyadPlan(Options{From: 1980, To: 1980, Vars: vars})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Build(context.Background(), h, &collector{cols: p.Columns()}); err == nil || !strings.Contains(err.Error(), "was not loaded") {
			t.Errorf("%v: err %v, want a file that was not loaded", vars, err)
		}
	}
}

// TestStateCountsLeaveOutNeverCoexisted: COW's NATO spells bind Germany
// (255) and West Germany (260) in 1990, but they were never members on the
// same day, so Germany's COW ally count is 16, not 17, unless the pair is
// kept.
func TestStateCountsLeaveOutNeverCoexisted(t *testing.T) {
	for _, tc := range []struct {
		keep bool
		want int64
	}{{false, 16}, {true, 17}} {
		p, err := StatePlan(Options{From: 1990, To: 1990, KeepApart: tc.keep, Vars: []string{"cow_nallies"}})
		if err != nil {
			t.Fatal(err)
		}
		got := int64(-1)
		_, err = p.Build(context.Background(), realData(t), &collector{cols: p.Columns(), check: func(b *Batch, col func(string) *Vec) {
			c, n := col("ccode"), col("cow_nallies")
			for r := range b.Rows {
				if c.I[r] == 255 {
					got = n.I[r]
				}
			}
		}})
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("keep %v: Germany's COW allies in 1990 = %d, want %d", tc.keep, got, tc.want)
		}
	}
}
