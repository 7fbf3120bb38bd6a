package similarity

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/entente/entente/world"
)

const tol = 1e-12

func near(got world.Value, want float64) bool {
	if math.IsNaN(want) {
		return got.IsMissing()
	}
	return got.OK() && math.Abs(float64(got)-want) <= tol
}

func mustTally(t *testing.T, x, y []int, w []float64) Table {
	t.Helper()
	tb, err := Tally(x, y, w)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestDesignVectors checks every test vector of DESIGN.md.
func TestDesignVectors(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name        string
		x, y        []int
		w           []float64
		delta       float64
		s, ssq, tau float64
		kappa, pi   float64
	}{
		{"reversed", []int{0, 1, 2, 3}, []int{3, 2, 1, 0}, nil, 3, -1.0 / 3, -1.0 / 9, -1, nan, nan},
		{"shifted: S low, tau-b perfect", []int{0, 1, 2, 2}, []int{1, 2, 3, 3}, nil, 3, 1.0 / 3, nan, 1, nan, nan},
		{"weighted", []int{3, 3, 2, 2}, []int{2, 2, 3, 3}, []float64{.5, .3, .1, .1}, 3, 1.0 / 3, nan, nan, nan, nan},
		{"binary table (.6,.2/.2,0)", []int{0, 0, 0, 1, 0}, []int{0, 0, 0, 0, 1}, nil, 1, 0.2, nan, nan, -0.25, -0.25},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := mustTally(t, tc.x, tc.y, tc.w)
			if got := tb.S(Absolute, tc.delta); !near(got, tc.s) {
				t.Errorf("S = %v, want %v", got, tc.s)
			}
			if !math.IsNaN(tc.ssq) {
				if got := tb.S(Squared, tc.delta); !near(got, tc.ssq) {
					t.Errorf("S squared = %v, want %v", got, tc.ssq)
				}
			}
			if !math.IsNaN(tc.tau) {
				if got := tb.TauB(); !near(got, tc.tau) {
					t.Errorf("tau-b = %v, want %v", got, tc.tau)
				}
			}
			if !math.IsNaN(tc.kappa) {
				for _, dw := range []Disagreement{Quadratic, Linear} {
					if got := tb.Kappa(dw); !near(got, tc.kappa) {
						t.Errorf("kappa(%d) = %v, want %v", dw, got, tc.kappa)
					}
					if got := tb.Pi(dw); !near(got, tc.pi) {
						t.Errorf("pi(%d) = %v, want %v", dw, got, tc.pi)
					}
				}
			}
		})
	}
	// The binary agreement table given directly as proportions.
	var tb Table
	tb[0][0], tb[0][1], tb[1][0] = .6, .2, .2
	if got := tb.S(Absolute, 1); !near(got, 0.2) {
		t.Errorf("table S = %v, want 0.2", got)
	}
	if got := tb.Kappa(Quadratic); !near(got, -0.25) {
		t.Errorf("table kappa = %v, want -0.25", got)
	}
	if got := tb.Pi(Quadratic); !near(got, -0.25) {
		t.Errorf("table pi = %v, want -0.25", got)
	}
}

func TestUndefinedIsMissing(t *testing.T) {
	tests := []struct {
		name string
		x, y []int
	}{
		{"constant x", []int{2, 2, 2}, []int{0, 1, 3}},
		{"both constant", []int{3, 3}, []int{3, 3}},
		{"one member", []int{3}, []int{3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb := mustTally(t, tc.x, tc.y, nil)
			if got := tb.TauB(); got.OK() {
				t.Errorf("tau-b = %v, want missing", got)
			}
		})
	}
	tb := mustTally(t, []int{3, 3}, []int{3, 3}, nil)
	if tb.Kappa(Quadratic).OK() || tb.Pi(Quadratic).OK() {
		t.Error("kappa or pi of two identical constant portfolios is not missing")
	}
	var empty Table
	if empty.S(Absolute, 3).OK() {
		t.Error("S of an empty table is not missing")
	}
}

