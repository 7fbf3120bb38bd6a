package outfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path, ".tmp-*")
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("half"))
	f.Abort()
	if b, _ := os.ReadFile(path); string(b) != "old\n" {
		t.Errorf("after Abort %q, want the old content", b)
	}
	f, err = Create(path, ".tmp-*")
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new\n"))
	if b, _ := os.ReadFile(path); string(b) != "old\n" {
		t.Errorf("before Commit %q, want the old content", b)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if b, _ := os.ReadFile(path); err != nil || string(b) != "new\n" || st.Mode().Perm() != 0o644 {
		t.Errorf("after Commit %q mode %v, want new content, 0644", b, st.Mode())
	}
	if es, _ := os.ReadDir(dir); len(es) != 1 {
		t.Errorf("%d files left in the directory, want 1", len(es))
	}
}

// Writing to /dev/null must leave the device a device.
func TestSpecialWrittenInPlace(t *testing.T) {
	before, err := os.Stat(os.DevNull)
	if err != nil || before.Mode().IsRegular() {
		t.Skipf("%s is not a device here", os.DevNull)
	}
	f, err := Create(os.DevNull, ".tmp-*")
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("discarded"))
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(os.DevNull)
	if err != nil || after.Mode() != before.Mode() {
		t.Fatalf("%s is now %v (%v), was %v", os.DevNull, after.Mode(), err, before.Mode())
	}
}

func TestDirectoryRefused(t *testing.T) {
	if _, err := Create(t.TempDir(), ".tmp-*"); err == nil {
		t.Error("a directory as output: no error")
	}
}
