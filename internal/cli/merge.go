package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/entente/entente/simulate/tables"
)

var mergeCmd = &Command{
	UsageLine: "merge --out DIR PART...",
	Short:     "combine the shards of a simulation into one output",
	Long: `Merge combines the output directories of the shards of one simulation
('entente simulate --shard i/N --out DIR') into DIR. Each PART is a shard's
directory, or a directory holding shard-*-of-* directories. Merge checks the
manifests (the same scenario sha256, model constants, seed, version, runs and
shard count; every shard present once) and each table against its manifest's
sha256, then rewrites the tables run by run: DIR is byte for byte what the
unsharded run writes.`,
	Setup: func(fs *flag.FlagSet) RunFunc {
		out := fs.String("out", "", "write the merged tables to `DIR`")
		return func(ctx context.Context, env *Env, args []string) error {
			if *out == "" {
				return usagef("merge needs --out DIR")
			}
			if len(args) == 0 {
				return usagef("merge needs the shard directories")
			}
			var dirs []string
			for _, a := range args {
				if _, err := os.Stat(filepath.Join(a, "manifest.json")); err == nil {
					dirs = append(dirs, a)
					continue
				}
				sub, _ := filepath.Glob(filepath.Join(a, "shard-*-of-*"))
				if len(sub) == 0 {
					return fmt.Errorf("merge: %s: no manifest.json and no shard-*-of-* directories", a)
				}
				dirs = append(dirs, sub...)
			}
			if err := tables.Merge(*out, dirs); err != nil {
				return err
			}
			m, err := tables.ReadManifest(*out)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stderr, "merged %d runs of %s from %d shards into %s\n", m.Runs, m.Scenario, len(dirs), *out)
			return nil
		}
	},
}

func init() { register(mergeCmd) }
