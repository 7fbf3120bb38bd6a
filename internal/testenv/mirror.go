package testenv

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// Mirror returns a temporary data directory whose files are symbolic links
// to those of DataDir, so that a test can replace one file with a
// corrupted copy (ReplaceFile) without copying the datasets.
func Mirror(tb testing.TB) string {
	tb.Helper()
	src := DataDir(tb)
	dst := tb.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		return os.Symlink(abs, filepath.Join(dst, rel))
	})
	if err != nil {
		tb.Fatal(err)
	}
	return dst
}

// ReplaceFile replaces the link rel in a Mirror directory with a regular
// file holding b.
func ReplaceFile(tb testing.TB, dir, rel string, b []byte) {
	tb.Helper()
	p := filepath.Join(dir, rel)
	if err := os.Remove(p); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		tb.Fatal(err)
	}
}
