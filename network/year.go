package network

import (
	"fmt"
	"runtime"
	"sync"

	"github.com/entente/entente/history"
	"github.com/entente/entente/world"
)

// Year holds the measures of one system-year's alliance network. A measure
// that cannot be taken (a year outside the source's coverage, a clustering
// coefficient without triples) is missing: NaN in memory, null in JSON,
// empty in CSV.
type Year struct {
	Year    int    `json:"year"`
	Source  Source `json:"source"`
	Type    Type   `json:"type"`
	Covered bool   `json:"covered"` // the year lies in the source's coverage

	States          world.Value `json:"states"`
	Ties            world.Value `json:"ties"`
	Density         world.Value `json:"density"`
	Components      world.Value `json:"components"` // with at least one tie
	Isolates        world.Value `json:"isolates"`   // states without a tie
	GiantShare      world.Value `json:"giant_share"`
	Centralization  world.Value `json:"centralization"`
	Clustering      world.Value `json:"clustering"`
	Blocs           world.Value `json:"blocs"`
	Modularity      world.Value `json:"modularity"`
	HostileDyads    world.Value `json:"hostile_dyads"`
	SignedBlocs     world.Value `json:"signed_blocs"`
	Majors          world.Value `json:"majors"`
	Concentration   world.Value `json:"concentration"`
	Poles           world.Value `json:"poles"`
	StructuralPoles world.Value `json:"structural_poles"`
	Polarization    world.Value `json:"polarization"`
}

// Columns lists the names of Year's fields in table order, as in its JSON.
var Columns = []string{"year", "source", "type", "covered", "states", "ties", "density", "components",
	"isolates", "giant_share", "centralization", "clustering", "blocs", "modularity", "hostile_dyads",
	"signed_blocs", "majors", "concentration", "poles", "structural_poles", "polarization"}

// Values returns the measures in the order of Columns after "covered".
func (y *Year) Values() []world.Value {
	return []world.Value{y.States, y.Ties, y.Density, y.Components, y.Isolates, y.GiantShare,
		y.Centralization, y.Clustering, y.Blocs, y.Modularity, y.HostileDyads, y.SignedBlocs,
		y.Majors, y.Concentration, y.Poles, y.StructuralPoles, y.Polarization}
}

// uncovered returns a Year with every measure missing.
func uncovered(y int, o Options) Year {
	m := world.Missing()
	return Year{Year: y, Source: o.Source, Type: o.Type, States: m, Ties: m, Density: m, Components: m,
		Isolates: m, GiantShare: m, Centralization: m, Clustering: m, Blocs: m, Modularity: m,
		HostileDyads: m, SignedBlocs: m, Majors: m, Concentration: m, Poles: m, StructuralPoles: m,
		Polarization: m}
}

// Measure returns the measures of n, with p its blocs (Blocs) and sp its
// signed blocs (SignedBlocs).
func (n *Network) Measure(p, sp Partition) Year {
	v := func(x float64) world.Value { return world.Value(x) }
	N := len(n.Nodes)
	y := Year{Year: n.Year, Source: n.Options.Source, Type: n.Options.Type, Covered: true}
	y.States, y.Ties, y.Density = v(float64(N)), v(float64(len(n.Ties))), v(n.Density())
	comps := n.Components()
	iso := N
	for _, c := range comps {
		iso -= len(c)
	}
	y.Components, y.Isolates = v(float64(len(comps))), v(float64(iso))
	y.GiantShare = world.Missing()
	if N > 0 {
		giant := 0
		if len(comps) > 0 {
			giant = len(comps[0])
		} else if N > 0 {
			giant = 1
		}
		y.GiantShare = v(float64(giant) / float64(N))
	}
	y.Centralization, y.Clustering = v(n.Centralization()), v(n.Clustering())
	y.Blocs, y.Modularity = v(float64(len(p.Blocs))), v(p.Q)
	y.HostileDyads, y.SignedBlocs = world.Missing(), world.Missing()
	if n.Disputes {
		y.HostileDyads, y.SignedBlocs = v(float64(len(n.Hostile))), v(float64(len(sp.Blocs)))
	}
	majors := 0
	for _, m := range n.Major {
		if m {
			majors++
		}
	}
	y.Majors, y.Concentration = v(float64(majors)), v(n.Concentration())
	y.Poles = world.Missing()
	if n.totalCapability() > 0 {
		y.Poles = v(float64(len(n.Poles())))
	}
	y.StructuralPoles, y.Polarization = v(n.StructuralPoles(p)), v(n.Polarization(p))
	return y
}

// Coverage returns the years for which the history holds the obligations
// of src: the span of World (COW system membership) cut to the source's
// alliance data. World files are not a source of history.
func Coverage(h *history.History, src Source) (first, last int, err error) {
	first, last = h.Span()
	switch src {
	case COW:
		return max(first, history.COWAlliancesFirst), min(last, history.COWAlliancesLast), nil
	case ATOP:
		return max(first, history.ATOPFirst), min(last, history.ATOPLast), nil
	}
	return 0, 0, fmt.Errorf("network: source %q is not in the history (want atop or cow)", src)
}

// FromHistory returns the network of year y and the World it was built
// from. Its pledges come from the history's directed dyad-year tables:
// ATOP 5.1's own directed obligations (h.ATOP()), which say when a member
// of a multilateral treaty pledged to some partners only, or COW v4.1's
// member pledges expanded to directed dyads (h.COW(), the same as
// Pledges(w, COW)). A year outside the source's coverage is an error.
func FromHistory(h *history.History, y int, o Options) (*Network, *world.World, error) {
	first, last, err := Coverage(h, o.Source)
	if err != nil {
		return nil, nil, err
	}
	if y < first || y > last {
		return nil, nil, fmt.Errorf("network: year %d outside %d..%d, the coverage of %s in the history", y, first, last, o.Source)
	}
	w, err := h.World(y)
	if err != nil {
		return nil, nil, err
	}
	tab := h.ATOP()
	if o.Source == COW {
		tab = h.COW()
	}
	ks, vs := tab.Year(y)
	ps := make([]Pledge, len(ks))
	for i, k := range ks {
		ps[i] = Pledge{k.A(), k.B(), vs[i]}
	}
	n, err := New(w, ps, o)
	return n, w, err
}

// Series returns the measures of every year from..to, with blocs and
// signed blocs. Years of the history's span outside the source's coverage
// (COW alliances after 2012) have Covered false and every measure missing;
// a range outside the history's span is an error. Years are measured on
// all cores; the result does not depend on their number.
func Series(h *history.History, from, to int, o Options) ([]Year, error) {
	if err := o.Validate(); err != nil {
		return nil, fmt.Errorf("network: options: %w", err)
	}
	hf, hl := h.Span()
	if from > to || from < hf || to > hl {
		return nil, fmt.Errorf("network: years %d..%d outside %d..%d, the span of the history", from, to, hf, hl)
	}
	first, last, err := Coverage(h, o.Source)
	if err != nil {
		return nil, err
	}
	out := make([]Year, to-from+1)
	errs := make([]error, len(out))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				y := from + i
				if y < first || y > last {
					out[i] = uncovered(y, o)
					continue
				}
				n, _, err := FromHistory(h, y, o)
				if err != nil {
					errs[i] = err
					continue
				}
				p := n.Blocs()
				sp := p // without hostile dyads the signed blocs are the blocs
				if len(n.Hostile) > 0 {
					sp = n.SignedBlocs()
				}
				out[i] = n.Measure(p, sp)
			}
		})
	}
	for i := range out {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
