package server

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/termination"
)

// TestSurvival serves the reference construction (745 ATOP alliances, 411
// ended; internal/cli's TestServeSameJSONAsCLI checks the bytes against
// 'entente survival --format json') and refuses bad parameters with the
// parameter and its valid values.
func TestSurvival(t *testing.T) {
	dir := testenv.DataDir(t)
	_, ts := newTest(t, func(c *Config) { c.DataDir = dir })
	code, b, _ := call(t, "GET", ts.URL+"/api/survival?by=type", "", nil)
	var a termination.Analysis
	if err := json.Unmarshal(b, &a); code != 200 || err != nil {
		t.Fatalf("survival: %d %.300s", code, b)
	}
	if a.Spells != 745 || a.Ended != 411 || len(a.Survival) < 2 || len(a.Incidence) != 2 || a.Cox == nil || len(a.Cox.Lines) != 5 {
		t.Errorf("survival: %d spells, %d ended, %d curves, %d causes, cox %+v", a.Spells, a.Ended, len(a.Survival), len(a.Incidence), a.Cox)
	}
	if a.Cox != nil && (a.Cox.Lines[3].Name != "nonagg" || a.Cox.LogLik > -2390.1278 || a.Cox.LogLik < -2390.1280) {
		t.Errorf("survival: Cox %s, log partial likelihood %.4f; want nonagg fourth, -2390.1279", a.Cox.Lines[3].Name, a.Cox.LogLik)
	}
	for _, tc := range []struct{ query, code, says string }{
		{"source=cshapes", "bad_query", `source "cshapes": want atop or cow`},
		{"level=dyad", "bad_query", `level "dyad": want alliance or member`},
		{"by=era", "bad_query", `by "era": want type`},
		{"cause=war", "bad_query", `cause "war": want all, violation or other`},
		{"source=cow&cause=violation", "bad_query", "COW codes no cause of termination; use source atop"},
		{"ties=exact", "bad_query", `ties "exact": want efron or breslow`},
		{"covariates=bilat,polity", "bad_query", `covariates: no covariate "polity" for atop; valid: bilat, asymm`},
		{"formed=1989-1816", "bad_query", `formed "1989-1816": want FROM-TO`},
		{"formed=1700-1710", "bad_query", "no atop spells formed in 1700–1710"},
		{"bilateral=yes", "bad_query", `bilateral "yes": want true or false`},
		{"bilateral=true&covariates=bilat,defense", "bad_model", `covariate "bilat" is constant`},
	} {
		code, b, _ := call(t, "GET", ts.URL+"/api/survival?"+tc.query, "", nil)
		e := decodeError(t, b)
		if code != 400 || e.Code != tc.code || !strings.Contains(e.Message, tc.says) || strings.Contains(e.Message, "NaN") {
			t.Errorf("%s: %d %s; want 400 %s saying %q", tc.query, code, b, tc.code, tc.says)
		}
	}

	_, bare := newTest(t, nil)
	code, b, _ = call(t, "GET", bare.URL+"/api/survival", "", nil)
	if code != 404 || decodeError(t, b).Code != "no_data" {
		t.Errorf("without data: %d %s; want 404 no_data", code, b)
	}
}
