package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestValidateThreatUsage(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		contains string
	}{
		{[]string{"validate", "threat", "--format", "xml"}, 2, "unknown --format"},
		{[]string{"validate", "threat", "extra"}, 2, "takes no arguments"},
		{[]string{"validate", "threat", "--power-index", "milex"}, 2, "--power: unknown power index"},
	}
	for _, tc := range tests {
		_, errs, code := runCLI(t, nil, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.contains) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tc.args, code, errs, tc.code, tc.contains)
		}
	}
}

// TestValidateThreat runs the whole validation on the real data: the
// face-validity table and the out-of-sample table.
func TestValidateThreat(t *testing.T) {
	if testing.Short() {
		t.Skip("scores every dyad-year of the real data")
	}
	dir := testenv.DataDir(t)
	_, errs, code := runCLI(t, nil, "validate", "threat", "--data", dir, "--cases", filepath.Join(dir, "no-such-cases.csv"))
	if code != 1 || !strings.Contains(errs, "--cases") {
		t.Errorf("missing cases file: exit %d, %q", code, errs)
	}
	out, errs, code := runCLI(t, nil, "validate", "threat", "--data", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"face validity", "top threats", "out of sample", "default (walt)", "sum (seed)", "intentions alone"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
