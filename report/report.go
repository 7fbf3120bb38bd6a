package report

import (
	"fmt"
	"sort"
	"sync"

	"github.com/entente/entente/world"
)

// Report is a titled list of sections about one World.
type Report struct {
	Title    string     `json:"title"`
	AsOf     string     `json:"as_of"`
	World    string     `json:"world,omitempty"`
	Sections []*Section `json:"sections"`
}

// Section is one part of a report: paragraphs, then tables, then notes
// (sources, definitions, caveats).
type Section struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Paragraphs []string `json:"paragraphs,omitempty"`
	Tables     []*Table `json:"tables,omitempty"`
	Notes      []string `json:"notes,omitempty"`
}

// Builder computes one section of the report. Order places it among the
// others (the standard sections use 10, 20, ... 60; later models slot in
// between or after).
type Builder struct {
	ID    string
	Order int
	Build func(w *world.World) (*Section, error)
}

var (
	mu       sync.Mutex
	builders []Builder
)

// Register adds a section builder to the report. It panics on a duplicate
// ID, which is a programming error.
func Register(b Builder) {
	mu.Lock()
	defer mu.Unlock()
	for _, x := range builders {
		if x.ID == b.ID {
			panic("report: duplicate section " + b.ID)
		}
	}
	builders = append(builders, b)
}

// Builders returns the registered builders in report order.
func Builders() []Builder {
	mu.Lock()
	defer mu.Unlock()
	out := append([]Builder(nil), builders...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Order < out[j].Order })
	return out
}

// Build runs every registered builder on w and returns the report.
func Build(w *world.World) (*Report, error) {
	return BuildWith(w, Builders()...)
}

// BuildWith runs the given builders on w, in the order given.
func BuildWith(w *world.World, bs ...Builder) (*Report, error) {
	r := &Report{Title: "Alliance systems", World: w.Name, AsOf: asOf(w).String()}
	if w.Name != "" {
		r.Title = "Alliance systems: " + w.Name
	}
	for _, b := range bs {
		s, err := b.Build(w)
		if err != nil {
			return nil, fmt.Errorf("report section %s: %w", b.ID, err)
		}
		if s == nil {
			continue
		}
		if s.ID == "" {
			s.ID = b.ID
		}
		r.Sections = append(r.Sections, s)
	}
	return r, nil
}

// asOf is the date a World describes: its AsOf, or the last day of its year.
func asOf(w *world.World) world.Date {
	if !w.AsOf.IsZero() {
		return w.AsOf
	}
	return world.D(w.Year, 12, 31)
}
