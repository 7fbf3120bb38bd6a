package report

import (
	"fmt"
	"strings"

	"github.com/entente/entente/align"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// Threat is the report's threat-and-alignment section: for every state of
// w, its top threat under the validated default (the Walt composite) with
// its potential, reach, proximity and intent, the predicted choice, the
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
		Num("Potential", 2), Num("Reach", 2), Num("Proximity", 2), Num("Intent", 2),
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
		t.Add(name, w.Label(th.From, world.ByName), th.Total, th.Potential, th.DyadicPower, th.Proximity, th.Intent,
			string(p.Choice), strings.Join(p.Fired(), ", "), partner)
	}
	walt, wcounts, err := waltTable(w)
	if err != nil {
		return nil, err
	}
	return &Section{
		Title: "Balance of threat and alignment",
		Paragraphs: []string{
			"Threat after Walt (1987), dyadic and gated by intentions: the potential threat is the power and offensive capability of a state that reach another, relative to the other's own (loss-of-strength gradient on both; Reach), discounted by proximity; aggressive intentions (coded hostility, rivalry, territorial claims, war) make it an actual threat. A defence ally on the date is no threat unless hostility between the two is coded. The exponents of the composite were chosen by how well it predicts disputes and balancing alliances over 1816–1945, and on 1946–2014 it predicts disputes better than the seed's sum and every single component, and balancing alliances better than the sum in AUC (docs/threat.md). A state nobody is hostile to faces potential threats only, and stays out. Range 0–1. Once proximity and intentions are in, the fit gives power itself no weight, so a weaker, more hostile neighbour outranks a distant great power; docs/threat.md, \"Why power gets no weight\".",
			"A state's partners are ranked by the part of their power that reaches its threat, the threat they share, their shared interests (alliance portfolios; trade and IGOs in history), regime similarity and past alliances, less the threat they themselves pose to it.",
			fmt.Sprintf("Predicted choices: %d balance, %d bandwagon, %d stay out. A state bandwagons only when it is weak (CINC share below %g), the threat's reaching power is overwhelming against its own (at least %g) and no ally is available (Walt 1987; Labs 1992).",
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
