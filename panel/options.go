package panel

import (
	"fmt"
	"path"
	"runtime"
	"strings"

	"github.com/entente/entente/history"
	"github.com/entente/entente/similarity"
)

// Filter selects the dyads of a dyad-year panel.
type Filter uint8

const (
	// All keeps every dyad of system members.
	All Filter = iota
	// Relevant keeps politically relevant dyads: contiguous (any COW direct
	// contiguity type, 1..5) or with a major power on either side, as
	// peacesciencer's filter_prd does (Weede 1976; Lemke & Reed 2001).
	Relevant
	// Contiguous keeps dyads with any COW direct contiguity (types 1..5).
	Contiguous
	// Major keeps dyads with a major power on either side.
	Major
)

var filterNames = [...]string{All: "all", Relevant: "relevant", Contiguous: "contiguous", Major: "major"}

func (f Filter) String() string {
	if int(f) < len(filterNames) {
		return filterNames[f]
	}
	return fmt.Sprintf("Filter(%d)", uint8(f))
}

// ParseFilter returns the filter named s.
func ParseFilter(s string) (Filter, error) {
	for i, n := range filterNames {
		if n == s {
			return Filter(i), nil
		}
	}
	return 0, fmt.Errorf("unknown filter %q (want all, relevant, contiguous or major)", s)
}

// Options configure a panel.
type Options struct {
	// From and To are the first and last years, inside 1816–2016 (or
	// 1816–ExtendSystemTo).
	From, To int
	// Nondirected writes one row per unordered dyad (ccode1 < ccode2),
	// taking directed variables as the maximum over both directions;
	// the default is directed (both orders).
	Nondirected bool
	// Filter selects dyads (dyad-year panels only).
	Filter Filter
	// Vars lists the variables to write besides the keys; nil means all.
	Vars []string
	// Valuation of alliance ties for the similarity measures.
	Valuation similarity.Valuation
	// Disagreement weighting of kappa and pi (the Hage convention).
	Disagreement similarity.Disagreement
	// Ties says how directed obligations enter the portfolios: Directed
	// (the zero value: row i of the directed valued matrix, fpsim's rule)
	// or Symmetric (the maximum over both directions).
	Ties similarity.Ties
	// Convention fixes the similarity choices: Hage (the default) or
	// FPSim, fpsim's (directed ties, kappa quadratic, pi nominal, the
	// CINC weights of NMC v7.0).
	Convention similarity.Convention
	// NMC is the version of the capability columns and of sim_s_cinc's
	// CINC weights: 6 (NMC v6.0, 1816–2016) or 7 (NMC v7.0 as
	// peacesciencer distributes it, 1816–2022); 0 means 6, or 7 under the
	// FPSim convention.
	NMC int
	// KeepApart keeps the dyads of two members whose membership spells do
	// not overlap within the year (history.NeverCoexisted: Germany and
	// West Germany in 1990, 60 directed dyad-years in 1816–2016); by
	// default they are dropped, as peacesciencer's create_dyadyears does.
	KeepApart bool
	// ExtendSystemTo, when after 2016, keeps the members of the system at
	// the end of 2016 members through this year (history.Options), so
	// panels reach the years the sources cover (NMC v7.0 to 2022, ATOP to
	// 2018); every column stays missing after its source ends.
	ExtendSystemTo int
	// NoVerify reads the data files without checking them against the
	// catalogue (history.Options.NoVerify).
	NoVerify bool
	// Cache is the parsed cache directory Plan.Open reads the files
	// through (history.Options.Cache); empty for none.
	Cache string
	// Workers is the number of years built at once; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, is called from the writing goroutine after each
	// year is written, with the year, the years done and the rows so far.
	Progress func(year, yearsDone int, rows int64)
}

// DefaultOptions returns the options of the full directed dyad-year
// panel: 1816–2016, every variable, ATOP valuation, quadratic weights.
func DefaultOptions() Options {
	return Options{From: SystemFrom, To: SystemTo}
}

