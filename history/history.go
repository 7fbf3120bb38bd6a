package history

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/entente/entente/internal/dataset"
	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/economy"
	"github.com/entente/entente/internal/source/geo"
	"github.com/entente/entente/internal/source/leader"
	"github.com/entente/entente/internal/source/mid"
	"github.com/entente/entente/internal/source/regime"
	"github.com/entente/entente/internal/source/rivalry"
	"github.com/entente/entente/internal/source/sipri"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/source/terrthreat"
	"github.com/entente/entente/internal/source/war"
	"github.com/entente/entente/world"
)

// Files Open reads, relative to the data directory.
const (
	FileStates       = "cow_states/states2016.csv"
	FileSystem       = "cow_states/system2016.csv"
	FileMajors       = "cow_states/majors2016.csv"
	FileNMC          = "nmc/NMC-60-abridged.csv"
	FileCOWMembers   = "cow_alliances_v4.1/alliance_v4.1_by_member.csv"
	FileATOPAlliance = "atop/atop_v4_alliance_level.csv"
	FileATOPMembers  = "atop/atop_v4_member_level.csv"
	FileATOPDyadYear = "atop/atop_v5.1_ddyr_obligations_peacesciencer.csv"
	FileContiguity   = "cow_contiguity_v3.2/contdird.csv"
	FileCapitals     = "capitals_distance/cow_capitals_peacesciencer.csv"
	FileCapDist      = "capitals_distance/capdist.csv"
	FileMinDist      = "capitals_distance/cow_mindist_cshapes2_peacesciencer.csv"
	FileMIDB         = "mid/MIDB_5.0.csv"
	FileGML          = "mid/gml-ddy-disputes-2.1.1.csv"
	FileSIPRIShares  = "milex/military-spending-as-a-share-of-gdp-sipri.csv"
	FileSIPRIUSD     = "milex/sipri-milex-data.csv"
	FileWarDyads     = "cow_war/cow_war_inter_ddy_peacesciencer.csv"
	FileWarRSH       = "cow_war/interstate_war_rev_reiter_stam_horowitz.csv"
	FileRegime       = "democracy/ccode_democracy_peacesciencer.csv"
	FileEconomy      = "economy/cow_sdp_gdp_peacesciencer.csv"
	FileRivalries    = "rivalries/td_rivalries_peacesciencer.csv"
	FileTrade        = "trade_igo/cow_trade_ndy_peacesciencer.csv"
	FileIGO          = "trade_igo/cow_igo_ndy_peacesciencer.csv"
	FileLeaders      = "leaders/archigos_peacesciencer.csv"
	FileTerrThreat   = "territorial/terrthreat_peacesciencer.csv"
)

// History holds the year-indexed tables built from the real datasets. It
// is immutable after Open and safe for concurrent use.
type History struct {
	first, last int // span of COW system membership

	years []yearData // index y-first
	gidx  []int16    // ccode -> index into states, -1 when never a member
	pos   []int16    // (y-first)*len(states)+g -> position in Members(y), -1
	info  []stateInfo

	cowSpells []COWMembership         // sorted by ID, CCode, start
	cowByID   map[int][]COWMembership // views into cowSpells
	cowAll    map[int]cow.Member      // one row per ID, for the alliance's own dates and type
	atop      []atopAlliance          // sorted by ATOP id
	disputes  []world.Dispute         // MIDB participations, sorted by start
	capitals  *geo.Capitals           // capital spells
	capdist   *geo.CapDist            // Gleditsch–Ward capital distances
	atopDY    *DyadTable[world.Obligations]
	cowDY     *DyadTable[world.Obligations]
	contig    *DyadTable[int8]
	mindist   *DyadTable[float64]
	gml       *DyadTable[DisputeYear]
	coverage  []world.Coverage

	wars         []world.War // sorted by COW war number
	warDyads     *DyadTable[WarDyadYear]
	atopMembers  []atop.Member   // the v4.0 member file, for termination and triggers
	atopRows     []atop.Alliance // the v4.0 alliance-level file, in file order
	cowRows      []cow.Member    // the v4.1 member file, in file order
	warDisagree  []war.Disagreement
	rivalries    []world.Rivalry // sorted by id
	trade        *DyadTable[Trade]
	igo          *DyadTable[int16]
	leaderSpells []leader.Spell
	unresolved   []Unresolved
	apart        map[int][]DyadKey // year -> pairs of members that never coexisted (coexist.go)
	opt          Options           // as opened (options.go)
}

