package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/entente/entente/internal/netplot"
	"github.com/entente/entente/network"
	"github.com/entente/entente/panel"
)

var networkCmd = &Command{
	UsageLine: "network [--years FROM-TO | --year Y | --world FILE] [--data DIR] [--source atop|cow|world] [--type defense|any] [--rule either|mutual] [--format json|graphml|gexf] [--out FILE] [--plot FILE.svg|png]",
	Short:     "the alliance network year by year: ties, blocs, polarity",
	Long: `Network builds the alliance network of the state system: every state is a
node and two states are tied when an obligation of the chosen type binds
them (--type defense: a defence pact; any: any obligation, weighted by its
level under the source's valuation). --source atop reads ATOP's directed
dyad-year obligations (1816–2016 in the history), cow COW's alliances
(1816–2012); --rule either ties two states when one pledged to the other
(the default), mutual only when both did.

With --years FROM-TO it writes one row per year: states, ties, density,
components, isolates, the giant component's share, degree centralization,
clustering, Louvain blocs and modularity, dyads in a dispute, signed blocs
(disputes as negative ties), major powers, their concentration, poles,
structural poles and polarization. --out FILE writes FILE.csv, FILE.csv.gz
or FILE.parquet (by extension); without it, CSV goes to stdout. Years
outside the source's coverage are written with every measure empty.

With --year Y it writes the network of that year with each state's code,
name, capability and bloc, as --format json (default), graphml (igraph,
networkx, Gephi) or gexf (Gephi). Without --year or --years it reads the
embedded 2024 world (or --world FILE) and its own alliances (--source world).

--plot FILE.svg or FILE.png draws the graph (nodes sized by capability,
coloured by bloc) or, with --years, the time series. See docs/networks.md.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		years := fs.String("years", "", "a `range` of years FROM-TO for the yearly table")
		year := fs.Int("year", 0, "one `year` for the graph")
		data := fs.String("data", "", "data `dir`ectory (default $ENTENTE_DATA)")
		wld := fs.String("world", "", "a world `file` instead of the historical data")
		def := network.DefaultOptions()
		source := fs.String("source", "", "obligations from `atop`, cow or world (default atop; world for a world file)")
		typ := fs.String("type", string(def.Type), "ties from `defense` pacts or any obligation")
		rule := fs.String("rule", string(def.Rule), "a tie needs a pledge in `either` direction or mutual pledges")
		res := fs.Float64("resolution", def.Resolution, "Louvain `resolution` γ")
		seed := fs.Uint64("seed", def.Seed, "`seed` of the Louvain runs and the layout")
		format := fs.String("format", "json", "graph `format`: json, graphml or gexf")
		out := fs.String("out", "", "write to `FILE` instead of standard output")
		plotPath := fs.String("plot", "", "draw to `FILE`.svg or FILE.png")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("network takes no arguments (got %q)", args[0])
			}
			o := def
			var err error
			if *source != "" {
				if o.Source, err = network.ParseSource(*source); err != nil {
					return usagef("--source: %v", err)
				}
			}
			if o.Type, err = network.ParseType(*typ); err != nil {
				return usagef("--type: %v", err)
			}
			if o.Rule, err = network.ParseRule(*rule); err != nil {
				return usagef("--rule: %v", err)
			}
			o.Resolution, o.Seed = *res, *seed
			if err := o.Validate(); err != nil {
				return usagef("%v", err)
			}
			if *plotPath != "" {
				if _, err := netplot.FormatOf(*plotPath); err != nil {
					return usagef("--plot: %v", err)
				}
			}
			switch {
			case *years != "" && (*year != 0 || *wld != ""):
				return usagef("--years draws the yearly table; it excludes --year and --world")
			case *years != "":
				if isSet(fs, "format") {
					return usagef("--format is for one year's graph; the table's format follows --out's extension")
				}
				from, to, err := parseYears(*years)
				if err != nil {
					return usagef("--years: %v", err)
				}
				return networkTable(env, o, *data, from, to, *out, *plotPath)
			}
			if err := checkFormat(*format, network.GraphFormats...); err != nil {
				return err
			}
			return networkGraph(env, o, *source != "", *data, *wld, *year, *format, *out, *plotPath)
		}
	},
}

func init() { register(networkCmd) }

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// networkTable writes the yearly measures.
func networkTable(env *Env, o network.Options, data string, from, to int, out, plotPath string) error {
	if o.Source == network.Files {
		return usagef("--source world: the yearly table reads the history; want atop or cow")
	}
	if out != "" && out != "-" {
		if _, err := panel.FormatOf(out); err != nil {
			return usagef("--out: %v", err)
		}
	}
	dir, err := dataDir(env, data)
	if err != nil {
		return err
	}
	h, err := openHistoryCached(env, dir)
	if err != nil {
		return err
	}
	if first, last := h.Span(); from > to || from < first || to > last {
		return usagef("--years %d-%d: the history covers %d-%d", from, to, first, last)
	}
	ys, err := network.Series(h, from, to, o)
	if err != nil {
		return err
	}
	if err := writeNetworkTable(env, ys, o, out); err != nil {
		return err
	}
	if plotPath != "" {
		return writeFileOrStdout(env, plotPath, func(w io.Writer) error {
			f, _ := netplot.FormatOf(plotPath)
			return netplot.WriteSeries(w, ys, f, 18*vg.Centimeter, 22*vg.Centimeter)
		})
	}
	return nil
}

// networkColumns are the table's columns for the panel writers: counts
// are integers, the rest floats; the keys year and covered come first.
func networkColumns(o network.Options) []panel.Column {
	ints := map[string]bool{"year": true, "states": true, "ties": true, "components": true, "isolates": true,
		"blocs": true, "hostile_dyads": true, "signed_blocs": true, "majors": true, "poles": true, "structural_poles": true}
	var cols []panel.Column
	for _, name := range network.Columns {
		if name == "source" || name == "type" {
			continue // constant for a run: named in the description of ties
		}
		c := panel.Column{Name: name, Kind: panel.Float}
		switch {
		case name == "covered":
			c.Kind = panel.Bool
		case ints[name]:
			c.Kind = panel.Int
		}
		if name == "ties" {
			c.Description = fmt.Sprintf("%s ties from %s (%s rule)", o.Type, o.Source, o.Rule)
		}
		c.Type = c.Kind.String()
		cols = append(cols, c)
	}
	return cols
}

func writeNetworkTable(env *Env, ys []network.Year, o network.Options, out string) error {
	cols := networkColumns(o)
	b := &panel.Batch{Rows: len(ys), Cols: make([]panel.Vec, len(cols))}
	if len(ys) > 0 {
		b.Year = ys[0].Year
	}
	for c := range cols {
		v := &b.Cols[c]
		v.Kind = cols[c].Kind
		if v.Kind == panel.Float {
			v.F = make([]float64, len(ys))
		} else {
			v.I = make([]int64, len(ys))
		}
	}
	for r, y := range ys {
		b.Cols[0].I[r] = int64(y.Year)
		if y.Covered {
			b.Cols[1].I[r] = 1
		}
		for i, val := range y.Values() {
			v := &b.Cols[2+i]
			switch {
			case v.Kind == panel.Float:
				v.F[r] = val.Float()
			case val.IsMissing():
				if v.Null == nil {
					v.Null = make([]bool, len(ys))
				}
				v.Null[r] = true
			default:
				v.I[r] = int64(val.Float())
			}
		}
	}
	var w panel.Writer
	var err error
	if out == "" || out == "-" {
		w, err = panel.NewCSV(env.Stdout, cols)
	} else {
		w, err = panel.Create(out, cols)
	}
	if err != nil {
		return err
	}
	if err := w.Write(b); err != nil {
		panel.Abort(w)
		return err
	}
	return w.Close()
}

// networkGraph writes one year's graph, from the history or a world file.
func networkGraph(env *Env, o network.Options, sourceSet bool, data, wld string, year int, format, out, plotPath string) error {
	var n *network.Network
	if wld != "" || year == 0 {
		if data != "" {
			return usagef("--data needs --year or --years")
		}
		if !sourceSet {
			o.Source = network.Files
		}
		w, err := worldFromFile(env, wld)
		if err != nil {
			return err
		}
		if year != 0 && year != w.Year {
			return usagef("--year %d does not match the world file's year %d", year, w.Year)
		}
		if n, err = network.FromWorld(w, o); err != nil {
			return usagef("%v", err)
		}
	} else {
		if o.Source == network.Files {
			return usagef("--source world reads a world file (--world FILE or the embedded world); with --year want atop or cow")
		}
		dir, err := dataDir(env, data)
		if err != nil {
			return err
		}
		h, err := openHistoryCached(env, dir)
		if err != nil {
			return err
		}
		first, last, err := network.Coverage(h, o.Source)
		if err != nil {
			return err
		}
		if year < first || year > last {
			return usagef("--year %d: outside %d-%d, the coverage of %s in the history", year, first, last, o.Source)
		}
		if n, _, err = network.FromHistory(h, year, o); err != nil {
			return err
		}
	}
	p := n.Blocs()
	if err := writeFileOrStdout(env, out, func(w io.Writer) error { return n.WriteGraph(w, format, p) }); err != nil {
		return err
	}
	if plotPath == "" {
		return nil
	}
	g := netplot.Graph{Net: n, Group: make([]int, len(n.Nodes)), Seed: o.Seed,
		Title: fmt.Sprintf("Alliance network %d: %s %s ties, %d blocs", n.Year, o.Source, o.Type, len(p.Blocs))}
	for i, c := range n.Nodes {
		g.Group[i] = p.Of(c)
	}
	for i, b := range p.Blocs {
		g.Legend = append(g.Legend, blocLabel(n, b, i))
	}
	f, _ := netplot.FormatOf(plotPath)
	if err := os.MkdirAll(filepath.Dir(plotPath), 0o755); err != nil {
		return err
	}
	return writeFileOrStdout(env, plotPath, func(w io.Writer) error {
		return netplot.WriteGraph(w, g, f, 20*vg.Centimeter, 20*vg.Centimeter)
	})
}

// blocLabel names a bloc by its members of largest capability.
func blocLabel(n *network.Network, b network.Bloc, i int) string {
	best, second := -1, -1
	for _, m := range b.Members {
		j := n.Pos(m)
		switch c := n.Capability[j]; {
		case best < 0 || c > n.Capability[best]:
			best, second = j, best
		case second < 0 || c > n.Capability[second]:
			second = j
		}
	}
	names := []string{n.Names[best]}
	if second >= 0 {
		names = append(names, n.Names[second])
	}
	share := ""
	if b.Share.OK() {
		share = fmt.Sprintf(", %.0f%%", 100*b.Share.Float())
	}
	return fmt.Sprintf("bloc %d: %s… (%d states%s)", i, strings.Join(names, ", "), len(b.Members), share)
}
