package history

import (
	"fmt"
	"slices"

	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/world"
)

// FileNMC7 is NMC v7.0 as peacesciencer distributes it (1816–2022), read
// instead of FileNMC with Options.NMC = 7.
const FileNMC7 = "nmc/NMC-70-abridged_peacesciencer.csv"

// Coverage of NMC v7.0 and the latest year ExtendSystemTo accepts (the
// last year any source read by Open covers: capitals and SIPRI, 2024).
const (
	NMC7First, NMC7Last = 1816, 2022
	ExtendLast          = 2024
)

// Options select what OpenWith loads. The zero value loads every dataset
// as Open does.
type Options struct {
	// NMC is the version of the National Material Capabilities read for
	// Capabilities: 6 (FileNMC, 1816–2016; also 0, the default) or 7
	// (FileNMC7, 1816–2022).
	NMC int
	// ExtendSystemTo, when after the last year of system2016.csv (2016),
	// keeps the states that are members at the end of that year (their
	// states2016 spell runs to its last day) members through this year,
	// as peacesciencer's create_stateyears(mry = TRUE) does. Every
	// variable keeps its source's coverage: a source that ends earlier is
	// missing in the added years.
	ExtendSystemTo int
	// Skip, when set, is called with each file name (the File constants)
	// and leaves the files it reports unloaded: their tables are empty
	// (DyadTables nil, state-year values missing, no alliances or
	// disputes). It is for callers that know what they read, such as a
	// panel whose columns need a few sources; World needs every file. The
	// state system files (FileSystem, FileStates) are always loaded.
	Skip func(file string) bool
	// NoVerify reads the files without checking them against the
	// catalogue, for a researcher's modified copy; every Coverage source
	// then says the data are unverified.
	NoVerify bool
	// Cache, when not empty, is the directory of the parsed cache
	// (cache.go; the command line uses DefaultCacheDir): files whose
	// entry is current are decoded from it instead of parsed, and the
	// others are parsed and their entries written. The zero value reads
	// every file.
	Cache string
}

// Unverified is appended to each coverage source when Options.NoVerify.
const Unverified = " [unverified: read with --no-verify, not checked against the catalogue]"

// Validate checks the NMC version and the extension year.
func (o *Options) Validate() error {
	switch o.NMC {
	case 0, 6, 7:
	default:
		return fmt.Errorf("history: NMC version %d (want 6 or 7)", o.NMC)
	}
	if o.ExtendSystemTo != 0 && o.ExtendSystemTo > ExtendLast {
		return fmt.Errorf("history: extending the system to %d, after %d, the last year of any source", o.ExtendSystemTo, ExtendLast)
	}
	return nil
}

// Open loads every dataset World needs from dir: OpenWith with the zero
// Options (NMC v6.0, the system as COW codes it through 2016).
func Open(dir string) (*History, error) { return OpenWith(dir, Options{}) }

func (o *Options) nmcFile() string {
	if o.NMC == 7 {
		return FileNMC7
	}
	return FileNMC
}

// skips reports whether file is left unloaded; the state system never is.
func (o *Options) skips(file string) bool {
	return o.Skip != nil && file != FileSystem && file != FileStates && o.Skip(file)
}

// coverage adjusts the families' coverage to the NMC version read.
func (o *Options) coverage(c []world.Coverage) []world.Coverage {
	for i := range c {
		if o.NMC == 7 && c[i].Family == world.FamilyCapabilities {
			c[i].Source = "COW National Material Capabilities v7.0 as distributed by peacesciencer (Singer, Bremer & Stuckey 1972)"
			c[i].From, c[i].To = NMC7First, NMC7Last
		}
		if o.NoVerify {
			c[i].Source += Unverified
		}
	}
	return c
}

// extendSystem adds state-years after the last year of system through
// year for the members of that last year whose membership spell runs to
// its last day (December 31): the states in the system at the end of the
// data. It returns system unchanged when year is not after the last year.
func extendSystem(system []cow.StateYear, states []cow.StateSpell, year int) []cow.StateYear {
	last := 0
	for _, s := range system {
		last = max(last, s.Year)
	}
	if year <= last {
		return system
	}
	var stay []cow.StateYear
	for _, s := range system {
		if s.Year != last {
			continue
		}
		if slices.ContainsFunc(states, func(sp cow.StateSpell) bool {
			e := sp.Spell.End
			return sp.CCode == s.CCode && e.Year == last && e.Month == 12 && e.Day == 31
		}) {
			stay = append(stay, s)
		}
	}
	out := slices.Clip(system)
	for y := last + 1; y <= year; y++ {
		for _, s := range stay {
			s.Year = y
			out = append(out, s)
		}
	}
	return out
}

// Options returns the options h was opened with.
func (h *History) Options() Options { return h.opt }

// Loaded reports whether h read file (a File constant): it was not left
// unloaded by Options.Skip.
func (h *History) Loaded(file string) bool { return !h.opt.skips(file) }

// NMCVersion returns the NMC version h read: 6 or 7.
func (h *History) NMCVersion() int {
	if h.opt.NMC == 7 {
		return 7
	}
	return 6
}

// FileNATO is NATO's defence-expenditure table (edition of June 2024),
// which Open does not load: the burden commands read it with package nato
// when asked for NATO's figures.
const FileNATO = "nato/nato_defence_share_gdp_2014_2024.csv"
