package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/capability"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

var threatCmd = &Command{
	UsageLine: "threat [--year Y] [--data DIR | --world FILE] [--state STATE] [--top K] [--composite walt|sum|multiplicative] [--power INDEX] [--exponents δ,α,β,γ] [--format text|json]",
	Short:     "who threatens whom: Walt's balance of threat with its components",
	Long: `Threat computes the threat each state poses to each other state (Walt 1987).
The default (--composite walt) is dyadic and gated by intentions: the
power and offensive capability of j that reach i, relative to i's own
(loss-of-strength gradient on both), times proximity, give the potential
threat; aggressive intentions (decayed disputes, coded hostility, rivalry,
territorial claims, war) turn it into an actual one, and a defence ally on
the date is no threat unless hostility is coded or a dispute went on within
10 years. --composite sum is the seed's teaching model: the composite of aggregate power (CINC relative to the strongest state),
proximity (Bueno de Mesquita's loss-of-strength gradient over the capital
distance, land neighbours at distance 0), offensive capability (military
spending and personnel; power projection and nuclear weapons in world files)
and aggressive intentions (decayed militarized disputes, coded hostility;
lowered between allies). Each component lies in [0,1]; under --composite
sum the total is their sum (0..4). Rows are sorted by total, largest
first; missing values print as NA (null in JSON).

The walt composite is T = P^δ · D^α · X^β · ((I + ε)/(1 + ε))^γ; the
exponents (--exponents δ,α,β,γ) default to those fitted on the outcomes
of 1816–1945 (0,0,0.25,1), which give capability no weight in ranking
threats. Weighing it (e.g. --power beckley --exponents 0.25,0.25,2,2)
ranks the great powers historians name first and predicts disputes and
alliances worse after 1945 (docs/threat.md, "The two targets conflict").

With --state, it lists the threats that state faces (to = STATE: a COW
ccode, COW abbreviation, ISO3 code or name). --top K
keeps the first K rows. See docs/threat.md for the formulas and citations.

` + worldHelp,
	Setup: func(fs *flag.FlagSet) RunFunc {
		wf := addWorldFlags(fs)
		state := fs.String("state", "", "list the threats faced by the `state` (COW ccode, COW abbreviation, ISO3 code or name)")
		top := fs.Int("top", 0, "keep the first `K` rows (0: all)")
		format := fs.String("format", "text", "output `format`: text or json")
		mf := addThreatFlags(fs)
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("threat takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			if *top < 0 {
				return usagef("--top %d: want K >= 0", *top)
			}
			o, err := mf.options()
			if err != nil {
				return err
			}
			w, only, err := wf.loadState(env, "--state", *state)
			if err != nil {
				return err
			}
			if err := powerAvailable(w, o.PowerIndex); err != nil {
				return err
			}
			m, err := threat.Compute(w, o)
			if err != nil {
				return err
			}
			var rows []threat.Threat
			if only != 0 {
				rows = m.Faced(only)
			} else {
				rows = m.All()
			}
			if *top > 0 && len(rows) > *top {
				rows = rows[:*top]
			}
			if *format == "json" {
				if rows == nil {
					rows = []threat.Threat{}
				}
				return writeJSON(env.Stdout, rows)
			}
			return writeThreats(env.Stdout, w, m, rows)
		}
	},
}

func init() { register(threatCmd) }

// powerAvailable reports an error when no state of w has the power index
// p (SDP in a world file, GDP before the economy data begin): every total
// would be missing.
func powerAvailable(w *world.World, p threat.PowerIndex) error {
	for _, v := range capability.PowerShares(w, capability.Power(p)) {
		if v.OK() {
			return nil
		}
	}
	return fmt.Errorf("--power %s: no state of the %d World has it (world files carry GDP and population, not SDP; historical Worlds from the data directory carry all three: docs/power.md)", p, w.Year)
}

// threatFlags are the threat model's options as flags, shared by the
// threat and align commands.
type threatFlags struct {
	weights, composite, gradient *string
	exponents                    *string
	powerIndex                   *string
	milesPerDay, halfLife        *float64
	allyFactor                   *float64
	strict                       *bool
}

