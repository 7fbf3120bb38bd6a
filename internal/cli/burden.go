package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"gonum.org/v1/plot"

	"github.com/entente/entente/burden"
	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/burdenplot"
	"github.com/entente/entente/internal/source/nato"
	"github.com/entente/entente/internal/source/sipri"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/panel"
	"github.com/entente/entente/world"
)

// history.FileNATO is NATO's table of defence expenditure as a share of GDP in the
// data directory.

var burdenCmd = &Command{
	UsageLine: "burden [--alliance ID] [--year Y | --years A-B] [--all --years A-B --out FILE] [--tracker] [--source sipri|nato] [--plot FILE] [--format text|json]",
	Short:     "burden sharing: the Olson–Zeckhauser test of free-riding, the exploitation gap, NATO's guideline",
	Long: `Burden lists the members of an alliance in a year with their GDP, their
defence burden (military expenditure as a share of GDP), their shares of the
alliance's GDP and spending and the gap between them, and the free riders
(burden more than 0.5 points below the alliance's GDP-weighted mean). It
tests Olson & Zeckhauser's (1966) hypothesis that larger members carry a
larger burden: Spearman's ρ and Kendall's τ-b between GDP and burden, and
the one-sided permutation p-value of ρ > 0 (9,999 permutations, seed 1966).

--alliance takes an ID as 'entente world' shows it: cow:227 (COW
version4id), atop:3180 (ATOP atopid), or nato (world:nato) in the embedded
2024 world. --year Y reads the data directory (--data DIR or $ENTENTE_DATA):
GDP from the SDP file (2011 US dollars) and SIPRI's burden, 1949 on; before
1949 the burden is missing (NMC's expenditure is in mixed currency units and
price bases). With no --year and no --data the embedded 2024 world is read
(current-dollar GDP). --years A-B prints a time series, one line a year.
--source nato takes NATO's own figures (2014–2024) instead of SIPRI's.

--all --years A-B tests every alliance with at least 5 members with data in
every year (999 permutations each), prints the share of alliance-years with a
significantly positive ρ (p < 0.05) by era against the 5% expected by chance,
and writes the table to --out FILE: FILE.csv, FILE.csv.gz or FILE.parquet
(by extension, as for entente panel; missing values empty in CSV, null in
Parquet).

--tracker counts the allies at or above NATO's 2% guideline each year
2014–2024 on NATO's figures and on SIPRI's, and the Hague commitment's core
3.5%. --plot FILE.svg or .png draws the Olson–Zeckhauser scatter (log GDP
against burden, members labelled, least-squares line) or, with --tracker,
the tracker. See docs/burden.md.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		data := addDataFlag(fs)
		id := fs.String("alliance", "", "alliance `ID`: cow:N, atop:N or nato")
		year := fs.Int("year", 0, "the `year`")
		years := fs.String("years", "", "a span of years `A-B`")
		all := fs.Bool("all", false, "test every alliance with at least 5 members with data")
		tracker := fs.Bool("tracker", false, "NATO's guideline tracker, 2014–2024")
		source := fs.String("source", "sipri", "`source` of the burden: sipri or nato")
		out := fs.String("out", "", "write the table of --all to `file` (.csv, .csv.gz or .parquet)")
		plotFile := fs.String("plot", "", "draw the scatter or the tracker to `file` (.svg or .png)")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("burden takes no arguments")
			}
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			src, err := burden.ParseSource(*source)
			if err != nil {
				return usagef("--source: %v", err)
			}
			if err := checkExt("--plot", *plotFile, ".svg", ".png"); err != nil {
				return err
			}
			if err := checkTableOut(*out); err != nil {
				return err
			}
			from, to := 0, 0
			if *years != "" {
				if *year != 0 {
					return usagef("--year and --years are exclusive")
				}
				if from, to, err = parseYears(*years); err != nil || from > to {
					return usagef("--years %s: want A-B with A ≤ B, such as 1949-2016", *years)
				}
			}
			switch {
			case *tracker:
				return runTracker(env, *data, *format, *plotFile)
			case *all:
				if *years == "" {
					return usagef("--all needs --years A-B")
				}
				return runBurdenAll(env, *data, src, from, to, *out, *format)
			case *id == "":
				return usagef("burden needs --alliance ID, --all or --tracker")
			case *out != "":
				return usagef("--out goes with --all")
			}
			if *years == "" {
				from, to = *year, *year
			}
			return runBurdenAlliance(env, *data, *id, src, from, to, *format, *plotFile)
		}
	},
}

func init() { register(burdenCmd) }

// burdenLoader gives the World of a year: the embedded world when no year
// and no data directory are given, else the history of the data directory.
type burdenLoader struct {
	h    *history.History
	nato *nato.Table
	w    *world.World // the embedded world
}

func newBurdenLoader(env *Env, dataFlag string, year int, src burden.Source) (*burdenLoader, error) {
	if year == 0 && dataFlag == "" {
		w, err := worldfile.Default()
		return &burdenLoader{w: w}, err
	}
	if year == 0 {
		return nil, usagef("--data needs --year or --years")
	}
	dir, err := dataDir(env, dataFlag)
	if err != nil {
		return nil, err
	}
	h, err := openHistoryCached(env, dir)
	if err != nil {
		return nil, err
	}
	l := &burdenLoader{h: h}
	if src == burden.NATO {
		if l.nato, err = nato.Read(filepath.Join(dir, history.FileNATO), nato.Edition2024); err != nil {
			return nil, err
		}
	}
	return l, nil
}

func (l *burdenLoader) world(y int) (*world.World, error) {
	if l.h == nil {
		if y != 0 && y != l.w.Year {
			return nil, usagef("--year %d: the embedded world is of %d; give --data DIR for other years", y, l.w.Year)
		}
		return l.w, nil
	}
	first, last := l.h.Span()
	if y < first || y > last {
		return nil, usagef("--year %d: outside the data's %d–%d", y, first, last)
	}
	return l.h.World(y)
}

func (l *burdenLoader) figures() burden.Figures {
	if l.nato == nil {
		return nil
	}
	return l.nato.Share
}

// normalizeAllianceID maps the short names of the embedded world ("nato")
// to their IDs.
func normalizeAllianceID(id string) string {
	id = strings.ToLower(strings.TrimSpace(id))
	if !strings.Contains(id, ":") {
		return "world:" + id
	}
	return id
}

// cowAlliancesLast is the last year of COW's alliance data (v4.1): the
// history has no COW alliance after it.
const cowAlliancesLast = 2012

// allianceLife returns the first and last year of the alliance id in the
// history, and false when the history does not know it.
func allianceLife(h *history.History, id string) (first, last int, ok bool) {
	src, num, _ := strings.Cut(id, ":")
	n, err := strconv.Atoi(num)
	if err != nil {
		return 0, 0, false
	}
	_, end := h.Span()
	widen := func(a, b int) {
		if !ok || a < first {
			first = a
		}
		if !ok || b > last {
			last = b
		}
		ok = true
	}
	switch src {
	case "cow":
		for _, m := range h.COWMemberships() {
			if m.ID == n {
				e := m.Spell.End.Year
				if e == 0 || e > cowAlliancesLast {
					e = cowAlliancesLast
				}
				widen(m.Spell.Start.Year, e)
			}
		}
	case "atop":
		for _, m := range h.ATOPMembers() {
			if m.ATOPID == n {
				e := m.Exit.Year
				if e == 0 {
					e = end
				}
				widen(m.Entry.Year, e)
			}
		}
	}
	return first, last, ok
}

// unknownAlliance is the usage error for an ID the data does not know,
// naming up to five close IDs.
func unknownAlliance(id string, ids []string) error {
	near := closeIDs(normalizeAllianceID(id), ids, 5)
	msg := fmt.Sprintf("--alliance %s: no such alliance (IDs as 'entente world' shows them: cow:N, atop:N, nato)", id)
	if len(near) > 0 {
		msg += "; close matches: " + strings.Join(near, ", ")
	}
	return usagef("%s", msg)
}

// closeIDs returns up to k of ids closest to id: those of the same source
// with the nearest numbers, or, for names, those containing it.
func closeIDs(id string, ids []string, k int) []string {
	src, num, _ := strings.Cut(id, ":")
	n, nerr := strconv.Atoi(num)
	type cand struct {
		id string
		d  int
	}
	var cs []cand
	for _, c := range ids {
		cs2, cn, _ := strings.Cut(c, ":")
		if nerr == nil {
			if m, err := strconv.Atoi(cn); err == nil && cs2 == src {
				cs = append(cs, cand{c, abs(m - n)})
			}
			continue
		}
		if d := levenshtein(num, cn); d <= len(num)/2+1 {
			cs = append(cs, cand{c, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var out []string
	for i := 0; i < len(cs) && i < k; i++ {
		out = append(out, cs[i].id)
	}
	return out
}

// levenshtein is the edit distance between a and b, in bytes.
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev[len(b)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// knownIDs lists the alliance IDs of the history (COW and ATOP) or of w.
func knownIDs(h *history.History, w *world.World) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	if h == nil {
		for _, a := range w.Alliances {
			add(a.ID)
		}
		return out
	}
	for _, m := range h.COWMemberships() {
		add(fmt.Sprintf("cow:%d", m.ID))
	}
	for _, m := range h.ATOPMembers() {
		add(fmt.Sprintf("atop:%d", m.ATOPID))
	}
	return out
}

func runBurdenAlliance(env *Env, dataFlag, rawID string, src burden.Source, from, to int, format, plotFile string) error {
	id := normalizeAllianceID(rawID)
	l, err := newBurdenLoader(env, dataFlag, from, src)
	if err != nil {
		return err
	}
	if l.h != nil {
		first, last, ok := allianceLife(l.h, id)
		if !ok {
			return unknownAlliance(rawID, knownIDs(l.h, nil))
		}
		if from < first || to > last {
			span := fmt.Sprintf("the years %d–%d are", from, to)
			if from == to {
				span = fmt.Sprintf("the year %d is", from)
			}
			return usagef("--alliance %s: in force %d–%d; %s outside its life", id, first, last, span)
		}
	}
	var ys []burden.Year
	for y := from; y <= to; y++ {
		w, err := l.world(y)
		if err != nil {
			return err
		}
		var a *world.Alliance
		for i := range w.Alliances {
			if w.Alliances[i].ID == id {
				a = &w.Alliances[i]
			}
		}
		if a == nil {
			if l.h == nil {
				return unknownAlliance(rawID, knownIDs(nil, w))
			}
			return usagef("--alliance %s: not in force in %d", id, w.Year)
		}
		by, err := burden.Of(w, a, src, l.figures())
		if err != nil {
			if from == to {
				why := ""
				if w.Year < 1949 && src == burden.SIPRI {
					why = " (SIPRI's burden begins in 1949; before it the burden is missing)"
				}
				return fmt.Errorf("%s in %d: %v%s", a.ID, w.Year, err, why)
			}
		}
		ys = append(ys, by)
	}
	if plotFile != "" {
		if from != to {
			return usagef("--plot draws one year's scatter: give --year, or --tracker")
		}
		if err := plotScatter(plotFile, ys[0]); err != nil {
			return err
		}
	}
	if format == "json" {
		if len(ys) == 1 {
			return writeJSON(env.Stdout, ys[0])
		}
		return writeJSON(env.Stdout, ys)
	}
	if len(ys) == 1 {
		return writeBurdenYear(env.Stdout, ys[0])
	}
	return writeBurdenSeries(env.Stdout, ys)
}

func pct(v world.Value, d int) string {
	if v.IsMissing() {
		return "–"
	}
	return strconv.FormatFloat(v.Float(), 'f', d, 64)
}

func writeBurdenYear(out io.Writer, y burden.Year) error {
	r := y.Result
	fmt.Fprintf(out, "%s (%s), %d: %d members\n", y.Name, y.Alliance, y.Year, y.Members)
	fmt.Fprintf(out, "burden: %s; size: %s\n\n", y.Source, y.Size)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ccode\tstate\tGDP US$ bn\tburden %\tGDP share %\tspending share %\tgap\tfree rider")
	rows := append([]burden.Row(nil), r.Rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].GDP.Or(-1) > rows[j].GDP.Or(-1) })
	for _, m := range rows {
		fr := ""
		if m.FreeRider {
			fr = "yes"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", m.CCode, m.Name, pct(m.GDP/1e9, 1), pct(m.Burden, 2), pct(m.GDPShare, 1), pct(m.SpendShare, 1), pct(m.Gap, 1), fr)
	}
	tw.Flush()
	fmt.Fprintf(out, "\nOlson–Zeckhauser test (GDP against burden): Spearman ρ = %.3f, Kendall τ-b = %.3f, one-sided permutation p = %.4f (%d permutations, seed %d), n = %d of %d members\n",
		r.Rho, r.Tau, r.P, r.Permutations, burden.Seed, r.N, y.Members)
	var fr []string
	for _, m := range r.FreeRiders {
		fr = append(fr, m.Name)
	}
	if len(fr) == 0 {
		fr = []string{"none"}
	}
	fmt.Fprintf(out, "GDP-weighted mean burden %.2f%%; free riders (more than %.1f points below it): %s\n", r.WeightedMean, burden.FreeRiderMargin, strings.Join(fr, ", "))
	return nil
}

func writeBurdenSeries(out io.Writer, ys []burden.Year) error {
	fmt.Fprintf(out, "%s (%s), %d–%d; burden: %s; size: %s\n\n", ys[0].Name, ys[0].Alliance, ys[0].Year, ys[len(ys)-1].Year, ys[0].Source, ys[0].Size)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "year\tmembers\tn\trho\ttau\tp\tweighted mean %\tfree riders")
	for _, y := range ys {
		if y.Result == nil {
			fmt.Fprintf(tw, "%d\t%d\t\t\t\t\t\t%s\n", y.Year, y.Members, y.Error)
			continue
		}
		r := y.Result
		fmt.Fprintf(tw, "%d\t%d\t%d\t%.3f\t%.3f\t%.4f\t%.2f\t%d\n", y.Year, y.Members, r.N, r.Rho, r.Tau, r.P, r.WeightedMean, len(r.FreeRiders))
	}
	return tw.Flush()
}

func runBurdenAll(env *Env, dataFlag string, src burden.Source, from, to int, out, format string) error {
	l, err := newBurdenLoader(env, dataFlag, from, src)
	if err != nil {
		return err
	}
	if l.h == nil {
		return usagef("--all reads the data directory: give --data DIR or set $ENTENTE_DATA")
	}
	first, last := l.h.Span()
	if from < first || to > last {
		return usagef("--years %d-%d: outside the data's %d–%d", from, to, first, last)
	}
	lines, err := burdenHistory(l.h, src, l.figures(), from, to)
	if err != nil {
		return err
	}
	if out != "" {
		if err := burdenTable(lines, src).write(out); err != nil {
			return err
		}
	}
	sum := burden.Summarise(lines)
	if format == "json" {
		return writeJSON(env.Stdout, sum)
	}
	fmt.Fprintf(env.Stdout, "Olson–Zeckhauser test, %d–%d, alliances with at least %d members with data (burden: %s): %d alliance-years\n\n",
		from, to, burden.TableMinMembers, src.Label(), len(lines))
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "source\tera\talliance-years\tρ > 0 at p < 0.05\tshare\texpected by chance\tmean ρ")
	for _, s := range sum {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.3f\t%.3f\t%.3f\n", s.Source, s.Era.Name, s.Tested, s.Positive, s.Share, s.Expected, s.MeanRho)
	}
	return tw.Flush()
}

// burdenHistory builds the Worlds from..to and the history table.
func burdenHistory(h *history.History, src burden.Source, figs burden.Figures, from, to int) ([]burden.Line, error) {
	var ws []*world.World
	for y := from; y <= to; y++ {
		w, err := h.World(y)
		if err != nil {
			return nil, err
		}
		ws = append(ws, w)
	}
	return burden.Table(ws, src, figs, burden.Options{})
}

// burdenTable is the history table of --all: one row per alliance-year
// tested. name is missing where the source names no alliance (ATOP);
// free_riders lists the free riders' ccodes, separated by spaces, empty
// when there is none.
func burdenTable(lines []burden.Line, src burden.Source) *outTable {
	t := newOutTable([]panel.Column{
		{Name: "year", Kind: panel.Int}, {Name: "alliance", Kind: panel.String}, {Name: "name", Kind: panel.String},
		{Name: "source", Kind: panel.String}, {Name: "members", Kind: panel.Int}, {Name: "n", Kind: panel.Int},
		{Name: "rho", Kind: panel.Float}, {Name: "tau", Kind: panel.Float}, {Name: "p", Kind: panel.Float},
		{Name: "weighted_mean_burden", Kind: panel.Float}, {Name: "free_riders", Kind: panel.String},
	})
	for _, l := range lines {
		r := l.Result
		var fr []string
		for _, m := range r.FreeRiders {
			fr = append(fr, strconv.Itoa(m.CCode))
		}
		t.add(l.Year, l.Alliance, nonEmpty(l.Name), string(src), l.Members, r.N, r.Rho, r.Tau, r.P, r.WeightedMean, strings.Join(fr, " "))
	}
	return t
}

// runTracker counts the allies meeting NATO's guidelines 2014–2024 on
// NATO's figures and on SIPRI's.
func runTracker(env *Env, dataFlag, format, plotFile string) error {
	dir, err := dataDir(env, dataFlag)
	if err != nil {
		return err
	}
	tab, err := nato.Read(filepath.Join(dir, history.FileNATO), nato.Edition2024)
	if err != nil {
		return err
	}
	sh, err := sipri.ReadShares(filepath.Join(dir, history.FileSIPRIShares))
	if err != nil {
		return err
	}
	first, last := tab.Years()
	allies, err := natoAllies()
	if err != nil {
		return err
	}
	type tracked struct {
		Guideline burden.Guideline   `json:"guideline"`
		Years     []burden.TrackYear `json:"years"`
	}
	var ts []tracked
	for _, g := range []burden.Guideline{burden.Wales, burden.HagueCore} {
		ts = append(ts, tracked{g, burden.Track(first, last, allies, tab.Share, sh.GetCOW, g)})
	}
	if plotFile != "" {
		if err := plotTracker(plotFile, ts[0].Years, ts[1].Years); err != nil {
			return err
		}
	}
	if format == "json" {
		return writeJSON(env.Stdout, ts)
	}
	fmt.Fprintln(env.Stdout, "Allies at or above NATO's guidelines, on NATO's figures (defence expenditure, NATO definition) and on SIPRI's (military expenditure)")
	fmt.Fprintln(env.Stdout)
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "year\t2% NATO\t2% SIPRI\t3.5% NATO\t3.5% SIPRI")
	for i, y := range ts[0].Years {
		h := ts[1].Years[i]
		fmt.Fprintf(tw, "%d\t%d of %d\t%d of %d\t%d of %d\t%d of %d\n", y.Year, y.NATO.Meet, y.NATO.Known, y.SIPRI.Meet, y.SIPRI.Known, h.NATO.Meet, h.NATO.Known, h.SIPRI.Meet, h.SIPRI.Known)
	}
	tw.Flush()
	fmt.Fprintln(env.Stdout, "\nAllies are NATO's members in the year. The 2% guideline (Wales, 2014) is measured on NATO's definition, which counts pensions, some paramilitary forces and spending NATO accepts as defence; SIPRI's series uses its own definition and GDP figures, so the counts differ. The Hague commitment (2025): 5% of GDP by 2035, of which at least 3.5% on core defence.")
	return nil
}

// natoAllies returns the members of NATO in a year, from the embedded
// world's alliance (world:nato) and its members' accession dates.
func natoAllies() (func(y int) []int, error) {
	w, err := worldfile.Default()
	if err != nil {
		return nil, err
	}
	for i := range w.Alliances {
		if a := &w.Alliances[i]; a.ID == "world:nato" {
			return a.MembersIn, nil
		}
	}
	return nil, errors.New("the embedded world has no alliance world:nato")
}

// savePlot draws p to path, SVG or PNG by extension.
func savePlot(path string, p *plot.Plot) error {
	format := "svg"
	if strings.ToLower(filepath.Ext(path)) == ".png" {
		format = "png"
	}
	return createFile(path, func(f io.Writer) error {
		return burdenplot.Write(f, p, format, burdenplot.Width, burdenplot.Height)
	})
}

// plotScatter draws the Olson–Zeckhauser scatter of one alliance-year.
func plotScatter(path string, y burden.Year) error {
	p, err := burdenplot.Scatter(y.Result, fmt.Sprintf("%s, %d", y.Name, y.Year), y.Size,
		"burden, % of GDP ("+strings.SplitN(y.Source, " ", 2)[0]+")")
	if err != nil {
		return err
	}
	return savePlot(path, p)
}

// plotTracker draws the tracker on both sources.
func plotTracker(path string, wales, core []burden.TrackYear) error {
	p, err := burdenplot.Tracker(wales, core, true)
	if err != nil {
		return err
	}
	return savePlot(path, p)
}
