package cli

import (
	"fmt"
	"os"
	"testing"
)

// TestMain points the user's cache directory (os.UserCacheDir, where the
// parsed cache lives by default) at a temporary directory, so that the
// tests neither read nor fill the real cache; the tests share it, as
// repeated runs of the command line do.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "entente-cli-cache")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
