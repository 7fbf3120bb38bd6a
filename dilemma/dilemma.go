package dilemma

import (
	"fmt"
	"math"
	"sort"

	"github.com/entente/entente/credibility"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// Inputs are what Assess reads beside the World.
type Inputs struct {
	// Provisions returns the ATOP provisions of member's commitment in
	// the alliance with the given ID; false when none are coded (COW
	// alliances, world files).
	Provisions func(alliance string, member int) (Provision, bool)
	// Credibility builds, once per World, the κ of its commitments (nil:
	// κ missing). CredibilityIndex builds the default from the
	// credibility index.
	Credibility func(w *world.World) (Kappa, error)
	// Threat is the threat model whose intent and dyadic capability give
	// the threat and the conflicts.
	Threat threat.Options
	// Partnerships also assesses each of the World's strategic
	// partnerships (no defence obligation: the United States and Taiwan
	// under the Taiwan Relations Act) as an alliance whose commitment has
	// tightness 0, with ID "partnership:<id>": strategic ambiguity, the
	// most abandonment fear and no entrapment.
	Partnerships bool
}

// Kappa returns κ in [0, 1], how far member can count on patron in the
// alliance (missing when unknown), given the patron's pledges there. It
// must not depend on the commitment's tightness, which the what-if
// varies: tightness enters beside it (κ·τ).
type Kappa func(alliance string, patron, member int, pledged world.Obligations) world.Value

// DefaultInputs returns Inputs with the default threat model, no ATOP
// provisions, and κ the credibility index of each commitment from the
// World alone (no reliability record: reputation missing).
func DefaultInputs() Inputs {
	return Inputs{Threat: threat.DefaultOptions(),
		Credibility: CredibilityIndex(nil, nil, credibility.DefaultOptions())}
}

// Conflict is an ally's conflict that the member does not share.
type Conflict struct {
	Partner   int     `json:"partner"`
	Adversary int     `json:"adversary"`
	Weight    float64 `json:"weight"` // w_ij, the partner the one most in conflict with the adversary
}

// Member is the abandonment fear and entrapment risk of one member of one
// alliance, with their components (see the package comment).
type Member struct {
	Alliance string `json:"alliance"`
	Name     string `json:"alliance_name,omitempty"`
	State    int    `json:"ccode"`
	Partners []int  `json:"partners"`
	Patron   int    `json:"patron"` // the strongest partner (by CINC)

	Commitment Commitment `json:"commitment"`
	Tightness  Tightness  `json:"tightness"`

	Threat       world.Value `json:"threat"`      // T
	ThreatFrom   int         `json:"threat_from"` // the state posing T, 0 when none
	PartnerShare world.Value `json:"partner_share"`
	Alternatives world.Value `json:"alternatives"`
	Dependence   world.Value `json:"dependence"`
	Credibility  world.Value `json:"credibility"` // κ
	Abandonment  world.Value `json:"abandonment"`

	PartnerConflict world.Value `json:"partner_conflict"` // H
	NotShared       world.Value `json:"not_shared"`       // F
	Unshared        world.Value `json:"unshared"`         // U = H·F
	Conflicts       []Conflict  `json:"conflicts,omitempty"`
	Entrapment      world.Value `json:"entrapment"`
}

// Outcome is a member's abandonment fear and entrapment risk under one
// commitment.
type Outcome struct {
	Commitment  Commitment  `json:"commitment"`
	Tightness   Tightness   `json:"tightness"`
	Abandonment world.Value `json:"abandonment"`
	Entrapment  world.Value `json:"entrapment"`
}

// Under returns m's abandonment fear and entrapment risk had its
// commitment been c, every other component held:
//
//	A = Dep · (1 − κ·τ),  E = U · τ
//
// so that a tighter c never raises A and never lowers E (Snyder 1984:
// tightening trades abandonment for entrapment).
func (m *Member) Under(c Commitment) Outcome {
	t := TightnessOf(c)
	o := Outcome{Commitment: c, Tightness: t, Abandonment: world.Missing(), Entrapment: world.Missing()}
	if m.Dependence.OK() && m.Credibility.OK() {
		o.Abandonment = world.Known(m.Dependence.Float() * (1 - m.Credibility.Float()*t.Total))
	}
	if m.Unshared.OK() {
		o.Entrapment = world.Known(m.Unshared.Float() * t.Total)
	}
	return o
}

// WhatIf returns m's outcome with its commitment tightened (steps > 0) or
// loosened (steps < 0) that many steps (Adjust).
func (m *Member) WhatIf(steps int) Outcome { return m.Under(Adjust(m.Commitment, steps)) }

// maxConflicts is how many unshared conflicts a Member lists.
const maxConflicts = 5

// Assess returns, for every member in force in w.Year of every alliance of
// w with at least two members then, its abandonment fear and entrapment
// risk, in the order of w.Alliances and of each alliance's members.
func Assess(w *world.World, in Inputs) ([]Member, error) {
	if w == nil {
		return nil, fmt.Errorf("dilemma: nil world")
	}
	m, err := threat.Compute(w, in.Threat)
	if err != nil {
		return nil, err
	}
	s := newSystem(w, m)
	var kappa Kappa
	if in.Credibility != nil {
		if kappa, err = in.Credibility(w); err != nil {
			return nil, err
		}
	}
	var out []Member
	for i := range w.Alliances {
		out = s.alliance(out, &w.Alliances[i], in, kappa)
	}
	if in.Partnerships {
		for _, p := range w.Partnerships {
			al := world.Alliance{ID: "partnership:" + p.ID, Name: p.Name, Spell: world.Spell{Start: p.Since}}
			for _, c := range p.Members {
				al.Members = append(al.Members, world.Member{CCode: c, Spell: world.Spell{Start: p.Since}})
			}
			out = s.alliance(out, &al, in, kappa)
		}
	}
	return out, nil
}

// system holds what Assess computes once per World.
type system struct {
	w         *world.World
	m         *threat.Matrix
	n         int
	measured  bool
	cinc      []float64 // by position, NaN when missing
	conflicts [][]edge  // by position: the states it is in conflict with
	defAllies []map[int]bool
}

type edge struct {
	j int
	c float64
}

func newSystem(w *world.World, m *threat.Matrix) *system {
	n := len(w.States)
	s := &system{w: w, m: m, n: n, measured: m.IntentMeasured, cinc: make([]float64, n),
		conflicts: make([][]edge, n), defAllies: make([]map[int]bool, n)}
	for i := range w.States {
		s.cinc[i] = w.States[i].Capability.CINC.Float()
	}
	for k := 0; k < n; k++ {
		for j := 0; j < n; j++ {
			if j == k {
				continue
			}
			if c := s.conflict(k, j); c > 0 {
				s.conflicts[k] = append(s.conflicts[k], edge{j, c})
			}
		}
	}
	at := world.InYear(w.Year)
	for i := range w.Alliances {
		w.Alliances[i].AlliedPairs(at, world.Obligations(world.Defense|world.Offense), func(a, b int) {
			pa, pb := w.Pos(a), w.Pos(b)
			if pa < 0 || pb < 0 {
				return
			}
			if s.defAllies[pa] == nil {
				s.defAllies[pa] = map[int]bool{}
			}
			if s.defAllies[pb] == nil {
				s.defAllies[pb] = map[int]bool{}
			}
			s.defAllies[pa][pb], s.defAllies[pb][pa] = true, true
		})
	}
	return s
}

// conflict returns c_kj: the larger of the intents either way (0 when
// unmeasured).
func (s *system) conflict(k, j int) float64 {
	_, _, a := s.m.WaltAt(k, j)
	_, _, b := s.m.WaltAt(j, k)
	c := math.Max(nz(a), nz(b))
	return math.Min(1, c)
}

func nz(x float64) float64 {
	if math.IsNaN(x) {
		return 0
	}
	return x
}

// pledge returns the union of c's pledges in al over its spells
// overlapping y (the alliance's when the member codes none).
func pledge(al *world.Alliance, c, y int) world.Obligations {
	var o world.Obligations
	for _, mb := range al.Members {
		if mb.CCode != c || !mb.Spell.Overlaps(y) {
			continue
		}
		if mb.Obligations == 0 {
			o |= al.Obligations
		} else {
			o |= mb.Obligations
		}
	}
	return o
}

func (s *system) alliance(out []Member, al *world.Alliance, in Inputs, kappa Kappa) []Member {
	y := s.w.Year
	var ccodes, pos []int
	for _, c := range al.MembersIn(y) {
		if p := s.w.Pos(c); p >= 0 {
			ccodes = append(ccodes, c)
			pos = append(pos, p)
		}
	}
	if len(pos) < 2 {
		return out
	}
	inAlliance := make(map[int]bool, len(pos))
	for _, p := range pos {
		inAlliance[p] = true
	}
	advs := s.adversaries(pos, inAlliance)
	for x, i := range pos {
		mb := Member{Alliance: al.ID, Name: al.Name, State: ccodes[x], ThreatFrom: 0}
		// Partners and the patron.
		patron, best := -1, -1.0
		ca, caKnown := 0.0, false
		for z, k := range pos {
			if z == x {
				continue
			}
			mb.Partners = append(mb.Partners, ccodes[z])
			if c := s.cinc[k]; !math.IsNaN(c) {
				ca += c
				caKnown = true
				if c > best {
					best, patron = c, z
				}
			} else if patron < 0 {
				patron = z
			}
		}
		mb.Patron = ccodes[patron]
		mb.Commitment = Commitment{Obligations: pledge(al, mb.State, y) | pledge(al, mb.Patron, y), Provision: NoProvision()}
		if in.Provisions != nil {
			if p, ok := in.Provisions(al.ID, mb.State); ok {
				mb.Commitment.Provision = p
			}
		}
		mb.Tightness = TightnessOf(mb.Commitment)
		mb.Credibility = world.Missing()
		if kappa != nil {
			mb.Credibility = kappa(al.ID, mb.Patron, mb.State, pledge(al, mb.Patron, y))
		}
		s.dependence(&mb, i, inAlliance, ca, caKnown)
		s.unshared(&mb, i, advs)
		o := mb.Under(mb.Commitment)
		mb.Abandonment, mb.Entrapment = o.Abandonment, o.Entrapment
		out = append(out, mb)
	}
	return out
}

// dependence fills T, S, L and Dep of mb, the member at position i.
func (s *system) dependence(mb *Member, i int, inAlliance map[int]bool, ca float64, caKnown bool) {
	mb.Threat, mb.PartnerShare, mb.Alternatives, mb.Dependence = world.Missing(), world.Missing(), world.Missing(), world.Missing()
	if s.measured {
		t := 0.0
		for j := 0; j < s.n; j++ {
			if j == i || inAlliance[j] {
				continue
			}
			_, _, intent := s.m.WaltAt(i, j)
			d := s.m.CapabilityAt(i, j)
			if v := intent * d; !math.IsNaN(v) && v > t {
				t, mb.ThreatFrom = v, s.w.States[j].CCode
			}
		}
		mb.Threat = world.Known(t)
	}
	ci := s.cinc[i]
	if caKnown && !math.IsNaN(ci) && ca+ci > 0 {
		mb.PartnerShare = world.Known(ca / (ca + ci))
	}
	co := 0.0
	for j := range s.defAllies[i] {
		if !inAlliance[j] && !math.IsNaN(s.cinc[j]) {
			co += s.cinc[j]
		}
	}
	if caKnown && ca+co > 0 {
		mb.Alternatives = world.Known(co / (ca + co))
	}
	if mb.Threat.OK() && mb.PartnerShare.OK() && mb.Alternatives.OK() {
		mb.Dependence = world.Known(mb.Threat.Float() * mb.PartnerShare.Float() * (1 - mb.Alternatives.Float()))
	}
}

// adversary is an outsider in conflict with some member of an alliance:
// Σ log(1 − c_kj) over the members k with c_kj < 1, how many have c_kj ≥ 1,
// and the two members most in conflict with it.
type adversary struct {
	j          int
	sumLog     float64
	ones       int
	top, next  int // positions of members, -1 when none
	cTop, cNxt float64
}

// adversaries returns the outsiders in conflict with the members at pos.
func (s *system) adversaries(pos []int, inAlliance map[int]bool) []adversary {
	at := map[int]int{}
	var out []adversary
	for _, k := range pos {
		for _, e := range s.conflicts[k] {
			if inAlliance[e.j] {
				continue
			}
			x, ok := at[e.j]
			if !ok {
				x = len(out)
				at[e.j] = x
				out = append(out, adversary{j: e.j, top: -1, next: -1})
			}
			a := &out[x]
			if e.c >= 1 {
				a.ones++
			} else {
				a.sumLog += math.Log1p(-e.c)
			}
			switch {
			case e.c > a.cTop:
				a.next, a.cNxt = a.top, a.cTop
				a.top, a.cTop = k, e.c
			case e.c > a.cNxt:
				a.next, a.cNxt = k, e.c
			}
		}
	}
	return out
}

// unshared fills U and the largest unshared conflicts of mb, the member at
// position i: over the outsiders j in conflict with a partner,
//
//	q_ij = 1 − Π_{k≠i} (1 − c_kj)       some partner is in conflict with j
//	w_ij = q_ij (1 − c_ij)              and i is not
//	H_i  = 1 − Π_j (1 − q_ij)           the partners' conflict: how embattled they are
//	F_i  = Σ_j w_ij / Σ_j q_ij          the share of it that i does not share
//	U_i  = H_i · F_i
func (s *system) unshared(mb *Member, i int, advs []adversary) {
	mb.Unshared, mb.PartnerConflict, mb.NotShared = world.Missing(), world.Missing(), world.Missing()
	if !s.measured {
		return
	}
	logKeep, sumQ, sumW := 0.0, 0.0, 0.0
	var cs []Conflict
	for a := range advs {
		ad := &advs[a]
		if ad.j == i {
			continue
		}
		cij := s.conflict(i, ad.j)
		ones, sum := ad.ones, ad.sumLog
		if cij >= 1 {
			ones--
		} else {
			sum -= math.Log1p(-cij)
		}
		q := 1.0
		if ones == 0 {
			q = -math.Expm1(sum)
		}
		if q <= 1e-12 {
			continue
		}
		if q >= 1 {
			logKeep = math.Inf(-1)
		} else {
			logKeep += math.Log1p(-q)
		}
		wgt := q * (1 - cij)
		sumQ += q
		sumW += wgt
		partner := ad.top
		if partner == i {
			partner = ad.next
		}
		if partner >= 0 && wgt > 1e-12 {
			cs = append(cs, Conflict{Partner: s.w.States[partner].CCode, Adversary: s.w.States[ad.j].CCode, Weight: wgt})
		}
	}
	h, f := 1-math.Exp(logKeep), 0.0
	if sumQ > 0 {
		f = sumW / sumQ
	}
	mb.PartnerConflict, mb.NotShared, mb.Unshared = world.Known(h), world.Known(f), world.Known(h*f)
	// Largest first; among near-equal weights (saturated conflicts), the
	// stronger adversary first.
	sort.SliceStable(cs, func(a, b int) bool {
		wa, wb := math.Round(cs[a].Weight*1000), math.Round(cs[b].Weight*1000)
		if wa != wb {
			return wa > wb
		}
		return s.cincOf(cs[a].Adversary) > s.cincOf(cs[b].Adversary)
	})
	if len(cs) > maxConflicts {
		cs = cs[:maxConflicts]
	}
	mb.Conflicts = cs
}

// cincOf returns ccode's CINC, or −1 when missing.
func (s *system) cincOf(ccode int) float64 {
	if p := s.w.Pos(ccode); p >= 0 && !math.IsNaN(s.cinc[p]) {
		return s.cinc[p]
	}
	return -1
}