func TestTallyErrors(t *testing.T) {
	tests := []struct {
		name string
		x, y []int
		w    []float64
	}{
		{"lengths", []int{0, 1}, []int{0}, nil},
		{"weights length", []int{0}, []int{0}, []float64{1, 2}},
		{"level high", []int{4}, []int{0}, nil},
		{"level negative", []int{-1}, []int{0}, nil},
		{"negative weight", []int{0}, []int{0}, []float64{-1}},
		{"missing weight", []int{0}, []int{0}, []float64{math.NaN()}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Tally(tc.x, tc.y, tc.w); err == nil {
				t.Fatal("no error")
			}
		})
	}
}

// Reference implementations: straightforward, from the formulas over the
// vectors, independent of Table.

func refS(x, y []int, w []float64, sq bool, delta float64) float64 {
	var num, den float64
	max := delta
	if sq {
		max = delta * delta
	}
	for k := range x {
		wk := 1.0
		if w != nil {
			wk = w[k]
		}
		d := math.Abs(float64(x[k] - y[k]))
		if sq {
			d *= d
		}
		num += wk * d / max
		den += wk
	}
	if den == 0 {
		return math.NaN()
	}
	return 1 - 2*num/den
}

func refTauB(x, y []int) float64 {
	var c, d, tx, ty, n0 float64
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			n0++
			sx := sign(x[i] - x[j])
			sy := sign(y[i] - y[j])
			switch {
			case sx == 0 && sy == 0:
				tx++
				ty++
			case sx == 0:
				tx++
			case sy == 0:
				ty++
			case sx == sy:
				c++
			default:
				d++
			}
		}
	}
	den := (n0 - tx) * (n0 - ty)
	if den <= 0 {
		return math.NaN()
	}
	return (c - d) / math.Sqrt(den)
}

func sign(v int) int {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return 0
}

// refChance computes kappa (pooled=false) or pi (pooled=true) from
// proportions, level by level.
func refChance(x, y []int, pooled, linear bool) float64 {
	n := float64(len(x))
	var px, py [Levels]float64
	for k := range x {
		px[x[k]] += 1 / n
		py[y[k]] += 1 / n
	}
	wt := func(a, b int) float64 {
		if linear {
			return math.Abs(float64(a - b))
		}
		return float64((a - b) * (a - b))
	}
	var obs, exp float64
	for k := range x {
		obs += wt(x[k], y[k]) / n
	}
	for a := range Levels {
		for b := range Levels {
			ma, mb := px[a], py[b]
			if pooled {
				ma, mb = (px[a]+py[a])/2, (px[b]+py[b])/2
			}
			exp += wt(a, b) * ma * mb
		}
	}
	if exp <= 0 {
		return math.NaN()
	}
	return 1 - obs/exp
}

// refAgreement computes the unweighted (nominal) kappa (pooled=false) or
// Scott's pi (pooled=true) from agreement on the diagonal, as Cohen (1960)
// and Scott (1955) define them and fpsim's spi computes pi:
// (p_o - p_e)/(1 - p_e).
func refAgreement(x, y []int, pooled bool) float64 {
	n := float64(len(x))
	var po float64
	var cx, cy [Levels]float64
	for k := range x {
		if x[k] == y[k] {
			po++
		}
		cx[x[k]]++
		cy[y[k]]++
	}
	po /= n
	var pe float64
	for a := range Levels {
		if pooled {
			m := (cx[a] + cy[a]) / (2 * n)
			pe += m * m
		} else {
			pe += cx[a] / n * cy[a] / n
		}
	}
	if pe >= 1 {
		return math.NaN()
	}
	return (po - pe) / (1 - pe)
}

func randomPortfolio(r *rand.Rand, n, maxLevel int, density float64) []int {
	x := make([]int, n)
	for k := range x {
		if r.Float64() < density {
			x[k] = r.IntN(maxLevel + 1)
		}
	}
	return x
}

func closeOrBothMissing(got world.Value, want float64) bool {
	if math.IsNaN(want) {
		return got.IsMissing()
	}
	return got.OK() && math.Abs(float64(got)-want) <= 1e-9
}

