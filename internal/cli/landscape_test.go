package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// syriaDir returns the Syria 2016 fixture directory, skipping (failing
// under CI=true) when the shared fixtures are absent.
func syriaDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(testenv.ModuleRoot(), "..", "shared", "fixtures", "landscape", "syria2016")
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("fixture %s is missing (CI=true)", dir)
		}
		t.Skipf("fixture %s is missing", dir)
	}
	return dir
}

// TestLandscapeSyria runs the command on the fixture and checks the
// published result: unique minimum E = −83,200, {Tur, ISIS, Nursa}
// against the rest (alexanderfurnas/Landscape_Theory, Feb 2016).
func TestLandscapeSyria(t *testing.T) {
	t.Parallel()
	dir := syriaDir(t)
	args := []string{"landscape", "--actors", filepath.Join(dir, "actors.csv"),
		"--propensity", filepath.Join(dir, "propensity_raw.csv"), "--offset", "3"}
	out, errs, code := runCLI(t, nil, args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"E = -83200 (unique), basin 1.0000", "side 2: Tur, ISIS, Nursa",
		"side 1: US, Rus, Syr, S.A., Iran, Hez, IqKrd, Iraq", "local minima: 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	out, errs, code = runCLI(t, nil, append(args, "--format", "json")...)
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errs)
	}
	var got struct {
		Global struct {
			Energy   float64    `json:"energy"`
			Sides    [][]string `json:"sides"`
			Basin    *float64   `json:"basin"`
			Weighted []float64  `json:"weighted_frustration"`
		} `json:"global"`
		Minima []struct {
			Energy float64    `json:"energy"`
			Sides  [][]string `json:"sides"`
			Basin  *float64   `json:"basin"`
		} `json:"minima"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if got.Global.Energy != -83200 || len(got.Minima) != 1 || got.Minima[0].Energy != -83200 {
		t.Errorf("global %v, minima %+v; want one minimum at -83200", got.Global.Energy, got.Minima)
	}
	if !slices.Equal(got.Global.Sides[1], []string{"Tur", "ISIS", "Nursa"}) {
		t.Errorf("sides %v", got.Global.Sides)
	}
	if got.Global.Basin == nil || *got.Global.Basin != 1 {
		t.Errorf("basin %v, want 1", got.Global.Basin)
	}
	wantSF := []float64{-1900, -2200, -11500, -1500, -2100, -2400, -38000, -2200, -8800, -2100, -10500}
	if !slices.Equal(got.Global.Weighted, wantSF) {
		t.Errorf("s·F = %v, want %v", got.Global.Weighted, wantSF)
	}

	// Three coalitions allowed (Florian & Galam 2000): ISIS stands alone,
	// the US and Russian camps split, and Nursa, whose propensities are
	// all −1, is indifferent between them: two minima at E = −99,000.
	out, errs, code = runCLI(t, nil, append(args, "--coalitions", "3", "--format", "json")...)
	if code != 0 {
		t.Fatalf("k=3: exit %d: %s", code, errs)
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Global.Energy != -99000 || len(got.Minima) != 3 || got.Minima[1].Energy != -99000 {
		t.Errorf("k=3: global E = %v, %d minima; want -99000 twice of 3", got.Global.Energy, len(got.Minima))
	}
	if s := got.Global.Sides; len(s) != 3 || !slices.Equal(s[2], []string{"ISIS"}) ||
		!slices.Equal(s[0], []string{"US", "Tur", "S.A.", "IqKrd", "Iraq"}) {
		t.Errorf("k=3: sides %v", s)
	}
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestLandscapeBadInput checks that bad input gets an error naming the
// file, line and column, and bad flags a usage error.
func TestLandscapeBadInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	actors := writeFile(t, dir, "actors.csv", "actor,size\nA,1\nB,2\nC,3\n")
	good := "actor,A,B,C\nA,,1,2\nB,1,,3\nC,2,3,\n"
	var big strings.Builder
	var bigP strings.Builder
	big.WriteString("actor,size\n")
	bigP.WriteString("actor")
	for i := range 40 {
		big.WriteString("a" + string(rune('0'+i/10)) + string(rune('0'+i%10)) + ",1\n")
		bigP.WriteString(",a" + string(rune('0'+i/10)) + string(rune('0'+i%10)))
	}
	bigP.WriteString("\n")
	for i := range 40 {
		bigP.WriteString("a" + string(rune('0'+i/10)) + string(rune('0'+i%10)))
		for j := range 40 {
			if i == j {
				bigP.WriteString(",")
			} else {
				bigP.WriteString(",1")
			}
		}
		bigP.WriteString("\n")
	}
	bigA := writeFile(t, dir, "big_actors.csv", big.String())
	bigM := writeFile(t, dir, "big_prop.csv", bigP.String())
	tests := []struct {
		name   string
		actors string
		prop   string
		extra  []string
		code   int
		want   []string
	}{
		{"asymmetric", actors, "actor,A,B,C\nA,,1,2\nB,1,,3\nC,2,4,\n", nil, 1,
			[]string{"asym.csv:4:3", `field "B"`, "not symmetric", `expected 3 (as in row B, column C), found "4"`}},
		{"non-numeric", actors, "actor,A,B,C\nA,,1,x\nB,1,,3\nC,2,3,\n", nil, 1,
			[]string{"non-numeric.csv:2:4", `field "C"`, "expected a number", `found "x"`}},
		{"missing cell", actors, "actor,A,B,C\nA,,1,\nB,1,,3\nC,2,3,\n", nil, 1,
			[]string{"missing-cell.csv:2:4", `field "C"`, "missing value"}},
		{"missing actor column", actors, "actor,A,B\nA,,1\nB,1,\n", nil, 1,
			[]string{"missing-actor-column.csv:1", "missing actor", `a column for actor "C"`}},
		{"missing actor row", actors, "actor,A,B,C\nA,,1,2\nB,1,,3\n", nil, 1,
			[]string{"missing-actor-row.csv:4:1", `a row for actor "C"`}},
		{"unknown actor", actors, "actor,A,B,D\nA,,1,2\nB,1,,3\nD,2,3,\n", nil, 1,
			[]string{"unknown-actor.csv:1:4", "unknown actor", `found "D"`}},
		{"too large for exact", bigA, bigM, []string{"--method", "exact"}, 1,
			[]string{"40 actors", "too large for exact search", "at most 36"}},
		{"bad method", actors, good, []string{"--method", "magic"}, 2, []string{"unknown method"}},
		{"k=1", actors, good, []string{"--coalitions", "1"}, 2, []string{"want K from 2 to 255"}},
		{"bad rule", actors, good, []string{"--rule", "nope"}, 2, []string{"unknown rule"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			prop := tc.prop
			if !strings.HasSuffix(prop, ".csv") {
				name := strings.ReplaceAll(tc.name, " ", "-") + ".csv"
				if tc.name == "asymmetric" {
					name = "asym.csv"
				}
				prop = writeFile(t, dir, name, tc.prop)
			}
			args := append([]string{"landscape", "--actors", tc.actors, "--propensity", prop}, tc.extra...)
			_, errs, code := runCLI(t, nil, args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q lacks %q", errs, w)
				}
			}
		})
	}

	// A bad actors file names its line and column too.
	bad := writeFile(t, dir, "bad_actors.csv", "actor,size\nA,1\nB,big\n")
	_, errs, code := runCLI(t, nil, "landscape", "--actors", bad, "--propensity", writeFile(t, dir, "g.csv", good))
	if code != 1 || !strings.Contains(errs, "bad_actors.csv:3:2") {
		t.Errorf("bad size: exit %d, stderr %q", code, errs)
	}
	// Usage errors.
	for _, args := range [][]string{
		{"landscape"},
		{"landscape", "--actors", actors},
		{"landscape", "--actors", actors, "--propensity", bad, "--states", "UKG,FRN"},
		{"landscape", "--year", "1936"},
		{"landscape", "--states", "GBR"},
	} {
		if _, errs, code := runCLI(t, nil, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2; stderr %q", args, code, errs)
		}
	}
}

// TestLandscapeAnneal runs the heuristic through the command and checks
// that it finds the exact minimum of the fixture.
func TestLandscapeAnneal(t *testing.T) {
	t.Parallel()
	dir := syriaDir(t)
	out, errs, code := runCLI(t, nil, "landscape", "--actors", filepath.Join(dir, "actors.csv"),
		"--propensity", filepath.Join(dir, "propensity_raw.csv"), "--offset", "3", "--method", "anneal", "--seed", "7", "--samples", "500")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "parallel tempering") || !strings.Contains(out, "E = -83200") ||
		!strings.Contains(out, "seeded random sample of 500") {
		t.Errorf("output:\n%s", out)
	}
	// With one replica the heuristic is simulated annealing, and says so.
	out, errs, code = runCLI(t, nil, "landscape", "--actors", filepath.Join(dir, "actors.csv"),
		"--propensity", filepath.Join(dir, "propensity_raw.csv"), "--offset", "3", "--method", "anneal", "--replicas", "1", "--basins=false")
	if code != 0 || !strings.Contains(out, "simulated annealing") || !strings.Contains(out, "E = -83200") {
		t.Errorf("--replicas 1: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
}

// wwiiSide is each 1936 European state's side in the Second World War, our
// coding (docs/landscape.md): the side a state fought on; a state attacked
// or occupied counts with the enemies of its attacker (Czechoslovakia,
// Denmark, Greece, Poland, Yugoslavia with the Allies; Finland, attacked by
// the Soviet Union in 1939 and its co-belligerent against it 1941–44, and
// Estonia, Latvia and Lithuania, annexed by the Soviet Union in 1940, with
// the Axis); neutral Portugal, Britain's ally which opened the Azores to
// the Allies in 1943, with the Allies. Sources: I. C. B. Dear and M. R. D.
// Foot (eds.), The Oxford Companion to World War II (2001), entries for
// each country (the dates above are the standard ones).
var wwiiSide = map[string]string{
	"UKG": "Allies", "FRN": "Allies", "POL": "Allies", "RUS": "Allies", "CZE": "Allies",
	"DEN": "Allies", "GRC": "Allies", "YUG": "Allies", "POR": "Allies",
	"GMY": "Axis", "ITA": "Axis", "HUN": "Axis", "ROM": "Axis", "FIN": "Axis",
	"EST": "Axis", "LAT": "Axis", "LIT": "Axis",
}

// placedCorrectly counts the states on their wartime side, under the
// better of the two ways of naming the predicted sides.
func placedCorrectly(sides [][]string) int {
	if len(sides) != 2 {
		return 0
	}
	count := func(axis int) int {
		n := 0
		for i, s := range sides {
			want := "Allies"
			if i == axis {
				want = "Axis"
			}
			for _, a := range s {
				if wwiiSide[a] == want {
					n++
				}
			}
		}
		return n
	}
	return max(count(0), count(1))
}

// TestLandscapeEurope1936 runs the documented example on the real data:
// the 17 European states of Axelrod & Bennett (1993) in 1936, with
// propensities derived from the data with the default weights, and counts
// the states predicted on their wartime side (the paper: 15 of 17 with
// hand-coded propensities). The figure is recorded in docs/landscape.md.
func TestLandscapeEurope1936(t *testing.T) {
	t.Parallel()
	data := testenv.DataDir(t)
	out, errs, code := runCLI(t, nil, "landscape", "--year", "1936", "--data", data,
		"--states", "UKG,CZE,DEN,EST,FIN,FRN,GMY,GRC,HUN,ITA,LAT,LIT,POL,POR,ROM,RUS,YUG", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Global struct {
			Energy float64    `json:"energy"`
			Sides  [][]string `json:"sides"`
		} `json:"global"`
		Minima []json.RawMessage `json:"minima"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if n := placedCorrectly(got.Global.Sides); n != 10 {
		t.Errorf("%d of 17 on their wartime side, want 10 (docs/landscape.md); sides %v", n, got.Global.Sides)
	}
	if len(got.Minima) != 1 {
		t.Errorf("%d local minima, want 1", len(got.Minima))
	}
}

