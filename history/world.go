package history

import (
	"fmt"
	"slices"
	"sort"
	"strconv"

	"github.com/entente/entente/world"
)

var (
	cowSource  = world.Source{Citation: "Gibler, Douglas M. 2009. International Military Alliances, 1648–2008. CQ Press (COW Formal Alliances v4.1)"}
	atopSource = world.Source{Citation: "Leeds, Ritter, Mitchell & Long 2002. Alliance Treaty Obligations and Provisions, 1815–1944. International Interactions 28 (ATOP v4.0)"}
)

// World returns the state system in year y, for y in Span:
//
//   - States: the COW system members (system2016), sorted by ccode, with
//     abbreviation and name (states2016), Gleditsch–Ward and ISO3 codes
//     from the crosswalk in force that year, major-power status
//     (majors2016), NMC v6.0 capabilities, the capital in force, and SIPRI
//     military expenditure in US dollars and as a share of GDP;
//   - Alliances: COW v4.1 alliances with a membership spell overlapping y
//     ("cow:<version4id>"), each with all its members' spells and pledges,
//     then ATOP v4.0 alliances likewise ("atop:<atopid>"), with the
//     well-known names of Names;
//   - Relations: every dyad of members with a recorded contiguity (COW
//     v3.2) or minimum distance (CShapes 2.0), others left to
//     world.World.Relation's defaults; capital distance is left missing
//     for Relation to fill from the capitals in force;
//   - Disputes: every MIDB 5.0 participation that began in or before y;
//   - States also carry regime scores (V-Dem, Polity2, UDS), GDP and SDP
//     in 2011 US dollars and population in persons (Anders, Fariss &
//     Markowitz 2020, levels of the file's logs), territorial threat, the
//     Archigos leaders in office and whether the leader changed in y;
//   - Relations also hold COW trade (imports each way, millions of current
//     US dollars) and shared IGOs for every dyad the files list. Their
//     War and Rivalry flags stay those of world files (analyst-coded,
//     read by the threat model): a historical World gives its wars and
//     rivalries in Wars and Rivalries instead, so that the threat model's
//     published historical results do not change underneath it;
//   - Wars: the COW inter-state wars in progress in y, with both sides;
//   - Rivalries: the strategic rivalries in force in y, with their types;
//   - Coverage: one entry per family, saying whether y lies inside it.
//
// The World is new on every call; changing it does not change h.
func (h *History) World(y int) (*world.World, error) {
	d := h.year(y)
	if d == nil {
		return nil, fmt.Errorf("history: year %d outside %d..%d, the span of COW system membership", y, h.first, h.last)
	}
	w := &world.World{Year: y, AsOf: world.D(y, 12, 31), Coverage: h.Coverage(y)}
	w.States = make([]world.State, len(d.members))
	for p, c := range d.members {
		abb, name := h.StateName(c)
		s := world.NewState(c, name)
		s.Abbrev, s.GWCode, s.ISO3 = abb, d.gw[p], d.iso3[p]
		s.Major = d.major[p]
		s.Capability = d.caps[p]
		s.Capital = d.capitals[p]
		s.MilexUSD, s.MilexShareGDP = d.milexUSD[p], d.milexGDP[p]
		s.Democracy = d.democracy[p]
		s.GDP2011USD, s.Population, s.SDP2011USD = d.gdp[p], d.pop[p], d.sdp[p]
		s.TerritorialThreat = d.terr[p]
		s.Leaders = slices.Clone(d.leaders[p])
		s.LeaderChanged = d.leaderChange[p]
		w.States[p] = s
	}
	w.Index()
	w.Alliances = h.alliances(y, d)
	w.Relations = h.relations(y, d)
	w.Disputes = h.disputesBy(y)
	for _, war := range h.WarsIn(y) {
		w.Wars = append(w.Wars, cloneWar(war))
	}
	for _, r := range h.RivalriesIn(y) {
		rv := *r
		rv.Types = slices.Clone(r.Types)
		w.Rivalries = append(w.Rivalries, rv)
	}
	return w, nil
}

