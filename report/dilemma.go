package report

import (
	"fmt"
	"strings"

	"github.com/entente/entente/dilemma"
	"github.com/entente/entente/world"
)

// dilemmaFocus lists the states the abandonment-and-entrapment section
// shows, in order: NATO's eastern flank (in NATO only), then the United
// States' Asian allies and partner and Russia's and China's allies (in
// every alliance or partnership they belong to).
var dilemmaFocus = []struct {
	ccode    int
	natoOnly bool
}{
	{366, true}, {367, true}, {368, true}, {290, true}, {375, true}, {360, true}, {355, true}, {317, true}, {310, true},
	{740, false}, {732, false}, {713, false}, {840, false}, {370, false}, {731, false},
}

// isNATO reports whether an alliance ID names NATO in a world file, ATOP
// or COW.
func isNATO(id string) bool { return id == "world:nato" || id == "atop:3180" || id == "cow:2115" }

// Dilemma is the report's abandonment-and-entrapment section (Snyder 1984,
// 1997; package dilemma): for NATO's eastern flank, Japan, South Korea,
// Taiwan, the Philippines, Belarus and North Korea, each commitment's
// dependence, tightness, credibility (the credibility index of the
// commitment, from the World alone: reputation, which needs the historical
// record, is missing), abandonment fear and entrapment risk. It returns a
// nil Section when none of the states belongs to an alliance in w.
func Dilemma(w *world.World) (*Section, error) {
	if w == nil || len(w.States) < 2 {
		return nil, nil
	}
	in := dilemma.DefaultInputs()
	in.Partnerships = true
	ms, err := dilemma.Assess(w, in)
	if err != nil {
		return nil, fmt.Errorf("dilemma: %w", err)
	}
	name := func(c int) string { return w.Label(c, world.ByName) }
	t := NewTable("Abandonment and entrapment of selected allies (0–1)",
		Text("State"), Text("Alliance"), Text("Patron"), Text("Commitment"), Num("Tightness", 2), Text("Top threat"),
		Num("Dependence", 2), Num("Credibility", 2), Num("Abandonment", 2),
		Num("Unshared conflicts", 2), Num("Entrapment", 2), Text("Largest unshared conflict"))
	for _, f := range dilemmaFocus {
		for i := range ms {
			m := &ms[i]
			if m.State != f.ccode || f.natoOnly && !isNATO(m.Alliance) {
				continue
			}
			top, conflict := "–", ""
			if m.ThreatFrom != 0 {
				top = name(m.ThreatFrom)
			}
			if len(m.Conflicts) > 0 {
				c := m.Conflicts[0]
				conflict = name(c.Partner) + " against " + name(c.Adversary)
			}
			label := m.Name
			if label == "" {
				label = m.Alliance
			}
			commit := m.Tightness.Obligation
			if strings.HasPrefix(m.Alliance, "partnership:") {
				commit = "no obligation"
			}
			t.Add(name(m.State), label, name(m.Patron), commit, m.Tightness.Total, top,
				m.Dependence, m.Credibility, m.Abandonment, m.Unshared, m.Entrapment, conflict)
		}
	}
	if len(t.Rows) == 0 {
		return nil, nil
	}
	return &Section{
		Title: "Abandonment and entrapment",
		Paragraphs: []string{
			"Snyder's alliance security dilemma (1984; Alliance Politics, 1997): an ally fears abandonment the more it depends on its patron and the more it doubts the patron's word, and risks entrapment the more its partners have quarrels it does not share and the tighter it is bound. Tightening a commitment trades one for the other.",
			"Dependence is the largest actual threat from outside the alliance relative to the state's own capability (Walt intent times dyadic capability), times the share of capability the partners add, times one minus the share of its other defence allies. Abandonment fear = dependence × (1 − credibility × tightness); entrapment = the partners' conflicts not shared × tightness. A partnership with no obligation (the United States and Taiwan) has tightness 0: the most abandonment fear and no entrapment, the price and the point of strategic ambiguity.",
		},
		Tables: []*Table{t},
		Notes: []string{
			"Credibility is the credibility index of the patron's commitment to the state (the section on credibility: interests, capability, signals, domestic), from this World alone: its reputation component, the patron's past record of honouring its commitments, needs the historical data ('entente dilemma' with the data directory). It is measured on the commitment as it stands, so the what-if of tightening or loosening holds it fixed. Tightness is 1 for a defence pact in a world file, which codes no ATOP provisions.",
			"The measures are entente's construction, not Snyder's; see docs/dilemmas.md.",
		},
	}, nil
}
