package panel

import (
	"math"

	"github.com/entente/entente/capability"
	"github.com/entente/entente/world"
)

// The variables of the second-wave sources: regime type, GDP and SDP,
// territorial threat, leaders, wars, rivalries, trade and IGOs. They read
// history's tables directly (history loads every source), so they need no
// per-year matrix of their own; each is missing outside its source's
// coverage.

// stateSeries is a state-year series of history, aligned with the year's
// members.
type stateSeries struct {
	name, unit, what, source string
	from, to                 *int
	missing                  string
	get                      func(yc *yearCtx) []world.Value
	kind                     Kind // Float, or Int for 0/1 series
}

func secondWaveSeries() []stateSeries {
	demo := func(f func(d *world.Democracy) world.Value) func(yc *yearCtx) []world.Value {
		return func(yc *yearCtx) []world.Value {
			ds := yc.h.Democracy(yc.year)
			out := make([]world.Value, len(ds))
			for i := range ds {
				out[i] = f(&ds[i])
			}
			return out
		}
	}
	const noRow = "when the source has no value for the state-year (an empty cell or no row)."
	return []stateSeries{
		{"v2x_polyarchy", "0..1", "V-Dem electoral democracy index (v2x_polyarchy)", "democracy-peacesciencer", &RegimeFrom, &RegimeTo, noRow,
			demo(func(d *world.Democracy) world.Value { return d.Polyarchy }), Float},
		{"polity2", "-10..10", "Polity2 combined democracy–autocracy score", "democracy-peacesciencer", &RegimeFrom, &RegimeTo, noRow,
			demo(func(d *world.Democracy) world.Value { return d.Polity2 }), Float},
		{"xm_qudsest", "latent scale", "Márquez's extension of the Unified Democracy Scores (xm_qudsest)", "democracy-peacesciencer", &RegimeFrom, &RegimeTo, noRow,
			demo(func(d *world.Democracy) world.Value { return d.UDS }), Float},
		{"gdp", "2011 US dollars", "GDP (Anders, Fariss & Markowitz 2020): the level e^x of the file's natural log wbgdp2011est", "sdp-peacesciencer", &EconomyFrom, &EconomyTo, noRow,
			func(yc *yearCtx) []world.Value { return yc.h.GDP(yc.year) }, Float},
		{"sdp", "2011 US dollars", "surplus domestic product (Anders, Fariss & Markowitz 2020): the level e^x of the file's natural log sdpest", "sdp-peacesciencer", &EconomyFrom, &EconomyTo, noRow,
			func(yc *yearCtx) []world.Value { return yc.h.SDP(yc.year) }, Float},
		{"pop", "people", "population (Anders, Fariss & Markowitz 2020): the level e^x of the file's natural log wbpopest", "sdp-peacesciencer", &EconomyFrom, &EconomyTo, noRow,
			func(yc *yearCtx) []world.Value { return yc.h.Population(yc.year) }, Float},
		{"power_gdp", "share of the system", "share of the system's GDP (Anders, Fariss & Markowitz 2020, 2011 US dollars) over the members with one, a power index beside CINC (docs/power.md)", "sdp-peacesciencer", &EconomyFrom, &EconomyTo, noRow,
			powerShare(capability.GDP), Float},
		{"power_sdp", "share of the system", "share of the system's surplus domestic product (Anders, Fariss & Markowitz 2020) over the members with one, a power index beside CINC (docs/power.md)", "sdp-peacesciencer", &EconomyFrom, &EconomyTo, noRow,
			powerShare(capability.SDP), Float},
		{"power_beckley", "share of the system", "share of the system's GDP × GDP per capita (Beckley 2018; GDP and population of Anders, Fariss & Markowitz 2020) over the members with both, a power index beside CINC (docs/power.md)", "sdp-peacesciencer", &EconomyFrom, &EconomyTo, noRow,
			powerShare(capability.Beckley), Float},
		{"terrthreat", "latent scale", "latent external territorial threat (Miller 2022, lterrthreat)", "terrthreat-peacesciencer", &TerritoryFrom, &TerritoryTo, noRow,
			func(yc *yearCtx) []world.Value { return yc.h.TerritorialThreat(yc.year) }, Float},
		{"leader_change", "0/1", "1 when a leader took office in the year after an earlier leader of the state (Archigos; Gleditsch–Ward codes through the crosswalk of the year)", "archigos-peacesciencer", &LeadersFrom, &LeadersTo,
			"when Archigos has no leader of the state in the year.",
			func(yc *yearCtx) []world.Value { return yc.h.LeaderChanged(yc.year) }, Int},
	}
}

