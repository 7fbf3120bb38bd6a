package server

import (
	"net/http"
	"sync"

	"github.com/entente/entente/dilemma"
)

// dilemmaInputs caches the model's inputs per history: the ATOP
// provisions and the patrons' reliability record.
var dilemmaInputs sync.Map // *history.History → dilemma.Inputs

// dilemma serves the abandonment fear and entrapment risk of every member
// of every alliance in a world, as 'entente dilemma --format json' prints
// them: alliance (an ID) and state (a ccode) select, tighten or loosen N
// adds the what-if. Credibility is the credibility index of each
// commitment; with a data directory it includes the patron's record
// (reputation) and ATOP's signals.
func (s *Server) dilemma(w http.ResponseWriter, r *http.Request) error {
	wd, _, err := s.queryWorld(r)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	state, err := intParam(q.Get("state"), "state", 0)
	if err != nil {
		return err
	}
	tighten, err := intParam(q.Get("tighten"), "tighten", 0)
	if err != nil {
		return err
	}
	loosen, err := intParam(q.Get("loosen"), "loosen", 0)
	if err != nil {
		return err
	}
	if tighten < 0 || loosen < 0 || tighten > 0 && loosen > 0 {
		return badRequest("bad_query", "tighten and loosen: want one of them, N >= 0")
	}
	in := dilemma.DefaultInputs()
	if s.cfg.DataDir != "" {
		h, err := s.history()
		if err != nil {
			return err
		}
		v, ok := dilemmaInputs.Load(h)
		if !ok {
			v, _ = dilemmaInputs.LoadOrStore(h, dilemma.FromHistory(h))
		}
		in = v.(dilemma.Inputs)
	}
	in.Partnerships = true
	all, err := dilemma.Assess(wd, in)
	if err != nil {
		return err
	}
	ms, err := dilemma.Select(all, q.Get("alliance"), state)
	if err != nil {
		return badRequest("bad_query", "%v", err)
	}
	return writeJSON(w, http.StatusOK, dilemma.Rows(ms, tighten-loosen))
}
