package cli

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestPanelUsageErrors(t *testing.T) {
	t.Parallel()
	env := map[string]string{"ENTENTE_DATA": t.TempDir()}
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"unknown variable", []string{"panel", "dyads", "--vars", "cinc1,atop_defence"}, 2, "valid variables: cow_defense"},
		{"year outside coverage", []string{"panel", "dyads", "--years", "2017"}, 2, "year 2017 outside"},
		{"bad years", []string{"panel", "states", "--years", "1816..2016"}, 2, "want FROM-TO"},
		{"bad filter", []string{"panel", "dyads", "--filter", "near"}, 2, "unknown filter"},
		{"bad valuation", []string{"panel", "dyads", "--valuation", "eugene"}, 2, "unknown valuation"},
		{"contradiction", []string{"panel", "dyads", "--directed", "--nondirected"}, 2, "contradict"},
		{"arguments", []string{"panel", "states", "extra"}, 2, "takes no arguments"},
		{"no subcommand", []string{"panel"}, 2, "needs a subcommand"},
		{"missing file", []string{"panel", "dyads", "--years", "1900"}, 1, "entente data get"},
		{"bad extension", []string{"panel", "states", "--out", "x.xlsx"}, 2, "unknown extension"},
		{"codebook with a file", []string{"panel", "states", "--out", "x.csv", "--codebook", "cb"}, 2, "--codebook cb: the codebook of --out x.csv"},
		{"bad ties", []string{"panel", "dyads", "--ties", "max"}, 2, "--ties: unknown ties \"max\" (want directed or symmetric)"},
		{"bad convention", []string{"panel", "dyads", "--convention", "eugene"}, 2, "--convention: unknown convention"},
		{"bad disagreement", []string{"panel", "dyads", "--disagreement", "cubic"}, 2, "want quadratic, linear or nominal"},
		{"bad nmc", []string{"panel", "states", "--nmc", "5"}, 2, "--nmc 5: want 6 or 7"},
		{"fpsim symmetric", []string{"panel", "dyads", "--convention", "fpsim", "--ties", "symmetric"}, 2, "fpsim convention takes directed ties"},
		{"fpsim nmc 6", []string{"panel", "dyads", "--convention", "fpsim", "--nmc", "6"}, 2, "CINC of NMC v7.0"},
		{"fpsim cow", []string{"panel", "dyads", "--convention", "fpsim", "--valuation", "cow"}, 2, "values ATOP obligations"},
		{"extension too far", []string{"panel", "dyads", "--extend-system-to", "2030"}, 2, "want a year in 2017-2024"},
		{"years past the extension", []string{"panel", "states", "--extend-system-to", "2020", "--years", "2016-2022"}, 2, "outside the coverage of the COW state system membership data (1816-2020)"},
		{"year after 2016", []string{"panel", "states", "--years", "2018"}, 2, "extend the system past 2016"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, env, tc.args...)
			if code != tc.code || !strings.Contains(out+errs, tc.contains) {
				t.Fatalf("code %d (want %d), output %q, want it to contain %q", code, tc.code, out+errs, tc.contains)
			}
		})
	}
	if _, errs, code := runCLI(t, nil, "panel", "dyads", "--years", "1900"); code != 2 || !strings.Contains(errs, "ENTENTE_DATA") {
		t.Errorf("no data directory: code %d, %q", code, errs)
	}
}

func TestPanelDyadsStdout(t *testing.T) {
	t.Parallel()
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	out, errs, code := runCLI(t, env, "panel", "dyads", "--years", "1914", "--vars", "atop_defense,conttype,sim_s", "--nondirected", "--filter", "relevant")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "ccode1,ccode2,year,atop_defense,conttype,sim_s" {
		t.Fatalf("header %s", got)
	}
	if len(recs) < 100 || len(recs) > 1000 {
		t.Fatalf("%d relevant non-directed dyads in 1914", len(recs)-1)
	}
	out2, errs, code := runCLI(t, env, "panel", "dyads", "--years", "1914", "--vars", "-sim_*", "--nondirected", "--filter", "relevant")
	if code != 0 || strings.Contains(strings.SplitN(out2, "\n", 2)[0], "sim_") || !strings.Contains(out2, "cow_defense") {
		t.Fatalf("--vars -sim_*: code %d, header %q, %s", code, strings.SplitN(out2, "\n", 2)[0], errs)
	}
	if !strings.Contains(errs, "codebook not written") {
		t.Errorf("stderr %q does not say the codebook was not written", errs)
	}
	if strings.Contains(errs, "\r") {
		t.Errorf("progress drawn on a non-terminal: %q", errs)
	}
}

func TestPanelOutFiles(t *testing.T) {
	t.Parallel()
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	dir := t.TempDir()
	for _, tc := range []struct{ args []string }{
		{[]string{"panel", "dyads", "--years", "2000-2001", "--out", filepath.Join(dir, "d.parquet")}},
		{[]string{"panel", "states", "--years", "1816-2016", "--out", filepath.Join(dir, "s.csv.gz")}},
		{[]string{"panel", "states", "--years", "1990", "--codebook", filepath.Join(dir, "stdout")}},
	} {
		out, errs, code := runCLI(t, env, tc.args...)
		if code != 0 {
			t.Fatalf("%v: code %d: %s", tc.args, code, errs)
		}
		if tc.args[len(tc.args)-2] == "--out" && (out != "" || !strings.Contains(errs, "wrote")) {
			t.Errorf("%v: stdout %q, stderr %q", tc.args, out, errs)
		}
	}
	for _, f := range []string{"d.parquet", "d.parquet.codebook.md", "d.parquet.codebook.json", "s.csv.gz", "s.csv.gz.codebook.md", "stdout.codebook.json"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	md, _ := os.ReadFile(filepath.Join(dir, "d.parquet.codebook.md"))
	if !strings.Contains(string(md), "--years 2000-2001") {
		t.Errorf("codebook does not record the command:\n%s", md[:min(len(md), 400)])
	}
}

// TestPanelExtendAndNMC7 writes the state-year panel to 2022 with NMC
// v7.0: 195 members each year after 2016, capabilities from v7.0 through
// 2022, major-power status and contiguity counts missing after 2016.
func TestPanelExtendAndNMC7(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	out, errs, code := runCLI(t, env, "panel", "states", "--extend-system-to", "2022", "--nmc", "7", "--vars", "cinc,cowmaj,nland")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "ccode,year,cowmaj,cinc,nland" {
		t.Fatalf("header %s", got)
	}
	perYear := map[string]int{}
	for _, r := range recs[1:] {
		perYear[r[1]]++
		if r[0] == "2" && r[1] == "2022" && (r[3] != "0.12356574" || r[2] != "" || r[4] != "") {
			t.Errorf("USA 2022: %v; want cinc 0.12356574, cowmaj and nland missing", r)
		}
	}
	for y := 2016; y <= 2022; y++ {
		if n := perYear[fmt.Sprint(y)]; n != 195 {
			t.Errorf("%d: %d states, want 195", y, n)
		}
	}
	if len(perYear) != 2022-1816+1 {
		t.Errorf("%d years, want 1816-2022 (the default years reach the extension)", len(perYear))
	}
}
