package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/internal/testenv"
)

// failWriter fails every write after the first n bytes, as a full disk.
type failWriter struct{ n int }

var errDiskFull = errors.New("no space left on device")

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		f.n -= len(p)
		return len(p), nil
	}
	n := f.n
	f.n = 0
	return n, errDiskFull
}

// Every command that prints exits 1 naming the error when standard output
// fails, at the first byte or later.
func TestWriteErrorsExit1(t *testing.T) {
	data := testenv.DataDir(t)
	for _, args := range [][]string{
		{"world", "--year", "1914", "--data", data},
		{"world"},
		{"world", "--format", "json"},
		{"data", "sources"},
		{"data", "sources", "--format", "json"},
		{"data", "verify", "--data", data, "nmc"},
		{"report", "--format", "html"},
		{"report", "--format", "json"},
		{"threat", "--year", "1914", "--data", data, "--state", "GMY"},
		{"landscape", "--states", "USA,RUS,CHN,GBR,FRA"},
	} {
		for _, after := range []int{0, 100} {
			t.Run(fmt.Sprint(strings.Join(args[:min(2, len(args))], " "), after), func(t *testing.T) {
				var errb strings.Builder
				e := &Env{Stdin: strings.NewReader(""), Stdout: &failWriter{n: after}, Stderr: &errb,
					Getenv: func(string) string { return "" }}
				if code := run(context.Background(), e, args); code != 1 || !strings.Contains(errb.String(), errDiskFull.Error()) {
					t.Errorf("%v with a failing stdout: exit %d, stderr %q", args, code, errb.String())
				}
			})
		}
	}
}

// An output file is 0644 whatever made it, and a failed write leaves
// neither a partial file nor a temporary one.
func TestOutputFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.md")
	if _, errs, code := runCLI(t, nil, "report", "--out", out); code != 0 {
		t.Fatalf("report --out: %s", errs)
	}
	csvDir := filepath.Join(dir, "csv")
	os.Mkdir(csvDir, 0o755)
	if _, errs, code := runCLI(t, nil, "world", "export", "--out", csvDir); code != 0 {
		t.Fatalf("world export: %s", errs)
	}
	wout := filepath.Join(dir, "w.yaml")
	if _, errs, code := runCLI(t, nil, "world", "import", "--from", csvDir, "--out", wout); code != 0 {
		t.Fatalf("world import: %s", errs)
	}
	for _, p := range []string{out, wout} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", p, st.Mode().Perm())
		}
	}
	before, _ := os.ReadFile(out)
	err := writeFileAtomic(out, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return errDiskFull
	})
	if !errors.Is(err, errDiskFull) {
		t.Errorf("writeFileAtomic error = %v", err)
	}
	// A write whose error the writer ignores is still caught.
	err = writeFileAtomic(out, func(w io.Writer) error {
		w.(*checkedWriter).err = errDiskFull
		return nil
	})
	if !errors.Is(err, errDiskFull) {
		t.Errorf("ignored write error: writeFileAtomic error = %v", err)
	}
	after, _ := os.ReadFile(out)
	if string(after) != string(before) {
		t.Errorf("a failed write changed %s", out)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

// Out-of-range numeric flags are usage errors naming the flag; the
// documented world file's report has no NaN.
func TestNumbersBounded(t *testing.T) {
	checkExits(t, []exitCase{
		{"coalitions 1000", []string{"landscape", "--states", "USA,RUS,CHN", "--coalitions", "1000"}, 2, "--coalitions 1000"},
		{"replicas -1", []string{"landscape", "--states", "USA,RUS,CHN", "--replicas", "-1"}, 2, "--replicas"},
		{"offset NaN", []string{"landscape", "--states", "USA,RUS,CHN", "--offset", "NaN"}, 2, "--offset NaN: want a finite number"},
	})
	doc, err := os.ReadFile(filepath.Join(testenv.ModuleRoot(), "docs", "worldfile.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(doc), "```yaml\n")
	yaml, _, _ := strings.Cut(rest, "```")
	p := filepath.Join(t.TempDir(), "doc.yaml")
	os.WriteFile(p, []byte(yaml), 0o644)
	for _, f := range []string{"text", "json", "markdown", "html"} {
		out, errs, code := runCLI(t, nil, "report", "--world", p, "--format", f)
		if code != 0 {
			t.Fatalf("report of the docs/worldfile.md example: %s", errs)
		}
		if strings.Contains(out, "NaN") || strings.Contains(out, "Inf") {
			t.Errorf("report --format %s of the documented world prints NaN or Inf", f)
		}
	}
}

// A temporary file a killed run left beside an output is removed by the
// next run once it is stale; a fresh one (a run still writing) is kept.
func TestStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.md")
	stale := filepath.Join(dir, ".r.md.tmp-123")
	fresh := filepath.Join(dir, ".r.md.tmp-456")
	os.WriteFile(stale, []byte("partial"), 0o644)
	os.WriteFile(fresh, []byte("partial"), 0o644)
	old := time.Now().Add(-2 * staleAge)
	os.Chtimes(stale, old, old)
	if _, errs, code := runCLI(t, nil, "report", "--out", out); code != 0 {
		t.Fatal(errs)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale %s kept", stale)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("fresh %s removed: %v", fresh, err)
	}
}

// An output that is a device is written in place: `--out /dev/null` must
// leave /dev/null a device, not a regular file renamed over it.
func TestOutDevNull(t *testing.T) {
	before, err := os.Stat(os.DevNull)
	if err != nil || before.Mode().IsRegular() {
		t.Skipf("%s is not a device here", os.DevNull)
	}
	if _, errs, code := runCLI(t, nil, "report", "--out", os.DevNull); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if after, err := os.Stat(os.DevNull); err != nil || after.Mode() != before.Mode() {
		t.Fatalf("%s is now %v (%v), was %v", os.DevNull, after.Mode(), err, before.Mode())
	}
}
