package simulate

import (
	"context"
	"fmt"

	"github.com/entente/entente/align"
	"github.com/entente/entente/world"
)

// BacktestScenario returns the scenario of a system-level backtest: the
// World of year from (COW alliances, as of 1 January) simulated for
// years years without shocks.
func BacktestScenario(from, years int) (*Scenario, error) {
	src := fmt.Sprintf("entente: %s\nname: backtest-%d\ndescription: the World of %d simulated forward, without shocks\n"+
		"base: {year: %d, date: %d-01-01, alliances: cow}\nyears: %d\n", Format, from, from, from, from, years)
	return ParseScenario(fmt.Sprintf("backtest-%d", from), []byte(src))
}

// BacktestRow compares the simulated system with history at the end of
// one year: the number of alliances in force (two or more members), of
// allied dyads (any obligation) and defence dyads, and the shares of the
// states balancing and bandwagoning. Sim* are means over the runs;
// History* read the World of the year (its COW alliances on 31 December,
// the same counts; the choices are align's predictions on that World).
// States counts the system's members: the simulation keeps the base
// year's.
type BacktestRow struct {
	Year                                 int
	SimAlliances, HistoryAlliances       float64
	SimAlliedDyads, HistoryAlliedDyads   float64
	SimDefenceDyads, HistoryDefenceDyads float64
	SimBalance, HistoryBalance           float64
	SimBandwagon, HistoryBandwagon       float64
	SimStates, HistoryStates             int
	SimNewBalance, SimNewBandwagon       float64 // alliances formed in the year by each rule
}

// Backtest runs runs runs of p (a BacktestScenario) and compares the
// system every step years with the Worlds actual returns.
func Backtest(ctx context.Context, p *Plan, runs int, seed uint64, step int, actual func(year int) (*world.World, error)) ([]BacktestRow, error) {
	sum := p.NewSummarizer()
	nb := make([][2]float64, p.Scenario.Years)
	err := p.Simulate(ctx, seed, 0, runs, 0, func(r *Result) error {
		sum.Add(r)
		for i, y := range r.Years {
			nb[i][0] += float64(y.NewBalance)
			nb[i][1] += float64(y.NewBandwagon)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s := sum.Summary()
	var out []BacktestRow
	for i, y := range s.Years {
		if (i+1)%step != 0 && i != 0 {
			continue
		}
		n := float64(len(p.States))
		row := BacktestRow{Year: y.Year, SimAlliances: y.Alliances, SimAlliedDyads: y.AlliedDyads, SimDefenceDyads: y.DefenceDyads,
			SimBalance: y.Balance / n, SimBandwagon: y.Bandwagon / n, SimStates: len(p.States),
			SimNewBalance: nb[i][0] / float64(runs), SimNewBandwagon: nb[i][1] / float64(runs)}
		w, err := actual(y.Year)
		if err != nil {
			return nil, err
		}
		h, err := Prepare(&Scenario{Name: "history", Base: Base{Year: y.Year, Date: world.D(y.Year, 12, 31), Alliances: p.Scenario.Base.Alliances},
			Years: 1, fields: map[string]Pos{}}, w, p.Config)
		if err != nil {
			return nil, err
		}
		st := newRunState(h)
		copy(st.ties, h.ties)
		st.allies = h.allies
		row.HistoryAlliances = float64(st.countAlliances())
		row.HistoryAlliedDyads, row.HistoryDefenceDyads = float64(h.allied), float64(h.defence)
		row.HistoryStates = len(h.States)
		bal, bw := choiceShares(h.epochs[0].pred)
		row.HistoryBalance, row.HistoryBandwagon = bal, bw
		out = append(out, row)
	}
	return out, nil
}

func choiceShares(ps []align.Prediction) (balance, bandwagon float64) {
	for i := range ps {
		switch choiceOf(&ps[i]) {
		case Balance:
			balance++
		case Bandwagon:
			bandwagon++
		}
	}
	n := float64(max(len(ps), 1))
	return balance / n, bandwagon / n
}
