package panel

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/similarity"
	"github.com/entente/entente/world"
)

// fpsimYear holds one year of fpsim's inputs, read straight from the
// files: the system members, the directed valued matrix (row i: i's own
// obligations toward each k, 3 defense or offense, 2 neutrality or
// consultation, 1 nonaggression, 0 none, the self-tie 3) and NMC v7.0's
// published CINC (NaN when the file has none).
type fpsimYear struct {
	members []int
	v       [][]int
	cinc    []float64
}

func readFPSimYear(t *testing.T, year int) fpsimYear {
	t.Helper()
	system, err := cow.ReadSystem(testenv.File(t, "cow_states/system2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var fy fpsimYear
	pos := map[int]int{}
	for _, s := range system {
		if s.Year == year {
			pos[s.CCode] = len(fy.members)
			fy.members = append(fy.members, s.CCode)
		}
	}
	n := len(fy.members)
	fy.v = make([][]int, n)
	for i := range fy.v {
		fy.v[i] = make([]int, n)
		fy.v[i][i] = 3
	}
	rows, err := atop.ReadDyadYears(testenv.File(t, "atop/atop_v5.1_ddyr_obligations_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		i, ok1 := pos[r.CCode1]
		k, ok2 := pos[r.CCode2]
		if r.Year != year || !ok1 || !ok2 {
			continue
		}
		o := r.Obligations
		l := 0
		switch {
		case o.Has(world.Defense) || o.Has(world.Offense):
			l = 3
		case o.Has(world.Neutrality) || o.Has(world.Consultation):
			l = 2
		case o.Has(world.Nonaggression):
			l = 1
		}
		fy.v[i][k] = l // the file has one row per directed dyad-year
	}
	nmc, err := cow.ReadNMC(testenv.File(t, "nmc/NMC-70-abridged_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	fy.cinc = make([]float64, n)
	for i := range fy.cinc {
		fy.cinc[i] = math.NaN()
	}
	for _, r := range nmc {
		if i, ok := pos[r.CCode]; ok && r.Year == year {
			fy.cinc[i] = float64(r.Capability.CINC)
		}
	}
	return fy
}

// fpsimMeasures computes fpsim's five measures of portfolios x and y
// member by member, from the definitions of fpsim's functions:
//
//	srs:    S = 1 - 2 Σ|x-y| / (3n); weighted, over the members with a
//	        CINC, 1 - 2 Σ w|x-y| / (3 Σ w)
//	cohenk: kappa = 1 - Σ w o / Σ w e over the 4×4 table of proportions
//	        o, e the product of its margins, w = (|a-b|/3)²
//	spi:    pi = (p_o - p_e) / (1 - p_e), p_o the share of members on
//	        which x and y agree, p_e = Σ_a ((n_x(a) + n_y(a)) / 2n)²
//	taub:   (C - D) / sqrt((C + D + T_x)(C + D + T_y)) over all pairs of
//	        members, T_x the pairs tied in x only (R's cor(method =
//	        "kendall"))
func fpsimMeasures(x, y []int, cinc []float64) (s, sCINC, kappa, pi, taub float64) {
	n := float64(len(x))
	var dist, wdist, wsum, agree float64
	var o [4][4]float64
	var nx, ny [4]float64
	for k := range x {
		d := math.Abs(float64(x[k] - y[k]))
		dist += d
		if !math.IsNaN(cinc[k]) {
			wdist += cinc[k] * d
			wsum += cinc[k]
		}
		if x[k] == y[k] {
			agree++
		}
		o[x[k]][y[k]] += 1 / n
		nx[x[k]]++
		ny[y[k]]++
	}
	s = 1 - 2*dist/(3*n)
	sCINC = 1 - 2*wdist/(3*wsum)

	var wo, we float64
	for a := range 4 {
		for b := range 4 {
			w := math.Pow(math.Abs(float64(a-b))/3, 2)
			wo += w * o[a][b]
			we += w * (nx[a] / n) * (ny[b] / n)
		}
	}
	kappa = 1 - wo/we

	po := agree / n
	var pe float64
	for a := range 4 {
		m := (nx[a] + ny[a]) / (2 * n)
		pe += m * m
	}
	pi = (po - pe) / (1 - pe)

	var con, dis, tx, ty float64
	for i := range x {
		for j := i + 1; j < len(x); j++ {
			dx, dy := x[i]-x[j], y[i]-y[j]
			switch {
			case dx == 0 && dy == 0:
			case dx == 0:
				tx++
			case dy == 0:
				ty++
			case dx*dy > 0:
				con++
			default:
				dis++
			}
		}
	}
	taub = (con - dis) / math.Sqrt((con+dis+tx)*(con+dis+ty))
	return
}

// TestFPSimConvention reproduces fpsim's S, CINC-weighted S, kappa, pi and
// tau-b for every dyad of 1914 and 1980 to 1e-9, against values computed
// here member by member from the files and fpsim's definitions.
func TestFPSimConvention(t *testing.T) {
	dir := testenv.DataDir(t)
	for _, year := range []int{1914, 1980} {
		t.Run(fmt.Sprint(year), func(t *testing.T) {
			fy := readFPSimYear(t, year)
			n := len(fy.members)
			pos := map[int]int{}
			for i, c := range fy.members {
				pos[c] = i
			}
			type five [5]float64
			want := map[[2]int]five{}
			for i := range n {
				for j := i + 1; j < n; j++ {
					s, sc, k, p, tb := fpsimMeasures(fy.v[i], fy.v[j], fy.cinc)
					want[[2]int{i, j}] = five{s, sc, k, p, tb}
				}
			}
			opt := Options{From: year, To: year, Convention: similarity.FPSim,
				Vars: []string{"sim_s", "sim_s_cinc", "sim_kappa", "sim_pi", "sim_taub"}}
			plan, err := DyadPlan(opt)
			if err != nil {
				t.Fatal(err)
			}
			h, err := plan.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			names := []string{"sim_s", "sim_s_cinc", "sim_kappa", "sim_pi", "sim_taub"}
			rows, bad := 0, 0
			_, err = plan.Build(context.Background(), h, &collector{cols: plan.Columns(), check: func(b *Batch, col func(string) *Vec) {
				c1, c2 := col("ccode1"), col("ccode2")
				for r := range b.Rows {
					rows++
					i, j := pos[int(c1.I[r])], pos[int(c2.I[r])]
					w := want[[2]int{min(i, j), max(i, j)}]
					for m, name := range names {
						got := col(name).F[r]
						if math.IsNaN(w[m]) || !(math.Abs(got-w[m]) <= 1e-9) {
							if bad++; bad <= 5 {
								t.Errorf("%d-%d %s = %v, fpsim %v", c1.I[r], c2.I[r], name, got, w[m])
							}
						}
					}
				}
			}})
			if err != nil {
				t.Fatal(err)
			}
			if rows != n*(n-1) || bad > 0 {
				t.Fatalf("%d rows (want %d), %d values differ from fpsim's", rows, n*(n-1), bad)
			}
			if year != 1914 {
				return
			}
			// USA–Guatemala 1914: fpsim's S is 0.867 (rounded as
			// peacesciencer distributes it); the symmetric rule gives 0.852.
			usa, gua := pos[2], pos[90]
			if s, _, _, _, _ := fpsimMeasures(fy.v[usa], fy.v[gua], fy.cinc); math.Round(s*1000)/1000 != 0.867 {
				t.Errorf("USA–Guatemala 1914: S = %v, fpsim 0.867", s)
			}
		})
	}
}
