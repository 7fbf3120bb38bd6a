package panel

import (
	"fmt"
	"path"
	"runtime"
	"strings"

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
	// From and To are the first and last years, inside 1816–2016.
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
	// Disagreement weighting of kappa and pi.
	Disagreement similarity.Disagreement
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

// Validate checks the year range.
func (o *Options) Validate() error {
	if o.From > o.To {
		return fmt.Errorf("years %d-%d: the first year is after the last", o.From, o.To)
	}
	if o.From == o.To && (o.From < SystemFrom || o.To > SystemTo) {
		return fmt.Errorf("year %d outside the coverage of the COW state system membership data (%d-%d)", o.From, SystemFrom, SystemTo)
	}
	if o.From < SystemFrom || o.To > SystemTo {
		return fmt.Errorf("years %d-%d outside the coverage of the COW state system membership data (%d-%d)", o.From, o.To, SystemFrom, SystemTo)
	}
	return nil
}

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
