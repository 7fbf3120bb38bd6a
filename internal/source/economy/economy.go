// Package economy reads the GDP, population and surplus domestic product
// estimates of Anders, Fariss & Markowitz (2020, "Bread Before Guns or
// Butter: Introducing Surplus Domestic Product (SDP)", International
// Studies Quarterly 64(2): 392–405) by COW state-year, as peacesciencer
// (Miller 2022) distributes them in cow_sdp_gdp.rda:
//
//	"ccode","year","wbgdp2011est","wbpopest","sdpest","wbgdppc2011est"
//	2,1800,22.963,15.456,22.042,7.507
//
// Every value in the file is a natural logarithm, rounded to 3 decimals:
// GDP in 2011 US dollars (purchasing-power adjusted), population in
// persons, SDP in 2011 US dollars, GDP per capita in 2011 US dollars. The
// USA's 1800 GDP, 22.963, is e^22.963 ≈ 9.4 billion dollars.
//
// Read exposes levels, not logs: StateYear's GDP, Population, SDP and
// GDPPerCapita are e raised to the file's value, in US dollars and persons.
// The 3-decimal rounding of the logs bounds their relative error by
// e^0.0005 − 1 ≈ 0.05%. The logs are kept beside them for models that
// want them (Log*). Empty cells are missing; coverage is 1800–2016.
package economy

import (
	"math"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// StateYear is one state's economy in one year. Levels are in 2011 US
// dollars and persons; Log* are the file's natural logs.
type StateYear struct {
	CCode, Year  int
	GDP          world.Value // 2011 US$
	Population   world.Value // persons
	SDP          world.Value // surplus domestic product, 2011 US$
	GDPPerCapita world.Value // 2011 US$ per person

	LogGDP, LogPopulation, LogSDP, LogGDPPerCapita world.Value
}

// Read reads the economy file.
func Read(path string) ([]StateYear, error) { return table.ReadFile(path, table.Options{}, read) }

func read(r *table.Reader) ([]StateYear, error) {
	if err := r.Require("ccode", "year", "wbgdp2011est", "wbpopest", "sdpest", "wbgdppc2011est"); err != nil {
		return nil, err
	}
	var out []StateYear
	for r.Next() {
		s := StateYear{CCode: r.IntIn("ccode", 1, 999), Year: r.IntIn("year", 1700, 2100)}
		s.LogGDP, s.GDP = logLevel(r, "wbgdp2011est")
		s.LogPopulation, s.Population = logLevel(r, "wbpopest")
		s.LogSDP, s.SDP = logLevel(r, "sdpest")
		s.LogGDPPerCapita, s.GDPPerCapita = logLevel(r, "wbgdppc2011est")
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, s)
	}
	return out, r.Err()
}

// maxLog bounds a log the file may hold: e^40 ≈ 2.4e17, a thousand times
// the world's GDP in 2011 dollars.
const maxLog = 40

// logLevel reads a natural log in [0, maxLog] and returns it and its level.
func logLevel(r *table.Reader, col string) (log, level world.Value) {
	v := r.Value(col)
	if v.IsMissing() {
		return v, v
	}
	if v < 0 || v > maxLog {
		r.Fail(col, "a natural log in [0, 40] or empty", table.ErrRange)
		return world.Missing(), world.Missing()
	}
	return v, world.Known(math.Exp(float64(v)))
}