// yearData is one year of the state-year tables, aligned with members.
type yearData struct {
	members  []int
	caps     []world.Capability
	major    []bool
	capitals []world.Capital
	gw       []int
	iso3     []string
	cow      []COWMembership // spells overlapping the year, by ID and ccode
	milexUSD []world.Value   // SIPRI, current US dollars
	milexGDP []world.Value   // SIPRI via OWID, percent of GDP

	democracy    []world.Democracy
	gdp, pop     []world.Value // Anders, Fariss & Markowitz levels: 2011 US$, persons
	sdp          []world.Value // 2011 US$
	terr         []world.Value // Miller's latent territorial threat
	leaders      [][]world.Leader
	leaderChange []world.Value
}

type stateInfo struct {
	ccode        int
	abbrev, name string
}

type atopAlliance struct {
	alliance atop.Alliance
	members  []world.Member
	name     string // from Names, directly or through the COW v4.1 id
	first    int    // first year any member's spell covers
	last     int    // last year; 9999 while in force
}

// COWMembership is one membership spell in a COW alliance (v4.1 member
// file) with the pledges it carries. Known marks the pledge flags the
// file codes; a flag it leaves empty is unknown, not absent.
type COWMembership struct {
	ID          int // version4id
	CCode       int
	Spell       world.Spell
	Obligations world.Obligations
	Known       world.Obligations
}

// DisputeYear summarises, for a directed dyad (a, b) in one year, the
// Gibler–Miller–Little MID 2.1.1 disputes between them (GML dyad-year
// file, 1816–2010).
type DisputeYear struct {
	Disputes   uint8 // disputes between a and b ongoing in the year
	Onsets     uint8 // of which began in the year
	HostLev    int8  // highest hostility level a reached in them (1..5)
	Initiator  bool  // a was on side A (the initiating side) of at least one
	Originator bool  // a was an originator (not a joiner) of at least one
}

