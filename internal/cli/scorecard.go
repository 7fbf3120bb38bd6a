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

	"github.com/entente/entente/forecast"
	"github.com/entente/entente/history"
	"github.com/entente/entente/scorecard"
	"github.com/entente/entente/world"
)

var scorecardCmd = &Command{
	UsageLine: "scorecard [--data DIR] [--kind atop|atop-defense|cow] [--table both|blocks|rates] [--risk relevant|all] [--replicates N] [--seed S] [--format text|json|csv]",
	Short:     "which theory predicts who allies with whom: out-of-sample block table and rate ratios",
	Long: `Scorecard first scores the theories of alliance formation by prediction out
of sample. A penalised logistic regression of alliance formation (the design
of 'entente forecast', outcome --kind) is fitted on the outcome years before
a window and predicts every dyad-year of it: for 1990–2018 (1990–2012 for
cow) fitted on the years up to 1989, and for 1946–1989 fitted on those up to
1945. The block table gives the full model's ROC AUC and, for each theory
block (power, threat, geography, interests, domestic, identity, network),
the AUC of the block alone and the AUC lost when it is dropped, with 95%
intervals from a bootstrap over years (paired for the loss). --table blocks
prints it alone.

The second table (--table rates) backtests codings of the classic theories
on every new allied dyad of COW Formal
Alliances v4.1 (1816–2012), ATOP 5.1 (1815–2018) and ATOP defence pacts
alone (a defence or offence pledge), using the World of the
year before the dyad formed (so formation years 1817–2017, the years with
NMC capabilities the year before). For each dyad it asks:

  balance_of_threat        did the partners share their top threat?
  balance_of_power         did they share their strongest state, capability
                           discounted by the loss-of-strength gradient?
  balance_of_power_system  was neither the system's strongest state?
  bandwagoning             was one partner the other's top threat or
                           strongest state?
  geography_contiguous     were they contiguous (by land or by water up to
                           400 miles)? The baseline a theory must beat.

Each hit rate is compared with the same rate among the dyads at risk (not
allied the year before) that did not ally that year: politically relevant
dyads by default (contiguous, or with a major power), all dyads with --risk
all. The rate ratio comes with a 95% percentile interval from a cluster
bootstrap that resamples formation years, whose dyads share treaties
(seeded; --replicates, --seed). Rows are
given overall and by era of formation: pre-1914, 1919–1939, Cold War
1946–1991, post-1991. A second table scores the predicted choices of
'entente align': of the state-years predicted to balance or to bandwagon
(and of those in which each bandwagoning condition fired),
how many formed a new alliance, and how many of those allied with their top
threat. CSV holds the rate ratios only; JSON every table. See
docs/scorecard.md for the coding and the results.

The threat model's flags (--weights, --composite, ...) are those of
'entente threat'; the thresholds of the predicted choices (--weak,
--overwhelming, --min-threat) those of 'entente align'.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		data := addDataFlag(fs)
		format := fs.String("format", "text", "output `format`: text, json or csv")
		risk := fs.String("risk", string(scorecard.Relevant), "dyads at `risk` of the rate ratios: relevant (politically relevant) or all")
		kindFlag := fs.String("kind", string(forecast.ATOP), "outcome `kind` of the block table: atop, atop-defense or cow")
		table := fs.String("table", "both", "`tables` to compute: both, blocks or rates")
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
			kind, err := forecast.ParseKind(*kindFlag)
			if err != nil {
				return usagef("--kind: %v", err)
			}
			if *table != "both" && *table != "blocks" && *table != "rates" {
				return usagef("--table %q: want both, blocks or rates", *table)
			}
			if *format == "csv" && *table == "blocks" {
				return usagef("--format csv holds the rate ratios only: use --table rates or both")
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
			var blocks []*forecast.BlockTable
			if *table != "rates" && *format != "csv" {
				if blocks, err = blockTables(ctx, env, dir, kind, *reps, *seed); err != nil {
					return err
				}
			}
			var res *scorecard.Result
			if *table != "blocks" {
				h, err := openHistoryCached(env, dir)
				if err != nil {
					return err
				}
				o := scorecard.DefaultOptions()
				o.Threat, o.Align, o.Risk, o.Replicates, o.Seed = to, ao, scorecard.RiskSet(*risk), *reps, *seed
				o.Sources = []scorecard.Source{scorecard.COWSource(h), scorecard.ATOPSource(h), scorecard.ATOPDefenseSource(h)}
				first, last := h.Span()
				if res, err = scorecard.Run(ctx, func(y int) (*world.World, error) { return h.World(y) }, first+1, last+1, o); err != nil {
					return err
				}
			}
			switch *format {
			case "json":
				return writeJSON(env.Stdout, struct {
					Blocks []*forecast.BlockTable `json:"blocks,omitempty"`
					Rates  *scorecard.Result      `json:"rate_ratios,omitempty"`
				}{blocks, res})
			case "csv":
				return writeScorecardCSV(env.Stdout, res)
			}
			for _, bt := range blocks {
				if err := writeBlockTable(env.Stdout, bt); err != nil {
					return err
				}
			}
			if res == nil {
				return nil
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
	fmt.Fprintf(out, "rate ratios: new allied dyads vs %s dyads at risk that did not ally; rate ratio with %d-replicate year-bootstrap 95%% interval (seed %d)\n",
		res.Risk, res.Replicates, res.Seed)
	for _, src := range []string{"COW v4.1", "ATOP 5.1", "ATOP 5.1 defense"} {
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

// scorecardWindows are the windows of the block table: each is predicted
// by one model fitted on the outcome years before it.
func scorecardWindows(k forecast.Kind) [][2]int {
	if k == forecast.COW {
		return [][2]int{{1990, 2012}, {1946, 1989}}
	}
	return [][2]int{{1990, 2018}, {1946, 1989}}
}

// blockTables builds the forecast design of kind k and scores each theory
// block over the scorecard's windows (fixed origin).
func blockTables(ctx context.Context, env *Env, dir string, k forecast.Kind, reps int, seed uint64) ([]*forecast.BlockTable, error) {
	h, err := history.OpenWith(dir, forecastHistory(env))
	if err != nil {
		return nil, err
	}
	first, last := h.Span()
	ds, _, err := forecast.Build(ctx, func(y int) (*world.World, error) { return h.World(y) }, []forecast.Kind{k}, first+1, last)
	if err != nil {
		return nil, err
	}
	o := forecast.DefaultOptions()
	o.Rolling, o.Replicates, o.Seed, o.Spec.Seed = false, reps, seed, seed
	var out []*forecast.BlockTable
	for _, w := range scorecardWindows(k) {
		bt, err := forecast.BlockScores(ctx, ds[k], w[0], w[1], o)
		if err != nil {
			return nil, err
		}
		out = append(out, bt)
	}
	return out, nil
}

func writeBlockTable(out io.Writer, bt *forecast.BlockTable) error {
	f := bt.Full
	m := f.Metrics[0]
	fmt.Fprintf(out, "theory scorecard: %s alliances formed %d–%d, predicted by a penalised logit fitted on %d–%d (L2 penalty %g)\n",
		f.Kind, f.From, f.To, f.TrainFirst, f.From-1, f.Lambda)
	fmt.Fprintf(out, "full model: ROC AUC %s [%s, %s], PR AUC %s, Brier skill %s [%s, %s]; %d dyad-years, %d formed; %d-replicate year bootstrap (seed %d)\n",
		fnum(m.AUC.Est, 3), fnum(m.AUC.Lo, 3), fnum(m.AUC.Hi, 3), fnum(m.PRAUC.Est, 4),
		fnum(m.BSS.Est, 4), fnum(m.BSS.Lo, 4), fnum(m.BSS.Hi, 4), m.N, m.Positives, f.Replicates, f.Seed)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "block\tAUC alone\t95% CI\tAUC without it\tloss when dropped\t95% CI\t")
	for _, r := range bt.Rows {
		fmt.Fprintf(tw, "%s\t%s\t[%s, %s]\t%s\t%s\t[%s, %s]\t\n", r.Block,
			fnum(r.Alone.Est, 3), fnum(r.Alone.Lo, 3), fnum(r.Alone.Hi, 3), fnum(r.Dropped.Est, 3),
			fnum(r.Loss.Est, 3), fnum(r.Loss.Lo, 3), fnum(r.Loss.Hi, 3))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out)
	return nil
}
