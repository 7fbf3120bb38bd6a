package cli

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// update rewrites the golden files instead of comparing with them, as
// cmd/gofmt's tests do: go test ./internal/cli -run TestGolden -update.
var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenCases are the commands whose whole output is checked against
// testdata/golden/NAME.golden, on the embedded 2024 world and on the World
// of 1914 built from the real data ($DATA in args). Long outputs are cut
// with --top so that the files stay readable; panels keep to derived
// variables. An output that would copy a dataset's rows into the
// repository (the 1914 World as JSON holds every NMC figure of the year) is
// kept as its SHA-256 only.
var goldenCases = []struct {
	name string
	args string
	data bool // needs the data directory
	hash bool // keep the output's SHA-256, not the output
}{
	{"world_2024_text", "world", false, false},
	{"world_2024_json", "world --format json", false, false},
	{"world_1914_text", "world --year 1914 --data $DATA", true, false},
	{"world_1914_json", "world --year 1914 --data $DATA --format json", true, true},
	{"threat_2024_text", "threat --top 60", false, false},
	{"threat_2024_json", "threat --top 20 --format json", false, false},
	{"threat_2024_state_text", "threat --state 2 --top 5", false, false},
	{"threat_1914_text", "threat --year 1914 --data $DATA --top 60", true, false},
	{"threat_1914_json", "threat --year 1914 --data $DATA --top 20 --format json", true, false},
	{"align_2024_text", "align", false, false},
	{"align_2024_json", "align --state 2 --format json", false, false},
	{"align_1914_text", "align --year 1914 --data $DATA", true, false},
	{"align_1914_json", "align --year 1914 --data $DATA --format json", true, false},
	{"align_1914_state_text", "align --year 1914 --data $DATA --state 255", true, false},
	{"report_2024_text", "report", false, false},
	{"report_2024_markdown", "report --format markdown", false, false},
	{"report_2024_json", "report --format json", false, false},
	{"report_2024_html", "report --format html", false, false},
	{"report_1914_text", "report --year 1914 --data $DATA", true, false},
	{"report_1914_json", "report --year 1914 --data $DATA --format json", true, false},
	{"landscape_2024_text", "landscape --states USA,RUS,CHN,GBR,FRA,DEU,IND,JPN", false, false},
	{"landscape_2024_json", "landscape --states USA,RUS,CHN,GBR,FRA,DEU,IND,JPN --format json", false, false},
	{"landscape_1914_text", "landscape --year 1914 --data $DATA --states UKG,FRN,RUS,GMY,AUH,ITA,USA,JPN", true, false},
	{"landscape_1914_json", "landscape --year 1914 --data $DATA --states UKG,FRN,RUS,GMY,AUH,ITA,USA,JPN --format json", true, false},
	{"dilemma_2024_text", "dilemma --alliance world:us-rok --tighten 1", false, false},
	{"dilemma_1913_text", "dilemma --year 1913 --data $DATA --alliance atop:1335 --loosen 1", true, false},
	{"dilemma_1913_asymmetry", "dilemma --year 1913 --data $DATA --alliance atop:1350 --asymmetry", true, false},
	{"chain_text", "chain --data $DATA", true, false},
	{"scorecard_text", "scorecard --data $DATA --replicates 50", true, false},
	{"scorecard_json", "scorecard --data $DATA --replicates 50 --format json", true, false},
	{"credibility_2024_text", "credibility --patron RUS", false, false},
	{"credibility_2024_json", "credibility --patron CHN --format json", false, false},
	{"credibility_1914_text", "credibility --year 1914 --data $DATA --patron UKG", true, false},
	{"data_sources_text", "data sources", false, false},
	{"data_sources_json", "data sources --format json", false, false},
	{"panel_states_1914", "panel states --data $DATA --years 1914-1914 --vars cowmaj,atop_ndefense,atop_nallies,cow_ndefense,cow_nallies,nland,ncontig", true, false},
	{"panel_dyads_1914", "panel dyads --data $DATA --years 1914-1914 --filter major --nondirected --vars cow_defense,cow_entente,atop_defense,conttype,capdist_km,sim_taub,sim_s", true, false},
}

// TestGolden runs each command and compares its standard output and exit
// code with its golden file.
func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := strings.Fields(tc.args)
			if tc.data {
				dir := testenv.DataDir(t)
				for i, a := range args {
					args[i] = strings.ReplaceAll(a, "$DATA", dir)
				}
			}
			out, errs, code := runCLI(t, nil, args...)
			got := "exit " + strconv.Itoa(code) + "\n" + out
			if tc.hash {
				got = fmt.Sprintf("exit %d\nsha256 %x\n", code, sha256.Sum256([]byte(out)))
			}
			path := filepath.Join("testdata", "golden", tc.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestGolden -update to create it)", err)
			}
			if got != string(want) {
				diff := firstDiff(got, string(want))
				if tc.hash {
					diff = "the output is kept as its SHA-256; run the command to see it"
				}
				t.Errorf("entente %s: output differs from %s (stderr %q)\n%s", tc.args, path, errs, diff)
			}
		})
	}
}

// firstDiff describes the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return "(same lines, different line endings)"
}
