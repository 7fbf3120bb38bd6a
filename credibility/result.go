package credibility

import "fmt"

// Result is the credibility of the commitments of one World, as
// 'entente credibility --format json' and the HTTP API's /api/credibility
// show it. Note says why Commitments is empty, or what is not measured.
type Result struct {
	Year        int           `json:"year"`
	World       string        `json:"world,omitempty"`
	Patron      int           `json:"patron,omitempty"`
	Protege     int           `json:"protege,omitempty"`
	Record      bool          `json:"record"` // the reliability record was at hand: reputation is measured
	HalfLife    float64       `json:"half_life"`
	Commitments []Credibility `json:"commitments"`
	Note        string        `json:"note,omitempty"`
}

// Select returns the credibility of the Context's commitments whose
// patron is patron and protégé protege (0: any), sorted by patron and
// protégé. An empty selection carries a Note saying why.
func (c *Context) Select(patron, protege int) *Result {
	r := &Result{Year: c.W.Year, World: c.W.Name, Patron: patron, Protege: protege, Record: c.record != nil,
		HalfLife: c.Opt.HalfLife, Commitments: []Credibility{}}
	for _, cm := range Commitments(c.W) {
		if (patron == 0 || cm.Patron == patron) && (protege == 0 || cm.Protege == protege) {
			r.Commitments = append(r.Commitments, c.Of(cm))
		}
	}
	name := func(cc int) string {
		if s := c.W.State(cc); s != nil {
			return s.Name
		}
		return fmt.Sprintf("ccode %d", cc)
	}
	switch {
	case len(r.Commitments) > 0:
		if !r.Record {
			r.Note = "reputation is missing: the reliability record needs the data directory"
		}
	case patron != 0 && protege != 0:
		r.Note = fmt.Sprintf("%s has no defence, offence or partnership commitment to %s in %d", name(patron), name(protege), c.W.Year)
	case patron != 0:
		r.Note = fmt.Sprintf("%s is the patron of no commitment in %d (no defence or offence pledge, no partnership)", name(patron), c.W.Year)
	case protege != 0:
		r.Note = fmt.Sprintf("no state pledged defence or offence to %s, nor is it in a partnership, in %d", name(protege), c.W.Year)
	default:
		r.Note = fmt.Sprintf("the World of %d holds no defence or offence pledge and no partnership", c.W.Year)
	}
	return r
}