// powerShare returns each member's share of the system's power under p
// (GDP, SDP or Beckley's GDP × GDP per capita): capability.Shares over the
// members of the year with a value; missing where the state has none.
func powerShare(p capability.Power) func(yc *yearCtx) []world.Value {
	return func(yc *yearCtx) []world.Value {
		gdp := yc.h.GDP(yc.year)
		levels := make([]world.Value, len(gdp))
		switch p {
		case capability.GDP:
			copy(levels, gdp)
		case capability.SDP:
			copy(levels, yc.h.SDP(yc.year))
		case capability.Beckley:
			pop := yc.h.Population(yc.year)
			for i := range levels {
				levels[i] = capability.BeckleyLevel(gdp[i], pop[i])
			}
		}
		return capability.Shares(levels)
	}
}

// seriesFill writes a state series for the members at side's positions.
func seriesFill(s stateSeries, side int) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		if yc.year < *s.from || yc.year > *s.to {
			v.AllNull()
			return
		}
		vals := s.get(yc)
		p := yc.p1
		if side == 2 {
			p = yc.p2
		}
		for r, i := range p {
			switch {
			case v.Kind == Float:
				v.F[r] = float64(vals[i])
			case vals[i].IsMissing():
				v.SetNull(r)
			default:
				v.I[r] = int64(vals[i])
			}
		}
	}
}

// secondWaveStateVars are the state-year variables of the second wave.
func secondWaveStateVars() []variable {
	var vs []variable
	for _, s := range secondWaveSeries() {
		vs = append(vs, variable{Column: Column{Name: s.name, Kind: s.kind, Unit: s.unit, Source: s.source,
			From: *s.from, To: *s.to, Description: upper(s.what) + ".", Missing: s.missing}, fill: seriesFill(s, 1)})
	}
	vs = append(vs,
		variable{Column: Column{Name: "war_ongoing", Kind: Int, Unit: "0/1", Source: "cow-war-peacesciencer+war-rsh", From: WarsFrom, To: WarsTo,
			Description: "1 when the state fought in a COW inter-state war in the year (its participation spans the year)."},
			fill: stateWarFill(false)},
		variable{Column: Column{Name: "war_onset", Kind: Int, Unit: "0/1", Source: "cow-war-peacesciencer+war-rsh", From: WarsFrom, To: WarsTo,
			Description: "1 when the state entered a COW inter-state war in the year."},
			fill: stateWarFill(true)},
		variable{Column: Column{Name: "nrivals", Kind: Int, Unit: "states", Source: "td-rivalries-peacesciencer", From: RivalriesFrom, To: RivalriesTo,
			Description: "Number of Thompson–Dreyer strategic rivalries of the state in force in the year."},
			fill: nrivalsFill},
	)
	return vs
}

