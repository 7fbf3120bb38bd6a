package cli

import (
	"encoding/json"
	"github.com/entente/entente/credibility"
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

func TestCredibilityUsage(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": "/nonexistent"}
	for _, tc := range []struct {
		name     string
		args     []string
		contains string
	}{
		{"patron", []string{"credibility", "--patron", "Atlantis"}, "--patron"},
		{"half-life", []string{"credibility", "--half-life", "0"}, "--half-life 0: want a positive number"},
		{"format", []string{"credibility", "--format", "xml"}, "unknown --format"},
		{"spec", []string{"deterrence", "--spec", "walt"}, `--spec "walt": want leeds or credibility`},
		{"years", []string{"deterrence", "--years", "1816-2015"}, "the dispute data (outcomes in t+1) cover 1816-2009"},
		{"split", []string{"deterrence", "--split", "2009"}, "--split 2009: want a year in 1816..2008"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := runCLI(t, env, tc.args...)
			if code != 2 || !strings.Contains(errs, tc.contains) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tc.contains)
			}
		})
	}
}

// TestCredibilityNoCommitment: a state with no commitment gives an empty
// table that says why, exit 0.
func TestCredibilityNoCommitment(t *testing.T) {
	out, errs, code := runCLI(t, map[string]string{"ENTENTE_DATA": ""}, "credibility", "--patron", "Switzerland")
	if code != 0 || !strings.Contains(out, "Switzerland is the patron of no commitment in 2024") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestCredibilityJSON(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	out, errs, code := runCLI(t, env, "credibility", "--patron", "USA", "--protege", "KOR", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res credibility.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Commitments) != 1 || !res.Record {
		t.Fatalf("%+v", res)
	}
	c := res.Commitments[0]
	if !c.Reputation.OK() || !c.Signals.OK() || c.Detail.Provisions.Troops != 28500 || !c.Extended.Umbrella {
		t.Errorf("US-ROK: %+v", c)
	}
}
