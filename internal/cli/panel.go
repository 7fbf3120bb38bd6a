package cli

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente/panel"
	"github.com/entente/entente/similarity"
)

var panelCmd = &Command{
	UsageLine: "panel",
	Short:     "build dyad-year and state-year panels (CSV, CSV.gz, Parquet) with a codebook",
	Long: `Panel builds the tables quantitative IR research starts from, in one command:
every dyad-year or state-year of the COW state system with alliance
obligations (COW and ATOP), capabilities, major-power status, contiguity,
capital and minimum distance, disputes and alliance-portfolio similarity.
A codebook (Markdown and JSON) is written beside the output.`,
	Sub: []*Command{panelDyadsCmd, panelStatesCmd},
}

func init() { register(panelCmd) }

var panelDyadsCmd = &Command{
	UsageLine: "panel dyads [--data DIR] [--years 1816-2016] [--nondirected] [--filter all|relevant|contiguous|major] [--vars LIST] [--valuation atop|cow|binary] [--ties directed|symmetric] [--convention hage|fpsim] [--nmc 6|7] [--extend-system-to YEAR] [--out FILE]",
	Short:     "write the dyad-year panel",
	Long: `Dyads writes one row per dyad-year of the COW state system: for each year,
every ordered pair of the year's members (n(n-1) rows; --nondirected: one
row per pair with ccode1 < ccode2, directed obligations taken as the
maximum over both directions).

--filter keeps all dyads, politically relevant ones (contiguous of any COW
type, or with a major power), contiguous ones or those with a major power.
--vars lists the variables to write (comma-separated; default all); the
keys ccode1, ccode2 and year are always written. Entries may be glob
patterns (atop_*); an entry starting with - removes what it matches, and
removals alone start from every variable (--vars=-sim_* writes all but the
similarity measures).

--out FILE writes FILE.csv, FILE.csv.gz or FILE.parquet (by extension) and
the codebook FILE.codebook.md and FILE.codebook.json beside it; without
--out, CSV goes to stdout and the codebook is written only with
--codebook PATH (which --out FILE refuses).

Variables: ` + strings.Join(panel.DyadVariables(), ", ") + `.

Two members that were never members on the same day of the year (Germany
and West Germany in 1990) are not a dyad: they are dropped, as in
peacesciencer, unless --keep-never-coexisted.

Similarity (sim_*) uses --valuation (atop by default: defense or offense 3,
neutrality or consultation 2, nonaggression 1), --ties (directed by default:
a state's portfolio is its own obligations toward each member; symmetric:
the maximum over both directions) and quadratic disagreement weights for
kappa and pi (--disagreement linear or nominal). --convention fpsim selects
fpsim's choices exactly: directed ties, kappa quadratic, pi nominal
(unweighted), and sim_s_cinc weighted by NMC v7.0's CINC. See
docs/similarity.md.

--nmc 6|7 chooses NMC v6.0 (1816-2016, the default; 7 under --convention
fpsim) or v7.0 (1816-2022) for the capability columns and sim_s_cinc.
--extend-system-to YEAR keeps the members of the system at the end of 2016
members through YEAR (2017-2024), as peacesciencer's create_stateyears(mry =
TRUE) does, and the default --years then ends in YEAR; every column stays
missing after its source ends.`,
	Setup: func(fs *flag.FlagSet) RunFunc { return setupPanel(fs, "dyads") },
}

var panelStatesCmd = &Command{
	UsageLine: "panel states [--data DIR] [--years 1816-2016] [--vars LIST] [--nmc 6|7] [--extend-system-to YEAR] [--out FILE]",
	Short:     "write the state-year panel",
	Long: `States writes one row per member of the COW state system per year, with
capabilities, major-power status, alliance counts and contiguity counts.
--vars, --nmc, --extend-system-to, --out and --codebook work as for
'entente panel dyads'.

Variables: ` + strings.Join(panel.StateVariables(), ", ") + `.`,
	Setup: func(fs *flag.FlagSet) RunFunc { return setupPanel(fs, "states") },
}

