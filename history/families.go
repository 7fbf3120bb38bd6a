package history

import (
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/entente/entente/internal/dataset"
	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/economy"
	"github.com/entente/entente/internal/source/igo"
	"github.com/entente/entente/internal/source/leader"
	"github.com/entente/entente/internal/source/regime"
	"github.com/entente/entente/internal/source/terrthreat"
	"github.com/entente/entente/internal/source/trade"
	"github.com/entente/entente/internal/source/war"
	"github.com/entente/entente/world"
)

// Unresolved is a row of a source that names a state outside the COW
// state system in the row's year. Open keeps such rows out of the tables
// and lists them (Unresolved) instead of dropping them silently.
type Unresolved struct {
	File  string
	Year  int
	CCode int // the code that does not resolve (a Gleditsch–Ward code for Archigos)
	Other int // the other state of a dyad row; 0 for a state row
}

func (u Unresolved) String() string {
	return fmt.Sprintf("%s: %d: code %d (with %d) is not a COW system member", u.File, u.Year, u.CCode, u.Other)
}

// Trade is the COW trade of a non-directed dyad (A < B) in one year:
// imports of A from B and of B from A, millions of current US dollars,
// NaN where the file's cell is empty.
type Trade struct{ AFromB, BFromA float64 }

// stateYears lays a state-year series over the members of each year:
// set(p, row) fills position p of the year's slices from row. Rows of
// states that are not members that year are skipped: the state-year files
// list every state their sources code, members of the COW system or not.
func stateYears[T any](h *History, rows []T, key func(*T) (ccode, year int), set func(d *yearData, p int, row *T)) {
	for i := range rows {
		c, y := key(&rows[i])
		if y < h.first || y > h.last {
			continue
		}
		p := h.Pos(y, c)
		if p < 0 {
			continue
		}
		set(&h.years[y-h.first], p, &rows[i])
	}
}

func missingValues(n int) []world.Value {
	v := make([]world.Value, n)
	for i := range v {
		v[i] = world.Missing()
	}
	return v
}

// buildRegime aligns V-Dem, Polity2 and UDS with the members.
func (h *History) buildRegime(rows []regime.StateYear) {
	for i := range h.years {
		d := &h.years[i]
		d.democracy = make([]world.Democracy, len(d.members))
		for p := range d.democracy {
			d.democracy[p] = world.Democracy{Polyarchy: world.Missing(), Polity2: world.Missing(), UDS: world.Missing()}
		}
	}
	stateYears(h, rows, func(r *regime.StateYear) (int, int) { return r.CCode, r.Year },
		func(d *yearData, p int, r *regime.StateYear) {
			d.democracy[p] = world.Democracy{Polyarchy: r.Polyarchy, Polity2: r.Polity2, UDS: r.UDS}
		})
}

// buildEconomy aligns GDP, population and SDP (levels) with the members.
func (h *History) buildEconomy(rows []economy.StateYear) {
	for i := range h.years {
		n := len(h.years[i].members)
		h.years[i].gdp, h.years[i].pop, h.years[i].sdp = missingValues(n), missingValues(n), missingValues(n)
	}
	stateYears(h, rows, func(r *economy.StateYear) (int, int) { return r.CCode, r.Year },
		func(d *yearData, p int, r *economy.StateYear) {
			d.gdp[p], d.pop[p], d.sdp[p] = r.GDP, r.Population, r.SDP
		})
}

// buildTerritory aligns Miller's territorial threat with the members.
func (h *History) buildTerritory(rows []terrthreat.StateYear) {
	for i := range h.years {
		h.years[i].terr = missingValues(len(h.years[i].members))
	}
	stateYears(h, rows, func(r *terrthreat.StateYear) (int, int) { return r.CCode, r.Year },
		func(d *yearData, p int, r *terrthreat.StateYear) { d.terr[p] = r.Main.Threat })
}

