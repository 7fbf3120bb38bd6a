package cli

import (
	"context"
	"flag"
	"fmt"
	"github.com/entente/entente/capability"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/internal/landscapejson"
	"github.com/entente/entente/internal/source/propensity"
	"github.com/entente/entente/landscape"
	"github.com/entente/entente/world"
)

var landscapeCmd = &Command{
	UsageLine: "landscape [--actors FILE --propensity FILE [--offset X] | --year Y --states LIST [--data DIR] | --world FILE --states LIST] [--coalitions K] [--method auto|exact|anneal] [--format text|json]",
	Short:     "which coalitions a set of actors settles into: Axelrod & Bennett's landscape theory",
	Long: `Landscape finds the configurations that Axelrod and Bennett's (1993) landscape
theory of aggregation predicts: the local minima of the energy
E = Σ_i s_i F_i, F_i = Σ_j s_j p_ij d_ij, where s_i is an actor's size, p_ij
the propensity of i and j to be together and d_ij 1 when they are on
different sides. An actor moves when that strictly lowers its frustration
F_i; a local minimum is a configuration where no actor wants to move. Each
minimum is reported with its energy, its sides, each actor's frustration,
and its basin of attraction: the share of starting configurations from
which the dynamics (--rule) end there.

Inputs come from two CSV files, or from the historical data:

  --actors FILE --propensity FILE [--offset X]
      actors.csv has columns actor,size; the propensity file is a square
      matrix with a header row of actor names, a first column of names and
      an empty diagonal. p_ij = cell − X.
  --year Y --states LIST [--data DIR]   (or --world FILE --states LIST)
      states by COW ccode, COW abbreviation, ISO3 code or name (2,UKG,France);
      sizes are CINC scores (--power gdp, sdp or beckley: shares of the
      World's GDP, SDP or GDP × GDP per capita); propensities the weighted sum of shared
      alliances, alliance-portfolio agreement, disputes, border disputes
      and regime similarity (--weights, --half-life; see docs/landscape.md).
      With --states alone, the embedded 2024 world.

--coalitions K allows up to K sides (Florian & Galam 2000). --method exact
examines every configuration (2^(n−1) with two sides; at most 36 actors),
anneal runs a seeded heuristic (--runs, --sweeps, --replicas, --seed):
parallel tempering with two sides, simulated annealing with more (or with
--replicas 1); auto (the default) is exact up to 26 actors with two sides. Basins are computed
from every starting configuration up to 2^21 of them, else from --samples
random starts (seeded).`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		actors := fs.String("actors", "", "actors CSV `file` (columns actor,size)")
		prop := fs.String("propensity", "", "propensity matrix CSV `file`")
		offset := fs.Float64("offset", 0, "subtract `X` from every propensity cell")
		wf := addWorldFlags(fs)
		states := fs.String("states", "", "comma-separated `list` of states (ccodes, COW abbreviations, ISO3 codes or names)")
		weights := fs.String("weights", "1,1,1,1,1", "`a,s,d,b,r`: weights of alliance, similarity, dispute, border and regime components")
		halfLife := fs.Float64("half-life", landscape.DefaultWeights().HalfLife, "half-life of a dispute's weight, in `years`")
		power := fs.String("power", "cinc", "power `index` of the sizes (with a World): "+capability.PowerNames+" (docs/power.md)")
		k := fs.Int("coalitions", 2, "largest number of coalitions `K`")
		method := fs.String("method", "auto", "search `method`: auto, exact or anneal")
		basins := fs.Bool("basins", true, "compute basins of attraction")
		rule := fs.String("rule", "steepest", "move order (`rule`) of the dynamics: steepest, sequential or random")
		samples := fs.Int64("samples", 0, "random `starts` for basins (0: all when at most 2^21, else sampled)")
		seed := fs.Uint64("seed", 1, "`seed` of the heuristic, the random rule and basin sampling")
		runs := fs.Int("runs", 0, fmt.Sprintf("heuristic `runs` (0: %d for parallel tempering, %d for annealing)", landscape.DefaultTemperingRuns, landscape.DefaultRuns))
		sweeps := fs.Int("sweeps", 0, fmt.Sprintf("`sweeps` per run and replica (0: max(%d, 5n/4) for tempering, max(%d, 5n) for annealing)", landscape.DefaultTemperingSweeps, landscape.DefaultSweeps))
		replicas := fs.Int("replicas", 0, fmt.Sprintf("parallel-tempering `replicas` per run with two sides (0: %d; 1: simulated annealing)", landscape.DefaultReplicas))
		maxMinima := fs.Int("max-minima", 0, "keep at most `M` local minima, the lowest (0: default)")
		top := fs.Int("top", 10, "print at most `N` minima in text (0: all)")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("landscape takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			if *k < 2 || *k > landscape.MaxK {
				return usagef("--coalitions %d: want K from 2 to %d", *k, landscape.MaxK)
			}
			m, err := landscape.ParseMethod(*method)
			if err != nil {
				return usagef("--method: %v", err)
			}
			r, err := landscape.ParseRule(*rule)
			if err != nil {
				return usagef("--rule: %v", err)
			}
			if *samples < 0 || *runs < 0 || *sweeps < 0 || *maxMinima < 0 || *top < 0 || *replicas < 0 {
				return usagef("--samples, --runs, --sweeps, --replicas, --max-minima and --top want numbers >= 0")
			}
			if math.IsNaN(*offset) || math.IsInf(*offset, 0) || math.Abs(*offset) > landscape.MaxEnergy {
				return usagef("--offset %v: want a finite number (at most %g in magnitude)", *offset, landscape.MaxEnergy)
			}
			fileMode := *actors != "" || *prop != ""
			worldMode := *states != "" || *wf.year != 0 || *wf.data != "" || *wf.wld != ""
			var p *landscape.Problem
			var derived *landscape.Derived
			switch {
			case fileMode && worldMode:
				return usagef("--actors/--propensity and --year/--states/--world are exclusive")
			case fileMode:
				if *actors == "" || *prop == "" {
					return usagef("--actors and --propensity go together")
				}
				if p, err = propensity.Read(*actors, *prop, *offset); err != nil {
					return err
				}
			case worldMode:
				if *states == "" {
					return usagef("--states is required with --year, --data or --world")
				}
				wt, err := parseLandscapeWeights(*weights, *halfLife)
				if err != nil {
					return err
				}
				if wt.Size, err = capability.ParsePower(*power); err != nil {
					return usagef("--power: %v", err)
				}
				w, err := wf.load(env)
				if err != nil {
					return err
				}
				cc, err := wf.resolveStates(env, w, *states)
				if err != nil {
					return err
				}
				if derived, err = landscape.FromWorld(w, cc, wt); err != nil {
					return err
				}
				p = derived.Problem
			default:
				return usagef("give --actors FILE --propensity FILE, or --year Y --states LIST\nusage: entente %s", "landscape --help")
			}
			o := landscape.Options{Method: m, K: *k, Seed: *seed,
				Exact:  landscape.ExactOptions{MaxMinima: *maxMinima},
				Anneal: landscape.AnnealOptions{Runs: *runs, Sweeps: *sweeps, Replicas: *replicas}}
			if *basins {
				o.Basins = &landscape.BasinOptions{Rule: r, Samples: *samples}
			}
			res, err := landscape.Solve(ctx, p, o)
			if err != nil {
				return err
			}
			out := newLandscapeOutput(res, derived)
			if *format == "json" {
				return writeJSON(env.Stdout, out)
			}
			return writeLandscape(env.Stdout, out, *top)
		}
	},
}

