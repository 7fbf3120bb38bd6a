package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"sync"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/world"
)

// worldFlags are the flags that choose a World: --year, --data and --world.
// Commands that read one World define them with addWorldFlags and resolve
// them with load.
type worldFlags struct {
	year      *int
	data, wld *string
}

// addWorldFlags defines --year, --data and --world on fs.
func addWorldFlags(fs *flag.FlagSet) worldFlags {
	return worldFlags{
		year: fs.Int("year", 0, "the `year` of the World (1816–2016 from the data directory)"),
		data: addDataFlag(fs),
		wld:  fs.String("world", "", "a world `file` (YAML, entente/v1) instead of the historical data, or \"embedded\" for the embedded 2024 world"),
	}
}

// load resolves the world flags; see loadWorld.
func (f worldFlags) load(env *Env) (*world.World, error) {
	return loadWorld(env, *f.year, *f.data, *f.wld)
}

// worldHelp is the paragraph the help of every World-reading command ends
// with.
const worldHelp = `The World is chosen by the flags: --world FILE reads a world file (its own
year; --year must match it if given); --year Y builds the World of year Y
from the data directory (--data DIR or $ENTENTE_DATA); with neither --world
nor --data and no --year, the command reads the embedded 2024 world.`

// loadWorld returns the World the flags --year, --data and --world select:
//
//   - worldFlag set: the world file; year, if not 0, must equal its year;
//   - year set: the World of that year built from the data directory
//     (dataFlag or $ENTENTE_DATA), or the embedded world when no data
//     directory is set and year is the embedded world's year;
//   - neither, and no --data: the embedded 2024 world.
//
// Conflicting or incomplete flags are usage errors (exit 2).
func loadWorld(env *Env, year int, dataFlag, worldFlag string) (*world.World, error) {
	switch {
	case worldFlag == "embedded":
		if dataFlag != "" {
			return nil, usagef("--world and --data are exclusive")
		}
		w, err := worldfile.Default()
		if err != nil {
			return nil, err
		}
		if year != 0 && year != w.Year {
			return nil, usagef("--year %d does not match the embedded world's year %d", year, w.Year)
		}
		return w, nil
	case worldFlag != "":
		if dataFlag != "" {
			return nil, usagef("--world and --data are exclusive")
		}
		w, err := worldfile.LoadContext(env.context(), worldFlag)
		if err != nil {
			return nil, err
		}
		if year != 0 && year != w.Year {
			return nil, usagef("--year %d does not match the world file's year %d", year, w.Year)
		}
		return w, nil
	case year == 0 && dataFlag != "":
		return nil, usagef("--data needs --year")
	case year == 0:
		return worldfile.Default()
	}
	if year < 0 {
		return nil, usagef("--year %d: want a positive year", year)
	}
	dir, err := dataDir(env, dataFlag)
	if err != nil {
		if w, derr := worldfile.Default(); derr == nil && w.Year == year {
			return w, nil
		}
		return nil, err
	}
	h, err := openHistoryCached(env, dir)
	if err != nil {
		return nil, err
	}
	if first, last := h.Span(); year < first || year > last {
		hint := ""
		if year > last {
			hint = "; omit --year (and --data) for the embedded 2024 world, or use --world embedded"
		}
		return nil, usagef("--year %d: the data cover %d–%d%s", year, first, last, hint)
	}
	w, err := h.World(year)
	if err != nil {
		return nil, fmt.Errorf("world of %d: %w", year, err)
	}
	return w, nil
}

var (
	historyMu    sync.Mutex
	historyCache = map[historyKey]*history.History{}
)

type historyKey struct {
	dir      string
	noVerify bool
}

// historyOf opens the history of the data directory the --data flag value
// names (or $ENTENTE_DATA; dataDir), once per process.
func historyOf(env *Env, dataFlag string) (*history.History, error) {
	dir, err := dataDir(env, dataFlag)
	if err != nil {
		return nil, err
	}
	return openHistoryCached(env, dir)
}

// openHistoryCached opens the history of dir once per process (checking
// the files against the catalogue unless env.NoVerify); commands and tests
// that read several years of the same directory share it.
func openHistoryCached(env *Env, dir string) (*history.History, error) {
	historyMu.Lock()
	defer historyMu.Unlock()
	k := historyKey{dir, env.NoVerify}
	if h, ok := historyCache[k]; ok {
		return h, nil
	}
	h, err := history.OpenWith(dir, history.Options{NoVerify: env.NoVerify, Cache: env.cacheDir()})
	if err != nil {
		return nil, err
	}
	historyCache[k] = h
	return h, nil
}

// loadState loads the World (load) and the ccode of the state value names
// in it (resolveState, for flag); the ccode is 0 when value is empty.
func (f worldFlags) loadState(env *Env, flag, value string) (*world.World, int, error) {
	w, err := f.load(env)
	if err != nil || value == "" {
		return w, 0, err
	}
	c, err := f.resolveState(env, w, flag, value)
	return w, c, err
}

// resolveState returns the ccode of the state of w that value names
// (world.World.Resolve: a ccode, COW abbreviation, ISO3 code or name). An
// unknown state is a usage error naming flag; for a ccode, it says in which
// years the code is a member of the state system when the data directory
// (--data or $ENTENTE_DATA) is at hand.
func (f worldFlags) resolveState(env *Env, w *world.World, flag, value string) (int, error) {
	c, err := w.Resolve(value)
	if err == nil {
		return c, nil
	}
	var ue *world.UnknownStateError
	if errors.As(err, &ue) {
		if dir, derr := dataDir(env, *f.data); derr == nil {
			if h, herr := openHistoryCached(env, dir); herr == nil {
				historicalState(h, ue)
			}
		}
	}
	return 0, usagef("%s: %v", flag, err)
}

// historicalState completes ue from the state system's history: a query
// that is the COW abbreviation or name of a state outside the World names
// that state, and a state's years of membership are listed.
func historicalState(h *history.History, ue *world.UnknownStateError) {
	if ue.CCode == 0 {
		for c := 1; c < 1000; c++ {
			if abb, name := h.StateName(c); name != "" && (strings.EqualFold(abb, ue.Query) || strings.EqualFold(name, ue.Query)) {
				ue.CCode, ue.Name, ue.Near = c, name, nil
				break
			}
		}
	}
	if ue.CCode != 0 {
		ue.Years = memberYears(h, ue.CCode)
	}
}

// memberYears returns the spells of years in which ccode is a member of
// the state system of h.
func memberYears(h *history.History, ccode int) []world.YearSpan {
	var years []int
	first, last := h.Span()
	for y := first; y <= last; y++ {
		if h.Pos(y, ccode) >= 0 {
			years = append(years, y)
		}
	}
	return world.Spans(years)
}
