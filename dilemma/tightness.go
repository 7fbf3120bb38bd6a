package dilemma

import (
	"math"

	"github.com/entente/entente/world"
)

// Provision holds the ATOP v4 provisions of one member's commitment
// (Leeds, Ritter, Mitchell & Long 2002), missing where not coded: COW
// alliances and world files code none.
type Provision struct {
	Asymmetric      bool        `json:"asymm"`       // obligations differ between members
	Conditional     world.Value `json:"conditional"` // 1 when the strongest pledge carries conditions (defcon, offcon, neucon, concon)
	MilitaryContact world.Value `json:"milcon"`      // 0..3
	IntegratedCmd   world.Value `json:"intcom"`      // 0/1
	Bases           world.Value `json:"base"`        // 0..3
	Subordination   world.Value `json:"subord"`      // 0..2
	Organization    world.Value `json:"organ1"`      // 0..3
}

// NoProvision returns a Provision with every code missing.
func NoProvision() Provision {
	m := world.Missing()
	return Provision{Conditional: m, MilitaryContact: m, IntegratedCmd: m, Bases: m, Subordination: m, Organization: m}
}

// Commitment is what a what-if changes: the obligations binding a member
// and its patron (the union of both pledges, the non-directed view) and
// the member's provisions.
type Commitment struct {
	Obligations world.Obligations `json:"obligations"`
	Provision   Provision         `json:"provisions"`
}

// Tightness is how binding a commitment is (Snyder 1997, ch. 6: the
// precision and firmness of the pledge), in [0, 1]:
//
//	type        r/3, r the rung of the strongest obligation: 3 defence or
//	            offence, 2 neutrality or consultation, 1 non-aggression,
//	            entente or technology, 0 none (ATOP's valuation, DESIGN.md)
//	provisions  the mean of the coded terms 1 − conditional, milcon/3,
//	            intcom, base/3, subord/2, organ1/3
//	total       (2·type + provisions)/3, or type when no provision is coded
type Tightness struct {
	Obligation string      `json:"obligation"`
	Type       float64     `json:"type"`
	Provisions world.Value `json:"provisions"`
	Total      float64     `json:"total"`
}

// rungs lists the obligation kinds by rung, strongest first.
var rungs = []struct {
	rung  int
	kinds []world.Obligation
}{
	{3, []world.Obligation{world.Defense, world.Offense}},
	{2, []world.Obligation{world.Neutrality, world.Consultation}},
	{1, []world.Obligation{world.Nonaggression, world.Entente, world.Technology}},
}

// rung returns the rung of o's strongest obligation and its name.
func rung(o world.Obligations) (int, string) {
	for _, r := range rungs {
		for _, k := range r.kinds {
			if o.Has(k) {
				return r.rung, world.Obligations(k).String()
			}
		}
	}
	return 0, "none"
}

// TightnessOf returns the tightness of c.
func TightnessOf(c Commitment) Tightness {
	r, name := rung(c.Obligations)
	t := Tightness{Obligation: name, Type: float64(r) / 3, Provisions: provisionScore(c.Provision)}
	t.Total = t.Type
	if t.Provisions.OK() {
		t.Total = (2*t.Type + t.Provisions.Float()) / 3
	}
	return t
}

func provisionScore(p Provision) world.Value {
	sum, n := 0.0, 0
	add := func(v world.Value, scale float64, invert bool) {
		if v.IsMissing() {
			return
		}
		x := math.Min(1, math.Max(0, v.Float()/scale))
		if invert {
			x = 1 - x
		}
		sum += x
		n++
	}
	add(p.Conditional, 1, true)
	add(p.MilitaryContact, 3, false)
	add(p.IntegratedCmd, 1, false)
	add(p.Bases, 3, false)
	add(p.Subordination, 2, false)
	add(p.Organization, 3, false)
	if n == 0 {
		return world.Missing()
	}
	return world.Known(sum / float64(n))
}

// Tighten returns c one step tighter: the strongest obligation one rung
// up (non-aggression → neutrality → defence) and its conditions dropped;
// at the top rung, an integrated command and one more level of military
// contact. Only provisions already coded change, so that every term of
// the tightness rises or stays: TightnessOf(Tighten(c)).Total ≥
// TightnessOf(c).Total.
func Tighten(c Commitment) Commitment {
	r, _ := rung(c.Obligations)
	p := c.Provision
	switch r {
	case 0:
		c.Obligations = c.Obligations.With(world.Nonaggression)
	case 1:
		c.Obligations = c.Obligations.With(world.Neutrality)
	case 2:
		c.Obligations = c.Obligations.With(world.Defense)
	case 3:
		if p.IntegratedCmd.OK() {
			p.IntegratedCmd = 1
		}
		if p.MilitaryContact.OK() {
			p.MilitaryContact = world.Known(math.Min(3, p.MilitaryContact.Float()+1))
		}
	}
	if p.Conditional.OK() {
		p.Conditional = 0
	}
	c.Provision = p
	return c
}

// Loosen returns c one step looser: the obligations of the top rung
// dropped for one of the rung below (defence → neutrality →
// non-aggression → none) and, where coded, made conditional. Every term of
// the tightness falls or stays.
func Loosen(c Commitment) Commitment {
	r, _ := rung(c.Obligations)
	if r > 0 {
		for _, k := range rungs[3-r].kinds {
			c.Obligations &^= world.Obligations(k)
		}
		if r > 1 {
			c.Obligations = c.Obligations.With(rungs[4-r].kinds[0])
		}
	}
	if c.Provision.Conditional.OK() {
		c.Provision.Conditional = 1
	}
	return c
}

// Adjust applies steps of Tighten (steps > 0) or Loosen (steps < 0).
func Adjust(c Commitment, steps int) Commitment {
	for ; steps > 0; steps-- {
		c = Tighten(c)
	}
	for ; steps < 0; steps++ {
		c = Loosen(c)
	}
	return c
}
