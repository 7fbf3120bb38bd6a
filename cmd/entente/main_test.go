package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// build compiles entente into a temporary directory, within a minute.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "entente")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// A read of a world file from a pipe whose writer never closes stops
// within a second of SIGINT (exit 130); under SIGTERM, 143. A second
// signal exits at once.
func TestSignalStopsBlockedRead(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := build(t)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tc.sig.String(), func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close() // the writer stays open, silent, until the end
			var stderr strings.Builder
			cmd := exec.Command(bin, "report", "--world", "/dev/stdin")
			cmd.Stdin, cmd.Stderr = r, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			r.Close()
			w.Write([]byte("version: entente/v1\n")) // a partial file, then nothing
			time.Sleep(300 * time.Millisecond)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			sent := time.Now()
			cmd.Process.Signal(tc.sig)
			select {
			case <-done:
			case <-time.After(time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running 1 s after %v", tc.sig)
			}
			if code := cmd.ProcessState.ExitCode(); code != tc.code {
				t.Errorf("exit %d after %v, want %d; stderr %q", code, tc.sig, tc.code, stderr.String())
			}
			t.Logf("%v: stopped in %v: %s", tc.sig, time.Since(sent).Round(time.Millisecond), strings.TrimSpace(stderr.String()))
		})
	}
}
