package report

import (
	"fmt"
	"strings"

	"github.com/entente/entente/credibility"
	"github.com/entente/entente/world"
)

// credibilityPatrons are the patrons the credibility section covers: the
// United States, Russia and China.
var credibilityPatrons = []int{2, 365, 710}

// Credibility is the report's credibility section: every commitment of
// the United States, Russia and China in w (a defence or offence pledge,
// or a partnership such as the Taiwan Relations Act), with the index and
// its five components, the protégé's top threat and the
// extended-deterrence flags. Reputation needs the reliability record of
// the historical data and is missing here ('entente credibility' with the
// data directory measures it). In world files, the troops and nuclear
// weapons stationed (stationing) are signals. It
// returns nil when none of the three has a commitment.
func Credibility(w *world.World) (*Section, error) {
	if w == nil || len(w.States) < 2 {
		return nil, nil
	}
	c, err := credibility.NewContext(w, nil, nil, credibility.DefaultOptions())
	if err != nil {
		return nil, fmt.Errorf("credibility: %w", err)
	}
	t := NewTable("Credibility of the commitments of the United States, Russia and China (0–1; NA: not measured)",
		Text("Patron"), Text("Protégé"), Text("Commitment"), Num("Index", 2), Num("Interests", 2), Num("Capability", 2),
		Num("Reputation", 2), Num("Signals", 2), Num("Domestic", 2), Text("Top threat"), Text("Extended deterrence"))
	n := 0
	for _, p := range credibilityPatrons {
		for _, r := range c.Select(p, 0).Commitments {
			kind := strings.TrimPrefix(r.Alliance, "world:")
			if r.Status != "" {
				kind += " (" + r.Status + ")"
			}
			threat := "–"
			if r.Detail.Threat != 0 {
				threat = stateName(w, r.Detail.Threat)
			}
			t.Add(stateName(w, r.Patron), stateName(w, r.Protege), kind, r.Index, r.Interests, r.Capability,
				r.Reputation, r.Signals, r.Domestic, threat, extendedText(r.Extended))
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	return &Section{
		Title: "Credibility of commitments",
		Paragraphs: []string{
			"How believable each commitment is, from five components (each 0–1): interests (alliance-portfolio similarity, trade, shared IGOs, regime similarity), capability (the patron's capability that reaches the protégé against that of the protégé's top threat, under the threat model's loss-of-strength gradient), reputation (the patron's past reliability in war), signals (ATOP's provisions; here troops stationed and nuclear sharing, with sources) and domestic support (democracy's audience costs, leader tenure). The index is the mean of the components measured.",
			"Extended deterrence: 'adversary nuclear' when the protégé's top threat has nuclear weapons; 'umbrella' when a nuclear patron pledged defence or the protégé hosts its weapons; 'homeland exposed' when the adversary's weapons reach the patron's territory — the question 'would the US trade New York for Berlin?'.",
		},
		Tables: []*Table{t},
		Notes: []string{
			"The composite is entente's own construction, validated out of sample: the equal-weight index separates honoured from broken defence pledges in the wars after 1945 (docs/credibility.md).",
			"Reputation needs the reliability record of the historical data and is NA here: run 'entente credibility --data DIR' for it. The Taiwan Relations Act carries no defence pledge: no umbrella.",
		},
	}, nil
}

func extendedText(e credibility.Extended) string {
	s := ""
	add := func(on bool, what string) {
		if !on {
			return
		}
		if s != "" {
			s += ", "
		}
		s += what
	}
	add(e.AdversaryNuclear, "adversary nuclear")
	add(e.Umbrella, "umbrella")
	add(e.HomelandExposed, "homeland exposed")
	if s == "" {
		return "–"
	}
	return s
}
