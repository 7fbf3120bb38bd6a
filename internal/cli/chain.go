package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/entente/entente/dilemma"
	"github.com/entente/entente/history"
)

var chainCmd = &Command{
	UsageLine: "chain [--years A-B] [--cases] [--format text|json]",
	Short:     "chain-ganging and buck-passing: do major-power allies join a partner facing a major power?",
	Long: `Chain counts, for every state at war (COW inter-state wars) or in a
militarized dispute (MIDB 5.0) against a major power, each of its
major-power allies (an ATOP defence or offence pledge in force the day before
it entered, the ally not on the other side then): the ally chain-gangs when
it joins on the partner's side (in a war, within a year of the partner's
entry) and passes the buck otherwise (Christensen & Snyder 1990).

The rates, with Wilson 95% intervals, are given by kind, by polarity
(multipolar: three or more major powers holding at least 10% of the
system's CINC each) and by the offence–defence balance (offence when the
initiators of the wars begun in the previous 25 years won more often than
initiators have over all the data), then by both. Each year with a case is
classified chain-ganging (more than half of its allies joined),
buck-passing (fewer) or mixed; 1914, 1938 and 1939 are printed as the
textbook cases. --cases lists every case. See docs/dilemmas.md.

--years A-B keeps cases in A..B (default ` + strconv.Itoa(history.WarsFirst) + `–` + strconv.Itoa(chainLast) + `: the COW wars end in ` + strconv.Itoa(history.WarsLast) + `, MIDB 5.0 in ` + strconv.Itoa(chainLast) + `).
The data directory is --data DIR or $ENTENTE_DATA.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		data := addDataFlag(fs)
		years := fs.String("years", "", "keep cases in `A-B` (years)")
		cases := fs.Bool("cases", false, "list every case")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("chain takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			from, to, err := yearsWithin(*years, history.WarsFirst, chainLast, "the wars and disputes")
			if err != nil {
				return err
			}
			h, err := historyOf(env, *data)
			if err != nil {
				return err
			}
			t := dilemma.Chain(dilemma.ChainFromHistory(h), from, to)
			if !*cases {
				t.Cases = nil
			}
			if *format == "json" {
				return writeJSON(env.Stdout, t)
			}
			return writeChain(env.Stdout, t, h)
		}
	},
}

func init() { register(chainCmd) }

// chainLast is the last year of MIDB 5.0 (Palmer et al. 2022), the end of
// the chain-ganging table.
const chainLast = 2014

func writeChain(out io.Writer, t *dilemma.Table, h *history.History) error {
	name := func(c int) string { _, n := h.StateName(c); return n }
	fmt.Fprintf(out, "chain-ganging and buck-passing, %d–%d (initiators' long-run success %.0f%%)\n\n", t.From, t.To, 100*t.BaseSuccess)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "group\tjoined\tcases\trate\t95% interval\t")
	section := func(title string, cs []dilemma.Cell) {
		fmt.Fprintf(tw, "%s\t\t\t\t\t\n", title)
		for _, c := range cs {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%.0f%%\t%.0f–%.0f%%\t\n", c.Group, c.Joined, c.N, 100*c.Rate, 100*c.Lo, 100*c.Hi)
		}
	}
	section("by kind", t.Overall)
	section("by polarity", t.ByPolarity)
	section("by offence–defence", t.ByBalance)
	section("wars and disputes, by both", t.Cells)
	section("wars alone, by both", t.WarCells)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(out, "\ntextbook years")
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "year\tpoles\tinitiator success\tbalance\tjoined\tcases\tverdict")
	for _, y := range t.Years {
		if y.Year != 1914 && y.Year != 1938 && y.Year != 1939 {
			continue
		}
		bal := "defence"
		if y.Offence {
			bal = "offence"
		}
		fmt.Fprintf(tw, "%d\t%d\t%.0f%%\t%s\t%d\t%d\t%s\n", y.Year, y.Poles, 100*y.Success, bal, y.Joined, y.N, y.Verdict)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(t.Cases) == 0 {
		return nil
	}
	fmt.Fprintln(out)
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "kind\tid\tname\tdate\tstate\tfacing\tally\tjoined")
	for _, c := range t.Cases {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%v\n", c.Kind, c.ID, c.Name, c.Date, name(c.State), name(c.Opponent), name(c.Ally), c.Joined)
	}
	return tw.Flush()
}
