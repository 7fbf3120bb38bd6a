package dataset

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func sum(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func zipOf(t *testing.T, members map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, b := range members {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// serve serves files by path; a path missing from files is a 404.
func serve(t *testing.T, files map[string][]byte) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(b)))
		w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// rewrite points every URL of d at base, keeping the path.
func rewrite(d Dataset, base string) Dataset {
	files := append([]File(nil), d.Files...)
	for i := range files {
		if u, err := url.Parse(files[i].Source.URL); err == nil && files[i].Source.URL != "" {
			files[i].Source.URL = base + u.Path
		}
	}
	d.Files = files
	return d
}

// dirFiles lists every file under dir, temporary ones included.
func dirFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}

func file(path string, content []byte, src Source) File {
	return File{Path: path, SHA256: sum(content), Size: int64(len(content)), Rows: 1, Columns: 1, Source: src}
}

func TestGet(t *testing.T) {
	a := []byte("year\n1816\n")
	b := []byte("year\n1914\n")
	c := []byte("year\n1945\n")
	inner := zipOf(t, map[string][]byte{"c.csv": c})
	srv := serve(t, map[string][]byte{
		"/a.csv":       a,
		"/archive.zip": zipOf(t, map[string][]byte{"archive/b.csv": b, "archive/readme.txt": []byte("x"), "docs/inner.zip": inner}),
		"/mac.csv":     []byte("year\r1816\r1914"),
		"/bad.csv":     []byte("year\n1815\n"),
	})
	tests := []struct {
		name    string
		files   []File
		wantErr []string // substrings of the error; nil for success
		written map[string][]byte
	}{
		{"direct", []File{file("x/a.csv", a, Source{Kind: SourceDirect, URL: srv.URL + "/a.csv"})}, nil,
			map[string][]byte{"x/a.csv": a}},
		{"zip member by path", []File{file("z/b.csv", b, Source{Kind: SourceZip, URL: srv.URL + "/archive.zip", Members: []string{"archive/b.csv"}})}, nil,
			map[string][]byte{"z/b.csv": b}},
		{"zip member by base name", []File{file("z/b.csv", b, Source{Kind: SourceZip, URL: srv.URL + "/archive.zip", Members: []string{"other/b.csv"}})}, nil,
			map[string][]byte{"z/b.csv": b}},
		{"nested zip", []File{file("z/c.csv", c, Source{Kind: SourceZip, URL: srv.URL + "/archive.zip", Members: []string{"inner.zip", "c.csv"}})}, nil,
			map[string][]byte{"z/c.csv": c}},
		{"two members of one archive", []File{
			file("z/b.csv", b, Source{Kind: SourceZip, URL: srv.URL + "/archive.zip", Members: []string{"archive/b.csv"}}),
			file("z/c.csv", c, Source{Kind: SourceZip, URL: srv.URL + "/archive.zip", Members: []string{"docs/inner.zip", "c.csv"}}),
		}, nil, map[string][]byte{"z/b.csv": b, "z/c.csv": c}},
		{"CR-only to LF", []File{file("m.csv", []byte("year\n1816\n1914\n"), Source{Kind: SourceDirect, URL: srv.URL + "/mac.csv", Transform: ToLF})}, nil,
			map[string][]byte{"m.csv": []byte("year\n1816\n1914\n")}},
		{"checksum mismatch", []File{file("x/a.csv", a, Source{Kind: SourceDirect, URL: srv.URL + "/bad.csv"})},
			[]string{"x/a.csv: sha256 mismatch: expected " + sum(a) + ", got " + sum([]byte("year\n1815\n")), "/bad.csv", "nothing written"}, nil},
		{"not found", []File{file("x/a.csv", a, Source{Kind: SourceDirect, URL: srv.URL + "/gone.csv"})},
			[]string{"x/a.csv: GET " + srv.URL + "/gone.csv: 404 Not Found"}, nil},
		{"missing member", []File{file("z/d.csv", b, Source{Kind: SourceZip, URL: srv.URL + "/archive.zip", Members: []string{"archive/d.csv"}})},
			[]string{`z/d.csv: ` + srv.URL + `/archive.zip: no member "archive/d.csv" (members: `}, nil},
		{"not a zip", []File{file("z/b.csv", b, Source{Kind: SourceZip, URL: srv.URL + "/a.csv", Members: []string{"b.csv"}})},
			[]string{"z/b.csv: " + srv.URL + "/a.csv: not a zip archive"}, nil},
		{"converted", []File{file("p.csv", a, Source{Kind: SourceConverted, Note: "decoded from R"})},
			[]string{"p.csv: cannot be downloaded from its publisher (converted file): decoded from R"}, nil},
		{"one failure does not stop the rest", []File{
			file("p.csv", a, Source{Kind: SourceThirdParty, Note: "a copy"}),
			file("x/a.csv", a, Source{Kind: SourceDirect, URL: srv.URL + "/a.csv"}),
		}, []string{"p.csv: cannot be downloaded"}, map[string][]byte{"x/a.csv": a}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			g := &Getter{Client: srv.Client()}
			_, err := g.Get(context.Background(), dir, Dataset{Name: "t", Files: tc.files})
			if tc.wantErr == nil && err != nil {
				t.Fatalf("Get: %v, want no error", err)
			}
			for _, w := range tc.wantErr {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Errorf("Get error = %v, want one containing %q", err, w)
				}
			}
			var want []string
			for p, content := range tc.written {
				want = append(want, p)
				got, err := os.ReadFile(filepath.Join(dir, p))
				if err != nil || !bytes.Equal(got, content) {
					t.Errorf("%s = %q, %v; want %q", p, got, err, content)
				}
			}
			if got := dirFiles(t, dir); len(got) != len(want) {
				t.Errorf("files in dir = %q, want only %q", got, want)
			}
		})
	}
}

