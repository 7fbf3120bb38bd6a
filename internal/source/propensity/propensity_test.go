package propensity

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// TestReadErrors checks that bad input yields a *world.ParseError
// with the file, line and column of the offending cell and the sentinel
// naming the problem.
func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	actors := write("actors.csv", "actor,size\nA,1\nB,2\nC,3\n")
	tests := []struct {
		name         string
		actors, prop string
		line, column int
		err          error
	}{
		{"asymmetric", actors, "actor,A,B,C\nA,,1,2\nB,1,,3\nC,2,4,\n", 4, 3, ErrAsymmetric},
		{"non-numeric", actors, "actor,A,B,C\nA,,1,x\nB,1,,3\nC,2,3,\n", 2, 4, table.ErrSyntax},
		{"empty cell", actors, "actor,A,B,C\nA,,1,\nB,1,,3\nC,2,3,\n", 2, 4, table.ErrMissingValue},
		{"diagonal", actors, "actor,A,B,C\nA,5,1,2\nB,1,,3\nC,2,3,\n", 2, 2, table.ErrRange},
		{"missing column", actors, "actor,A,B\nA,,1\nB,1,\n", 1, 0, ErrMissingActor},
		{"missing row", actors, "actor,A,B,C\nA,,1,2\nC,2,3,\n", 4, 1, ErrMissingActor},
		{"unknown column", actors, "actor,A,B,D\nA,,1,2\nB,1,,3\nD,2,3,\n", 1, 4, ErrUnknownActor},
		{"unknown row", actors, "actor,A,B,C\nA,,1,2\nB,1,,3\nX,2,3,\n", 4, 1, ErrUnknownActor},
		{"repeated row", actors, "actor,A,B,C\nA,,1,2\nA,,1,2\nB,1,,3\nC,2,3,\n", 3, 1, ErrDuplicate},
		{"ragged row", actors, "actor,A,B,C\nA,,1,2\nB,1,3\nC,2,3,\n", 3, 0, table.ErrFieldCount},
		{"bad size", write("a2.csv", "actor,size\nA,1\nB,-2\n"), "actor,A,B\nA,,1\nB,1,\n", 3, 2, table.ErrRange},
		{"repeated actor", write("a3.csv", "actor,size\nA,1\nA,2\n"), "actor,A,B\nA,,1\nB,1,\n", 3, 1, ErrDuplicate},
		{"no size column", write("a4.csv", "actor,weight\nA,1\nB,2\n"), "actor,A,B\nA,,1\nB,1,\n", 1, 0, table.ErrMissingColumn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prop := write(tc.name+".csv", tc.prop)
			_, err := Read(tc.actors, prop, 0)
			var pe *world.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a *world.ParseError", err)
			}
			if !errors.Is(err, tc.err) || pe.Line != tc.line || pe.Column != tc.column {
				t.Fatalf("got %v (line %d, column %d), want %v at line %d, column %d", err, pe.Line, pe.Column, tc.err, tc.line, tc.column)
			}
			if pe.File != prop && pe.File != tc.actors {
				t.Errorf("file %q, want the input's path", pe.File)
			}
		})
	}
}
