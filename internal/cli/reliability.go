package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/history"
	"github.com/entente/entente/reliability"
)

var reliabilityCmd = &Command{
	UsageLine: "reliability [--rule naive|llm] [--years A-B] [--by type|era|alliance] [--rows] [--format text|json]",
	Short:     "how often alliance members honoured their commitments when an ally went to war",
	Long: `Reliability lists the invocations of alliance commitments in the COW
inter-state wars (v4.0, with Reiter–Stam–Horowitz) and the share honoured,
with Wilson 95% intervals.

--rule naive (Sabrosky 1980) reads COW alliances on Sabrosky's unit, the
war-involved alliance dyad: each member that fought in a war is an ally,
and each other member is invoked once per ally; honoured when it fought on
the ally's side. Sabrosky's span is --years 1816-1965. --rule llm (Leeds, Long & Mitchell 2000) reads
the ATOP v4 member obligations and their conditions: defence is triggered
when the ally fought on the side that did not initiate the war, offence
when it fought on the initiating side; both are honoured by fighting
beside it. Neutrality and non-aggression are honoured by not fighting
against the ally. Consultation is not scored: it binds a member only to
talk, which the war data do not record. Rows that were not triggered are
listed (with --rows) but not scored.

--years A-B keeps invocations whose ally entered the war in A..B (the war
data cover ` + strconv.Itoa(history.WarsFirst) + `–` + strconv.Itoa(history.WarsLast) + `). --by groups the rates by obligation type,
era (before 1945 / from 1945) or alliance. --rows prints every row with
its war, dates, sides, verdict and reason. See docs/reliability.md.

The data directory is --data DIR or $ENTENTE_DATA.`,
	Sub: []*Command{reliabilityEffectivenessCmd},
	Setup: func(fs *flag.FlagSet) RunFunc {
		data := addDataFlag(fs)
		rule := fs.String("rule", "llm", "scoring `rule`: naive or llm")
		years := fs.String("years", "", "keep invocations in `A-B` (years)")
		by := fs.String("by", "", "group the rates by `group`: type, era or alliance")
		rows := fs.Bool("rows", false, "print every invocation row")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("reliability takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			if *rule != string(reliability.Naive) && *rule != string(reliability.LLM) {
				return usagef("--rule %q: want naive or llm", *rule)
			}
			if _, err := reliability.GroupKey(*by); err != nil {
				return usagef("--by %q: want type, era or alliance", *by)
			}
			from, to, err := yearsWithin(*years, history.WarsFirst, history.WarsLast, "the war data")
			if err != nil {
				return err
			}
			h, err := historyOf(env, *data)
			if err != nil {
				return err
			}
			naive, llm := reliability.FromHistory(h)
			res, err := reliability.Summarize(naive, llm, *rule, from, to, *by, *rows)
			if err != nil {
				return err
			}
			if *format == "json" {
				return writeJSON(env.Stdout, res)
			}
			writeReliability(env.Stdout, res, h)
			return nil
		}
	},
}

func init() { register(reliabilityCmd) }

