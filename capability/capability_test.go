package capability

import (
	"math"
	"testing"

	"github.com/entente/entente/world"
)

func TestIndex(t *testing.T) {
	m := world.Missing()
	// Three states, two components: state 1 lacks the second component,
	// state 2 has neither.
	data := [][]world.Value{
		{3, 1},
		{1, m},
		{m, m},
	}
	got := Index(3, 2, func(i, c int) world.Value { return data[i][c] }, nil)
	want := []float64{(0.75 + 1) / 2, 0.25, math.NaN()}
	for i := range want {
		if math.IsNaN(want[i]) {
			if got[i].OK() {
				t.Errorf("state %d: got %v, want missing", i, got[i])
			}
			continue
		}
		if math.Abs(float64(got[i])-want[i]) > 1e-12 {
			t.Errorf("state %d: got %v, want %v", i, got[i], want[i])
		}
	}
}

func TestIndexZeroTotal(t *testing.T) {
	got := Index(2, 1, func(i, c int) world.Value { return 0 }, nil)
	for i, v := range got {
		if v.OK() {
			t.Errorf("state %d: a zero total gave %v, want missing", i, v)
		}
	}
}