// buildLeaders lists, per member and year, the Archigos spells in office
// on some day of the year, translating Gleditsch–Ward codes to COW codes
// through world's crosswalk as it stood that year, and marks a leader
// change: a spell that began in the year after an earlier spell of the
// same state. Inside Archigos's coverage a member with no spell has
// missing leaders and change; a spell whose state is not a member is
// reported as Unresolved.
func (h *History) buildLeaders(spells []leader.Spell) {
	lo, hi := leadersFirst, leadersLast
	byState := map[int][]int{} // GW code -> indexes into spells, by start
	for i := range spells {
		byState[spells[i].GWCode] = append(byState[spells[i].GWCode], i)
	}
	for _, idx := range byState {
		slices.SortFunc(idx, func(a, b int) int {
			if spells[a].Start.Before(spells[b].Start) {
				return -1
			}
			if spells[b].Start.Before(spells[a].Start) {
				return 1
			}
			return 0
		})
	}
	for i := range h.years {
		d := &h.years[i]
		d.leaders = make([][]world.Leader, len(d.members))
		d.leaderChange = missingValues(len(d.members))
	}
	h.leaderSpells = spells
	// In code order: the leaders of a state-year and Unresolved come out
	// the same on every run.
	for _, gw := range slices.Sorted(maps.Keys(byState)) {
		idx := byState[gw]
		for k, i := range idx {
			s := &spells[i]
			for y := max(s.Start.Year, h.first, lo); y <= min(s.End.Year, h.last, hi); y++ {
				c, ok := world.COWFromGWIn(gw, y)
				p := -1
				if ok {
					p = h.Pos(y, c)
				}
				if p < 0 {
					h.unresolved = append(h.unresolved, Unresolved{File: FileLeaders, Year: y, CCode: gw})
					continue
				}
				d := &h.years[y-h.first]
				d.leaders[p] = append(d.leaders[p], world.Leader{ID: s.ObsID, Name: s.Leader, Start: s.Start, End: s.End,
					Entry: s.Entry, Exit: s.Exit, ExitCode: s.ExitCode})
				changed := 0.0
				if s.Start.Year == y && k > 0 {
					changed = 1
				}
				if v := d.leaderChange[p]; v.IsMissing() || float64(v) < changed {
					d.leaderChange[p] = world.Known(changed)
				}
			}
		}
	}
}

// loadTrade reads the trade file into an undirected table, streaming the
// rows (the file has 673,654; the catalogue's row count sizes the table).
// Rows naming non-members are checked after the states are built
// (resolveTrade): loading runs in parallel with the states' file.
func (h *History) loadTrade(path string) (*DyadTable[Trade], error) {
	rows := make([]dyadRow[Trade], 0, catalogueRows(FileTrade))
	err := trade.Scan(path, func(r *trade.DyadYear) {
		rows = append(rows, dyadRow[Trade]{r.Year, Key(r.CCode1, r.CCode2), Trade{float64(r.Flow1), float64(r.Flow2)}})
	})
	if err != nil {
		return nil, err
	}
	return buildDyadTable(tradeFirst, tradeLast, false, rows, func(a, _ Trade) Trade { return a }), nil
}

// loadIGO reads the dyadic IGO counts into an undirected table.
func (h *History) loadIGO(path string) (*DyadTable[int16], error) {
	rows := make([]dyadRow[int16], 0, catalogueRows(FileIGO))
	err := igo.Scan(path, func(r *igo.DyadYear) {
		rows = append(rows, dyadRow[int16]{r.Year, Key(r.CCode1, r.CCode2), int16(min(r.Shared, math.MaxInt16))})
	})
	if err != nil {
		return nil, err
	}
	return buildDyadTable(igoFirst, igoLast, false, rows, func(a, _ int16) int16 { return a }), nil
}

// catalogueRows returns the catalogue's row count of file, a capacity.
func catalogueRows(file string) int {
	_, f, _ := dataset.FindFile(file)
	return f.Rows
}

