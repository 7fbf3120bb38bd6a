package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestReportCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	src := "format: entente/v1\nas_of: 2024-12-31\nstates:\n  - ccode: 2\n    name: United States\n  - ccode: 2\n    name: Again\n"
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	// The whole output of each format is checked by TestGolden.
	checkExits(t, []exitCase{
		{"bad format", []string{"report", "--format", "pdf"}, 2, `unknown --format "pdf"`},
		{"extra argument", []string{"report", "x"}, 2, "takes no arguments"},
		{"malformed world", []string{"report", "--world", bad}, 1, bad + ":6:12: states[1].ccode: duplicate ccode 2"},
		{"missing world", []string{"report", "--world", filepath.Join(dir, "none.yaml")}, 1, "no such file"},
	})
}

func TestReportJSONAndOut(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "r.json")
	_, errs, code := runCLI(t, nil, "report", "--format", "json", "--out", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Title    string `json:"title"`
		AsOf     string `json:"as_of"`
		Sections []struct {
			ID string `json:"id"`
		} `json:"sections"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if r.AsOf != "2024-12-31" || len(r.Sections) < 6 || r.Sections[0].ID != "overview" {
		t.Errorf("got %+v", r)
	}
}

func runWorldIO(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	err := dispatch(context.Background(), env, []*Command{worldImportCmd, worldExportCmd}, []string{"world"}, args)
	return out.String() + errb.String(), err
}

func TestWorldExportImport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tables := filepath.Join(dir, "tables")
	if _, err := runWorldIO(t, "export", "--out", tables); err != nil {
		t.Fatalf("export: %v", err)
	}
	yamlPath := filepath.Join(dir, "w.yaml")
	if _, err := runWorldIO(t, "import", "--from", tables, "--out", yamlPath); err != nil {
		t.Fatalf("import: %v", err)
	}
	// The imported file is a valid world file that reports like the original.
	out, _, code := runCLI(t, nil, "report", "--world", yamlPath, "--format", "json")
	want, _, _ := runCLI(t, nil, "report", "--format", "json")
	if code != 0 || out != want {
		t.Errorf("report on the imported world differs from the embedded one (exit %d)", code)
	}
	// A second export of the imported file gives the same tables.
	again := filepath.Join(dir, "again")
	if _, err := runWorldIO(t, "export", "--world", yamlPath, "--out", again); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"states.csv", "members.csv", "relations.csv"} {
		a, _ := os.ReadFile(filepath.Join(tables, f))
		b, _ := os.ReadFile(filepath.Join(again, f))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs after a round trip", f)
		}
	}

	var ue *UsageError
	if _, err := runWorldIO(t, "import"); !errors.As(err, &ue) {
		t.Errorf("import without --from: got %v, want a usage error", err)
	}
	if _, err := runWorldIO(t, "export"); !errors.As(err, &ue) {
		t.Errorf("export without --out: got %v, want a usage error", err)
	}
	os.WriteFile(filepath.Join(tables, "states.csv"), []byte("ccode,name\nxx,Nowhere\n"), 0o644)
	_, err := runWorldIO(t, "import", "--from", tables)
	if err == nil || !strings.Contains(err.Error(), "states.csv:2:1: states[0].ccode: want an integer") {
		t.Errorf("bad table: got %v", err)
	}
}

// TestReportHistorical runs the report on a World built from the real data.
func TestReportHistorical(t *testing.T) {
	t.Parallel()
	dir := testenv.DataDir(t)
	out, errs, code := runCLI(t, nil, "report", "--year", "1914", "--data", dir, "--format", "markdown")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"*As of 1914-12-31*", "Triple Alliance", "## Capability ranking"} {
		if !strings.Contains(out, want) {
			t.Errorf("report of 1914 lacks %q", want)
		}
	}
}

func TestWorldIOHelp(t *testing.T) {
	t.Parallel()
	for _, sub := range []string{"import", "export"} {
		out, err := runWorldIO(t, sub, "-h")
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(out, "usage: entente world "+sub) {
			t.Errorf("world %s -h: got %v, output %q", sub, err, out)
		}
	}
}
