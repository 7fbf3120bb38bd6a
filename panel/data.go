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

// needFiles maps the sources the panels read to history's files. Files
// not listed here (history reads more) are never needed by a panel.
var needFiles = []struct {
	need  need
	files []string
}{
	{needMajors, []string{history.FileMajors}},
	{needNMC, []string{history.FileNMC, history.FileNMC7}},
	{needCOW, []string{history.FileCOWMembers}},
	{needATOP, []string{history.FileATOPDyadYear}},
	{needContiguity, []string{history.FileContiguity}},
	{needCapitals, []string{history.FileCapitals}},
	{needMinDist, []string{history.FileMinDist}},
	{needGML, []string{history.FileGML}},
}

// unused lists the files history reads that no panel variable needs.
var unused = []string{history.FileCapDist, history.FileATOPAlliance, history.FileATOPMembers,
	history.FileMIDB, history.FileSIPRIShares, history.FileSIPRIUSD}

// familyFiles maps the catalogue datasets of the second-wave variables to
// history's files: a plan loads a family's files only when one of its
// columns names the dataset as its source (a column may name several,
// joined by "+").
var familyFiles = []struct {
	datasets []string
	files    []string
}{
	{[]string{"cow-war-peacesciencer", "war-rsh"}, []string{history.FileWarDyads, history.FileWarRSH}},
	{[]string{"democracy-peacesciencer"}, []string{history.FileRegime}},
	{[]string{"sdp-peacesciencer"}, []string{history.FileEconomy}},
	{[]string{"td-rivalries-peacesciencer"}, []string{history.FileRivalries}},
	{[]string{"cow-trade-peacesciencer"}, []string{history.FileTrade}},
	{[]string{"cow-igo-peacesciencer"}, []string{history.FileIGO}},
	{[]string{"archigos-peacesciencer"}, []string{history.FileLeaders}},
	{[]string{"terrthreat-peacesciencer"}, []string{history.FileTerrThreat}},
}

// files returns the files the plan needs and those it does not; files
// history reads that the panels do not know (in neither list) are loaded.
func (p *Plan) files() (needed, skipped []string) {
	skipped = slices.Clone(unused)
	for _, nf := range needFiles {
		if p.need&nf.need != 0 {
			needed = append(needed, nf.files...)
		} else {
			skipped = append(skipped, nf.files...)
		}
	}
	sources := map[string]bool{}
	for _, v := range p.vars {
		for _, s := range strings.Split(v.Source, "+") {
			sources[s] = true
		}
	}
	for _, ff := range familyFiles {
		if slices.ContainsFunc(ff.datasets, func(d string) bool { return sources[d] }) {
			needed = append(needed, ff.files...)
		} else {
			skipped = append(skipped, ff.files...)
		}
	}
	return needed, skipped
}

// Open opens the data directory dir for the plan: history.OpenWith with
// the plan's NMC version and system extension, loading only the files the
// plan's variables need (a panel of similarity measures does not read the
// CShapes distances). When files are missing, the error says which
// datasets provide them ('entente data get NAME').
func (p *Plan) Open(dir string) (*history.History, error) {
	_, skipped := p.files()
	h, err := history.OpenWith(dir, history.Options{NMC: p.opt.nmc(), ExtendSystemTo: p.opt.ExtendSystemTo,
		NoVerify: p.opt.NoVerify, Cache: p.opt.Cache, Skip: func(file string) bool { return slices.Contains(skipped, file) }})
	return h, openError(dir, err)
}

// check reports an error when h was not opened for the plan: another NMC
// version, too short a span or a needed file left unloaded.
func (p *Plan) check(h *history.History) error {
	if _, last := h.Span(); last < p.opt.To {
		return fmt.Errorf("panel: the data end in %d, before %d (open it with Plan.Open)", last, p.opt.To)
	}
	if p.need&needNMC != 0 && h.NMCVersion() != p.opt.nmc() {
		return fmt.Errorf("panel: the data hold NMC v%d.0, the panel reads v%d.0 (open it with Plan.Open)", h.NMCVersion(), p.opt.nmc())
	}
	needed, _ := p.files()
	for _, f := range needed {
		if (f == history.FileNMC && p.opt.nmc() != 6) || (f == history.FileNMC7 && p.opt.nmc() != 7) {
			continue // history reads one of the two
		}
		if !h.Loaded(f) {
			return fmt.Errorf("panel: %s was not loaded (open the data with Plan.Open)", f)
		}
	}
	return nil
}

// Open opens the data directory dir with history.Open, loading every
// dataset with the default options (NMC v6.0, the system through 2016):
// the data of every plan with those options. When files are missing, the
// error says which datasets provide them ('entente data get NAME').
func Open(dir string) (*history.History, error) {
	h, err := history.Open(dir)
	return h, openError(dir, err)
}

// openError adds to err, when files are missing, the datasets that
// provide them.
func openError(dir string, err error) error {
	if err == nil {
		return nil
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
		return err
	}
	slices.Sort(names)
	return fmt.Errorf("%w\n(get the missing files with 'entente data get %s --dir %s')", err, strings.Join(names, " "), dir)
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