// secondWaveDyadVars are the dyad-year variables of the second wave.
func secondWaveDyadVars() []variable {
	var vs []variable
	for _, s := range secondWaveSeries() {
		for side := 1; side <= 2; side++ {
			name := s.name + string(rune('0'+side))
			if s.name == "polity2" {
				name = "polity2_" + string(rune('0'+side)) // polity21 would read as twenty-one
			}
			vs = append(vs, variable{Column: Column{Name: name, Kind: s.kind, Unit: s.unit, Source: s.source,
				From: *s.from, To: *s.to, Description: upper(s.what) + " of ccode" + string(rune('0'+side)) + ".", Missing: s.missing},
				fill: seriesFill(s, side)})
		}
	}
	const wars = "cow-war-peacesciencer+war-rsh"
	vs = append(vs,
		variable{Column: Column{Name: "trade_flow12", Kind: Float, Unit: "millions of current US dollars", Source: "cow-trade-peacesciencer", From: TradeFrom, To: TradeTo,
			Description: "Trade flowing from ccode1 to ccode2: the imports of ccode2 from ccode1 (COW Dyadic Trade v4.0; peacesciencer's flow2 when ccode1 < ccode2).",
			Missing:     "when COW leaves the flow empty or has no row for the dyad-year (never read as 0)."},
			fill: tradeFill(false)},
		variable{Column: Column{Name: "trade_flow21", Kind: Float, Unit: "millions of current US dollars", Source: "cow-trade-peacesciencer", From: TradeFrom, To: TradeTo,
			Description: "Trade flowing from ccode2 to ccode1: the imports of ccode1 from ccode2 (peacesciencer's flow1 when ccode1 < ccode2).",
			Missing:     "when COW leaves the flow empty or has no row for the dyad-year (never read as 0)."},
			fill: tradeFill(true)},
		variable{Column: Column{Name: "igo_shared", Kind: Int, Unit: "IGOs", Source: "cow-igo-peacesciencer", From: IGOFrom, To: IGOTo,
			Description: "Number of intergovernmental organizations in which both states are full members (COW IGO v3.0, dyadigos).",
			Missing:     "when the dyad-year is absent from the file."},
			fill: igoFill},
		variable{Column: Column{Name: "rivalry", Kind: Int, Unit: "0/1", Source: "td-rivalries-peacesciencer", From: RivalriesFrom, To: RivalriesTo,
			Description: "1 when a Thompson–Dreyer strategic rivalry between the two states is in force in the year (styear ≤ year ≤ endyear)."},
			fill: rivalryFill(false)},
		variable{Column: Column{Name: "rivalry_type", Kind: Int, Unit: "bits: 1 spatial, 2 positional, 4 ideological, 8 interventionary; 0 no rivalry", Source: "td-rivalries-peacesciencer", From: RivalriesFrom, To: RivalriesTo,
			Description: "Types of the rivalries in force between the two states in the year, as a sum of bits (a rivalry has one to three types)."},
			fill: rivalryFill(true)},
		variable{Column: Column{Name: "war_onset", Kind: Int, Unit: "0/1", Source: "cow-war-peacesciencer", From: WarsFrom, To: WarsTo,
			Description: "1 when a COW inter-state war between the two states began for the dyad in the year (the COW war dyad-year file's cowinteronset, as peacesciencer)."},
			fill: warDyadFill(true)},
		variable{Column: Column{Name: "war_ongoing", Kind: Int, Unit: "0/1", Source: "cow-war-peacesciencer", From: WarsFrom, To: WarsTo,
			Description: "1 when the two states fought each other in a COW inter-state war in the year (the COW war dyad-year file's cowinterongoing, as peacesciencer: only the pairs COW codes as fighting, which is finer than being on opposite sides)."},
			fill: warDyadFill(false)},
		variable{Column: Column{Name: "war_same_side", Kind: Int, Unit: "0/1", Source: wars, From: WarsFrom, To: WarsTo,
			Description: "1 when the two states took part on the same side of a COW war in progress in the year (co-belligerents, whether or not both fought in that very year)."},
			fill: warFill(warSame)},
		variable{Column: Column{Name: "war_opposite_side", Kind: Int, Unit: "0/1", Source: wars, From: WarsFrom, To: WarsTo,
			Description: "1 when the two states took part on opposite sides of a COW war in progress in the year (whether or not both fought in that very year: the USA and Germany in 1916)."},
			fill: warFill(warOpposite)},
	)
	return vs
}

func upper(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func tradeFill(reverse bool) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		if yc.year < TradeFrom || yc.year > TradeTo {
			v.AllNull()
			return
		}
		// flow[i*n+j]: the flow from member i to member j (j's imports
		// from i), scattered from the year's rows: no lookup per row.
		n := yc.n
		flow := make([]float64, n*n)
		for k := range flow {
			flow[k] = math.NaN()
		}
		keys, vals := yc.h.TradeTable().Year(yc.year)
		for i, k := range keys {
			if ab := yc.cell(k.A(), k.B()); ab >= 0 {
				flow[ab] = vals[i].BFromA
				flow[yc.cell(k.B(), k.A())] = vals[i].AFromB
			}
		}
		for r := range yc.p1 {
			i, j := int(yc.p1[r]), int(yc.p2[r])
			if reverse {
				i, j = j, i
			}
			v.F[r] = flow[i*n+j]
		}
	}
}

