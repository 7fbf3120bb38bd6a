package cli

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

func TestScorecardUsage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"no data", []string{"scorecard"}, 2, "no data directory"},
		{"bad format", []string{"scorecard", "--format", "xml"}, 2, "unknown --format"},
		{"bad risk", []string{"scorecard", "--risk", "some", "--data", "x"}, 2, "--risk"},
		{"negative replicates", []string{"scorecard", "--replicates", "-1", "--data", "x"}, 2, "--replicates"},
		{"arguments", []string{"scorecard", "x"}, 2, "no arguments"},
		{"unknown kind", []string{"scorecard", "--kind", "defence", "--data", "x"}, 2, "--kind: unknown outcome kind \"defence\" (want atop, atop-defense, cow)"},
		{"unknown table", []string{"scorecard", "--table", "some", "--data", "x"}, 2, "--table"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, nil, tc.args...)
			if code != tc.code || !strings.Contains(out+errs, tc.contains) {
				t.Fatalf("exit %d (want %d), output %q (want %q)", code, tc.code, out+errs, tc.contains)
			}
		})
	}
}

// TestScorecardRealData runs the whole backtest on the real data: every
// year 1817–2017 is scored for ATOP and 1817–2012 for COW, with 40 rows
// (2 sources × 5 eras × 4 hypotheses), and the same seed gives the same
// table.
func TestScorecardRealData(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("reads every year of the real data")
	}
	dir := testenv.DataDir(t)
	out, errs, code := runCLI(t, nil, "scorecard", "--data", dir, "--replicates", "50", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 76 || recs[0][0] != "source" || recs[0][9] != "rate_ratio" {
		t.Fatalf("%d records, header %v", len(recs), recs[0])
	}
	for _, r := range recs[1:] {
		if r[1] == "all" && (r[3] == "0" || r[9] == "") {
			t.Errorf("row %v: no new dyads or no ratio over all years", r)
		}
	}
	again, _, _ := runCLI(t, nil, "scorecard", "--data", dir, "--replicates", "50", "--format", "csv")
	if again != out {
		t.Errorf("the same seed gave a different scorecard")
	}
	js, errs, code := runCLI(t, nil, "scorecard", "--data", dir, "--table", "rates", "--replicates", "0", "--format", "json")
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errs)
	}
	var doc struct {
		Rates struct {
			Years   map[string][2]int `json:"years"`
			Skipped []string          `json:"skipped"`
		} `json:"rate_ratios"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	res := doc.Rates
	if res.Years["ATOP 5.1 defense"] != [2]int{1817, 2017} {
		t.Errorf("ATOP defence years scored %v, want 1817–2017", res.Years["ATOP 5.1 defense"])
	}
	if res.Years["COW v4.1"] != [2]int{1817, 2012} || res.Years["ATOP 5.1"] != [2]int{1817, 2017} {
		t.Errorf("years scored %v, want COW 1817–2012 and ATOP 1817–2017", res.Years)
	}
	if len(res.Skipped) != 0 {
		t.Errorf("skipped %v", res.Skipped)
	}
}

// TestHistoricalWorlds runs threat and align on years across the span.
func TestHistoricalWorlds(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("reads the real data")
	}
	dir := testenv.DataDir(t)
	for _, y := range []string{"1816", "1914", "1962", "2016"} {
		for _, cmd := range []string{"threat", "align"} {
			if _, errs, code := runCLI(t, nil, cmd, "--year", y, "--data", dir, "--format", "json"); code != 0 {
				t.Errorf("%s --year %s: exit %d: %s", cmd, y, code, errs)
			}
		}
	}
	if _, errs, code := runCLI(t, nil, "threat", "--year", "1700", "--data", dir); code != 2 || !strings.Contains(errs, "--year 1700") || !strings.Contains(errs, "1816–2016") {
		t.Errorf("--year 1700: exit %d: %s", code, errs)
	}
	if _, errs, code := runCLI(t, nil, "threat", "--year", "2024", "--data", dir); code != 2 || !strings.Contains(errs, "--world embedded") {
		t.Errorf("--year 1700: exit %d: %s", code, errs)
	}
}

// TestScorecardAlignFlags checks that the choice thresholds reach the
// backtest and that a bad one names its flag.
func TestScorecardAlignFlags(t *testing.T) {
	t.Parallel()
	_, errs, code := runCLI(t, nil, "scorecard", "--weak", "2")
	if code != 2 || !strings.Contains(errs, "--weak") {
		t.Fatalf("--weak 2: exit %d, stderr %q; want exit 2 naming --weak", code, errs)
	}
}
