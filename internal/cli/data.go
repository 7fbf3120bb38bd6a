package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/entente/entente/internal/dataset"
)

// dataCatalogue and dataHTTPClient are what the data commands read and
// fetch with; tests point them at a local server.
var (
	dataCatalogue  = dataset.Catalogue
	dataHTTPClient *http.Client
)

var dataCmd = &Command{
	UsageLine: "data",
	Short:     "list, verify and download the datasets",
	Long: `Data lists the datasets entente reads (their versions, coverage, citations
and checksums), verifies a data directory against them, and downloads them
from their publishers. entente never redistributes the datasets.`,
	Sub: []*Command{dataSourcesCmd, dataVerifyCmd, dataGetCmd},
}

func init() { register(dataCmd) }

var dataSourcesCmd = &Command{
	UsageLine: "data sources [--format text|json] [NAME...]",
	Short:     "list the datasets with version, coverage, citation and checksums",
	Long: `Sources lists each dataset entente knows: its version, coverage, publisher,
the citation its publisher asks for, its terms, and for each file the
expected sha256, row count (excluding the header), coverage of its year
columns and where it comes from. With names, it lists only those datasets.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			ds, err := selectDatasets(args)
			if err != nil {
				return err
			}
			if *format == "json" {
				return writeJSON(env.Stdout, ds)
			}
			writeSources(env.Stdout, ds)
			return nil
		}
	},
}

var dataVerifyCmd = &Command{
	UsageLine: "data verify [--data DIR] [--format text|json] [NAME...]",
	Short:     "check the files of a data directory against the catalogue",
	Long: `Verify checks each catalogued file in DIR: that it is present, and that its
sha256, column count, row count (data rows, excluding the header) and
coverage (the range of its year columns) are those of the catalogue. Files
are read as streams, several at a time. With names, only those datasets are
checked.

Verify lists every problem and exits 1 when a present file is invalid. An
absent file is reported as absent but is not an error: the exit code is 0
when every present file is valid. DIR defaults to $ENTENTE_DATA; --dir is
an alias of --data.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		dir := addDataDirFlag(fs, "dir")
		format := fs.String("format", "text", "output `format`: text or json")
		return func(ctx context.Context, env *Env, args []string) error {
			if err := checkFormat(*format, "text", "json"); err != nil {
				return err
			}
			d, err := dataDir(env, *dir)
			if err != nil {
				return err
			}
			ds, err := selectDatasets(args)
			if err != nil {
				return err
			}
			rep, err := dataset.Verify(ctx, d, ds)
			if err != nil {
				return err
			}
			if *format == "json" {
				if err := writeJSON(env.Stdout, rep); err != nil {
					return err
				}
			} else {
				writeVerify(env.Stdout, rep)
			}
			if !rep.OK {
				return &ExitError{Code: 1}
			}
			return nil
		}
	},
}

