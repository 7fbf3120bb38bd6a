// Command entente makes alliance theory computable. See README.md.
//
// The first SIGINT or SIGTERM cancels the command's context: reads of a
// world file or a pipe stop, and entente exits with 130 (SIGINT) or 143
// (SIGTERM). A second signal exits at once with the same status.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/entente/entente/internal/cli"
)

func main() {
	os.Exit(withSignals(func(ctx context.Context) int {
		return cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	}))
}

// withSignals runs run with a context that the first SIGINT or SIGTERM
// cancels, and returns its exit code, or the signal's status when run
// failed after the signal. A second signal exits the process at once, for
// a command that does not stop.
func withSignals(run func(ctx context.Context) int) int {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	caught := make(chan os.Signal, 1)
	go func() {
		s := <-sigs
		caught <- s
		cancel(fmt.Errorf("interrupted by %v", s))
		s = <-sigs
		os.Exit(status(s))
	}()
	code := run(ctx)
	select {
	case s := <-caught:
		if code != 0 {
			code = status(s)
		}
	default:
	}
	return code
}

// status is the shell's exit status for death by signal s: 128 + its number.
func status(s os.Signal) int {
	if n, ok := s.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 130
}
