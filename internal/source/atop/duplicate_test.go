package atop

import (
	"errors"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// A directed dyad-year given twice is an error naming both lines; the
// reverse direction is another dyad.
func TestDyadYearDuplicate(t *testing.T) {
	const head = "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
	ok := head + "2,20,1942,1,1,0,0,0\n20,2,1942,1,0,0,0,0\n"
	if _, err := table.Decode("d.csv", strings.NewReader(ok), table.Options{}, readDyadYears); err != nil {
		t.Fatalf("both directions: %v", err)
	}
	_, err := table.Decode("d.csv", strings.NewReader(ok+"2,20,1942,0,0,0,0,1\n"), table.Options{}, readDyadYears)
	var pe *world.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, table.ErrDuplicate) || pe.Line != 4 || !strings.Contains(pe.Expected, "2→20 in 1942 is on line 2") {
		t.Errorf("duplicate dyad-year: err = %v", err)
	}
}
