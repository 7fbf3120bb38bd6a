package dilemma

import (
	"github.com/entente/entente/credibility"
	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/world"
)

// ATOPProvisions returns an Inputs.Provisions that reads the ATOP v4
// member rows of p (credibility's reader: the row of each member's latest
// phase): for alliance "atop:ID" and a member, its provisions.
// Conditional is the trigger flag of the member's strongest pledge
// (defcon, offcon, neucon or concon; missing for a non-aggression pledge,
// which ATOP does not condition).
func ATOPProvisions(p credibility.Provisions) func(alliance string, member int) (Provision, bool) {
	return func(alliance string, member int) (Provision, bool) {
		r := p.Member(alliance, member)
		if r == nil {
			return Provision{}, false
		}
		return provisionOf(r), true
	}
}

func provisionOf(r *atop.Member) Provision {
	p := Provision{Asymmetric: r.Asymmetric, Conditional: world.Missing(), MilitaryContact: r.MilitaryContact,
		IntegratedCmd: r.IntegratedCmd, Bases: r.Bases, Subordination: r.Subordination, Organization: r.Organization}
	o := r.Obligations
	for _, t := range []struct {
		k world.Obligation
		c atop.Trigger
	}{{world.Defense, r.Defense}, {world.Offense, r.Offense}, {world.Neutrality, r.Neutrality}, {world.Consultation, r.Consultation}} {
		if o.Has(t.k) {
			p.Conditional = world.Known(b2f(t.c.Conditional))
			break
		}
	}
	return p
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// CredibilityIndex returns an Inputs.Credibility that gives κ as the
// credibility index of the commitment patron → member (package
// credibility: interests, capability, reputation, signals, domestic),
// computed once per World from that World, the reliability record rec and
// the ATOP provisions prov (either may be nil: reputation, or the ATOP
// signals, are then missing and the index averages the rest). The index
// reads the World as given, never the what-if's adjusted commitment, so
// that κ does not move with tightness.
func CredibilityIndex(rec *credibility.Record, prov credibility.Provisions, o credibility.Options) func(*world.World) (Kappa, error) {
	return func(w *world.World) (Kappa, error) {
		c, err := credibility.NewContext(w, rec, prov, o)
		if err != nil {
			return nil, err
		}
		return func(alliance string, patron, member int, pledged world.Obligations) world.Value {
			return c.Of(credibility.Commitment{Patron: patron, Protege: member, Alliance: alliance, Obligations: pledged}).Index
		}, nil
	}
}
