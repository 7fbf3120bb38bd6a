package dataset

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestVerifyRealData(t *testing.T) {
	dir := testenv.DataDir(t)
	rep, err := Verify(context.Background(), dir, Catalogue())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Files {
		if f.Status != StatusOK {
			t.Errorf("%s: status %s, problems %q; want ok", f.Path, f.Status, f.Problems)
		}
	}
	if !rep.OK {
		t.Errorf("report OK = false, want true")
	}
	// The measured figures are the catalogue's.
	for i, f := range allFiles(Catalogue()) {
		got := rep.Files[i]
		if got.Path != f.Path || got.SHA256 != f.SHA256 || got.Rows == nil || *got.Rows != f.Rows || !sameYears(got.Coverage, f.Coverage) {
			t.Errorf("%s: got %s %v %v, want %s %d %v", f.Path, got.SHA256, got.Rows, got.Coverage, f.SHA256, f.Rows, f.Coverage)
		}
	}
}

func allFiles(ds []Dataset) []File {
	var fs []File
	for _, d := range ds {
		fs = append(fs, d.Files...)
	}
	return fs
}

// copyStates copies the small cow_states files into a temporary directory.
func copyStates(t *testing.T) (dir string, d Dataset) {
	t.Helper()
	src := testenv.DataDir(t)
	d, _ = Lookup("cow-states")
	dir = t.TempDir()
	for _, f := range d.Files {
		b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, f.Path, b)
	}
	return dir, d
}

func writeFile(t *testing.T, dir, rel string, b []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestVerifyFindsEachProblem(t *testing.T) {
	tests := []struct {
		name   string
		path   string
		change func([]byte) []byte
		want   []string // substrings, one problem each
	}{
		{"one byte changed", "cow_states/COW-country-codes.csv",
			func(b []byte) []byte { return bytes.Replace(b, []byte("USA,2,"), []byte("USB,2,"), 1) },
			[]string{"sha256 mismatch: expected cc18776ca36dd8bae107bcdaab2b9bc56b5f2ea5872b103ed4b9b790c8604351, got "}},
		{"a row removed", "cow_states/states2016.csv",
			func(b []byte) []byte {
				i := bytes.Index(b, []byte("\r\n")) + 2
				j := bytes.Index(b[i:], []byte("\r\n")) + 2
				return append(b[:i:i], b[i+j:]...)
			},
			[]string{"sha256 mismatch", "size: expected 10845 bytes, got 10788", "rows: expected 243, got 242"}},
		{"a year changed", "cow_states/majors2016.csv",
			func(b []byte) []byte { return bytes.Replace(b, []byte(",1816,"), []byte(",1815,"), 1) },
			[]string{"sha256 mismatch", "coverage of styear, endyear: expected 1816–2016, got 1815–2016"}},
		{"a column dropped", "cow_states/majors2016.csv",
			func(b []byte) []byte { return bytes.Replace(b, []byte(",version\r\n"), []byte("\r\n"), 1) },
			[]string{"sha256 mismatch", "size", "columns: expected 9, got 8", "cannot parse: ", "wrong number of fields"}},
		{"a year that is not one", "cow_states/system2016.csv",
			func(b []byte) []byte { return bytes.Replace(b, []byte("USA,2,1816,"), []byte("USA,2,18x6,"), 1) },
			[]string{"sha256 mismatch", `coverage: line 2: column "year": not a year: "18x6"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir, d := copyStates(t)
			p := filepath.Join(dir, filepath.FromSlash(tc.path))
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			nb := tc.change(append([]byte(nil), b...))
			if bytes.Equal(nb, b) {
				t.Fatalf("the change left %s as it was", tc.path)
			}
			writeFile(t, dir, tc.path, nb)
			rep, err := Verify(context.Background(), dir, []Dataset{d})
			if err != nil {
				t.Fatal(err)
			}
			if rep.OK {
				t.Errorf("report OK = true, want false")
			}
			for _, f := range rep.Files {
				if f.Path != tc.path {
					if f.Status != StatusOK {
						t.Errorf("%s: status %s %q, want ok", f.Path, f.Status, f.Problems)
					}
					continue
				}
				if f.Status != StatusBad {
					t.Errorf("%s: status %s, want bad", f.Path, f.Status)
				}
				all := strings.Join(f.Problems, "\n")
				for _, w := range tc.want {
					if !strings.Contains(all, w) {
						t.Errorf("problems:\n%s\nwant one containing %q", all, w)
					}
				}
			}
		})
	}
}

func TestVerifyAbsentIsNotAFailure(t *testing.T) {
	dir, _ := copyStates(t)
	rep, err := Verify(context.Background(), dir, Catalogue())
	if err != nil {
		t.Fatal(err)
	}
	ok, absent, bad := rep.Counts()
	want := len(allFiles(Catalogue())) - 4
	if ok != 4 || absent != want || bad != 0 || !rep.OK {
		t.Errorf("ok, absent, bad, OK = %d, %d, %d, %v; want 4, %d, 0, true", ok, absent, bad, rep.OK, want)
	}
}

func TestVerifyMissingDir(t *testing.T) {
	_, err := Verify(context.Background(), filepath.Join(t.TempDir(), "nope"), Catalogue())
	if err == nil || !strings.Contains(err.Error(), "data directory") {
		t.Fatalf("err = %v, want a data directory error", err)
	}
}

func TestParseYear(t *testing.T) {
	tests := []struct {
		in     string
		format YearFormat
		want   int
		ok     bool
	}{
		{"1816", YearNumber, 1816, true},
		{"181601", YearMonth, 1816, true},
		{"181613", YearMonth, 0, false},
		{"2024-12-31", YearDate, 2024, true},
		{"2024/12/31", YearDate, 0, false},
		{"18x6", YearNumber, 0, false},
		{"-9", YearNumber, 0, false},
		{"Country", YearNumber, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, ok := parseYear(tc.in, tc.format)
			if got != tc.want || ok != tc.ok {
				t.Errorf("parseYear(%q, %s) = %d, %v; want %d, %v", tc.in, tc.format, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func BenchmarkVerifyRealData(b *testing.B) {
	dir := testenv.DataDir(b)
	b.ReportAllocs()
	for b.Loop() {
		rep, err := Verify(context.Background(), dir, Catalogue())
		if err != nil || !rep.OK {
			b.Fatalf("Verify: %v, ok=%v", err, rep != nil && rep.OK)
		}
	}
}
