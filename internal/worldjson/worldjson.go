// Package worldjson is the JSON shape of a World, shared by the CLI's
// "entente world --format json" and the HTTP API's /api/world, so that both
// front ends write one shape from one encoder:
//
//	{"year": 1914, "as_of": "1914-12-31", "states": [{"ccode", "name", "cinc", ...}],
//	 "alliances": [{"id", "name", "members", "obligations", ...}], "coverage": [...]}
//
// Alliance members are those in force in the World's year.
package worldjson

import (
	"encoding/json"
	"io"

	"github.com/entente/entente/world"
)

// World is the stable JSON shape of a world.World.
type World struct {
	Year         int                 `json:"year"`
	AsOf         world.Date          `json:"as_of"`
	Name         string              `json:"name,omitempty"`
	States       []State             `json:"states"`
	Alliances    []Alliance          `json:"alliances"`
	Partnerships []world.Partnership `json:"partnerships,omitempty"`
	Coverage     []world.Coverage    `json:"coverage,omitempty"`
}

// State is one state of World.
type State struct {
	CCode      int              `json:"ccode"`
	Abbrev     string           `json:"abbrev,omitempty"`
	Name       string           `json:"name"`
	GWCode     int              `json:"gwcode,omitempty"`
	ISO3       string           `json:"iso3,omitempty"`
	Major      bool             `json:"major"`
	CINC       world.Value      `json:"cinc"`
	Capability world.Capability `json:"capability"`
	Capital    world.Capital    `json:"capital"`
}

// Alliance is one alliance of World with its members in the World's year.
type Alliance struct {
	ID          string            `json:"id"`
	Name        string            `json:"name,omitempty"`
	Formal      bool              `json:"formal"`
	Obligations world.Obligations `json:"obligations"`
	Start       world.Date        `json:"start"`
	End         world.Date        `json:"end"`
	Members     []int             `json:"members"`
	Structure   world.Structure   `json:"structure,omitempty"`
	KeyArticle  string            `json:"key_article,omitempty"`
}

// View returns the JSON shape of w.
func View(w *world.World) World {
	out := World{Year: w.Year, AsOf: w.AsOf, Name: w.Name,
		States: make([]State, 0, len(w.States)), Alliances: make([]Alliance, 0, len(w.Alliances)),
		Partnerships: w.Partnerships, Coverage: w.Coverage}
	for _, s := range w.States {
		out.States = append(out.States, State{CCode: s.CCode, Abbrev: s.Abbrev, Name: s.Name,
			GWCode: s.GWCode, ISO3: s.ISO3, Major: s.Major, CINC: s.Capability.CINC,
			Capability: s.Capability, Capital: s.Capital})
	}
	for i := range w.Alliances {
		a := &w.Alliances[i]
		members := a.MembersIn(w.Year)
		if members == nil {
			members = []int{}
		}
		out.Alliances = append(out.Alliances, Alliance{ID: a.ID, Name: a.Name, Formal: a.Formal,
			Obligations: a.Obligations, Start: a.Spell.Start, End: a.Spell.End, Members: members,
			Structure: a.Structure, KeyArticle: a.KeyArticle})
	}
	return out
}

// Write writes v as indented JSON, the way every entente front end writes
// JSON.
func Write(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
