package panel

import (
	"github.com/entente/entente/similarity"
	"github.com/entente/entente/world"
)

// dyadKeys are the key columns of every dyad-year panel.
var dyadKeys = []variable{
	codeKey("ccode1", "COW state code of the first state.", func(yc *yearCtx) []int16 { return yc.p1 }),
	codeKey("ccode2", "COW state code of the second state.", func(yc *yearCtx) []int16 { return yc.p2 }),
	yearKey,
}

// codeKey is a key column holding the COW codes of the members at the
// positions rows returns.
func codeKey(name, desc string, rows func(yc *yearCtx) []int16) variable {
	return variable{Column: Column{Name: name, Kind: Int, Description: desc, Source: "cow-states"},
		fill: func(yc *yearCtx, v *Vec) {
			for r, i := range rows(yc) {
				v.I[r] = int64(yc.members[i])
			}
		}}
}

// yearKey is the year column of every panel.
var yearKey = variable{Column: Column{Name: "year", Kind: Int, Description: "Year.", Source: "cow-states"},
	fill: func(yc *yearCtx, v *Vec) {
		for r := range v.I {
			v.I[r] = int64(yc.year)
		}
	}}

// dyadVars is the registry of dyad-year variables, in output order.
var dyadVars = append(buildDyadVars(), secondWaveDyadVars()...)

