package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/forecast"
	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/scorecard"
	"github.com/entente/entente/world"
)

var forecastCmd = &Command{
	UsageLine: "forecast [--data DIR] [--kind atop|atop-defense|cow] [--year Y | --world FILE] [--top N] [--backtest --from Y --to Y [--fixed] [--out FILE]] [--format text|json]",
	Short:     "forecast which states will form new alliances, and backtest the forecasts out of sample",
	Long: `Forecast fits a penalised logistic regression of alliance formation on the
dyad-years of history (every pair of system members not allied the year
before; the outcome, that they ally that year) and scores every dyad at risk
in a World: the embedded 2024 world by default, the World of --year Y built
from the data (the model then fitted on outcome years up to Y only), or a
world file (--world FILE). It lists the --top most likely new alliances in
the following year with their probabilities and the three features that
move each most (their push on the log-odds against the training mean).

--kind chooses the outcome: atop (any ATOP 5.1 obligation, 1817–2018, the
default), atop-defense (a defence or offence pledge) or cow (COW Formal
Alliances v4.1, 1817–2012). Features are measured on the World of the year
before only, in theory blocks: power, threat, geography, interests,
domestic politics, identity, network (see docs/forecast.md).

--backtest evaluates out of sample over outcome years --from..--to: with a
rolling origin (refit on the years before each year; --fixed fits once on
the years before --from) and prints ROC AUC, precision-recall AUC, the
Brier skill score against the training base rate and a calibration table,
with 95% intervals from a bootstrap over years (--replicates, --seed), per
dyad-year, per treaty, and without treaties of more than 10 members.
--out FILE writes the predictions as CSV: ccode1,ccode2,year,p,outcome.
--relevant keeps politically relevant dyads only (contiguous or with a major
power). The data directory is --data DIR or $ENTENTE_DATA.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		data := addDataFlag(fs)
		kindFlag := fs.String("kind", string(forecast.ATOP), "outcome `kind`: atop, atop-defense or cow")
		year := fs.Int("year", 0, "forecast from the World of `year` Y (from the data) instead of the embedded 2024 world")
		wfile := fs.String("world", "", "forecast from a world `file` (YAML) instead of the embedded 2024 world")
		top := fs.Int("top", 20, "list the `N` most likely new alliances")
		backtest := fs.Bool("backtest", false, "evaluate out of sample over --from..--to instead of forecasting")
		from := fs.Int("from", 1990, "first outcome `year` of the backtest")
		to := fs.Int("to", 2018, "last outcome `year` of the backtest")
		fixed := fs.Bool("fixed", false, "backtest with one model fitted on the years before --from (fixed origin)")
		out := fs.String("out", "", "write the backtest's predictions to `file` (CSV)")
		relevant := fs.Bool("relevant", false, "politically relevant dyads only")
		reps := fs.Int("replicates", 200, "year-bootstrap `replicates` of the intervals")
		seed := fs.Uint64("seed", 1, "`seed` of the subsample of non-forming dyad-years and of the bootstrap")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("forecast takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			k, err := forecast.ParseKind(*kindFlag)
			if err != nil {
				return usagef("--kind: %v", err)
			}
			if *reps < 0 {
				return usagef("--replicates %d: want N >= 0", *reps)
			}
			if *top < 0 {
				return usagef("--top %d: want N >= 0", *top)
			}
			if !*backtest && (*out != "" || *fixed) {
				return usagef("--out and --fixed need --backtest")
			}
			if *year != 0 && *wfile != "" {
				return usagef("--year and --world are exclusive")
			}
			dir, err := dataDir(env, *data)
			if err != nil {
				return err
			}
			h, err := history.OpenWith(dir, forecastHistory(env))
			if err != nil {
				return err
			}
			first, last := h.Span()
			load := func(y int) (*world.World, error) { return h.World(y) }
			o := forecast.DefaultOptions()
			o.Spec.Relevant, o.Spec.Seed, o.Seed, o.Replicates, o.Rolling = *relevant, *seed, *seed, *reps, !*fixed
			if *backtest {
				if *year != 0 || *wfile != "" {
					return usagef("--backtest reads no --year or --world")
				}
				ds, _, err := forecast.Build(ctx, load, []forecast.Kind{k}, first+1, last)
				if err != nil {
					return err
				}
				res, err := forecast.Run(ctx, ds[k], *from, *to, o)
				if err != nil {
					return flagRange(err)
				}
				if *out != "" {
					if err := writePredictionsFile(*out, res.Predictions); err != nil {
						return err
					}
				}
				if *format == "json" {
					return writeJSON(env.Stdout, res)
				}
				return writeBacktest(env.Stdout, res)
			}
			var w *world.World
			through := last
			switch {
			case *year != 0:
				if *year <= first || *year > last {
					return usagef("--year %d: want %d–%d (the data's span, with a year before it to learn from)", *year, first+1, last)
				}
				through = *year
				if w, err = h.World(*year); err != nil {
					return err
				}
			case *wfile != "":
				if w, err = worldfile.LoadContext(ctx, *wfile); err != nil {
					return err
				}
			default:
				if w, err = worldfile.Default(); err != nil {
					return err
				}
			}
			if w.Year <= through && *year == 0 {
				return usagef("the world's year %d is inside the data (through %d): use --year %d", w.Year, through, w.Year)
			}
			ds, carry, err := forecast.Build(ctx, load, []forecast.Kind{k}, first+1, through)
			if err != nil {
				return err
			}
			if _, end := ds[k].Span(); *year != 0 && *year > end {
				return usagef("--year %d: %s alliances are coded through %d; want %d–%d", *year, k, end, first+1, end)
			}
			m, err := forecast.Fit(ds[k].Years, o.Spec, o.Fit, nil)
			if err != nil {
				return err
			}
			ol, err := forecast.Forecast(w, k, m, carry, *top)
			if err != nil {
				return err
			}
			if *format == "json" {
				return writeJSON(env.Stdout, ol)
			}
			return writeOutlook(env.Stdout, ol)
		}
	},
}

func init() { register(forecastCmd) }

// forecastHistory returns the history options of the forecasts: NMC v7.0
// (capabilities through 2022) and the state system extended through 2018,
// the last year of ATOP; read through the parsed cache as the other
// commands read (the cache keys its entries by loader and file).
func forecastHistory(env *Env) history.Options {
	return history.Options{NMC: 7, ExtendSystemTo: 2018, NoVerify: env.NoVerify, Cache: env.cacheDir()}
}

// flagRange turns a window error of package forecast into a usage error
// naming the flag.
func flagRange(err error) error {
	var re *forecast.RangeError
	if errors.As(err, &re) {
		return usagef("--%s %d: %s (valid %d–%d)", re.Field, re.Value, re.Why, re.Min, re.Max)
	}
	return err
}

// writePredictionsFile writes the predictions to path as every output
// file is written (writeFileAtomic).
func writePredictionsFile(path string, ps []forecast.Prediction) error {
	return writeFileAtomic(path, func(w io.Writer) error { return writePredictions(w, ps) })
}

// writePredictions writes ccode1,ccode2,year,p,outcome (ccode1 < ccode2).
func writePredictions(out io.Writer, ps []forecast.Prediction) error {
	cw := csv.NewWriter(out)
	if err := cw.Write([]string{"ccode1", "ccode2", "year", "p", "outcome"}); err != nil {
		return err
	}
	for _, p := range ps {
		o := "0"
		if p.Outcome {
			o = "1"
		}
		if err := cw.Write([]string{strconv.Itoa(p.A), strconv.Itoa(p.B), strconv.Itoa(p.Year),
			strconv.FormatFloat(p.P, 'g', 8, 64), o}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func fnum(n forecast.Num, digits int) string {
	return fmtFloat(scorecard.Number(n), digits)
}

func writeBacktest(out io.Writer, r *forecast.Result) error {
	origin := "rolling origin (refit before each year)"
	if !r.Rolling {
		origin = fmt.Sprintf("fixed origin (fit on %d–%d)", r.TrainFirst, r.From-1)
	}
	subset := "all dyads"
	if r.Relevant {
		subset = "politically relevant dyads"
	}
	fmt.Fprintf(out, "backtest: %s, outcome years %d–%d, %s, %s; %d fit(s), L2 penalty %g\n",
		r.Kind, r.From, r.To, subset, origin, r.Fits, r.Lambda)
	fmt.Fprintf(out, "95%% intervals: %d-replicate bootstrap resampling outcome years (seed %d)\n", r.Replicates, r.Seed)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "view\tdyad-years\tformed\ttreaties\tROC AUC\t95% CI\tPR AUC\t95% CI\tBrier skill\t95% CI\t")
	for _, m := range r.Metrics {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t[%s, %s]\t%s\t[%s, %s]\t%s\t[%s, %s]\t\n", m.View, m.N, m.Positives, m.Treaties,
			fnum(m.AUC.Est, 3), fnum(m.AUC.Lo, 3), fnum(m.AUC.Hi, 3),
			fnum(m.PRAUC.Est, 4), fnum(m.PRAUC.Lo, 4), fnum(m.PRAUC.Hi, 4),
			fnum(m.BSS.Est, 4), fnum(m.BSS.Lo, 4), fnum(m.BSS.Hi, 4))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(out, "\ncalibration (dyad-years by decile of predicted probability):\n")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "decile\tdyad-years\tformed\tmean p\tobserved\t")
	for i, b := range r.Metrics[0].Calibration {
		fmt.Fprintf(tw, "%d\t%d\t%d\t%s\t%s\t\n", i+1, b.N, b.Formed, fnum(b.MeanP, 5), fnum(b.Observed, 5))
	}
	return tw.Flush()
}

func writeOutlook(out io.Writer, o *forecast.Outlook) error {
	name := o.World
	if name == "" {
		name = fmt.Sprintf("the World of %d", o.WorldYear)
	}
	fmt.Fprintf(out, "forecast: new %s alliances in %d, from %s\n", o.Kind, o.WorldYear+1, name)
	fmt.Fprintf(out, "model: penalised logit fitted on outcome years %d–%d (%d dyad-years sampled, L2 penalty %g, base rate %.5f)\n",
		o.Model.Train[0], o.Model.Train[1], o.Model.Rows, o.Model.Lambda, o.Model.BaseRate)
	fmt.Fprintf(out, "%d dyads at risk; expected new allied dyads: %.1f\n\n", o.Dyads, o.Expected)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "rank\tdyad\tp\tfeatures that move it most (log-odds)")
	for i, p := range o.Picks {
		var fs []string
		for _, c := range p.Top {
			fs = append(fs, fmt.Sprintf("%s %+.2f", c.Feature, c.Logit))
		}
		fmt.Fprintf(tw, "%d\t%s (%d) – %s (%d)\t%.4f\t%s\n", i+1, p.NameA, p.A, p.NameB, p.B, p.P, strings.Join(fs, ", "))
	}
	return tw.Flush()
}
