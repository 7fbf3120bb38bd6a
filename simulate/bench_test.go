package simulate

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/world"
)

// BenchmarkRuns times runs of the shipped scenarios on all cores; the
// runs/s metric is the throughput (bench/simulate.sh times the command
// with its Parquet output).
func BenchmarkRuns(b *testing.B) {
	for _, name := range []string{"baltic-crisis", "us-retrenchment"} {
		b.Run(name, func(b *testing.B) {
			p := builtinPlan(b, name, DefaultConfig())
			benchRuns(b, p)
		})
	}
}

func benchRuns(b *testing.B, p *Plan) {
	b.ReportAllocs()
	const runs = 200
	for b.Loop() {
		if err := p.Simulate(context.Background(), 1, 0, runs, 0, func(*Result) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(runs*b.N)/b.Elapsed().Seconds(), "runs/s")
}

// BenchmarkStates times baltic-crisis on worlds of k states: Russia,
// Estonia and the k−2 others with the largest CINC, to show how a run
// scales with the number of states.
func BenchmarkStates(b *testing.B) {
	full, err := worldfile.Default()
	if err != nil {
		b.Fatal(err)
	}
	data, err := Builtin("baltic-crisis")
	if err != nil {
		b.Fatal(err)
	}
	for _, k := range []int{32, 64, len(full.States)} {
		b.Run(fmt.Sprintf("states=%d", k), func(b *testing.B) {
			sc, err := ParseScenario("baltic-crisis", data)
			if err != nil {
				b.Fatal(err)
			}
			sc.record = []string{"RUS", "EST"}
			sc.recPos = make([]Pos, 2)
			p, err := Prepare(sc, largest(full, k, 365, 366), DefaultConfig())
			if err != nil {
				b.Fatal(err)
			}
			benchRuns(b, p)
		})
	}
}

// largest returns w with the states keep and the others of largest CINC,
// k in all; alliance members outside it are dropped.
func largest(w *world.World, k int, keep ...int) *world.World {
	c := clone(w)
	slices.SortStableFunc(c.States, func(a, b world.State) int {
		ka, kb := slices.Contains(keep, a.CCode), slices.Contains(keep, b.CCode)
		if ka != kb {
			if ka {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.Capability.CINC.Float(), a.Capability.CINC.Float())
	})
	c.States = c.States[:k]
	in := map[int]bool{}
	for _, s := range c.States {
		in[s.CCode] = true
	}
	for i := range c.Alliances {
		c.Alliances[i].Members = slices.DeleteFunc(c.Alliances[i].Members, func(m world.Member) bool { return !in[m.CCode] })
	}
	c.Index()
	return c
}
