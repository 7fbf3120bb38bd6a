package server

import (
	"encoding/json"
	"testing"

	"github.com/entente/entente/simulate"
)

// TestSimulate serves a shipped scenario's summary, the same for the same
// seed, and refuses unknown scenarios and out-of-range runs.
func TestSimulate(t *testing.T) {
	_, ts := newTest(t, nil)
	get := func() simulate.Summary {
		code, b, _ := call(t, "GET", ts.URL+"/api/simulate?scenario=baltic-crisis&runs=50&seed=3", "", nil)
		var s simulate.Summary
		if err := json.Unmarshal(b, &s); code != 200 || err != nil || s.Runs != 50 || s.War == nil || len(s.States) == 0 {
			t.Fatalf("simulate: %d %.300s (%v)", code, b, err)
		}
		return s
	}
	a, b := get(), get()
	if a.States[2].Side != b.States[2].Side || a.War.MeanSize != b.War.MeanSize {
		t.Errorf("the same seed gave %v and %v", a.States[2], b.States[2])
	}
	for _, q := range []string{"scenario=atlantis", "scenario=baltic-crisis&runs=0", "scenario=baltic-crisis&runs=100001", "scenario=baltic-crisis&seed=-1"} {
		code, body, _ := call(t, "GET", ts.URL+"/api/simulate?"+q, "", nil)
		if code != 400 || decodeError(t, body).Code != "bad_query" {
			t.Errorf("%s: %d %s; want 400 bad_query", q, code, body)
		}
	}
}
