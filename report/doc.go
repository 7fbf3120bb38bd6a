// Package report builds entente's report on a World: a title, the as-of
// date and a list of sections, each made of paragraphs and tables, written
// as text (aligned tables for a terminal), Markdown, JSON or one
// self-contained HTML page.
//
// The report is built from sections. A Builder computes one Section from a
// World; Build runs the registered builders in order. The standard sections
// are the overview, the alliance systems (members, obligations, formal or
// informal, hub-and-spoke versus multilateral by Freeman centralization,
// asymmetry by capability share), the major states' alliance portfolios, the
// capability ranking, burden sharing (military spending as a share of GDP
// against NATO's 2% guideline) and partnerships and rivalries.
//
// Adding a section takes one call, usually from the init function of the
// package that holds the model:
//
//	func init() {
//		report.Register(report.Builder{ID: "threat", Order: 60, Build: threatSection})
//	}
//
//	func threatSection(w *world.World) (*report.Section, error) {
//		t := report.NewTable("Top threats", report.Text("State"), report.Num("Threat", 3))
//		t.Add("Poland", 0.71)
//		return &report.Section{Title: "Balance of threat", Tables: []*report.Table{t}}, nil
//	}
//
// A builder that has nothing to say about a World returns a nil Section and
// is left out. Builders must not change the World.
package report
