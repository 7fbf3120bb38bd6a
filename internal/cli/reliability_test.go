package cli

import (
	"encoding/json"
	"github.com/entente/entente/reliability"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestReliabilityUsage(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": "/nonexistent"}
	for _, tc := range []struct {
		name     string
		args     []string
		contains string
	}{
		{"rule", []string{"--rule", "sabrosky"}, `--rule "sabrosky": want naive or llm`},
		{"by", []string{"--by", "decade"}, `--by "decade": want type, era or alliance`},
		{"years outside", []string{"--years", "1700-1800"}, `--years "1700-1800": the war data cover 1816-`},
		{"years reversed", []string{"--years", "1944-1816"}, "want FROM <= TO"},
		{"years text", []string{"--years", "nineteenth"}, "--years"},
		{"format", []string{"--format", "xml"}, "unknown --format"},
		{"arguments", []string{"extra"}, "no arguments"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := runCLI(t, env, append([]string{"reliability"}, tc.args...)...)
			if code != 2 || !strings.Contains(errs, tc.contains) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tc.contains)
			}
		})
	}
}

func TestReliabilityJSON(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	out, errs, code := runCLI(t, env, "reliability", "--rule", "llm", "--years", "1816-1944", "--by", "type", "--rows", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res reliability.Summary
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Overall) != 1 || res.Overall[0].N == 0 || len(res.Groups) != 4 || len(res.Rows) == 0 {
		t.Fatalf("overall %+v, %d groups, %d rows", res.Overall, len(res.Groups), len(res.Rows))
	}
	for _, r := range res.Rows {
		if r.Year < 1816 || r.Year > 1944 || r.Reason == "" || r.WarName == "" {
			t.Fatalf("row outside the years or unexplained: %+v", r)
		}
	}
}
