package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/align"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

var alignCmd = &Command{
	UsageLine: "align [--year Y] [--data DIR | --world FILE] [--state STATE] [--format text|json]",
	Short:     "predict balancing or bandwagoning, with the conditions that fired and the best partners",
	Long: `Align predicts each state's alignment against its top threat (see 'entente
threat'): balance (ally with others against it), bandwagon (align with it),
or none when nobody is hostile to it. Under the default threat model (walt)
a state bandwagons only when it is weak (CINC share below --weak), the
threat is overwhelming against its own strength (the threat's reaching
power, R, at least --overwhelming) and no ally is available (no defence pact
on the date, no partner facing the same threat) (Walt 1987; Labs 1992).
Partners exclude states hostile to it and those allied with the threat; the
utility adds the partner's power that reaches the threat, the threat they
share, regime similarity and past alliances, and subtracts the threat the
partner poses; a term without data is null, never a mean. Under --composite
sum, the seed's four conditions apply, any one sufficing. See docs/threat.md.

JSON gives, per state: state, name, top_threat, top_threat_name, choice,
conditions (name, value, threshold, fired, rule) and partners (with names).

` + worldHelp,
	Setup: func(fs *flag.FlagSet) RunFunc {
		wf := addWorldFlags(fs)
		state := fs.String("state", "", "only the `state` (COW ccode, COW abbreviation, ISO3 code or name)")
		format := fs.String("format", "text", "output `format`: text or json")
		af := addAlignFlags(fs)
		mf := addThreatFlags(fs)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("align takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			to, err := mf.options()
			if err != nil {
				return err
			}
			o, err := af.options()
			if err != nil {
				return err
			}
			w, only, err := wf.loadState(env, "--state", *state)
			if err != nil {
				return err
			}
			m, err := threat.Compute(w, to)
			if err != nil {
				return err
			}
			ps, err := align.Predict(w, m, o)
			if err != nil {
				return err
			}
			if only != 0 {
				for _, p := range ps {
					if p.State == only {
						ps = []align.Prediction{p}
						break
					}
				}
			}
			if *format == "json" {
				return writeJSON(env.Stdout, ps)
			}
			return writeAlign(env.Stdout, w, ps, only != 0)
		}
	},
}

func init() { register(alignCmd) }

func writeAlign(out io.Writer, w *world.World, ps []align.Prediction, detail bool) error {
	counts := map[align.Choice]int{}
	for _, p := range ps {
		counts[p.Choice]++
	}
	fmt.Fprintf(out, "alignment in %d: %d balance, %d bandwagon, %d none\n", w.Year,
		counts[align.Balance], counts[align.Bandwagon], counts[align.StayOut])
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "state\t\ttop threat\t\ttotal\tchoice\tconditions fired\tbalancing partners")
	for _, p := range ps {
		top, total := "-\t", "NA"
		if p.TopThreat != nil {
			top = fmt.Sprintf("%d\t%s", p.TopThreat.From, w.Label(p.TopThreat.From, world.ByAbbrev))
			total = fmtValue(p.TopThreat.Total)
		}
		var partners []string
		for i, q := range p.Partners {
			if i == 3 {
				break
			}
			partners = append(partners, w.Label(q.CCode, world.ByAbbrev))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", p.State, w.Label(p.State, world.ByAbbrev), top, total, p.Choice,
			strings.Join(p.Fired(), ","), strings.Join(partners, " "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !detail || len(ps) != 1 {
		return nil
	}
	p := ps[0]
	if len(p.Conditions) > 0 {
		fmt.Fprintln(out, "\nconditions:")
		tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		for _, c := range p.Conditions {
			fmt.Fprintf(tw, "  %s\t%s\tthreshold %g\tfired %v\t%s\n", c.Name, fmtValue(c.Value), c.Threshold, c.Fired, c.Rule)
		}
		tw.Flush()
	}
	if len(p.Partners) > 0 {
		fmt.Fprintln(out, "\npartners:")
		tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "ccode\t\tutility\tcapability\tinterests\tdomestic\tidentity\tshares threat\t")
		for _, q := range p.Partners {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%v\t\n", q.CCode, w.Label(q.CCode, world.ByAbbrev), fmtValue(q.Utility),
				fmtValue(q.Capability), fmtValue(q.Interests), fmtValue(q.Domestic), fmtValue(q.Identity), q.SharesThreat)
		}
		tw.Flush()
	}
	return nil
}

// alignFlags are the thresholds of align's conditions, shared by align and
// scorecard.
type alignFlags struct {
	weak, over, minT *float64
	partners         *int
}

// addAlignFlags defines --weak, --overwhelming, --min-threat and --partners.
func addAlignFlags(fs *flag.FlagSet) alignFlags {
	d := align.DefaultOptions()
	return alignFlags{
		weak:     fs.Float64("weak", d.Weak, "weakness `threshold`: CINC_i / (CINC_threat × its proximity to i) below it"),
		over:     fs.Float64("overwhelming", d.Overwhelming, "overwhelming-threat `threshold`, a share of the largest possible total"),
		minT:     fs.Float64("min-threat", d.MinThreat, "below this `share` of the largest possible total, a state stays out"),
		partners: fs.Int("partners", d.Partners, "`number` of partners listed"),
	}
}

// options returns the align options the flags set, checking one flag at a
// time so that an error names its flag (the defaults are valid).
func (f alignFlags) options() (align.Options, error) {
	o := align.DefaultOptions()
	for _, set := range []struct {
		flag string
		set  func()
	}{
		{"--weak", func() { o.Weak = *f.weak }},
		{"--overwhelming", func() { o.Overwhelming = *f.over }},
		{"--min-threat", func() { o.MinThreat = *f.minT }},
		{"--partners", func() { o.Partners = *f.partners }},
	} {
		set.set()
		if err := o.Validate(); err != nil {
			return o, usagef("%s: %v", set.flag, err)
		}
	}
	return o, nil
}
