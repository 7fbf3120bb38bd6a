package landscape

import (
	"fmt"
	"math"
	"strings"

	"github.com/entente/entente/capability"
	"github.com/entente/entente/similarity"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// Weights are the weights of the components of the propensity FromWorld
// derives, the half-life of past disputes and the power index of the
// sizes.
type Weights struct {
	Alliance   float64 // shared alliance in force (0..1)
	Similarity float64 // alliance-portfolio agreement, Cohen's kappa (−1..1)
	Dispute    float64 // militarized disputes between them (−1..0)
	Border     float64 // disputes between neighbours (−1..0)
	Regime     float64 // same (+1) or different (−1) regime, where coded
	HalfLife   float64 // years after which a dispute counts half
	// Size is the power index of the actors' sizes: CINC (the zero
	// value, as Axelrod & Bennett), or the share of the World's GDP, SDP
	// or GDP × GDP per capita (capability.PowerShares; docs/power.md).
	Size capability.Power
}

// DefaultWeights returns weight 1 for every component and a half-life of
// 10 years.
func DefaultWeights() Weights {
	return Weights{Alliance: 1, Similarity: 1, Dispute: 1, Border: 1, Regime: 1, HalfLife: 10}
}

// Validate reports a weight that is negative or not finite, or a
// half-life that is not positive.
func (w Weights) Validate() error {
	for _, f := range []struct {
		name string
		v    float64
	}{{"alliance", w.Alliance}, {"similarity", w.Similarity}, {"dispute", w.Dispute}, {"border", w.Border}, {"regime", w.Regime}} {
		if !(f.v >= 0) || math.IsInf(f.v, 0) {
			return fmt.Errorf("landscape: weight %s = %v, want a finite number ≥ 0", f.name, f.v)
		}
	}
	if !(w.HalfLife > 0) || math.IsInf(w.HalfLife, 0) {
		return fmt.Errorf("landscape: half-life %v, want a positive number of years", w.HalfLife)
	}
	if !w.Size.Valid() {
		return fmt.Errorf("landscape: size index %v, want one of %s", w.Size, capability.PowerNames)
	}
	return nil
}

// Components are the parts of one propensity p_ij, before weighting.
type Components struct {
	Alliance   float64 `json:"alliance"`
	Similarity float64 `json:"similarity"`
	Dispute    float64 `json:"dispute"`
	Border     float64 `json:"border"`
	Regime     float64 `json:"regime"`
}

// Derived is a Problem built from a World, with the components of every
// propensity.
type Derived struct {
	*Problem
	CCodes     []int
	Components []Components // n×n, row-major
	Weights    Weights
	// Notes lists what was missing and how it was treated.
	Notes []string
}

// FromWorld builds a landscape problem over the states ccodes of w.
//
// Sizes are CINC scores (Singer, Bremer & Stuckey 1972), as in Axelrod &
// Bennett (1993), who used the COW composite capability index, or with
// wt.Size another power index: each state's share of the World's GDP, SDP
// or GDP × GDP per capita (capability.PowerShares). A state without a
// size is an error.
//
// The propensity of i and j is a weighted sum of components:
//
//		p_ij = w_A·A_ij + w_S·S_ij + w_D·D_ij + w_B·B_ij + w_R·R_ij
//
//	  - A, shared alliances: the highest tie level of an alliance in force
//	    in w.Year with both as members, divided by 3 (COW alliances valued
//	    defense 3, neutrality or nonaggression 2, entente 1; ATOP alliances
//	    defense or offense 3, neutrality or consultation 2, nonaggression 1:
//	    the valuations of package similarity), so 0..1;
//	  - S, alliance-portfolio agreement: Cohen's kappa with quadratic
//	    disagreement weights (Häge 2011) of the two states' portfolios over
//	    every member of w, the strongest tie per pair over all alliances
//	    in force, COW valuation for COW alliances and ATOP for ATOP; 0 when
//	    undefined; −1..1;
//	  - D, disputes: −(1 − exp(−Σ_d hostlev_d/5 · 2^(−age_d/HalfLife))) over
//	    the militarized disputes begun in or before w.Year in which i and j
//	    were on opposite sides, age the years since the dispute ended (0 if
//	    ongoing); where a world file codes the dyad's hostility, the larger
//	    of the two (threat.CodedHostility: coded 0..1, war 1, rivalry 0.5,
//	    territorial dispute 0.25); so −1..0;
//	  - B, border conflict: D_ij when i and j are contiguous by land or by
//	    sea across at most 24 miles (COW types 1–3) or a world file codes a
//	    territorial dispute between them, else 0;
//	  - R, regime: +1 when both states' regimes are coded and equal, −1
//	    when coded and different, 0 otherwise.
//
// Axelrod & Bennett (1993) coded propensity by hand from five factors:
// ethnic conflict, religion, border disputes, type of government and
// history of wars. The components here are our construction from the
// data entente has: alliances and disputes stand in for their history of
// conflict and cooperation, B for border disputes, and R for type of
// government (coded only in world files). Ethnic conflict and religion
// have no counterpart. Missing data contribute 0 and are listed in Notes.
func FromWorld(w *world.World, ccodes []int, wt Weights) (*Derived, error) {
	if err := wt.Validate(); err != nil {
		return nil, err
	}
	names, sizes, err := worldActors(w, ccodes, wt.Size)
	if err != nil {
		return nil, err
	}
	n := len(ccodes)
	comps, notes := components(w, ccodes, wt.HalfLife)
	p := make([]float64, n*n)
	for i, c := range comps {
		p[i] = wt.Alliance*c.Alliance + wt.Similarity*c.Similarity + wt.Dispute*c.Dispute +
			wt.Border*c.Border + wt.Regime*c.Regime
	}
	pr, err := New(names, sizes, p)
	if err != nil {
		return nil, err
	}
	return &Derived{Problem: pr, CCodes: append([]int(nil), ccodes...), Components: comps, Weights: wt, Notes: notes}, nil
}

// worldActors returns the labels (world.ByAbbrev) and sizes (CINC or
// another power share) of ccodes in w.
func worldActors(w *world.World, ccodes []int, size capability.Power) ([]string, []float64, error) {
	n := len(ccodes)
	if n < 2 {
		return nil, nil, fmt.Errorf("landscape: %d states, need at least 2", n)
	}
	names := make([]string, n)
	sizes := make([]float64, n)
	seen := map[int]bool{}
	var power []world.Value
	if size != capability.CINC {
		power = capability.PowerShares(w, size)
	}
	for i, c := range ccodes {
		s := w.State(c)
		if s == nil {
			return nil, nil, fmt.Errorf("landscape: state %d is not a member of the system in %d", c, w.Year)
		}
		if seen[c] {
			return nil, nil, fmt.Errorf("landscape: state %d (%s) listed twice", c, s.Name)
		}
		seen[c] = true
		names[i] = w.Label(c, world.ByAbbrev)
		v := s.Capability.CINC
		if power != nil {
			v = power[w.Pos(c)]
		}
		if v.IsMissing() || !(v.Float() > 0) {
			if size == capability.CINC {
				return nil, nil, fmt.Errorf("landscape: state %d (%s) has no CINC score in %d", c, s.Name, w.Year)
			}
			return nil, nil, fmt.Errorf("landscape: state %d (%s) has no %s in %d (size index %s)", c, s.Name, strings.ToUpper(size.String()), w.Year, size)
		}
		sizes[i] = v.Float()
	}
	return names, sizes, nil
}

// components returns the unweighted components of every pair of ccodes
// (n×n, symmetric, zero diagonal) and notes on missing data.
func components(w *world.World, ccodes []int, halfLife float64) ([]Components, []string) {
	n := len(ccodes)
	var notes []string
	if !w.Covered(world.FamilyDisputes) && len(w.Disputes) == 0 && !codedHostility(w) {
		notes = append(notes, "no dispute data or hostility codings: the dispute and border components are 0")
	}
	if !w.Covered(world.FamilyCOWAlliances) && !w.Covered(world.FamilyATOPAlliances) && len(w.Alliances) == 0 {
		notes = append(notes, "no alliance data: the alliance and similarity components are 0")
	}
	kappa := portfolioKappa(w, ccodes)
	disp := disputeIntensity(w, ccodes, halfLife)
	comps := make([]Components, n*n)
	var noContig, noRegime bool
	for i := range n {
		for j := i + 1; j < n; j++ {
			a, b := ccodes[i], ccodes[j]
			var c Components
			c.Alliance = float64(sharedLevel(w, a, b)) / 3
			c.Similarity = kappa[i*n+j]
			r := w.Relation(a, b)
			hostile := disp[i*n+j]
			if h := threat.CodedHostility(&r, threat.DefaultOptions()); !math.IsNaN(h) {
				hostile = max(hostile, h)
			}
			c.Dispute = -hostile
			switch {
			case r.Territorial || (r.Contiguity >= 1 && r.Contiguity <= 3):
				c.Border = c.Dispute
			case r.Contiguity == world.ContiguityMissing:
				noContig = true
			}
			ra, rb := w.State(a).Regime, w.State(b).Regime
			switch {
			case ra == "" || rb == "":
				noRegime = true
			case ra == rb:
				c.Regime = 1
			default:
				c.Regime = -1
			}
			comps[i*n+j], comps[j*n+i] = c, c
		}
	}
	if noContig {
		notes = append(notes, "contiguity missing for some pairs: their border component is 0")
	}
	if noRegime {
		notes = append(notes, "regime not coded for some states: their regime component is 0")
	}
	return comps, notes
}

// valuation returns the valuation of an alliance by its source.
func valuation(al *world.Alliance) similarity.Valuation {
	if strings.HasPrefix(al.ID, "cow:") {
		return similarity.COW
	}
	return similarity.ATOP
}

// sharedLevel returns the highest tie level of a and b over the alliances
// in force with both as members.
func sharedLevel(w *world.World, a, b int) int {
	best := 0
	for _, al := range w.AlliedIn(a, b) {
		var o world.Obligations
		for _, m := range al.Members {
			if (m.CCode == a || m.CCode == b) && m.Spell.Overlaps(w.Year) {
				o = o.Union(m.Obligations)
			}
		}
		if o == 0 {
			o = al.Obligations
		}
		best = max(best, valuation(al).Level(o))
	}
	return best
}

// portfolioKappa returns Cohen's kappa of the portfolios of every pair of
// ccodes, over all members of w; 0 where undefined.
func portfolioKappa(w *world.World, ccodes []int) []float64 {
	m := len(w.States)
	pf := similarity.NewPortfolios(m, similarity.ATOP, similarity.Symmetric)
	for ai := range w.Alliances {
		al := &w.Alliances[ai]
		v := valuation(al)
		members := al.Members
		for x := range members {
			if !members[x].Spell.Overlaps(w.Year) {
				continue
			}
			for y := x + 1; y < len(members); y++ {
				if !members[y].Spell.Overlaps(w.Year) {
					continue
				}
				px, py := w.Pos(members[x].CCode), w.Pos(members[y].CCode)
				if px < 0 || py < 0 {
					continue
				}
				o := members[x].Obligations.Union(members[y].Obligations)
				if o == 0 {
					o = al.Obligations
				}
				// Portfolios values ties with one valuation; record the
				// level this alliance's own valuation gives.
				pf.Tie(px, py, levelObligations(v.Level(o)))
			}
		}
	}
	n := len(ccodes)
	out := make([]float64, n*n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			t := pf.Table(w.Pos(ccodes[i]), w.Pos(ccodes[j]))
			k := t.Kappa(similarity.Quadratic)
			out[i*n+j] = k.Or(0)
			out[j*n+i] = out[i*n+j]
		}
	}
	return out
}