func buildDyadVars() []variable {
	var vs []variable
	cowFlags := []struct {
		name string
		o    world.Obligation
		what string
	}{
		{"cow_defense", world.Defense, "a defense pact"},
		{"cow_neutrality", world.Neutrality, "a neutrality pledge"},
		{"cow_nonaggression", world.Nonaggression, "a nonaggression pledge"},
		{"cow_entente", world.Entente, "an entente (consultation) pledge"},
	}
	for _, f := range cowFlags {
		vs = append(vs, variable{
			Column: Column{Name: f.name, Kind: Int, Unit: "0/1", Source: "cow-alliances",
				From: COWAllianceFrom, To: COWAllianceTo,
				Description: "1 when ccode1 has " + f.what + " towards ccode2 in a COW formal alliance in force in the year (directed: ccode1's pledge; non-directed: either state's), from the expansion of COW's member-level spells: two members of an alliance are bound in a year when both their membership spells overlap it (began in or before the year, had not ended before it began), the rule COW's directed dyad file follows.",
				Missing:     "when the pledge flag is empty in the COW member file for an alliance binding the dyad and no other alliance sets it."},
			need: needCOW, fill: cowFill(f.o)})
	}
	atopFlags := []struct {
		name string
		o    world.Obligation
		what string
	}{
		{"atop_defense", world.Defense, "defense"},
		{"atop_offense", world.Offense, "offense"},
		{"atop_neutral", world.Neutrality, "neutrality"},
		{"atop_nonagg", world.Nonaggression, "nonaggression"},
		{"atop_consul", world.Consultation, "consultation"},
	}
	for _, f := range atopFlags {
		vs = append(vs, variable{
			Column: Column{Name: f.name, Kind: Int, Unit: "0/1", Source: "atop-ddyr-peacesciencer",
				From: ATOPFrom, To: ATOPTo,
				Description: "1 when ccode1 has an ATOP " + f.what + " obligation towards ccode2 in the year (ATOP 5.1 directed dyad-year file; non-directed: the maximum over both directions); 0 when the dyad-year is absent from the file."},
			need: needATOP, fill: atopFill(f.o)})
	}
	vs = append(vs,
		variable{Column: Column{Name: "cowmaj1", Kind: Bool, Unit: "0/1", Source: "cow-states", From: SystemFrom, To: SystemTo,
			Description: "1 when ccode1 is a COW major power in the year (a major-power spell overlaps the year)."},
			need: needMajors, fill: majorFill(1)},
		variable{Column: Column{Name: "cowmaj2", Kind: Bool, Unit: "0/1", Source: "cow-states", From: SystemFrom, To: SystemTo,
			Description: "1 when ccode2 is a COW major power in the year."},
			need: needMajors, fill: majorFill(2)},
	)
	for _, c := range capabilityComponents {
		for side := 1; side <= 2; side++ {
			name := c.name + string(rune('0'+side))
			vs = append(vs, variable{
				Column: Column{Name: name, Kind: Float, Unit: c.unit, Source: "nmc", From: NMCFrom, To: NMCTo,
					Description: "NMC " + c.what + " of ccode" + string(rune('0'+side)) + ".",
					Missing:     "when NMC codes it -9 or has no row for the state-year."},
				need: needNMC, fill: capFill(side, c.get)})
		}
	}
	vs = append(vs,
		variable{Column: Column{Name: "conttype", Kind: Int, Unit: "0 none, 1 land, 2 ≤12 mi, 3 ≤24 mi, 4 ≤150 mi, 5 ≤400 mi of water",
			Source: "cow-contiguity", From: ContiguityFrom, To: ContiguityTo,
			Description: "COW direct contiguity type of the dyad in the year (contdird.csv); the lowest type when the file lists two for the year (the contiguity changed); 0 when the dyad-year is absent from the file. Not ordinal."},
			need: needContiguity, fill: contFill},
		variable{Column: Column{Name: "capdist_km", Kind: Float, Unit: "km", Source: "capitals-peacesciencer", From: CapitalsFrom, To: CapitalsTo,
			Description: "Great-circle (haversine, Earth radius 6371.0088 km) distance between the capitals in force in the year (the capital in force for most days of the year, the rule of history and internal/source/geo; capitals geocoded by peacesciencer)."},
			need: needCapitals, fill: capdistFill},
		variable{Column: Column{Name: "mindist_km", Kind: Float, Unit: "km", Source: "mindist-peacesciencer", From: MinDistFrom, To: MinDistTo,
			Description: "Minimum distance between the two states' territories (CShapes 2.0, as computed by peacesciencer; 0 when touching). The file lists each pair once a year (ccode1 < ccode2); both orders carry its value.",
			Missing:     "when the dyad-year is absent from the file."},
			need: needMinDist, fill: mindistFill},
		variable{Column: Column{Name: "gmlmidonset", Kind: Int, Unit: "0/1", Source: "gml-mid", From: GMLFrom, To: GMLTo,
			Description: "1 when a militarized interstate dispute between the two states began in the year (GML MID 2.1.1 dyad-years, any dispute)."},
			need: needGML, fill: gmlFill(0)},
		variable{Column: Column{Name: "gmlmidongoing", Kind: Int, Unit: "0/1", Source: "gml-mid", From: GMLFrom, To: GMLTo,
			Description: "1 when a militarized interstate dispute between the two states was ongoing in the year (GML MID 2.1.1)."},
			need: needGML, fill: gmlFill(1)},
		variable{Column: Column{Name: "gmlhostlev", Kind: Int, Unit: "0 no dispute, 1 none, 2 threat, 3 display, 4 use of force, 5 war", Source: "gml-mid", From: GMLFrom, To: GMLTo,
			Description: "Highest hostility level reached by either state in any dispute of the dyad in the year: the maximum of hostlev1 and hostlev2 over the dyad-year's GML rows; 0 when there was no dispute."},
			need: needGML, fill: gmlFill(2)},
	)
	sims := []struct {
		name, what string
		get        func(m *similarity.Measures) world.Value
		extra      need
	}{
		{"sim_taub", "Kendall's tau-b (Bueno de Mesquita 1975)", func(m *similarity.Measures) world.Value { return m.TauB }, 0},
		{"sim_s", "Signorino–Ritter S, absolute distance, unit weights", func(m *similarity.Measures) world.Value { return m.S }, 0},
		{"sim_s_cinc", "Signorino–Ritter S, absolute distance, weighted by each member's CINC (members without CINC dropped)", func(m *similarity.Measures) world.Value { return m.SCINC }, needNMC},
		{"sim_s_sq", "Signorino–Ritter S, squared distance, unit weights", func(m *similarity.Measures) world.Value { return m.SSq }, 0},
		{"sim_kappa", "Cohen's kappa (Häge 2011)", func(m *similarity.Measures) world.Value { return m.Kappa }, 0},
		{"sim_pi", "Scott's pi (Häge 2011)", func(m *similarity.Measures) world.Value { return m.Pi }, 0},
	}
	for _, s := range sims {
		get := s.get
		vs = append(vs, variable{
			Column: Column{Name: s.name, Kind: Float, Unit: "-1..1", Source: "atop-ddyr-peacesciencer+cow-states",
				From: ATOPFrom, To: ATOPTo,
				Description: "Alliance-portfolio similarity of the two states: " + s.what + ", over the portfolios of ties to every system member in the year, levels 0..3 under the chosen valuation, each state's tie with itself at the top level (see docs/similarity.md).",
				Missing:     "when undefined (a zero denominator, such as a constant portfolio)."},
			need: needATOP | s.extra | simNeed,
			fill: func(yc *yearCtx, v *Vec) {
				for r := range yc.sim {
					v.F[r] = float64(get(&yc.sim[r]))
				}
			}})
	}
	return vs
}

