package survival

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/table"
)

// tol is the agreement required with R's survival package.
const tol = 1e-6

// ref is one entry of testdata/reference.json, written by reference.R.
type ref struct {
	Time     []*float64 `json:"time"`
	NRisk    []*float64 `json:"n_risk"`
	NEvent   []*float64 `json:"n_event"`
	Surv     []*float64 `json:"surv"`
	StdErr   []*float64 `json:"std_err"`
	Lower    []*float64 `json:"lower"`
	Upper    []*float64 `json:"upper"`
	Median   []*float64 `json:"median"`
	AtTimes  []*float64 `json:"at_times"`
	SurvAt   []*float64 `json:"surv_at"`
	Names    []string   `json:"names"`
	Coef     []*float64 `json:"coef"`
	SE       []*float64 `json:"se"`
	RobustSE []*float64 `json:"robust_se"`
	LogLik0  *float64   `json:"loglik0"`
	LogLik   *float64   `json:"loglik"`
	N        *float64   `json:"n"`
	Events   *float64   `json:"events"`
	ZTerms   []string   `json:"zph_terms"`
	ZChisq   []*float64 `json:"zph_chisq"`
	ZP       []*float64 `json:"zph_p"`
	PCM      []*float64 `json:"pcm"`
	Death    []*float64 `json:"death"`
}

