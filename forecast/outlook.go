package forecast

import (
	"fmt"
	"slices"

	"github.com/entente/entente/world"
)

// Pick is one dyad's forecast: the probability that it forms an alliance
// of the kind in the year after the World's, and the features that move
// it most (contribution to the log-odds against the training mean).
type Pick struct {
	A     int            `json:"ccode1"`
	B     int            `json:"ccode2"`
	NameA string         `json:"name1"`
	NameB string         `json:"name2"`
	P     float64        `json:"p"`
	Top   []Contribution `json:"top_features"`
}

// Outlook is the forecast for every dyad at risk in a World.
type Outlook struct {
	Kind      Kind    `json:"kind"`
	WorldYear int     `json:"world_year"`
	World     string  `json:"world,omitempty"`
	Dyads     int     `json:"dyads_at_risk"`
	Expected  float64 `json:"expected_new_dyads"` // sum of the probabilities
	Model     *Model  `json:"model"`
	Picks     []Pick  `json:"picks"`
}

// Forecast scores every dyad of w at risk under k (not allied under it in
// w's year) with m, and returns the top most likely (all when top ≤ 0),
// each with its three strongest features. carry must hold no World after
// w's year (Build's Carry through an earlier year serves for a world file).
func Forecast(w *world.World, k Kind, m *Model, carry *Carry, top int) (*Outlook, error) {
	if m == nil {
		return nil, fmt.Errorf("forecast: no model")
	}
	c, err := NewContext(w)
	if err != nil {
		return nil, err
	}
	yr, err := c.Features(k, carry)
	if err != nil {
		return nil, err
	}
	p := m.PredictYear(yr)
	o := &Outlook{Kind: k, WorldYear: w.Year, World: w.Name, Dyads: yr.Rows(), Model: m}
	idx := make([]int, len(p))
	for i := range idx {
		idx[i] = i
		o.Expected += p[i]
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case p[a] > p[b]:
			return -1
		case p[a] < p[b]:
			return 1
		}
		return 0
	})
	if top > 0 && top < len(idx) {
		idx = idx[:top]
	}
	for _, r := range idx {
		ex := m.Explain(yr, r)
		o.Picks = append(o.Picks, Pick{A: yr.A[r], B: yr.B[r], NameA: w.State(yr.A[r]).Name, NameB: w.State(yr.B[r]).Name,
			P: p[r], Top: ex[:min(3, len(ex))]})
	}
	return o, nil
}
