//go:build reliability

package reliabilitytest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
)

// corruption turns the mirror's copy of file into a bad one.
type corruption struct {
	name     string
	file     string
	apply    func(t *testing.T, path string, orig []byte)
	noVerify bool   // run the commands with --no-verify
	want     string // the error must contain this, besides the file's name
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	os.Remove(path)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func lines(b []byte) [][]byte { return bytes.SplitAfter(b, []byte("\n")) }

var corruptions = []corruption{
	{"truncated at a row", history.FileNMC, func(t *testing.T, p string, b []byte) {
		l := lines(b)
		write(t, p, bytes.Join(l[:len(l)/2], nil))
	}, false, "rows, the catalogue has 15951"},
	{"header only", history.FileNMC, func(t *testing.T, p string, b []byte) {
		write(t, p, lines(b)[0])
	}, false, "0 rows, the catalogue has 15951"},
	{"duplicate row, other value", history.FileNMC, func(t *testing.T, p string, b []byte) {
		l := lines(b)
		dup := bytes.Replace(l[1], []byte("0.039697491"), []byte("0.05"), 1)
		write(t, p, bytes.Join(append([][]byte{l[0], l[1], dup}, l[2:]...), nil))
	}, false, "bytes, the catalogue's nmc 6.0 has 920464"},
	{"duplicate row, --no-verify", history.FileNMC, func(t *testing.T, p string, b []byte) {
		l := lines(b)
		dup := bytes.Replace(l[1], []byte("0.039697491"), []byte("0.05"), 1)
		write(t, p, bytes.Join(append([][]byte{l[0], l[1], dup}, l[2:]...), nil))
	}, true, "duplicate key"},
	{"duplicate state-year in system", history.FileSystem, func(t *testing.T, p string, b []byte) {
		l := lines(b)
		write(t, p, bytes.Join(append([][]byte{l[0], l[1], l[1]}, l[2:]...), nil))
	}, true, "ccode 2, year 1816 is on line 2"},
	{"one byte flipped", history.FileNMC, func(t *testing.T, p string, b []byte) {
		c := bytes.Clone(b)
		c[len(c)/2] ^= 0x01
		write(t, p, c)
	}, false, "sha256"},
	{"symlink to /dev/zero", history.FileNMC, func(t *testing.T, p string, _ []byte) {
		os.Remove(p)
		if err := os.Symlink("/dev/zero", p); err != nil {
			t.Fatal(err)
		}
	}, false, "not a regular file"},
	{"FIFO", history.FileNMC, func(t *testing.T, p string, _ []byte) {
		os.Remove(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}, false, "not a regular file"},
	{"latin-1 byte in a name, --no-verify", history.FileStates, func(t *testing.T, p string, b []byte) {
		write(t, p, bytes.Replace(b, []byte("United States of America"), []byte("United States of Am\xe9rica"), 1))
	}, true, "2:3: field \"statenme\": invalid value: expected UTF-8 text"},
	{"FIFO, --no-verify", history.FileNMC, func(t *testing.T, p string, _ []byte) {
		os.Remove(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
	}, true, "not a regular file"},
}

var commands = [][]string{
	{"world", "--year", "1914"},
	{"threat", "--year", "1914", "--state", "GMY"},
	{"report", "--year", "1914"},
	{"panel", "dyads", "--years", "1914-1914", "--vars", "cinc1,cinc2"},
	{"landscape", "--year", "1914", "--states", "UKG,FRN,RUS,GMY,AUH"},
}

func TestCorruptData(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "entente")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "github.com/entente/entente/cmd/entente").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "corruption\tcommand\texit\ttime\toutcome")
	for _, c := range corruptions {
		dir := testenv.Mirror(t)
		orig, err := os.ReadFile(filepath.Join(testenv.DataDir(t), c.file))
		if err != nil {
			t.Fatal(err)
		}
		c.apply(t, filepath.Join(dir, c.file), orig)
		for _, args := range commands {
			args = append(append([]string(nil), args...), "--data", dir)
			if c.noVerify {
				args = append(args, "--no-verify")
			}
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			cmd := exec.CommandContext(ctx, bin, args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			start := time.Now()
			cmd.Run()
			took := time.Since(start)
			hung := ctx.Err() != nil
			cancel()
			code := cmd.ProcessState.ExitCode()
			msg := strings.TrimSpace(stderr.String())
			outcome := "clear error"
			switch {
			case hung:
				outcome = "HUNG (killed after 30 s)"
			case code == 0:
				outcome = "ACCEPTED (exit 0)"
			case strings.Contains(msg, "panic") || strings.Contains(msg, "goroutine"):
				outcome = "PANIC"
			case !strings.Contains(msg, c.file) || !strings.Contains(msg, c.want):
				outcome = "UNCLEAR: " + msg
			}
			if outcome != "clear error" {
				t.Errorf("%s, %s: %s", c.name, strings.Join(args[:2], " "), outcome)
			}
			if outcome == "clear error" {
				outcome += ": names the file, " + c.want
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%.1fs\t%s\n", c.name, args[0]+" "+args[1], code, took.Seconds(), outcome)
		}
	}
	tw.Flush()
	t.Logf("corruption × command × outcome:\n%s", table.String())
}
