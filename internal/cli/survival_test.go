package cli

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/termination"
)

func TestSurvivalUsage(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": "/nonexistent"}
	for _, tc := range []struct {
		name     string
		args     []string
		contains string
	}{
		{"source", []string{"--source", "cshapes"}, `--source "cshapes": want atop or cow`},
		{"level", []string{"--level", "dyad"}, `--level "dyad": want alliance or member`},
		{"by", []string{"--by", "era"}, `--by "era": want type`},
		{"cause", []string{"--cause", "war"}, `--cause "war": want all, violation or other`},
		{"cow cause", []string{"--source", "cow", "--cause", "violation"}, "COW codes no cause"},
		{"ties", []string{"--ties", "exact"}, `--ties "exact": want efron or breslow`},
		{"covariate", []string{"--covariates", "bilat,polity"}, `no covariate "polity" for atop; valid: bilat`},
		{"cow covariate", []string{"--source", "cow", "--covariates", "asymm"}, `no covariate "asymm" for cow`},
		{"formed", []string{"--formed", "1989-1816"}, "--formed \"1989-1816\": want FROM-TO"},
		{"plot", []string{"--plot", "x.pdf"}, `--plot "x.pdf": want a file ending in .svg or .png`},
		{"out", []string{"--out", "x.parquet"}, `--out "x.parquet": want a file ending in .csv`},
		{"format", []string{"--format", "xml"}, "unknown --format"},
		{"arguments", []string{"extra"}, "no arguments"},
		{"flag", []string{"--nosuch"}, "nosuch"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, env, append([]string{"survival"}, tc.args...)...)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stderr %q", code, errs)
			}
			if !strings.Contains(out+errs, tc.contains) {
				t.Fatalf("output %q does not contain %q", out+errs, tc.contains)
			}
		})
	}
	if _, errs, code := runCLI(t, nil, "survival"); code != 2 || !strings.Contains(errs, "no data directory") {
		t.Fatalf("without data: exit %d, %q", code, errs)
	}
}

func TestSurvivalReference(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	out, errs, code := runCLI(t, env, "survival", "--by", "type")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"ATOP alliance spells: 745, ended 411",
		"all  745    411   21.47  (19.79, 24.62)  0.796  0.668  0.452  0.321",
		"defense  275",
		"violation    159",
		"log partial likelihood -2390.1279",
		"nonagg  -1.1199  0.1275",
		"GLOBAL PH test",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	out, errs, code = runCLI(t, env, "survival", "--format", "json", "--covariates", "none")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var a termination.Analysis
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Spells != 745 || a.Ended != 411 || a.Cox != nil || len(a.Incidence) != 2 {
		t.Fatalf("json: %d spells, %d ended, cox %v, %d causes", a.Spells, a.Ended, a.Cox, len(a.Incidence))
	}
	if !strings.Contains(out, `"median_upper": 24.62`) {
		t.Errorf("json lacks the median's upper limit")
	}
}

func TestSurvivalBadModel(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	_, errs, code := runCLI(t, env, "survival", "--bilateral", "--covariates", "bilat,defense")
	if code != 1 || !strings.Contains(errs, `covariate "bilat" is constant`) || strings.Contains(errs, "NaN") {
		t.Fatalf("exit %d: %q", code, errs)
	}
	_, errs, code = runCLI(t, env, "survival", "--formed", "1700-1710")
	if code != 1 || !strings.Contains(errs, "no atop spells formed in 1700–1710") {
		t.Fatalf("exit %d: %q", code, errs)
	}
}

func TestSurvivalFiles(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	dir := t.TempDir()
	svg, png, csvf := filepath.Join(dir, "km.svg"), filepath.Join(dir, "km.png"), filepath.Join(dir, "spells.csv")
	_, errs, code := runCLI(t, env, "survival", "--by", "type", "--plot", svg, "--out", csvf)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("svg is not well-formed XML: %v", err)
		}
	}
	for _, label := range []string{"<svg", "Kaplan–Meier", "defense (n=275)", "violation (159)", "years since formation"} {
		if !bytes.Contains(b, []byte(label)) {
			t.Errorf("svg lacks %q", label)
		}
	}
	c, err := os.ReadFile(csvf)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(c)), "\n")
	if len(lines) != 746 || !strings.HasPrefix(lines[0], "source,alliance,member,year,start_date,end_date,tstart,tstop,event,cause") {
		t.Fatalf("spell table: %d lines, header %q", len(lines), lines[0])
	}

	_, errs, code = runCLI(t, env, "survival", "--source", "cow", "--level", "member", "--plot", png)
	if code != 0 {
		t.Fatalf("cow: exit %d: %s", code, errs)
	}
	b, err = os.ReadFile(png)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) || len(b) < 1000 {
		t.Fatalf("png: %d bytes, header %q", len(b), b[:min(8, len(b))])
	}
}

func TestSurvivalYearly(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	out, errs, code := runCLI(t, env, "survival", "--level", "member", "--covariates", "bilat,asymm,defense,nonagg,consul,newally", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var a termination.Analysis
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if !a.Yearly || a.Cox == nil || a.Cox.Rows != 42832 || a.Cox.Dropped != 0 || a.Cox.Spells != 2155 {
		t.Fatalf("yearly %v, cox %+v", a.Yearly, a.Cox)
	}
	nw := a.Cox.Lines[5]
	if nw.Name != "newally" || !(nw.Lower > 1) || len(a.Cox.PH) != 7 {
		t.Fatalf("newally %+v, %d PH lines", nw, len(a.Cox.PH))
	}
}
