package landscape

import (
	"errors"
	"strings"
	"testing"
)

// Sizes or propensities whose energies overflow float64 are refused with
// a message naming the actor or the cell.
func TestNewRefusesOverflow(t *testing.T) {
	names := []string{"A", "B", "C"}
	p := []float64{0, 1, -1, 1, 0, 1, -1, 1, 0}
	for _, tc := range []struct {
		name  string
		sizes []float64
		p     []float64
		want  string
	}{
		{"sizes 1e200", []float64{1e200, 1e200, 2}, p, `actor "A" has 1e+200`},
		{"cells 1e308", []float64{1, 1, 2}, []float64{0, 1e308, -1, 1e308, 0, 1, -1, 1, 0}, "p(A,B) = 1e+308"},
	} {
		_, err := New(names, tc.sizes, tc.p)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one naming %q", tc.name, err, tc.want)
		}
	}
	// The largest sizes inside the bound still solve to finite energies.
	if _, err := New(names, []float64{4e149, 4e149, 1e149}, p); err != nil {
		t.Errorf("sizes summing to 9e149: %v", err)
	}
}
