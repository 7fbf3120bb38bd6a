package cli

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/entente/entente/internal/testenv"
)

// buildEntente compiles the command into a temporary directory.
func buildEntente(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "entente")
	// No timeout of its own: on a loaded machine a build can take minutes,
	// and the test binary's -timeout bounds it.
	if out, err := exec.CommandContext(t.Context(), "go", "build", "-o", bin, "github.com/entente/entente/cmd/entente").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// killSeed seeds the moments of the kills; a failure names it, and
// ENTENTE_KILL_SEED replays it.
func killSeed(t *testing.T) uint64 {
	if s := os.Getenv("ENTENTE_KILL_SEED"); s != "" {
		var v uint64
		fmt.Sscan(s, &v)
		return v
	}
	return uint64(time.Now().UnixNano())
}

// completeParquet reports whether b is a whole Parquet file: "PAR1" at
// both ends and a footer whose length fits.
func completeParquet(b []byte) bool {
	if len(b) < 12 || !bytes.HasPrefix(b, []byte("PAR1")) || !bytes.HasSuffix(b, []byte("PAR1")) {
		return false
	}
	n := binary.LittleEndian.Uint32(b[len(b)-8:])
	return int(n)+12 <= len(b)
}

// A panel written with --out and killed (SIGKILL) at random moments
// leaves each of its files (the table and its two codebooks) either as it
// was (absent, or the old content) or complete, byte for byte the file of
// an uninterrupted run; never a truncated one. A killed run may leave
// hidden temporary files beside them (.NAME.tmp*), which the next run
// removes once they are an hour old.
func TestKillDuringWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds entente and writes panels")
	}
	data := testenv.DataDir(t)
	bin := buildEntente(t)
	seed := killSeed(t)
	rng := rand.New(rand.NewPCG(seed, 11))
	t.Logf("kill moments seeded with ENTENTE_KILL_SEED=%d", seed)
	const kills = 6
	for _, ext := range []string{"csv", "parquet"} {
		t.Run(ext, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "dyads."+ext)
			files := []string{out, out + ".codebook.md", out + ".codebook.json"}
			args := []string{"panel", "dyads", "--years", "1995-2000", "--data", data, "--out", out}
			// The reference: an uninterrupted run to the same path (the
			// codebooks quote the command).
			start := time.Now()
			if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
				t.Fatalf("entente %s: %v\n%s", strings.Join(args, " "), err, b)
			}
			took := time.Since(start)
			want := map[string][]byte{}
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				want[f] = b
			}
			if ext == "parquet" && !completeParquet(want[out]) {
				t.Fatalf("the reference %s is not a whole Parquet file", out)
			}
			var outcomes []string
			for i := range kills {
				// Before the run: the files absent (even runs) or holding
				// an old content (odd runs).
				old := map[string][]byte{}
				for _, f := range files {
					os.Remove(f)
					if i%2 == 1 {
						old[f] = []byte(fmt.Sprintf("old content %d of %s\n", i, filepath.Base(f)))
						if err := os.WriteFile(f, old[f], 0o644); err != nil {
							t.Fatal(err)
						}
					}
				}
				delay := time.Duration(rng.Float64() * 1.2 * float64(took))
				cmd := exec.Command(bin, args...)
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				time.Sleep(delay)
				cmd.Process.Signal(syscall.SIGKILL)
				cmd.Wait()
				var states []string
				for _, f := range files {
					b, err := os.ReadFile(f)
					switch {
					case os.IsNotExist(err) && old[f] == nil:
						states = append(states, "absent")
					case err != nil:
						t.Fatalf("kill %d after %v: %s: %v", i, delay, f, err)
					case old[f] != nil && bytes.Equal(b, old[f]):
						states = append(states, "old")
					case bytes.Equal(b, want[f]):
						states = append(states, "complete")
					default:
						t.Errorf("kill %d after %v (ENTENTE_KILL_SEED=%d): %s has %d bytes, neither the old content nor the %d of a complete run",
							i, delay, seed, filepath.Base(f), len(b), len(want[f]))
						states = append(states, "TRUNCATED")
					}
				}
				ents, err := os.ReadDir(dir)
				if err != nil {
					t.Fatal(err)
				}
				for _, e := range ents {
					name := e.Name()
					switch {
					case strings.HasPrefix(name, ".dyads."+ext+".tmp"):
					case !strings.HasPrefix(name, "dyads."+ext):
						t.Errorf("kill %d: unexpected file %s", i, name)
					}
				}
				outcomes = append(outcomes, fmt.Sprintf("%.0f%%: %s", 100*float64(delay)/float64(took), strings.Join(states, "/")))
			}
			// The next run removes the temporary files once stale.
			ents, _ := os.ReadDir(dir)
			aged := time.Now().Add(-2 * staleAge)
			litter := 0
			for _, e := range ents {
				if strings.HasPrefix(e.Name(), ".") {
					os.Chtimes(filepath.Join(dir, e.Name()), aged, aged)
					litter++
				}
			}
			t.Logf("%s, %d kills over a run of %v (table/codebook.md/codebook.json): %s; %d temporary files left by them",
				ext, kills, took.Round(time.Millisecond), strings.Join(outcomes, ", "), litter)
			if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
				t.Fatalf("entente %s: %v\n%s", strings.Join(args, " "), err, b)
			}
			ents, _ = os.ReadDir(dir)
			for _, e := range ents {
				if strings.HasPrefix(e.Name(), ".") {
					t.Errorf("stale temporary file %s kept by the next run", e.Name())
				}
			}
		})
	}
}
