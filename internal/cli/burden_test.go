package cli

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestBurdenUsage(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"unknown alliance", []string{"--alliance", "cow:99999", "--year", "1964"}, 2, "no such alliance"},
		{"close matches", []string{"--alliance", "cow:9999", "--year", "1964"}, 2, "close matches: cow:"},
		{"outside life", []string{"--alliance", "cow:227", "--year", "1940"}, 2, "in force 1949–2012; the year 1940 is outside its life"},
		{"embedded unknown", []string{"--alliance", "natto"}, 2, "close matches: world:nato"},
		{"few members", []string{"--alliance", "cow:1", "--year", "1930"}, 1, "fewer than 3 members with both a burden and a GDP"},
		{"source", []string{"--alliance", "nato", "--source", "imf"}, 2, "want sipri or nato"},
		{"format", []string{"--alliance", "nato", "--format", "xml"}, 2, "unknown --format"},
		{"plot", []string{"--alliance", "nato", "--plot", "x.pdf"}, 2, ".svg or .png"},
		{"years", []string{"--alliance", "cow:227", "--years", "1970-1960"}, 2, "want A-B with A ≤ B"},
		{"all without years", []string{"--all"}, 2, "--all needs --years"},
		{"out", []string{"--all", "--years", "1949-1950", "--out", "x.xlsx"}, 2, `--out: output "x.xlsx": unknown extension (want .csv, .csv.gz or .parquet)`},
		{"nothing", nil, 2, "needs --alliance"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, env, append([]string{"burden"}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, errs)
			}
			if !strings.Contains(out+errs, tc.contains) {
				t.Fatalf("output %q does not contain %q", out+errs, tc.contains)
			}
		})
	}
}

// NATO in 1964 (COW alliance 227), the year of Olson & Zeckhauser's table:
// on SIPRI's burden and the SDP file's GDP, the larger allies carry the
// larger burdens.
func TestBurdenNATO1964(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	svg := filepath.Join(t.TempDir(), "oz.svg")
	out, errs, code := runCLI(t, env, "burden", "--alliance", "cow:227", "--year", "1964", "--plot", svg)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"NATO (cow:227), 1964: 15 members",
		"Spearman ρ = 0.635, Kendall τ-b = 0.473, one-sided permutation p = 0.0",
		"n = 14 of 15 members",
		"United States of America  4388.5      8.05",
		"Iceland",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	b, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(b, new(struct{})); err != nil {
		t.Fatalf("invalid SVG: %v", err)
	}
	for _, label := range []string{"United Kingdom", "Luxembourg", "least squares", "log10 GDP"} {
		if !bytes.Contains(b, []byte(label)) {
			t.Errorf("SVG lacks %q", label)
		}
	}
	// JSON: Iceland's missing burden is null, not NaN.
	out, errs, code = runCLI(t, env, "burden", "--alliance", "cow:227", "--year", "1964", "--format", "json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errs)
	}
	var v struct {
		Result struct {
			N    int
			Rho  float64
			Rows []struct {
				Name   string
				Burden *float64
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.Result.N != 14 || v.Result.Rho < 0.63 || v.Result.Rho > 0.64 {
		t.Errorf("json: n %d rho %v", v.Result.N, v.Result.Rho)
	}
	for _, r := range v.Result.Rows {
		if r.Name == "Iceland" && r.Burden != nil {
			t.Errorf("Iceland's burden %v, want null", *r.Burden)
		}
	}
}

func TestBurdenTracker(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	pngFile := filepath.Join(t.TempDir(), "tracker.png")
	out, errs, code := runCLI(t, env, "burden", "--tracker", "--plot", pngFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"2014  3 of 27", "2024  23 of 31"} {
		if !strings.Contains(out, want) {
			t.Errorf("tracker lacks %q:\n%s", want, out)
		}
	}
	f, err := os.Open(pngFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Fatalf("invalid PNG: %v", err)
	}
	svg := filepath.Join(t.TempDir(), "tracker.svg")
	if _, errs, code := runCLI(t, env, "burden", "--tracker", "--plot", svg); code != 0 {
		t.Fatalf("svg: exit %d: %s", code, errs)
	}
	b, _ := os.ReadFile(svg)
	for _, label := range []string{"2% (NATO figures)", "2% (SIPRI figures)", "3.5% (NATO figures)"} {
		if !bytes.Contains(b, []byte(label)) {
			t.Errorf("tracker SVG lacks %q", label)
		}
	}
}

func TestBurdenAll(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	csvFile := filepath.Join(t.TempDir(), "burden.csv")
	out, errs, code := runCLI(t, env, "burden", "--all", "--years", "1949-2016", "--out", csvFile)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	// The era summary of docs/burden.md.
	for _, want := range []string{"1245 alliance-years", "expected by chance",
		"cow     1949–1969  106             45                 0.425  0.050",
		"atop    1990–2016  457             69                 0.151  0.050"} {
		if !strings.Contains(out, want) {
			t.Errorf("era summary lacks %q:\n%s", want, out)
		}
	}
	b, err := os.ReadFile(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("1964,cow:227,NATO,sipri,15,14,")) {
		t.Errorf("table lacks NATO 1964:\n%.400s", b)
	}

	// The same table as Parquet: ATOP names no alliance (null), an
	// alliance-year without free riders has an empty list (not null).
	pq := filepath.Join(t.TempDir(), "burden.parquet")
	if _, errs, code := runCLI(t, env, "burden", "--all", "--years", "1949-2016", "--out", pq); code != 0 {
		t.Fatalf("parquet: exit %d: %s", code, errs)
	}
	names, cols := sameTable(t, csvFile, pq, "free_riders")
	want := []string{"year", "alliance", "name", "source", "members", "n", "rho", "tau", "p", "weighted_mean_burden", "free_riders"}
	if !slices.Equal(names, want) || len(cols["year"]) != 1245 {
		t.Fatalf("parquet: columns %v, %d rows; want %v, 1245 rows", names, len(cols["year"]), want)
	}
	var nato, atopNull, noRiders bool
	for r := range cols["year"] {
		switch {
		case cols["year"][r] == int64(1964) && cols["alliance"][r] == "cow:227":
			nato = cols["name"][r] == "NATO" && cols["source"][r] == "sipri" && cols["members"][r] == int64(15) && cols["n"][r] == int64(14)
		case strings.HasPrefix(cols["alliance"][r].(string), "atop:") && cols["name"][r] == nil:
			atopNull = true
		}
		noRiders = noRiders || cols["free_riders"][r] == ""
	}
	if !nato || !atopNull || !noRiders {
		t.Errorf("parquet: NATO 1964 row %v, an ATOP name null %v, an empty free-rider list %v", nato, atopNull, noRiders)
	}
}