// TestAgainstReference checks the table measures against the reference
// implementations on random portfolios, and the properties every measure
// must have: m(x,x) = 1 (when defined), symmetry, range [-1, 1].
func TestAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := 1 + r.IntN(40)
		top := 3
		if trial%4 == 0 {
			top = 1
		}
		density := r.Float64()
		x := randomPortfolio(r, n, top, density)
		y := randomPortfolio(r, n, top, density)
		w := make([]float64, n)
		for k := range w {
			w[k] = r.Float64()
		}
		txy := mustTally(t, x, y, nil)
		tyx := mustTally(t, y, x, nil)
		txx := mustTally(t, x, x, nil)
		wxy := mustTally(t, x, y, w)
		delta := float64(top)
		checks := []struct {
			name string
			got  world.Value
			want float64
		}{
			{"S", txy.S(Absolute, delta), refS(x, y, nil, false, delta)},
			{"S squared", txy.S(Squared, delta), refS(x, y, nil, true, delta)},
			{"S weighted", wxy.S(Absolute, delta), refS(x, y, w, false, delta)},
			{"tau-b", txy.TauB(), refTauB(x, y)},
			{"kappa", txy.Kappa(Quadratic), refChance(x, y, false, false)},
			{"kappa linear", txy.Kappa(Linear), refChance(x, y, false, true)},
			{"pi", txy.Pi(Quadratic), refChance(x, y, true, false)},
			{"pi linear", txy.Pi(Linear), refChance(x, y, true, true)},
			{"pi nominal", txy.Pi(Nominal), refAgreement(x, y, true)},
			{"kappa nominal", txy.Kappa(Nominal), refAgreement(x, y, false)},
		}
		for _, c := range checks {
			if !closeOrBothMissing(c.got, c.want) {
				t.Fatalf("trial %d %s: got %v, want %v\nx=%v\ny=%v", trial, c.name, c.got, c.want, x, y)
			}
			if c.got.OK() && (c.got < -1-1e-12 || c.got > 1+1e-12) {
				t.Fatalf("trial %d %s = %v outside [-1, 1]", trial, c.name, c.got)
			}
		}
		sym := []struct {
			name   string
			ab, ba world.Value
		}{
			{"S", txy.S(Absolute, delta), tyx.S(Absolute, delta)},
			{"tau-b", txy.TauB(), tyx.TauB()},
			{"kappa", txy.Kappa(Quadratic), tyx.Kappa(Quadratic)},
			{"pi", txy.Pi(Quadratic), tyx.Pi(Quadratic)},
			{"pi nominal", txy.Pi(Nominal), tyx.Pi(Nominal)},
		}
		for _, s := range sym {
			if !closeOrBothMissing(s.ab, float64(s.ba)) {
				t.Fatalf("trial %d %s not symmetric: %v vs %v", trial, s.name, s.ab, s.ba)
			}
		}
		self := []struct {
			name string
			got  world.Value
		}{
			{"S", txx.S(Absolute, delta)}, {"S squared", txx.S(Squared, delta)},
			{"tau-b", txx.TauB()}, {"kappa", txx.Kappa(Quadratic)}, {"pi", txx.Pi(Quadratic)},
		}
		for _, s := range self {
			if s.got.OK() && math.Abs(float64(s.got)-1) > 1e-12 {
				t.Fatalf("trial %d %s(x,x) = %v, want 1", trial, s.name, s.got)
			}
		}
		if !near(txx.S(Absolute, delta), 1) {
			t.Fatalf("trial %d: S(x,x) = %v, want 1", trial, txx.S(Absolute, delta))
		}
	}
}

