package landscape

import (
	"context"
	"math/rand/v2"
	"os"
	"testing"
	"time"
)

func TestTuneSmall(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	for _, cfg := range []AnnealOptions{{Runs: 8, Sweeps: 400}, {Runs: 16, Sweeps: 200}, {Runs: 8, Sweeps: 400, T1: 0.05}, {Runs: 8, Sweeps: 400, T0: 0.5}, {Runs: 4, Sweeps: 800}} {
		rng := rand.New(rand.NewPCG(11, 12))
		misses := 0
		var dt time.Duration
		for trial := range 1000 {
			n := 2 + rng.IntN(19)
			p := randomProblem(n, rng)
			ex, _ := Exact(context.Background(), p, Options{})
			cfg.Seed = uint64(trial)
			t0 := time.Now()
			h, _ := Anneal(context.Background(), p, cfg)
			dt += time.Since(t0)
			if h.Global.Energy != ex.Global.Energy {
				misses++
			}
		}
		t.Logf("%+v: misses %d, time %v", cfg, misses, dt)
	}
}

func TestTuneLarge(t *testing.T) {
	if os.Getenv("TUNE") == "" {
		t.Skip()
	}
	for _, cfg := range []AnnealOptions{{Runs: 16, Sweeps: 200, T1: 0.05}, {Runs: 8, Sweeps: 400, T0: 0.5}, {Runs: 16, Sweeps: 400, T0: 0.5, T1: 0.02}} {
		rng := rand.New(rand.NewPCG(21, 22))
		match := 0
		var dt time.Duration
		for trial := range 10 {
			p := randomProblem(200, rng)
			cfg.Seed = uint64(trial)
			t0 := time.Now()
			h, _ := Anneal(context.Background(), p, cfg)
			dt += time.Since(t0)
			long := cfg
			long.Runs *= 10
			long.Sweeps *= 10
			long.Seed += 1000
			l, _ := Anneal(context.Background(), p, long)
			if h.Global.Energy <= l.Global.Energy {
				match++
			}
			t.Logf("trial %d: %v vs long %v", trial, h.Global.Energy, l.Global.Energy)
		}
		t.Logf("%+v: match %d/10, time %v", cfg, match, dt)
	}
}
