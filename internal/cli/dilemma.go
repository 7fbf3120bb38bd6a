package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/dilemma"
	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/termination"
	"github.com/entente/entente/world"
)

var dilemmaCmd = &Command{
	UsageLine: "dilemma [--year Y] [--data DIR | --world FILE] [--alliance ID] [--state STATE] [--tighten N | --loosen N] [--asymmetry] [--morrow] [--format text|json]",
	Short:     "abandonment and entrapment of every alliance member; security and autonomy in asymmetric alliances",
	Long: `Dilemma measures, for every member of every alliance in force in the World,
its fear of abandonment and its risk of entrapment (Snyder 1984, 1997), with
their components:

  abandonment = dependence · (1 − credibility · tightness)
  dependence  = threat · partner share · (1 − alternatives)
  entrapment  = partners' conflict · share not shared · tightness

threat: the largest actual threat from outside the alliance relative to the
member's own capability (Walt intent times dyadic capability, as in
'entente threat'); partner share: the partners' CINC beside the member's;
alternatives: the CINC of its defence allies outside the alliance;
credibility: the index of the patron's (strongest partner's) commitment to
the member, as 'entente credibility' computes it from the World (its
reputation component, the patron's record under the llm rule of 'entente
reliability', and ATOP's signals need the data directory); tightness: the
obligation (defence 1, neutrality or consultation 2/3, non-aggression 1/3)
and the ATOP provisions (conditions, military contact, integrated command,
bases, subordination, organisation). The measures are entente's
construction; see docs/dilemmas.md.

--tighten N (or --loosen N) shows the what-if: each commitment N steps
tighter (non-aggression → neutrality → defence, conditions dropped, then an
integrated command) or looser; abandonment falls (or stays) and entrapment
rises (or stays) as the commitment tightens.

--alliance ID keeps one alliance (e.g. atop:3180 for NATO, world:nato in the
embedded world; a world file's strategic partnerships are assessed too, as
commitments without obligation, e.g. partnership:us-taiwan); --state keeps one member and lists the ally's conflicts it
does not share. --asymmetry lists instead the asymmetric dyads (capability
ratio of 3 or more, or ATOP asymm) with the security the weaker gains, the
autonomy it concedes and the stronger's gains (Morrow 1991). --morrow prints
Morrow's two claims tested on ATOP v4 1816–2016 (formation rates and
durations of asymmetric and symmetric alliances) and ignores the World.

` + worldHelp,
	Setup: func(fs *flag.FlagSet) RunFunc {
		wf := addWorldFlags(fs)
		alliance := fs.String("alliance", "", "keep the alliance with this `ID` (e.g. atop:3180)")
		state := fs.String("state", "", "keep the member `state` (COW ccode, COW abbreviation, ISO3 code or name)")
		tighten := fs.Int("tighten", 0, "what-if: tighten every selected commitment `N` steps")
		loosen := fs.Int("loosen", 0, "what-if: loosen every selected commitment `N` steps")
		asym := fs.Bool("asymmetry", false, "list the asymmetric dyads with security and autonomy (Morrow 1991)")
		morrow := fs.Bool("morrow", false, "test Morrow's formation and duration claims on ATOP v4 (needs the data directory)")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("dilemma takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			if *tighten < 0 || *loosen < 0 {
				return usagef("--tighten and --loosen: want N >= 0")
			}
			if *tighten > 0 && *loosen > 0 {
				return usagef("--tighten and --loosen are exclusive")
			}
			if *morrow {
				return runMorrow(env, *wf.data, *format)
			}
			w, err := wf.load(env)
			if err != nil {
				return err
			}
			in, hist := dilemmaInputs(env, *wf.data)
			in.Partnerships = true
			all, err := dilemma.Assess(w, in)
			if err != nil {
				return err
			}
			ms, err := dilemma.Select(all, *alliance, 0)
			if err != nil {
				return usagef("--alliance: %v", err)
			}
			if *state != "" {
				c, err := wf.resolveState(env, w, "--state", *state)
				if err != nil {
					return err
				}
				keep, _ := dilemma.Select(ms, "", c)
				if len(keep) == 0 {
					where := "any alliance in force"
					if *alliance != "" {
						where = *alliance
					}
					return usagef("--state %s: %s is not a member of %s; valid: %s", *state, w.Label(c, world.ByName), where, memberNames(w, ms))
				}
				ms = keep
			}
			if *asym {
				ds := dilemma.Dyads(w, ms, in.Threat)
				if *format == "json" {
					if ds == nil {
						ds = []dilemma.Dyad{}
					}
					return writeJSON(env.Stdout, ds)
				}
				return writeDyads(env.Stdout, w, ds)
			}
			steps := *tighten - *loosen
			if *format == "json" {
				return writeJSON(env.Stdout, dilemma.Rows(ms, steps))
			}
			return writeDilemma(env.Stdout, w, ms, steps, hist, *state != "")
		}
	},
}

