package forecast

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/world"
)

// TestOutOfSample1990 is the headline run: fit on outcome years ≤ 1989
// only, predict every year 1990–2018, any ATOP obligation, all dyads.
func TestOutOfSample1990(t *testing.T) {
	_, ds := real(t)
	o := DefaultOptions()
	o.Rolling = false
	res, err := Run(context.Background(), ds[ATOP], 1990, 2018, o)
	if err != nil {
		t.Fatal(err)
	}
	if res.Fits != 1 {
		t.Errorf("fixed origin: %d fits, want 1", res.Fits)
	}
	for _, m := range res.Metrics {
		t.Logf("%-15s n=%d formed=%d treaties=%d ROC AUC %.3f [%.3f, %.3f] PR AUC %.4f BSS %.4f [%.4f, %.4f] (λ %g)",
			m.View, m.N, m.Positives, m.Treaties, m.AUC.Est, m.AUC.Lo, m.AUC.Hi, m.PRAUC.Est, m.BSS.Est, m.BSS.Lo, m.BSS.Hi, res.Lambda)
	}
	d := res.Metrics[0]
	if d.AUC.Est < 0.85 {
		t.Errorf("ROC AUC %.3f, want ≥ 0.85", d.AUC.Est)
	}
	if d.BSS.Est <= 0 {
		t.Errorf("Brier skill %.4f, want > 0", d.BSS.Est)
	}
	// Calibration: ten deciles covering every row, observed rates rising
	// from the bottom decile to the top.
	n := 0
	for _, b := range d.Calibration {
		n += b.N
		t.Logf("decile n=%d formed=%d mean p=%.5f observed=%.5f", b.N, b.Formed, b.MeanP, b.Observed)
	}
	if len(d.Calibration) != 10 || n != d.N {
		t.Fatalf("calibration: %d bins over %d rows, want 10 over %d", len(d.Calibration), n, d.N)
	}
	if lo, hi := d.Calibration[0].Observed, d.Calibration[9].Observed; hi <= 5*lo {
		t.Errorf("top decile formed at %.5f, bottom at %.5f: want a clear rise", hi, lo)
	}
}

// TestShuffledOutcomes shuffles the outcomes within each year, training
// and test alike: the harness must then find nothing (ROC AUC ≈ 0.5).
func TestShuffledOutcomes(t *testing.T) {
	_, ds := real(t)
	src := ds[ATOP]
	rng := rand.New(rand.NewPCG(42, 0))
	sh := &Design{Kind: src.Kind}
	for _, y := range src.Years {
		c := *y
		c.Y = slices.Clone(y.Y)
		rng.Shuffle(len(c.Y), func(i, j int) { c.Y[i], c.Y[j] = c.Y[j], c.Y[i] })
		// Treaties go with the outcome: a shuffled formed dyad keeps no
		// treaty of its own.
		c.Treaty, c.TreatySize = make([]string, len(c.Y)), make([]int, len(c.Y))
		for r, v := range c.Y {
			if v {
				c.Treaty[r] = "shuffled"
			}
		}
		sh.Years = append(sh.Years, &c)
	}
	o := DefaultOptions()
	o.Rolling = false
	o.Replicates = 50
	res, err := Run(context.Background(), sh, 1990, 2018, o)
	if err != nil {
		t.Fatal(err)
	}
	auc := float64(res.Metrics[0].AUC.Est)
	t.Logf("shuffled: ROC AUC %.3f", auc)
	if math.Abs(auc-0.5) > 0.03 {
		t.Errorf("shuffled outcomes: ROC AUC %.3f, want 0.5 ± 0.03", auc)
	}
}

// TestFeaturesReadNoFuture rebuilds the features of outcome year T from a
// loader that refuses every year from T on, and compares them with the
// design's: the features of t−1 read nothing of year t or later.
func TestFeaturesReadNoFuture(t *testing.T) {
	h, ds := real(t)
	first, _ := h.Span()
	for _, T := range []int{1946, 1992} {
		load := func(y int) (*world.World, error) {
			if y >= T {
				t.Fatalf("features of %d read the World of %d", T, y)
			}
			return h.World(y)
		}
		carry := NewCarry()
		var c *Context
		for y := first; y < T; y++ {
			w, err := load(y)
			if err != nil {
				t.Fatal(err)
			}
			carry.Record(w)
			if c, err = NewContext(w); err != nil {
				t.Fatal(err)
			}
		}
		for _, k := range Kinds {
			got, err := c.Features(k, carry)
			if err != nil {
				t.Fatal(err)
			}
			want := ds[k].Find(T)
			if want == nil {
				continue
			}
			at := map[[2]int]int{}
			for r := range got.A {
				at[[2]int{got.A[r], got.B[r]}] = r
			}
			for r := range want.A {
				g, ok := at[[2]int{want.A[r], want.B[r]}]
				if !ok {
					t.Fatalf("%s %d: dyad %d–%d in the design, not in the truncated features", k, T, want.A[r], want.B[r])
				}
				for f := range Features {
					a, b := got.Cols[f][g], want.Cols[f][r]
					if a != b && !(math.IsNaN(a) && math.IsNaN(b)) {
						t.Fatalf("%s %d: %d–%d %s = %v truncated, %v in the design", k, T, want.A[r], want.B[r], Features[f].Name, a, b)
					}
				}
			}
		}
	}
	// A Context cannot be given alliances remembered from its future.
	w, _ := h.World(1950)
	c, err := NewContext(w)
	if err != nil {
		t.Fatal(err)
	}
	later, _ := h.World(1951)
	carry := NewCarry()
	carry.Record(later)
	if _, err := c.Features(ATOP, carry); err == nil {
		t.Error("features of 1950 with alliances of 1951 remembered: want an error")
	}
}

