package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// runCLI runs entente in-process and returns its output and exit code.
func runCLI(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string { return env[k] }}
	code = run(context.Background(), e, args)
	return out.String(), errb.String(), code
}

// exitCase is one run of entente: its arguments, the exit code it must
// give and a string its output (stdout and stderr together) must contain.
type exitCase struct {
	name     string
	args     []string
	code     int
	contains string
}

// checkExits runs each case as a subtest.
func checkExits(t *testing.T, tests []exitCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, nil, tc.args...)
			if code != tc.code {
				t.Fatalf("exit code = %d, want %d; stdout %q, stderr %q", code, tc.code, out, errs)
			}
			if !strings.Contains(out+errs, tc.contains) {
				t.Fatalf("output %q does not contain %q", out+errs, tc.contains)
			}
		})
	}
}

func TestTopLevel(t *testing.T) {
	t.Parallel()
	checkExits(t, []exitCase{
		{"no args", nil, 2, "Usage:"},
		{"help", []string{"help"}, 0, "The commands are"},
		{"help version", []string{"help", "version"}, 0, "usage: entente version"},
		{"version", []string{"version"}, 0, "entente "},
		{"version -h", []string{"version", "-h"}, 0, "usage: entente version"},
		{"version extra", []string{"version", "x"}, 2, "takes no arguments"},
		{"unknown", []string{"nope"}, 2, `unknown command "nope"`},
		{"unknown help topic", []string{"help", "nope"}, 2, "unknown help topic"},
		{"bad flag", []string{"version", "--bogus"}, 2, "flag provided but not defined"},
	})
}

// TestEveryCommandHasHelp checks that each command answers -h with exit 0.
func TestEveryCommandHasHelp(t *testing.T) {
	t.Parallel()
	var walk func(path []string, cs []*Command)
	walk = func(path []string, cs []*Command) {
		for _, c := range cs {
			p := append(append([]string{}, path...), c.Name())
			if len(c.Sub) > 0 {
				walk(p, c.Sub)
				if c.Setup == nil {
					continue
				}
			}
			t.Run(strings.Join(p, "_"), func(t *testing.T) {
				out, errs, code := runCLI(t, nil, append(p, "-h")...)
				if code != 0 || !strings.Contains(out, "usage: entente") {
					t.Fatalf("%v -h: code %d, stdout %q, stderr %q", p, code, out, errs)
				}
				if c.Short == "" {
					t.Errorf("%v has no Short description", p)
				}
			})
		}
	}
	walk(nil, sortedCommands())
}

// TestBadFlagValuesExit2: a flag value out of its range or naming nothing
// is a usage error, exit 2, in every command.
func TestBadFlagValuesExit2(t *testing.T) {
	t.Parallel()
	d := testenv.DataDir(t)
	checkExits(t, []exitCase{
		{"year before the data", []string{"threat", "--year", "1700", "--data", d}, 2, "--year 1700: the data cover 1816–2016"},
		{"year after the data", []string{"world", "--year", "2020", "--data", d}, 2, "omit --year (and --data) for the embedded 2024 world"},
		{"unknown state code", []string{"align", "--year", "2000", "--data", d, "--state", "260"}, 2, "state 260 (German Federal Republic) is not a member of the state system in 2000; it is a member in 1955–1990"},
		{"unknown state name", []string{"threat", "--year", "1914", "--data", d, "--state", "Germny"}, 2, "did you mean Germany (GMY, 255)?"},
		{"state twice", []string{"landscape", "--year", "1914", "--data", d, "--states", "UKG,FRN,200"}, 2, `"UKG" and "200" both name United Kingdom (200)`},
		{"too many coalitions", []string{"landscape", "--states", "USA,CHN", "--coalitions", "300"}, 2, "--coalitions 300: want K from 2 to 255"},
		{"data verify --data", []string{"data", "verify", "--data", d, "--format", "xml"}, 2, `unknown --format "xml"`},
	})
}

// TestStateOutsideTheYear: a state named by its abbreviation or name in a
// year it is not a member says in which years it is.
func TestStateOutsideTheYear(t *testing.T) {
	t.Parallel()
	d := testenv.DataDir(t)
	checkExits(t, []exitCase{
		{"abbreviation", []string{"threat", "--year", "2000", "--data", d, "--state", "gfr"}, 2,
			`--state: "gfr" names state 260 (German Federal Republic), which is not a member of the state system in 2000; it is a member in 1955–1990`},
		{"name", []string{"align", "--year", "1914", "--data", d, "--state", "German Federal Republic"}, 2, "it is a member in 1955–1990"},
	})
}
