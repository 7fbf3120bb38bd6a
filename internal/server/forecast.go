package server

import (
	"context"
	"net/http"
	"sync"

	"github.com/entente/entente/forecast"
	"github.com/entente/entente/history"
	"github.com/entente/entente/world"
)

// forecasts holds, per outcome kind, the model fitted on every outcome
// year of history and the alliance memory through the last year, built on
// the first request for the kind and kept.
type forecasts struct {
	mu sync.Mutex
	by map[forecast.Kind]*forecaster
}

type forecaster struct {
	model *forecast.Model
	carry *forecast.Carry
}

// forecaster returns the fitted model of kind k, building it on first use
// from the data directory (NMC v7.0, the system extended to 2018, as
// 'entente forecast' reads it).
func (s *Server) forecaster(ctx context.Context, k forecast.Kind) (*forecaster, error) {
	s.fc.mu.Lock()
	defer s.fc.mu.Unlock()
	if f := s.fc.by[k]; f != nil {
		return f, nil
	}
	h, err := history.OpenWith(s.cfg.DataDir, history.Options{NMC: 7, ExtendSystemTo: 2018})
	if err != nil {
		return nil, err
	}
	first, last := h.Span()
	ds, carry, err := forecast.Build(ctx, func(y int) (*world.World, error) { return h.World(y) }, []forecast.Kind{k}, first+1, last)
	if err != nil {
		return nil, err
	}
	o := forecast.DefaultOptions()
	m, err := forecast.Fit(ds[k].Years, o.Spec, o.Fit, nil)
	if err != nil {
		return nil, err
	}
	if s.fc.by == nil {
		s.fc.by = map[forecast.Kind]*forecaster{}
	}
	f := &forecaster{model: m, carry: carry}
	s.fc.by[k] = f
	return f, nil
}

// forecast serves 'entente forecast --format json' for the embedded world
// or a scenario.
func (s *Server) forecast(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	if q.Has("year") {
		return badRequest("bad_query", "year: the API forecasts from the embedded world or a scenario; 'entente forecast --year Y' scores a historical year")
	}
	k := forecast.ATOP
	if v := q.Get("kind"); v != "" {
		var err error
		if k, err = forecast.ParseKind(v); err != nil {
			return badRequest("bad_query", "kind: %v", err)
		}
	}
	top, err := intParam(q.Get("top"), "top", 20)
	if err != nil {
		return err
	}
	if top < 0 {
		return badRequest("bad_query", "top %d: want 0 or more", top)
	}
	if s.cfg.DataDir == "" {
		return &apiError{Status: http.StatusNotFound, Code: "no_data",
			Message: "this server has no data directory: start it with --data DIR (or $ENTENTE_DATA) to fit the forecast model"}
	}
	wd, _, err := s.queryWorld(r)
	if err != nil {
		return err
	}
	f, err := s.forecaster(r.Context(), k)
	if err != nil {
		return err
	}
	ol, err := forecast.Forecast(wd, k, f.model, f.carry, top)
	if err != nil {
		return badRequest("bad_world", "%v", err)
	}
	return writeJSON(w, http.StatusOK, ol)
}
