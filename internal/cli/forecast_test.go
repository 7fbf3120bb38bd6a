package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestForecastUsage(t *testing.T) {
	t.Parallel()
	dir := testenv.DataDir(t)
	tests := []struct {
		name     string
		args     []string
		contains string
	}{
		{"no data", []string{"forecast"}, "no data directory"},
		{"bad format", []string{"forecast", "--format", "xml"}, "unknown --format"},
		{"unknown kind", []string{"forecast", "--data", "x", "--kind", "defence"}, "--kind: unknown outcome kind \"defence\" (want atop, atop-defense, cow)"},
		{"out without backtest", []string{"forecast", "--data", "x", "--out", "f.csv"}, "need --backtest"},
		{"year and world", []string{"forecast", "--data", "x", "--year", "1990", "--world", "w.yaml"}, "exclusive"},
		{"empty training window", []string{"forecast", "--data", dir, "--backtest", "--from", "1817", "--to", "1850"}, "--from 1817: empty training window"},
		{"window before the data", []string{"forecast", "--data", dir, "--backtest", "--from", "1700", "--to", "1750"}, "--from 1700: outside the outcome years of atop (valid 1818–2018)"},
		{"window after the data", []string{"forecast", "--data", dir, "--kind", "cow", "--backtest", "--from", "1990", "--to", "2018"}, "--to 2018: outside the window's outcome years of cow (valid 1990–2012)"},
		{"year outside", []string{"forecast", "--data", dir, "--year", "2030"}, "--year 2030: want 1817–2018"},
		{"year outside the kind", []string{"forecast", "--data", dir, "--kind", "cow", "--year", "2015"}, "--year 2015: cow alliances are coded through 2012; want 1817–2012"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, nil, tc.args...)
			if code != 2 || !strings.Contains(out+errs, tc.contains) {
				t.Fatalf("exit %d (want 2), output %q (want %q)", code, out+errs, tc.contains)
			}
		})
	}
}

// TestForecastBacktestCSV writes the predictions of a short backtest and
// checks their shape: ccode1 < ccode2, years in the window, p in (0, 1),
// outcome 0 or 1, and some alliances formed.
func TestForecastBacktestCSV(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("reads every year of the real data")
	}
	dir := testenv.DataDir(t)
	file := filepath.Join(t.TempDir(), "p.csv")
	out, errs, code := runCLI(t, nil, "forecast", "--data", dir, "--kind", "cow", "--backtest", "--from", "1946", "--to", "1955",
		"--replicates", "20", "--out", file)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "ROC AUC") || !strings.Contains(out, "calibration") {
		t.Errorf("no metrics in %q", out)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != "ccode1,ccode2,year,p,outcome" {
		t.Fatalf("header %v", recs[0])
	}
	formed := 0
	for _, r := range recs[1:] {
		a, _ := strconv.Atoi(r[0])
		c, _ := strconv.Atoi(r[1])
		y, _ := strconv.Atoi(r[2])
		p, _ := strconv.ParseFloat(r[3], 64)
		if a >= c || y < 1946 || y > 1955 || p <= 0 || p >= 1 || (r[4] != "0" && r[4] != "1") {
			t.Fatalf("bad row %v", r)
		}
		if r[4] == "1" {
			formed++
		}
	}
	if formed == 0 {
		t.Error("no alliance formed in 1946–1955")
	}
}
