package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/internal/worldfile/worldfiletest"
)

// jsonExempt lists the commands that have no --format json, each with
// the reason. A new command must either take --format json (and is then
// run by TestEveryCommandJSON) or be listed here.
var jsonExempt = map[string]string{
	"help":         "prints help text",
	"version":      "prints one line of text",
	"data get":     "downloads data files; its output is a log of what was fetched",
	"panel dyads":  "writes tables (CSV, CSV.gz, Parquet) and a CSV or Markdown codebook, not documents",
	"panel states": "writes tables (CSV, CSV.gz, Parquet) and a CSV or Markdown codebook, not documents",
	"serve":        "a server; its API's JSON is tested in internal/server",
	"world import": "writes a world file (YAML)",
	"world export": "writes CSV tables",
	"merge":        "writes the merged Parquet tables and their manifest (JSON) to --out",
}

// jsonArgs gives the arguments a command needs besides --format json and
// its input (--world FILE, or --year Y with --data), by input: the name
// of a world file or of a year (as jsonRuns names them), or "*" for any
// other; "skip: REASON" leaves that run out; $DATA stands for the data
// directory. A command that runs on its
// defaults needs no entry.
var jsonArgs = map[string]map[string]string{
	"landscape": {
		"embedded world": "--states USA,RUS,CHN,GBR,FRA",
		"doc.yaml":       "skip: the documented example gives a CINC to one state only",
		"europe.yaml":    "--states USA,GBR,FRA,DEU,POL,RUS",
		"powers.yaml":    "--states USA,RUS,CHN,JPN,IND",
		"1914":           "--states UKG,FRN,GMY,RUS,AUH",
		"1980":           "--states USA,RUS,UKG,FRN,CHN",
	},
	"burden": {
		"1914": "skip: burdens (SIPRI's military expenditure shares) begin in 1949",
		"1980": "--alliance cow:227",
	},
	// The bootstrap's replicates change no field of the JSON; fewer make
	// the run faster.
	"scorecard": {"*": "--replicates 20"},
	// Each run fits the model on all of history; the embedded world and
	// 1980 cover both kinds of input.
	"forecast": {
		"embedded world": "--data $DATA",
		"1980":           "",
		"1914":           "skip: 1980 covers --year",
		"*":              "skip: a world file is scored like the embedded world",
	},
	// The model is fitted before --split and tested after it.
	"deterrence": {
		"1914": "--years 1816-1914 --split 1880",
		"1980": "--years 1946-1980 --split 1965",
	},
	"simulate": {"*": "--runs 20 baltic-crisis"},
}

// jsonYears are the historical years every command with --year (or
// --years) runs on.
var jsonYears = []int{1914, 1980}

// leafCommands returns every runnable command of the table with its path.
func leafCommands() map[string]*Command {
	out := map[string]*Command{}
	var walk func(cs []*Command, path []string)
	walk = func(cs []*Command, path []string) {
		for _, c := range cs {
			p := append(append([]string(nil), path...), c.Name())
			if c.Setup != nil {
				out[strings.Join(p, " ")] = c
			}
			walk(c.Sub, p)
		}
	}
	walk(sortedCommands(), nil)
	return out
}

// flagsOf returns the flags a command defines.
func flagsOf(c *Command) *flag.FlagSet {
	fs := flag.NewFlagSet("", flag.ContinueOnError)
	c.Setup(fs)
	return fs
}

// takesJSON reports whether the command's --format accepts json.
func takesJSON(fs *flag.FlagSet) bool {
	f := fs.Lookup("format")
	return f != nil && strings.Contains(f.Usage, "json")
}

// Every command either takes --format json or is exempt with a reason;
// an exempt command that has grown --format json must leave the list.
func TestJSONCoverage(t *testing.T) {
	leaves := leafCommands()
	for path, c := range leaves {
		_, exempt := jsonExempt[path]
		switch json := takesJSON(flagsOf(c)); {
		case !json && !exempt:
			t.Errorf("%s has no --format json: add it, or list the command in jsonExempt with the reason", path)
		case json && exempt:
			t.Errorf("%s takes --format json but is listed in jsonExempt: remove it", path)
		}
	}
	for path := range jsonExempt {
		if leaves[path] == nil {
			t.Errorf("jsonExempt lists %q, which is not a command", path)
		}
	}
}

// jsonWorlds writes the world files the commands with --world run on:
// the documented example, two cuts of the embedded world (the fuzz
// targets' seeds) and edits of the first cut; the embedded world itself is
// the run without --world.
func jsonWorlds(t *testing.T) map[string]string {
	dir := t.TempDir()
	files := map[string][]byte{"doc.yaml": worldfiletest.DocExample(t)}
	for name, keep := range map[string][]int{"europe.yaml": worldfiletest.Europe, "powers.yaml": worldfiletest.Powers} {
		b, err := worldfiletest.Cut(worldfile.DefaultYAML(), keep...)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	// Edited worlds (fuzzing's edits, fixed here): extreme figures,
	// deleted and duplicated members; the first five that validate.
	rng := rand.New(rand.NewPCG(11, 2026))
	for n := 0; n < 5 && len(files) < 8; n++ {
		for try := 0; try < 50; try++ {
			ops := make([]byte, 4*(1+rng.IntN(12)))
			for i := range ops {
				ops[i] = byte(rng.IntN(256))
			}
			b, err := worldfiletest.Edit(files["europe.yaml"], ops)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := worldfile.Parse("edited.yaml", b); err == nil {
				files[fmt.Sprintf("edited%d.yaml", n)] = b
				break
			}
		}
	}
	out := map[string]string{}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		out[name] = p
	}
	return out
}

