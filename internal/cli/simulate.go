package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/simulate"
	"github.com/entente/entente/simulate/tables"
)

var simulateCmd = &Command{
	UsageLine: "simulate SCENARIO [--runs N] [--seed S] [--out DIR] [--shard i/N] [--format text|json]",
	Short:     "agent-based simulation of alliance politics: scenarios, Monte Carlo, shards",
	Long: `Simulate runs a scenario of alliance politics many times and prints the
distribution of outcomes: who joins which side of the scenario's war (with
the model's reasons), the alliances over time, the war's size.

SCENARIO is a shipped scenario (` + strings.Join(simulate.Builtins(), ", ") + `)
or a scenario file (YAML, entente-scenario/v1; docs/simulate.md). Each
simulated year every state perceives its threats (the threat model), chooses
balance, bandwagon, hedge or none and its partners (align), forms, keeps or
leaves alliances; when a war begins each state decides to join a side or
stay out, week by week, by its pledges, their conditions and its threats.
Every decision is recorded with its reason.

Run r draws from PCG(seed, r) alone: the same scenario, seed and version
give the same output, and shards are exact. --shard i/N runs the i-th of N
contiguous blocks of runs (0-based); without it the shard is read from
SLURM_ARRAY_TASK_ID (less SLURM_ARRAY_TASK_MIN) and SLURM_ARRAY_TASK_COUNT,
or from JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) with the count from
--shards or $ENTENTE_SHARDS. A shard writes DIR/shard-I-of-N; 'entente merge'
combines the shards into what the unsharded run writes, byte for byte.

--out DIR writes decisions.parquet, sides.parquet, wars.parquet,
years.parquet and manifest.json (docs/simulate.md describes the columns).
--set changes the model's constants, e.g. --set chain-gang=0.5,form=0.1
(names: ` + strings.Join(setNames, ", ") + `).

A scenario from a year of the history reads the data directory (--data DIR
or $ENTENTE_DATA); the present-day ones read the embedded world.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		runs := fs.Int("runs", 1000, "number of `runs`")
		seed := fs.Uint64("seed", 1, "the `seed`; run r draws from PCG(seed, r)")
		out := fs.String("out", "", "write the tables and manifest to `DIR`")
		shard := fs.String("shard", "", "run shard `i/N` of the runs (0-based)")
		shards := fs.Int("shards", 0, "the number of shards `N` when the index comes from JOB_COMPLETION_INDEX")
		workers := fs.Int("workers", 0, "simulate on `K` goroutines (0: GOMAXPROCS)")
		format := fs.String("format", "text", "summary `format`: text or json")
		set := fs.String("set", "", "model constants `name=value,...`")
		data := addDataFlag(fs)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) != 1 {
				return usagef("simulate takes one SCENARIO (a shipped name: %s, or a file)", strings.Join(simulate.Builtins(), ", "))
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			if *runs < 1 {
				return usagef("--runs %d: want N >= 1", *runs)
			}
			if *workers < 0 {
				return usagef("--workers %d: want K >= 0", *workers)
			}
			sh, err := shardOf(env, *shard, *shards)
			if err != nil {
				return err
			}
			cfg, err := parseSet(*set)
			if err != nil {
				return err
			}
			plan, err := loadPlan(env, args[0], *data, cfg)
			if err != nil {
				return err
			}
			return runSimulation(ctx, env, plan, *runs, *seed, sh, *workers, *out, *format)
		}
	},
}

func init() { register(simulateCmd) }

// loadPlan reads the scenario arg (a shipped name or a file) and prepares
// it on its base World.
func loadPlan(env *Env, arg, data string, cfg simulate.Config) (*simulate.Plan, error) {
	b, err := simulate.Builtin(arg)
	name := arg
	if err != nil {
		if _, serr := os.Stat(arg); serr != nil && !strings.ContainsAny(arg, "/.") {
			return nil, usagef("%v", err)
		}
		if b, err = os.ReadFile(arg); err != nil {
			return nil, fmt.Errorf("scenario: %w", err)
		}
	} else {
		name = "scenarios/" + arg + ".yaml"
	}
	sc, err := simulate.ParseScenario(name, b)
	if err != nil {
		return nil, err
	}
	if sc.Base.Year != 0 {
		w, err := loadWorld(env, sc.Base.Year, data, "")
		if err != nil {
			return nil, err
		}
		return simulate.Prepare(sc, w, cfg)
	}
	w, err := worldfile.Default()
	if err != nil {
		return nil, err
	}
	return simulate.Prepare(sc, w, cfg)
}

// shardOf resolves the shard: the flag, else Slurm's array variables,
// else a Kubernetes Indexed Job's completion index with the count from
// --shards or $ENTENTE_SHARDS, else the whole (0/1).
func shardOf(env *Env, flagValue string, count int) (simulate.Shard, error) {
	if flagValue != "" {
		sh, err := simulate.ParseShard(flagValue)
		if err != nil {
			return sh, usagef("--shard: %v", err)
		}
		return sh, nil
	}
	atoi := func(name string) (int, bool, error) {
		v := env.Getenv(name)
		if v == "" {
			return 0, false, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, true, usagef("$%s=%q: want an integer", name, v)
		}
		return n, true, nil
	}
	if id, ok, err := atoi("SLURM_ARRAY_TASK_ID"); ok || err != nil {
		if err != nil {
			return simulate.Shard{}, err
		}
		n, okN, err := atoi("SLURM_ARRAY_TASK_COUNT")
		if err != nil {
			return simulate.Shard{}, err
		}
		if !okN {
			return simulate.Shard{}, usagef("$SLURM_ARRAY_TASK_ID is set but $SLURM_ARRAY_TASK_COUNT is not (run as a job array, or pass --shard i/N)")
		}
		lo, _, err := atoi("SLURM_ARRAY_TASK_MIN")
		if err != nil {
			return simulate.Shard{}, err
		}
		sh := simulate.Shard{Index: id - lo, Count: n}
		if err := sh.Validate(); err != nil {
			return sh, usagef("Slurm array task %d of %d (min %d): %v", id, n, lo, err)
		}
		return sh, nil
	}
	if id, ok, err := atoi("JOB_COMPLETION_INDEX"); ok || err != nil {
		if err != nil {
			return simulate.Shard{}, err
		}
		if count == 0 {
			n, okN, err := atoi("ENTENTE_SHARDS")
			if err != nil {
				return simulate.Shard{}, err
			}
			if !okN {
				return simulate.Shard{}, usagef("$JOB_COMPLETION_INDEX is set: pass --shards N (the Job's completions) or set $ENTENTE_SHARDS")
			}
			count = n
		}
		sh := simulate.Shard{Index: id, Count: count}
		if err := sh.Validate(); err != nil {
			return sh, usagef("completion index %d of %d: %v", id, count, err)
		}
		return sh, nil
	}
	if count != 0 {
		return simulate.Shard{}, usagef("--shards %d needs $JOB_COMPLETION_INDEX (or pass --shard i/N)", count)
	}
	return simulate.Shard{Index: 0, Count: 1}, nil
}

// setNames are the constants --set changes.
var setNames = []string{"defense", "offense", "chain-gang", "aggressor", "threatened", "form", "leave", "autonomy", "entrapment", "weeks", "threat-rank", "inside-max"}

func parseSet(s string) (simulate.Config, error) {
	c := simulate.DefaultConfig()
	if s == "" {
		return c, nil
	}
	for _, kv := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(kv, "=")
		x, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil {
			return c, usagef("--set %q: want name=number (names: %s)", kv, strings.Join(setNames, ", "))
		}
		switch k {
		case "defense":
			c.Join.Defense = x
		case "offense":
			c.Join.Offense = x
		case "chain-gang":
			c.Join.ChainGang = x
		case "aggressor":
			c.Join.Aggressor = x
		case "threatened":
			c.Join.Threatened = x
		case "form":
			c.FormRate = x
		case "leave":
			c.LeaveRate = x
		case "autonomy":
			c.Autonomy = x
		case "entrapment":
			c.Entrapment = x
		case "weeks":
			c.Weeks = int(x)
		case "threat-rank":
			c.ThreatRank = int(x)
		case "inside-max":
			c.InsideMax = int(x)
		default:
			return c, usagef("--set %q: unknown name %q (want one of %s)", kv, k, strings.Join(setNames, ", "))
		}
	}
	if err := c.Validate(); err != nil {
		return c, usagef("--set: %v", err)
	}
	return c, nil
}

// buildVersion is the version a manifest records: Version, with the VCS
// revision the binary was built from when Go recorded it (and "-dirty"
// for a modified tree), so that shards of different builds do not merge.
func buildVersion() string {
	v := Version
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			rev = s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = "-dirty"
		}
	}
	if rev != "" {
		v += "+" + rev + dirty
	}
	return v
}

// shardDir is where shard sh of a simulation writing to out puts its
// tables.
func shardDir(out string, sh simulate.Shard) string {
	if sh.Count == 1 {
		return out
	}
	return filepath.Join(out, fmt.Sprintf("shard-%04d-of-%04d", sh.Index, sh.Count))
}

func runSimulation(ctx context.Context, env *Env, plan *simulate.Plan, runs int, seed uint64, sh simulate.Shard, workers int, out, format string) error {
	from, to := sh.Runs(runs)
	var tw *tables.Writer
	if out != "" {
		m := tables.NewManifest(plan, seed, buildVersion(), runs, sh)
		var err error
		if tw, err = tables.Create(shardDir(out, sh), m); err != nil {
			return err
		}
	}
	sum := plan.NewSummarizer()
	bar := newProgress(env.Stderr)
	done := 0
	err := plan.Simulate(ctx, seed, from, to, workers, func(r *simulate.Result) error {
		sum.Add(r)
		done++
		bar.draw("simulate", fmt.Sprintf("simulate %s: run %d of %d (shard %s)", plan.Scenario.Name, done, to-from, sh), done == to-from)
		if tw != nil {
			return tw.Write(r)
		}
		return nil
	})
	bar.finish()
	if err != nil {
		if tw != nil {
			tw.Abort()
		}
		return err
	}
	if tw != nil {
		if err := tw.Close(); err != nil {
			return err
		}
	}
	s := sum.Summary()
	if format == "json" {
		return writeJSON(env.Stdout, s)
	}
	return writeSimulation(env.Stdout, plan, s, seed, sh)
}

func writeSimulation(out io.Writer, plan *simulate.Plan, s *simulate.Summary, seed uint64, sh simulate.Shard) error {
	sc := plan.Scenario
	fmt.Fprintf(out, "%s: %s\n%d runs (shard %s), seed %d\n", sc.Name, sc.Description, s.Runs, sh, seed)
	if s.War != nil {
		fmt.Fprintf(out, "\nfirst war: side 0 = %s's side, side 1 = %s's\n", s.Sides[0], s.Sides[1])
		fmt.Fprintf(out, "war size: mean %.2f states (10%% %d, median %d, 90%% %d); major powers %.2f; spread beyond the first two in %.0f%% of runs\n\n",
			s.War.MeanSize, s.War.P10, s.War.Median, s.War.P90, s.War.MeanMajors, 100*s.War.Spread)
		tw := tabwriter.NewWriter(out, 2, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "state\tside 0\tside 1\tout\tweek 0\tweek 1\t")
		for _, st := range s.States {
			fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%s\t%s\t\n", st.Name, st.Side[0], st.Side[1], st.Out, fmtWeek(st.Week[0]), fmtWeek(st.Week[1]))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintln(out, "\nreasons (the most frequent outcomes of each state, with the first run's reason):")
		for _, st := range s.States {
			fmt.Fprintf(out, "  %s\n", st.Name)
			for k, r := range st.Reasons {
				if k == 3 {
					break
				}
				fmt.Fprintf(out, "    %5.1f%% %-8s %s\n", 100*r.Share, r.Outcome, r.Example)
			}
		}
	}
	fmt.Fprintln(out, "\nalignment of the recorded states (align's choice on the base date and after the last shock) and the alliances they formed:")
	tw := tabwriter.NewWriter(out, 2, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  state\tchoice\ttop threat\tformed with (share of runs)")
	for _, st := range s.States {
		var fs []string
		for k, f := range st.Formed {
			if k == 3 {
				break
			}
			fs = append(fs, fmt.Sprintf("%s %.2f", f.Name, f.Share))
		}
		if len(fs) == 0 {
			fs = []string{"-"}
		}
		ch := st.Choice[0]
		if st.Choice[1] != ch {
			ch += " → " + st.Choice[1]
		}
		th := st.TopThreat
		if th == "" {
			th = "-"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", st.Name, ch, th, strings.Join(fs, ", "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out, "\nthe system at the end of each year (means over runs):")
	tw = tabwriter.NewWriter(out, 2, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "year\talliances\tallied dyads\tdefence dyads\tat war\tformed\tleft\tbalance\tbandwagon\thedge\tnone\t")
	for _, y := range s.Years {
		fmt.Fprintf(tw, "%d\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\t%.1f\t%.1f\t%.1f\t\n", y.Year, y.Alliances, y.AlliedDyads,
			y.DefenceDyads, y.AtWar, y.Formed, y.Left, y.Balance, y.Bandwagon, y.Hedge, y.None)
	}
	return tw.Flush()
}

func fmtWeek(v interface {
	OK() bool
	Float() float64
}) string {
	if !v.OK() {
		return "-"
	}
	return strconv.FormatFloat(v.Float(), 'f', 1, 64)
}
