// Package testenv locates the real datasets for tests.
//
// Tests read the datasets from $ENTENTE_DATA, or from ../shared/data beside
// the module root. When neither exists a test is skipped, except under
// CI=true, where a missing data directory is a failure.
package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// DataDir returns the directory holding the real datasets, or skips (fails
// under CI=true) when there is none.
func DataDir(tb testing.TB) string {
	tb.Helper()
	if d := os.Getenv("ENTENTE_DATA"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		missing(tb, "ENTENTE_DATA="+d+" is not a directory")
		return ""
	}
	d := filepath.Join(ModuleRoot(), "..", "shared", "data")
	if st, err := os.Stat(d); err == nil && st.IsDir() {
		return d
	}
	missing(tb, "no data directory: set ENTENTE_DATA or place shared/data beside the module")
	return ""
}

// File returns the path of rel inside DataDir.
func File(tb testing.TB, rel string) string {
	tb.Helper()
	return filepath.Join(DataDir(tb), rel)
}

func missing(tb testing.TB, why string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatalf("%s (CI=true: the real data is required)", why)
	}
	tb.Skip(why)
}

// ModuleRoot returns the directory holding go.mod.
func ModuleRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