func init() { register(landscapeCmd) }

func parseLandscapeWeights(s string, halfLife float64) (landscape.Weights, error) {
	w := landscape.DefaultWeights()
	v, err := numberList("--weights", s, "alliance, similarity, dispute, border, regime")
	if err != nil {
		return w, err
	}
	w.Alliance, w.Similarity, w.Dispute, w.Border, w.Regime = v[0], v[1], v[2], v[3], v[4]
	w.HalfLife = halfLife
	if err := w.Validate(); err != nil {
		return w, usagef("%v", err)
	}
	return w, nil
}

// resolveStates turns the comma-separated list of --states into ccodes of
// members of w (worldFlags.resolveState).
func (f worldFlags) resolveStates(env *Env, w *world.World, list string) ([]int, error) {
	var out []int
	seen := map[int]string{}
	for _, item := range strings.Split(list, ",") {
		if strings.TrimSpace(item) == "" {
			continue
		}
		c, err := f.resolveState(env, w, "--states", item)
		if err != nil {
			return nil, err
		}
		if first, ok := seen[c]; ok {
			return nil, usagef("--states: %q and %q both name %s (%d)", first, strings.TrimSpace(item), w.Label(c, world.ByName), c)
		}
		seen[c] = strings.TrimSpace(item)
		out = append(out, c)
	}
	if len(out) < 2 {
		return nil, usagef("--states %q: want at least two states", list)
	}
	return out, nil
}

