package threat

import (
	"math"

	"github.com/entente/entente/world"
)

var nan = math.NaN()

// contiguityMiles are the upper bounds of the COW Direct Contiguity water
// types (Stinnett et al. 2002), in miles, indexed by type; land (type 1) is 0.
var contiguityMiles = [6]float64{1: 0, 2: 12, 3: 24, 4: 150, 5: 400}

// EffectiveMiles returns the distance in miles over which j's power must
// travel to reach i: 0 for land contiguity; for water contiguity the lesser
// of the capital distance and the type's bound (12, 24, 150 or 400 miles);
// otherwise the great-circle distance between the capitals in force.
//
// Bueno de Mesquita (1981) measures distance between capitals; counting land
// contiguity as distance 0 and capping water-contiguous distances at the
// contiguity bound is our departure, so that neighbours whose capitals lie far
// apart (Russia and China) count as near. The result is NaN when neither
// contiguity nor capital distance settles it.
func EffectiveMiles(r world.Relation) float64 {
	miles := nan
	if r.CapDistKm.OK() {
		miles = r.CapDistKm.Float() / world.KmPerMile
	}
	switch c := r.Contiguity; {
	case c == 1:
		return 0
	case c >= 2 && c <= 5:
		if math.IsNaN(miles) || contiguityMiles[c] < miles {
			return contiguityMiles[c]
		}
	}
	return miles
}

// log10Base is log10(10 − e), the exponent of the Bueno de Mesquita gradient
// at distance zero.
var log10Base = math.Log10(10 - math.E)

// ProximityBdM returns the share of a state's capability that reaches a
// target miles away under Bueno de Mesquita's (1981, The War Trap, Yale
// University Press) loss-of-strength gradient. His adjusted capability is
//
//	C' = C^(log10(miles/W + (10 − e)))
//
// with C the state's capability share (CINC) and W the miles a day it can
// move its power. We scale it by the adjusted capability at distance 0, so
// that proximity is 1 at home and falls toward 0 with distance:
//
//	X = C' / C'(0) = C^(log10(miles/W + 10 − e) − log10(10 − e)).
//
// Weak states lose strength faster than strong ones, as in the original. The
// result is NaN when cinc or miles is missing; cinc must lie in [0,1].
func ProximityBdM(cinc, miles, w float64) float64 {
	if math.IsNaN(cinc) || math.IsNaN(miles) || w <= 0 || cinc < 0 {
		return nan
	}
	if cinc > 1 {
		cinc = 1
	}
	return math.Pow(cinc, math.Log10(miles/w+10-math.E)-log10Base)
}

// ProximityBoulding returns the share of strength that reaches a target
// miles away under Boulding's (1962, Conflict and Defense, Harper)
// linear loss-of-strength gradient, X = max(0, 1 − miles/reach). Boulding
// states the gradient in strength lost per mile; expressing it as a reach in
// miles (W × ReachDays) is our parameterisation. NaN when miles is missing.
func ProximityBoulding(miles, reach float64) float64 {
	if math.IsNaN(miles) || reach <= 0 {
		return nan
	}
	return math.Max(0, 1-miles/reach)
}

// ScaleToMax returns x_i / max_k x_k for each present value of x: the
// scaling to [0,1] of the power and offense components (the strongest
// state scores 1). Missing (NaN) values stay missing; with no present
// positive value, every value is missing.
func ScaleToMax(x []float64) []float64 {
	max := 0.0
	for _, v := range x {
		if !math.IsNaN(v) && v > max {
			max = v
		}
	}
	out := make([]float64, len(x))
	for i, v := range x {
		if max <= 0 || math.IsNaN(v) {
			out[i] = nan
			continue
		}
		out[i] = v / max
	}
	return out
}

// powerComponent returns P_j = CINC_j / max_k CINC_k for each state of w.
//
// Walt's aggregate power is a state's total resources; we measure it by
// CINC (Singer, Bremer & Stuckey 1972) and scale it so that the strongest
// state in the World scores 1. A missing CINC is a missing P.
func powerComponent(w *world.World) []float64 {
	x := make([]float64, len(w.States))
	for i := range w.States {
		x[i] = w.States[i].Capability.CINC.Float()
	}
	return ScaleToMax(x)
}

