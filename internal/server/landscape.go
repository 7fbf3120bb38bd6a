package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/entente/entente/internal/landscapejson"
	"github.com/entente/entente/landscape"
	"github.com/entente/entente/world"
)

// maxLandscapeStates bounds a landscape request: exact search is exponential
// and the heuristic's time grows with the square of the actors.
const maxLandscapeStates = 60

// landscape runs landscape theory on states of a world with the CLI's
// defaults ('entente landscape --year Y --states LIST'): sizes are CINC,
// propensities derived from the world, exact search up to 26 actors with
// two sides, basins from the steepest-descent dynamics, seed 1.
func (s *Server) landscape(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	k, err := intParam(q.Get("coalitions"), "coalitions", 2)
	if err != nil {
		return err
	}
	if k < 2 {
		return badRequest("bad_query", "coalitions %d: want K >= 2", k)
	}
	wd, _, err := s.queryWorld(r)
	if err != nil {
		return err
	}
	ccodes, err := parseStates(wd, q.Get("states"))
	if err != nil {
		return err
	}
	d, err := landscape.FromWorld(wd, ccodes, landscape.DefaultWeights())
	if err != nil {
		return badRequest("bad_query", "%v", err)
	}
	o := landscape.Options{Method: landscape.Auto, K: k, Seed: 1,
		Basins: &landscape.BasinOptions{Rule: landscape.Steepest}}
	res, err := landscape.Solve(r.Context(), d.Problem, o)
	if err != nil {
		return err
	}
	out := landscapejson.New(res, d)
	return writeJSON(w, http.StatusOK, out)
}

// parseStates reads a comma-separated list of COW ccodes, COW
// abbreviations or ISO3 codes of members of wd.
func parseStates(wd *world.World, list string) ([]int, error) {
	var out []int
	for _, item := range strings.Split(list, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		c, ok := 0, false
		if n, err := strconv.Atoi(item); err == nil {
			c, ok = n, wd.State(n) != nil
		} else {
			for _, st := range wd.States {
				if strings.EqualFold(st.Abbrev, item) || strings.EqualFold(st.ISO3, item) {
					c, ok = st.CCode, true
					break
				}
			}
		}
		if !ok {
			return nil, badRequest("bad_query", "states: %q is not a member of the state system in %d (give a COW ccode, COW abbreviation or ISO3 code)", item, wd.Year)
		}
		out = append(out, c)
	}
	if len(out) < 2 || len(out) > maxLandscapeStates {
		return nil, badRequest("bad_query", "states %q: want 2 to %d states", list, maxLandscapeStates)
	}
	return out, nil
}
