package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/entente/entente/internal/outfile"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/report"
	"github.com/entente/entente/world"
)

var reportCmd = &Command{
	UsageLine: "report [--world FILE | --year Y [--data DIR]] [--format text|markdown|json|html] [--out FILE]",
	Short:     "describe today's alliance systems (or a world file's)",
	Long: `Report describes the alliance systems of a world: each alliance's members,
obligations and whether it is formal; whether it is multilateral or
hub-and-spoke, measured by Freeman's degree centralization of its treaty
graph; the asymmetry between its members (the largest member's share of
their combined capability); each major state's alliance portfolio; a
capability ranking; and burden sharing (military spending as a share of GDP
against NATO's 2% guideline). Models add their own sections.

Without flags it reports on the embedded world as of 2024-12-31, so it
needs no dataset. See docs/report.md for how to read it.

` + worldHelp,
	Setup: func(fs *flag.FlagSet) RunFunc {
		wf := addWorldFlags(fs)
		format := fs.String("format", "text", "output `format`: text, markdown, json or html")
		out := fs.String("out", "", "write to `FILE` instead of standard output")
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("report takes no arguments")
			}
			if err := checkFormat(*format, report.Formats...); err != nil {
				return err
			}
			w, err := wf.load(env)
			if err != nil {
				return err
			}
			r, err := report.Build(w)
			if err != nil {
				return err
			}
			return writeFileOrStdout(env, *out, func(o io.Writer) error { return report.Write(o, r, *format) })
		}
	},
}

func init() { register(reportCmd) }

// worldFromFile reads a world file, or the embedded world when path is empty.
func worldFromFile(env *Env, path string) (*world.World, error) {
	if path == "" {
		return worldfile.Default()
	}
	return worldfile.LoadContext(env.context(), path)
}

// writeFileOrStdout runs write on standard output, or on the file path (replaced
// only when write succeeds).
func writeFileOrStdout(env *Env, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(env.Stdout)
	}
	return writeFileAtomic(path, write)
}

// staleAge is the age after which a temporary output file beside its
// target is taken for the remains of a killed run.
const staleAge = time.Hour

// removeStale removes the temporary files ".NAME"+pattern beside path
// that a killed run left, when older than staleAge (a younger one may
// belong to a run still writing).
func removeStale(path, pattern string) {
	old, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+pattern))
	for _, p := range old {
		if st, err := os.Lstat(p); err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) > staleAge {
			os.Remove(p)
		}
	}
}

// writeFileAtomic runs write on a temporary file beside path (package
// outfile: mode 0644, renamed to path when write and Close succeed; on any
// error path is left as it was; a device such as /dev/null is written in
// place).
func writeFileAtomic(path string, write func(io.Writer) error) error {
	removeStale(path, ".tmp-*")
	f, err := outfile.Create(path, ".tmp-*")
	if err != nil {
		return err
	}
	cw := &checkedWriter{w: f}
	if err := write(cw); err != nil {
		f.Abort()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if cw.err != nil { // a write the caller did not check
		f.Abort()
		return fmt.Errorf("write %s: %w", path, cw.err)
	}
	return f.Commit()
}
