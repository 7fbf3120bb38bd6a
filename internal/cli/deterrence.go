package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/entente/entente/credibility"
	"github.com/entente/entente/reliability"
)

var deterrenceCmd = &Command{
	UsageLine: "deterrence [--data DIR] [--years A-B] [--split Y] [--spec leeds|credibility] [--all-dyads] [--format text|json]",
	Short:     "do defence pacts deter? a logit of dispute initiation on directed dyad-years (Leeds 2003)",
	Long: `Deterrence fits a logistic regression on directed dyad-years (j, i): the
outcome is j initiating (originator on side A) a militarized dispute
against i in t+1 (Gibler–Miller–Little MID 2.1.1 dyad-years). The
regressors are a defence pact protecting i from a third state (ATOP 5.1),
with --spec credibility also the credibility index of the most credible
such pact; j and i allied with each other; a third state's offence or
neutrality pledge to j; direct contiguity, log capital distance, j's
share of the dyad's CINC, joint democracy (polity2 >= 6), j and i major
powers, and peace years with their square and cube (capped at 40).

--years A-B (default 1816-2009; outcomes need t+1 <= 2010) and --split Y
(default 1945): the model is fitted on A..Y and, separately, on Y+1..B,
each with 95% intervals from standard errors clustered by dyad; the first
model's AUC on the later years is reported. The sample is the politically
relevant dyads (contiguous, or with a major power); --all-dyads keeps
every dyad (feasible before 1946: after, some two million dyad-years).
See docs/credibility.md.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		data := addDataFlag(fs)
		years := fs.String("years", "1816-2009", "dyad-years `A-B`")
		split := fs.Int("split", 1945, "last `year` of the first fit")
		spec := fs.String("spec", credibility.SpecLeeds, "`specification`: leeds (the pact alone) or credibility (and its credibility)")
		all := fs.Bool("all-dyads", false, "every directed dyad, not the politically relevant ones")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("deterrence takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			if *spec != credibility.SpecLeeds && *spec != credibility.SpecCredibility {
				return usagef("--spec %q: want leeds or credibility", *spec)
			}
			// The dispute data cover 1816-2010; outcomes are read in t+1.
			from, to, err := yearsWithin(*years, 1816, 2009, "the dispute data (outcomes in t+1)")
			if err != nil {
				return err
			}
			if *split < from || *split >= to {
				return usagef("--split %d: want a year in %d..%d", *split, from, to-1)
			}
			h, err := historyOf(env, *data)
			if err != nil {
				return err
			}
			_, llm := reliability.FromHistory(h)
			src, err := credibility.NewSource(h, llm, credibility.DefaultOptions())
			if err != nil {
				return err
			}
			rows, err := credibility.DeterrenceData(src, from, to, *all)
			if err != nil {
				return err
			}
			m, err := credibility.Deterrence(rows, *split, *spec)
			if err != nil {
				return err
			}
			if *format == "json" {
				return writeJSON(env.Stdout, m)
			}
			writeDeterrence(env.Stdout, m)
			return nil
		}
	},
}

func init() { register(deterrenceCmd) }

func writeDeterrence(w io.Writer, m *credibility.DeterrenceModel) {
	fmt.Fprintf(w, "P(j initiates a MID against i in t+1), logit, specification %s\n", m.Spec)
	fmt.Fprintf(w, "fit %d-%d: %d dyad-years, %d initiations; fit %d-%d: %d dyad-years, %d initiations\n",
		m.TrainFrom, m.TrainTo, m.TrainN, m.TrainEvents, m.TestFrom, m.TestTo, m.TestN, m.TestEvents)
	fmt.Fprintf(w, "AUC of the first fit on %d-%d: %.3f\n\n", m.TestFrom, m.TestTo, m.TestAUC)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "term\t%d-%d\t95%% interval\todds\t%d-%d\t95%% interval\todds\t\n", m.TrainFrom, m.TrainTo, m.TestFrom, m.TestTo)
	for k := range m.Train {
		a, b := m.Train[k], m.Test[k]
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f–%.3f\t%.2f\t%.3f\t%.3f–%.3f\t%.2f\t\n", a.Name, a.Beta, a.Lo, a.Hi, a.Odds, b.Beta, b.Lo, b.Hi, b.Odds)
	}
	tw.Flush()
	fmt.Fprintln(w, "\nintervals: standard errors clustered by dyad")
}
