package similarity

import "github.com/entente/entente/world"

// S returns Signorino and Ritter's S of portfolios x and y with member
// weights w (nil for unit weights), distance d and largest level distance
// delta (3 for valued ties, 1 for binary); see Table.S for the formula.
// It reports an error for portfolios Tally rejects.
func S(x, y []int, w []float64, d Distance, delta float64) (world.Value, error) {
	t, err := Tally(x, y, w)
	if err != nil {
		return world.Missing(), err
	}
	return t.S(d, delta), nil
}

// TauB returns Kendall's tau-b of portfolios x and y; see Table.TauB.
func TauB(x, y []int) (world.Value, error) {
	t, err := Tally(x, y, nil)
	if err != nil {
		return world.Missing(), err
	}
	return t.TauB(), nil
}

// Kappa returns Cohen's kappa (Häge 2011) of portfolios x and y with
// disagreement weighting dw; see Table.Kappa.
func Kappa(x, y []int, dw Disagreement) (world.Value, error) {
	t, err := Tally(x, y, nil)
	if err != nil {
		return world.Missing(), err
	}
	return t.Kappa(dw), nil
}

// Pi returns Scott's pi (Häge 2011) of portfolios x and y with
// disagreement weighting dw; see Table.Pi.
func Pi(x, y []int, dw Disagreement) (world.Value, error) {
	t, err := Tally(x, y, nil)
	if err != nil {
		return world.Missing(), err
	}
	return t.Pi(dw), nil
}
