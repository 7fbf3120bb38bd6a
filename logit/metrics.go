package logit

import (
	"math"
	"sort"
)

// AUC returns the area under the ROC curve of scores p for outcomes y: the
// probability that a random positive scores above a random negative, ties
// counting one half (the Mann–Whitney U statistic over n+ n−; Hanley &
// McNeil 1982). NaN when y has no positive or no negative.
//
// The positives, rare in the uses here, are sorted and each negative is
// placed among them by binary search: O(n log n+) rather than a sort of
// all n scores.
func AUC(p []float64, y []bool) float64 {
	var pos []float64
	for k, v := range p {
		if y[k] {
			pos = append(pos, v)
		}
	}
	neg := len(p) - len(pos)
	if len(pos) == 0 || neg == 0 {
		return math.NaN()
	}
	sort.Float64s(pos)
	u := 0.0
	for k, v := range p {
		if y[k] {
			continue
		}
		lo := sort.SearchFloat64s(pos, v) // first positive >= v
		hi := lo + sort.Search(len(pos)-lo, func(i int) bool { return pos[lo+i] > v })
		u += float64(len(pos)-hi) + 0.5*float64(hi-lo)
	}
	return u / (float64(len(pos)) * float64(neg))
}
