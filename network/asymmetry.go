package network

import (
	"math"
	"sort"
)

// Share is one member's share of an alliance's combined capability.
type Share struct {
	CCode int
	Share float64
}

// Asymmetry describes how unequal an alliance's members are.
type Asymmetry struct {
	// Shares lists each member with known capability, largest first; the
	// shares sum to 1. It is empty when the known capabilities sum to zero.
	Shares []Share
	// Leader is the member with the largest share and LeaderShare its share
	// s_max = c_max / Σ_j c_j.
	Leader      int
	LeaderShare float64
	// HHI is the Herfindahl–Hirschman index Σ_i s_i², between 1/n (equal
	// members) and 1 (one member holds everything).
	HHI float64
	// Missing lists members whose capability is unknown; they are left out
	// of the shares, not counted as zero.
	Missing []int
}

// MeasureAsymmetry returns the asymmetry of members with capabilities
// cap[ccode]. A NaN or absent capability is missing. With no member of
// known positive capability, Shares is empty and LeaderShare and HHI are
// NaN.
//
// The largest member's share is the usual measure of a patron–client
// alliance (Morrow 1991, "Alliances and Asymmetry", American Journal of
// Political Science 35(4): 904–933, measures asymmetry by capability); the
// Herfindahl index summarises the whole distribution (as in
// concentration measures of polarity: Ray & Singer 1973).
func MeasureAsymmetry(members []int, cap map[int]float64) Asymmetry {
	var a Asymmetry
	total := 0.0
	for _, m := range members {
		c, ok := cap[m]
		if !ok || math.IsNaN(c) {
			a.Missing = append(a.Missing, m)
			continue
		}
		a.Shares = append(a.Shares, Share{m, c})
		total += c
	}
	if total <= 0 {
		a.Shares, a.LeaderShare, a.HHI = nil, math.NaN(), math.NaN()
		return a
	}
	for i := range a.Shares {
		a.Shares[i].Share /= total
		a.HHI += a.Shares[i].Share * a.Shares[i].Share
	}
	sort.SliceStable(a.Shares, func(i, j int) bool { return a.Shares[i].Share > a.Shares[j].Share })
	a.Leader, a.LeaderShare = a.Shares[0].CCode, a.Shares[0].Share
	return a
}
