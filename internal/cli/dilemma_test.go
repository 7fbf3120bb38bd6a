package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/entente/entente/dilemma"
	"github.com/entente/entente/internal/testenv"
)

func TestDilemmaUsage(t *testing.T) {
	data := testenv.DataDir(t)
	env := map[string]string{"ENTENTE_DATA": data}
	for _, tc := range []struct {
		name     string
		args     []string
		contains string
	}{
		{"unknown alliance", []string{"dilemma", "--year", "2014", "--alliance", "atop:99999"}, `--alliance: alliance "atop:99999": not an alliance with two or more members in force; valid: `},
		{"non-member", []string{"dilemma", "--year", "2014", "--alliance", "atop:3180", "--state", "RUS"}, "--state RUS: Russia is not a member of atop:3180; valid: United States of America (2), Canada (20)"},
		{"unknown state", []string{"dilemma", "--year", "2014", "--state", "Atlantis"}, "--state"},
		{"both what-ifs", []string{"dilemma", "--tighten", "1", "--loosen", "1"}, "exclusive"},
		{"negative", []string{"dilemma", "--tighten", "-1"}, "want N >= 0"},
		{"chain years", []string{"chain", "--years", "1700-1800"}, `the wars and disputes cover 1816-2014`},
		{"chain format", []string{"chain", "--format", "xml"}, "unknown --format"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := runCLI(t, env, tc.args...)
			if code != 2 || !strings.Contains(errs, tc.contains) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errs, tc.contains)
			}
		})
	}
}

// TestDilemmaWhatIf: tightening NATO's commitments in 2014 lowers (or
// keeps) every member's abandonment fear and raises (or keeps) its
// entrapment risk, and --format json carries both.
func TestDilemmaWhatIf(t *testing.T) {
	env := map[string]string{"ENTENTE_DATA": testenv.DataDir(t)}
	out, errs, code := runCLI(t, env, "dilemma", "--year", "2014", "--alliance", "atop:3180", "--tighten", "1", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []struct {
		dilemma.Member
		WhatIf *dilemma.Outcome `json:"what_if"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 28 {
		t.Fatalf("%d NATO members in 2014, want 28", len(rows))
	}
	for _, r := range rows {
		if r.WhatIf == nil || r.WhatIf.Abandonment > r.Abandonment || r.WhatIf.Entrapment < r.Entrapment {
			t.Errorf("%d: abandonment %v → %v, entrapment %v → %v", r.State, r.Abandonment, r.WhatIf.Abandonment, r.Entrapment, r.WhatIf.Entrapment)
		}
	}
}