// TestLandscapeEmbeddedWorld runs --states alone on the embedded 2024
// world, whose relations code hostility: the United States and its Asian
// allies end on one side, China, Russia and North Korea on the other.
func TestLandscapeEmbeddedWorld(t *testing.T) {
	t.Parallel()
	out, errs, code := runCLI(t, nil, "landscape", "--states", "USA,CHN,RUS,JPN,KOR,PRK,GBR,FRA,DEU", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Global struct {
			Sides [][]string `json:"sides"`
		} `json:"global"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	side := map[string]int{}
	for i, s := range got.Global.Sides {
		for _, a := range s {
			side[a] = i
		}
	}
	// Actors are labelled world.ByAbbrev: the embedded world gives ISO3
	// codes and no COW abbreviations.
	us, cn := side["USA"], side["CHN"]
	if len(got.Global.Sides) != 2 || us == cn || side["JPN"] != us || side["KOR"] != us ||
		side["RUS"] != cn || side["PRK"] != cn {
		t.Errorf("sides %v", got.Global.Sides)
	}
}

// TestLandscapePower: --power sets the sizes from a GDP-based index
// (docs/power.md) and the JSON records it; an unknown index is a usage
// error listing the valid ones.
func TestLandscapePower(t *testing.T) {
	t.Parallel()
	out, errs, code := runCLI(t, nil, "landscape", "--states", "USA,CHN,RUS,GBR", "--power", "beckley", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Actors []struct {
			Name string  `json:"name"`
			Size float64 `json:"size"`
		} `json:"actors"`
		Weights struct {
			Size string
		} `json:"weights"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if got.Weights.Size != "beckley" {
		t.Errorf("weights record size index %q, want beckley", got.Weights.Size)
	}
	// GDP × GDP per capita: the United States far above China, unlike
	// CINC.
	if len(got.Actors) != 4 || got.Actors[0].Name != "USA" || got.Actors[1].Name != "CHN" || !(got.Actors[0].Size > 5*got.Actors[1].Size) {
		t.Errorf("actors %+v, want the USA's size over five times China's", got.Actors)
	}
	_, errs, code = runCLI(t, nil, "landscape", "--states", "USA,CHN", "--power", "milex")
	if code != 2 || !strings.Contains(errs, `--power: unknown power index "milex" (want one of cinc, gdp, sdp, beckley)`) {
		t.Errorf("--power milex: exit %d, %q", code, errs)
	}
}
