package server

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/entente/entente/align"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/internal/worldjson"
	"github.com/entente/entente/panel"
	"github.com/entente/entente/report"
	"github.com/entente/entente/similarity"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// route is one API endpoint. The table in routes is the one list of the
// API; the OpenAPI description is checked against it.
type route struct {
	Method, Path string
	// Write marks routes that change the store: they need the token.
	Write bool
	// Heavy marks computations bounded by Config.MaxJobs.
	Heavy bool
	// Stream marks routes whose response is written as it is computed:
	// they are bounded by the write timeout, not the request timeout.
	Stream bool
	handle func(s *Server, w http.ResponseWriter, r *http.Request) error
}

func (s *Server) routes() []route {
	return []route{
		{Method: "GET", Path: "/api/health", handle: (*Server).health},
		{Method: "GET", Path: "/api/openapi.json", handle: (*Server).openapi},
		{Method: "GET", Path: "/api/years", handle: (*Server).years},
		{Method: "GET", Path: "/api/world", handle: (*Server).getWorld},
		{Method: "POST", Path: "/api/world", handle: (*Server).postWorld},
		{Method: "GET", Path: "/api/threat", handle: (*Server).threat},
		{Method: "GET", Path: "/api/align", handle: (*Server).align},
		{Method: "GET", Path: "/api/report", handle: (*Server).report},
		{Method: "GET", Path: "/api/landscape", Heavy: true, handle: (*Server).landscape},
		{Method: "GET", Path: "/api/network", handle: (*Server).network},
		{Method: "GET", Path: "/api/forecast", Heavy: true, handle: (*Server).forecast},
		{Method: "GET", Path: "/api/reliability", handle: (*Server).reliability},
		{Method: "GET", Path: "/api/credibility", handle: (*Server).credibility},
		{Method: "GET", Path: "/api/burden", handle: (*Server).burden},
		{Method: "GET", Path: "/api/survival", Heavy: true, handle: (*Server).survival},
		{Method: "GET", Path: "/api/dilemma", handle: (*Server).dilemma},
		{Method: "GET", Path: "/api/simulate", Heavy: true, handle: (*Server).simulate},
		{Method: "GET", Path: "/api/panel/{kind}", Heavy: true, Stream: true, handle: (*Server).panel},
		{Method: "POST", Path: "/api/evaluate", handle: (*Server).evaluate},
		{Method: "GET", Path: "/api/scenarios", handle: (*Server).listScenarios},
		{Method: "POST", Path: "/api/scenarios", Write: true, handle: (*Server).createScenario},
		{Method: "GET", Path: "/api/scenarios/{id}", handle: (*Server).getScenario},
		{Method: "PUT", Path: "/api/scenarios/{id}", Write: true, handle: (*Server).updateScenario},
		{Method: "DELETE", Path: "/api/scenarios/{id}", Write: true, handle: (*Server).deleteScenario},
		{Method: "GET", Path: "/api/scenarios/{id}/versions", handle: (*Server).scenarioVersions},
		{Method: "GET", Path: "/api/scenarios/{id}/versions/{version}", handle: (*Server).getScenarioVersion},
	}
}

