package panel

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadNumeric(t *testing.T) {
	hdr := []string{"a", "b"}
	tests := []struct {
		name, text string
		ok         bool
		rows       int
	}{
		{"plain", "a,b\n1,2.5\n-3,\n", true, 2},
		{"crlf without final newline", "a,b\r\n1,2\r\n3,4", true, 2},
		{"exponent", "a,b\n1,2e-3\n", true, 1},
		{"other header", "a,c\n1,2\n", false, 0},
		{"quoted", "a,b\n\"1\",2\n", false, 0},
		{"too few fields", "a,b\n1\n", false, 0},
		{"too many fields", "a,b\n1,2,3\n", false, 0},
		{"not a number", "a,b\n1,x\n", false, 0},
		{"blank line inside", "a,b\n1,2\n\n3,4\n", false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "f.csv")
			os.WriteFile(path, []byte(tc.text), 0o644)
			rows := 0
			ok, err := readNumeric(path, hdr, func(f []float64) bool { rows++; return true })
			if err != nil || ok != tc.ok || (ok && rows != tc.rows) {
				t.Fatalf("ok %v, %d rows, err %v; want ok %v, %d rows", ok, rows, err, tc.ok, tc.rows)
			}
		})
	}
}

// TestFastPathFallsBackToExactErrors checks that bad input found on the
// fast path is reported by the exact reader, with its line and column.
func TestFastPathFallsBackToExactErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, text, want string
		load             func(d *Data, path string) error
	}{
		{"mindist negative", "ccode1,ccode2,year,mindist\n2,20,1990,5\n2,41,1990,-1\n", "f.csv:3:4", func(d *Data, p string) error { return d.loadMinDist(p) }},
		{"mindist year", "ccode1,ccode2,year,mindist\n2,20,1800,5\n", "f.csv:2:3", func(d *Data, p string) error { return d.loadMinDist(p) }},
		{"atop flag", strings.Join(atopColumns, ",") + "\n2,20,1990,1,0,0,2,0\n", "f.csv:2", func(d *Data, p string) error { return d.load(NeedATOP, p) }},
		{"atop self", strings.Join(atopColumns, ",") + "\n2,20,1990,1,0,0,0,0\n2,2,1990,1,0,0,0,0\n", "f.csv:3", func(d *Data, p string) error { return d.load(NeedATOP, p) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, "f.csv")
			os.WriteFile(path, []byte(tc.text), 0o644)
			err := tc.load(&Data{}, path)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
