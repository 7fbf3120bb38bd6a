package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
)

// A Latin-1 byte in a data file's text (a state's name), read with
// --no-verify so that the checksum does not catch it first, is an error
// naming the file, line and column; it never reaches the output as a
// raw byte. In a world file it is refused the same way.
func TestLatin1Refused(t *testing.T) {
	dir := testenv.Mirror(t)
	p := filepath.Join(dir, history.FileStates)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(b, []byte("United States of America"), []byte("United States of Am\xe9rica"), 1)
	os.Remove(p) // the mirror's file may be a link to the original
	if err := os.WriteFile(p, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"world", "--year", "1914", "--data", dir, "--no-verify"},
		{"world", "--year", "1914", "--data", dir, "--no-verify", "--format", "json"},
		{"report", "--year", "1914", "--data", dir, "--no-verify"},
	} {
		out, errs, code := runCLI(t, nil, args...)
		if code != 1 || !strings.Contains(errs, "states2016.csv:2:") || !strings.Contains(errs, "UTF-8") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		if !utf8.ValidString(out) {
			t.Errorf("%v: output is not UTF-8", args)
		}
	}
	wf := filepath.Join(t.TempDir(), "latin1.yaml")
	os.WriteFile(wf, []byte("format: entente/v1\nname: Caf\xe9\nas_of: 2024-12-31\n"), 0o644)
	_, errs, code := runCLI(t, nil, "report", "--world", wf)
	if code != 1 || !strings.Contains(errs, "latin1.yaml:2:10: not UTF-8: byte 0xE9") {
		t.Errorf("report of a Latin-1 world file: exit %d, stderr %q", code, errs)
	}
}
