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
// record, and a historical World the ATOP provisions; a world file's
// stationing is read from the World.
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
	if s.cfg.DataDir != "" {
		h, err := s.history()
		if err != nil {
			return err
		}
		_, llm := reliability.FromHistory(h)
		rec = credibility.NewRecord(llm)
		if first, last := h.Span(); q.Get("year") != "" && q.Get("scenario") == "" && wd.Year >= first && wd.Year <= last {
			prov = credibility.ATOPProvisions(h.ATOPMembers())
		}
	}
	c, err := credibility.NewContext(wd, rec, prov, credibility.DefaultOptions())
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, c.Select(patron, protege))
}
