package server

import (
	"fmt"
	"net/http"

	"github.com/entente/entente/credibility"
	"github.com/entente/entente/reliability"
)

// credibility serves the credibility of a World's commitments as
// 'entente credibility --format json' prints it: the World of year (or a
// scenario, or the embedded 2024 world), patron and protege (COW ccodes,
// optional). With a data directory, reputation reads the reliability
// record, and a historical World the ATOP provisions; a World of 2024 not
// built from the data reads credibility.Stationing2024.
func (s *Server) credibility(w http.ResponseWriter, r *http.Request) error {
	wd, _, err := s.queryWorld(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	patron, err := intParam(q.Get("patron"), "patron", 0)
	if err != nil {
		return err
	}
	protege, err := intParam(q.Get("protege"), "protege", 0)
	if err != nil {
		return err
	}
	for _, c := range []int{patron, protege} {
		if c != 0 && wd.State(c) == nil {
			return &apiError{Status: http.StatusNotFound, Code: "no_state",
				Message: fmt.Sprintf("state %d is not in the world of %d", c, wd.Year)}
		}
	}
	var rec *credibility.Record
	var prov credibility.Provisions
	historical := false
	if s.cfg.DataDir != "" {
		h, err := s.history()
		if err != nil {
			return err
		}
		_, llm := reliability.FromHistory(h)
		rec = credibility.NewRecord(llm)
		if first, last := h.Span(); q.Get("year") != "" && q.Get("scenario") == "" && wd.Year >= first && wd.Year <= last {
			historical = true
			prov = credibility.ATOPProvisions(h.ATOPMembers())
		}
	}
	var st []credibility.Stationing
	if !historical && wd.Year == 2024 {
		st = credibility.Stationing2024
	}
	c, err := credibility.NewContext(wd, rec, prov, st, credibility.DefaultOptions())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, c.Select(patron, protege))
}
