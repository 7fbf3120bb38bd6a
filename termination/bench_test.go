package termination

import (
	"testing"

	"github.com/entente/entente/survival"
)

var design = []string{"bilat", "asymm", "defense", "nonagg", "consul"}

// memberYears builds the member-year table of all of ATOP v4 with the
// design covariates and newally (which needs no other data).
func memberYears(tb testing.TB) *survival.Data {
	tb.Helper()
	al, ms := loadATOP(tb)
	spells, err := ATOP(al, ms, MemberLevel)
	if err != nil {
		tb.Fatal(err)
	}
	all, err := ATOP(al, ms, AllianceLevel)
	if err != nil {
		tb.Fatal(err)
	}
	t, err := Build(spells, append(append([]string{}, design...), "newally"), &Facts{Alliances: all})
	if err != nil {
		tb.Fatal(err)
	}
	d, dropped := t.Data(Censored)
	if dropped != 0 {
		tb.Fatalf("%d rows dropped", dropped)
	}
	return d
}

// TestYearlySplitKeepsFixedModel checks the counting-process machinery on
// real data: splitting spells at calendar years changes no risk set, so a
// model of fixed covariates fitted to the member-year rows must equal the
// one fitted to whole member spells.
func TestYearlySplitKeepsFixedModel(t *testing.T) {
	al, ms := loadATOP(t)
	spells, err := ATOP(al, ms, MemberLevel)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Build(spells, design, nil)
	if err != nil {
		t.Fatal(err)
	}
	dw, _ := whole.Data(Censored)
	dy := memberYears(t)
	if dy.Len() < 10*dw.Len() {
		t.Fatalf("%d member-years for %d member spells", dy.Len(), dw.Len())
	}
	dy.X, dy.Names = dy.X[:len(design)], dy.Names[:len(design)]
	cw, err := survival.FitCox(dw, survival.CoxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cy, err := survival.FitCox(dy, survival.CoxOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if cw.Events != cy.Events || cy.Subjects != dw.Len() {
		t.Fatalf("events %d vs %d, subjects %d vs %d", cw.Events, cy.Events, cy.Subjects, dw.Len())
	}
	for j := range cw.Coef {
		if !near(cw.Coef[j], cy.Coef[j]) || !near(cw.SE[j], cy.SE[j]) || !near(cw.RobustSE[j], cy.RobustSE[j]) {
			t.Errorf("%s: whole %.9f (%.9f, %.9f), yearly %.9f (%.9f, %.9f)", cw.Names[j],
				cw.Coef[j], cw.SE[j], cw.RobustSE[j], cy.Coef[j], cy.SE[j], cy.RobustSE[j])
		}
	}
	if !near(cw.LogLik, cy.LogLik) {
		t.Errorf("loglik whole %.9f, yearly %.9f", cw.LogLik, cy.LogLik)
	}
}

// BenchmarkCoxMemberYears fits the Cox model (Efron ties, robust variance)
// to the member-year table of all of ATOP v4 (42,832 rows, six
// covariates). Target: under 2 s.
func BenchmarkCoxMemberYears(b *testing.B) {
	d := memberYears(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := survival.FitCox(d, survival.CoxOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(d.Len()), "rows")
}

// BenchmarkCoxMemberYearsPH adds the proportional-hazards test.
func BenchmarkCoxMemberYearsPH(b *testing.B) {
	d := memberYears(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c, err := survival.FitCox(d, survival.CoxOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := survival.ZPH(c, d, survival.Efron, survival.TransformKM); err != nil {
			b.Fatal(err)
		}
	}
}