// offenseComponent returns O_j for each state of w: the mean of the
// available terms among
//
//	milex_j / max_k milex_k, milper_j / max_k milper_k   (COW NMC units)
//	power_projection_j                                  (world files, 0..1)
//	nuclear_j = 1 with nuclear weapons, else 0          (world files)
//
// Walt's offensive capability is the ability to threaten others' territory at
// acceptable cost; military spending and personnel stand in for it in the
// historical data, as is usual in quantitative tests (there is no historical
// measure of the offence–defence balance). The nuclear term is used only when
// the World codes nuclear status for some state (world files do; COW-based
// Worlds do not); a state with no weapons coded there scores 0 on it. The
// result is missing for a state with none of the terms.
func offenseComponent(w *world.World) []float64 {
	n := len(w.States)
	milex := make([]float64, n)
	milper := make([]float64, n)
	nuclearCoded := false
	for i := range w.States {
		s := &w.States[i]
		milex[i] = s.Capability.Milex.Float()
		milper[i] = s.Capability.Milper.Float()
		if s.Nuclear != world.NuclearNone {
			nuclearCoded = true
		}
	}
	milex, milper = ScaleToMax(milex), ScaleToMax(milper)
	out := make([]float64, n)
	for i := range w.States {
		s := &w.States[i]
		sum, k := 0.0, 0
		for _, v := range []float64{milex[i], milper[i], s.PowerProjection.Float()} {
			if !math.IsNaN(v) {
				sum += v
				k++
			}
		}
		if nuclearCoded {
			if s.Nuclear == world.NuclearWeapons {
				sum++
			}
			k++
		}
		out[i] = nan
		if k > 0 {
			out[i] = sum / float64(k)
		}
	}
	return out
}

// HostLevWeight returns the weight of a dispute participation's highest
// hostility level: level/5 (1 no militarized action … 5 war). Levels outside
// 1..5 (MID's -9) count as 1.
func HostLevWeight(level int) float64 {
	if level < 1 || level > 5 {
		level = 1
	}
	return float64(level) / 5
}

// disputeScores returns s[to*n+from], the decayed sum over the disputes in w
// in which from and to were on opposite sides:
//
//	s_ij = Σ_d side_d · hostlev_jd/5 · 2^(−age_d / H)
//
// with side_d = 1 when j's side initiated (MID side A) and TargetSideWeight
// otherwise, hostlev_jd j's highest hostility level in d, and age_d = Year −
// the dispute's last year (0 while it goes on). Disputes starting after the
// World's year are ignored.
func disputeScores(w *world.World, pos map[int]int, o Options) []float64 {
	n := len(w.States)
	s := make([]float64, n*n)
	// Disputes are summed in the order they first appear in w, not in map
	// order, so that the floating-point sums are the same on every run.
	byID := map[int][]*world.Dispute{}
	var ids []int
	for k := range w.Disputes {
		d := &w.Disputes[k]
		if d.Start.Year > w.Year {
			continue
		}
		if _, ok := pos[d.CCode]; !ok {
			continue
		}
		if _, ok := byID[d.ID]; !ok {
			ids = append(ids, d.ID)
		}
		byID[d.ID] = append(byID[d.ID], d)
	}
	for _, id := range ids {
		ps := byID[id]
		for _, p := range ps {
			end := p.End.Year
			if p.End.IsZero() || end > w.Year {
				end = w.Year
			}
			decay := math.Exp2(-float64(w.Year-end) / o.HalfLife)
			if decay < 1e-6 {
				continue
			}
			side := o.TargetSideWeight
			if p.SideA {
				side = 1
			}
			v := side * HostLevWeight(p.HostLev) * decay
			j := pos[p.CCode]
			for _, q := range ps {
				if q.SideA == p.SideA || q.CCode == p.CCode {
					continue
				}
				s[pos[q.CCode]*n+j] += v
			}
		}
	}
	return s
}

// CodedHostility returns the intent a world file codes for a dyad:
// the largest of its hostility (0..1), 1 at war, RivalryFloor for a strategic
// rivalry and TerritorialFloor for an active territorial dispute; NaN when
// the relation codes none of them. It reads the pair's hostility, not a
// direction's (CodedHostilityFrom).
func CodedHostility(r *world.Relation, o Options) float64 {
	return codedHostility(r, r.Hostility, o)
}

// CodedHostilityFrom is CodedHostility for the intent of the state from
// toward the other state of the pair: it reads from's directed hostility
// where the world file codes one (world.Relation.HostilityFrom). Rivalry,
// war and territorial claims stay symmetric.
func CodedHostilityFrom(r *world.Relation, from int, o Options) float64 {
	return codedHostility(r, r.HostilityFrom(from), o)
}

func codedHostility(r *world.Relation, hostility world.Value, o Options) float64 {
	if hostility.IsMissing() && !r.War && !r.Rivalry && !r.Territorial {
		return nan
	}
	h := nan
	up := func(v float64) {
		if math.IsNaN(h) || v > h {
			h = v
		}
	}
	if hostility.OK() {
		up(hostility.Float())
	}
	if r.War {
		up(1)
	}
	if r.Rivalry {
		up(o.RivalryFloor)
	}
	if r.Territorial {
		up(o.TerritorialFloor)
	}
	return h
}
