package server

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/entente/entente/burden"
	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/source/nato"
)

// burden serves the Olson–Zeckhauser test of one alliance in one world, as
// 'entente burden --alliance ID [--year Y] --format json' prints it:
// alliance (an ID as in the world's JSON, or a short name of the embedded
// world such as nato), year or scenario (the embedded world by default),
// source sipri (default) or nato.
func (s *Server) burden(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	id := strings.ToLower(strings.TrimSpace(q.Get("alliance")))
	if id == "" {
		return badRequest("bad_query", "alliance: want an alliance ID (cow:227, atop:3180, nato)")
	}
	if !strings.Contains(id, ":") {
		id = "world:" + id
	}
	src := burden.SIPRI
	if v := q.Get("source"); v != "" {
		var err error
		if src, err = burden.ParseSource(v); err != nil {
			return badRequest("bad_query", "source: %v", err)
		}
	}
	wd, _, err := s.queryWorld(r)
	if err != nil {
		return err
	}
	var figs burden.Figures
	if src == burden.NATO && q.Has("year") {
		if s.cfg.DataDir == "" {
			return &apiError{Status: http.StatusNotFound, Code: "no_data", Message: "NATO's table needs the server's data directory (--data)"}
		}
		tab, err := nato.Read(filepath.Join(s.cfg.DataDir, history.FileNATO), nato.Edition2024)
		if err != nil {
			return err
		}
		figs = tab.Share
	}
	for i := range wd.Alliances {
		if a := &wd.Alliances[i]; a.ID == id {
			y, _ := burden.Of(wd, a, src, figs)
			return writeJSON(w, http.StatusOK, y)
		}
	}
	return &apiError{Status: http.StatusNotFound, Code: "no_alliance",
		Message: fmt.Sprintf("alliance %s is not in force in the world of %d", id, wd.Year)}
}
