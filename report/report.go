package report

import (
	"fmt"

	"github.com/entente/entente/world"
)

// Report is a titled list of sections about one World.
type Report struct {
	Title    string     `json:"title"`
	AsOf     string     `json:"as_of"`
	World    string     `json:"world,omitempty"`
	Sections []*Section `json:"sections"`
}

// Section is one part of a report: paragraphs, then tables, then figures,
// then notes (sources, definitions, caveats).
type Section struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Paragraphs []string  `json:"paragraphs,omitempty"`
	Tables     []*Table  `json:"tables,omitempty"`
	Figures    []*Figure `json:"figures,omitempty"`
	Notes      []string  `json:"notes,omitempty"`
}

// Figure is an image in a section: an SVG drawing, embedded inline in the
// HTML report and named by its caption in the other formats.
type Figure struct {
	Caption string `json:"caption"`
	SVG     string `json:"svg"`
}

// Builder computes one section of the report.
type Builder struct {
	ID    string
	Build func(w *world.World) (*Section, error)
}

// Sections returns the report's sections in order. The list is explicit:
// a section is added here, by the front end, never registered by the model
// it shows (models do not import the report).
func Sections() []Builder {
	return []Builder{
		{ID: "overview", Build: Overview},
		{ID: "alliances", Build: Alliances},
		{ID: "membership", Build: Membership},
		{ID: "structure", Build: Structure},
		{ID: "portfolios", Build: Portfolios},
		{ID: "capability", Build: Capability},
		{ID: "burden", Build: Burden},
		{ID: "relations", Build: Relations},
		{ID: "threat", Build: Threat},
		{ID: "credibility", Build: Credibility},
		{ID: "dilemma", Build: Dilemma},
	}
}

// Build runs every section of Sections on w and returns the report.
func Build(w *world.World) (*Report, error) {
	return BuildWith(w, Sections()...)
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
