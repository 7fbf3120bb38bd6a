package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/worldfile"
)

func TestThreatCommand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		env      map[string]string
		args     []string
		code     int
		contains string
	}{
		{"embedded world", nil, []string{"threat", "--state", "200", "--top", "3"}, 0, "threats in 2024"},
		{"embedded world by year", nil, []string{"threat", "--year", "2024", "--top", "1"}, 0, "threats in 2024"},
		{"multiplicative", nil, []string{"threat", "--composite", "multiplicative", "--top", "2"}, 0, "multiplicative composite, max 1"},
		{"walt by default", nil, []string{"threat", "--top", "2"}, 0, "walt composite, max 1"},
		{"the seed's sum", nil, []string{"threat", "--composite", "sum", "--top", "2"}, 0, "sum composite, max 4"},
		{"embedded named", nil, []string{"threat", "--world", "embedded", "--top", "1"}, 0, "threats in 2024"},
		{"embedded with another year", nil, []string{"threat", "--world", "embedded", "--year", "1990"}, 2, "does not match the embedded world's year 2024"},
		{"gdp index", nil, []string{"threat", "--power-index", "gdp", "--top", "1"}, 0, "walt composite"},
		{"beckley index", nil, []string{"threat", "--power", "beckley", "--top", "1"}, 0, "walt composite"},
		{"sdp in a world file", nil, []string{"threat", "--power", "sdp"}, 1, "--power sdp: no state of the 2024 World has it"},
		{"unknown power index", nil, []string{"threat", "--power", "milex"}, 2, "--power: unknown power index \"milex\" (want one of cinc, gdp, sdp, beckley)"},
		{"unknown power index, old name", nil, []string{"threat", "--power-index", "sdp2"}, 2, "--power: unknown power index \"sdp2\""},
		{"composite lists the valid ones", nil, []string{"threat", "--composite", "max"}, 2, "want walt, sum"},
		{"boulding", nil, []string{"threat", "--gradient", "boulding", "--top", "2"}, 0, "boulding gradient"},
		{"unknown state", nil, []string{"threat", "--state", "1"}, 2, "--state: state 1 is not a member of the state system in 2024"},
		{"state by ISO3", nil, []string{"threat", "--state", "gbr", "--top", "1"}, 0, " 200  GBR"},
		{"state by name", nil, []string{"threat", "--state", "United Kingdom", "--top", "1"}, 0, " 200  GBR"},
		{"misspelt state", nil, []string{"threat", "--state", "Frnace"}, 2, "did you mean France (FRA, 220)"},
		{"bad format", nil, []string{"threat", "--format", "xml"}, 2, "unknown --format"},
		{"bad weights", nil, []string{"threat", "--weights", "1,2"}, 2, "four comma-separated"},
		{"negative weight", nil, []string{"threat", "--weights", "1,1,1,-1"}, 2, "weight intent"},
		{"bad composite", nil, []string{"threat", "--composite", "max"}, 2, "unknown composite"},
		{"bad half-life", nil, []string{"threat", "--half-life", "-1"}, 2, "--half-life: "},
		{"bad ally factor", nil, []string{"align", "--ally-factor", "2"}, 2, "--ally-factor: "},
		{"bad weak threshold", nil, []string{"align", "--weak", "2"}, 2, "--weak: align: weak = 2"},
		{"negative partners", nil, []string{"align", "--partners", "-1"}, 2, "--partners: "},
		{"bad miles per day", nil, []string{"threat", "--miles-per-day", "-5"}, 2, "--miles-per-day: "},
		{"zero weights", nil, []string{"threat", "--weights", "0,0,0,0"}, 2, "--weights: "},
		{"boulding json", nil, []string{"align", "--gradient", "boulding", "--format", "json"}, 0, `"conditions"`},
		{"negative top", nil, []string{"threat", "--top", "-1"}, 2, "--top"},
		{"data without year", nil, []string{"threat", "--data", "/nonexistent"}, 2, "--data needs --year"},
		{"year without data", nil, []string{"threat", "--year", "1914"}, 2, "no data directory"},
		{"world and data", nil, []string{"threat", "--world", "x.yaml", "--data", "d"}, 2, "exclusive"},
		{"missing world file", nil, []string{"threat", "--world", "/nonexistent.yaml"}, 1, "nonexistent"},
		{"arguments", nil, []string{"threat", "extra"}, 2, "no arguments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, tc.env, tc.args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, errs)
			}
			if !strings.Contains(out+errs, tc.contains) {
				t.Fatalf("output %q does not contain %q", out+errs, tc.contains)
			}
		})
	}
}

func TestThreatJSON(t *testing.T) {
	t.Parallel()
	out, errs, code := runCLI(t, nil, "threat", "--state", "365", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("no rows")
	}
	last := 1e9
	for _, r := range rows {
		for _, k := range []string{"from", "from_name", "to", "to_name", "total", "potential", "power", "proximity", "offense", "intent", "dyadic_power", "tie"} {
			if _, ok := r[k]; !ok {
				t.Fatalf("row %v lacks %q", r, k)
			}
		}
		if r["to"].(float64) != 365 {
			t.Fatalf("row %v: to is not 365", r)
		}
		if tot, ok := r["total"].(float64); ok {
			if tot > last {
				t.Fatalf("rows not sorted by total descending: %v after %v", tot, last)
			}
			last = tot
		}
	}
}

// TestWorldFileYear checks --world with and without a matching --year.
func TestWorldFileYear(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "w.yaml")
	if err := os.WriteFile(path, worldfile.DefaultYAML(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := runCLI(t, nil, "threat", "--world", path, "--top", "1"); code != 0 {
		t.Fatalf("--world: exit %d: %s", code, errs)
	}
	if _, errs, code := runCLI(t, nil, "threat", "--world", path, "--year", "2024", "--top", "1"); code != 0 {
		t.Fatalf("--world --year 2024: exit %d: %s", code, errs)
	}
	if _, errs, code := runCLI(t, nil, "threat", "--world", path, "--year", "1999"); code != 2 || !strings.Contains(errs, "does not match") {
		t.Fatalf("--world --year 1999: exit %d: %s", code, errs)
	}
}

func TestAlignCommand(t *testing.T) {
	t.Parallel()
	out, errs, code := runCLI(t, nil, "align", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var ps []map[string]any
	if err := json.Unmarshal([]byte(out), &ps); err != nil {
		t.Fatal(err)
	}
	if len(ps) < 10 {
		t.Fatalf("%d predictions", len(ps))
	}
	for _, k := range []string{"state", "name", "top_threat", "top_threat_name", "choice", "conditions", "partners"} {
		if _, ok := ps[0][k]; !ok {
			t.Fatalf("prediction %v lacks %q", ps[0], k)
		}
	}
	out, errs, code = runCLI(t, nil, "align", "--state", "2")
	if code != 0 || !strings.Contains(out, "conditions:") || !strings.Contains(out, "weak_state") {
		t.Fatalf("align --state 2: exit %d, %q %q", code, out, errs)
	}
	if _, errs, code := runCLI(t, nil, "align", "--weak", "2"); code != 2 {
		t.Fatalf("align --weak 2: exit %d: %s", code, errs)
	}
}
