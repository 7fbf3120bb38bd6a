package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// worldOut is the part of the world JSON shape that users rely on.
type worldOut struct {
	Year   int `json:"year"`
	States []struct {
		CCode int      `json:"ccode"`
		Name  string   `json:"name"`
		CINC  *float64 `json:"cinc"`
	} `json:"states"`
	Alliances []struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		Members     []int    `json:"members"`
		Obligations []string `json:"obligations"`
	} `json:"alliances"`
}

func decodeWorld(t *testing.T, out string) worldOut {
	t.Helper()
	var w worldOut
	if err := json.Unmarshal([]byte(out), &w); err != nil {
		t.Fatalf("world JSON: %v\n%s", err, out[:min(len(out), 500)])
	}
	return w
}

func TestWorldYearJSON(t *testing.T) {
	t.Parallel()
	dir := testenv.DataDir(t)
	out, errs, code := runCLI(t, map[string]string{"ENTENTE_DATA": dir}, "world", "--year", "1914", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	w := decodeWorld(t, out)
	if w.Year != 1914 || len(w.States) == 0 || len(w.Alliances) == 0 {
		t.Fatalf("year %d, %d states, %d alliances", w.Year, len(w.States), len(w.Alliances))
	}
	var haveGermany bool
	for _, s := range w.States {
		if s.CCode == 255 && s.CINC != nil && *s.CINC > 0.1 {
			haveGermany = true
		}
	}
	if !haveGermany {
		t.Error("Germany (255) missing from 1914 or its CINC below 0.1")
	}
	for _, a := range w.Alliances {
		if !strings.HasPrefix(a.ID, "cow:") && !strings.HasPrefix(a.ID, "atop:") {
			t.Errorf("alliance id %q has no source prefix", a.ID)
		}
		if len(a.Members) < 2 {
			t.Errorf("alliance %s has %d members in force", a.ID, len(a.Members))
		}
	}
}

// TestWorldFileSameShape checks that the embedded world prints in the same
// JSON shape as a historical year.
func TestWorldFileSameShape(t *testing.T) {
	t.Parallel()
	out, errs, code := runCLI(t, nil, "world", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	w := decodeWorld(t, out)
	if w.Year != 2024 {
		t.Fatalf("embedded world year %d, want 2024", w.Year)
	}
	var nato int
	for _, a := range w.Alliances {
		if strings.Contains(a.Name, "NATO") || strings.Contains(a.Name, "North Atlantic") {
			nato = len(a.Members)
		}
	}
	if nato != 32 {
		t.Fatalf("NATO has %d members in force, want 32", nato)
	}
}

func TestWorldErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad format", []string{"world", "--format", "xml"}, 2, "unknown --format"},
		{"stray argument", []string{"world", "1914"}, 2, "no positional arguments"},
		{"data without year", []string{"world", "--data", "/nonexistent"}, 2, "--data needs --year"},
		{"missing data dir", []string{"world", "--year", "1914", "--data", "/nonexistent/dir"}, 1, "/nonexistent/dir"},
		{"missing world file", []string{"world", "--world", "/nonexistent/w.yaml"}, 1, "w.yaml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := runCLI(t, nil, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.want) {
				t.Fatalf("exit %d, stderr %q; want exit %d containing %q", code, errs, tc.code, tc.want)
			}
		})
	}
}