// TestPortfoliosFastPath checks the sparse table construction against
// tallying the dense portfolio rows.
func TestPortfoliosFastPath(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	obligations := []world.Obligations{
		0, world.Obligations(0).With(world.Defense), world.Obligations(0).With(world.Offense),
		world.Obligations(0).With(world.Neutrality), world.Obligations(0).With(world.Consultation),
		world.Obligations(0).With(world.Nonaggression), world.Obligations(0).With(world.Entente),
	}
	for trial := range 300 {
		n := 2 + r.IntN(60)
		v := Valuation(trial % 3)
		p := NewPortfolios(n, v, Ties(trial%2))
		for range r.IntN(n * 3) {
			i, k := r.IntN(n), r.IntN(n)
			if err := p.Tie(i, k, obligations[r.IntN(len(obligations))]); err != nil {
				t.Fatal(err)
			}
		}
		w := make([]world.Value, n)
		wf := make([]float64, n)
		for k := range w {
			if r.IntN(10) == 0 {
				w[k] = world.Missing()
				continue
			}
			w[k] = world.Value(r.Float64() / float64(n))
			wf[k] = float64(w[k])
		}
		if err := p.SetWeights(w); err != nil {
			t.Fatal(err)
		}
		p.Freeze()
		row := func(i int) []int {
			out := make([]int, n)
			for k := range out {
				out[k] = p.Level(i, k)
			}
			return out
		}
		for range 20 {
			i, j := r.IntN(n), r.IntN(n)
			x, y := row(i), row(j)
			if x[i] != v.Top() || y[j] != v.Top() {
				t.Fatalf("self tie is not the top level")
			}
			if p.ties == Symmetric && p.Level(i, j) != p.Level(j, i) {
				t.Fatalf("symmetric ties differ by direction")
			}
			want := mustTally(t, x, y, nil)
			if got := p.Table(i, j); got != want {
				t.Fatalf("trial %d (%d,%d): table %v, want %v", trial, i, j, got, want)
			}
			wwant := mustTally(t, x, y, wf)
			wgot, ok := p.WeightedTable(i, j)
			if !ok {
				if wwant.Total() > 0 {
					t.Fatal("no weighted table")
				}
				continue
			}
			for a := range Levels {
				for b := range Levels {
					if math.Abs(wgot[a][b]-wwant[a][b]) > 1e-12 {
						t.Fatalf("trial %d: weighted table %v, want %v", trial, wgot, wwant)
					}
				}
			}
			m := p.Measures(i, j, Quadratic, Quadratic)
			if !closeOrBothMissing(m.SCINC, refS(x, y, wf, false, v.Delta())) {
				t.Fatalf("SCINC %v, want %v", m.SCINC, refS(x, y, wf, false, v.Delta()))
			}
		}
	}
}

func TestValuation(t *testing.T) {
	ob := func(ks ...world.Obligation) world.Obligations {
		var o world.Obligations
		for _, k := range ks {
			o = o.With(k)
		}
		return o
	}
	tests := []struct {
		o              world.Obligations
		atop, cow, bin int
	}{
		{ob(), 0, 0, 0},
		{ob(world.Defense), 3, 3, 1},
		{ob(world.Offense), 3, 0, 1},
		{ob(world.Neutrality), 2, 2, 1},
		{ob(world.Consultation), 2, 0, 1},
		{ob(world.Nonaggression), 1, 2, 1},
		{ob(world.Entente), 0, 1, 1},
		{ob(world.Nonaggression, world.Consultation), 2, 2, 1},
		{ob(world.Entente, world.Defense), 3, 3, 1},
	}
	for _, tc := range tests {
		t.Run(tc.o.String(), func(t *testing.T) {
			if got := ATOP.Level(tc.o); got != tc.atop {
				t.Errorf("ATOP %d, want %d", got, tc.atop)
			}
			if got := COW.Level(tc.o); got != tc.cow {
				t.Errorf("COW %d, want %d", got, tc.cow)
			}
			if got := Binary.Level(tc.o); got != tc.bin {
				t.Errorf("binary %d, want %d", got, tc.bin)
			}
		})
	}
	for _, s := range []string{"atop", "cow", "binary"} {
		v, err := ParseValuation(s)
		if err != nil || v.String() != s {
			t.Errorf("ParseValuation(%q) = %v, %v", s, v, err)
		}
	}
	if _, err := ParseValuation("ATOPx"); err == nil {
		t.Error("accepted an unknown valuation")
	}
}