// levelObligations returns obligations that the ATOP valuation puts at
// level l.
func levelObligations(l int) world.Obligations {
	switch l {
	case 3:
		return world.Obligations(0).With(world.Defense)
	case 2:
		return world.Obligations(0).With(world.Neutrality)
	case 1:
		return world.Obligations(0).With(world.Nonaggression)
	}
	return 0
}

// disputeIntensity returns 1 − exp(−Σ hostlev/5 · 2^(−age/halfLife)) for
// every pair of ccodes, over disputes with the two on opposite sides.
func disputeIntensity(w *world.World, ccodes []int, halfLife float64) []float64 {
	n := len(ccodes)
	pos := map[int]int{}
	for i, c := range ccodes {
		pos[c] = i
	}
	type part struct {
		i     int
		sideA bool
		d     world.Dispute
	}
	byID := map[int][]part{}
	var ids []int // in order of first appearance, so that sums are reproducible
	for _, d := range w.Disputes {
		i, ok := pos[d.CCode]
		if !ok || d.Start.Year > w.Year {
			continue
		}
		if _, seen := byID[d.ID]; !seen {
			ids = append(ids, d.ID)
		}
		byID[d.ID] = append(byID[d.ID], part{i, d.SideA, d})
	}
	score := make([]float64, n*n)
	for _, id := range ids {
		ps := byID[id]
		for x := range ps {
			for y := range ps {
				a, b := ps[x], ps[y]
				if a.i >= b.i || a.sideA == b.sideA {
					continue
				}
				end := max(a.d.End.Year, b.d.End.Year)
				age := 0.0
				if end != 0 && end < w.Year {
					age = float64(w.Year - end)
				}
				lev := max(a.d.HostLev, b.d.HostLev)
				s := float64(lev) / 5 * math.Exp2(-age/halfLife)
				score[a.i*n+b.i] += s
				score[b.i*n+a.i] += s
			}
		}
	}
	for k, s := range score {
		score[k] = 1 - math.Exp(-s)
	}
	return score
}

// codedHostility reports whether any relation of w codes hostility.
func codedHostility(w *world.World) bool {
	for _, r := range w.Relations {
		if r != nil && !math.IsNaN(threat.CodedHostility(r, threat.DefaultOptions())) {
			return true
		}
	}
	return false
}
