// Package history builds the international system year by year from the
// real datasets: COW state system membership, major powers and National
// Material Capabilities, COW and ATOP alliances, COW direct contiguity,
// capitals and minimum distances, militarized interstate disputes, SIPRI
// military expenditure, and the second wave: inter-state wars (COW with
// Reiter–Stam–Horowitz dates), regime type, GDP and SDP, strategic
// rivalries, COW trade and IGO ties, Archigos leaders and territorial
// threat. Paths, coverage years and citations come from the catalogue
// (internal/dataset).
//
// Open loads every dataset from a data directory laid out as
// shared/data (see PROVENANCE.md there), in parallel. World(y) returns the
// system at year y as a world.World, the vocabulary every model reads:
//
//	h, err := history.Open(dir)
//	w, err := h.World(1914)
//	fmt.Println(len(w.States), w.Covered(world.FamilyCOWAlliances))
//
// The year-indexed tables World is built from are exported too, read-only,
// for code that sweeps every year or every dyad-year and cannot afford a
// World per year (the panel builder, threat matrices over 1816–2016):
// Members, Pos, Capabilities, Majors, Capitals, MilexUSD, MilexShareGDP,
// Democracy, GDP, Population, SDP, TerritorialThreat, Leaders,
// LeaderChanged, COWMemberships, Wars, WarsIn, Rivalries, RivalriesIn, and
// the DyadTables COW, ATOP, Contiguity, MinDist, GMLDisputes, WarDyads,
// TradeTable and IGOTable. Lookups do not allocate; slices they return share the
// History's storage and must not be modified.
//
// CINC recomputes the Composite Index of National Capability from the six
// NMC components; it reproduces NMC v6.0's published cinc to 2.5e-8.
//
// Missing is not zero: outside a source's coverage (COW alliances after
// 2012, NMC v6.0 after 2016, minimum distances before 1886, ...) values
// are missing, and World.Coverage says so per family. docs/history.md
// describes what a World holds, the membership-year rule and how it
// departs from COW's own yearly file, and the CINC recomputation.
package history