// DyadVariables returns the names of the dyad-year variables, in output
// order.
func DyadVariables() []string { return names(dyadVars) }

func names(vs []variable) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Name
	}
	return out
}

func setBool(v *Vec, r int, on bool) {
	if on {
		v.I[r] = 1
	} else {
		v.I[r] = 0
	}
}

func cowFill(o world.Obligation) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		if yc.cowSet == nil {
			v.AllNull()
			return
		}
		n := yc.n
		for r := range yc.p1 {
			ij := int(yc.p1[r])*n + int(yc.p2[r])
			set, unk := yc.cowSet[ij], yc.cowUnk[ij]
			if yc.opt.Nondirected {
				ji := int(yc.p2[r])*n + int(yc.p1[r])
				set, unk = set|yc.cowSet[ji], unk|yc.cowUnk[ji]
			}
			switch {
			case set.Has(o):
				v.I[r] = 1
			case unk.Has(o):
				v.SetNull(r)
			}
		}
	}
}

func atopFill(o world.Obligation) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		if yc.atop == nil {
			v.AllNull()
			return
		}
		n := yc.n
		for r := range yc.p1 {
			ob := yc.atop[int(yc.p1[r])*n+int(yc.p2[r])]
			if yc.opt.Nondirected {
				ob |= yc.atop[int(yc.p2[r])*n+int(yc.p1[r])]
			}
			setBool(v, r, ob.Has(o))
		}
	}
}

func majorFill(side int) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		p := yc.p1
		if side == 2 {
			p = yc.p2
		}
		for r, i := range p {
			setBool(v, r, yc.major[i])
		}
	}
}

func capFill(side int, get func(*world.Capability) world.Value) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		p := yc.p1
		if side == 2 {
			p = yc.p2
		}
		for r, i := range p {
			v.F[r] = float64(get(&yc.caps[i]))
		}
	}
}

func contFill(yc *yearCtx, v *Vec) {
	if yc.cont == nil {
		v.AllNull()
		return
	}
	n := yc.n
	for r := range yc.p1 {
		v.I[r] = int64(yc.cont[int(yc.p1[r])*n+int(yc.p2[r])])
	}
}

func capdistFill(yc *yearCtx, v *Vec) {
	if yc.capitals == nil {
		v.AllNull()
		return
	}
	// The distance is symmetric: compute each pair once.
	n := yc.n
	km := make([]float64, n*n)
	for r := range yc.p1 {
		i, j := int(yc.p1[r]), int(yc.p2[r])
		if j < i {
			i, j = j, i
		}
		d := km[i*n+j]
		if d == 0 { // not computed yet (or two capitals in one place)
			a, b := &yc.capitals[i], &yc.capitals[j]
			d = float64(world.GreatCircleKm(a.Lat, a.Lon, b.Lat, b.Lon))
			km[i*n+j] = d
		}
		v.F[r] = d
	}
}

func mindistFill(yc *yearCtx, v *Vec) {
	if yc.mindist == nil {
		v.AllNull()
		return
	}
	n := yc.n
	for r := range yc.p1 {
		v.F[r] = yc.mindist[int(yc.p1[r])*n+int(yc.p2[r])]
	}
}

func gmlFill(what int) func(*yearCtx, *Vec) {
	return func(yc *yearCtx, v *Vec) {
		if yc.gmlOn == nil {
			v.AllNull()
			return
		}
		n := yc.n
		for r := range yc.p1 {
			ij := int(yc.p1[r])*n + int(yc.p2[r])
			switch what {
			case 0:
				setBool(v, r, yc.gmlOn[ij])
			case 1:
				setBool(v, r, yc.gmlOng[ij])
			default:
				v.I[r] = int64(yc.gmlHost[ij])
			}
		}
	}
}
