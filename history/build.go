package history

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/geo"
	"github.com/entente/entente/internal/source/mid"
	"github.com/entente/entente/internal/source/sipri"
	"github.com/entente/entente/world"
)

// buildStates lays out the per-year member lists from system2016 and the
// ccode index, with names from states2016 (the latest spell's).
func (h *History) buildStates(system []cow.StateYear, states []cow.StateSpell) error {
	if len(system) == 0 {
		return fmt.Errorf("history: %s has no state-years", FileSystem)
	}
	h.first, h.last = system[0].Year, system[0].Year
	maxCode := 0
	for _, s := range system {
		h.first, h.last = min(h.first, s.Year), max(h.last, s.Year)
		maxCode = max(maxCode, s.CCode)
	}
	for _, s := range states {
		maxCode = max(maxCode, s.CCode)
	}
	h.gidx = make([]int16, maxCode+1)
	for i := range h.gidx {
		h.gidx[i] = -1
	}
	for _, s := range system {
		if h.gidx[s.CCode] < 0 {
			h.gidx[s.CCode] = 0
			h.info = append(h.info, stateInfo{ccode: s.CCode, abbrev: s.Abbrev})
		}
	}
	slices.SortFunc(h.info, func(a, b stateInfo) int { return a.ccode - b.ccode })
	for g, s := range h.info {
		h.gidx[s.ccode] = int16(g)
	}
	for _, s := range states { // later spells overwrite earlier ones
		if g := h.gidx[s.CCode]; g >= 0 {
			h.info[g].abbrev, h.info[g].name = s.Abbrev, s.Name
		}
	}

	n := h.last - h.first + 1
	h.years = make([]yearData, n)
	for _, s := range system {
		d := &h.years[s.Year-h.first]
		d.members = append(d.members, s.CCode)
	}
	h.pos = make([]int16, n*len(h.info))
	for i := range h.pos {
		h.pos[i] = -1
	}
	for i := range h.years {
		d := &h.years[i]
		slices.Sort(d.members)
		if len(slices.Compact(slices.Clone(d.members))) != len(d.members) {
			return fmt.Errorf("history: %s: a state is listed twice in %d", FileSystem, h.first+i)
		}
		d.gw = make([]int, len(d.members))
		d.iso3 = make([]string, len(d.members))
		for p, c := range d.members {
			h.pos[i*len(h.info)+int(h.gidx[c])] = int16(p)
			d.gw[p], _ = world.GWFromCOWIn(c, h.first+i)
			d.iso3[p], _ = world.ISO3FromCOWIn(c, h.first+i)
		}
	}
	return nil
}

// buildCapabilities aligns NMC v6.0 with the members of each year.
func (h *History) buildCapabilities(nmc []cow.NMC) {
	for i := range h.years {
		d := &h.years[i]
		d.caps = make([]world.Capability, len(d.members))
		for p := range d.caps {
			d.caps[p] = world.NoCapability()
		}
	}
	for _, r := range nmc {
		if p := h.Pos(r.Year, r.CCode); p >= 0 {
			h.years[r.Year-h.first].caps[p] = r.Capability
		}
	}
}

// buildMajors marks the members whose majors2016 spell overlaps the year.
func (h *History) buildMajors(majors []cow.MajorSpell) {
	for i := range h.years {
		h.years[i].major = make([]bool, len(h.years[i].members))
	}
	for _, m := range majors {
		for y := max(m.Spell.Start.Year, h.first); y <= h.last && m.Spell.Overlaps(y); y++ {
			if p := h.Pos(y, m.CCode); p >= 0 {
				h.years[y-h.first].major[p] = true
			}
		}
	}
}

// buildCapitals gives each member the capital in force for most of the
// year.
func (h *History) buildCapitals() {
	missing := world.Capital{Lat: world.Missing(), Lon: world.Missing()}
	for i := range h.years {
		d := &h.years[i]
		d.capitals = make([]world.Capital, len(d.members))
		for p, c := range d.members {
			d.capitals[p] = missing
			if h.capitals == nil {
				continue // not loaded (OpenWith's Skip)
			}
			if cap, ok := h.capitals.In(c, h.first+i); ok {
				d.capitals[p] = cap.World()
			}
		}
	}
}

