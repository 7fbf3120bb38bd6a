package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// With ENTENTE_SIGNAL_HELPER=1 the test binary is entente's signal
// handling around a command that never stops: it says "ready", and
// "cancelled" when its context is, then goes on.
func TestMain(m *testing.M) {
	if os.Getenv("ENTENTE_SIGNAL_HELPER") == "1" {
		os.Exit(withSignals(func(ctx context.Context) int {
			fmt.Println("ready")
			<-ctx.Done()
			fmt.Println("cancelled")
			time.Sleep(time.Minute)
			return 0
		}))
	}
	os.Exit(m.Run())
}

// The first signal cancels the command's context and leaves it running;
// the second ends the process at once with its own status (130 for
// SIGINT, 143 for SIGTERM), whichever came first.
func TestSecondSignalExits(t *testing.T) {
	for _, tc := range []struct {
		first, second syscall.Signal
		code          int
	}{
		{syscall.SIGINT, syscall.SIGINT, 130},
		{syscall.SIGTERM, syscall.SIGTERM, 143},
		{syscall.SIGTERM, syscall.SIGINT, 130},
	} {
		t.Run(fmt.Sprintf("%v then %v", tc.first, tc.second), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "ENTENTE_SIGNAL_HELPER=1")
			out, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			lines := make(chan string, 2)
			go func() {
				sc := bufio.NewScanner(out)
				for sc.Scan() {
					lines <- sc.Text()
				}
				close(lines)
			}()
			expect := func(want string) {
				t.Helper()
				select {
				case l := <-lines:
					if l != want {
						t.Fatalf("helper said %q, want %q", l, want)
					}
				case <-time.After(10 * time.Second):
					t.Fatalf("helper did not say %q", want)
				}
			}
			expect("ready")
			cmd.Process.Signal(tc.first)
			expect("cancelled")
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				t.Fatalf("the first signal ended the process (%v); it should only cancel", err)
			case <-time.After(300 * time.Millisecond):
			}
			sent := time.Now()
			cmd.Process.Signal(tc.second)
			select {
			case <-done:
			case <-time.After(time.Second):
				t.Fatalf("still running 1 s after the second signal")
			}
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			t.Logf("exited %v after the second signal", time.Since(sent).Round(time.Millisecond))
		})
	}
}
