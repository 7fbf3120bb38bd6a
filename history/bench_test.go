package history

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/mid"
	"github.com/entente/entente/internal/source/nato"
	"github.com/entente/entente/internal/testenv"
)

// loadEverything reads every dataset in dir: Open's files, and, at the
// same time, the files Open does not need.
func loadEverything(dir string) (*History, error) {
	extra := map[string]func(string) error{
		"cow_states/COW-country-codes.csv":                      func(p string) error { _, err := cow.ReadCountryCodes(p); return err },
		"nmc/NMC-70-abridged_peacesciencer.csv":                 func(p string) error { _, err := cow.ReadNMC(p); return err },
		"cow_alliances_v4.1/alliance_v4.1_by_member_yearly.csv": func(p string) error { _, err := cow.ReadMemberYears(p); return err },
		"cow_alliances_v4.1/alliance_v4.1_by_dyad.csv":          func(p string) error { _, err := cow.ReadDyads(p); return err },
		"cow_alliances_v4.1/alliance_v4.1_by_directed.csv":      func(p string) error { _, err := cow.ReadDirected(p); return err },
		"cow_contiguity_v3.2/contdir.csv":                       func(p string) error { _, err := cow.ReadContiguity(p); return err },
		"cow_contiguity_v3.2/contdirs.csv":                      func(p string) error { _, err := cow.ReadContiguityCounts(p); return err },
		"mid/MIDA_5.0.csv":                                      func(p string) error { _, err := mid.ReadDisputes(p); return err },
		"mid/MIDI_5.0.csv":                                      func(p string) error { _, err := mid.ReadIncidents(p); return err },
		"mid/MIDIP_5.0.csv":                                     func(p string) error { _, err := mid.ReadIncidentParticipants(p); return err },
		"nato/nato_defence_share_gdp_2014_2024.csv":             func(p string) error { _, err := nato.Read(p, nato.Edition2024); return err },
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	for f, fn := range extra {
		wg.Go(func() {
			if err := fn(filepath.Join(dir, f)); err != nil {
				mu.Lock()
				firstErr = fmt.Errorf("%s: %w", f, err)
				mu.Unlock()
			}
		})
	}
	h, err := Open(dir)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	return h, firstErr
}

// BenchmarkOpen loads every dataset in the data directory.
func BenchmarkOpen(b *testing.B) {
	dir := testenv.DataDir(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadEverything(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenWorld loads only the datasets World needs.
func BenchmarkOpenWorld(b *testing.B) {
	dir := testenv.DataDir(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Open(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenCache loads what World needs through the parsed cache:
// cold (every entry written: parsing plus encoding) and warm (every entry
// decoded), beside BenchmarkOpenWorld's parse without a cache. The
// fpsim files alone (the state system, NMC and ATOP's dyad-years, what
// 'panel dyads --convention fpsim' reads) are the "fpsim" cases.
func BenchmarkOpenCache(b *testing.B) {
	dir := testenv.DataDir(b)
	fpsim := Options{Skip: func(f string) bool { return f != FileNMC && f != FileATOPDyadYear }}
	for _, c := range []struct {
		name string
		opt  Options
		warm bool
	}{
		{"world/parse", Options{}, false},
		{"world/cold", Options{}, false},
		{"world/warm", Options{}, true},
		{"fpsim/parse", fpsim, false},
		{"fpsim/warm", fpsim, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			opt := c.opt
			if c.name != "world/parse" && c.name != "fpsim/parse" {
				opt.Cache = b.TempDir()
			}
			if c.warm {
				if _, err := OpenWith(dir, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				if !c.warm && opt.Cache != "" {
					b.StopTimer()
					os.RemoveAll(opt.Cache)
					b.StartTimer()
				}
				if _, err := OpenWith(dir, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWorldAllYears builds the World of every year 1816–2016.
func BenchmarkWorldAllYears(b *testing.B) {
	h := open(b)
	first, last := h.Span()
	b.ReportAllocs()
	for b.Loop() {
		for y := first; y <= last; y++ {
			if _, err := h.World(y); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDyadYearLookups reads contiguity, minimum distance and ATOP
// obligations for every directed dyad-year 1816–2016, as the panel
// builder does.
func BenchmarkDyadYearLookups(b *testing.B) {
	h := open(b)
	first, last := h.Span()
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for y := first; y <= last; y++ {
			ms := h.Members(y)
			caps := h.Capabilities(y)
			for _, a := range ms {
				for j, c := range ms {
					if a == c {
						continue
					}
					_, _ = h.Contiguity().Get(y, a, c)
					_ = h.MinDistKm(y, a, c)
					_, _ = h.ATOP().Get(y, a, c)
					_ = caps[j].CINC
					n++
				}
			}
		}
		if n != 1912350 {
			b.Fatalf("got %d dyad-years", n)
		}
	}
}