// buildMilex reads the SIPRI series of each member through its ISO3 code
// in the year.
func (h *History) buildMilex(usd *sipri.USD, shares *sipri.Shares) {
	for i := range h.years {
		d := &h.years[i]
		y := h.first + i
		d.milexUSD = make([]world.Value, len(d.members))
		d.milexGDP = make([]world.Value, len(d.members))
		for p, iso := range d.iso3 {
			d.milexUSD[p], d.milexGDP[p] = world.Missing(), world.Missing()
			if iso == "" || usd == nil || shares == nil { // no code, or not loaded (OpenWith's Skip)
				continue
			}
			if v := usd.Get(iso, y); v.OK() {
				d.milexUSD[p] = v * 1e6
			}
			d.milexGDP[p] = shares.Get(iso, y)
		}
	}
}

// buildCOW sorts the COW membership spells and lists, per year, those that
// overlap it.
func (h *History) buildCOW(members []cow.Member) {
	h.cowSpells = make([]COWMembership, len(members))
	h.cowAll = map[int]cow.Member{}
	for i, m := range members {
		h.cowSpells[i] = COWMembership{ID: m.ID, CCode: m.CCode, Spell: m.Spell,
			Obligations: m.Pledges.Set, Known: m.Pledges.Known}
		if _, ok := h.cowAll[m.ID]; !ok {
			h.cowAll[m.ID] = m
		}
	}
	slices.SortStableFunc(h.cowSpells, func(a, b COWMembership) int {
		if a.ID != b.ID {
			return a.ID - b.ID
		}
		if a.CCode != b.CCode {
			return a.CCode - b.CCode
		}
		return a.Spell.Start.Year - b.Spell.Start.Year
	})
	h.cowByID = map[int][]COWMembership{}
	for i := 0; i < len(h.cowSpells); {
		j := i
		for j < len(h.cowSpells) && h.cowSpells[j].ID == h.cowSpells[i].ID {
			j++
		}
		h.cowByID[h.cowSpells[i].ID] = h.cowSpells[i:j:j]
		i = j
	}
	// Spells in force at the end of the data (2012) stop there: later
	// years are outside COW's coverage, not years of membership.
	for _, m := range h.cowSpells {
		for y := max(m.Spell.Start.Year, h.first); y <= min(h.last, cowAlliancesLast) && m.Spell.Overlaps(y); y++ {
			h.years[y-h.first].cow = append(h.years[y-h.first].cow, m)
		}
	}
}

// buildCOWDyadYears expands the per-year membership lists into directed
// dyad-year pledges.
func (h *History) buildCOWDyadYears() {
	var rows []dyadRow[world.Obligations]
	for i := range h.years {
		y, ms := h.first+i, h.years[i].cow
		for lo := 0; lo < len(ms); {
			hi := lo
			for hi < len(ms) && ms[hi].ID == ms[lo].ID {
				hi++
			}
			for a := lo; a < hi; a++ {
				for b := lo; b < hi; b++ {
					if ms[a].CCode != ms[b].CCode {
						rows = append(rows, dyadRow[world.Obligations]{y, Key(ms[a].CCode, ms[b].CCode), ms[a].Obligations})
					}
				}
			}
			lo = hi
		}
	}
	h.cowDY = buildDyadTable(cowAlliancesFirst, cowAlliancesLast, true, rows, world.Obligations.Union)
}

// buildATOP groups the ATOP v4.0 member rows under their alliances.
func (h *History) buildATOP(alliances []atop.Alliance, members []atop.Member) {
	byID := map[int][]world.Member{}
	for i := range members {
		byID[members[i].ATOPID] = append(byID[members[i].ATOPID], members[i].World())
	}
	h.atop = make([]atopAlliance, 0, len(alliances))
	for _, a := range alliances {
		al := atopAlliance{alliance: a, members: byID[a.ATOPID], first: 1 << 30, last: -1, name: Names[a.ID()]}
		if al.name == "" && a.COW4ID > 0 {
			al.name = Names["cow:"+strconv.Itoa(a.COW4ID)]
		}
		for _, m := range al.members {
			al.first = min(al.first, m.Spell.Start.Year)
			if m.Spell.End.IsZero() {
				al.last = 1 << 30
			} else {
				al.last = max(al.last, m.Spell.End.Year)
			}
		}
		h.atop = append(h.atop, al)
	}
	slices.SortFunc(h.atop, func(a, b atopAlliance) int { return a.alliance.ATOPID - b.alliance.ATOPID })
}