// resolveTrade reports the trade and IGO dyad-years whose states are not
// both members in the year. The tables keep them (a lookup names two
// states, so an unresolved row is never met through World), but Unresolved
// lists them.
func (h *History) resolveTrade() {
	for _, t := range []struct {
		file   string
		loaded bool
		span   func() (int, int)
		year   func(y int) []DyadKey
	}{
		{FileTrade, h.trade != nil, h.trade.Span, func(y int) []DyadKey { k, _ := h.trade.Year(y); return k }},
		{FileIGO, h.igo != nil, h.igo.Span, func(y int) []DyadKey { k, _ := h.igo.Year(y); return k }},
	} {
		if !t.loaded { // left unloaded (Options.Skip)
			continue
		}
		first, last := t.span()
		for y := first; y <= last; y++ {
			for _, k := range t.year(y) {
				h.resolveDyad(t.file, y, k.A(), k.B())
			}
		}
	}
}

func (h *History) resolveDyad(file string, y, a, b int) bool {
	ok := true
	for _, c := range [2]int{a, b} {
		if h.Pos(y, c) < 0 {
			other := a + b - c
			h.unresolved = append(h.unresolved, Unresolved{File: file, Year: y, CCode: c, Other: other})
			ok = false
		}
	}
	return ok
}

// Wars returns every COW inter-state war (v4.0, 95 wars, 1823–2003) with
// its sides, the COW dyad-year file merged with the Reiter–Stam–Horowitz
// participants (war.Build: COW decides who fought on which side; RSH
// dates entry and exit to the day and codes joiners). Sorted by COW war
// number.
func (h *History) Wars() []world.War { return h.wars }

// WarDisagreements returns where the two war files differ and how Build
// settled each point.
func (h *History) WarDisagreements() []war.Disagreement { return h.warDisagree }

// WarsIn returns the wars in progress in year y (some participant fought
// in y). Inside the wars' coverage (1816–2007) an empty result means no
// inter-state war; outside it nothing is known (World.Covered says so).
func (h *History) WarsIn(y int) []*world.War {
	var out []*world.War
	for i := range h.wars {
		if h.wars[i].InProgress(y) {
			out = append(out, &h.wars[i])
		}
	}
	return out
}

// Rivalries returns the Thompson–Dreyer strategic rivalries, by id.
func (h *History) Rivalries() []world.Rivalry { return h.rivalries }

// RivalriesIn returns the rivalries in force in year y.
func (h *History) RivalriesIn(y int) []*world.Rivalry {
	var out []*world.Rivalry
	for i := range h.rivalries {
		if h.rivalries[i].InForce(y) {
			out = append(out, &h.rivalries[i])
		}
	}
	return out
}

// Democracy returns, aligned with Members(y), each member's regime scores
// (V-Dem polyarchy, Polity2, UDS), missing where the source has none.
func (h *History) Democracy(y int) []world.Democracy {
	if d := h.year(y); d != nil {
		return d.democracy
	}
	return nil
}

// GDP returns, aligned with Members(y), GDP in 2011 US dollars (Anders,
// Fariss & Markowitz 2020): the level e^x of the file's natural log x.
func (h *History) GDP(y int) []world.Value {
	return h.series(y, func(d *yearData) []world.Value { return d.gdp })
}

// Population returns, aligned with Members(y), population in persons
// (Anders, Fariss & Markowitz 2020), a level like GDP.
func (h *History) Population(y int) []world.Value {
	return h.series(y, func(d *yearData) []world.Value { return d.pop })
}

// SDP returns, aligned with Members(y), surplus domestic product in 2011
// US dollars (Anders, Fariss & Markowitz 2020), a level like GDP.
func (h *History) SDP(y int) []world.Value {
	return h.series(y, func(d *yearData) []world.Value { return d.sdp })
}

// TerritorialThreat returns, aligned with Members(y), Miller's latent
// territorial threat (lterrthreat), missing outside 1816–2010.
func (h *History) TerritorialThreat(y int) []world.Value {
	return h.series(y, func(d *yearData) []world.Value { return d.terr })
}

// Leaders returns, aligned with Members(y), the Archigos leaders in office
// on some day of y (nil for a member Archigos does not cover that year).
func (h *History) Leaders(y int) [][]world.Leader {
	if d := h.year(y); d != nil {
		return d.leaders
	}
	return nil
}

