package burden

import (
	"errors"
	"math"
	"testing"

	"github.com/entente/entente/internal/source/nato"
	"github.com/entente/entente/internal/source/sipri"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func members(gdp, bur []float64) []Member {
	var ms []Member
	for i := range gdp {
		ms = append(ms, Member{CCode: i + 1, Name: string(rune('A' + i)), GDP: world.Known(gdp[i]), Burden: world.Known(bur[i])})
	}
	return ms
}

// R: cor(c(1,2,3,4,5), c(2,1,4,3,5), method="spearman") = 0.8;
// method="kendall" = 0.6.
func TestRankCorrelations(t *testing.T) {
	x, y := []float64{1, 2, 3, 4, 5}, []float64{2, 1, 4, 3, 5}
	if r := Spearman(x, y); math.Abs(r-0.8) > 1e-12 {
		t.Errorf("Spearman = %v, want 0.8", r)
	}
	if r := TauB(x, y); math.Abs(r-0.6) > 1e-12 {
		t.Errorf("TauB = %v, want 0.6", r)
	}
	// Ties: R cor(c(1,1,2,3), c(1,2,2,3), method="kendall") = 0.8 (tau-b).
	if r := TauB([]float64{1, 1, 2, 3}, []float64{1, 2, 2, 3}); math.Abs(r-0.8) > 1e-12 {
		t.Errorf("TauB with ties = %v, want 0.8", r)
	}
}

func TestPermutationP(t *testing.T) {
	// Perfectly concordant with n = 6: the exact one-sided p is 1/720.
	r, err := Test(members([]float64{1, 2, 3, 4, 5, 6}, []float64{1, 2, 3, 4, 5, 6}), Options{Permutations: 20000})
	if err != nil {
		t.Fatal(err)
	}
	if r.Rho != 1 || r.Tau != 1 || r.P > 0.003 {
		t.Errorf("rho %v tau %v p %v, want 1, 1, about 1/720", r.Rho, r.Tau, r.P)
	}
	// Perfectly discordant: p is 1.
	r, _ = Test(members([]float64{1, 2, 3, 4, 5, 6}, []float64{6, 5, 4, 3, 2, 1}), Options{})
	if r.Rho != -1 || r.P < 0.99 {
		t.Errorf("rho %v p %v, want -1 and p about 1", r.Rho, r.P)
	}
	// The seed makes p reproducible.
	a, _ := Test(members([]float64{1, 2, 3, 4, 5, 6}, []float64{2, 1, 4, 3, 6, 5}), Options{})
	b, _ := Test(members([]float64{1, 2, 3, 4, 5, 6}, []float64{2, 1, 4, 3, 6, 5}), Options{})
	if a.P != b.P {
		t.Errorf("p %v then %v with the same seed", a.P, b.P)
	}
}

func TestGapAndFreeRiders(t *testing.T) {
	// A big spender (GDP 8, 4%) and two small ones (1, 1%): weighted mean
	// (0.32+0.01+0.01)/10 = 3.4%; the small ones are 2.4 points under it.
	ms := members([]float64{8, 1, 1}, []float64{4, 1, 1})
	r, err := Test(ms, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(r.WeightedMean-3.4) > 1e-12 {
		t.Errorf("weighted mean %v, want 3.4", r.WeightedMean)
	}
	if len(r.FreeRiders) != 2 || r.FreeRiders[0].Name != "B" {
		t.Errorf("free riders %v, want B and C", r.FreeRiders)
	}
	// A's spending share 0.32/0.34 against its GDP share 80%.
	if g := r.Rows[0].Gap.Float(); math.Abs(g-(100*0.32/0.34-80)) > 1e-9 {
		t.Errorf("gap of A %v", g)
	}
}

func TestFewMembers(t *testing.T) {
	ms := members([]float64{1, 2, 3}, []float64{1, 2, 3})
	ms[2].Burden = world.Missing()
	_, err := Test(ms, Options{})
	if !errors.Is(err, ErrFewMembers) {
		t.Fatalf("err %v, want ErrFewMembers", err)
	}
	if _, err := Test(members([]float64{1, -2, 3}, []float64{1, 2, 3}), Options{}); err == nil {
		t.Error("a negative GDP was accepted")
	}
}

// The tracker on NATO's table: 3 allies at 2% in 2014 and 23 in 2024 (NATO,
// Defence Expenditure of NATO Countries (2014–2024), June 2024).
func TestTrackerNATO(t *testing.T) {
	tab, err := nato.Read(testenv.File(t, "nato/nato_defence_share_gdp_2014_2024.csv"), nato.Edition2024)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := sipri.ReadShares(testenv.File(t, "milex/military-spending-as-a-share-of-gdp-sipri.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ys := Track(2014, 2024, func(int) []int { return tab.Allies() }, tab.Share, sh.GetCOW, Wales)
	if ys[0].NATO.Meet != 3 || ys[10].NATO.Meet != 23 {
		t.Errorf("allies at 2%% on NATO's figures: %d in 2014, %d in 2024; want 3 and 23", ys[0].NATO.Meet, ys[10].NATO.Meet)
	}
	if ys[10].SIPRI.Known == 0 {
		t.Error("no SIPRI figures in 2024")
	}
}

func TestSummarise(t *testing.T) {
	r := func(p float64) *Result { return &Result{Rho: 0.5, P: p} }
	lines := []Line{
		{Year: 1950, Alliance: "cow:1", Result: r(0.01)},
		{Year: 1951, Alliance: "cow:1", Result: r(0.2)},
		{Year: 1975, Alliance: "atop:2", Result: r(0.04)},
		{Year: 1975, Alliance: "cowboy:3", Result: r(0.01)}, // neither source
	}
	s := Summarise(lines)
	if len(s) != 6 || s[0].Tested != 2 || s[0].Positive != 1 || s[0].Share != 0.5 || s[0].Expected != Alpha {
		t.Errorf("cow 1949–1969: %+v", s[0])
	}
	if s[4].Tested != 1 || s[4].Positive != 1 || s[1].Tested != 0 {
		t.Errorf("atop 1970–1989 %+v, cow 1970–1989 %+v", s[4], s[1])
	}
}