// Validate checks the year range and the similarity and NMC options.
func (o *Options) Validate() error {
	if o.ExtendSystemTo != 0 && (o.ExtendSystemTo <= SystemTo || o.ExtendSystemTo > history.ExtendLast) {
		return fmt.Errorf("extending the system to %d: want a year in %d-%d", o.ExtendSystemTo, SystemTo+1, history.ExtendLast)
	}
	last := max(SystemTo, o.ExtendSystemTo)
	if o.From > o.To {
		return fmt.Errorf("years %d-%d: the first year is after the last", o.From, o.To)
	}
	extend := ""
	if o.ExtendSystemTo == 0 && o.To > SystemTo {
		extend = fmt.Sprintf("; extend the system past %d to reach later years", SystemTo)
	}
	if o.From == o.To && (o.From < SystemFrom || o.To > last) {
		return fmt.Errorf("year %d outside the coverage of the COW state system membership data (%d-%d)%s", o.From, SystemFrom, last, extend)
	}
	if o.From < SystemFrom || o.To > last {
		return fmt.Errorf("years %d-%d outside the coverage of the COW state system membership data (%d-%d)%s", o.From, o.To, SystemFrom, last, extend)
	}
	switch o.NMC {
	case 0, 6, 7:
	default:
		return fmt.Errorf("NMC version %d: want 6 or 7", o.NMC)
	}
	if o.Convention == similarity.FPSim {
		switch {
		case o.Ties != similarity.Directed:
			return fmt.Errorf("the fpsim convention takes directed ties, not %s", o.Ties)
		case o.Valuation == similarity.COW:
			return fmt.Errorf("the fpsim convention values ATOP obligations (atop or binary), not the cow valuation")
		case o.Disagreement != similarity.Quadratic:
			return fmt.Errorf("the fpsim convention fixes the disagreement weights (kappa quadratic, pi nominal), not %s", o.Disagreement)
		case o.NMC == 6:
			return fmt.Errorf("the fpsim convention weights S by the CINC of NMC v7.0, not v6.0")
		}
	}
	return nil
}

// nmc returns the NMC version the panel reads.
func (o *Options) nmc() int {
	switch {
	case o.NMC != 0:
		return o.NMC
	case o.Convention == similarity.FPSim:
		return 7
	}
	return 6
}

// lastYear returns the last year of the state system the panel reads.
func (o *Options) lastYear() int { return max(SystemTo, o.ExtendSystemTo) }

func (o *Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// variable is one output column and how to fill it for a year.
type variable struct {
	Column
	need need
	fill func(yc *yearCtx, v *Vec)
}

// selectVars returns the variables named in names (all when names is nil),
// in registry order, or an error that lists the valid names. An entry may
// be a glob pattern (path.Match: "atop_*"); an entry starting with '-'
// removes the variables it matches, and a list of removals alone starts
// from every variable ("-sim_*": all but the similarity measures).
func selectVars(reg []variable, names []string, kind string) ([]variable, error) {
	if names == nil {
		return reg, nil
	}
	want := map[string]bool{}
	onlyRemovals := true
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" && !strings.HasPrefix(n, "-") {
			onlyRemovals = false
		}
	}
	if onlyRemovals {
		for _, v := range reg {
			want[v.Name] = true
		}
	}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		remove := strings.HasPrefix(n, "-")
		pat := strings.TrimPrefix(n, "-")
		matched := false
		for _, v := range reg {
			ok, err := path.Match(pat, v.Name)
			if err != nil {
				return nil, fmt.Errorf("%s variable pattern %q: %w", kind, n, err)
			}
			if ok {
				matched = true
				want[v.Name] = !remove
			}
		}
		if !matched {
			valid := make([]string, len(reg))
			for i, v := range reg {
				valid[i] = v.Name
			}
			return nil, fmt.Errorf("unknown %s variable %q; valid variables: %s", kind, n, strings.Join(valid, ", "))
		}
	}
	var out []variable
	for _, v := range reg {
		if want[v.Name] {
			out = append(out, v)
		}
	}
	return out, nil
}