// wrap applies a route's rules: the token, the body limit, the time limit
// and the job limit; errors become JSON.
func (s *Server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if (rt.Write || !s.loopback) && rt.Path != "/api/health" && !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="entente"`)
			writeError(w, &apiError{Status: http.StatusUnauthorized, Code: "unauthorized",
				Message: "this request needs the header Authorization: Bearer TOKEN (the token entente serve printed the file of)"})
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		ctx := r.Context()
		if !rt.Stream {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, s.cfg.RequestTimeout)
			defer cancel()
		}
		if rt.Heavy {
			select {
			case s.jobs <- struct{}{}:
				defer func() { <-s.jobs }()
			case <-ctx.Done():
				writeError(w, &apiError{Status: http.StatusServiceUnavailable, Code: "busy", Message: "too many computations running; try again"})
				return
			}
		}
		sw := &startedWriter{ResponseWriter: w}
		if err := rt.handle(s, sw, r.WithContext(ctx)); err != nil {
			if sw.started {
				// The response is under way (a client that went away, a
				// stream that broke): the status is sent, only the log
				// can tell.
				s.log.Debug("response cut short", "method", r.Method, "path", r.URL.Path, "err", err)
				return
			}
			status, _ := classify(err)
			if status >= 500 {
				s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
			}
			writeError(w, err)
		}
	})
}

// startedWriter records whether a handler has sent its status.
type startedWriter struct {
	http.ResponseWriter
	started bool
}

func (w *startedWriter) WriteHeader(code int) {
	w.started = true
	w.ResponseWriter.WriteHeader(code)
}

func (w *startedWriter) Write(b []byte) (int, error) {
	w.started = true
	return w.ResponseWriter.Write(b)
}

func (w *startedWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *startedWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func writeError(w http.ResponseWriter, err error) {
	status, body := classify(err)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

// writeJSON writes v with worldjson.Write, the encoder the CLI's
// --format json uses.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	return worldjson.Write(w, v)
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, map[string]any{"ok": true, "data": s.cfg.DataDir != ""})
}

// yearsJSON says which worlds the server has.
type yearsJSON struct {
	First    int  `json:"first,omitempty"`
	Last     int  `json:"last,omitempty"`
	Embedded int  `json:"embedded"`
	Data     bool `json:"data"`
}

func (s *Server) years(w http.ResponseWriter, r *http.Request) error {
	def, err := worldfile.Default()
	if err != nil {
		return err
	}
	out := yearsJSON{Embedded: def.Year}
	if s.cfg.DataDir != "" {
		h, err := s.history()
		if err != nil {
			return err
		}
		out.First, out.Last = h.Span()
		out.Data = true
	}
	return writeJSON(w, http.StatusOK, out)
}

// worldOfYear returns the embedded world for year 0 (or the embedded
// world's year without data), else the historical world of year.
func (s *Server) worldOfYear(year int) (*world.World, error) {
	def, err := worldfile.Default()
	if err != nil {
		return nil, err
	}
	if year == 0 || (year == def.Year && s.cfg.DataDir == "") {
		return def, nil
	}
	h, err := s.history()
	if err != nil {
		return nil, err
	}
	if first, last := h.Span(); year < first || year > last {
		return nil, &apiError{Status: http.StatusNotFound, Code: "no_world",
			Message: fmt.Sprintf("year %d: the data cover %d–%d; omit year for the embedded %d world", year, first, last, def.Year)}
	}
	w, err := h.World(year)
	if err != nil {
		return nil, fmt.Errorf("world of %d: %w", year, err)
	}
	return w, nil
}

// queryWorld returns the world a request's query selects: ?scenario=ID
// [&version=V], ?year=Y, or the embedded world. For a year or the embedded
// world it also returns the cache entry: the world is then shared with
// other requests, and callers only read it.
func (s *Server) queryWorld(r *http.Request) (*world.World, *cacheEntry, error) {
	q := r.URL.Query()
	if id := q.Get("scenario"); id != "" {
		if q.Has("year") {
			return nil, nil, badRequest("bad_query", "scenario and year are exclusive")
		}
		v, err := intParam(q.Get("version"), "version", 0)
		if err != nil {
			return nil, nil, err
		}
		sc, _, err := s.loadScenario(r.Context(), id, v)
		if err != nil {
			return nil, nil, err
		}
		w, err := s.build(sc)
		return w, nil, err
	}
	year, err := intParam(q.Get("year"), "year", 0)
	if err != nil {
		return nil, nil, err
	}
	e, err := s.worlds.get(year, s.worldOfYear)
	if err != nil {
		return nil, nil, err
	}
	return e.w, e, nil
}

func intParam(v, name string, def int) (int, error) {
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, badRequest("bad_query", "%s %q: want a whole number >= 0", name, v)
	}
	return n, nil
}

func (s *Server) getWorld(w http.ResponseWriter, r *http.Request) error {
	wd, e, err := s.queryWorld(r)
	if err != nil {
		return err
	}
	if e != nil {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		_, err := w.Write(e.json())
		return err
	}
	return writeJSON(w, http.StatusOK, worldjson.View(wd))
}

// postWorld validates a world file (YAML) and returns it as JSON, as
// "entente world --world FILE --format json" does; ?name= is the file name
// errors carry (default scenario.yaml).
func (s *Server) postWorld(w http.ResponseWriter, r *http.Request) error {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	name := r.URL.Query().Get("name")
	if name == "" {
		name = scenarioFile
	}
	wd, err := worldfile.Parse(name, b)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, worldjson.View(wd))
}

// threatRows computes the threat matrix of wd (or takes e's) and returns
// the rows the query asks for: those faced by ?state=, the first ?top=.
func threatRows(wd *world.World, e *cacheEntry, r *http.Request) ([]threat.Threat, *threat.Matrix, error) {
	q := r.URL.Query()
	state, err := intParam(q.Get("state"), "state", 0)
	if err != nil {
		return nil, nil, err
	}
	top, err := intParam(q.Get("top"), "top", 0)
	if err != nil {
		return nil, nil, err
	}
	m, err := matrixOf(wd, e)
	if err != nil {
		return nil, nil, err
	}
	var rows []threat.Threat
	if state != 0 {
		if !m.Has(state) {
			return nil, nil, &apiError{Status: http.StatusNotFound, Code: "no_state",
				Message: fmt.Sprintf("state %d is not in the world of %d", state, wd.Year)}
		}
		rows = m.Faced(state)
	} else {
		rows = m.All()
	}
	if top > 0 && len(rows) > top {
		rows = rows[:top]
	}
	if rows == nil {
		rows = []threat.Threat{}
	}
	return rows, m, nil
}

// matrixOf returns the default threat matrix of wd, cached in e when e is
// not nil.
func matrixOf(wd *world.World, e *cacheEntry) (*threat.Matrix, error) {
	if e != nil {
		return e.matrix()
	}
	return threat.Compute(wd, threat.DefaultOptions())
}

func (s *Server) threat(w http.ResponseWriter, r *http.Request) error {
	wd, e, err := s.queryWorld(r)
	if err != nil {
		return err
	}
	rows, _, err := threatRows(wd, e, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, rows)
}

func predictions(wd *world.World, e *cacheEntry, state int) ([]align.Prediction, error) {
	m, err := matrixOf(wd, e)
	if err != nil {
		return nil, err
	}
	if state != 0 && !m.Has(state) {
		return nil, &apiError{Status: http.StatusNotFound, Code: "no_state",
			Message: fmt.Sprintf("state %d is not in the world of %d", state, wd.Year)}
	}
	ps, err := align.Predict(wd, m, align.DefaultOptions())
	if err != nil {
		return nil, err
	}
	if state != 0 {
		for _, p := range ps {
			if p.State == state {
				return []align.Prediction{p}, nil
			}
		}
	}
	return ps, nil
}

func (s *Server) align(w http.ResponseWriter, r *http.Request) error {
	wd, e, err := s.queryWorld(r)
	if err != nil {
		return err
	}
	state, err := intParam(r.URL.Query().Get("state"), "state", 0)
	if err != nil {
		return err
	}
	ps, err := predictions(wd, e, state)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, ps)
}

var reportTypes = map[string]string{
	"json": "application/json", "html": "text/html; charset=utf-8",
	"markdown": "text/markdown; charset=utf-8", "text": "text/plain; charset=utf-8",
}

func (s *Server) report(w http.ResponseWriter, r *http.Request) error {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	ct, ok := reportTypes[format]
	if !ok {
		return badRequest("bad_query", "format %q: want %s", format, strings.Join(report.Formats, ", "))
	}
	wd, _, err := s.queryWorld(r)
	if err != nil {
		return err
	}
	rep, err := report.Build(wd)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", ct)
	if format == "html" {
		// The report's HTML carries its own inline style; it is a
		// document to save, not part of the application.
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'")
	}
	return report.Write(w, rep, format)
}

// panel streams a state-year or dyad-year panel as CSV (default) or
// Parquet, built year by year as the CLI's "entente panel" does.
func (s *Server) panel(w http.ResponseWriter, r *http.Request) error {
	kind := r.PathValue("kind")
	q := r.URL.Query()
	opt := panel.DefaultOptions()
	if y := q.Get("years"); y != "" {
		from, to, ok := parseYearRange(y)
		if !ok {
			return badRequest("bad_query", "years %q: want FROM-TO or one year", y)
		}
		opt.From, opt.To = from, to
	}
	if v := q.Get("vars"); v != "" {
		opt.Vars = strings.Split(v, ",")
	}
	var plan *panel.Plan
	var err error
	switch kind {
	case "dyads":
		opt.Nondirected = q.Get("nondirected") == "true"
		if f := q.Get("filter"); f != "" {
			if opt.Filter, err = panel.ParseFilter(f); err != nil {
				return badRequest("bad_query", "filter: %v", err)
			}
		}
		if v := q.Get("valuation"); v != "" {
			if opt.Valuation, err = similarity.ParseValuation(v); err != nil {
				return badRequest("bad_query", "valuation: %v", err)
			}
		}
		plan, err = panel.DyadPlan(opt)
	case "states":
		plan, err = panel.StatePlan(opt)
	default:
		return &apiError{Status: http.StatusNotFound, Code: "not_found", Message: fmt.Sprintf("panel %q: want dyads or states", kind)}
	}
	if err != nil {
		return badRequest("bad_query", "%v", err)
	}
	format := q.Get("format")
	if format == "" {
		format = "csv"
	}
	var pf panel.Format
	switch format {
	case "csv":
		pf, _ = panel.FormatOf("x.csv")
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	case "parquet":
		pf, _ = panel.FormatOf("x.parquet")
		w.Header().Set("Content-Type", "application/vnd.apache.parquet")
	default:
		return badRequest("bad_query", "format %q: want csv or parquet", format)
	}
	h, err := s.history()
	if err != nil {
		return err
	}
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.%s"`, kind, format))
	pw, err := panel.NewWriter(w, pf, plan.Columns())
	if err != nil {
		return err
	}
	if _, err := plan.Build(r.Context(), h, pw); err != nil {
		panel.Abort(pw)
		// Headers may be gone already; a broken stream is all the
		// client can be told then.
		return err
	}
	return pw.Close()
}

