package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/entente/entente/internal/worldjson"
	"github.com/entente/entente/world"
)

var worldCmd = &Command{
	UsageLine: "world [--year Y] [--data DIR | --world FILE] [--format text|json]",
	Short:     "show the world at a year, or a world file",
	Long: `World prints the international system at one year: the system members with
their capabilities (CINC and its components), the alliances in force that
year with their obligations and members, and the coverage of each source.

With --year it builds the world from the real datasets in --data DIR (or
$ENTENTE_DATA); with --world FILE it reads a world file; with neither it
shows the embedded 2024 world. The JSON shape is the same for all three:
{"year", "states": [{"ccode", "name", "cinc", ...}], "alliances": [{"id",
"name", "members", "obligations", ...}], "coverage": [...]}.

The subcommands convert world files to and from CSV tables.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		src := addWorldFlags(fs)
		format := fs.String("format", "text", "output format: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("world takes no positional arguments (got %q)", strings.Join(args, " "))
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			w, err := src.load(env)
			if err != nil {
				return err
			}
			if *format == "json" {
				return writeWorldJSON(env.Stdout, w)
			}
			return writeWorldText(env.Stdout, w)
		}
	},
}

func init() {
	worldCmd.Sub = []*Command{worldImportCmd, worldExportCmd}
	register(worldCmd)
}

// The JSON shape of a World lives in internal/worldjson, shared with the
// HTTP API.
type (
	worldJSON = worldjson.World
	stateJSON = worldjson.State
)

func worldView(w *world.World) worldJSON { return worldjson.View(w) }

func writeWorldJSON(out io.Writer, w *world.World) error {
	return worldjson.Write(out, worldView(w))
}

func writeWorldText(out io.Writer, w *world.World) error {
	v := worldView(w)
	title := fmt.Sprintf("The world in %d", v.Year)
	if v.Name != "" {
		title = fmt.Sprintf("%s (as of %s)", v.Name, v.AsOf)
	}
	fmt.Fprintf(out, "%s: %d states, %d alliances in force\n\n", title, len(v.States), len(v.Alliances))
	states := append([]stateJSON(nil), v.States...)
	sort.SliceStable(states, func(i, j int) bool {
		a, b := states[i].CINC, states[j].CINC
		if a.IsMissing() != b.IsMissing() {
			return b.IsMissing()
		}
		return a > b
	})
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ccode\tabbrev\tname\tmajor\tcinc")
	for _, s := range states {
		major := ""
		if s.Major {
			major = "yes"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", s.CCode, s.Abbrev, s.Name, major, fmtShare(s.CINC))
	}
	tw.Flush()
	fmt.Fprintln(out)
	tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "alliance\tname\tobligations\tmembers")
	for _, a := range v.Alliances {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, a.Name, a.Obligations, joinInts(a.Members))
	}
	tw.Flush()
	if len(v.Coverage) > 0 {
		fmt.Fprintln(out)
		tw = tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "family\tsource\tcovered")
		for _, c := range v.Coverage {
			fmt.Fprintf(tw, "%s\t%s\t%v (%d-%d)\n", c.Family, c.Source, c.Covered, c.From, c.To)
		}
		tw.Flush()
	}
	return nil
}

func fmtShare(v world.Value) string {
	if v.IsMissing() {
		return "NA"
	}
	return fmt.Sprintf("%.4f", float64(v))
}

func joinInts(xs []int) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, " ")
}
