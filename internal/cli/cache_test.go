package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// TestParsedCacheFlags: the panel commands read the data through the
// parsed cache in $ENTENTE_CACHE, write nothing there with --no-cache or
// ENTENTE_CACHE=off, and give the same output either way.
func TestParsedCacheFlags(t *testing.T) {
	data := testenv.DataDir(t)
	args := []string{"panel", "states", "--data", data, "--years", "1900", "--vars", "cinc,cowmaj,power_*"}
	entries := func(dir string) int {
		n, _ := filepath.Glob(filepath.Join(dir, "*.bin"))
		return len(n)
	}
	var outs []string
	for _, c := range []struct {
		name  string
		cache string
		extra []string
		want  bool
	}{
		{"cold", t.TempDir(), nil, true},
		{"no-cache flag", t.TempDir(), []string{"--no-cache"}, false},
		{"off", "off", nil, false},
	} {
		out, errs, code := runCLI(t, map[string]string{"ENTENTE_CACHE": c.cache}, append(args, c.extra...)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.name, code, errs)
		}
		outs = append(outs, out)
		if c.cache == "off" {
			if _, err := os.Stat("off"); err == nil {
				t.Error("ENTENTE_CACHE=off made a directory named off")
			}
			continue
		}
		if got := entries(c.cache) > 0; got != c.want {
			t.Errorf("%s: entries written %v, want %v", c.name, got, c.want)
		}
		if c.want {
			warm, _, _ := runCLI(t, map[string]string{"ENTENTE_CACHE": c.cache}, args...)
			outs = append(outs, warm)
		}
	}
	for i := range outs {
		if outs[i] != outs[0] {
			t.Errorf("output %d differs from the first:\n%s\nwant\n%s", i, outs[i], outs[0])
		}
	}
}
