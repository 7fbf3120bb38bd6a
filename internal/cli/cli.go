// Package cli is entente's command line: a table of commands on the standard
// flag package, each in a file of its own, testable in-process through Main.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/entente/entente/history"
	"io"
	"os"
	"sort"
	"strings"
)

// Version is entente's version, set at build time with
// -ldflags "-X github.com/entente/entente/internal/cli.Version=...".
var Version = "0.1.0-dev"

// Env is what a command runs against: its streams and the environment.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Getenv reads an environment variable; tests replace it.
	Getenv func(string) string
	// ctx is the command's context, for the loaders that stop when it is
	// done (run sets it).
	ctx context.Context
	// NoVerify is set by --no-verify: the data files are read without
	// checking them against the catalogue.
	NoVerify bool
	// NoCache is set by --no-cache: the data files are parsed, not read
	// from the parsed cache (history.DefaultCacheDir).
	NoCache bool
}

// cacheDir returns the parsed cache directory of the data loads: none
// with --no-cache, else history.DefaultCacheDir ($ENTENTE_CACHE, "off"
// for none, or the user's cache directory).
func (env *Env) cacheDir() string {
	if env.NoCache {
		return ""
	}
	return history.DefaultCacheDir(env.Getenv)
}

// RunFunc runs a command with its positional arguments.
type RunFunc func(ctx context.Context, env *Env, args []string) error

// Command is one entente command, as in cmd/go: a plain struct in a table.
type Command struct {
	// UsageLine is the one-line usage; its first words are the command path
	// ("data verify --data DIR").
	UsageLine string
	// Short is a one-line description shown by "entente help".
	Short string
	// Long is the text shown by "entente help CMD".
	Long string
	// Setup defines the command's flags on fs and returns the function that
	// runs it with the arguments left after the flags. It is called afresh
	// for every invocation, so runs share no state and tests can run
	// commands in parallel.
	Setup func(fs *flag.FlagSet) RunFunc
	// Sub lists subcommands ("data sources", "data verify"). A command may
	// have both: "world --year 1914" runs Setup, "world export" a subcommand.
	Sub []*Command
}

// Name returns the command's last path word.
func (c *Command) Name() string {
	words := strings.Fields(c.UsageLine)
	path := c.path(words)
	return path[len(path)-1]
}

// path returns the leading words of the usage line that name the command.
func (c *Command) path(words []string) []string {
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, "-") || strings.HasPrefix(w, "[") || strings.ToUpper(w) == w {
			break
		}
		out = append(out, w)
	}
	if len(out) == 0 {
		out = words[:1]
	}
	return out
}

var commands []*Command

// register adds top-level commands to the table; each command file calls
// it from init.
func register(c ...*Command) { commands = append(commands, c...) }

// UsageError is returned for bad flags or arguments; Main exits 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usagef(format string, a ...any) error { return &UsageError{fmt.Sprintf(format, a...)} }

// ExitError carries an exit code other than 1 for a failure that has already
// been reported (data verify exits 1 after listing every problem).
type ExitError struct{ Code int }

func (e *ExitError) Error() string { return fmt.Sprintf("exit status %d", e.Code) }

// Main runs entente with args (without the program name) and returns the
// process exit code: 0 on success, 1 on failure, 2 on a usage error.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Getenv: os.Getenv}
	return run(ctx, env, args)
}

func run(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 {
		printTopUsage(env.Stderr)
		return 2
	}
	env.ctx = ctx
	out := &checkedWriter{w: env.Stdout}
	env.Stdout = out
	err := dispatch(ctx, env, sortedCommands(), nil, args)
	if err == nil && out.err != nil {
		err = fmt.Errorf("write standard output: %w", out.err)
	}
	var ue *UsageError
	var ee *ExitError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "entente: %s\n", ue.Msg)
		return 2
	case errors.As(err, &ee):
		return ee.Code
	}
	fmt.Fprintf(env.Stderr, "entente: %v\n", err)
	return 1
}

// context returns the command's context.
func (e *Env) context() context.Context {
	if e.ctx == nil {
		return context.Background()
	}
	return e.ctx
}

// checkedWriter keeps the first error of a write to standard output (a full
// disk, a closed pipe), so that a command whose every Fprintf ignores it
// still exits 1; it writes nothing after that error.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err == nil && n < len(p) {
		err = io.ErrShortWrite
	}
	if err != nil {
		c.err = err
	}
	return n, err
}

func sortedCommands() []*Command {
	cs := append([]*Command{helpCmd, versionCmd}, commands...)
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Name() < cs[j].Name() })
	return cs
}

func find(cs []*Command, name string) *Command {
	for _, c := range cs {
		if c.Name() == name {
			return c
		}
	}
	return nil
}

