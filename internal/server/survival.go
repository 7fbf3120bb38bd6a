package server

import (
	"errors"
	"net/http"

	"github.com/entente/entente/survival"
	"github.com/entente/entente/termination"
)

// survival serves the survival analysis of alliance termination as
// 'entente survival --format json' prints it for the same options: source
// (atop or cow), level (alliance or member), by (type), covariates (a
// comma-separated list, or none), cause (all, violation or other), ties
// (efron or breslow), formed (FROM-TO) and bilateral (true or false). The
// spells come from the server's history (termination.FromHistory).
func (s *Server) survival(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	bilateral := false
	switch v := q.Get("bilateral"); v {
	case "", "false":
	case "true":
		bilateral = true
	default:
		return badRequest("bad_query", "bilateral %q: want true or false", v)
	}
	p, err := termination.Query{Source: q.Get("source"), Level: q.Get("level"), By: q.Get("by"),
		Covariates: q.Get("covariates"), Cause: q.Get("cause"), Ties: q.Get("ties"),
		Formed: q.Get("formed"), Bilateral: bilateral}.Plan()
	if err != nil {
		return badRequest("bad_query", "%v", err)
	}
	h, err := s.history()
	if err != nil {
		return err
	}
	spells, facts, err := p.Spells(h)
	var none *termination.NoSpellsError
	if errors.As(err, &none) {
		return badRequest("bad_query", "formed %q: %v", q.Get("formed"), err)
	}
	if err != nil {
		return err
	}
	a, err := termination.Analyze(spells, p.Level, facts, p.Options)
	if errors.Is(err, survival.ErrCollinear) || errors.Is(err, survival.ErrNotConverged) || errors.Is(err, survival.ErrNoEvents) {
		// The covariates asked for cannot be estimated on these spells.
		return badRequest("bad_model", "%v", err)
	}
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, a)
}
