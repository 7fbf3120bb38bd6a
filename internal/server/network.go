package server

import (
	"fmt"
	"net/http"

	"github.com/entente/entente/network"
)

// network serves one year's alliance network as 'entente network --year Y
// --format F' writes it: JSON (the default), GraphML or GEXF, with each
// node's code, name, capability and bloc. Without a year (or with a
// scenario) it is the network of the world's own alliances.
func (s *Server) network(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	o := network.DefaultOptions()
	var err error
	if v := q.Get("type"); v != "" {
		if o.Type, err = network.ParseType(v); err != nil {
			return badRequest("bad_query", "type: %v", err)
		}
	}
	if v := q.Get("rule"); v != "" {
		if o.Rule, err = network.ParseRule(v); err != nil {
			return badRequest("bad_query", "rule: %v", err)
		}
	}
	format := q.Get("format")
	if format == "" {
		format = "json"
	}
	known := false
	for _, f := range network.GraphFormats {
		known = known || f == format
	}
	if !known {
		return badRequest("bad_query", "format %q: want one of %v", format, network.GraphFormats)
	}
	year, err := intParam(q.Get("year"), "year", 0)
	if err != nil {
		return err
	}
	var n *network.Network
	if year == 0 || q.Has("scenario") {
		o.Source = network.Files
		if v := q.Get("source"); v != "" && v != "world" {
			return badRequest("bad_query", "source %q: the embedded world and scenarios have their own alliances only (source world)", v)
		}
		wd, _, err := s.queryWorld(r)
		if err != nil {
			return err
		}
		if n, err = network.FromWorld(wd, o); err != nil {
			return badRequest("bad_query", "%v", err)
		}
	} else {
		if v := q.Get("source"); v != "" {
			if o.Source, err = network.ParseSource(v); err != nil {
				return badRequest("bad_query", "source: %v", err)
			}
		}
		if o.Source == network.Files {
			return badRequest("bad_query", "source world reads a world's own alliances: omit year, or use source atop or cow")
		}
		h, err := s.history()
		if err != nil {
			return err
		}
		first, last, err := network.Coverage(h, o.Source)
		if err != nil {
			return err
		}
		if year < first || year > last {
			return &apiError{Status: http.StatusNotFound, Code: "no_year",
				Message: fmt.Sprintf("year %d: outside %d-%d, the coverage of %s", year, first, last, o.Source)}
		}
		if n, _, err = network.FromHistory(h, year, o); err != nil {
			return err
		}
	}
	switch format {
	case "graphml":
		w.Header().Set("Content-Type", "application/graphml+xml")
	case "gexf":
		w.Header().Set("Content-Type", "application/xml")
	default:
		w.Header().Set("Content-Type", "application/json")
	}
	return n.WriteGraph(w, format, n.Blocs())
}