func dispatch(ctx context.Context, env *Env, table []*Command, parent []string, args []string) error {
	name := args[0]
	c := find(table, name)
	if c == nil {
		where := "entente"
		if len(parent) > 0 {
			where = "entente " + strings.Join(parent, " ")
		}
		return usagef("unknown command %q for %s; run 'entente help%s'", name, where, prefixSpace(parent))
	}
	path := append(append([]string{}, parent...), name)
	if len(c.Sub) > 0 && len(args) >= 2 && find(c.Sub, args[1]) != nil {
		return dispatch(ctx, env, c.Sub, path, args[1:])
	}
	if len(c.Sub) > 0 && c.Setup == nil {
		if len(args) < 2 || args[1] == "-h" || args[1] == "--help" || args[1] == "help" {
			printHelp(env.Stdout, c, path)
			if len(args) < 2 {
				return usagef("%s needs a subcommand", strings.Join(path, " "))
			}
			return nil
		}
		return dispatch(ctx, env, c.Sub, path, args[1:])
	}
	fs := flag.NewFlagSet(strings.Join(path, " "), flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	runf := c.Setup(fs)
	if err := fs.Parse(interleave(fs, args[1:])); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printHelp(env.Stdout, c, path)
			return flag.ErrHelp
		}
		return usagef("%v\nusage: entente %s", err, c.UsageLine)
	}
	if f := fs.Lookup("no-verify"); f != nil && f.Value.String() == "true" {
		env.NoVerify = true
	}
	if f := fs.Lookup("no-cache"); f != nil && f.Value.String() == "true" {
		env.NoCache = true
	}
	return runf(ctx, env, fs.Args())
}

// interleave moves flags that follow positional arguments in front of them,
// so "entente data get nmc --data D" works as users expect. Everything after
// a "--" stays positional.
func interleave(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	return append(flags, append([]string{"--"}, pos...)...)
}

func prefixSpace(p []string) string {
	if len(p) == 0 {
		return ""
	}
	return " " + strings.Join(p, " ")
}

func printTopUsage(w io.Writer) {
	fmt.Fprintf(w, "entente makes alliance theory computable.\n\nUsage:\n\n\tentente <command> [arguments]\n\nThe commands are:\n\n")
	for _, c := range sortedCommands() {
		fmt.Fprintf(w, "\t%-12s %s\n", c.Name(), c.Short)
	}
	fmt.Fprintf(w, "\nUse \"entente help <command>\" for more information about a command.\n")
}

func printHelp(w io.Writer, c *Command, path []string) {
	fmt.Fprintf(w, "usage: entente %s\n", c.UsageLine)
	if c.Long != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.Long))
	} else if c.Short != "" {
		fmt.Fprintf(w, "\n%s.\n", c.Short)
	}
	if len(c.Sub) > 0 {
		fmt.Fprintf(w, "\nThe subcommands are:\n\n")
		for _, s := range c.Sub {
			fmt.Fprintf(w, "\t%-10s %s\n", s.Name(), s.Short)
		}
		if c.Setup == nil {
			return
		}
	}
	fs := flag.NewFlagSet(strings.Join(path, " "), flag.ContinueOnError)
	if c.Setup != nil {
		c.Setup(fs)
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

var helpCmd = &Command{
	UsageLine: "help [command [subcommand]]",
	Short:     "show help for a command",
}

var versionCmd = &Command{
	UsageLine: "version",
	Short:     "print entente's version",
	Setup: func(fs *flag.FlagSet) RunFunc {
		return func(ctx context.Context, env *Env, args []string) error {
			if len(args) > 0 {
				return usagef("version takes no arguments")
			}
			fmt.Fprintf(env.Stdout, "entente %s\n", Version)
			return nil
		}
	},
}

func init() {
	helpCmd.Setup = func(*flag.FlagSet) RunFunc { return runHelp }
}

func runHelp(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 {
		printTopUsage(env.Stdout)
		return nil
	}
	table := sortedCommands()
	var path []string
	var c *Command
	for _, a := range args {
		c = find(table, a)
		if c == nil {
			return usagef("unknown help topic %q; run 'entente help'", strings.Join(append(path, a), " "))
		}
		path = append(path, a)
		table = c.Sub
	}
	printHelp(env.Stdout, c, path)
	return nil
}

// addDataFlag defines --data, the data directory flag of every command
// that reads the datasets; data get and data verify also accept it as
// --dir (aliases name every alias in addition).
func addDataFlag(fs *flag.FlagSet, aliases ...string) *string {
	fs.Bool("no-verify", false, "read the data files without checking them against the catalogue (a modified copy); the coverage then says unverified")
	fs.Bool("no-cache", false, "parse the data files instead of reading the parsed cache ($ENTENTE_CACHE, default the user's cache directory; ENTENTE_CACHE=off also disables it)")
	return addDataDirFlag(fs, aliases...)
}

// addDataDirFlag defines --data (and aliases) alone, for the data commands,
// which check the files themselves.
func addDataDirFlag(fs *flag.FlagSet, aliases ...string) *string {
	dir := new(string)
	fs.StringVar(dir, "data", "", "the data `directory` (default $ENTENTE_DATA)")
	for _, a := range aliases {
		fs.StringVar(dir, a, "", "the same as --data")
	}
	return dir
}

// dataDir returns the --data flag's value, or $ENTENTE_DATA, or an error
// that says how to set it.
func dataDir(env *Env, flagValue string) (string, error) {
	return dirOrEnv(env, flagValue, "no data directory: pass --data DIR or set ENTENTE_DATA (see 'entente data get')")
}

// dirOrEnv returns flagValue, or else $ENTENTE_DATA, or else a usage error
// saying missing.
func dirOrEnv(env *Env, flagValue, missing string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	if d := env.Getenv("ENTENTE_DATA"); d != "" {
		return d, nil
	}
	return "", usagef("%s", missing)
}

// checkFormat returns a usage error unless f is one of allowed.
func checkFormat(f string, allowed ...string) error {
	for _, a := range allowed {
		if f == a {
			return nil
		}
	}
	return usagef("unknown --format %q (want %s)", f, strings.Join(allowed, ", "))
}
