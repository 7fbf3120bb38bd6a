// Package cow reads the Correlates of War datasets entente uses: State
// System Membership v2016 (state spells, state-years, major powers, country
// codes), National Material Capabilities (v6.0 and the v7.0 layout), Formal
// Alliances v4.1 (member, member-year, dyad and directed-dyad files) and
// Direct Contiguity v3.2 (dyad-year, master and state-year files).
//
// Every reader takes a path and returns typed records in file order, or a
// *table.ParseError naming the file, line, column and field of the first
// bad cell. COW's -9 and empty cells are missing: a missing measure is a
// missing world.Value, a missing pledge flag is an unknown obligation
// (Pledges.Known), a missing end date is a spell still in force (the zero
// world.Date), and an unknown month or day is 0 in a world.Date.
//
// The readers check what the codebooks let them check: codes and years in
// range, calendar dates, flags 0 or 1, contiguity types 1..5, and no spell
// that ends before it starts.
//
// Citations: Correlates of War Project (2017), State System Membership List
// v2016; Singer, Bremer & Stuckey (1972) and the NMC v6.0 codebook (Greig &
// Enterline); Gibler (2009), International Military Alliances, 1648–2008;
// Stinnett et al. (2002), The COW Direct Contiguity Data, Version 3.0.
package cow
