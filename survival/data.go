package survival

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Errors that bad input wraps; test them with errors.Is.
var (
	// ErrInput marks malformed data: lengths that differ, NaN values,
	// intervals that are empty or reversed, events before the end of a
	// subject's last interval.
	ErrInput = errors.New("invalid survival data")
	// ErrCollinear marks covariates that are constant or linear
	// combinations of others: their coefficients are not identified.
	ErrCollinear = errors.New("collinear covariates")
	// ErrNoEvents marks data without a single event.
	ErrNoEvents = errors.New("no events")
	// ErrNotConverged marks a Cox fit whose Newton–Raphson iterations did not
	// converge, or converged towards an infinite coefficient (monotone
	// likelihood).
	ErrNotConverged = errors.New("cox fit did not converge")
)

// Data is a set of spells in counting-process form (Andersen & Gill 1982):
// row i is at risk on the interval (Start[i], Stop[i]] and ends in an event
// when Event[i]. One subject may span several rows (time-varying
// covariates); ID then names the subject, its intervals must not overlap and
// only its last one may carry an event.
type Data struct {
	// Start holds the left ends of the intervals; nil means 0 for every row
	// (plain right-censored durations, Surv(time, status) in R).
	Start []float64
	Stop  []float64
	Event []bool
	// Cause is the cause of each event for competing risks: 1..K on event
	// rows, ignored on censored rows. Only CumulativeIncidence reads it.
	Cause []int
	// X holds the covariates by column: X[j][i] is covariate j of row i.
	X     [][]float64
	Names []string // Names[j] names X[j]
	// ID groups rows into subjects for the robust variance and for the
	// checks above; nil makes every row its own subject.
	ID []int
}

// Len returns the number of rows.
func (d *Data) Len() int { return len(d.Stop) }

func (d *Data) start(i int) float64 {
	if d.Start == nil {
		return 0
	}
	return d.Start[i]
}

// Validate checks d's shape and values, and returns an error naming the
// first bad row (rows count from 1).
func (d *Data) Validate() error {
	n := len(d.Stop)
	if n == 0 {
		return fmt.Errorf("%w: no rows", ErrInput)
	}
	if len(d.Event) != n {
		return fmt.Errorf("%w: %d events for %d stop times", ErrInput, len(d.Event), n)
	}
	if d.Start != nil && len(d.Start) != n {
		return fmt.Errorf("%w: %d start times for %d stop times", ErrInput, len(d.Start), n)
	}
	if d.ID != nil && len(d.ID) != n {
		return fmt.Errorf("%w: %d ids for %d rows", ErrInput, len(d.ID), n)
	}
	if d.Cause != nil && len(d.Cause) != n {
		return fmt.Errorf("%w: %d causes for %d rows", ErrInput, len(d.Cause), n)
	}
	if len(d.Names) != len(d.X) {
		return fmt.Errorf("%w: %d covariate names for %d columns", ErrInput, len(d.Names), len(d.X))
	}
	seen := map[string]bool{}
	for j, x := range d.X {
		if seen[d.Names[j]] {
			return fmt.Errorf("%w: covariate %q twice", ErrInput, d.Names[j])
		}
		seen[d.Names[j]] = true
		if len(x) != n {
			return fmt.Errorf("%w: covariate %q has %d values for %d rows", ErrInput, d.Names[j], len(x), n)
		}
		for i, v := range x {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("%w: row %d: covariate %q is missing or infinite", ErrInput, i+1, d.Names[j])
			}
		}
	}
	for i := 0; i < n; i++ {
		s, t := d.start(i), d.Stop[i]
		switch {
		case math.IsNaN(s) || math.IsNaN(t) || math.IsInf(s, 0) || math.IsInf(t, 0):
			return fmt.Errorf("%w: row %d: start %g, stop %g: times must be finite", ErrInput, i+1, s, t)
		case d.Start == nil && t <= 0:
			return fmt.Errorf("%w: row %d: duration %g: durations must be positive", ErrInput, i+1, t)
		case t <= s:
			return fmt.Errorf("%w: row %d: stop %g not after start %g: intervals must be non-empty", ErrInput, i+1, t, s)
		}
		if d.Cause != nil && d.Event[i] && d.Cause[i] < 1 {
			return fmt.Errorf("%w: row %d: event with cause %d: causes are 1, 2, ...", ErrInput, i+1, d.Cause[i])
		}
	}
	if d.ID != nil {
		return d.checkSubjects()
	}
	return nil
}

// checkSubjects checks that each subject's intervals do not overlap and that
// no interval follows one that ended in an event.
func (d *Data) checkSubjects() error {
	idx := make([]int, d.Len())
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ia, ib := idx[a], idx[b]
		if d.ID[ia] != d.ID[ib] {
			return d.ID[ia] < d.ID[ib]
		}
		return d.start(ia) < d.start(ib)
	})
	for k := 1; k < len(idx); k++ {
		prev, cur := idx[k-1], idx[k]
		if d.ID[prev] != d.ID[cur] {
			continue
		}
		if d.start(cur) < d.Stop[prev] {
			return fmt.Errorf("%w: rows %d and %d: subject %d has overlapping intervals", ErrInput, prev+1, cur+1, d.ID[cur])
		}
		if d.Event[prev] {
			return fmt.Errorf("%w: row %d: subject %d is at risk after its event on row %d", ErrInput, cur+1, d.ID[cur], prev+1)
		}
	}
	return nil
}