// alliances returns the COW and ATOP alliances in force in y.
func (h *History) alliances(y int, d *yearData) []world.Alliance {
	var out []world.Alliance
	for i := 0; i < len(d.cow); {
		id := d.cow[i].ID
		for i < len(d.cow) && d.cow[i].ID == id {
			i++
		}
		out = append(out, h.cowAlliance(id))
	}
	for i := range h.atop {
		a := &h.atop[i]
		if y < a.first || y > a.last || !anyOverlaps(a.members, y) {
			continue
		}
		al := world.Alliance{ID: a.alliance.ID(), Name: a.name, Formal: true,
			Obligations: a.alliance.Obligations, Spell: world.Spell{Start: a.alliance.Begin, End: a.alliance.End},
			Members: append([]world.Member(nil), a.members...), Sources: []world.Source{atopSource}}
		if a.alliance.Bilateral {
			al.Structure = world.Bilateral
		}
		out = append(out, al)
	}
	return out
}

func anyOverlaps(ms []world.Member, y int) bool {
	for _, m := range ms {
		if m.Spell.Overlaps(y) {
			return true
		}
	}
	return false
}

// cowAlliance builds COW alliance id with every member spell.
func (h *History) cowAlliance(id int) world.Alliance {
	first := h.cowAll[id]
	key := "cow:" + strconv.Itoa(id)
	al := world.Alliance{ID: key, Name: Names[key], Formal: true, Spell: first.Alliance,
		Sources: []world.Source{cowSource}}
	spells := h.cowByID[id]
	al.Members = make([]world.Member, len(spells))
	states := 0
	for j, m := range spells {
		al.Members[j] = world.Member{CCode: m.CCode, Spell: m.Spell, Obligations: m.Obligations}
		al.Obligations = al.Obligations.Union(m.Obligations)
		if j == 0 || spells[j-1].CCode != m.CCode {
			states++
		}
	}
	// COW codes every member as pledged to every other.
	if states == 2 {
		al.Structure = world.Bilateral
	} else {
		al.Structure = world.Multilateral
	}
	return al
}

// relations collects the dyads of members with a contiguity or a minimum
// distance in y.
func (h *History) relations(y int, d *yearData) map[world.Dyad]*world.Relation {
	ck, cv := h.contig.Year(y)
	mk, mv := h.mindist.Year(y)
	tk, tv := h.trade.Year(y)
	ik, iv := h.igo.Year(y)
	n := max(len(ck)+len(mk), len(ik))
	rels := make(map[world.Dyad]*world.Relation, n)
	store := make([]world.Relation, 0, n)
	inContig := h.contig.Covers(y)
	get := func(a, b int) *world.Relation {
		dy := world.MakeDyad(a, b)
		if r, ok := rels[dy]; ok {
			return r
		}
		if len(store) == cap(store) { // never reallocate: rels points into store
			store = make([]world.Relation, 0, 64)
		}
		r := world.NewRelation(dy)
		if inContig {
			r.Contiguity = world.NotContiguous
		}
		store = append(store, r)
		p := &store[len(store)-1]
		rels[dy] = p
		return p
	}
	member := func(c int) bool { return h.Pos(y, c) >= 0 }
	for i, k := range ck {
		if member(k.A()) && member(k.B()) {
			get(k.A(), k.B()).Contiguity = int(cv[i])
		}
	}
	for i, k := range mk {
		if a, b := k.A(), k.B(); member(a) && member(b) {
			get(a, b).MinDistKm = world.Known(mv[i])
		}
	}
	for i, k := range tk {
		if a, b := k.A(), k.B(); member(a) && member(b) {
			r := get(a, b)
			r.ImportsAB, r.ImportsBA = world.Value(tv[i].AFromB), world.Value(tv[i].BFromA)
		}
	}
	for i, k := range ik {
		if a, b := k.A(), k.B(); member(a) && member(b) {
			get(a, b).SharedIGOs = world.Known(float64(iv[i]))
		}
	}

	return rels
}

func cloneWar(w *world.War) world.War {
	c := *w
	for s := range c.Sides {
		c.Sides[s] = slices.Clone(w.Sides[s])
	}
	return c
}

// disputesBy returns a copy of the MIDB participations that began in or
// before y.
func (h *History) disputesBy(y int) []world.Dispute {
	n := sort.Search(len(h.disputes), func(i int) bool { return h.disputes[i].Start.Year > y })
	return append([]world.Dispute(nil), h.disputes[:n]...)
}