func setupPanel(fs *flag.FlagSet, kind string) RunFunc {
	data := addDataFlag(fs)
	years := fs.String("years", fmt.Sprintf("%d-%d", panel.SystemFrom, panel.SystemTo), "a `range` of years FROM-TO, or one year")
	vars := fs.String("vars", "", "comma-separated `list` of variables (default all)")
	out := fs.String("out", "", "output `file` (.csv, .csv.gz or .parquet); CSV to stdout when omitted")
	codebook := fs.String("codebook", "", "with output to stdout, write the codebook to `PATH`.codebook.md and .json")
	workers := fs.Int("workers", 0, "years built at once (default: one per core)")
	nmc := fs.Int("nmc", 0, "NMC `version` of the capability columns and CINC weights: 6 or 7 (default 6; 7 under --convention fpsim)")
	extend := fs.Int("extend-system-to", 0, "keep the members of the system at the end of 2016 members through `YEAR` (2017-2024)")
	var directed, nondirected, keepApart *bool
	var filter, valuation, disagreement, ties, convention *string
	if kind == "dyads" {
		ties = fs.String("ties", "directed", "how directed obligations enter the portfolios: directed or symmetric")
		convention = fs.String("convention", "hage", "similarity convention: hage or fpsim (fpsim's choices exactly)")
		keepApart = fs.Bool("keep-never-coexisted", false, "keep dyads of members that were never members on the same day of the year")
		directed = fs.Bool("directed", true, "directed dyads: both orders of each pair (the default)")
		nondirected = fs.Bool("nondirected", false, "non-directed dyads: one row per pair, ccode1 < ccode2")
		filter = fs.String("filter", "all", "dyads to keep: all, relevant, contiguous or major")
		valuation = fs.String("valuation", "atop", "tie valuation for similarity: atop, cow or binary")
		disagreement = fs.String("disagreement", "quadratic", "disagreement weights of sim_kappa and sim_pi: quadratic, linear or nominal")
	}
	return func(ctx context.Context, env *Env, args []string) error {
		if len(args) > 0 {
			return usagef("panel %s takes no arguments (got %q)", kind, args[0])
		}
		opt := panel.DefaultOptions()
		var err error
		if opt.From, opt.To, err = parseYears(*years); err != nil {
			return usagef("--years: %v", err)
		}
		if *vars != "" {
			opt.Vars = strings.Split(*vars, ",")
		}
		if *workers < 0 {
			return usagef("--workers %d: want 0 or more", *workers)
		}
		opt.Workers = *workers
		if *nmc != 0 && *nmc != 6 && *nmc != 7 {
			return usagef("--nmc %d: want 6 or 7", *nmc)
		}
		opt.NMC = *nmc
		opt.ExtendSystemTo = *extend
		opt.NoVerify = env.NoVerify
		opt.Cache = env.cacheDir()
		if *extend != 0 && !flagSet(fs, "years") {
			opt.To = *extend // the default years reach the extension
		}
		// The years written are drawn on standard error when it is a
		// terminal and the CSV does not go to the same terminal.
		var bar *progress
		if toStdout := *out == "" || *out == "-"; !(toStdout && isTerminal(env.Stdout)) {
			bar = newProgress(env.Stderr)
		}
		if bar != nil {
			total := opt.To - opt.From + 1
			opt.Progress = func(year, done int, rows int64) {
				bar.draw(kind, fmt.Sprintf("panel %s: %d (%d/%d years, %d rows)", kind, year, done, total, rows), done == total)
			}
		}
		var plan *panel.Plan
		if kind == "dyads" {
			if *nondirected && directedSet(fs) && *directed {
				return usagef("--directed and --nondirected contradict each other")
			}
			opt.Nondirected = *nondirected || !*directed
			if opt.Filter, err = panel.ParseFilter(*filter); err != nil {
				return usagef("--filter: %v", err)
			}
			if opt.Valuation, err = similarity.ParseValuation(*valuation); err != nil {
				return usagef("--valuation: %v", err)
			}
			if opt.Disagreement, err = similarity.ParseDisagreement(*disagreement); err != nil {
				return usagef("--disagreement: %v", err)
			}
			if opt.Ties, err = similarity.ParseTies(*ties); err != nil {
				return usagef("--ties: %v", err)
			}
			if opt.Convention, err = similarity.ParseConvention(*convention); err != nil {
				return usagef("--convention: %v", err)
			}
			opt.KeepApart = *keepApart
			plan, err = panel.DyadPlan(opt)
		} else {
			plan, err = panel.StatePlan(opt)
		}
		if err != nil {
			return usagef("%v", err)
		}
		dir, err := dataDir(env, *data)
		if err != nil {
			return err
		}
		return runPanel(ctx, env, kind, plan, bar, dir, *out, *codebook, fs)
	}
}