func BenchmarkDyadMeasures(b *testing.B) {
	b.ReportAllocs()
	r := rand.New(rand.NewPCG(5, 6))
	const n = 195
	p := NewPortfolios(n, ATOP, Directed)
	for range 2000 {
		p.Tie(r.IntN(n), r.IntN(n), world.Obligations(0).With(world.Defense))
	}
	w := make([]world.Value, n)
	for k := range w {
		w[k] = world.Value(1.0 / n)
	}
	p.SetWeights(w)
	p.Freeze()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p.Measures(i%n, (i*7+1)%n, Quadratic, Quadratic)
	}
}

// TestDirectedTies checks that directed portfolios are the rows of the
// directed valued matrix (the maximum level over each ordered pair's
// calls), symmetric ones the maximum over both directions, and that every
// measure stays symmetric in the dyad under directed ties.
func TestDirectedTies(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	obligations := []world.Obligations{
		world.Obligations(0).With(world.Defense), world.Obligations(0).With(world.Neutrality),
		world.Obligations(0).With(world.Nonaggression), world.Obligations(0).With(world.Consultation),
	}
	for trial := range 200 {
		n := 2 + r.IntN(30)
		dir := NewPortfolios(n, ATOP, Directed)
		sym := NewPortfolios(n, ATOP, Symmetric)
		want := make([]int, n*n)
		for i := range n {
			want[i*n+i] = 3
		}
		for range r.IntN(3 * n) {
			i, k := r.IntN(n), r.IntN(n)
			o := obligations[r.IntN(len(obligations))]
			dir.Tie(i, k, o)
			sym.Tie(i, k, o)
			if i != k {
				want[i*n+k] = max(want[i*n+k], ATOP.Level(o))
			}
		}
		for i := range n {
			for k := range n {
				if got := dir.Level(i, k); got != want[i*n+k] {
					t.Fatalf("trial %d: directed level (%d,%d) = %d, want %d", trial, i, k, got, want[i*n+k])
				}
				if got, w := sym.Level(i, k), max(want[i*n+k], want[k*n+i]); got != w {
					t.Fatalf("trial %d: symmetric level (%d,%d) = %d, want %d", trial, i, k, got, w)
				}
			}
		}
		i, j := r.IntN(n), r.IntN(n)
		a, b := dir.Measures(i, j, Quadratic, Nominal), dir.Measures(j, i, Quadratic, Nominal)
		for _, c := range [][2]world.Value{{a.S, b.S}, {a.SSq, b.SSq}, {a.TauB, b.TauB}, {a.Kappa, b.Kappa}, {a.Pi, b.Pi}} {
			if !closeOrBothMissing(c[0], float64(c[1])) {
				t.Fatalf("trial %d: measure of (%d,%d) %v differs from (%d,%d) %v", trial, i, j, c[0], j, i, c[1])
			}
		}
	}
}

func TestConvention(t *testing.T) {
	if k, p := FPSim.Weights(Linear); k != Quadratic || p != Nominal {
		t.Errorf("fpsim weights %v, %v; want quadratic, nominal", k, p)
	}
	if k, p := Hage.Weights(Linear); k != Linear || p != Linear {
		t.Errorf("hage weights %v, %v; want linear, linear", k, p)
	}
	if FPSim.Ties(Symmetric) != Directed || Hage.Ties(Symmetric) != Symmetric {
		t.Error("convention ties")
	}
	for _, s := range []string{"hage", "fpsim"} {
		if c, err := ParseConvention(s); err != nil || c.String() != s {
			t.Errorf("ParseConvention(%q) = %v, %v", s, c, err)
		}
	}
	for _, s := range []string{"directed", "symmetric"} {
		if c, err := ParseTies(s); err != nil || c.String() != s {
			t.Errorf("ParseTies(%q) = %v, %v", s, c, err)
		}
	}
	for _, s := range []string{"quadratic", "linear", "nominal"} {
		if c, err := ParseDisagreement(s); err != nil || c.String() != s {
			t.Errorf("ParseDisagreement(%q) = %v, %v", s, c, err)
		}
	}
	if _, err := ParseConvention("FPSIM"); err == nil {
		t.Error("accepted an unknown convention")
	}
	if _, err := ParseTies("max"); err == nil {
		t.Error("accepted unknown ties")
	}
}
