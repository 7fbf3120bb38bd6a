package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
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

--rule naive (Sabrosky 1980) reads COW alliances: every member of an
alliance whose first member to enter a war is the ally; honoured when it
fought on the ally's side. --rule llm (Leeds, Long & Mitchell 2000) reads
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
			from, to, err := reliabilityYears(*years, history.WarsFirst, history.WarsLast)
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

// reliabilityYears reads --years A-B (or one year) inside [first, last];
// empty is the whole coverage.
func reliabilityYears(s string, first, last int) (from, to int, err error) {
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
		return 0, 0, usagef("--years %q: the war data cover %d-%d", s, first, last)
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