// The JSON shape of a landscape result lives in internal/landscapejson,
// shared with the HTTP API.
type (
	landscapeOutput = landscapejson.Output
)

func newLandscapeOutput(res *landscape.Result, d *landscape.Derived) *landscapeOutput {
	return landscapejson.New(res, d)
}

func fmtNum(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return strconv.FormatFloat(x, 'g', 6, 64)
}

func writeLandscape(w io.Writer, o *landscapeOutput, top int) error {
	fmt.Fprintf(w, "landscape: %d actors, at most %d coalitions, ", len(o.Actors), o.Coalitions)
	if o.Method == "exact" {
		fmt.Fprintf(w, "exact search of %d configurations\n", o.Configurations)
	} else {
		fmt.Fprintf(w, "%s, %d runs (heuristic: the global minimum is the best found)\n", o.Heuristic, o.Configurations)
	}
	if b := o.Basins; b != nil {
		how := "all"
		if b.Sampled {
			how = "a seeded random sample of"
		}
		fmt.Fprintf(w, "basins: %s dynamics from %s %d starting configurations\n", b.Rule, how, b.Starts)
	}
	for _, n := range o.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	g := o.Global
	tie := ""
	switch {
	case o.GlobalTies == 1:
		tie = " (unique)"
	case o.GlobalTies > 1:
		tie = fmt.Sprintf(" (%d configurations share it)", o.GlobalTies)
	}
	fmt.Fprintf(w, "\nglobal minimum: E = %s%s, basin %s\n", fmtNum(g.Energy), tie, fmtBasin(g.Basin))
	for i, s := range g.Sides {
		fmt.Fprintf(w, "  side %d: %s\n", i+1, strings.Join(s, ", "))
	}
	fmt.Fprintf(w, "\nlocal minima: %d", len(o.Minima))
	if o.Truncated {
		fmt.Fprint(w, " (truncated: more exist)")
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  #\tenergy\tbasin\tsides")
	for i, m := range o.Minima {
		if top > 0 && i >= top {
			fmt.Fprintf(tw, "  …\t%d more\t\t\n", len(o.Minima)-top)
			break
		}
		var parts []string
		for _, s := range m.Sides {
			parts = append(parts, "{"+strings.Join(s, ", ")+"}")
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\n", i+1, fmtNum(m.Energy), fmtBasin(m.Basin), strings.Join(parts, " vs "))
	}
	tw.Flush()
	fmt.Fprintf(w, "\nfrustration at the global minimum\n")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "actor\tside\tsize\tF\ts·F\t")
	side := map[string]int{}
	for i, s := range g.Sides {
		for _, n := range s {
			side[n] = i + 1
		}
	}
	for i, a := range o.Actors {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t\n", a.Name, side[a.Name], fmtNum(a.Size), fmtNum(g.Frustration[i]), fmtNum(g.Weighted[i]))
	}
	return tw.Flush()
}

func fmtBasin(b world.Value) string {
	if b.IsMissing() {
		return "NA"
	}
	return strconv.FormatFloat(b.Float(), 'f', 4, 64)
}
