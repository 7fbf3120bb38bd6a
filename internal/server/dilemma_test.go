package server

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/entente/entente/dilemma"
	"github.com/entente/entente/internal/testenv"
)

// TestDilemma serves NATO's members in 2014 with the tightening what-if,
// the embedded world's US–ROK treaty, and refuses an unknown alliance and
// a non-member with the valid choices.
func TestDilemma(t *testing.T) {
	dir := testenv.DataDir(t)
	_, ts := newTest(t, func(c *Config) { c.DataDir = dir })
	code, b, _ := call(t, "GET", ts.URL+"/api/dilemma?year=2014&alliance=atop:3180&tighten=1", "", nil)
	var rows []dilemma.Row
	if err := json.Unmarshal(b, &rows); code != 200 || err != nil || len(rows) != 28 {
		t.Fatalf("NATO 2014: %d %v %.300s", code, err, b)
	}
	for _, r := range rows {
		if r.WhatIf == nil || !r.Credibility.OK() || r.WhatIf.Abandonment > r.Abandonment || r.WhatIf.Entrapment < r.Entrapment {
			t.Errorf("%d: %+v", r.State, r)
		}
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/dilemma?alliance=world:us-rok", "", nil)
	if err := json.Unmarshal(b, &rows); code != 200 || err != nil || len(rows) != 2 {
		t.Fatalf("US–ROK: %d %v %.300s", code, err, b)
	}
	for q, want := range map[string]string{
		"year=2014&alliance=atop:99999":          "valid: ",
		"year=2014&alliance=atop:3180&state=365": "valid: 2, 20,",
		"tighten=1&loosen=1":                     "tighten and loosen",
	} {
		code, b, _ = call(t, "GET", ts.URL+"/api/dilemma?"+q, "", nil)
		if e := decodeError(t, b); code != 400 || e.Code != "bad_query" || !strings.Contains(e.Message, want) {
			t.Errorf("%s: %d %s; want 400 bad_query with %q", q, code, b, want)
		}
	}
}
