// Package rivalry reads the Thompson–Dreyer strategic rivalries (Thompson
// & Dreyer 2012, Handbook of International Rivalries, 1494–2010,
// Washington, DC: CQ Press) as peacesciencer (Miller 2022) distributes
// them in td_rivalries.rda:
//
//	"rivalryno","rivalryname","ccode1","ccode2","styear","endyear","region","type1","type2","type3"
//	1,"Austria-France",220,300,1494,1918,"European GPs","spatial","positional",
//
// One row per rivalry, ccode1 < ccode2, years 1494–2010 (an endyear of
// 2010 means ongoing at the end of coverage), with one to three types
// (world.RivalryType), the first the primary, later ones empty when
// absent.
package rivalry

import (
	"fmt"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Read reads the rivalry file.
func Read(path string) ([]world.Rivalry, error) { return table.ReadFile(path, table.Options{}, read) }

var types = map[string]world.RivalryType{
	"spatial": world.RivalrySpatial, "positional": world.RivalryPositional,
	"ideological": world.RivalryIdeological, "interventionary": world.RivalryInterventionary,
}

func read(r *table.Reader) ([]world.Rivalry, error) {
	if err := r.Require("rivalryno", "rivalryname", "ccode1", "ccode2", "styear", "endyear", "region", "type1", "type2", "type3"); err != nil {
		return nil, err
	}
	var out []world.Rivalry
	for r.Next() {
		v := world.Rivalry{ID: r.IntIn("rivalryno", 1, 99999), Name: r.Text("rivalryname"),
			A: r.IntIn("ccode1", 1, 999), B: r.IntIn("ccode2", 1, 999),
			Start: r.IntIn("styear", 1400, 2100), End: r.IntIn("endyear", 1400, 2100), Region: r.Text("region")}
		if r.Err() == nil && v.A >= v.B {
			r.Fail("ccode2", fmt.Sprintf("a ccode above ccode1 (%d)", v.A), table.ErrRange)
		}
		if r.Err() == nil && v.End < v.Start {
			r.Fail("endyear", fmt.Sprintf("a year not before styear %d", v.Start), table.ErrRange)
		}
		gap := false
		for _, col := range []string{"type1", "type2", "type3"} {
			s := r.Text(col)
			if s == "" {
				gap = true
				continue
			}
			t, ok := types[s]
			if r.Err() == nil && (!ok || gap) {
				want := "spatial, positional, ideological or interventionary"
				if gap {
					want = "empty after an empty type"
				}
				r.Fail(col, want, table.ErrRange)
			}
			v.Types = append(v.Types, t)
		}
		if r.Err() == nil && len(v.Types) == 0 {
			r.Fail("type1", "a rivalry type", table.ErrMissingValue)
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, v)
	}
	return out, r.Err()
}
