package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
)

// A data directory whose NMC file is truncated at a row is refused by
// every command that reads it, naming the file and the rows; with
// --no-verify it loads and the coverage says unverified.
func TestAlteredDataRefused(t *testing.T) {
	dir := testenv.Mirror(t)
	b, err := os.ReadFile(filepath.Join(testenv.DataDir(t), history.FileNMC))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	testenv.ReplaceFile(t, dir, history.FileNMC, []byte(strings.Join(lines[:len(lines)/2], "")))
	for _, args := range [][]string{
		{"world", "--year", "1914", "--data", dir},
		{"threat", "--year", "1914", "--data", dir, "--state", "GMY"},
		{"report", "--year", "1914", "--data", dir},
	} {
		out, errs, code := runCLI(t, nil, args...)
		if code != 1 || !strings.Contains(errs, history.FileNMC) || !strings.Contains(errs, "rows, the catalogue has 15951") {
			t.Errorf("%s on truncated NMC: exit %d, stderr %q, stdout %d bytes", args[0], code, errs, len(out))
		}
	}
	out, errs, code := runCLI(t, nil, "world", "--year", "1914", "--data", dir, "--no-verify", "--format", "json")
	if code != 0 {
		t.Fatalf("--no-verify: exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "unverified") {
		t.Errorf("--no-verify output does not say unverified")
	}
	if _, errs, code := runCLI(t, nil, "data", "verify", "--data", dir, "--no-verify"); code != 2 {
		t.Errorf("data verify --no-verify: exit %d (%s), want 2: verify has no such flag", code, errs)
	}
}
