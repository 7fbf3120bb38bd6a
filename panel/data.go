package panel

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/dataset"
)

// Coverage of the sources, in years. A value outside a source's coverage
// is missing. The panels read every source through history; these are
// its coverages, and the state system's, all from the catalogue
// (internal/dataset).
var (
	SystemFrom, SystemTo           = history.SystemFirst, history.SystemLast // COW state system membership v2016
	COWAllianceFrom, COWAllianceTo = history.COWAlliancesFirst, history.COWAlliancesLast
	ATOPFrom, ATOPTo               = history.ATOPFirst, history.ATOPLast
	NMCFrom, NMCTo                 = history.NMCFirst, history.NMCLast
	ContiguityFrom, ContiguityTo   = history.ContiguityFirst, history.ContiguityLast
	CapitalsFrom, CapitalsTo       = history.CapitalsFirst, history.CapitalsLast
	MinDistFrom, MinDistTo         = history.MinDistFirst, history.MinDistLast
	GMLFrom, GMLTo                 = history.GMLFirst, history.GMLLast
	WarsFrom, WarsTo               = history.WarsFirst, history.WarsLast
	RegimeFrom, RegimeTo           = history.RegimeFirst, history.RegimeLast
	EconomyFrom, EconomyTo         = history.EconomyFirst, history.EconomyLast
	RivalriesFrom, RivalriesTo     = history.RivalriesFirst, history.RivalriesLast
	TradeFrom, TradeTo             = history.TradeFirst, history.TradeLast
	IGOFrom, IGOTo                 = history.IGOFirst, history.IGOLast
	LeadersFrom, LeadersTo         = history.LeadersFirst, history.LeadersLast
	TerritoryFrom, TerritoryTo     = history.TerritoryFirst, history.TerritoryLast
)

// need is a set of sources a variable reads: a year builds the tables of
// the sources its panel's variables need, and no others.
type need uint16

const (
	needMajors need = 1 << iota
	needNMC
	needCOW
	needATOP
	needContiguity
	needCapitals
	needMinDist
	needGML
	// simNeed marks variables that need the similarity measures; it is
	// not a source.
	simNeed need = 1 << 15
)

// Open opens the data directory dir with history.Open, the one loader of
// every dataset the panels read. When files are missing, the error says
// which datasets provide them ('entente data get NAME').
func Open(dir string) (*history.History, error) {
	h, err := history.Open(dir)
	if err == nil {
		return h, nil
	}
	var names []string
	for _, p := range missingFiles(err) {
		rel, rerr := filepath.Rel(dir, p)
		if rerr != nil {
			continue
		}
		if d, _, ok := dataset.FindFile(filepath.ToSlash(rel)); ok && !slices.Contains(names, d.Name) {
			names = append(names, d.Name)
		}
	}
	if len(names) == 0 {
		return nil, err
	}
	slices.Sort(names)
	return nil, fmt.Errorf("%w\n(get the missing files with 'entente data get %s --dir %s')", err, strings.Join(names, " "), dir)
}

// missingFiles returns the paths of the files err reports missing, through
// joined and wrapped errors.
func missingFiles(err error) []string {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []string
		for _, e := range j.Unwrap() {
			out = append(out, missingFiles(e)...)
		}
		return out
	}
	var pe *fs.PathError
	if errors.As(err, &pe) && errors.Is(pe.Err, fs.ErrNotExist) {
		return []string{pe.Path}
	}
	return nil
}
