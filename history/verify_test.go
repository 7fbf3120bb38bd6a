package history

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

// onlyNMC loads the state system and NMC, the files these tests corrupt.
func onlyNMC(noVerify bool) Options {
	return Options{NoVerify: noVerify, Skip: func(f string) bool { return f != FileNMC }}
}

// corruptNMC mirrors the data with NMC replaced by edit(original).
func corruptNMC(t *testing.T, edit func([]byte) []byte) string {
	t.Helper()
	dir := testenv.Mirror(t)
	b, err := os.ReadFile(filepath.Join(testenv.DataDir(t), FileNMC))
	if err != nil {
		t.Fatal(err)
	}
	testenv.ReplaceFile(t, dir, FileNMC, edit(b))
	return dir
}

func TestOpenRefusesAlteredData(t *testing.T) {
	lines := func(b []byte) [][]byte { return bytes.SplitAfter(b, []byte("\n")) }
	for _, tc := range []struct {
		name string
		edit func([]byte) []byte
		want []string
	}{
		{"truncated at a row", func(b []byte) []byte {
			l := lines(b)
			return bytes.Join(l[:len(l)/2], nil)
		}, []string{"rows, the catalogue has 15951", "sha256"}},
		{"header only", func(b []byte) []byte { return lines(b)[0] }, []string{"0 rows, the catalogue has 15951"}},
		{"one byte flipped", func(b []byte) []byte {
			c := bytes.Clone(b)
			i := bytes.Index(c, []byte("0.039697491"))
			c[i+3] = '8'
			return c
		}, []string{"sha256"}},
		{"a row appended", func(b []byte) []byte {
			l := lines(b)
			return append(bytes.Clone(b), l[1]...)
		}, []string{"bytes, the catalogue's"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := corruptNMC(t, tc.edit)
			_, err := OpenWith(dir, onlyNMC(false))
			if err == nil {
				t.Fatal("altered NMC loaded without error")
			}
			if !errors.Is(err, table.ErrUnverified) || !strings.Contains(err.Error(), FileNMC) {
				t.Fatalf("error does not name the file or the difference: %v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestOpenNoVerify(t *testing.T) {
	// A researcher's copy with one value changed loads with NoVerify and
	// the coverage says it is unverified.
	dir := corruptNMC(t, func(b []byte) []byte {
		return bytes.Replace(b, []byte("0.039697491"), []byte("0.039697492"), 1)
	})
	h, err := OpenWith(dir, onlyNMC(true))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range h.Coverage(1816) {
		if !strings.HasSuffix(c.Source, Unverified) {
			t.Errorf("coverage of %s does not say unverified: %q", c.Family, c.Source)
		}
	}
	if got := h.Capability(1816, 2).CINC; got != world.Known(0.039697492) {
		t.Errorf("USA 1816 CINC = %v, want the copy's 0.039697492", got)
	}
	if h2, err := OpenWith(testenv.DataDir(t), onlyNMC(false)); err != nil {
		t.Fatal(err)
	} else if c := h2.Coverage(1816)[0]; strings.Contains(c.Source, "unverified") {
		t.Errorf("verified data called unverified: %q", c.Source)
	}
}

func TestOpenDuplicateStateYear(t *testing.T) {
	// Even unverified, a state-year given twice is an error naming both lines.
	dir := corruptNMC(t, func(b []byte) []byte {
		l := bytes.SplitAfter(b, []byte("\n"))
		dup := bytes.Replace(l[1], []byte("0.039697491"), []byte("0.05"), 1)
		return bytes.Join(append([][]byte{l[0], l[1], dup}, l[2:]...), nil)
	})
	_, err := OpenWith(dir, onlyNMC(true))
	var pe *world.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, table.ErrDuplicate) {
		t.Fatalf("duplicate state-year: err = %v", err)
	}
	if pe.Line != 3 || !strings.Contains(pe.Expected, "ccode 2, year 1816 is on line 2") {
		t.Errorf("duplicate reported as %v, want line 3 naming line 2", err)
	}
}

func TestOpenRefusesDevices(t *testing.T) {
	dir := testenv.Mirror(t)
	p := filepath.Join(dir, FileNMC)
	os.Remove(p)
	if err := os.Symlink("/dev/zero", p); err != nil {
		t.Fatal(err)
	}
	for _, noVerify := range []bool{false, true} {
		_, err := OpenWith(dir, onlyNMC(noVerify))
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("NoVerify=%v: /dev/zero as NMC: err = %v", noVerify, err)
		}
	}
}
