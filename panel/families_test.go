package panel

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/internal/dataset"

	"github.com/entente/entente/internal/source/war"
	"github.com/entente/entente/internal/testenv"
)

type dyadYear struct{ a, b, y int }

// TestWarVarsMatchCOW checks war_ongoing and war_onset against the COW
// war dyad-year file, row by row (peacesciencer's cowinterongoing and
// cowinteronset).
func TestWarVarsMatchCOW(t *testing.T) {
	dys, err := war.ReadDyadYears(testenv.File(t, "cow_war/cow_war_inter_ddy_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ongoing, onset := map[dyadYear]bool{}, map[dyadYear]bool{}
	for _, d := range dys {
		ongoing[dyadYear{d.CCode1, d.CCode2, d.Year}] = true
		if d.Onset {
			onset[dyadYear{d.CCode1, d.CCode2, d.Year}] = true
		}
	}
	gotOn, gotOnset := map[dyadYear]bool{}, map[dyadYear]bool{}
	build(t, Options{From: WarsFrom, To: SystemTo, Vars: []string{"war_ongoing", "war_onset"}}, func(b *Batch, col func(string) *Vec) {
		c1, c2, on, st := col("ccode1"), col("ccode2"), col("war_ongoing"), col("war_onset")
		for r := range b.Rows {
			k := dyadYear{int(c1.I[r]), int(c2.I[r]), b.Year}
			if on.IsNull(r) || st.IsNull(r) {
				if b.Year <= WarsTo {
					t.Fatalf("%v: missing inside coverage", k)
				}
				continue
			}
			if on.I[r] == 1 {
				gotOn[k] = true
			}
			if st.I[r] == 1 {
				gotOnset[k] = true
			}
		}
	})
	diff := func(name string, got, want map[dyadYear]bool) {
		extra, miss := 0, 0
		for k := range got {
			if !want[k] {
				extra++
				if extra < 5 {
					t.Logf("%s: %v in the panel, not in COW", name, k)
				}
			}
		}
		for k := range want {
			if !got[k] {
				miss++
				if miss < 5 {
					t.Logf("%s: %v in COW, not in the panel", name, k)
				}
			}
		}
		if extra+miss > 0 {
			t.Errorf("%s: %d dyad-years only in the panel, %d only in COW (of %d)", name, extra, miss, len(want))
		}
	}
	diff("war_ongoing", gotOn, ongoing)
	diff("war_onset", gotOnset, onset)
}

// cellOf returns the row of dyad (a, b) in a batch, or -1.
func cellOf(col func(string) *Vec, rows, a, b int) int {
	c1, c2 := col("ccode1"), col("ccode2")
	for r := range rows {
		if int(c1.I[r]) == a && int(c2.I[r]) == b {
			return r
		}
	}
	return -1
}

func TestSecondWaveDyadVars(t *testing.T) {
	type want struct {
		year, a, b int
		col        string
		v          float64 // NaN: missing
	}
	nan := math.NaN()
	wants := []want{
		// WWI: the United States joined in 1917, against Germany, beside
		// the United Kingdom.
		{1917, 2, 255, "war_ongoing", 1}, {1917, 2, 255, "war_onset", 1}, {1917, 2, 255, "war_opposite_side", 1},
		{1917, 2, 255, "war_same_side", 0}, {1917, 2, 200, "war_same_side", 1}, {1917, 2, 200, "war_ongoing", 0},
		{1916, 2, 255, "war_ongoing", 0}, {1916, 2, 255, "war_opposite_side", 1}, {1914, 200, 255, "war_onset", 1},
		{1914, 255, 300, "war_same_side", 1}, {1925, 2, 255, "war_opposite_side", 0},
		// COW trade: "2,200,1900,143,669,143,669": the USA imported 143
		// from the UK, the UK 669 from the USA.
		{1900, 2, 200, "trade_flow12", 669}, {1900, 2, 200, "trade_flow21", 143}, {1900, 200, 2, "trade_flow12", 143},
		{1850, 2, 200, "trade_flow12", nan}, {1900, 2, 200, "igo_shared", 8},
		// Austria–France (1494–1918), spatial and positional.
		{1914, 220, 300, "rivalry", 1}, {1914, 220, 300, "rivalry_type", 3}, {1918, 220, 300, "rivalry", 1}, {1914, 2, 200, "rivalry", 0},
		{1900, 2, 200, "v2x_polyarchy1", 0.422}, {1900, 2, 200, "polity2_1", 10}, {1900, 2, 200, "gdp1", math.Exp(27.037)},
		{1881, 2, 200, "leader_change1", 1}, {1882, 2, 200, "leader_change1", 0}, {1830, 2, 200, "leader_change1", nan},
		{2012, 2, 200, "terrthreat1", nan},
	}
	byYear := map[int][]want{}
	var vars []string
	for _, w := range wants {
		byYear[w.year] = append(byYear[w.year], w)
		if !slices.Contains(vars, w.col) {
			vars = append(vars, w.col)
		}
	}
	for y, ws := range byYear {
		build(t, Options{From: y, To: y, Vars: vars}, func(b *Batch, col func(string) *Vec) {
			for _, w := range ws {
				r := cellOf(col, b.Rows, w.a, w.b)
				if r < 0 {
					t.Errorf("%d: no row %d-%d", y, w.a, w.b)
					continue
				}
				v := col(w.col)
				var got float64
				switch {
				case v.IsNull(r):
					got = nan
				case v.Kind == Float:
					got = v.F[r]
				default:
					got = float64(v.I[r])
				}
				if !(got == w.v || math.IsNaN(got) && math.IsNaN(w.v)) {
					t.Errorf("%d %d-%d %s = %v, want %v", y, w.a, w.b, w.col, got, w.v)
				}
			}
		})
	}
}

func TestSecondWaveStateVars(t *testing.T) {
	p, err := StatePlan(Options{From: 1917, To: 1917, Vars: []string{"war_*", "nrivals", "v2x_polyarchy", "leader_change"}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	_, err = p.Build(context.Background(), realData(t), &collector{cols: p.Columns(), check: func(b *Batch, col func(string) *Vec) {
		for r := range b.Rows {
			if col("ccode").I[r] == 2 {
				got["war_ongoing"], got["war_onset"], got["nrivals"] = col("war_ongoing").I[r], col("war_onset").I[r], col("nrivals").I[r]
			}
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if got["war_ongoing"] != 1 || got["war_onset"] != 1 {
		t.Errorf("USA 1917: war_ongoing %d, war_onset %d; want 1 and 1", got["war_ongoing"], got["war_onset"])
	}
}

// TestColumnSourcesInCatalogue fails when a panel column names a source
// the catalogue lacks: the codebook's citations come from the catalogue.
func TestColumnSourcesInCatalogue(t *testing.T) {
	for _, reg := range [][]variable{dyadKeys, dyadVars, stateKeys, stateVars} {
		for _, v := range reg {
			if v.Source == "" {
				t.Errorf("column %s names no source", v.Name)
			}
			for _, name := range strings.Split(v.Source, "+") {
				if _, ok := dataset.Lookup(name); !ok {
					t.Errorf("column %s: source %q is not in the catalogue", v.Name, name)
				}
			}
			cb := NewCodebook("t", "u", []Column{v.Column})
			if cb.Columns[0].Citation == "" || cb.Columns[0].SourceVersion == "" {
				t.Errorf("column %s: codebook has no citation or version", v.Name)
			}
		}
	}
}

// TestPowerColumns: the GDP-based power shares (docs/power.md) sum to 1
// over the members with data, rank the United States above China in 2010
// (CINC does the opposite), and are missing, never 0, without data.
func TestPowerColumns(t *testing.T) {
	p, err := StatePlan(Options{From: 2010, To: 2010, Vars: []string{"cinc", "gdp", "power_*"}})
	if err != nil {
		t.Fatal(err)
	}
	sum := map[string]float64{}
	got := map[int]map[string]float64{}
	_, err = p.Build(context.Background(), realData(t), &collector{cols: p.Columns(), check: func(b *Batch, col func(string) *Vec) {
		for r := range b.Rows {
			c := int(col("ccode").I[r])
			got[c] = map[string]float64{}
			for _, name := range []string{"cinc", "power_gdp", "power_sdp", "power_beckley"} {
				v := col(name)
				if v.IsNull(r) || math.IsNaN(v.F[r]) {
					if name == "power_gdp" && !col("gdp").IsNull(r) && !math.IsNaN(col("gdp").F[r]) {
						t.Errorf("%d: a GDP but no GDP share", c)
					}
					continue
				}
				if name == "power_gdp" && (col("gdp").IsNull(r) || math.IsNaN(col("gdp").F[r])) {
					t.Errorf("%d: no GDP but a GDP share %v", c, v.F[r])
				}
				sum[name] += v.F[r]
				got[c][name] = v.F[r]
			}
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"power_gdp", "power_sdp", "power_beckley"} {
		if math.Abs(sum[name]-1) > 1e-9 {
			t.Errorf("%s sums to %v over 2010, want 1", name, sum[name])
		}
		if got[2][name] <= got[710][name] {
			t.Errorf("2010 %s: USA %v, China %v; want the USA above", name, got[2][name], got[710][name])
		}
	}
	if got[2]["cinc"] >= got[710]["cinc"] {
		t.Errorf("2010 cinc: USA %v, China %v; want China above (NMC v6.0)", got[2]["cinc"], got[710]["cinc"])
	}
}