func igoFill(yc *yearCtx, v *Vec) {
	if yc.year < IGOFrom || yc.year > IGOTo {
		v.AllNull()
		return
	}
	n := yc.n
	shared := make([]int16, n*n)
	for k := range shared {
		shared[k] = -1 // no row: missing
	}
	keys, vals := yc.h.IGOTable().Year(yc.year)
	for i, k := range keys {
		if ab := yc.cell(k.A(), k.B()); ab >= 0 {
			shared[ab], shared[yc.cell(k.B(), k.A())] = vals[i], vals[i]
		}
	}
	for r := range yc.p1 {
		if s := shared[int(yc.p1[r])*n+int(yc.p2[r])]; s >= 0 {
			v.I[r] = int64(s)
		} else {
			v.SetNull(r)
		}
	}
}

var rivalryBits = map[world.RivalryType]int64{world.RivalrySpatial: 1, world.RivalryPositional: 2,
	world.RivalryIdeological: 4, world.RivalryInterventionary: 8}

// rivalryFill writes 0/1 rivalry in force, or with types the bits of its
// types.
func rivalryFill(types bool) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		if yc.year < RivalriesFrom || yc.year > RivalriesTo {
			v.AllNull()
			return
		}
		m := make([]int64, yc.n*yc.n) // by cell
		for _, rv := range yc.h.RivalriesIn(yc.year) {
			var bits int64 = 1
			if types {
				bits = 0
				for _, t := range rv.Types {
					bits |= rivalryBits[t]
				}
			}
			for _, c := range [2]int{yc.cell(rv.A, rv.B), yc.cell(rv.B, rv.A)} {
				if c >= 0 {
					m[c] |= bits
				}
			}
		}
		for r := range yc.p1 {
			v.I[r] = m[int(yc.p1[r])*yc.n+int(yc.p2[r])]
		}
	}
}

func nrivalsFill(yc *yearCtx, v *Vec) {
	if yc.year < RivalriesFrom || yc.year > RivalriesTo {
		v.AllNull()
		return
	}
	count := map[int]int64{}
	for _, rv := range yc.h.RivalriesIn(yc.year) {
		count[rv.A]++
		count[rv.B]++
	}
	for r, i := range yc.p1 {
		v.I[r] = count[yc.members[i]]
	}
}

// Dyadic war relations of the sides of a war.
const (
	warSame = iota
	warOpposite
)

// warDyadFill writes COW's war dyad-years: ongoing, or onset.
func warDyadFill(onset bool) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		t := yc.h.WarDyads()
		if !t.Covers(yc.year) {
			v.AllNull()
			return
		}
		for r := range yc.p1 {
			a, b := yc.members[yc.p1[r]], yc.members[yc.p2[r]]
			d, ok := t.Get(yc.year, a, b)
			if yc.opt.Nondirected {
				e, ok2 := t.Get(yc.year, b, a)
				d.Onset, ok = d.Onset || e.Onset, ok || ok2
			}
			setBool(v, r, ok && (!onset || d.Onset))
		}
	}
}

// warFill writes one dyadic war relation from the wars in progress in the
// year.
func warFill(what int) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		if yc.year < WarsFrom || yc.year > WarsTo {
			v.AllNull()
			return
		}
		on := make([]bool, yc.n*yc.n) // by cell
		y := yc.year
		for _, w := range yc.h.WarsIn(y) {
			for s := range w.Sides {
				for _, p := range w.Sides[s] {
					for t := range w.Sides {
						for _, q := range w.Sides[t] {
							if p.State == q.State {
								continue
							}
							hit := (s == t) == (what == warSame)
							if c := yc.cell(p.State, q.State); hit && c >= 0 {
								on[c] = true
							}
						}
					}
				}
			}
		}
		for r := range yc.p1 {
			setBool(v, r, on[int(yc.p1[r])*yc.n+int(yc.p2[r])])
		}
	}
}

// stateWarFill writes whether the state fought (or, onset, entered) a war
// in the year.
func stateWarFill(onset bool) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		if yc.year < WarsFrom || yc.year > WarsTo {
			v.AllNull()
			return
		}
		on := map[int]bool{}
		for _, w := range yc.h.WarsIn(yc.year) {
			for s := range w.Sides {
				for _, p := range w.Sides[s] {
					if p.Active(yc.year) && (!onset || p.Entered.Year == yc.year) {
						on[p.State] = true
					}
				}
			}
		}
		for r, i := range yc.p1 {
			setBool(v, r, on[yc.members[i]])
		}
	}
}
