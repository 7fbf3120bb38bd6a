package dataset

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestCatalogueIsConsistent(t *testing.T) {
	hex64 := regexp.MustCompile(`^[0-9a-f]{64}$`)
	names := map[string]bool{}
	paths := map[string]bool{}
	for _, d := range Catalogue() {
		t.Run(d.Name, func(t *testing.T) {
			if names[d.Name] {
				t.Errorf("dataset name %q appears twice", d.Name)
			}
			names[d.Name] = true
			if d.Title == "" || d.Version == "" || d.Publisher == "" || len(d.Citations) == 0 || d.Terms == "" || d.Homepage == "" {
				t.Errorf("dataset %q lacks a title, version, publisher, citation, terms or homepage: %+v", d.Name, d)
			}
			if len(d.Files) == 0 {
				t.Errorf("dataset %q has no files", d.Name)
			}
			for _, f := range d.Files {
				if paths[f.Path] {
					t.Errorf("path %q appears twice", f.Path)
				}
				paths[f.Path] = true
				if !hex64.MatchString(f.SHA256) {
					t.Errorf("%s: sha256 %q is not 64 lower-case hex digits", f.Path, f.SHA256)
				}
				if f.Rows <= 0 || f.Columns <= 0 || f.Size <= 0 {
					t.Errorf("%s: rows %d, columns %d, size %d: want all positive", f.Path, f.Rows, f.Columns, f.Size)
				}
				if (f.Coverage == nil) != (len(f.YearColumns) == 0 && f.YearFormat != YearHeader) {
					t.Errorf("%s: coverage %v does not agree with year columns %v (%s)", f.Path, f.Coverage, f.YearColumns, f.YearFormat)
				}
				if d.Coverage != nil && f.Coverage != nil && f.YearFormat != YearHeader &&
					(f.Coverage.To > d.Coverage.To) {
					t.Errorf("%s: coverage %v ends after the dataset's %v", f.Path, f.Coverage, d.Coverage)
				}
				s := f.Source
				switch s.Kind {
				case SourceDirect, SourceZip:
					if !strings.HasPrefix(s.URL, "http") {
						t.Errorf("%s: downloadable without a URL", f.Path)
					}
					if s.Kind == SourceZip && len(s.Members) == 0 {
						t.Errorf("%s: zip source without a member", f.Path)
					}
				case SourceConverted, SourceThirdParty:
					if s.Note == "" {
						t.Errorf("%s: %s source without a note saying what to do", f.Path, s.Kind)
					}
				default:
					t.Errorf("%s: unknown source kind %q", f.Path, s.Kind)
				}
				if s.Origin == "" {
					t.Errorf("%s: no origin", f.Path)
				}
			}
		})
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		ok   bool
	}{
		{"cow-alliances", true},
		{"nmc", true},
		{"capdist", true},
		{"nope", false},
		{"", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := Lookup(tc.name)
			if ok != tc.ok || (ok && d.Name != tc.name) {
				t.Fatalf("Lookup(%q) = %q, %v; want ok=%v", tc.name, d.Name, ok, tc.ok)
			}
		})
	}
	if got := Names(); !sort.StringsAreSorted(got) || len(got) != len(Catalogue()) {
		t.Errorf("Names() = %v: want every dataset, sorted", got)
	}
	d, f, ok := FindFile("nmc/NMC-60-abridged.csv")
	if !ok || d.Name != "nmc" || f.Rows != 15951 {
		t.Errorf("FindFile(nmc/NMC-60-abridged.csv) = %q, %d rows, %v; want nmc, 15951, true", d.Name, f.Rows, ok)
	}
}

func TestCatalogueIsACopy(t *testing.T) {
	c := Catalogue()
	c[0].Files[0].Source.URL = "http://127.0.0.1/x"
	if got := Catalogue()[0].Files[0].Source.URL; got == "http://127.0.0.1/x" {
		t.Fatalf("changing one Catalogue() result changed the next")
	}
}

// TestCatalogueMatchesProvenance checks that every checksum in
// PROVENANCE.md is in the catalogue and the other way round, so the two
// cannot drift apart.
func TestCatalogueMatchesProvenance(t *testing.T) {
	dir := testenv.DataDir(t)
	b, err := os.ReadFile(filepath.Join(dir, "PROVENANCE.md"))
	if err != nil {
		t.Skipf("no PROVENANCE.md: %v", err)
	}
	inDoc := map[string]bool{}
	for _, s := range regexp.MustCompile(`[0-9a-f]{64}`).FindAllString(string(b), -1) {
		inDoc[s] = true
	}
	inCat := map[string]string{}
	for _, d := range Catalogue() {
		for _, f := range d.Files {
			inCat[f.SHA256] = f.Path
			if f.Source.UpstreamSHA256 != "" {
				inCat[f.Source.UpstreamSHA256] = f.Path + " (upstream)"
			}
		}
	}
	for s, p := range inCat {
		if !inDoc[s] {
			t.Errorf("%s: sha256 %s is not in PROVENANCE.md", p, s)
		}
	}
	for s := range inDoc {
		if _, ok := inCat[s]; !ok {
			t.Errorf("PROVENANCE.md sha256 %s is not in the catalogue", s)
		}
	}
}

// TestCatalogueCoversDataDir checks that every CSV in the data directory is
// catalogued and every catalogued file is there.
func TestCatalogueCoversDataDir(t *testing.T) {
	dir := testenv.DataDir(t)
	onDisk := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !e.IsDir() && strings.HasSuffix(p, ".csv") {
			rel, _ := filepath.Rel(dir, p)
			onDisk[filepath.ToSlash(rel)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range Catalogue() {
		for _, f := range d.Files {
			if !onDisk[f.Path] {
				t.Errorf("%s is catalogued but not in %s", f.Path, dir)
			}
			delete(onDisk, f.Path)
		}
	}
	for p := range onDisk {
		t.Errorf("%s is in %s but not catalogued", p, dir)
	}
}