func loadRefs(t testing.TB) map[string]ref {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "reference.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]ref
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// val turns R's null (NA) into NaN.
func val(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

func close(got, want float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func checkVec(t *testing.T, what string, got []float64, want []*float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range got {
		if !close(got[i], val(want[i])) {
			t.Errorf("%s[%d] = %.10g, want %.10g (R)", what, i, got[i], val(want[i]))
		}
	}
}

// readFixture reads a CSV of testdata into columns; an empty cell is NaN.
func readFixture(t testing.TB, name string) map[string][]float64 {
	t.Helper()
	r, err := table.Open(filepath.Join("testdata", name), table.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	cols := map[string][]float64{}
	for r.Next() {
		for _, h := range r.Header() {
			cols[h] = append(cols[h], float64(r.Value(h)))
		}
	}
	if r.Err() != nil {
		t.Fatal(r.Err())
	}
	return cols
}

// fixtureData builds Data from a fixture; rows with a missing covariate are
// dropped, as R's na.omit does.
func fixtureData(t testing.TB, name, start, stop, event string, eventCode float64, id string, covs ...string) *Data {
	t.Helper()
	c := readFixture(t, name)
	d := &Data{Names: covs, X: make([][]float64, len(covs))}
rows:
	for i := range c[stop] {
		for _, v := range covs {
			if math.IsNaN(c[v][i]) {
				continue rows
			}
		}
		if start != "" {
			d.Start = append(d.Start, c[start][i])
		}
		d.Stop = append(d.Stop, c[stop][i])
		d.Event = append(d.Event, c[event][i] == eventCode)
		for j, v := range covs {
			d.X[j] = append(d.X[j], c[v][i])
		}
		if id != "" {
			d.ID = append(d.ID, int(c[id][i]))
		}
	}
	return d
}

func TestKaplanMeierMatchesR(t *testing.T) {
	refs := loadRefs(t)
	for _, tc := range []struct {
		name string
		data *Data
	}{
		{"ovarian_km", fixtureData(t, "ovarian.csv", "", "futime", "fustat", 1, "")},
		{"lung_km", fixtureData(t, "lung.csv", "", "time", "status", 2, "")},
		{"heart_km", fixtureData(t, "heart.csv", "start", "stop", "event", 1, "")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := refs[tc.name]
			km, err := KaplanMeier(tc.data, 0.95)
			if err != nil {
				t.Fatal(err)
			}
			var tm, nr, ne, s, se, lo, hi []float64
			for _, st := range km.Steps {
				tm = append(tm, st.Time)
				nr = append(nr, float64(st.AtRisk))
				ne = append(ne, float64(st.Events))
				s = append(s, st.Surv)
				se = append(se, st.StdErr)
				lo = append(lo, st.Lower)
				hi = append(hi, st.Upper)
			}
			checkVec(t, "time", tm, want.Time)
			checkVec(t, "n.risk", nr, want.NRisk)
			checkVec(t, "n.event", ne, want.NEvent)
			checkVec(t, "surv", s, want.Surv)
			checkVec(t, "std.err", se, want.StdErr)
			checkVec(t, "lower", lo, want.Lower)
			checkVec(t, "upper", hi, want.Upper)
			m, mlo, mhi := km.Median()
			checkVec(t, "median", []float64{m, mlo, mhi}, want.Median)
			var at []float64
			for _, x := range want.AtTimes {
				s, _, _ := km.At(*x)
				at = append(at, s)
			}
			checkVec(t, "surv at", at, want.SurvAt)
		})
	}
}

func TestCumulativeIncidenceMatchesR(t *testing.T) {
	c := readFixture(t, "mgus2.csv")
	d := &Data{Stop: c["etime"]}
	for _, v := range c["cause"] {
		d.Event = append(d.Event, v > 0)
		d.Cause = append(d.Cause, int(v))
	}
	inc, err := CumulativeIncidence(d)
	if err != nil {
		t.Fatal(err)
	}
	want := loadRefs(t)["mgus2_cif"]
	checkVec(t, "time", inc.Times, want.Time)
	checkVec(t, "pcm", inc.CIF[0], want.PCM)
	checkVec(t, "death", inc.CIF[1], want.Death)
	for j := range inc.Times {
		if s := inc.Surv[j] + inc.CIF[0][j] + inc.CIF[1][j]; math.Abs(s-1) > 1e-12 {
			t.Fatalf("at %g: S + ΣF = %g, want 1", inc.Times[j], s)
		}
	}
}

func TestCoxMatchesR(t *testing.T) {
	refs := loadRefs(t)
	lung := fixtureData(t, "lung.csv", "", "time", "status", 2, "", "age", "sex", "ph.ecog", "wt.loss")
	heart := fixtureData(t, "heart.csv", "start", "stop", "event", 1, "id", "age", "year", "surgery", "transplant")
	for _, tc := range []struct {
		name string
		data *Data
		ties Ties
	}{
		{"ovarian_efron", fixtureData(t, "ovarian.csv", "", "futime", "fustat", 1, "", "age", "resid.ds", "rx", "ecog.ps"), Efron},
		{"lung_efron", lung, Efron},
		{"lung_breslow", lung, Breslow},
		{"heart_efron", heart, Efron},
		{"heart_breslow", heart, Breslow},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkCox(t, tc.data, tc.ties, refs[tc.name])
		})
	}
}

func checkCox(t *testing.T, d *Data, ties Ties, want ref) {
	t.Helper()
	c, err := FitCox(d, CoxOptions{Ties: ties})
	if err != nil {
		t.Fatal(err)
	}
	if c.N != int(val(want.N)) || c.Events != int(val(want.Events)) {
		t.Errorf("n %d events %d, want %g %g", c.N, c.Events, val(want.N), val(want.Events))
	}
	checkVec(t, "coef", c.Coef, want.Coef)
	checkVec(t, "se", c.SE, want.SE)
	checkVec(t, "robust se", c.RobustSE, want.RobustSE)
	checkVec(t, "loglik", []float64{c.LogLik0, c.LogLik}, []*float64{want.LogLik0, want.LogLik})
	z, err := ZPH(c, d, ties, TransformKM)
	if err != nil {
		t.Fatal(err)
	}
	var terms []string
	var chi, p []float64
	for _, l := range z {
		terms = append(terms, l.Term)
		chi = append(chi, l.Chisq)
		p = append(p, l.P)
	}
	if strings.Join(terms, ",") != strings.Join(want.ZTerms, ",") {
		t.Errorf("zph terms %v, want %v", terms, want.ZTerms)
	}
	checkVec(t, "zph chisq", chi, want.ZChisq)
	checkVec(t, "zph p", p, want.ZP)
}

func TestBadInput(t *testing.T) {
	x := []float64{1, 2, 3, 4}
	for _, tc := range []struct {
		name string
		data Data
		want error
		msg  string
	}{
		{"zero duration", Data{Stop: []float64{1, 0, 2, 3}, Event: []bool{true, true, false, true}, X: [][]float64{x}, Names: []string{"x"}}, ErrInput, "row 2: duration 0"},
		{"negative duration", Data{Stop: []float64{1, -2, 2, 3}, Event: []bool{true, true, false, true}, X: [][]float64{x}, Names: []string{"x"}}, ErrInput, "row 2: duration -2"},
		{"start after stop", Data{Start: []float64{0, 3, 0, 0}, Stop: []float64{1, 2, 2, 3}, Event: []bool{true, true, false, true}, X: [][]float64{x}, Names: []string{"x"}}, ErrInput, "row 2: stop 2 not after start 3"},
		{"event before censoring", Data{Start: []float64{0, 1, 0, 0}, Stop: []float64{1, 2, 2, 3}, Event: []bool{true, false, false, true}, ID: []int{1, 1, 2, 3}, X: [][]float64{x}, Names: []string{"x"}}, ErrInput, "subject 1 is at risk after its event"},
		{"overlap", Data{Start: []float64{0, 0.5, 0, 0}, Stop: []float64{1, 2, 2, 3}, Event: []bool{false, true, false, true}, ID: []int{1, 1, 2, 3}, X: [][]float64{x}, Names: []string{"x"}}, ErrInput, "overlapping"},
		{"missing covariate", Data{Stop: []float64{1, 2, 2, 3}, Event: []bool{true, true, false, true}, X: [][]float64{{1, math.NaN(), 3, 4}}, Names: []string{"x"}}, ErrInput, `row 2: covariate "x" is missing`},
		{"constant", Data{Stop: []float64{1, 2, 2, 3}, Event: []bool{true, true, false, true}, X: [][]float64{x, {1, 1, 1, 1}}, Names: []string{"x", "c"}}, ErrCollinear, `"c" is constant`},
		{"collinear", Data{Stop: []float64{1, 2, 2, 3}, Event: []bool{true, true, false, true}, X: [][]float64{x, {2, 4, 6, 8}}, Names: []string{"x", "y"}}, ErrCollinear, `"x", "y" are linearly dependent`},
		{"no events", Data{Stop: []float64{1, 2, 2, 3}, Event: make([]bool, 4), X: [][]float64{x}, Names: []string{"x"}}, ErrNoEvents, ""},
		{"monotone", Data{Stop: []float64{1, 2, 3, 4}, Event: []bool{true, true, false, false}, X: [][]float64{{1, 1, 0, 0}}, Names: []string{"x"}}, ErrNotConverged, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := FitCox(&tc.data, CoxOptions{})
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
				t.Fatalf("err = %v, want %v containing %q", err, tc.want, tc.msg)
			}
			if c != nil {
				t.Fatalf("a result with the error: %+v", c)
			}
		})
	}
}