func parseYearRange(s string) (int, int, bool) {
	a, b, found := strings.Cut(s, "-")
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to := from
	var err2 error
	if found {
		to, err2 = strconv.Atoi(strings.TrimSpace(b))
	}
	return from, to, err1 == nil && err2 == nil && from <= to
}

// evaluation is the models run on one world, for the scenario editor.
type evaluation struct {
	World   worldjson.World    `json:"world"`
	Align   []align.Prediction `json:"align"`
	Threats []threat.Threat    `json:"threats"`
}

func (s *Server) evaluateWorld(wd *world.World, r *http.Request) (*evaluation, error) {
	ps, err := predictions(wd, nil, 0)
	if err != nil {
		return nil, err
	}
	rows, _, err := threatRows(wd, nil, r)
	if err != nil {
		return nil, err
	}
	return &evaluation{World: worldjson.View(wd), Align: ps, Threats: rows}, nil
}

// evaluate runs the models on a scenario (the body) and on its base world,
// so that a client can show the differences. ?state= and ?top= select the
// threat rows as for /api/threat.
func (s *Server) evaluate(w http.ResponseWriter, r *http.Request) error {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	sc, err := decodeScenario(b)
	if err != nil {
		return err
	}
	edited, err := s.build(sc)
	if err != nil {
		return err
	}
	base, err := s.baseWorld(sc)
	if err != nil {
		return err
	}
	be, err := s.evaluateWorld(base, r)
	if err != nil {
		return err
	}
	se, err := s.evaluateWorld(edited, r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]*evaluation{"base": be, "scenario": se})
}
