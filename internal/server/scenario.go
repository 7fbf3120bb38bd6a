package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/entente/entente/capability"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/world"
)

// Scenario is what the store keeps for a saved what-if: a base world and
// edits to it.
//
// The base is the embedded 2024 world (Base 0), the historical world of
// year Base, or the world file in World (YAML, entente/v1; validated with
// the world-file rules, errors naming line and column). Edits apply in
// order.
type Scenario struct {
	Name   string `json:"name"`
	Author string `json:"author"`
	Base   int    `json:"base"`
	World  string `json:"world,omitempty"`
	Edits  []Edit `json:"edits"`
}

// Edit is one change to a world:
//
//	add_member     alliance, state        state joins the alliance in the world's year
//	remove_member  alliance, state        state leaves it
//	suspend        alliance [obligation]  the obligation (all when empty) no longer binds
//	set_milex      state, value           military spending in current US dollars
//	set_hostility  state, other, value    coded hostility of the dyad, 0 (none) to 1 (war)
type Edit struct {
	Op         string   `json:"op"`
	Alliance   string   `json:"alliance,omitempty"`
	State      int      `json:"state,omitempty"`
	Other      int      `json:"other,omitempty"`
	Value      *float64 `json:"value,omitempty"`
	Obligation string   `json:"obligation,omitempty"`
}

// Limits on a scenario, beyond the body size.
const (
	maxEdits       = 1000
	maxNameLen     = 200
	maxWorldStates = 1000
)

// scenarioFile is the name world-file errors of a scenario carry.
const scenarioFile = "scenario.yaml"

// decodeScenario reads a scenario from JSON, rejecting unknown fields.
func decodeScenario(b []byte) (*Scenario, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var sc Scenario
	if err := dec.Decode(&sc); err != nil {
		return nil, badRequest("bad_json", "scenario: %v", err)
	}
	if dec.More() {
		return nil, badRequest("bad_json", "scenario: trailing data after the JSON object")
	}
	sc.Name = strings.TrimSpace(sc.Name)
	switch {
	case sc.Name == "":
		return nil, badRequest("invalid_scenario", "scenario: name is required")
	case len(sc.Name) > maxNameLen || len(sc.Author) > maxNameLen:
		return nil, badRequest("invalid_scenario", "scenario: name and author hold at most %d bytes", maxNameLen)
	case len(sc.Edits) > maxEdits:
		return nil, badRequest("invalid_scenario", "scenario: %d edits, at most %d", len(sc.Edits), maxEdits)
	case sc.World != "" && sc.Base != 0:
		return nil, badRequest("invalid_scenario", "scenario: base and world are exclusive")
	}
	if sc.Edits == nil {
		sc.Edits = []Edit{}
	}
	return &sc, nil
}

// baseWorld returns a fresh copy of the scenario's base world.
func (s *Server) baseWorld(sc *Scenario) (*world.World, error) {
	if sc.World != "" {
		w, err := worldfile.Parse(scenarioFile, []byte(sc.World))
		if err != nil {
			return nil, err
		}
		if len(w.States) > maxWorldStates {
			return nil, badRequest("invalid_world", "%s: %d states, at most %d", scenarioFile, len(w.States), maxWorldStates)
		}
		return w, nil
	}
	e, err := s.worlds.get(sc.Base, s.worldOfYear)
	if err != nil {
		return nil, err
	}
	return clone(e.w), nil
}

// clone returns a copy of w that edits may change without touching w: the
// states, alliances (with their members) and relations are copied; the
// rest, which edits never change, is shared.
func clone(w *world.World) *world.World {
	c := *w
	c.States = append([]world.State(nil), w.States...)
	c.Alliances = append([]world.Alliance(nil), w.Alliances...)
	for i := range c.Alliances {
		c.Alliances[i].Members = append([]world.Member(nil), w.Alliances[i].Members...)
	}
	c.Relations = make(map[world.Dyad]*world.Relation, len(w.Relations))
	for d, r := range w.Relations {
		rc := *r
		c.Relations[d] = &rc
	}
	c.Index()
	return &c
}

// build returns the scenario's world: its base with the edits applied.
func (s *Server) build(sc *Scenario) (*world.World, error) {
	w, err := s.baseWorld(sc)
	if err != nil {
		return nil, err
	}
	fromFile := sc.World != "" || sc.Base == 0
	for i, e := range sc.Edits {
		if err := apply(w, e, fromFile); err != nil {
			return nil, badRequest("invalid_edit", "edits[%d] (%s): %v", i, e.Op, err)
		}
	}
	if w.Name != "" && len(sc.Edits) > 0 {
		w.Name = sc.Name + " (" + w.Name + ", edited)"
	}
	return w, nil
}