// LeaderChanged returns, aligned with Members(y), 1 when a leader took
// office in y after an earlier leader of the same state (Archigos), 0
// when none did, missing outside 1840–2015 or for a member Archigos does
// not cover that year.
func (h *History) LeaderChanged(y int) []world.Value {
	return h.series(y, func(d *yearData) []world.Value { return d.leaderChange })
}

func (h *History) series(y int, f func(*yearData) []world.Value) []world.Value {
	if d := h.year(y); d != nil {
		return f(d)
	}
	return nil
}

// TradeTable returns the COW dyadic trade table, undirected (A < B),
// 1870–2014.
func (h *History) TradeTable() *DyadTable[Trade] { return h.trade }

// Imports returns the imports of a from b in year y, millions of current
// US dollars (COW Dyadic Trade v4.0), or missing: outside 1870–2014, for a
// dyad-year without a row, or where COW leaves the flow empty.
func (h *History) Imports(y, a, b int) world.Value {
	t, ok := h.trade.Get(y, a, b)
	if !ok {
		return world.Missing()
	}
	if a < b {
		return world.Value(t.AFromB)
	}
	return world.Value(t.BFromA)
}

// IGOTable returns the COW IGO dyadic counts, undirected, 1816–2014.
func (h *History) IGOTable() *DyadTable[int16] { return h.igo }

// SharedIGOs returns the number of IGOs a and b both belong to in year y,
// or missing outside 1816–2014 and for a dyad-year without a row.
func (h *History) SharedIGOs(y, a, b int) world.Value {
	if n, ok := h.igo.Get(y, a, b); ok {
		return world.Known(float64(n))
	}
	return world.Missing()
}

// Unresolved returns the rows of the trade, IGO and leader files whose
// states are not COW system members in the row's year; Open leaves them
// out of the tables.
func (h *History) Unresolved() []Unresolved { return h.unresolved }

// WarDyadYear is the COW war dyad-year file's record of a directed dyad
// in one year: the two fought each other on opposite sides of Wars wars,
// and one of those began in the year for the dyad when Onset.
type WarDyadYear struct {
	Wars  uint8
	Onset bool
}

func buildWarDyads(dys []war.DyadYear) *DyadTable[WarDyadYear] {
	rows := make([]dyadRow[WarDyadYear], len(dys))
	for i, d := range dys {
		rows[i] = dyadRow[WarDyadYear]{d.Year, Key(d.CCode1, d.CCode2), WarDyadYear{1, d.Onset}}
	}
	return buildDyadTable(warsFirst, warsLast, true, rows, func(a, b WarDyadYear) WarDyadYear {
		return WarDyadYear{a.Wars + b.Wars, a.Onset || b.Onset}
	})
}

// WarDyads returns the COW war dyad-years as a directed table, 1816–2007:
// the pairs COW codes as fighting each other in each year (peacesciencer's
// cowinterongoing and cowinteronset). It is finer than Wars' sides: COW
// lists only the pairs that actually fought, and a state that changed
// sides (Italy in 1943) fights its former allies there. A dyad-year
// without a row inside the span was not at war.
func (h *History) WarDyads() *DyadTable[WarDyadYear] { return h.warDyads }

// ATOPMembers returns the rows of the ATOP v4.0 member-level file, in file
// order, with the fields World's alliances leave out: how and why each
// membership ended (TermMode, TermCause; docs/atop.md), the conditions
// that trigger each obligation, and the provisions (military contact, aid,
// bases, integrated command, organisation).
func (h *History) ATOPMembers() []atop.Member { return h.atopMembers }

// ATOPAlliances returns the rows of the ATOP v4.0 alliance-level file, in
// file order: the alliance's own dates and design (bilateral, asymmetric,
// institutionalisation) that termination's spells start from.
func (h *History) ATOPAlliances() []atop.Alliance { return h.atopRows }

// COWMembers returns the rows of the COW v4.1 member file, in file order,
// with the alliance's own dates and censoring flags that COWMemberships
// leaves out.
func (h *History) COWMembers() []cow.Member { return h.cowRows }
