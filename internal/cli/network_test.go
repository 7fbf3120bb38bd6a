package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestNetworkUsage(t *testing.T) {
	dir := testenv.DataDir(t)
	env := map[string]string{"ENTENTE_DATA": dir}
	tests := []struct {
		name     string
		args     []string
		contains string
	}{
		{"unknown type", []string{"network", "--years", "1900-1901", "--type", "offense"}, "want defense or any"},
		{"unknown source", []string{"network", "--year", "1900", "--source", "sipri"}, "want atop, cow or world"},
		{"unknown rule", []string{"network", "--year", "1900", "--rule", "both"}, "want either or mutual"},
		{"unknown format", []string{"network", "--year", "1900", "--format", "dot"}, "json, graphml, gexf"},
		{"unknown table extension", []string{"network", "--years", "1900-1901", "--out", "x.xlsx"}, ".parquet"},
		{"unknown plot extension", []string{"network", "--year", "1900", "--plot", "x.pdf"}, ".svg or .png"},
		{"year before the history", []string{"network", "--year", "1700"}, "outside 1816-2016"},
		{"COW after 2012", []string{"network", "--year", "2014", "--source", "cow"}, "outside 1816-2012"},
		{"years outside the history", []string{"network", "--years", "1800-1900"}, "covers 1816-2016"},
		{"years and year", []string{"network", "--years", "1900-1901", "--year", "1900"}, "excludes --year"},
		{"world source with a year", []string{"network", "--year", "1900", "--source", "world"}, "world file"},
		{"table format flag", []string{"network", "--years", "1900-1901", "--format", "gexf"}, "--out's extension"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, env, tc.args...)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stdout %q stderr %q", code, out, errs)
			}
			if !strings.Contains(errs, tc.contains) {
				t.Errorf("stderr %q does not contain %q", errs, tc.contains)
			}
		})
	}
}

func TestNetworkTable(t *testing.T) {
	dir := testenv.DataDir(t)
	env := map[string]string{"ENTENTE_DATA": dir}
	out, errs, code := runCLI(t, env, "network", "--years", "1899-1900", "--source", "cow", "--rule", "mutual")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("got %d rows, %v:\n%s", len(rows), err, out)
	}
	if rows[0][0] != "year" || rows[0][3] != "ties" || rows[2][0] != "1900" || rows[2][3] != "8" {
		t.Errorf("header %v, 1900 row %v: want 8 COW defence ties in 1900", rows[0], rows[2])
	}
	// COW ends in 2012: later years are written, empty.
	out, _, code = runCLI(t, env, "network", "--years", "2012-2013", "--source", "cow")
	rows, _ = csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || len(rows) != 3 || rows[2][1] != "0" || rows[2][3] != "" || rows[1][3] == "" {
		t.Errorf("2012-2013 from COW: exit %d rows %v", code, rows)
	}
	tmp := t.TempDir()
	for _, name := range []string{"net.parquet", "net.csv"} {
		path := filepath.Join(tmp, name)
		plot := filepath.Join(tmp, name+".svg")
		if _, errs, code := runCLI(t, env, "network", "--years", "1950-1952", "--out", path, "--plot", plot); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, errs)
		}
		for _, p := range []string{path, plot} {
			if st, err := os.Stat(p); err != nil || st.Size() == 0 {
				t.Errorf("%s: %v", p, err)
			}
		}
	}
}

func TestNetworkGraph(t *testing.T) {
	dir := testenv.DataDir(t)
	env := map[string]string{"ENTENTE_DATA": dir}
	out, errs, code := runCLI(t, env, "network", "--year", "1980")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var d struct {
		Nodes []struct {
			Code       int      `json:"code"`
			Name       string   `json:"name"`
			Capability *float64 `json:"capability"`
			Bloc       *int     `json:"bloc"`
		} `json:"nodes"`
		Edges []struct{ Source, Target int } `json:"edges"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	bloc := map[int]*int{}
	for _, n := range d.Nodes {
		bloc[n.Code] = n.Bloc
	}
	if len(d.Edges) != 696 || bloc[2] == nil || bloc[365] == nil || *bloc[2] == *bloc[365] {
		t.Errorf("1980: %d edges, USA bloc %v, USSR bloc %v; want 696 and two blocs", len(d.Edges), bloc[2], bloc[365])
	}
	for _, f := range []string{"graphml", "gexf"} {
		out, errs, code := runCLI(t, env, "network", "--year", "1914", "--format", f, "--source", "cow")
		if code != 0 || !strings.Contains(out, "<?xml") || !strings.Contains(out, "Germany") {
			t.Errorf("%s: exit %d %s", f, code, errs)
		}
	}
	// The embedded world, from its own alliances.
	png := filepath.Join(t.TempDir(), "today.png")
	out, errs, code = runCLI(t, nil, "network", "--type", "any", "--plot", png)
	if code != 0 || !strings.Contains(out, `"source": "world"`) {
		t.Fatalf("embedded world: exit %d %s", code, errs)
	}
	if st, err := os.Stat(png); err != nil || st.Size() == 0 {
		t.Errorf("plot: %v", err)
	}
}