var dataGetCmd = &Command{
	UsageLine: "data get [--data DIR] NAME...",
	Short:     "download datasets from their publishers and check their sha256",
	Long: `Get downloads the named datasets (see 'entente data sources'; "all" means
every dataset that can be downloaded) from their publishers' official
addresses into DIR, extracting files from the publishers' zip archives.

Each file is written to a temporary file beside its final name, its sha256
checked against the catalogue, and only then renamed into place: a failed,
interrupted or corrupted download leaves nothing under the final name and
leaves a file already there untouched. Files already present with the
expected sha256 are not fetched again. A progress bar is drawn when
standard error is a terminal.

Some files cannot be reproduced by a download (tables decoded from
peacesciencer's R objects, Our World in Data's processing of SIPRI, copies
from third parties); for them get explains what to do instead and exits 1.
DIR defaults to $ENTENTE_DATA; --dir is an alias of --data.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		dir := addDataDirFlag(fs, "dir")
		return func(ctx context.Context, env *Env, args []string) error {
			d, err := dataDir(env, *dir)
			if err != nil {
				return err
			}
			if len(args) == 0 {
				return usagef("data get needs dataset names; valid names: all, %s", strings.Join(names(), ", "))
			}
			var ds []dataset.Dataset
			if len(args) == 1 && args[0] == "all" {
				for _, x := range dataCatalogue() {
					if x.Downloadable() {
						ds = append(ds, x)
					}
				}
			} else if ds, err = selectDatasets(args); err != nil {
				return err
			}
			return runGet(ctx, env, d, ds)
		}
	},
}

// runGet downloads each dataset, reporting every file on stdout and every
// failure on stderr.
func runGet(ctx context.Context, env *Env, dir string, ds []dataset.Dataset) error {
	g := &dataset.Getter{Client: dataHTTPClient, UserAgent: "entente/" + Version}
	bar := newProgress(env.Stderr)
	if bar != nil {
		g.Progress = func(p dataset.Progress) { bar.draw(p.URL, renderBar(p, 30), p.Total > 0 && p.Done == p.Total) }
	}
	failed := false
	for _, d := range ds {
		got, err := g.Get(ctx, dir, d)
		bar.finish()
		for _, f := range got {
			if f.Status == dataset.Downloaded {
				fmt.Fprintf(env.Stdout, "%-10s %s  (%s)\n", f.Status, f.Path, f.URL)
			} else {
				fmt.Fprintf(env.Stdout, "%-10s %s\n", f.Status, f.Path)
			}
		}
		if err != nil {
			failed = true
			for _, e := range splitJoined(err) {
				fmt.Fprintf(env.Stderr, "entente: data get %s: %v\n", d.Name, e)
			}
		}
		if ctx.Err() != nil {
			break
		}
	}
	if failed {
		return &ExitError{Code: 1}
	}
	return nil
}

// splitJoined returns the errors joined in err by errors.Join.
func splitJoined(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, splitJoined(e)...)
		}
		return out
	}
	return []error{err}
}

func names() []string {
	var ns []string
	for _, d := range dataCatalogue() {
		ns = append(ns, d.Name)
	}
	return ns
}

// selectDatasets returns the named datasets, or all of them when no name
// is given; an unknown name is a usage error listing the valid ones.
func selectDatasets(args []string) ([]dataset.Dataset, error) {
	all := dataCatalogue()
	if len(args) == 0 {
		return all, nil
	}
	var out []dataset.Dataset
	seen := map[string]bool{}
	for _, a := range args {
		found := false
		for _, d := range all {
			if d.Name == a {
				found = true
				if !seen[a] {
					out = append(out, d)
				}
				seen[a] = true
			}
		}
		if !found {
			return nil, usagef("unknown dataset %q; valid names: %s", a, strings.Join(names(), ", "))
		}
	}
	return out, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func writeSources(w io.Writer, ds []dataset.Dataset) {
	for i, d := range ds {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s — %s, version %s\n", d.Name, d.Title, d.Version)
		fmt.Fprintf(w, "  publisher  %s\n", d.Publisher)
		if d.Coverage != nil {
			fmt.Fprintf(w, "  coverage   %s\n", d.Coverage)
		} else {
			fmt.Fprintf(w, "  coverage   no time dimension\n")
		}
		fmt.Fprintf(w, "  homepage   %s\n", d.Homepage)
		for _, c := range d.Citations {
			fmt.Fprintf(w, "  cite       %s\n", c)
		}
		fmt.Fprintf(w, "  terms      %s\n", d.Terms)
		for _, f := range d.Files {
			fmt.Fprintf(w, "  file       %s\n", f.Path)
			fmt.Fprintf(w, "             sha256 %s\n", f.SHA256)
			fmt.Fprintf(w, "             %d rows, %d columns, %s, %s", f.Rows, f.Columns, f.Encoding, f.LineEndings)
			if !f.FinalNewline {
				fmt.Fprintf(w, " (no final newline)")
			}
			fmt.Fprintln(w)
			if f.Coverage != nil {
				fmt.Fprintf(w, "             years %s (%s)\n", f.Coverage, yearSource(f))
			}
			fmt.Fprintf(w, "             source %s\n", describeSource(f.Source))
		}
	}
}

func yearSource(f dataset.File) string {
	if f.YearFormat == dataset.YearHeader {
		return "column names"
	}
	return strings.Join(f.YearColumns, ", ")
}

func describeSource(s dataset.Source) string {
	switch s.Kind {
	case dataset.SourceDirect:
		out := s.URL
		if s.Transform != dataset.NoTransform {
			out += " then " + string(s.Transform) + ": " + s.Note
		}
		return out
	case dataset.SourceZip:
		return s.URL + " → " + strings.Join(s.Members, " → ")
	}
	return fmt.Sprintf("%s, not downloadable: %s", s.Kind, s.Note)
}

func writeVerify(w io.Writer, rep *dataset.Report) {
	fmt.Fprintf(w, "verifying %d files in %s\n", len(rep.Files), rep.Dir)
	width := 0
	for _, f := range rep.Files {
		width = max(width, len(f.Path))
	}
	for _, f := range rep.Files {
		switch f.Status {
		case dataset.StatusOK:
			fmt.Fprintf(w, "%-6s  %-*s  %7d rows", f.Status, width, f.Path, *f.Rows)
			if f.Coverage != nil {
				fmt.Fprintf(w, "  %s", f.Coverage)
			}
			fmt.Fprintln(w)
		default:
			fmt.Fprintf(w, "%-6s  %s\n", f.Status, f.Path)
		}
		for _, p := range f.Problems {
			fmt.Fprintf(w, "        %s\n", p)
		}
	}
	ok, absent, bad := rep.Counts()
	fmt.Fprintf(w, "%d files: %d ok, %d absent, %d bad\n", len(rep.Files), ok, absent, bad)
	if absent > 0 {
		fmt.Fprintf(w, "absent files are not errors; 'entente data get NAME --data DIR' fetches them\n")
	}
}

// renderBar renders p as "name [=====>    ]  45%  1.2/2.7 MB".
func renderBar(p dataset.Progress, width int) string {
	name := p.URL
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	if len(name) > 32 {
		name = name[:31] + "…"
	}
	if p.Total <= 0 {
		return fmt.Sprintf("%-32s %s", name, megabytes(p.Done))
	}
	frac := float64(p.Done) / float64(p.Total)
	frac = max(0, min(frac, 1))
	n := int(frac * float64(width))
	bar := strings.Repeat("=", n)
	if n < width {
		bar += ">" + strings.Repeat(" ", width-n-1)
	}
	return fmt.Sprintf("%-32s [%s] %3.0f%%  %s/%s", name, bar, 100*frac, strings.TrimSuffix(megabytes(p.Done), " MB"), megabytes(p.Total))
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
