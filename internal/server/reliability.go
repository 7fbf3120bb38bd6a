package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/entente/entente/history"
	"github.com/entente/entente/reliability"
)

// reliability serves the reliability table as 'entente reliability
// --format json' prints it: rule (llm by default, or naive), years A-B
// within the war data, by (type, era or alliance) and rows=true for every
// invocation.
func (s *Server) reliability(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	rule := q.Get("rule")
	if rule == "" {
		rule = string(reliability.LLM)
	}
	from, to := history.WarsFirst, history.WarsLast
	if v := q.Get("years"); v != "" {
		a, b, ok := strings.Cut(v, "-")
		if !ok {
			b = a
		}
		f, err1 := strconv.Atoi(a)
		t, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || f > t || f < from || t > to {
			return badRequest("bad_query", "years %q: want A-B within %d-%d, the war data", v, from, to)
		}
		from, to = f, t
	}
	rows := q.Get("rows") == "true"
	h, err := s.history()
	if err != nil {
		return err
	}
	naive, llm := reliability.FromHistory(h)
	sum, err := reliability.Summarize(naive, llm, rule, from, to, q.Get("by"), rows)
	if err != nil {
		return badRequest("bad_query", "%v", err)
	}
	return writeJSON(w, http.StatusOK, sum)
}
