package cli

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/entente/entente/internal/worldfile"
)

// worldImportCmd and worldExportCmd are subcommands of "entente world"
// (internal/cli/world.go lists them in its Sub).
var (
	worldImportCmd = &Command{
		UsageLine: "world import --from DIR [--out FILE.yaml]",
		Short:     "convert CSV tables to a world file",
		Long: `Import reads the CSV tables of a world (world.csv, sources.csv, states.csv,
alliances.csv, members.csv, systems.csv, partnerships.csv, relations.csv, as
"entente world export" writes them) from DIR, validates them as a world file,
and writes the YAML world file to FILE or standard output. Errors name the
table, line, column and field. See docs/worldfile.md.`,
		Setup: func(fs *flag.FlagSet) RunFunc {
			from := fs.String("from", "", "`DIR` holding the CSV tables")
			out := fs.String("out", "", "write the world file to `FILE` instead of standard output")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usagef("world import takes no arguments")
				}
				if *from == "" {
					return usagef("world import needs --from DIR")
				}
				w, err := worldfile.Import(*from)
				if err != nil {
					return err
				}
				return writeFileOrStdout(env, *out, func(o io.Writer) error { return worldfile.Write(o, w) })
			}
		},
	}

	worldExportCmd = &Command{
		UsageLine: "world export [--world FILE] --out DIR",
		Short:     "convert a world file to CSV tables",
		Long: `Export writes a world file (the embedded 2024 world when --world is not
given) as CSV tables into DIR, creating it if needed: one table each for the
world's metadata, sources, states, alliances, alliance members, systems,
partnerships and relations. Lists inside a cell are separated by ';'; a
missing figure is an empty cell. See docs/worldfile.md.`,
		Setup: func(fs *flag.FlagSet) RunFunc {
			file := fs.String("world", "", "world `FILE`; the embedded 2024 world when empty")
			out := fs.String("out", "", "`DIR` to write the tables into")
			return func(ctx context.Context, env *Env, args []string) error {
				if len(args) > 0 {
					return usagef("world export takes no arguments")
				}
				if *out == "" {
					return usagef("world export needs --out DIR")
				}
				w, err := worldFromFile(env, *file)
				if err != nil {
					return err
				}
				if err := worldfile.Export(*out, w); err != nil {
					return err
				}
				fmt.Fprintf(env.Stderr, "wrote %d tables to %s\n", len(worldfile.Tables()), *out)
				return nil
			}
		},
	}
)
