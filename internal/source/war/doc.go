// Package war reads the inter-state war data and builds entente's war
// model (world.War) from it.
//
// Two files are read:
//
//   - ReadDyadYears: the COW Inter-State War Data v4.0 (Sarkees & Wayman
//     2010, Resort to War: 1816–2007) as directed dyad-years, converted by
//     peacesciencer (Miller 2022) from cow_war_inter.rda:
//
//     "warnum","ccode1","ccode2","year","cowinterongoing","cowinteronset","sidea1","sidea2","initiator1","initiator2","outcome1","outcome2","batdeath1","batdeath2","resume"
//     1,220,230,1823,1,1,1,2,1,0,1,2,400,600,0
//
//     Only pairs of states on opposite sides appear. sidea is 1 for side A
//     and 2 for side B; battle deaths of -9 are unknown; an empty outcome
//     is unknown.
//
//   - ReadParticipants: the revised participant file of Reiter, Stam and
//     Horowitz (2016, "A Revised Look at Interstate Wars, 1816–2007",
//     Journal of Conflict Resolution 60(5): 956–976), one row per
//     participant, initial war and year, with the months and days of entry
//     and exit, joiner, and lists of allies and adversaries. Missing is the
//     string NA.
//
// Build merges them into []world.War. The rule where the two disagree
// (documented in docs/data.md): the COW file decides which wars exist
// (their ids), who fought, on which side, in which years, who initiated,
// the outcome and battle deaths; the Reiter–Stam–Horowitz file, which
// revises entry and exit to the day and codes joiners, decides the month
// and day of entry and exit and the joiner flag, for the participant-years
// the COW file also has. Build returns every disagreement it met.
package war
