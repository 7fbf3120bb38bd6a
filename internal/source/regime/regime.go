// Package regime reads regime-type scores by COW state-year, as
// peacesciencer (Miller 2022) distributed them in ccode_democracy.rda:
//
//	"ccode","year","v2x_polyarchy","polity2","xm_qudsest"
//	2,1816,0.367,9,0.707117469757593
//
// Three measures, each empty where its source has no value:
//
//   - v2x_polyarchy: V-Dem's electoral democracy index, 0..1 (Coppedge et
//     al., V-Dem Dataset);
//   - polity2: the Polity IV/5 combined score, −10..10 (Marshall, Gurr &
//     Jaggers, Polity IV/5 Project);
//   - xm_qudsest: Márquez's extension of the Unified Democracy Scores, a
//     latent scale centred near 0 (Márquez 2016, SSRN 2753830).
//
// Coverage is 1816–2020; a state-year outside it, or without a row, is
// missing for every measure.
package regime

import (
	"fmt"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// StateYear is the regime scores of one state in one year.
type StateYear struct {
	CCode     int
	Year      int
	Polyarchy world.Value // V-Dem v2x_polyarchy, 0..1
	Polity2   world.Value // Polity polity2, −10..10
	UDS       world.Value // Márquez xm_qudsest
}

// Read reads the regime file.
func Read(path string) ([]StateYear, error) { return table.ReadFile(path, table.Options{}, read) }

func read(r *table.Reader) ([]StateYear, error) {
	if err := r.Require("ccode", "year", "v2x_polyarchy", "polity2", "xm_qudsest"); err != nil {
		return nil, err
	}
	var out []StateYear
	for r.Next() {
		s := StateYear{CCode: r.IntIn("ccode", 1, 999), Year: r.IntIn("year", 1800, 2100)}
		s.Polyarchy = in(r, "v2x_polyarchy", 0, 1)
		s.Polity2 = in(r, "polity2", -10, 10)
		s.UDS = in(r, "xm_qudsest", -10, 10)
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, s)
	}
	return out, r.Err()
}

// in reads an optional number in [lo, hi].
func in(r *table.Reader, col string, lo, hi float64) world.Value {
	v := r.Value(col)
	if v.OK() && (float64(v) < lo || float64(v) > hi) {
		r.Fail(col, fmt.Sprintf("a number in [%g, %g] or empty", lo, hi), table.ErrRange)
		return world.Missing()
	}
	return v
}
