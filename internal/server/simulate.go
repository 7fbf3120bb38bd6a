package server

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/simulate"
	"github.com/entente/entente/world"
)

// maxSimulateRuns bounds the runs of one /api/simulate request; larger
// sweeps belong to 'entente simulate' and its shards.
const maxSimulateRuns = 10000

// simulate runs a shipped scenario and answers the summary of
// 'entente simulate SCENARIO --format json'.
func (s *Server) simulate(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	name := q.Get("scenario")
	if !slices.Contains(simulate.Builtins(), name) {
		return badRequest("bad_query", "scenario %q: want one of %s", name, strings.Join(simulate.Builtins(), ", "))
	}
	runs, err := intParam(q.Get("runs"), "runs", 1000)
	if err != nil {
		return err
	}
	if runs < 1 || runs > maxSimulateRuns {
		return badRequest("bad_query", "runs %d: want 1..%d (larger sweeps: entente simulate --shard)", runs, maxSimulateRuns)
	}
	seed := uint64(1)
	if v := q.Get("seed"); v != "" {
		if seed, err = strconv.ParseUint(v, 10, 64); err != nil {
			return badRequest("bad_query", "seed %q: want a whole number >= 0", v)
		}
	}
	b, err := simulate.Builtin(name)
	if err != nil {
		return err
	}
	sc, err := simulate.ParseScenario("scenarios/"+name+".yaml", b)
	if err != nil {
		return err
	}
	var base *world.World
	if sc.Base.Year != 0 {
		h, err := s.history()
		if err != nil {
			return err
		}
		if base, err = h.World(sc.Base.Year); err != nil {
			return err
		}
	} else if base, err = worldfile.Default(); err != nil {
		return err
	}
	p, err := simulate.Prepare(sc, base, simulate.DefaultConfig())
	if err != nil {
		return err
	}
	sum := p.NewSummarizer()
	if err := p.Simulate(r.Context(), seed, 0, runs, 0, func(res *simulate.Result) error { sum.Add(res); return nil }); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, sum.Summary())
}