func directedSet(fs *flag.FlagSet) bool { return flagSet(fs, "directed") }

// flagSet reports whether the flag name was set on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			set = true
		}
	})
	return set
}

func runPanel(ctx context.Context, env *Env, kind string, plan *panel.Plan, bar *progress, dir, out, codebook string, fs *flag.FlagSet) error {
	start := time.Now()
	if out != "" && out != "-" {
		if _, err := panel.FormatOf(out); err != nil {
			return usagef("--out: %v", err)
		}
		if codebook != "" {
			return usagef("--codebook %s: the codebook of --out %s is written beside it; --codebook is for output to stdout", codebook, out)
		}
	}
	toStdout := out == "" || out == "-"
	bar.draw(kind, fmt.Sprintf("panel %s: loading %s", kind, dir), true)
	h, err := plan.Open(dir)
	if err != nil {
		bar.finish()
		return err
	}
	var w panel.Writer
	if toStdout {
		w, err = panel.NewCSV(env.Stdout, plan.Columns())
	} else {
		for _, p := range []string{out, out + ".codebook.md", out + ".codebook.json"} {
			removeStale(p, ".tmp*") // panel.Create's and WriteFiles' temporary names
		}
		w, err = panel.Create(out, plan.Columns())
	}
	if err != nil {
		bar.finish()
		return err
	}
	res, err := plan.Build(ctx, h, w)
	bar.finish()
	if err != nil {
		panel.Abort(w)
		return err
	}
	cb := plan.Codebook()
	cb.Rows = res.Rows
	cb.Command = "entente panel " + kind + flagSummary(fs)
	if err := cb.Annotate(w); err != nil {
		panel.Abort(w)
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	base := out
	if out == "" || out == "-" {
		base = codebook
	}
	if base == "" {
		fmt.Fprintf(env.Stderr, "entente: codebook not written (CSV went to stdout); pass --codebook PATH or --out FILE to write it\n")
		return nil
	}
	paths, err := cb.WriteFiles(base)
	if err != nil {
		return err
	}
	if out != "" && out != "-" {
		fmt.Fprintf(env.Stderr, "wrote %d rows, %d columns, %d years to %s in %.1fs; codebook %s\n",
			res.Rows, len(res.Columns), res.Years, out, time.Since(start).Seconds(), strings.Join(paths, ", "))
	}
	return nil
}

// flagSummary returns the flags set on the command line, for the codebook.
func flagSummary(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "data" {
			return
		}
		fmt.Fprintf(&b, " --%s %s", f.Name, f.Value.String())
	})
	return b.String()
}

// parseYears parses "FROM-TO" or a single year.
func parseYears(s string) (from, to int, err error) {
	s = strings.TrimSpace(s)
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		b = a
	}
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := strconv.Atoi(strings.TrimSpace(b))
	if err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("%q: want FROM-TO or one year, such as 1816-2016 or 1914", s)
	}
	return from, to, nil
}
