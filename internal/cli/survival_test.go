package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/schema"

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
		{"out", []string{"--out", "x.xlsx"}, `--out: output "x.xlsx": unknown extension (want .csv, .csv.gz or .parquet)`},
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
	if !strings.Contains(string(c), "\natop,1005,,,1815-01-03,1815-02-08,0,0.09856262833675565,1,other,5,3,defense,0,0,1,0,1\n") {
		t.Errorf("spell table lacks ATOP 1005:\n%.400s", c)
	}

	// The same table as Parquet: the CSV's columns and values, nulls where
	// the CSV is empty.
	pq := filepath.Join(dir, "spells.parquet")
	if _, errs, code := runCLI(t, env, "survival", "--by", "type", "--out", pq); code != 0 {
		t.Fatalf("parquet: exit %d: %s", code, errs)
	}
	names, cols := sameTable(t, csvf, pq)
	if want := strings.Split(lines[0], ","); strings.Join(names, ",") != lines[0] || len(names) != len(want) {
		t.Errorf("parquet columns %v, want %v", names, want)
	}
	if n := len(cols["alliance"]); n != 745 {
		t.Errorf("parquet: %d rows, want 745", n)
	}
	first := []any{"atop", int64(1005), nil, nil, "1815-01-03", "1815-02-08", 0.0, 0.09856262833675565, int64(1), "other", int64(5), int64(3), "defense"}
	for i, want := range first {
		if got := cols[names[i]][0]; got != want {
			t.Errorf("parquet row 1, %s: got %#v, want %#v", names[i], got, want)
		}
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
	censored := -1
	for r, c := range cols["cause"] {
		if c == "censored" {
			censored = r
			break
		}
	}
	if censored < 0 || cols["termmode"][censored] != nil || cols["termcaus"][censored] != nil {
		t.Errorf("parquet: an alliance in force (row %d) should have null termmode and termcaus", censored+1)
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

// readParquetTable reads a Parquet file of the panel writers as the
// panel's tests do (a column chunk reader per column): the column names
// in order and each column's values (int64, float64, bool or string), nil
// where null.
func readParquetTable(t *testing.T, path string) ([]string, map[string][]any) {
	t.Helper()
	r, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	sc := r.MetaData().Schema
	var names []string
	cols := map[string][]any{}
	for c := range sc.NumColumns() {
		names = append(names, sc.Column(c).Name())
	}
	for g := range r.NumRowGroups() {
		rg := r.RowGroup(g)
		n := rg.NumRows()
		defs := make([]int16, n)
		for c, name := range names {
			cr, err := rg.Column(c)
			if err != nil {
				t.Fatal(err)
			}
			var vals []any
			var nv int
			switch cr := cr.(type) {
			case *file.Int64ColumnChunkReader:
				v := make([]int64, n)
				_, nv, err = cr.ReadBatch(n, v, defs, nil)
				for _, x := range v[:nv] {
					vals = append(vals, x)
				}
			case *file.Float64ColumnChunkReader:
				v := make([]float64, n)
				_, nv, err = cr.ReadBatch(n, v, defs, nil)
				for _, x := range v[:nv] {
					vals = append(vals, x)
				}
			case *file.BooleanColumnChunkReader:
				v := make([]bool, n)
				_, nv, err = cr.ReadBatch(n, v, defs, nil)
				for _, x := range v[:nv] {
					vals = append(vals, x)
				}
			case *file.ByteArrayColumnChunkReader:
				if lt := sc.Column(c).LogicalType(); !lt.Equals(schema.StringLogicalType{}) {
					t.Errorf("column %s: logical type %v, want String", name, lt)
				}
				v := make([]parquet.ByteArray, n)
				_, nv, err = cr.ReadBatch(n, v, defs, nil)
				for _, x := range v[:nv] {
					vals = append(vals, string(x))
				}
			default:
				t.Fatalf("column %s: reader %T", name, cr)
			}
			if err != nil {
				t.Fatalf("column %s: %v", name, err)
			}
			k := 0
			for _, d := range defs {
				if d == 0 {
					cols[name] = append(cols[name], nil)
					continue
				}
				cols[name] = append(cols[name], vals[k])
				k++
			}
		}
	}
	return names, cols
}

// sameTable checks that the Parquet file pqPath holds the table of the
// CSV file csvPath: the same header, rows and values, a null exactly
// where the CSV cell is empty (but in the columns named in text, where an
// empty cell may also be an empty string), and no NaN.
func sameTable(t *testing.T, csvPath, pqPath string, text ...string) ([]string, map[string][]any) {
	t.Helper()
	f, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	names, cols := readParquetTable(t, pqPath)
	if !slices.Equal(names, rows[0]) {
		t.Fatalf("parquet columns %v, csv %v", names, rows[0])
	}
	bad := 0
	for c, name := range names {
		col := cols[name]
		if len(col) != len(rows)-1 {
			t.Fatalf("column %s: %d rows in parquet, %d in csv", name, len(col), len(rows)-1)
		}
		for r, v := range col {
			cell := rows[r+1][c]
			var ok bool
			switch v := v.(type) {
			case nil:
				ok = cell == ""
			case string:
				ok = v == cell && (v != "" || slices.Contains(text, name))
			case int64:
				ok = strconv.FormatInt(v, 10) == cell
			case float64:
				x, err := strconv.ParseFloat(cell, 64)
				ok = err == nil && x == v && !math.IsNaN(v)
			case bool:
				ok = cell == map[bool]string{false: "0", true: "1"}[v]
			}
			if !ok && bad < 10 {
				t.Errorf("row %d, %s: parquet %#v, csv %q", r+1, name, v, cell)
			}
			if !ok {
				bad++
			}
		}
	}
	return names, cols
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