// buildDisputes sorts the MIDB participations by start date.
func (h *History) buildDisputes(midb []mid.Participant) {
	h.disputes = make([]world.Dispute, len(midb))
	for i := range midb {
		h.disputes[i] = midb[i].World()
	}
	slices.SortStableFunc(h.disputes, func(a, b world.Dispute) int {
		switch {
		case a.Start.Before(b.Start):
			return -1
		case b.Start.Before(a.Start):
			return 1
		}
		return 0
	})
}

// loadMinDist reads the minimum distances into an undirected table. The
// file lists each dyad once, ccode1 < ccode2, sorted by year, ccode1 and
// ccode2 (the order of geo.MinDist.Rows and of the table), so the table is
// laid out without sorting; a file with rows in both directions takes the
// general path.
func loadMinDist(path string) (*DyadTable[float64], error) {
	md, err := geo.ReadMinDist(path)
	if err != nil {
		return nil, err
	}
	rows := md.Rows()
	oneWay := true
	for _, r := range rows {
		if r.CCode1 >= r.CCode2 {
			oneWay = false
			break
		}
	}
	if !oneWay || len(rows) == 0 {
		in := make([]dyadRow[float64], 0, len(rows))
		for _, r := range rows {
			if r.Km == r.Km { // a missing distance is no row
				in = append(in, dyadRow[float64]{int(r.Year), Key(int(r.CCode1), int(r.CCode2)), r.Km})
			}
		}
		return buildDyadTable(minDistFirst, minDistLast, false, in, func(a, b float64) float64 { return min(a, b) }), nil
	}
	first, last := int(rows[0].Year), int(rows[len(rows)-1].Year)
	t := &DyadTable[float64]{first: first, last: last,
		off: make([]int32, last-first+2), keys: make([]DyadKey, 0, len(rows)), vals: make([]float64, 0, len(rows))}
	for _, r := range rows {
		if r.Km != r.Km {
			continue
		}
		t.off[int(r.Year)-first+1]++
		t.keys = append(t.keys, Key(int(r.CCode1), int(r.CCode2)))
		t.vals = append(t.vals, r.Km)
	}
	for i := 1; i < len(t.off); i++ {
		t.off[i] += t.off[i-1]
	}
	return t, nil
}

func loadATOPDyadYears(path string) (*DyadTable[world.Obligations], error) {
	dy, err := atop.ReadDyadYears(path)
	if err != nil {
		return nil, err
	}
	rows := make([]dyadRow[world.Obligations], len(dy))
	for i, d := range dy {
		rows[i] = dyadRow[world.Obligations]{d.Year, Key(d.CCode1, d.CCode2), d.Obligations}
	}
	return buildDyadTable(atop.FirstYear, atop.LastYear, true, rows, world.Obligations.Union), nil
}

func loadContiguity(path string) (*DyadTable[int8], error) {
	cy, err := cow.ReadContiguityYears(path)
	if err != nil {
		return nil, err
	}
	rows := make([]dyadRow[int8], len(cy))
	for i, c := range cy {
		rows[i] = dyadRow[int8]{c.Year, Key(c.State1, c.State2), int8(c.Type)}
	}
	// Both directions carry the same type; should they differ, the closer
	// (lower) type wins.
	return buildDyadTable(contiguityFirst, contiguityLast, false, rows, func(a, b int8) int8 { return min(a, b) }), nil
}

func loadGML(path string) (*DyadTable[DisputeYear], error) {
	gml, err := mid.ReadGMLDyadYears(path)
	if err != nil {
		return nil, err
	}
	rows := make([]dyadRow[DisputeYear], len(gml))
	for i, g := range gml {
		d := DisputeYear{Disputes: 1, HostLev: int8(g.HostLev1), Initiator: g.SideA1, Originator: g.Orig1}
		if g.Onset {
			d.Onsets = 1
		}
		rows[i] = dyadRow[DisputeYear]{g.Year, Key(g.CCode1, g.CCode2), d}
	}
	merge := func(a, b DisputeYear) DisputeYear {
		return DisputeYear{Disputes: a.Disputes + b.Disputes, Onsets: a.Onsets + b.Onsets,
			HostLev: max(a.HostLev, b.HostLev), Initiator: a.Initiator || b.Initiator,
			Originator: a.Originator || b.Originator}
	}
	return buildDyadTable(gmlFirst, gmlLast, true, rows, merge), nil
}