func TestBadWindows(t *testing.T) {
	_, ds := real(t)
	d := ds[ATOP]
	first, last := d.Span()
	cases := []struct {
		name     string
		from, to int
		field    string
		want     string
	}{
		{"empty training window", first, first + 5, "from", "empty training window"},
		{"before the data", 1700, 1800, "from", "outside"},
		{"after the data", 2030, 2040, "from", "outside"},
		{"to after the data", 1990, 2030, "to", "outside"},
		{"to before from", 1990, 1980, "to", "outside"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := ValidWindow(d, c.from, c.to)
			var re *RangeError
			if !errors.As(err, &re) {
				t.Fatalf("got %v, want a *RangeError", err)
			}
			if re.Field != c.field || !strings.Contains(err.Error(), c.want) || re.Max != last {
				t.Errorf("got %q (field %s, max %d), want field %s mentioning %q and max %d", err, re.Field, re.Max, c.field, c.want, last)
			}
		})
	}
	if _, err := ParseKind("defense"); err == nil || !strings.Contains(err.Error(), "atop, atop-defense, cow") {
		t.Errorf("unknown kind: got %v, want the valid kinds listed", err)
	}
	if _, err := Fit(nil, DefaultOptions().Spec, FitOptions{}, nil); err == nil {
		t.Error("empty training window: want an error")
	}
}

// TestDeterministic: the same options give the same predictions bit for
// bit; another subsampling seed gives other ones.
func TestDeterministic(t *testing.T) {
	_, ds := real(t)
	o := DefaultOptions()
	o.Replicates = 20
	o.Fit.Lambda = 1000 // the cross-validation is deterministic too, but slow to run three times
	run := func(seed uint64) []Prediction {
		o.Spec.Seed = seed
		res, err := Run(context.Background(), ds[COW], 1990, 1995, o)
		if err != nil {
			t.Fatal(err)
		}
		return res.Predictions
	}
	a, b, c := run(1), run(1), run(2)
	if !slices.Equal(a, b) {
		t.Error("two runs with seed 1 differ")
	}
	if slices.Equal(a, c) {
		t.Error("seeds 1 and 2 give the same predictions")
	}
}

// TestYearStats checks the resampled metrics computed from per-year sums
// against a direct pass over the rows with the years weighted.
func TestYearStats(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	var ps []Prediction
	for i := 0; i < 3000; i++ {
		y := 2000 + rng.IntN(7)
		p := math.Round(rng.Float64()*50) / 50 // ties
		ps = append(ps, Prediction{A: i, B: i + 1, Year: y, P: p, Outcome: rng.Float64() < p*0.3, Ref: 0.1,
			Treaty: string(rune('a' + rng.IntN(5))), TreatySize: 2 + rng.IntN(20)})
	}
	for _, view := range []string{ViewDyads, ViewTreaties, ViewSmall} {
		s := prepareView(ps, view)
		st := s.stats()
		for _, m := range draws(len(s.years), 5, 9) {
			a1, p1, b1, s1 := s.metrics(m)
			a2, p2, b2, s2 := st.metrics(m)
			for _, c := range [][2]float64{{a1, a2}, {p1, p2}, {b1, b2}, {s1, s2}} {
				if math.Abs(c[0]-c[1]) > 1e-9 {
					t.Fatalf("%s: direct %v, from year sums %v", view, []float64{a1, p1, b1, s1}, []float64{a2, p2, b2, s2})
				}
			}
		}
	}
}

// TestSubsampleCalibrated: the non-forming dyad-years are kept at 10% with
// weight 10, so the fitted model (unpenalised intercept) predicts, summed
// over every dyad-year of its training window, as many formations as
// there were; no further base-rate correction is due (King & Zeng 2001's
// prior correction is for unweighted subsamples).
func TestSubsampleCalibrated(t *testing.T) {
	_, ds := real(t)
	d := ds[ATOP]
	train := d.before(1990)
	m, err := Fit(train, DefaultOptions().Spec, FitOptions{Lambda: 10000}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	formed := 0
	for _, y := range train {
		for r, p := range m.PredictYear(y) {
			sum += p
			if y.Y[r] {
				formed++
			}
		}
	}
	t.Logf("1817–1989: %d formed, %.1f predicted", formed, sum)
	if math.Abs(sum/float64(formed)-1) > 0.05 {
		t.Errorf("%.1f formations predicted over the training window, %d observed: want within 5%%", sum, formed)
	}
}