// jsonRuns returns the invocations of command path: on the embedded world
// and each world file (commands with --world, or without --data), and on
// each of jsonYears (commands with --year or --years), or once on the
// data (commands that read only the data).
func jsonRuns(path string, fs *flag.FlagSet, worlds map[string]string, data string) map[string][]string {
	base := append(strings.Fields(path), "--format", "json")
	runs := map[string][]string{}
	add := func(name string, args ...string) {
		extra, ok := jsonArgs[path][name]
		if !ok {
			extra = jsonArgs[path]["*"]
		}
		if strings.HasPrefix(extra, "skip:") {
			return
		}
		extra = strings.ReplaceAll(extra, "$DATA", data)
		runs[name] = append(append(slices.Clone(base), args...), strings.Fields(extra)...)
	}
	hasData := fs.Lookup("data") != nil
	if fs.Lookup("world") != nil || !hasData {
		add("embedded world")
		if fs.Lookup("world") != nil {
			for name, p := range worlds {
				add(name, "--world", p)
			}
		}
	}
	if !hasData || data == "" {
		return runs
	}
	switch {
	case fs.Lookup("year") != nil:
		for _, y := range jsonYears {
			add(fmt.Sprint(y), "--data", data, "--year", fmt.Sprint(y))
		}
	case fs.Lookup("years") != nil:
		for _, y := range jsonYears {
			add(fmt.Sprint(y), "--data", data, "--years", fmt.Sprintf("%d-%d", y, y))
		}
	case fs.Lookup("world") == nil:
		add("data", "--data", data)
	}
	return runs
}

// Every command that takes --format json prints one valid JSON document,
// on the embedded world, on world files and on historical years (on an
// edited world it may instead refuse with an error message): no NaN
// or Inf (encoding/json refuses them, and they are not JSON), and no
// number spelt as a string ("NaN", "Inf") in place of null.
func TestEveryCommandJSON(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command")
	}
	data := testenv.DataDir(t)
	worlds := jsonWorlds(t)
	leaves := leafCommands()
	paths := make([]string, 0, len(leaves))
	for p := range leaves {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, path := range paths {
		fs := flagsOf(leaves[path])
		if !takesJSON(fs) {
			continue // TestJSONCoverage checks the exemption
		}
		for name, args := range jsonRuns(path, fs, worlds, data) {
			t.Run(path+"/"+name, func(t *testing.T) {
				t.Parallel()
				out, errs, code := runCLI(t, nil, args...)
				if strings.HasPrefix(name, "edited") && code != 0 {
					// An edited world may lack what the command needs
					// (a CINC, a state of jsonArgs): a clear error then.
					if code > 2 || strings.TrimSpace(errs) == "" {
						t.Fatalf("entente %s: exit %d: %s", strings.Join(args, " "), code, errs)
					}
					return
				}
				if code == 2 {
					t.Fatalf("entente %s: usage error %q: give the command its arguments in jsonArgs", strings.Join(args, " "), errs)
				}
				if code != 0 {
					t.Fatalf("entente %s: exit %d: %s", strings.Join(args, " "), code, errs)
				}
				if err := checkJSON([]byte(out)); err != nil {
					t.Errorf("entente %s: %v", strings.Join(args, " "), err)
				}
			})
		}
	}
}

// checkJSON reports why b is not one JSON document free of NaN and Inf.
func checkJSON(b []byte) error {
	if !json.Valid(b) {
		return errors.New("not valid JSON (NaN or Inf, or text around the document?)")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("more than one JSON document")
	}
	return walkJSON(v, "$")
}

// walkJSON finds a number out of float64's range or a string that spells
// a non-finite number where null belongs.
func walkJSON(v any, at string) error {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if err := walkJSON(e, at+"."+k); err != nil {
				return err
			}
		}
	case []any:
		for i, e := range x {
			if err := walkJSON(e, fmt.Sprintf("%s[%d]", at, i)); err != nil {
				return err
			}
		}
	case json.Number:
		if f, err := x.Float64(); err != nil || math.IsInf(f, 0) {
			return fmt.Errorf("%s: number %s out of range", at, x)
		}
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "nan", "inf", "+inf", "-inf", "infinity", "-infinity":
			return fmt.Errorf("%s: %q where a number or null belongs", at, x)
		}
	}
	return nil
}

// checkJSON itself catches what it must.
func TestCheckJSON(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{`{"a": 1, "b": null, "c": [1.5e300, "x"]}`, true},
		{`{"a": NaN}`, false},
		{`{"a": 1}{"b": 2}`, false},
		{`{"a": 1} trailing`, false},
		{`{"a": "NaN"}`, false},
		{`{"a": [1e400]}`, false},
		{`{"a": "-Inf"}`, false},
		{``, false},
	} {
		if err := checkJSON([]byte(tc.in)); (err == nil) != tc.ok {
			t.Errorf("checkJSON(%s) = %v, want ok %v", tc.in, err, tc.ok)
		}
	}
}