var reliabilityEffectivenessCmd = &Command{
	UsageLine: "reliability effectiveness [--data DIR] [--rows] [--format text|json]",
	Short:     "did allies fighting together win, and did the conditions of effective alliances hold?",
	Long: `Reliability effectiveness lists the coalitions of the COW inter-state wars:
two or more members of an ATOP alliance (joined before the war) fighting
on one side. For each it says whether the side won (most of them COW
winners) and which conditions held: a shared threat (the treaty names a
specific threat, specthrt), complementary capabilities (no member leads in
every NMC component), a dominant member (half the coalition's CINC),
commitment (at least half the triggered defence and offence pledges of the
alliance in the war honoured, llm rule) and interoperability (integrated
command, intcom, or an organisation with staff, organ1 >= 2). The table
gives the share of coalitions that won where each condition held and where
it did not. The coalitions are few and those of one war are not
independent: the table describes, it tests nothing. See docs/reliability.md.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		data := addDataFlag(fs)
		rows := fs.Bool("rows", false, "print every coalition")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("reliability effectiveness takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			h, err := historyOf(env, *data)
			if err != nil {
				return err
			}
			_, llm := reliability.FromHistory(h)
			cs := reliability.CoalitionsFromHistory(h, llm)
			table := reliability.Effectiveness(cs)
			if *format == "json" {
				out := struct {
					Conditions []reliability.ConditionRate `json:"conditions"`
					Coalitions []reliability.Coalition     `json:"coalitions,omitempty"`
				}{Conditions: table}
				if *rows {
					out.Coalitions = cs
				}
				return writeJSON(env.Stdout, out)
			}
			fmt.Fprintf(env.Stdout, "%d coalitions of allies in the COW inter-state wars; share on the winning side (Wilson 95%% interval)\n", len(cs))
			fmt.Fprintln(env.Stdout, "small n: the coalitions of one war are not independent; the table describes, it does not test")
			fmt.Fprintln(env.Stdout)
			tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintln(tw, "condition\theld: won\tn\trate\tinterval\tnot held: won\tn\trate\tinterval\t")
			for _, r := range table {
				fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%d\t%d\t%s\t%s\t\n", r.Condition, r.Held.Honoured, r.Held.N, share(r.Held.Rate),
					interval(r.Held), r.NotHeld.Honoured, r.NotHeld.N, share(r.NotHeld.Rate), interval(r.NotHeld))
			}
			tw.Flush()
			if !*rows {
				return nil
			}
			fmt.Fprintln(env.Stdout)
			tw = tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "war\tname\talliance\tmembers\twon\tthreat\tcompl\tdominant\tcommitted\tinterop")
			for _, c := range cs {
				names := make([]string, len(c.Members))
				for i, m := range c.Members {
					names[i], _ = h.StateName(m)
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%v\t%s\t%s\t%s\t%s\t%s\n", c.WarID, c.WarName, c.Alliance, strings.Join(names, ","), c.Won,
					cond(c, 0, c.SharedThreat), cond(c, 1, c.Complementary), cond(c, 2, c.Dominant), cond(c, 3, c.Committed), cond(c, 4, c.Interoperable))
			}
			return tw.Flush()
		}
	},
}

func share(p float64) string {
	if math.IsNaN(p) {
		return "NA"
	}
	return fmt.Sprintf("%.0f%%", 100*p)
}

func interval(r reliability.Rate) string {
	if r.N == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f–%.0f%%", 100*r.Lo, 100*r.Hi)
}

func cond(c reliability.Coalition, k int, held bool) string {
	switch {
	case c.Measured&(1<<k) == 0:
		return "NA"
	case held:
		return "yes"
	}
	return "no"
}

// yearsWithin reads --years A-B (or one year) inside [first, last], the
// coverage of data (named in the error); empty is the whole coverage.
func yearsWithin(s string, first, last int, data string) (from, to int, err error) {
	if s == "" {
		return first, last, nil
	}
	from, to, err = parseYears(s)
	switch {
	case err != nil:
		return 0, 0, usagef("--years %v", err)
	case from > to:
		return 0, 0, usagef("--years %q: want FROM <= TO", s)
	case from < first || to > last:
		return 0, 0, usagef("--years %q: %s cover %d-%d", s, data, first, last)
	}
	return from, to, nil
}

func writeReliability(w io.Writer, r *reliability.Summary, h *history.History) {
	fmt.Fprintf(w, "rule %s, invocations %d-%d (%d not triggered, not scored)\n\n", r.Rule, r.From, r.To, r.NotTriggered)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "group\thonoured\tn\trate\t95% interval\t")
	for _, g := range append(r.Overall, r.Groups...) {
		label := g.Group
		if n := history.Names[g.Group]; n != "" {
			label += " " + n
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f%%\t%.1f–%.1f%%\t\n", label, g.Honoured, g.N, 100*g.Rate, 100*g.Lo, 100*g.Hi)
	}
	tw.Flush()
	if len(r.Rows) == 0 {
		return
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "war\tname\talliance\tmember\tally\tally entered\tobligation\tverdict\treason")
	for _, x := range r.Rows {
		m, _ := h.StateName(x.Member)
		a, _ := h.StateName(x.Ally)
		reason := x.Reason
		if len(x.Unchecked) > 0 {
			reason += " [unchecked: " + strings.Join(x.Unchecked, ",") + "]"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", x.WarID, x.WarName, x.Alliance, m, a, x.AllyEnter, x.Obligation, x.Verdict, reason)
	}
	tw.Flush()
}
