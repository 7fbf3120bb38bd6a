package burden_test

import (
	"testing"

	"github.com/entente/entente/burden"
	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

// BenchmarkHistoryTable builds the Worlds of 1949–2016 and tests every
// COW and ATOP alliance with at least five members with data in every year
// (the table of 'entente burden --all --years 1949-2016'). Target: under
// 5 s an iteration.
func BenchmarkHistoryTable(b *testing.B) {
	h, err := history.Open(testenv.DataDir(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var ws []*world.World
		for y := 1949; y <= 2016; y++ {
			w, err := h.World(y)
			if err != nil {
				b.Fatal(err)
			}
			ws = append(ws, w)
		}
		lines, err := burden.Table(ws, burden.SIPRI, nil, burden.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(lines) < 1000 {
			b.Fatalf("%d alliance-years, want more than 1000", len(lines))
		}
	}
}
