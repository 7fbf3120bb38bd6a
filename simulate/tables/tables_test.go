package tables

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/simulate"
)

func plan(t testing.TB, name string) *simulate.Plan {
	t.Helper()
	b, err := simulate.Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := simulate.ParseScenario(name, b)
	if err != nil {
		t.Fatal(err)
	}
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, err := simulate.Prepare(sc, w, simulate.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// write runs shard sh of runs runs of p into dir.
func write(t testing.TB, p *simulate.Plan, dir string, seed uint64, runs int, sh simulate.Shard) {
	t.Helper()
	m := NewManifest(p, seed, "test", runs, sh)
	w, err := Create(dir, m)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Simulate(context.Background(), seed, m.From, m.To, 2, w.Write); err != nil {
		w.Abort()
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

func sameFiles(t *testing.T, a, b string) {
	t.Helper()
	for _, name := range append(Names(), "manifest.json") {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between %s (%d bytes) and %s (%d bytes)", name, a, len(x), b, len(y))
		}
	}
}

// TestMergeEqualsUnsharded: shards 0/4..3/4 merged are byte for byte the
// unsharded run, manifest included; the decisions table spans more than
// one Parquet row group, so row groups are cut at the same runs.
func TestMergeEqualsUnsharded(t *testing.T) {
	p := plan(t, "baltic-crisis")
	tmp := t.TempDir()
	const runs, seed = 3000, 11
	whole := filepath.Join(tmp, "whole")
	write(t, p, whole, seed, runs, simulate.Shard{Index: 0, Count: 1})
	m, err := ReadManifest(whole)
	if err != nil {
		t.Fatal(err)
	}
	if m.Files[0].Rows <= 1<<18 {
		t.Fatalf("decisions: %d rows, want more than one row group (%d)", m.Files[0].Rows, 1<<18)
	}
	var parts []string
	for i := 3; i >= 0; i-- { // out of order on purpose
		d := filepath.Join(tmp, "part", strings.Repeat("x", i+1))
		write(t, p, d, seed, runs, simulate.Shard{Index: i, Count: 4})
		parts = append(parts, d)
	}
	merged := filepath.Join(tmp, "merged")
	if err := Merge(merged, parts); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, whole, merged)

	again := filepath.Join(tmp, "again")
	write(t, p, again, seed, runs, simulate.Shard{Index: 0, Count: 1})
	sameFiles(t, whole, again)

	t.Run("bad parts", func(t *testing.T) {
		other := filepath.Join(tmp, "other")
		write(t, plan(t, "taiwan-strait"), other, seed, runs, simulate.Shard{Index: 1, Count: 4})
		seed2 := filepath.Join(tmp, "seed2")
		write(t, p, seed2, seed+1, runs, simulate.Shard{Index: 1, Count: 4})
		for _, c := range []struct {
			name string
			dirs []string
			want string
		}{
			{"different scenarios", []string{parts[3], other, parts[1], parts[0]}, "parts of different simulations"},
			{"different seeds", []string{parts[3], seed2, parts[1], parts[0]}, "has seed 12"},
			{"missing shard", []string{parts[3], parts[1], parts[0]}, "shards missing: [1/4]"},
			{"shard twice", []string{parts[3], parts[3], parts[1], parts[0]}, "are both shard 0/4"},
		} {
			t.Run(c.name, func(t *testing.T) {
				err := Merge(filepath.Join(tmp, "bad"), c.dirs)
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("error %v, want %q", err, c.want)
				}
			})
		}
		// a part modified after it was written
		f := filepath.Join(parts[0], "wars.parquet")
		b, _ := os.ReadFile(f)
		b[len(b)/2] ^= 1
		os.WriteFile(f, b, 0o644)
		if err := Merge(filepath.Join(tmp, "bad"), parts); err == nil || !strings.Contains(err.Error(), "sha256 differs") {
			t.Errorf("modified part: %v", err)
		}
	})
}