func init() { register(dilemmaCmd) }

// memberNames lists the members of ms by name and ccode, each once, up
// to 40.
func memberNames(w *world.World, ms []dilemma.Member) string {
	seen := map[int]bool{}
	var names []string
	for _, m := range ms {
		if !seen[m.State] {
			seen[m.State] = true
			names = append(names, fmt.Sprintf("%s (%d)", w.Label(m.State, world.ByName), m.State))
		}
	}
	if len(names) > 40 {
		return strings.Join(names[:40], ", ") + fmt.Sprintf(" and %d more", len(names)-40)
	}
	return strings.Join(names, ", ")
}

// dilemmaInputs returns the model's inputs: the ATOP provisions and the
// patrons' reliability record (credibility's reputation) from the data
// directory when one is at hand (--data or $ENTENTE_DATA), else neither
// (credibility then the index of the World alone); and whether the data
// directory was read.
func dilemmaInputs(env *Env, data string) (dilemma.Inputs, bool) {
	dir, err := dataDir(env, data)
	if err != nil {
		return dilemma.DefaultInputs(), false
	}
	h, err := openHistoryCached(env, dir)
	if err != nil {
		return dilemma.DefaultInputs(), false
	}
	return dilemma.FromHistory(h), true
}

func writeDilemma(out io.Writer, w *world.World, ms []dilemma.Member, steps int, hist, detail bool) error {
	name := func(c int) string { return w.Label(c, world.ByName) }
	fmt.Fprintf(out, "abandonment and entrapment, %d (%d members)\n", w.Year, len(ms))
	if !hist {
		fmt.Fprintln(out, "no data directory: credibility is the index without the patrons' record (reputation) or ATOP's provisions")
	}
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	head := "alliance\tmember\tpatron\tobligation\ttight\tthreat\tfrom\tpartners\talternatives\tdependence\tcredibility\tabandonment\tpartner conflict\tnot shared\tentrapment"
	if steps != 0 {
		head += fmt.Sprintf("\ttight(%+d)\tabandonment(%+d)\tentrapment(%+d)", steps, steps, steps)
	}
	fmt.Fprintln(tw, head)
	for i := range ms {
		m := &ms[i]
		from := "-"
		if m.ThreatFrom != 0 {
			from = name(m.ThreatFrom)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s",
			m.Alliance, name(m.State), name(m.Patron), m.Tightness.Obligation, m.Tightness.Total,
			fmtValue(m.Threat), from, fmtValue(m.PartnerShare), fmtValue(m.Alternatives), fmtValue(m.Dependence),
			fmtValue(m.Credibility), fmtValue(m.Abandonment), fmtValue(m.PartnerConflict), fmtValue(m.NotShared), fmtValue(m.Entrapment))
		if steps != 0 {
			o := m.WhatIf(steps)
			fmt.Fprintf(tw, "\t%.2f\t%s\t%s", o.Tightness.Total, fmtValue(o.Abandonment), fmtValue(o.Entrapment))
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !detail {
		return nil
	}
	for i := range ms {
		m := &ms[i]
		fmt.Fprintf(out, "\n%s in %s: the partners' conflicts it does not share (weight q·(1 − own conflict))\n", name(m.State), m.Alliance)
		for _, c := range m.Conflicts {
			fmt.Fprintf(out, "  %-24s against %-24s %.3f\n", name(c.Partner), name(c.Adversary), c.Weight)
		}
		p := m.Commitment.Provision
		fmt.Fprintf(out, "  commitment: %s; provisions conditional %s, milcon %s, intcom %s, base %s, subord %s, organ1 %s (score %s)\n",
			m.Commitment.Obligations, fmtValue(p.Conditional), fmtValue(p.MilitaryContact), fmtValue(p.IntegratedCmd),
			fmtValue(p.Bases), fmtValue(p.Subordination), fmtValue(p.Organization), fmtValue(m.Tightness.Provisions))
	}
	return nil
}

func writeDyads(out io.Writer, w *world.World, ds []dilemma.Dyad) error {
	name := func(c int) string { return w.Label(c, world.ByName) }
	fmt.Fprintf(out, "security and autonomy in asymmetric dyads, %d (%d dyads)\n\n", w.Year, len(ds))
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "alliance\tweak\tstrong\tratio\tatop asymm\tweak's threat\tweak's security\tautonomy conceded\tstrong's security\tstrong's entrapment")
	for _, d := range ds {
		th := "-"
		if d.WeakThreat != 0 {
			th = name(d.WeakThreat)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%v\t%s\t%s\t%s\t%s\t%s\n", d.Alliance, name(d.Weak), name(d.Strong), fmtValue(d.Ratio),
			d.ATOPAsymmetric, th, fmtValue(d.WeakSecurity), fmtValue(d.AutonomyConceded), fmtValue(d.StrongSecurity), fmtValue(d.StrongEntrapment))
	}
	return tw.Flush()
}

// morrowResult is what --morrow reports.
type morrowResult struct {
	Formation dilemma.FormationTest   `json:"formation"`
	Duration  []*dilemma.DurationTest `json:"duration"`
}

func runMorrow(env *Env, data, format string) error {
	dir, err := dataDir(env, data)
	if err != nil {
		return err
	}
	h, err := openHistoryCached(env, dir)
	if err != nil {
		return err
	}
	al, err := atop.ReadAlliances(filepath.Join(dir, history.FileATOPAlliance))
	if err != nil {
		return err
	}
	sp, err := termination.ATOP(al, h.ATOPMembers(), termination.AllianceLevel)
	if err != nil {
		return err
	}
	sys := dilemma.HistorySystem(h)
	fs := dilemma.Foundings(h.ATOPMembers())
	first, last := h.Span()
	r := morrowResult{Formation: dilemma.Formation(fs, sys, first, last)}
	for _, c := range []struct {
		by string
		fn func(termination.Spell) (bool, bool)
	}{{"major-minor founders", dilemma.ByMajorMinor(fs, sys)}, {"ATOP asymm (obligations)", dilemma.ByATOPAsymm}} {
		d, err := dilemma.DurationBy(c.by, sp, c.fn)
		if err != nil {
			return err
		}
		r.Duration = append(r.Duration, d)
	}
	if format == "json" {
		return writeJSON(env.Stdout, r)
	}
	out := env.Stdout
	f := r.Formation
	fmt.Fprintf(out, "Morrow (1991) on ATOP v4, %d–%d\n\nformation: founding dyads per 1000 dyad-years (Wilson 95%%)\n", first, last)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "dyads\tformed\tdyad-years\trate\t95% interval\t")
	for _, g := range []dilemma.Group{f.Asymmetric, f.Symmetric, f.MajorMajor, f.MinorMinor} {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f–%.2f\t\n", g.Name, g.Formed, g.DyadYears, g.Rate, g.Lo, g.Hi)
	}
	tw.Flush()
	fmt.Fprintf(out, "rate ratio asymmetric/symmetric %.2f (%.2f–%.2f)\n", f.RateRatio, f.Lo, f.Hi)
	for _, d := range r.Duration {
		fmt.Fprintf(out, "\nduration by %s: Kaplan–Meier median years (95%%)\n", d.By)
		for _, g := range []dilemma.Duration{d.Asymmetric, d.Symmetric} {
			fmt.Fprintf(out, "  %-11s n %3d, ended %3d, median %5.1f (%s–%s)\n", g.Name, g.N, g.Ended, g.Median, fmtYears(g.Lo), fmtYears(g.Hi))
		}
		fmt.Fprintf(out, "  Cox hazard ratio, asymmetric vs symmetric: %.2f (%.2f–%.2f, robust), p %.3g\n", d.HR, d.Lo, d.Hi, d.P)
	}
	return nil
}

func fmtYears(x float64) string {
	if x != x {
		return "NA"
	}
	return fmt.Sprintf("%.1f", x)
}