func TestGetErrorTypes(t *testing.T) {
	a := []byte("year\n1816\n")
	srv := serve(t, map[string][]byte{"/bad.csv": []byte("nope")})
	g := &Getter{Client: srv.Client()}
	_, err := g.Get(context.Background(), t.TempDir(), Dataset{Files: []File{
		file("x.csv", a, Source{Kind: SourceDirect, URL: srv.URL + "/bad.csv"}),
		file("y.csv", a, Source{Kind: SourceConverted, Note: "n"}),
	}})
	var ce *ChecksumError
	if !errors.As(err, &ce) || ce.Path != "x.csv" || ce.Expected != sum(a) || ce.Got != sum([]byte("nope")) || !errors.Is(err, ErrChecksum) {
		t.Errorf("err = %v: want a *ChecksumError for x.csv", err)
	}
	var nd *NotDownloadableError
	if !errors.As(err, &nd) || nd.Path != "y.csv" || !errors.Is(err, ErrNotDownloadable) {
		t.Errorf("err = %v: want a *NotDownloadableError for y.csv", err)
	}
}

func TestGetKeepsGoodAndExistingFiles(t *testing.T) {
	a := []byte("year\n1816\n")
	srv := serve(t, map[string][]byte{"/a.csv": a, "/bad.csv": []byte("year\n1815\n")})
	g := &Getter{Client: srv.Client()}
	dir := t.TempDir()
	good := file("a.csv", a, Source{Kind: SourceDirect, URL: srv.URL + "/a.csv"})

	got, err := g.Get(context.Background(), dir, Dataset{Files: []File{good}})
	if err != nil || len(got) != 1 || got[0].Status != Downloaded {
		t.Fatalf("first Get = %+v, %v; want downloaded", got, err)
	}
	// A good file already there is not fetched again.
	good.Source.URL = srv.URL + "/bad.csv"
	got, err = g.Get(context.Background(), dir, Dataset{Files: []File{good}})
	if err != nil || len(got) != 1 || got[0].Status != Present {
		t.Fatalf("second Get = %+v, %v; want present", got, err)
	}
	// A stale file stays as it was when the new download is corrupt.
	stale := []byte("stale\n")
	writeFile(t, dir, "a.csv", stale)
	if _, err := g.Get(context.Background(), dir, Dataset{Files: []File{good}}); !errors.Is(err, ErrChecksum) {
		t.Fatalf("Get = %v, want a checksum error", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "a.csv")); !bytes.Equal(b, stale) {
		t.Errorf("a.csv = %q after a failed download, want it untouched (%q)", b, stale)
	}
	if fs := dirFiles(t, dir); len(fs) != 1 {
		t.Errorf("files = %q, want a.csv only", fs)
	}
}

