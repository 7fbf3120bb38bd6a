// Package terrthreat reads Miller's latent estimates of external
// territorial threat by COW state-year (Miller 2022, "A Random Item
// Response Model of External Territorial Threat, 1816–2010", Journal of
// Global Security Studies 7(4)), as peacesciencer distributes them in
// terrthreat.rda:
//
//	"ccode","year","lterrthreat","sd","lwr","upr","m_lterrthreat","m_sd","m_lwr","m_upr"
//	2,1816,0.267779279778754,0.118952847086449,0.0918218405004447,0.466080553831002,,,,
//
// lterrthreat is the posterior estimate on a latent scale (higher is more
// threatened), sd its standard deviation and lwr–upr its interval; the m_
// columns are the same for an alternative model and are often empty.
// Coverage is 1816–2010.
package terrthreat

import (
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Estimate is a latent estimate with its uncertainty.
type Estimate struct {
	Threat, SD, Lower, Upper world.Value
}

// StateYear is one state's territorial threat in one year.
type StateYear struct {
	CCode, Year int
	Main        Estimate // lterrthreat, sd, lwr, upr; always present
	Alt         Estimate // m_*: the alternative model, often missing
}

// Read reads the territorial threat file.
func Read(path string) ([]StateYear, error) { return table.ReadFile(path, table.Options{}, read) }

func read(r *table.Reader) ([]StateYear, error) {
	if err := r.Require("ccode", "year", "lterrthreat", "sd", "lwr", "upr", "m_lterrthreat", "m_sd", "m_lwr", "m_upr"); err != nil {
		return nil, err
	}
	var out []StateYear
	for r.Next() {
		s := StateYear{CCode: r.IntIn("ccode", 1, 999), Year: r.IntIn("year", 1800, 2100)}
		s.Main = estimate(r, "", true)
		s.Alt = estimate(r, "m_", false)
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, s)
	}
	return out, r.Err()
}

// estimate reads one model's four columns: all present (required), or all
// present or all empty; the interval must contain the estimate and the
// standard deviation must be positive.
func estimate(r *table.Reader, prefix string, required bool) Estimate {
	var e Estimate
	if required {
		e = Estimate{world.Value(r.Float(prefix + "lterrthreat")), world.Value(r.Float(prefix + "sd")),
			world.Value(r.Float(prefix + "lwr")), world.Value(r.Float(prefix + "upr"))}
	} else {
		e = Estimate{r.Value(prefix + "lterrthreat"), r.Value(prefix + "sd"), r.Value(prefix + "lwr"), r.Value(prefix + "upr")}
	}
	if r.Err() != nil {
		return Estimate{world.Missing(), world.Missing(), world.Missing(), world.Missing()}
	}
	n := 0
	for _, v := range []world.Value{e.Threat, e.SD, e.Lower, e.Upper} {
		if v.OK() {
			n++
		}
	}
	switch {
	case n == 0:
	case n < 4:
		r.Fail(prefix+"sd", "all four columns of the estimate, or none", table.ErrMissingValue)
	case e.SD <= 0:
		r.Fail(prefix+"sd", "a positive standard deviation", table.ErrRange)
	case e.Lower > e.Threat || e.Threat > e.Upper:
		r.Fail(prefix+"upr", "an interval containing the estimate", table.ErrRange)
	}
	return e
}
