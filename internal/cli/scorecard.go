package cli

import (
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"

	"github.com/entente/entente/scorecard"
	"github.com/entente/entente/world"
)

var scorecardCmd = &Command{
	UsageLine: "scorecard [--data DIR] [--risk relevant|all] [--replicates N] [--seed S] [--format text|json|csv]",
	Short:     "backtest balance of threat, balance of power and bandwagoning on the alliances states formed",
	Long: `Scorecard backtests alliance theories on every new allied dyad of COW Formal
Alliances v4.1 (1816–2012) and ATOP 5.1 (1815–2018), using the World of the
year before the dyad formed (so formation years 1817–2017, the years with
NMC capabilities the year before). For each dyad it asks:

  balance_of_threat        did the partners share their top threat?
  balance_of_power         did they share their strongest state, capability
                           discounted by the loss-of-strength gradient?
  balance_of_power_system  was neither the system's strongest state?
  bandwagoning             was one partner the other's top threat or
                           strongest state?

Each hit rate is compared with the same rate among the dyads at risk (not
allied the year before) that did not ally that year: politically relevant
dyads by default (contiguous, or with a major power), all dyads with --risk
all. The rate ratio comes with a 95% percentile interval from a cluster
bootstrap that resamples dyads (seeded; --replicates, --seed). Rows are
given overall and by era of formation: pre-1914, 1919–1939, Cold War
1946–1991, post-1991. A second table scores the predicted choices of
'entente align': of the state-years predicted to balance or to bandwagon
(and of those in which each bandwagoning condition fired),
how many formed a new alliance, and how many of those allied with their top
threat. CSV holds the first table only; JSON both. See docs/scorecard.md
for the coding and the results.

The threat model's flags (--weights, --composite, ...) are those of
'entente threat'; the thresholds of the predicted choices (--weak,
--overwhelming, --min-threat) those of 'entente align'.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		data := addDataFlag(fs)
		format := fs.String("format", "text", "output `format`: text, json or csv")
		risk := fs.String("risk", string(scorecard.Relevant), "dyads at `risk`: relevant (politically relevant) or all")
		reps := fs.Int("replicates", 1000, "bootstrap `replicates` (0: no interval)")
		seed := fs.Uint64("seed", 1, "bootstrap `seed`")
		mf := addThreatFlags(fs)
		af := addAlignFlags(fs)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("scorecard takes no arguments")
			}
			if err := checkFormat(*format, "text", "json", "csv"); err != nil {
				return err
			}
			if *risk != string(scorecard.Relevant) && *risk != string(scorecard.AllDyads) {
				return usagef("--risk %q: want relevant or all", *risk)
			}
			if *reps < 0 {
				return usagef("--replicates %d: want N >= 0", *reps)
			}
			to, err := mf.options()
			if err != nil {
				return err
			}
			ao, err := af.options()
			if err != nil {
				return err
			}
			dir, err := dataDir(env, *data)
			if err != nil {
				return err
			}
			h, err := openHistoryCached(env, dir)
			if err != nil {
				return err
			}
			o := scorecard.DefaultOptions()
			o.Threat, o.Align, o.Risk, o.Replicates, o.Seed = to, ao, scorecard.RiskSet(*risk), *reps, *seed
			o.Sources = []scorecard.Source{scorecard.COWSource(h), scorecard.ATOPSource(h)}
			first, last := h.Span()
			res, err := scorecard.Run(ctx, func(y int) (*world.World, error) { return h.World(y) }, first+1, last+1, o)
			if err != nil {
				return err
			}
			switch *format {
			case "json":
				return writeJSON(env.Stdout, res)
			case "csv":
				return writeScorecardCSV(env.Stdout, res)
			}
			return writeScorecard(env.Stdout, res)
		}
	},
}

func init() { register(scorecardCmd) }

var scorecardHeader = []string{"source", "era", "hypothesis", "new_dyads", "new_hits", "new_rate",
	"control_dyad_years", "control_hits", "control_rate", "rate_ratio", "ci_lo", "ci_hi"}

func fmtFloat(n scorecard.Number, digits int) string {
	x := float64(n)
	if math.IsNaN(x) {
		return "NA"
	}
	if math.IsInf(x, 1) {
		return "Inf"
	}
	return strconv.FormatFloat(x, 'f', digits, 64)
}

func scorecardRecord(r scorecard.Row, digits int) []string {
	return []string{r.Source, r.Era, r.Hypothesis, strconv.Itoa(r.New), strconv.Itoa(r.NewHits),
		fmtFloat(r.NewRate, digits), strconv.Itoa(r.Control), strconv.Itoa(r.ControlHits),
		fmtFloat(r.ControlRate, digits), fmtFloat(r.Ratio, digits), fmtFloat(r.Lo, digits), fmtFloat(r.Hi, digits)}
}

func writeScorecardCSV(out io.Writer, res *scorecard.Result) error {
	cw := csv.NewWriter(out)
	if err := cw.Write(scorecardHeader); err != nil {
		return err
	}
	for _, r := range res.Rows {
		rec := scorecardRecord(r, 6)
		for i, v := range rec {
			if v == "NA" {
				rec[i] = "" // missing is empty in CSV
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeScorecard(out io.Writer, res *scorecard.Result) error {
	fmt.Fprintf(out, "scorecard: new allied dyads vs %s dyads at risk that did not ally; rate ratio with %d-replicate cluster-bootstrap 95%% interval (seed %d)\n",
		res.Risk, res.Replicates, res.Seed)
	for _, src := range []string{"COW v4.1", "ATOP 5.1"} {
		if y, ok := res.Years[src]; ok {
			fmt.Fprintf(out, "%s: formation years %d–%d\n", src, y[0], y[1])
		}
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "source\tera\thypothesis\tnew\trate\tcontrol\trate\tratio\t95% CI\t")
	last := ""
	for _, r := range res.Rows {
		key := r.Source + r.Era
		if last != "" && key != last {
			fmt.Fprintln(tw, "\t\t\t\t\t\t\t\t\t")
		}
		last = key
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%s\t%d\t%s\t%s\t[%s, %s]\t\n", r.Source, r.Era, r.Hypothesis,
			r.New, fmtFloat(r.NewRate, 3), r.Control, fmtFloat(r.ControlRate, 3),
			fmtFloat(r.Ratio, 2), fmtFloat(r.Lo, 2), fmtFloat(r.Hi, 2))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "\npredicted choices (entente align on the World of t−1) against the alliances formed in t:\n")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "source\tera\tpredicted\tstate-years\tformed\trate\twith threat\tshare\t")
	for _, c := range res.Choices {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\t%d\t%s\t\n", c.Source, c.Era, c.Predicted, c.StateYears,
			c.Formed, fmtFloat(c.FormedRate, 3), c.WithThreat, fmtFloat(c.WithThreatRate, 3))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(res.Skipped) > 0 {
		fmt.Fprintf(out, "\nskipped:\n")
		for _, s := range res.Skipped {
			fmt.Fprintf(out, "  %s\n", s)
		}
	}
	return nil
}
