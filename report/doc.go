// Package report builds entente's report on a World: a title, the as-of
// date and a list of sections, each made of paragraphs and tables, written
// as text (aligned tables for a terminal), Markdown, JSON or one
// self-contained HTML page.
//
// The report is built from sections. A Builder computes one Section from a
// World; Sections lists them, in order, explicitly: the overview, the
// alliance systems (members, obligations, formal or informal, hub-and-spoke
// versus multilateral by Freeman centralization, asymmetry by capability
// share), membership, the structure of the alliance network as a whole
// (package network: ties, blocs, polarity, each system's shape, and an
// inline SVG drawing in the HTML report), the major states' alliance
// portfolios, the capability ranking, burden sharing (military spending as a
// share of GDP against NATO's 2% guideline), partnerships and rivalries, and
// balance of threat and alignment (packages threat and align).
//
// A model never registers a section: the report imports the models it
// shows, and adding a section is one line in Sections and a function
//
//	func Threat(w *world.World) (*Section, error) {
//		t := NewTable("Top threats", Text("State"), Num("Threat", 3))
//		t.Add("Poland", 0.71)
//		return &Section{Title: "Balance of threat", Tables: []*Table{t}}, nil
//	}
//
// A builder that has nothing to say about a World returns a nil Section and
// is left out. Builders must not change the World.
package report