func TestGetInterrupted(t *testing.T) {
	a := []byte("year\n1816\n1914\n1945\n")
	tests := []struct {
		name    string
		handler http.HandlerFunc
	}{
		{"short body", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(len(a)))
			w.Write(a[:7])
		}},
		{"connection closed mid-body", func(w http.ResponseWriter, r *http.Request) {
			w.Write(a[:7])
			w.(http.Flusher).Flush()
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		}},
	}
	for _, tc := range tests {
		for _, kind := range []SourceKind{SourceDirect, SourceZip} {
			t.Run(tc.name+"/"+string(kind), func(t *testing.T) {
				srv := httptest.NewServer(tc.handler)
				defer srv.Close()
				dir := t.TempDir()
				g := &Getter{Client: srv.Client()}
				f := file("a.csv", a, Source{Kind: kind, URL: srv.URL + "/a", Members: []string{"a.csv"}})
				_, err := g.Get(context.Background(), dir, Dataset{Files: []File{f}})
				if err == nil || !strings.Contains(err.Error(), "a.csv") {
					t.Fatalf("Get error = %v, want one naming a.csv", err)
				}
				if testing.Verbose() {
					t.Logf("error: %v", err)
				}
				if fs := dirFiles(t, dir); len(fs) != 0 {
					t.Errorf("files = %q after an interrupted download, want none", fs)
				}
			})
		}
	}
}

func TestGetCancelled(t *testing.T) {
	a := []byte("year\n1816\n1914\n1945\n")
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(a)))
		w.Write(a[:7])
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	g := &Getter{Client: srv.Client(), Progress: func(p Progress) {
		if p.Done > 0 {
			cancel()
		}
	}}
	f := file("a.csv", a, Source{Kind: SourceDirect, URL: srv.URL + "/a"})
	_, err := g.Get(ctx, dir, Dataset{Files: []File{f}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Get error = %v, want context.Canceled", err)
	}
	if fs := dirFiles(t, dir); len(fs) != 0 {
		t.Errorf("files = %q after a cancelled download, want none", fs)
	}
}

func TestGetTooLarge(t *testing.T) {
	a := []byte("year\n1816\n")
	srv := serve(t, map[string][]byte{"/a.csv": a})
	dir := t.TempDir()
	g := &Getter{Client: srv.Client(), MaxBytes: 4}
	_, err := g.Get(context.Background(), dir, Dataset{Files: []File{file("a.csv", a, Source{Kind: SourceDirect, URL: srv.URL + "/a.csv"})}})
	if err == nil || !strings.Contains(err.Error(), "a.csv: larger than the limit of 4 bytes") {
		t.Fatalf("Get error = %v, want a size limit error", err)
	}
}

// TestGetCountryCodesReproducesCopy serves the publisher's CR-only bytes of
// COW-country-codes.csv (rebuilt from the data directory's copy and checked
// against the upstream sha256) and checks that Get's transform reproduces
// the copy.
func TestGetCountryCodesReproducesCopy(t *testing.T) {
	copyPath := testenv.File(t, "cow_states/COW-country-codes.csv")
	lf, err := os.ReadFile(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	upstream := bytes.ReplaceAll(bytes.TrimSuffix(lf, []byte("\n")), []byte("\n"), []byte("\r"))
	d, _ := Lookup("cow-states")
	var f File
	for _, x := range d.Files {
		if x.Path == "cow_states/COW-country-codes.csv" {
			f = x
		}
	}
	if got := sum(upstream); got != f.Source.UpstreamSHA256 {
		t.Fatalf("rebuilt upstream sha256 = %s, want %s", got, f.Source.UpstreamSHA256)
	}
	srv := serve(t, map[string][]byte{"/wp-content/uploads/COW-country-codes.csv": upstream})
	d.Files = []File{f}
	d = rewrite(d, srv.URL)
	dir := t.TempDir()
	got, err := (&Getter{Client: srv.Client()}).Get(context.Background(), dir, d)
	if err != nil || len(got) != 1 || got[0].Status != Downloaded {
		t.Fatalf("Get = %+v, %v; want downloaded", got, err)
	}
	if fr := VerifyFile(dir, f); fr.Status != StatusOK {
		t.Errorf("verify after get: %s %q, want ok", fr.Status, fr.Problems)
	}
}

func TestLFWriter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\rb\r", "a\nb\n"},
		{"a\rb", "a\nb\n"},
		{"a\r\nb\r\n", "a\nb\n"},
		{"a\nb", "a\nb\n"},
		{"a\r\r\nb", "a\n\nb\n"},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(strconv.Quote(tc.in), func(t *testing.T) {
			// Feed one byte at a time to cross every chunk boundary.
			var out bytes.Buffer
			w := &lfWriter{w: &out}
			for i := 0; i < len(tc.in); i++ {
				w.Write([]byte{tc.in[i]})
			}
			w.Close()
			if out.String() != tc.want {
				t.Errorf("got %q, want %q", out.String(), tc.want)
			}
		})
	}
}
