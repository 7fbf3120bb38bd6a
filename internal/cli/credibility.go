package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/credibility"
	"github.com/entente/entente/history"
	"github.com/entente/entente/reliability"
	"github.com/entente/entente/world"
)

var credibilityCmd = &Command{
	UsageLine: "credibility [--year Y] [--data DIR | --world FILE] [--patron STATE] [--protege STATE] [--half-life YEARS] [--validate] [--format text|json]",
	Short:     "how credible each commitment is: interests, capability, reputation, signals, domestic support",
	Long: `Credibility measures, for each commitment of a World (a patron's defence or
offence pledge to a protégé, or a partnership), an index from five
components, each in [0,1] and shown: interests (alliance-portfolio
similarity, trade, shared IGOs, regime similarity), capability (the
patron's capability that reaches the protégé against its top threat's),
reputation (the patron's past reliability under the llm rule, decayed with
--half-life), signals (ATOP milcon, base, intcom, milaid, organ1; troops
stationed and nuclear sharing for the 2024 world) and domestic support
(democracy, leader tenure). The index is their mean over the components
measured. Extended deterrence is shown beside it: whether the protégé's
top threat is nuclear-armed (adv), whether the patron extends a nuclear
umbrella (umb) and whether its homeland is exposed (exp). The composite is
entente's own construction; see docs/credibility.md.

--validate fits the index's weights on the invocations of 1816–1945 and
reports, on those after, how well the fitted and the equal-weight index
separate honoured from broken pledges (AUC, war-clustered bootstrap
interval). It needs the data directory.

Reputation needs the reliability record, read from the data directory
(--data DIR or $ENTENTE_DATA); without it reputation is missing and the
output says so.

` + worldHelp,
	Setup: func(fs *flag.FlagSet) RunFunc {
		wf := addWorldFlags(fs)
		patron := fs.String("patron", "", "keep commitments of the patron `state` (COW ccode, abbreviation, ISO3 code or name)")
		protege := fs.String("protege", "", "keep commitments to the protégé `state`")
		halfLife := fs.Float64("half-life", credibility.DefaultOptions().HalfLife, "`years` for a past invocation's weight in reputation to halve")
		validate := fs.Bool("validate", false, "validate the index out of sample on the historical invocations")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("credibility takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			o := credibility.DefaultOptions()
			o.HalfLife = *halfLife
			if err := o.Validate(); err != nil {
				return usagef("--half-life %v: want a positive number of years", *halfLife)
			}
			if *validate {
				return runCredibilityValidation(env, *wf.data, o, *format)
			}
			w, err := wf.load(env)
			if err != nil {
				return err
			}
			var p, q int
			if *patron != "" {
				if p, err = wf.resolveState(env, w, "--patron", *patron); err != nil {
					return err
				}
			}
			if *protege != "" {
				if q, err = wf.resolveState(env, w, "--protege", *protege); err != nil {
					return err
				}
			}
			c, err := credibilityContext(env, wf, w, o)
			if err != nil {
				return err
			}
			res := c.Select(p, q)
			if *format == "json" {
				return writeJSON(env.Stdout, res)
			}
			writeCredibility(env.Stdout, res)
			return nil
		}
	},
}

func init() { register(credibilityCmd) }

// credibilityContext builds the Context of w: with the data directory at
// hand, the patrons' reliability record, and for a historical World the
// ATOP provisions (a world file's stationing is in the World).
func credibilityContext(env *Env, wf worldFlags, w *world.World, o credibility.Options) (*credibility.Context, error) {
	var rec *credibility.Record
	var prov credibility.Provisions
	historical := *wf.wld == "" && *wf.year != 0
	if dir, err := dataDir(env, *wf.data); err == nil {
		h, err := openHistoryCached(env, dir)
		if err != nil {
			return nil, err
		}
		_, llm := reliability.FromHistory(h)
		rec = credibility.NewRecord(llm)
		if historical {
			prov = credibility.ATOPProvisions(h.ATOPMembers())
		}
	}
	return credibility.NewContext(w, rec, prov, o)
}

func runCredibilityValidation(env *Env, data string, o credibility.Options, format string) error {
	dir, err := dataDir(env, data)
	if err != nil {
		return err
	}
	h, err := openHistoryCached(env, dir)
	if err != nil {
		return err
	}
	_, llm := reliability.FromHistory(h)
	src, err := credibility.NewSource(h, llm, o)
	if err != nil {
		return err
	}
	inv, err := credibility.Invocations(src, llm, history.WarsFirst, history.WarsLast)
	if err != nil {
		return err
	}
	v, err := credibility.Validate(inv, 1945, 1000, 1)
	if err != nil {
		return err
	}
	if format == "json" {
		return writeJSON(env.Stdout, v)
	}
	fmt.Fprintf(env.Stdout, "credibility of triggered defence and offence pledges (llm rule), measured the year before\n")
	fmt.Fprintf(env.Stdout, "fit 1816-%d: %d invocations (%d honoured); test after: %d (%d honoured)\n\n", v.Split, v.Train, v.TrainHonoured, v.Test, v.TestHonoured)
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "term\tcoefficient\tse\t")
	for k, n := range v.Fit.Names {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t\n", n, v.Fit.Beta[k], v.Fit.SE[k])
	}
	tw.Flush()
	fmt.Fprintf(env.Stdout, "\ntest AUC (95%% interval, %d war-clustered bootstrap replicates)\n", v.Boot)
	tw = tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, a := range v.Scores {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f–%.3f\t\n", a.Score, a.AUC, a.Lo, a.Hi)
	}
	return tw.Flush()
}

// na formats a value in [0,1] with two decimals, NA when missing.
func na(v world.Value) string {
	if !v.OK() {
		return "NA"
	}
	return fmt.Sprintf("%.2f", float64(v))
}

func writeCredibility(w io.Writer, r *credibility.Result) {
	fmt.Fprintf(w, "credibility of commitments, %d", r.Year)
	if r.World != "" {
		fmt.Fprintf(w, " (%s)", r.World)
	}
	fmt.Fprintf(w, "; reputation half-life %g years\n", r.HalfLife)
	if r.Note != "" {
		fmt.Fprintf(w, "note: %s\n", r.Note)
	}
	if len(r.Commitments) == 0 {
		return
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "patron\tprotégé\tcommitment\tindex\tinterests\tcapability\treputation\tsignals\tdomestic\ttop threat\textended")
	for _, c := range r.Commitments {
		kind := c.Alliance
		if c.Status != "" {
			kind += " (" + c.Status + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.PatronName, c.ProtegeName, kind, na(c.Index),
			na(c.Interests), na(c.Capability), na(c.Reputation), na(c.Signals), na(c.Domestic), orDash(c.Detail.ThreatName), extended(c.Extended))
	}
	tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// extended lists the extended-deterrence flags that hold: adv (the
// adversary is nuclear-armed), umb (nuclear umbrella), exp (the patron's
// homeland is exposed).
func extended(e credibility.Extended) string {
	var f []string
	if e.AdversaryNuclear {
		f = append(f, "adv")
	}
	if e.Umbrella {
		f = append(f, "umb")
	}
	if e.HomelandExposed {
		f = append(f, "exp")
	}
	if len(f) == 0 {
		return "-"
	}
	return strings.Join(f, ",")
}
