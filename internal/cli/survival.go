package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
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
	"github.com/entente/entente/panel"
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
--out FILE writes the spell table for R, Python or Stata as FILE.csv,
FILE.csv.gz or FILE.parquet (by extension, as for entente panel): missing
values are empty in CSV and null in Parquet. --plot FILE.svg or .png draws
the survival curves and the cumulative incidence.

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
		out := fs.String("out", "", "write the spell table to `file` (.csv, .csv.gz or .parquet)")
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
			if err := checkTableOut(*out); err != nil {
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
				if err := spellTable(t).write(*out); err != nil {
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

// checkTableOut returns a usage error unless path names a format of the
// panel writers by its extension (.csv, .csv.gz or .parquet), as for
// entente panel and entente network.
func checkTableOut(path string) error {
	if path == "" {
		return nil
	}
	if _, err := panel.FormatOf(path); err != nil {
		return usagef("--out: %v", err)
	}
	return nil
}

// outTable collects the rows of a table for the panel writers, which
// write it as CSV (missing values empty) or Parquet (missing values null)
// by the extension of the file.
type outTable struct {
	cols []panel.Column
	b    panel.Batch
	err  error
}

func newOutTable(cols []panel.Column) *outTable {
	t := &outTable{cols: cols, b: panel.Batch{Cols: make([]panel.Vec, len(cols))}}
	for i := range cols {
		t.cols[i].Type = cols[i].Kind.String()
		t.b.Cols[i].Kind = cols[i].Kind
	}
	return t
}

// add appends a row, one value per column: an int or a world.Value in
// an Int column, a float64 or a world.Value in a Float column, a string
// in a String column; nil (or a missing world.Value) is missing.
func (t *outTable) add(vals ...any) {
	if len(vals) != len(t.cols) {
		panic(fmt.Sprintf("outTable: %d values for %d columns", len(vals), len(t.cols)))
	}
	r := t.b.Rows
	for c, x := range vals {
		v := &t.b.Cols[c]
		if v.Kind != panel.Float {
			v.Null = append(v.Null, false)
		}
		switch v.Kind {
		case panel.Float:
			f := math.NaN()
			switch x := x.(type) {
			case float64:
				f = x
			case world.Value:
				f = x.Float()
			case nil:
			default:
				panic(fmt.Sprintf("outTable: %T in float column %s", x, t.cols[c].Name))
			}
			v.F = append(v.F, f)
		case panel.String:
			s, ok := x.(string)
			if x != nil && !ok {
				panic(fmt.Sprintf("outTable: %T in string column %s", x, t.cols[c].Name))
			}
			v.S = append(v.S, s)
			v.Null[r] = x == nil
		default:
			var i int64
			switch x := x.(type) {
			case int:
				i = int64(x)
			case world.Value:
				if f := x.Float(); !x.IsMissing() {
					if f != math.Trunc(f) && t.err == nil {
						t.err = fmt.Errorf("column %s, row %d: %g is not a whole number", t.cols[c].Name, r+1, f)
					}
					i = int64(f)
				} else {
					v.Null[r] = true
				}
			case nil:
				v.Null[r] = true
			default:
				panic(fmt.Sprintf("outTable: %T in integer column %s", x, t.cols[c].Name))
			}
			v.I = append(v.I, i)
		}
	}
	t.b.Rows++
}

// write writes the table to path, in the format its extension names,
// replacing path only when the whole table was written (package outfile).
func (t *outTable) write(path string) error {
	if t.err != nil {
		return fmt.Errorf("write %s: %w", path, t.err)
	}
	removeStale(path, ".tmp*") // panel.Create's temporary name
	w, err := panel.Create(path, t.cols)
	if err != nil {
		return err
	}
	if err := w.Write(&t.b); err != nil {
		panel.Abort(w)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return w.Close()
}

// spellTable is the table a survival model was fitted to: one row per
// spell (or spell-year), the covariates last. member is missing at
// alliance level, year for whole spells, termmode and termcaus while in
// force and for COW, a covariate where its data are.
func spellTable(t *termination.Table) *outTable {
	cols := []panel.Column{
		{Name: "source", Kind: panel.String}, {Name: "alliance", Kind: panel.Int}, {Name: "member", Kind: panel.Int},
		{Name: "year", Kind: panel.Int}, {Name: "start_date", Kind: panel.String}, {Name: "end_date", Kind: panel.String},
		{Name: "tstart", Kind: panel.Float}, {Name: "tstop", Kind: panel.Float}, {Name: "event", Kind: panel.Int},
		{Name: "cause", Kind: panel.String}, {Name: "termmode", Kind: panel.Int}, {Name: "termcaus", Kind: panel.Int},
		{Name: "type", Kind: panel.String},
	}
	for _, n := range t.Names {
		cols = append(cols, panel.Column{Name: n, Kind: panel.Float})
	}
	out := newOutTable(cols)
	vals := make([]any, len(cols))
	for _, r := range t.Rows {
		s := r.Spell
		event := 0
		if r.Event {
			event = 1
		}
		copy(vals, []any{s.Source, s.Alliance, nonZero(s.Member), nonZero(r.Year), nonEmpty(s.Start.String()), nonEmpty(s.End.String()),
			r.Start, r.Stop, event, s.Cause.String(), s.Mode, s.TermCaus, nonEmpty(s.Type)})
		for j, v := range r.Values {
			vals[13+j] = v
		}
		out.add(vals...)
	}
	return out
}

// nonZero is i, or nil (missing) when i is 0.
func nonZero(i int) any {
	if i == 0 {
		return nil
	}
	return i
}

// nonEmpty is s, or nil (missing) when s is empty.
func nonEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
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
