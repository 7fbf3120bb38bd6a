// Package landscapejson is the JSON shape of a landscape-theory result,
// shared by the CLI's "entente landscape --format json" and the HTTP API's
// /api/landscape.
package landscapejson

import (
	"math"

	"github.com/entente/entente/landscape"
	"github.com/entente/entente/world"
)

// Actor is one actor of a landscape problem.
type Actor struct {
	Name  string  `json:"name"`
	CCode int     `json:"ccode,omitempty"`
	Size  float64 `json:"size"`
}

// Minimum is a local minimum with its sides and basin.
type Minimum struct {
	Energy      float64     `json:"energy"`
	Sides       [][]string  `json:"sides"`
	Basin       world.Value `json:"basin"`
	BasinCount  int64       `json:"basin_count"`
	Frustration []float64   `json:"frustration"`
	Weighted    []float64   `json:"weighted_frustration"`
}

// Output is a landscape result as JSON shows it.
type Output struct {
	Actors         []Actor              `json:"actors"`
	Coalitions     int                  `json:"coalitions"`
	Method         string               `json:"method"`
	Heuristic      string               `json:"heuristic,omitempty"`
	Configurations int64                `json:"configurations"`
	Global         Minimum              `json:"global"`
	GlobalTies     int                  `json:"global_ties,omitempty"`
	Minima         []Minimum            `json:"minima"`
	Truncated      bool                 `json:"truncated"`
	Basins         *landscape.BasinInfo `json:"basins"`
	Weights        *landscape.Weights   `json:"weights,omitempty"`
	Components     []Components         `json:"components,omitempty"`
	Notes          []string             `json:"notes,omitempty"`
}

// Components is the propensity of a pair and its parts, for problems
// derived from a world.
type Components struct {
	A          string  `json:"a"`
	B          string  `json:"b"`
	Propensity float64 `json:"propensity"`
	landscape.Components
}

// New returns the JSON shape of res; d, when not nil, is the derivation
// of the problem from a world.
func New(res *landscape.Result, d *landscape.Derived) *Output {
	p := res.Problem
	out := &Output{Coalitions: res.K, Method: "anneal", Heuristic: res.Method, Configurations: res.Configurations,
		Truncated: res.Truncated, Basins: res.Basins, GlobalTies: res.GlobalTies}
	if res.Method == landscape.SearchExact {
		out.Method, out.Heuristic = "exact", ""
	}
	for i, n := range p.Names {
		a := Actor{Name: n, Size: p.Sizes[i]}
		if d != nil {
			a.CCode = d.CCodes[i]
		}
		out.Actors = append(out.Actors, a)
	}
	conv := func(m landscape.Minimum) Minimum {
		lm := Minimum{Energy: m.Energy, Sides: m.Coalitions(p), Basin: world.Missing(), BasinCount: m.BasinCount,
			Frustration: m.Frustration}
		if !math.IsNaN(m.Basin) {
			lm.Basin = world.Known(m.Basin)
		}
		for i, f := range m.Frustration {
			lm.Weighted = append(lm.Weighted, p.Sizes[i]*f)
		}
		return lm
	}
	out.Global = conv(res.Global)
	out.Minima = []Minimum{}
	for _, m := range res.Minima {
		out.Minima = append(out.Minima, conv(m))
	}
	if d != nil {
		wt := d.Weights
		out.Weights = &wt
		out.Notes = d.Notes
		n := p.N()
		for i := range n {
			for j := i + 1; j < n; j++ {
				out.Components = append(out.Components, Components{A: p.Names[i], B: p.Names[j],
					Propensity: p.At(i, j), Components: d.Components[i*n+j]})
			}
		}
	}
	return out
}
