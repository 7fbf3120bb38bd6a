package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/threat/validate"
)

var validateCmd = &Command{
	UsageLine: "validate",
	Short:     "validate the threat model against history",
	Sub:       []*Command{validateThreatCmd},
}

var validateThreatCmd = &Command{
	UsageLine: "validate threat [--data DIR] [--cases FILE] [--format text|json]",
	Short:     "face validity on known cases and out-of-sample prediction of disputes and balancing",
	Long: `Validate threat runs the threat and align models (their defaults and the
threat flags given) on the face-validity cases (--cases, by default
DIR/../fixtures/threat/cases.csv) and prints each case with pass or fail; then
it scores every directed dyad-year of 1816–2014 with the default model, the
seed's sum and the single components, fits each on the outcomes of 1816–1945
and reports AUC and log-loss on 1946–2014 for (a) j initiating a militarized
dispute against i in t+1 and (b) i forming a new defence pact in t+1 with a
partner j also threatens (contiguous to it or opposed in a dispute), and,
as a sensitivity check of (b), with a partner j is hostile to (a dispute
or a rivalry). With --exponents the model scored is the one given; the
exponents the fit selects are printed beside it. See docs/threat.md.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		data := fs.String("data", "", "data `dir`ectory (default $ENTENTE_DATA)")
		cases := fs.String("cases", "", "face-validity cases `file` (default DIR/../fixtures/threat/cases.csv)")
		format := fs.String("format", "text", "output `format`: text or json")
		mf := addThreatFlags(fs)
		af := addAlignFlags(fs)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("validate threat takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
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
			emb, err := worldfile.Default()
			if err != nil {
				return err
			}
			path := *cases
			if path == "" {
				path = filepath.Join(dir, "..", "fixtures", "threat", "cases.csv")
			}
			f, err := os.Open(path)
			if err != nil {
				return fmt.Errorf("--cases: %w", err)
			}
			defer f.Close()
			cs, err := validate.ReadCases(path, f)
			if err != nil {
				return err
			}
			face, err := validate.Face(cs, validate.Worlds{History: h, Embedded: emb}, to, ao)
			if err != nil {
				return err
			}
			oos, err := validate.OutOfSample(h, validate.DefaultSplit, to, validate.DefaultGrid)
			if err != nil {
				return err
			}
			if *format == "json" {
				return writeJSON(env.Stdout, struct {
					Face        *validate.FaceResult `json:"face"`
					OutOfSample *validate.OOSResult  `json:"out_of_sample"`
				}{face, oos})
			}
			return writeValidation(env.Stdout, face, oos, to)
		}
	},
}

func init() { register(validateCmd) }

func passFail(scored, pass bool) string {
	switch {
	case !scored:
		return "-"
	case pass:
		return "pass"
	}
	return "FAIL"
}

func writeValidation(out io.Writer, face *validate.FaceResult, oos *validate.OOSResult, to threat.Options) error {
	fmt.Fprintln(out, "face validity")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "world\tyear\tstate\ttop threat\twant\t\tchoice\twant\t\tpartners\twant\t")
	ints := func(xs []int) string {
		s := make([]string, len(xs))
		for i, x := range xs {
			s[i] = fmt.Sprint(x)
		}
		return strings.Join(s, "|")
	}
	for _, r := range face.Rows {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", r.World, r.Year, r.Name,
			r.TopThreat, r.TopName, ints(r.Want), passFail(true, r.TopPass),
			r.Choice, r.WantChoice, passFail(r.ChoiceScored, r.ChoicePass),
			ints(r.Partners), ints(r.WantPartners), passFail(r.PartnerScored, r.PartnerPass))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	top, ch, pa := face.Rates()
	fmt.Fprintf(out, "top threats %d/%d (%.0f%%, target 90%%), choices %d/%d (%.0f%%, target 80%%), partners %d/%d (%.0f%%, target 80%%)\n\n",
		face.TopPass, face.Top, 100*top, face.ChoicePass, face.Choices, 100*ch, face.PartPass, face.Partners, 100*pa)
	fmt.Fprintf(out, "out of sample: fitted on outcomes %d–%d, tested on %d–%d\n", oos.Split.TrainFrom, oos.Split.TrainTo, oos.Split.TestFrom, oos.Split.TestTo)
	fmt.Fprintf(out, "exponents fitted on the training years: aggregate power %g, dyadic capability %g, proximity %g, intent %g\n", oos.AggregateExp, oos.PowerExp, oos.ProximityExp, oos.IntentPower)
	fmt.Fprintf(out, "exponents of the model scored (--exponents): %g,%g,%g,%g; power index %s\n", to.AggregateExp, to.PowerExp, to.ProximityExp, to.IntentPower, to.PowerIndex)
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "behaviour\tmodel\ttest AUC\ttest log-loss\ttrain AUC\ttrain log-loss\tn test\tevents\t")
	for k, m := range oos.Test {
		tr := oos.Train[k]
		fmt.Fprintf(tw, "%s\t%s\t%.4f\t%.5f\t%.4f\t%.5f\t%d\t%d\t\n", m.Behaviour, m.Model, m.AUC, m.LogLoss, tr.AUC, tr.LogLoss, m.N, m.Events)
	}
	return tw.Flush()
}