func addThreatFlags(fs *flag.FlagSet) threatFlags {
	d := threat.DefaultOptions()
	power := new(string)
	fs.StringVar(power, "power", d.PowerIndex.String(), "aggregate power `index` of the walt composite: "+threat.PowerIndexes+" (docs/power.md)")
	fs.StringVar(power, "power-index", d.PowerIndex.String(), "the same as --power")
	return threatFlags{
		weights: fs.String("weights", "1,1,1,1", "`weights` of power, proximity, offense and intent, comma-separated"),
		exponents: fs.String("exponents", fmt.Sprintf("%g,%g,%g,%g", d.AggregateExp, d.PowerExp, d.ProximityExp, d.IntentPower),
			"`exponents` δ,α,β,γ of the walt composite's aggregate power, dyadic capability, proximity and intent (default: fitted on 1816–1945; docs/threat.md)"),
		composite:   fs.String("composite", d.Composite.String(), "`rule` combining the components: walt (dyadic potential threat gated by intentions; docs/threat.md), sum (the seed's weighted sum, for teaching) or multiplicative (weighted geometric mean)"),
		powerIndex:  power,
		gradient:    fs.String("gradient", "bdm", "loss-of-strength `gradient`: bdm (Bueno de Mesquita 1981) or boulding (linear)"),
		milesPerDay: fs.Float64("miles-per-day", 0, "`W`, miles a day of power projection (0: 125 before 1919, 200 to 1945, 250 from 1946)"),
		halfLife:    fs.Float64("half-life", d.HalfLife, "half-life of a dispute's weight in the intent component, in `years`"),
		allyFactor:  fs.Float64("ally-factor", d.AllyFactor, "`factor` multiplying the intent of an ally"),
		strict:      fs.Bool("strict", false, "make a total missing when any component is (default: rescale over the components present)"),
	}
}

var numberWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

// numberList parses the value of flag, a comma-separated list of one number
// for each of the comma-separated names, as "--weights 1,1,1,1". The
// bounds are the model's to check.
func numberList(flag, value, names string) ([]float64, error) {
	n := len(strings.Split(names, ","))
	parts := strings.Split(value, ",")
	if len(parts) != n {
		count := strconv.Itoa(n)
		if n < len(numberWords) {
			count = numberWords[n]
		}
		return nil, usagef("%s %q: want %s comma-separated numbers (%s)", flag, value, count, names)
	}
	out := make([]float64, n)
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, usagef("%s %q: %q is not a number", flag, value, p)
		}
		out[i] = v
	}
	return out, nil
}

func (f threatFlags) options() (threat.Options, error) {
	o := threat.DefaultOptions()
	ws, err := numberList("--weights", *f.weights, "power, proximity, offense, intent")
	if err != nil {
		return o, err
	}
	es, err := numberList("--exponents", *f.exponents, "aggregate power δ, dyadic capability α, proximity β, intent γ")
	if err != nil {
		return o, err
	}
	if o.Composite, err = threat.ParseComposite(*f.composite); err != nil {
		return o, usagef("--composite: %v", err)
	}
	if o.PowerIndex, err = threat.ParsePowerIndex(*f.powerIndex); err != nil {
		return o, usagef("--power: %v", err)
	}
	if o.Gradient, err = threat.ParseGradient(*f.gradient); err != nil {
		return o, usagef("--gradient: %v", err)
	}
	if *f.strict {
		o.Missing = threat.Strict
	}
	// Set the numeric options one flag at a time, validating after each, so
	// that an error names the flag that caused it (the defaults are valid).
	for _, set := range []struct {
		flag string
		set  func()
	}{
		{"--weights", func() { o.Weights = threat.Weights{Power: ws[0], Proximity: ws[1], Offense: ws[2], Intent: ws[3]} }},
		{"--exponents", func() { o.AggregateExp, o.PowerExp, o.ProximityExp, o.IntentPower = es[0], es[1], es[2], es[3] }},
		{"--miles-per-day", func() { o.MilesPerDay = *f.milesPerDay }},
		{"--half-life", func() { o.HalfLife = *f.halfLife }},
		{"--ally-factor", func() { o.AllyFactor = *f.allyFactor }},
	} {
		set.set()
		if err := o.Validate(); err != nil {
			return o, usagef("%s: %v", set.flag, err)
		}
	}
	return o, nil
}

func fmtValue(v world.Value) string {
	if v.IsMissing() {
		return "NA"
	}
	return strconv.FormatFloat(v.Float(), 'f', 3, 64)
}

func writeThreats(out io.Writer, w *world.World, m *threat.Matrix, rows []threat.Threat) error {
	fmt.Fprintf(out, "threats in %d (%s composite, max %g; %s gradient, W = %g miles/day)\n",
		w.Year, m.Options.Composite, m.Options.MaxTotal(), m.Options.Gradient, m.Options.W(w.Year))
	if !m.IntentMeasured {
		fmt.Fprintln(out, "intent is missing: this World has no dispute data or hostility codings")
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "from\t\tto\t\ttotal\tpotential\tpower\tproximity\toffense\tintent\ttie\t")
	for _, t := range rows {
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", t.From, w.Label(t.From, world.ByAbbrev), t.To, w.Label(t.To, world.ByAbbrev),
			fmtValue(t.Total), fmtValue(t.Potential), fmtValue(t.Power), fmtValue(t.Proximity), fmtValue(t.Offense), fmtValue(t.Intent), t.Tie)
	}
	return tw.Flush()
}
