package world

// Commitment is what kind of arrangement an alliance is, read from its
// obligations and formality: the word a report uses for it. A treaty that
// binds its members to defend one another is a DefencePact; AUKUS, whose
// members share naval-propulsion and advanced-capability technology without
// a defence obligation, is a TechnologyPartnership; the Quad, whose members
// only consult, is a ConsultationForum (informal) or ConsultationPact
// (formal).
type Commitment string

const (
	DefencePact           Commitment = "defence pact"
	OffensivePact         Commitment = "offensive pact"
	NeutralityPact        Commitment = "neutrality pact"
	NonaggressionPact     Commitment = "nonaggression pact"
	TechnologyPartnership Commitment = "capability and technology partnership"
	ConsultationPact      Commitment = "consultation pact"
	ConsultationForum     Commitment = "informal consultation"
	Alignment             Commitment = "alignment" // an entente or tacit understanding
)

// Commitment returns the kind of arrangement a is, from the strongest
// obligation any member undertook: defence, then offence, neutrality,
// nonaggression, technology, consultation; an alliance with none of these
// is an Alignment.
func (a *Alliance) Commitment() Commitment {
	o := a.Obligations
	for _, m := range a.Members {
		o = o.Union(m.Obligations)
	}
	switch {
	case o.Has(Defense):
		return DefencePact
	case o.Has(Offense):
		return OffensivePact
	case o.Has(Neutrality):
		return NeutralityPact
	case o.Has(Nonaggression):
		return NonaggressionPact
	case o.Has(Technology):
		return TechnologyPartnership
	case o.Has(Consultation) && a.Formal:
		return ConsultationPact
	case o.Has(Consultation):
		return ConsultationForum
	}
	return Alignment
}

// Participation statuses of an alliance member.
const (
	Active    = "active"
	Frozen    = "frozen"    // the member declared its participation frozen but has not left
	Suspended = "suspended" // the alliance suspended the member
)

// Participation is a change in a member's participation in an alliance:
// from Spell.Start (to Spell.End, when it ended) the member's status was
// Status. Armenia froze its participation in the CSTO in February 2024;
// the Arab League suspended Syria from November 2011 to May 2023.
type Participation struct {
	Status  string   `json:"status"`
	Spell   Spell    `json:"spell"`
	Note    string   `json:"note,omitempty"`
	Sources []Source `json:"sources,omitempty"`
}

// StatusOn returns the member's participation status on date d: the status
// of the last change in force on d, or Active.
func (m *Member) StatusOn(d Date) string {
	st := Active
	for _, p := range m.Status {
		if p.Spell.ActiveOn(d) {
			st = p.Status
		}
	}
	return st
}

// Suspension is a suspension of an alliance's obligations between two of
// its members while the treaty stays in force for the others.
type Suspension struct {
	Dyad    Dyad     `json:"dyad"`
	Spell   Spell    `json:"spell"`
	Note    string   `json:"note,omitempty"`
	Sources []Source `json:"sources,omitempty"`
}

// SuspendedOn returns the suspension in force between x and y on date d,
// or nil.
func (a *Alliance) SuspendedOn(x, y int, d Date) *Suspension {
	dy := MakeDyad(x, y)
	for i := range a.Suspensions {
		if s := &a.Suspensions[i]; s.Dyad == dy && s.Spell.ActiveOn(d) {
			return s
		}
	}
	return nil
}

// Stationing is a patron's forces in a host state: troops stationed
// (missing when no published figure is kept) and whether the host keeps
// the patron's nuclear weapons under a sharing arrangement. Credibility
// reads it as a costly signal of the patron's commitment.
type Stationing struct {
	Patron         int      `json:"patron"`
	Host           int      `json:"host"`
	Troops         Value    `json:"troops"`
	NuclearSharing bool     `json:"nuclear_sharing,omitempty"`
	Note           string   `json:"note,omitempty"`
	Sources        []Source `json:"sources,omitempty"`
}

// Figure is one figure of a state from a named source, kept beside the
// state's main figure of the same field when sources differ: NATO's own
// defence-expenditure shares beside SIPRI's. Estimate marks a source's
// estimate (NATO's "2024e").
type Figure struct {
	Field    string `json:"field"`  // the State field it measures, e.g. "milex_share_gdp"
	Source   Source `json:"source"` // Source.Year is the year the figure refers to
	Value    Value  `json:"value"`
	Estimate bool   `json:"estimate,omitempty"`
}

// Figure returns the state's figure for field from the source with the
// given ID and year, missing when there is none.
func (s *State) Figure(field, source string, year int) Value {
	for _, f := range s.Figures {
		if f.Field == field && f.Source.ID == source && f.Source.Year == year {
			return f.Value
		}
	}
	return Missing()
}
