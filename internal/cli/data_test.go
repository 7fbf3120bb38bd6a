package cli

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente/internal/dataset"
	"github.com/entente/entente/internal/testenv"
)

func TestDataVerifyRealData(t *testing.T) {
	t.Parallel()
	dir := testenv.DataDir(t)
	out, errs, code := runCLI(t, nil, "data", "verify", "--dir", dir)
	if code != 0 {
		t.Fatalf("exit code = %d, want 0; stdout:\n%s\nstderr: %s", code, out, errs)
	}
	n := 0
	for _, d := range dataset.Catalogue() {
		n += len(d.Files)
	}
	if want := strconv.Itoa(n) + " files: " + strconv.Itoa(n) + " ok, 0 absent, 0 bad"; !strings.Contains(out, want) {
		t.Errorf("stdout:\n%s\nwant it to contain %q", out, want)
	}

	out, _, code = runCLI(t, map[string]string{"ENTENTE_DATA": dir}, "data", "verify", "--format", "json", "nmc")
	if code != 0 {
		t.Fatalf("json: exit code = %d, want 0", code)
	}
	var rep struct {
		Dir   string `json:"dir"`
		OK    bool   `json:"ok"`
		Files []struct {
			Path     string   `json:"path"`
			Status   string   `json:"status"`
			Problems []string `json:"problems"`
			SHA256   string   `json:"sha256"`
			Rows     int      `json:"rows"`
			Coverage struct {
				From int `json:"from"`
				To   int `json:"to"`
			} `json:"coverage"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if !rep.OK || rep.Dir != dir || len(rep.Files) != 1 {
		t.Fatalf("json report = %+v, want ok, dir %s, one file", rep, dir)
	}
	f := rep.Files[0]
	if f.Path != "nmc/NMC-60-abridged.csv" || f.Status != "ok" || f.Problems == nil || len(f.Problems) != 0 ||
		f.SHA256 != "cd8465ea476da51d3e91261e216e96cfaf1fbf309dbe6bfc25a99bfb9fa7cfde" || f.Rows != 15951 ||
		f.Coverage.From != 1816 || f.Coverage.To != 2016 {
		t.Errorf("json file = %+v, want NMC 6.0 ok, 15951 rows, 1816–2016, problems []", f)
	}
}

// alteredCopy copies the cow_states files into a temporary directory, with
// a byte changed in one and a row removed from another.
func alteredCopy(t *testing.T) string {
	t.Helper()
	src := testenv.DataDir(t)
	dir := t.TempDir()
	d, _ := dataset.Lookup("cow-states")
	for _, f := range d.Files {
		b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		switch f.Path {
		case "cow_states/COW-country-codes.csv":
			b = bytes.Replace(b, []byte("USA,2,"), []byte("USB,2,"), 1)
		case "cow_states/states2016.csv":
			i := bytes.Index(b, []byte("\r\n")) + 2
			j := bytes.Index(b[i:], []byte("\r\n")) + 2
			b = append(b[:i:i], b[i+j:]...)
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestDataVerifyAltered(t *testing.T) {
	t.Parallel()
	dir := alteredCopy(t)
	out, errs, code := runCLI(t, nil, "data", "verify", "--dir", dir)
	if code != 1 {
		t.Fatalf("exit code = %d, want 1; stderr %q", code, errs)
	}
	for _, want := range []string{
		"bad     cow_states/COW-country-codes.csv\n        sha256 mismatch: expected cc18776ca36dd8bae107bcdaab2b9bc56b5f2ea5872b103ed4b9b790c8604351, got ",
		"bad     cow_states/states2016.csv\n        sha256 mismatch",
		"        size: expected 10845 bytes, got 10788\n",
		"        rows: expected 243, got 242\n",
		"ok      cow_states/majors2016.csv",
		"absent  nmc/NMC-60-abridged.csv\n",
		" ok, 32 absent, 2 bad\n",
		"absent files are not errors",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout:\n%s\nwant it to contain %q", out, want)
		}
	}

	out, _, code = runCLI(t, nil, "data", "verify", "--dir", dir, "--format", "json", "cow-states")
	if code != 1 {
		t.Fatalf("json: exit code = %d, want 1", code)
	}
	var rep dataset.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if rep.OK || len(rep.Files) != 4 {
		t.Fatalf("json report ok=%v with %d files, want false with 4", rep.OK, len(rep.Files))
	}
	for _, f := range rep.Files {
		wantBad := f.Path == "cow_states/COW-country-codes.csv" || f.Path == "cow_states/states2016.csv"
		if (f.Status == dataset.StatusBad) != wantBad || (len(f.Problems) > 0) != wantBad {
			t.Errorf("%s: status %s, problems %q; want bad=%v", f.Path, f.Status, f.Problems, wantBad)
		}
	}
}

// TestDataVerifyAbsentOnly checks that a directory holding only absent files
// passes: absent is not an error.
func TestDataVerifyAbsentOnly(t *testing.T) {
	t.Parallel()
	out, _, code := runCLI(t, nil, "data", "verify", "--dir", t.TempDir())
	if code != 0 || !strings.Contains(out, " 0 ok, ") || !strings.Contains(out, " absent, 0 bad") {
		t.Fatalf("exit code %d, stdout:\n%s\nwant 0 with every file absent", code, out)
	}
}

func TestDataUsage(t *testing.T) {
	t.Parallel()
	checkExits(t, []exitCase{
		{"data alone", []string{"data"}, 2, "needs a subcommand"},
		{"verify without dir", []string{"data", "verify"}, 2, "no data directory: pass --data DIR or set ENTENTE_DATA"},
		{"verify --data", []string{"data", "verify", "--data", "/nonexistent/entente"}, 1, "data directory: stat /nonexistent/entente"},
		{"get --data", []string{"data", "get", "--data", ".", "nmc", "atop5"}, 2, `unknown dataset "atop5"`},
		{"verify bad format", []string{"data", "verify", "--dir", ".", "--format", "xml"}, 2, `unknown --format "xml"`},
		{"verify unknown dataset", []string{"data", "verify", "--dir", ".", "cow"}, 2, `unknown dataset "cow"; valid names: cow-alliances, nmc,`},
		{"verify missing dir", []string{"data", "verify", "--dir", "/nonexistent/entente"}, 1, "data directory: stat /nonexistent/entente"},
		{"get without dir", []string{"data", "get", "nmc"}, 2, "no data directory"},
		{"get without names", []string{"data", "get", "--dir", "."}, 2, "data get needs dataset names; valid names: all, cow-alliances"},
		{"get unknown name", []string{"data", "get", "--dir", ".", "nmc", "atop5"}, 2, `unknown dataset "atop5"; valid names: cow-alliances, nmc, nmc-peacesciencer`},
		{"sources bad format", []string{"data", "sources", "--format", "csv"}, 2, `unknown --format "csv"`},
		{"sources unknown name", []string{"data", "sources", "x"}, 2, `unknown dataset "x"`},
		{"help data", []string{"help", "data"}, 0, "sources"},
		{"verify -h", []string{"data", "verify", "-h"}, 0, "An\nabsent file is reported as absent but is not an error"},
	})
}

func TestDataSources(t *testing.T) {
	t.Parallel()
	out, _, code := runCLI(t, nil, "data", "sources")
	if code != 0 {
		t.Fatalf("exit code = %d, want 0", code)
	}
	for _, want := range []string{
		"cow-alliances — Correlates of War Formal Alliances, version 4.1\n",
		"  cite       Gibler, Douglas M. 2009. International Military Alliances, 1648–2008.",
		"  file       cow_alliances_v4.1/alliance_v4.1_by_member.csv\n             sha256 dc4cda15a2d48a84d0737978586e6ae7bb4873f46cf3668885a8ea2adce3ccb0\n             1221 rows, 23 columns, UTF-8, LF\n             years 1386–2012 (all_st_year)\n",
		"source https://correlatesofwar.org/wp-content/uploads/version4.1_csv.zip → version4.1_csv/alliance_v4.1_by_member.csv\n",
		"source converted, not downloadable: ",
		"capdist — ",
		"  coverage   no time dimension\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout does not contain %q", want)
		}
	}

	out, _, code = runCLI(t, nil, "data", "sources", "--format", "json")
	if code != 0 {
		t.Fatalf("json: exit code = %d, want 0", code)
	}
	var ds []dataset.Dataset
	if err := json.Unmarshal([]byte(out), &ds); err != nil {
		t.Fatalf("json: %v", err)
	}
	if len(ds) != len(dataset.Catalogue()) || ds[0].Name != "cow-alliances" || len(ds[0].Files) != 4 || ds[0].Files[0].Rows != 1221 {
		t.Errorf("json: %d datasets, first %q: want the catalogue", len(ds), ds[0].Name)
	}

	out, _, _ = runCLI(t, nil, "data", "sources", "capdist")
	if strings.Count(out, " — ") != 1 || !strings.HasPrefix(out, "capdist — ") {
		t.Errorf("sources capdist:\n%s\nwant capdist only", out)
	}
}

func sha(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// testCatalogue serves a small catalogue from a local server: a direct
// file, a zip member, a corrupted file and a converted one.
func testCatalogue(t *testing.T) {
	t.Helper()
	a := []byte("year\n1816\n")
	b := []byte("year\n1914\n")
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("pack/b.csv")
	w.Write(b)
	zw.Close()
	files := map[string][]byte{"/a.csv": a, "/pack.zip": zb.Bytes(), "/corrupt.csv": []byte("year\n1815\n")}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	file := func(path string, content []byte, src dataset.Source) dataset.File {
		return dataset.File{Path: path, SHA256: sha(content), Size: int64(len(content)), Rows: 1, Columns: 1, Source: src}
	}
	cat := []dataset.Dataset{
		{Name: "plain", Files: []dataset.File{file("p/a.csv", a, dataset.Source{Kind: dataset.SourceDirect, URL: srv.URL + "/a.csv"})}},
		{Name: "zipped", Files: []dataset.File{file("z/b.csv", b, dataset.Source{Kind: dataset.SourceZip, URL: srv.URL + "/pack.zip", Members: []string{"pack/b.csv"}})}},
		{Name: "corrupt", Files: []dataset.File{file("c/a.csv", a, dataset.Source{Kind: dataset.SourceDirect, URL: srv.URL + "/corrupt.csv"})}},
		{Name: "converted", Files: []dataset.File{file("r/x.csv", a, dataset.Source{Kind: dataset.SourceConverted, Note: "decoded from an R object; install peacesciencer"})}},
	}
	oldCat, oldClient := dataCatalogue, dataHTTPClient
	dataCatalogue = func() []dataset.Dataset { return append([]dataset.Dataset(nil), cat...) }
	dataHTTPClient = srv.Client()
	t.Cleanup(func() { dataCatalogue, dataHTTPClient = oldCat, oldClient })
}

func TestDataGet(t *testing.T) {
	testCatalogue(t)
	tests := []struct {
		name    string
		names   []string
		code    int
		stdout  []string
		stderr  []string
		written []string
	}{
		{"direct and zip", []string{"plain", "zipped"}, 0,
			[]string{"downloaded p/a.csv  (http://", "downloaded z/b.csv  (http://"}, nil, []string{"p/a.csv", "z/b.csv"}},
		{"all skips converted", []string{"all"}, 1,
			[]string{"downloaded p/a.csv", "downloaded z/b.csv"},
			[]string{"entente: data get corrupt: c/a.csv: sha256 mismatch: expected " + sha([]byte("year\n1816\n")) + ", got " + sha([]byte("year\n1815\n"))},
			[]string{"p/a.csv", "z/b.csv"}},
		{"corrupted", []string{"corrupt"}, 1, nil,
			[]string{"c/a.csv: sha256 mismatch: expected ", "nothing written"}, nil},
		{"converted", []string{"converted"}, 1, nil,
			[]string{"entente: data get converted: r/x.csv: cannot be downloaded from its publisher (converted file): decoded from an R object; install peacesciencer"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out, errs, code := runCLI(t, nil, append([]string{"data", "get", "--dir", dir}, tc.names...)...)
			if code != tc.code {
				t.Fatalf("exit code = %d, want %d; stdout %q, stderr %q", code, tc.code, out, errs)
			}
			for _, w := range tc.stdout {
				if !strings.Contains(out, w) {
					t.Errorf("stdout %q does not contain %q", out, w)
				}
			}
			for _, w := range tc.stderr {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q does not contain %q", errs, w)
				}
			}
			var got []string
			filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
				if err == nil && !info.IsDir() {
					rel, _ := filepath.Rel(dir, p)
					got = append(got, filepath.ToSlash(rel))
				}
				return nil
			})
			if strings.Join(got, ",") != strings.Join(tc.written, ",") {
				t.Errorf("files written = %q, want %q", got, tc.written)
			}
			if strings.Contains(errs, "\r") {
				t.Errorf("stderr has a progress bar though it is not a terminal: %q", errs)
			}
		})
	}
	// A second run finds the files in place.
	dir := t.TempDir()
	runCLI(t, nil, "data", "get", "--dir", dir, "plain")
	out, _, code := runCLI(t, nil, "data", "get", "--dir", dir, "plain")
	if code != 0 || !strings.Contains(out, "present    p/a.csv") {
		t.Errorf("second get: exit %d, stdout %q; want present", code, out)
	}
}

func TestRenderBar(t *testing.T) {
	t.Parallel()
	tests := []struct {
		p    dataset.Progress
		want string
	}{
		{dataset.Progress{URL: "https://x/version4.1_csv.zip", Done: 500_000, Total: 2_000_000},
			"version4.1_csv.zip               [=======>                      ]  25%  0.5/2.0 MB"},
		{dataset.Progress{URL: "https://x/a.zip", Done: 2_000_000, Total: 2_000_000},
			"a.zip                            [==============================] 100%  2.0/2.0 MB"},
		{dataset.Progress{URL: "https://x/capdist.csv", Done: 1_500_000, Total: -1},
			"capdist.csv                      1.5 MB"},
	}
	for _, tc := range tests {
		t.Run(tc.want[:8], func(t *testing.T) {
			if got := renderBar(tc.p, 30); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