func apply(w *world.World, e Edit, fromFile bool) error {
	switch e.Op {
	case "add_member", "remove_member":
		a := findAlliance(w, e.Alliance)
		if a == nil {
			return fmt.Errorf("alliance %q is not in the world", e.Alliance)
		}
		if w.State(e.State) == nil {
			return fmt.Errorf("state %d is not in the world", e.State)
		}
		in := false
		for _, m := range a.Members {
			in = in || (m.CCode == e.State && m.Spell.Overlaps(w.Year))
		}
		if e.Op == "add_member" {
			if in {
				return fmt.Errorf("state %d is already a member of %s", e.State, a.ID)
			}
			a.Members = append(a.Members, world.Member{CCode: e.State, Obligations: a.Obligations,
				Spell: world.Spell{Start: world.D(w.Year, 1, 1)}})
			return nil
		}
		if !in {
			return fmt.Errorf("state %d is not a member of %s in %d", e.State, a.ID, w.Year)
		}
		kept := a.Members[:0]
		for _, m := range a.Members {
			if m.CCode != e.State {
				kept = append(kept, m)
			}
		}
		a.Members = kept
		return nil
	case "suspend":
		a := findAlliance(w, e.Alliance)
		if a == nil {
			return fmt.Errorf("alliance %q is not in the world", e.Alliance)
		}
		if e.Obligation == "" {
			for i := range w.Alliances {
				if &w.Alliances[i] == a {
					w.Alliances = append(w.Alliances[:i], w.Alliances[i+1:]...)
					return nil
				}
			}
		}
		o, err := world.ParseObligation(e.Obligation)
		if err != nil {
			return err
		}
		if !a.Obligations.Has(o) {
			return fmt.Errorf("%s carries no %s obligation", a.ID, e.Obligation)
		}
		a.Obligations &^= world.Obligations(o)
		for i := range a.Members {
			a.Members[i].Obligations &^= world.Obligations(o)
		}
		return nil
	case "set_milex":
		st := w.State(e.State)
		if st == nil {
			return fmt.Errorf("state %d is not in the world", e.State)
		}
		if e.Value == nil || *e.Value < 0 || math.IsNaN(*e.Value) || math.IsInf(*e.Value, 0) {
			return fmt.Errorf("value: want military spending in US dollars, >= 0")
		}
		if fromFile {
			st.MilexUSD = world.Value(*e.Value)
			worldfile.FillCapability(w)
			return nil
		}
		// NMC units: thousands of current US dollars; CINC recomputed
		// over the six components, as history does.
		st.Capability.Milex = world.Value(*e.Value / 1000)
		recomputeCINC(w)
		return nil
	case "set_hostility":
		if w.State(e.State) == nil || w.State(e.Other) == nil || e.State == e.Other {
			return fmt.Errorf("state %d and other %d: want two different states of the world", e.State, e.Other)
		}
		if e.Value == nil || *e.Value < 0 || *e.Value > 1 {
			return fmt.Errorf("value: want hostility in [0,1]")
		}
		r := w.Relation(e.State, e.Other)
		r.Hostility = world.Value(*e.Value)
		r.Toward = nil // the value set holds both ways
		w.SetRelation(r)
		return nil
	}
	return fmt.Errorf("unknown op %q (want add_member, remove_member, suspend, set_milex or set_hostility)", e.Op)
}

// findAlliance finds an alliance by id ("world:nato") or, failing that, by
// its id's key or its name, ignoring case.
func findAlliance(w *world.World, id string) *world.Alliance {
	for i := range w.Alliances {
		if w.Alliances[i].ID == id {
			return &w.Alliances[i]
		}
	}
	for i := range w.Alliances {
		a := &w.Alliances[i]
		_, key, _ := strings.Cut(a.ID, ":")
		if strings.EqualFold(key, id) || (a.Name != "" && strings.EqualFold(a.Name, id)) {
			return a
		}
	}
	return nil
}

// recomputeCINC recomputes each state's CINC from its six NMC components
// (capability.Index, COW's rule).
func recomputeCINC(w *world.World) {
	comps := []func(*world.Capability) world.Value{
		func(c *world.Capability) world.Value { return c.Milex },
		func(c *world.Capability) world.Value { return c.Milper },
		func(c *world.Capability) world.Value { return c.Irst },
		func(c *world.Capability) world.Value { return c.Pec },
		func(c *world.Capability) world.Value { return c.Tpop },
		func(c *world.Capability) world.Value { return c.Upop },
	}
	idx := capability.Index(len(w.States), len(comps), func(i, c int) world.Value {
		return comps[c](&w.States[i].Capability)
	}, nil)
	for i := range w.States {
		w.States[i].Capability.CINC = idx[i]
	}
}
