package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/entente/entente/history"
	"github.com/entente/entente/termination"
	"github.com/entente/entente/world"
)

var survivalCmd = &Command{
	UsageLine: "survival [--source atop|cow] [--level alliance|member] [--by type] [--covariates LIST] [--cause all|violation|other] [--plot FILE] [--out FILE] [--format text|json]",
	Short:     "why alliances end: Kaplan–Meier, competing risks and Cox models of alliance duration",
	Long: `Survival treats alliances (or memberships, --level member) as durations and
prints the Kaplan–Meier survival with its median and the survival at 5, 10,
25 and 50 years (by the strongest obligation with --by type), the
cumulative incidence of ending by violation and by other causes (ATOP only:
COW codes no cause), and a Cox proportional-hazards model (Efron ties;
--ties breslow) of --covariates with hazard ratios, robust (Lin–Wei)
intervals grouped by spell, and the Schoenfeld-residual test of
proportional hazards.

Spells follow the reference construction: start from begyr/begmo/begday,
end from endyr/endmo/endday, an unknown day taken as the 15th, alliances in
force censored at the end of coverage (ATOP 2016-12-31, COW 2012-12-31),
durations in years (days / 365.25). See docs/termination.md.

Covariates: ` + strings.Join(termination.CovariateNames(""), ", ") + `.
The design covariates are fixed; mid, newally, sharedthreat, domestic and
interests vary by year (lagged one year) and make the table one row per
spell-year; all but newally load the historical data (MID, threat,
Archigos and Polity2, COW trade). --covariates none skips the Cox model. The
default is bilat,asymm,defense,nonagg,consul (ATOP) or
bilat,defense,neutral,nonagg (COW).

--cause violation (or other) models that cause's hazard alone, the other
endings censored (Leeds & Savun 2007). --formed FROM-TO and --bilateral
restrict the spells (Leeds & Savun's sample: --formed 1816-1989 --bilateral).
--out FILE.csv writes the spell table for R or Stata; --plot FILE.svg or
.png draws the survival curves and the cumulative incidence.

The data directory is --data DIR or $ENTENTE_DATA.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		data := addDataFlag(fs)
		source := fs.String("source", "atop", "`source` of alliances: atop (v4) or cow (v4.1)")
		level := fs.String("level", "alliance", "unit of a spell: alliance or member")
		by := fs.String("by", "", "split the survival curves by `group`: type (strongest obligation)")
		covs := fs.String("covariates", "", "comma-separated `list` of Cox covariates, or none")
		cause := fs.String("cause", "all", "event of the Cox model: all, violation or other")
		ties := fs.String("ties", "efron", "handling of tied times: efron or breslow")
		formed := fs.String("formed", "", "keep spells whose alliance formed in `FROM-TO` (years)")
		bilateral := fs.Bool("bilateral", false, "keep bilateral alliances only")
		plotFile := fs.String("plot", "", "draw the curves to `file` (.svg or .png)")
		out := fs.String("out", "", "write the spell table to `file` (.csv)")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("survival takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			p, err := survivalPlan(termination.Query{Source: *source, Level: *level, By: *by, Covariates: *covs,
				Cause: *cause, Ties: *ties, Formed: *formed, Bilateral: *bilateral})
			if err != nil {
				return err
			}
			if err := checkExt("--plot", *plotFile, ".svg", ".png"); err != nil {
				return err
			}
			if err := checkExt("--out", *out, ".csv"); err != nil {
				return err
			}
			dir, err := dataDir(env, *data)
			if err != nil {
				return err
			}
			h, err := survivalHistory(env, dir, p)
			if err != nil {
				return err
			}
			spells, facts, err := p.Spells(h)
			if err != nil {
				return err
			}
			o := p.Options
			a, err := termination.Analyze(spells, p.Level, facts, o)
			if err != nil {
				return err
			}
			if *out != "" {
				names := o.Covariates
				t, err := termination.Build(spells, names, facts)
				if err != nil {
					return err
				}
				if err := createFile(*out, func(w io.Writer) error { return writeSpellTable(w, t) }); err != nil {
					return err
				}
			}
			if *plotFile != "" {
				if err := plotSurvival(*plotFile, a); err != nil {
					return err
				}
			}
			if *format == "json" {
				return writeJSON(env.Stdout, a)
			}
			return writeAnalysis(env.Stdout, a)
		}
	},
}

func init() { register(survivalCmd) }

// survivalPlan checks the flags of entente survival (termination.Query);
// a bad value is a usage error naming its flag.
func survivalPlan(q termination.Query) (*termination.Plan, error) {
	p, err := q.Plan()
	var pe *termination.ParamError
	if errors.As(err, &pe) {
		return nil, usagef("%s", pe.Named("--"))
	}
	return p, err
}

// survivalHistory returns the history the plan reads: every table when a
// covariate needs them (shared with the other commands), else the alliance
// files alone, which open in a fraction of the time.
func survivalHistory(env *Env, dir string, p *termination.Plan) (*history.History, error) {
	if p.NeedsHistory() {
		return openHistoryCached(env, dir)
	}
	files := p.Files()
	return history.OpenWith(dir, history.Options{NoVerify: env.NoVerify, Cache: env.cacheDir(),
		Skip: func(f string) bool { return !slices.Contains(files, f) }})
}

func checkExt(flagName, file string, exts ...string) error {
	if file == "" {
		return nil
	}
	ext := strings.ToLower(filepath.Ext(file))
	for _, e := range exts {
		if ext == e {
			return nil
		}
	}
	return usagef("%s %q: want a file ending in %s", flagName, file, strings.Join(exts, " or "))
}

func createFile(path string, write func(io.Writer) error) error {
	return writeFileAtomic(path, write)
}

// writeSpellTable writes the table as CSV: one row per spell (or spell
// year), missing values empty.
func writeSpellTable(w io.Writer, t *termination.Table) error {
	cw := csv.NewWriter(w)
	head := []string{"source", "alliance", "member", "year", "start_date", "end_date", "tstart", "tstop", "event", "cause", "termmode", "termcaus", "type"}
	cw.Write(append(head, t.Names...))
	for _, r := range t.Rows {
		s := r.Spell
		rec := []string{s.Source, strconv.Itoa(s.Alliance), intOrEmpty(s.Member), intOrEmpty(r.Year), s.Start.String(), s.End.String(),
			strconv.FormatFloat(r.Start, 'g', 17, 64), strconv.FormatFloat(r.Stop, 'g', 17, 64), boolDigit(r.Event),
			s.Cause.String(), csvValue(s.Mode), csvValue(s.TermCaus), s.Type}
		for _, v := range r.Values {
			rec = append(rec, csvValue(v))
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}

func intOrEmpty(i int) string {
	if i == 0 {
		return ""
	}
	return strconv.Itoa(i)
}

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func csvValue(v world.Value) string {
	if v.IsMissing() {
		return ""
	}
	return strconv.FormatFloat(v.Float(), 'g', -1, 64)
}

func writeAnalysis(out io.Writer, a *termination.Analysis) error {
	fmt.Fprintf(out, "%s %s spells: %d, ended %d (violation %d, other %d, cause unknown %d), censored %d\n\n",
		strings.ToUpper(a.Source), a.Level, a.Spells, a.Ended, a.Causes["violation"], a.Causes["other"], a.Causes["unknown"], a.Causes["censored"])
	fmt.Fprintln(out, "Kaplan–Meier survival (95% intervals), durations in years")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "group\tn\tended\tmedian\t(95% CI)\t")
	for _, p := range a.Survival[0].At {
		fmt.Fprintf(tw, "S(%g)\t", p.Years)
	}
	fmt.Fprintln(tw)
	for _, c := range a.Survival {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t(%s, %s)\t", c.Group, c.N, c.Events, fmt2(c.Median), fmt2(c.MedianLower), fmt2(c.MedianUpper))
		for _, p := range c.At {
			fmt.Fprintf(tw, "%s\t", fmtValue(p.Value))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	if len(a.Incidence) > 0 {
		fmt.Fprintln(out, "\nCumulative incidence by cause (Aalen–Johansen)")
		tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprint(tw, "cause\tended\t")
		for _, p := range a.Incidence[0].At {
			fmt.Fprintf(tw, "F(%g)\t", p.Years)
		}
		fmt.Fprintln(tw)
		for _, c := range a.Incidence {
			fmt.Fprintf(tw, "%s\t%d\t", c.Cause, c.Events)
			for _, p := range c.At {
				fmt.Fprintf(tw, "%s\t", fmtValue(p.Value))
			}
			fmt.Fprintln(tw)
		}
		tw.Flush()
	}
	if c := a.Cox; c != nil {
		unit := "spells"
		if a.Yearly {
			unit = "spell-years"
		}
		fmt.Fprintf(out, "\nCox model, event: %s (%s ties); %d %s of %d spells, %d events", c.Event, c.Ties, c.Rows, unit, c.Spells, c.Events)
		if c.Dropped > 0 {
			fmt.Fprintf(out, "; %d rows left out for a missing covariate", c.Dropped)
		}
		fmt.Fprintf(out, "\nlog partial likelihood %.4f (null %.4f), LR chi2 %.2f, p %.3g\n", c.LogLik, c.LogLik0, c.LR, c.LRP)
		tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "covariate\tcoef\tse\trobust se\thazard ratio\t(95% CI, robust)\tp\tPH chi2\tPH p\t")
		for j, l := range c.Lines {
			ph := c.PH[j]
			fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%.3f\t(%.3f, %.3f)\t%.3g\t%.2f\t%.3g\t\n", l.Name, l.Coef, l.SE, l.RobustSE, l.HR, l.Lower, l.Upper, l.P, ph.Chisq, ph.P)
		}
		g := c.PH[len(c.PH)-1]
		fmt.Fprintf(tw, "GLOBAL PH test\t\t\t\t\t\t\t%.2f\t%.3g\t\n", g.Chisq, g.P)
		tw.Flush()
	}
	return nil
}

func fmt2(v world.Value) string {
	if v.IsMissing() {
		return "NA"
	}
	return strconv.FormatFloat(v.Float(), 'f', 2, 64)
}

// plotSurvival draws the Kaplan–Meier curves (left) and, when the source
// codes causes, the cumulative incidence by cause (right).
func plotSurvival(path string, a *termination.Analysis) error {
	km := plot.New()
	km.Title.Text = fmt.Sprintf("%s %s survival (Kaplan–Meier)", strings.ToUpper(a.Source), a.Level)
	km.X.Label.Text = "years since formation"
	km.Y.Label.Text = "share still in force"
	km.Y.Min, km.Y.Max = 0, 1
	km.Legend.Top = true
	for i, c := range a.Survival {
		pts := plotter.XYs{{X: 0, Y: 1}}
		for _, st := range c.KM.Steps {
			pts = append(pts, plotter.XY{X: st.Time, Y: pts[len(pts)-1].Y}, plotter.XY{X: st.Time, Y: st.Surv})
		}
		l, err := plotter.NewLine(pts)
		if err != nil {
			return err
		}
		l.Color = plotutil.Color(i)
		l.Dashes = plotutil.Dashes(i)
		km.Add(l)
		km.Legend.Add(fmt.Sprintf("%s (n=%d)", c.Group, c.N), l)
	}
	plots := [][]*plot.Plot{{km}}
	if len(a.Incidence) > 0 {
		ci := plot.New()
		ci.Title.Text = "cumulative incidence by cause (Aalen–Johansen)"
		ci.X.Label.Text = "years since formation"
		ci.Y.Label.Text = "share ended by cause"
		ci.Y.Min, ci.Y.Max = 0, 1
		ci.Legend.Top = true
		ci.Legend.Left = true
		for i, c := range a.Incidence {
			pts := plotter.XYs{{X: 0, Y: 0}}
			for j, t := range c.Times {
				pts = append(pts, plotter.XY{X: t, Y: pts[len(pts)-1].Y}, plotter.XY{X: t, Y: c.CIF[j]})
			}
			l, err := plotter.NewLine(pts)
			if err != nil {
				return err
			}
			l.Color = plotutil.Color(i)
			l.Dashes = plotutil.Dashes(i)
			ci.Add(l)
			ci.Legend.Add(fmt.Sprintf("%s (%d)", c.Cause, c.Events), l)
		}
		plots[0] = append(plots[0], ci)
	}
	w := vg.Length(len(plots[0])) * 5 * vg.Inch
	h := 4 * vg.Inch
	var canvas vg.CanvasWriterTo
	if strings.ToLower(filepath.Ext(path)) == ".png" {
		canvas = vgimg.PngCanvas{Canvas: vgimg.New(w, h)}
	} else {
		canvas = vgsvg.New(w, h)
	}
	dc := draw.New(canvas)
	tiles := draw.Tiles{Rows: 1, Cols: len(plots[0]), PadX: vg.Millimeter * 4, PadY: vg.Millimeter * 2, PadTop: vg.Millimeter * 2, PadBottom: vg.Millimeter * 2, PadLeft: vg.Millimeter * 2, PadRight: vg.Millimeter * 2}
	cs := plot.Align(plots, tiles, dc)
	for j, p := range plots[0] {
		p.Draw(cs[0][j])
	}
	return createFile(path, func(f io.Writer) error {
		_, err := canvas.WriteTo(f)
		return err
	})
}
