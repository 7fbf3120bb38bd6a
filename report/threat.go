package report

import (
	"fmt"
	"strings"

	"github.com/entente/entente/align"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// Threat is the report's threat-and-alignment section: for every state of
// w, its top threat with the four components, the predicted choice, the
// bandwagoning conditions that fired and the partner, under the default
// threat and alignment options; then the same for the states that face a
// threat under the multiplicative composite. It returns a nil Section for a
// World with fewer than two states.
func Threat(w *world.World) (*Section, error) {
	if w == nil || len(w.States) < 2 {
		return nil, nil
	}
	to := threat.DefaultOptions()
	m, err := threat.Compute(w, to)
	if err != nil {
		return nil, fmt.Errorf("threat matrix: %w", err)
	}
	ps, err := align.Predict(w, m, align.DefaultOptions())
	if err != nil {
		return nil, fmt.Errorf("alignment: %w", err)
	}
	t := NewTable("Top threat, predicted choice and partner of each state (a bandwagoning state aligns with its threat; a balancing one with its best partner against it)",
		Text("State"), Text("Top threat"), Num("Threat", 2),
		Num("Power", 2), Num("Proximity", 2), Num("Offense", 2), Num("Intent", 2),
		Text("Choice"), Text("Conditions fired"), Text("Aligns with"))
	counts := map[align.Choice]int{}
	for _, p := range ps {
		counts[p.Choice]++
		name := w.Label(p.State, world.ByName)
		if p.TopThreat == nil {
			t.Add(name, "–", world.Missing(), world.Missing(), world.Missing(), world.Missing(), world.Missing(), string(p.Choice), "", "")
			continue
		}
		th := p.TopThreat
		// A bandwagoning state aligns with its threat; a balancing one with
		// its best partner against it.
		partner := ""
		switch {
		case p.Choice == align.Bandwagon:
			partner = w.Label(th.From, world.ByName)
		case p.Choice == align.Balance && len(p.Partners) > 0:
			partner = w.Label(p.Partners[0].CCode, world.ByName)
		}
		t.Add(name, w.Label(th.From, world.ByName), th.Total, th.Power, th.Proximity, th.Offense, th.Intent,
			string(p.Choice), strings.Join(p.Fired(), ", "), partner)
	}
	walt, wcounts, err := waltTable(w)
	if err != nil {
		return nil, err
	}
	return &Section{
		Title: "Balance of threat and alignment",
		Paragraphs: []string{
			fmt.Sprintf("Threat after Walt (1987): the sum of four components in [0,1] — aggregate power (CINC relative to the strongest), proximity (Bueno de Mesquita's loss-of-strength gradient over capital distance, land neighbours at distance 0), offensive capability (military spending, personnel, power projection, nuclear weapons) and aggressive intentions (coded hostility, rivalry, war; halved between allies). Range 0–%g.", to.MaxTotal()),
			fmt.Sprintf("Predicted choices: %d balance, %d bandwagon, %d stay out. A state bandwagons when any of Walt's conditions fires: weakness (CINC below %g of its threat's CINC as it reaches the state, discounted by distance), an overwhelming threat (at least %g of the maximum), no available allies, or, for a state not already allied with its threat, a benefit of aligning with it above that of the best balancing partner.",
				counts[align.Balance], counts[align.Bandwagon], counts[align.StayOut], align.DefaultOptions().Weak, align.DefaultOptions().Overwhelming),
		},
		Tables: []*Table{t, walt},
		Notes: []string{
			fmt.Sprintf("Under the multiplicative composite (a threat needs power, proximity, offensive capability and hostile intent at once), %d states balance, %d bandwagon and %d face no threat; the second table lists those that face one. Over 1816–2017 this reading predicts new alliances better than the sum does (docs/scorecard.md).",
				wcounts[align.Balance], wcounts[align.Bandwagon], wcounts[align.StayOut]),
			"The composite, the thresholds and the partner utility are entente's construction, not Walt's; see docs/threat.md. Run 'entente threat' and 'entente align' for every component and condition.",
		},
	}, nil
}

// waltTable is the section's second table: the states that face a threat
// under the multiplicative composite, with their choice and partner.
func waltTable(w *world.World) (*Table, map[align.Choice]int, error) {
	to := threat.DefaultOptions()
	to.Composite = threat.Multiplicative
	m, err := threat.Compute(w, to)
	if err != nil {
		return nil, nil, fmt.Errorf("threat matrix: %w", err)
	}
	ps, err := align.Predict(w, m, align.DefaultOptions())
	if err != nil {
		return nil, nil, fmt.Errorf("alignment: %w", err)
	}
	t := NewTable("Threats under the multiplicative composite (0–1), states that face one",
		Text("State"), Text("Top threat"), Num("Threat", 2),
		Text("Choice"), Text("Conditions fired"), Text("Aligns with"))
	counts := map[align.Choice]int{}
	for _, p := range ps {
		counts[p.Choice]++
		if p.Choice == align.StayOut {
			continue
		}
		th := p.TopThreat
		partner := w.Label(th.From, world.ByName)
		if p.Choice == align.Balance {
			partner = ""
			if len(p.Partners) > 0 {
				partner = w.Label(p.Partners[0].CCode, world.ByName)
			}
		}
		t.Add(w.Label(p.State, world.ByName), w.Label(th.From, world.ByName), th.Total, string(p.Choice), strings.Join(p.Fired(), ", "), partner)
	}
	return t, counts, nil
}