// OpenWith loads the datasets from dir, laid out as shared/data (the
// Files constants name them), as opt selects, reading files in parallel.
// Each file is checked against the catalogue (internal/dataset: size,
// sha256 and row count) in the same pass that parses it, unless
// opt.NoVerify; a file that differs is refused with an error naming it
// and what differs.
// The error names the dataset and the file, and for bad input the line,
// column and field (*world.ParseError, for errors.As); when several files
// fail, it lists each.
func OpenWith(dir string, opt Options) (*History, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	if st, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("history: data directory: %w", err)
	} else if !st.IsDir() {
		return nil, fmt.Errorf("history: data directory %s is not a directory", dir)
	}
	h := &History{opt: opt}
	c := opt.fileCache()
	var (
		states  []cow.StateSpell
		system  []cow.StateYear
		majors  []cow.MajorSpell
		nmc     []cow.NMC
		members []cow.Member
		atopAl  []atop.Alliance
		atopMem []atop.Member
		midb    []mid.Participant
		shares  *sipri.Shares
		usd     *sipri.USD
		warDY   []war.DyadYear
		warRSH  []war.RSHRow
		regimes []regime.StateYear
		econ    []economy.StateYear
		terr    []terrthreat.StateYear
		leaders []leader.Spell
	)
	jobs := []struct {
		file string
		run  func(path string) error
	}{
		{FileMinDist, cached(c, FileMinDist, "mindist", &h.mindist, loadMinDist)},
		{FileATOPDyadYear, cached(c, FileATOPDyadYear, "atop-ddy", &h.atopDY, loadATOPDyadYears)},
		{FileContiguity, cached(c, FileContiguity, "contiguity", &h.contig, loadContiguity)},
		{FileGML, cached(c, FileGML, "gml", &h.gml, loadGML)},
		{opt.nmcFile(), cached(c, opt.nmcFile(), "nmc", &nmc, cow.ReadNMC)},
		{FileSystem, cached(c, FileSystem, "system", &system, cow.ReadSystem)},
		{FileCapDist, cached(c, FileCapDist, "capdist", &h.capdist, geo.ReadCapDist)},
		{FileATOPMembers, cached(c, FileATOPMembers, "atop-members", &atopMem, atop.ReadMembers)},
		{FileATOPAlliance, cached(c, FileATOPAlliance, "atop-alliances", &atopAl, atop.ReadAlliances)},
		{FileMIDB, cached(c, FileMIDB, "midb", &midb, mid.ReadParticipants)},
		{FileCOWMembers, cached(c, FileCOWMembers, "cow-members", &members, cow.ReadMembers)},
		{FileStates, cached(c, FileStates, "states", &states, cow.ReadStates)},
		{FileMajors, cached(c, FileMajors, "majors", &majors, cow.ReadMajors)},
		{FileCapitals, func(p string) (err error) { h.capitals, err = geo.ReadCapitals(p); return }},
		{FileSIPRIShares, func(p string) (err error) { shares, err = sipri.ReadShares(p); return }},
		{FileSIPRIUSD, func(p string) (err error) { usd, err = sipri.ReadUSD(p); return }},
		{FileIGO, cached(c, FileIGO, "igo", &h.igo, h.loadIGO)},
		{FileTrade, cached(c, FileTrade, "trade", &h.trade, h.loadTrade)},
		{FileEconomy, cached(c, FileEconomy, "economy", &econ, economy.Read)},
		{FileRegime, cached(c, FileRegime, "regime", &regimes, regime.Read)},
		{FileTerrThreat, cached(c, FileTerrThreat, "terrthreat", &terr, terrthreat.Read)},
		{FileLeaders, cached(c, FileLeaders, "leaders", &leaders, leader.Read)},
		{FileWarDyads, cached(c, FileWarDyads, "war-dyads", &warDY, war.ReadDyadYears)},
		{FileWarRSH, cached(c, FileWarRSH, "war-rsh", &warRSH, war.ReadParticipants)},
		{FileRivalries, cached(c, FileRivalries, "rivalries", &h.rivalries, rivalry.Read)},
	}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		if opt.skips(j.file) {
			continue
		}
		if !opt.NoVerify {
			if d, f, ok := dataset.FindFile(j.file); ok {
				release := table.ExpectFile(filepath.Join(dir, j.file),
					table.Expect{Dataset: d.Name + " " + d.Version, Size: f.Size, SHA256: f.SHA256, Rows: f.Rows})
				defer release()
			}
		}
		wg.Go(func() {
			if err := j.run(filepath.Join(dir, j.file)); err != nil {
				errs[i] = fmt.Errorf("history: loading %s: %w", j.file, err)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	system = extendSystem(system, states, opt.ExtendSystemTo)
	if err := h.buildStates(system, states); err != nil {
		return nil, err
	}
	h.buildCoexistence(states)
	h.buildCapabilities(nmc)
	h.buildMajors(majors)
	h.buildCapitals()
	h.buildMilex(usd, shares)
	h.buildCOW(members)
	h.buildCOWDyadYears()
	h.buildATOP(atopAl, atopMem)
	h.atopMembers = atopMem
	h.atopRows = atopAl
	h.cowRows = members
	h.buildDisputes(midb)
	h.buildRegime(regimes)
	h.buildEconomy(econ)
	h.buildTerritory(terr)
	h.buildLeaders(leaders)
	h.resolveTrade()
	h.wars, h.warDisagree = war.Build(warDY, warRSH)
	h.warDyads = buildWarDyads(warDY)
	slices.SortFunc(h.rivalries, func(a, b world.Rivalry) int { return a.ID - b.ID })
	h.coverage = opt.coverage(coverage())
	return h, nil
}

// Span returns the first and last year of COW system membership, the years
// World accepts (1816 and 2016 with the v2016 data).
func (h *History) Span() (first, last int) { return h.first, h.last }

// year returns the tables of y, or nil outside the span.
func (h *History) year(y int) *yearData {
	if y < h.first || y > h.last {
		return nil
	}
	return &h.years[y-h.first]
}

// Members returns the ccodes of the members of the state system in year y
// (COW system2016), sorted; nil outside Span. The state-year tables
// (Capabilities, Majors, Capitals) are aligned with it.
func (h *History) Members(y int) []int {
	if d := h.year(y); d != nil {
		return d.members
	}
	return nil
}

// Pos returns the position of ccode in Members(y), or -1 when it is not a
// member that year.
func (h *History) Pos(y, ccode int) int {
	if y < h.first || y > h.last || ccode < 0 || ccode >= len(h.gidx) {
		return -1
	}
	g := h.gidx[ccode]
	if g < 0 {
		return -1
	}
	return int(h.pos[(y-h.first)*len(h.info)+int(g)])
}

// Capabilities returns the NMC v6.0 capabilities of the members in year y,
// aligned with Members(y). A component NMC codes -9 is missing.
func (h *History) Capabilities(y int) []world.Capability {
	if d := h.year(y); d != nil {
		return d.caps
	}
	return nil
}

// Capability returns the NMC v6.0 capabilities of ccode in year y, every
// component missing when ccode is not a member or NMC has no row.
func (h *History) Capability(y, ccode int) world.Capability {
	if i := h.Pos(y, ccode); i >= 0 {
		return h.years[y-h.first].caps[i]
	}
	return world.NoCapability()
}

// Majors returns, aligned with Members(y), whether each member is a COW
// major power in year y (a majors2016 spell overlaps y).
func (h *History) Majors(y int) []bool {
	if d := h.year(y); d != nil {
		return d.major
	}
	return nil
}

// Major reports whether ccode is a major power in year y.
func (h *History) Major(y, ccode int) bool {
	i := h.Pos(y, ccode)
	return i >= 0 && h.years[y-h.first].major[i]
}

// Capitals returns, aligned with Members(y), each member's capital in year
// y: the capital in force for most days of y (geo.Capitals.In). A member
// without one has a Capital with missing coordinates.
func (h *History) Capitals(y int) []world.Capital {
	if d := h.year(y); d != nil {
		return d.capitals
	}
	return nil
}

// Capital returns the capital of ccode in year y; coordinates are missing
// when it is unknown.
func (h *History) Capital(y, ccode int) world.Capital {
	if i := h.Pos(y, ccode); i >= 0 {
		return h.years[y-h.first].capitals[i]
	}
	return world.Capital{Lat: world.Missing(), Lon: world.Missing()}
}

// MilexUSD returns, aligned with Members(y), SIPRI military expenditure in
// current US dollars (the file's millions times 10^6), read through each
// member's ISO3 code in y; missing where SIPRI has none (it starts in 1949
// and this file ends in 2018).
func (h *History) MilexUSD(y int) []world.Value {
	if d := h.year(y); d != nil {
		return d.milexUSD
	}
	return nil
}

// MilexShareGDP returns, aligned with Members(y), SIPRI military
// expenditure as a percentage of GDP (as published by Our World in Data,
// 1949–2024), or missing.
func (h *History) MilexShareGDP(y int) []world.Value {
	if d := h.year(y); d != nil {
		return d.milexGDP
	}
	return nil
}

// StateName returns the COW abbreviation and name of ccode (its latest
// membership spell in states2016), or empty strings for a code that was
// never a member.
func (h *History) StateName(ccode int) (abbrev, name string) {
	if ccode < 0 || ccode >= len(h.gidx) || h.gidx[ccode] < 0 {
		return "", ""
	}
	s := h.info[h.gidx[ccode]]
	return s.abbrev, s.name
}

// COWMemberships returns every membership spell of the COW v4.1 member
// file, sorted by alliance, ccode and start.
func (h *History) COWMemberships() []COWMembership { return h.cowSpells }

// COWMembershipsIn returns the COW alliance membership spells that overlap
// year y (world.Spell.Overlaps), sorted by alliance and ccode; empty
// outside the span (COW alliances end in 2012: later years have none, and
// World says so in its Coverage).
func (h *History) COWMembershipsIn(y int) []COWMembership {
	if d := h.year(y); d != nil {
		return d.cow
	}
	return nil
}

// COW returns the COW v4.1 alliance pledges by directed dyad-year,
// 1816–2012, expanded from the member spells: Get(y, a, b) is the union of
// a's pledges (defense, neutrality, nonaggression, entente) in every COW
// alliance in which a and b both hold a membership spell overlapping y. A
// dyad-year without a row has no COW alliance inside the span. Pledge
// flags the member file leaves empty count as not pledged here; use
// COWMembershipsIn to tell them apart.
func (h *History) COW() *DyadTable[world.Obligations] { return h.cowDY }

// ATOP returns the ATOP 5.1 directed dyad-year obligations, 1815–2018:
// Get(y, a, b) is what a pledged to b in y. A dyad-year without a row has
// no obligation inside the span.
func (h *History) ATOP() *DyadTable[world.Obligations] { return h.atopDY }

// Contiguity returns the COW Direct Contiguity v3.2 dyad-years, undirected,
// 1816–2016, valued 1..5 (world.Relation's types). Inside the span a dyad
// without a row is not contiguous.
func (h *History) Contiguity() *DyadTable[int8] { return h.contig }

// ContiguityType returns the contiguity of a and b in year y: 1..5, 0 when
// not contiguous, world.ContiguityMissing outside 1816–2016 or when a or b
// is not a member of the system in y (the data codes system members only).
func (h *History) ContiguityType(y, a, b int) int {
	if !h.contig.Covers(y) || h.Pos(y, a) < 0 || h.Pos(y, b) < 0 {
		return world.ContiguityMissing
	}
	v, _ := h.contig.Get(y, a, b)
	return int(v)
}

// MinDist returns the minimum distance in km between the territories of
// two states (CShapes 2.0 via peacesciencer, 1886–2019), undirected: the
// file lists each dyad once, ccode1 < ccode2. Zero means contiguous or
// touching; a dyad-year without a row is missing.
func (h *History) MinDist() *DyadTable[float64] { return h.mindist }

// MinDistKm returns the minimum distance of a and b in year y, or missing.
func (h *History) MinDistKm(y, a, b int) world.Value {
	if v, ok := h.mindist.Get(y, a, b); ok {
		return world.Known(v)
	}
	return world.Missing()
}

// GMLDisputes returns the GML MID 2.1.1 dispute dyad-years, directed,
// 1816–2010.
func (h *History) GMLDisputes() *DyadTable[DisputeYear] { return h.gml }

// CapDistKm returns the distance in km between the capitals of COW states
// a and b from the Gleditsch–Ward capdist table, translating codes with
// the crosswalk as they stood in year y (geo.CapDist.KmCOW). The table has
// one capital per state and no years; World's relations leave capital
// distance to world.World.Relation, which measures the great circle
// between the capitals in force.
func (h *History) CapDistKm(y, a, b int) world.Value { return h.capdist.KmCOW(a, b, y) }

// Disputes returns every MIDB 5.0 participation, sorted by start date.
func (h *History) Disputes() []world.Dispute { return h.disputes }

// Coverage returns the coverage of each variable family for year y, as
// World(y) reports it.
func (h *History) Coverage(y int) []world.Coverage {
	out := slices.Clone(h.coverage)
	for i := range out {
		out[i].Covered = y >= out[i].From && y <= out[i].To
	}
	return out
}
