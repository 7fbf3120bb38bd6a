// Package atop reads the Alliance Treaty Obligations and Provisions (ATOP)
// data (Leeds, Ritter, Mitchell & Long 2002, "Alliance Treaty Obligations
// and Provisions, 1815–1944", International Interactions 28: 237–260;
// atopdata.org).
//
// Three files are read:
//
//   - ReadDyadYears: ATOP 5.1 directed dyad-year obligations as converted by
//     peacesciencer (Miller 2022) from atop5_1ddyr.dta:
//
//     ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul
//     2,20,1942,1,1,0,0,0
//
//     A row says that ccode1 has pledged the flagged obligations to ccode2
//     in that year (directed: A pledges to B). A dyad-year absent from the
//     file has no ATOP obligation; a year after 2018 is outside coverage
//     (missing, not "no alliance").
//
//   - ReadAlliances: the ATOP v4.0 alliance-level file (one row per
//     alliance, 141 columns). The fields kept are listed on Alliance.
//
//   - ReadMembers: the ATOP v4.0 member-level file (one row per member per
//     phase, 105 columns). The fields kept are listed on Member.
//
// Conventions of the v4 files, read from the files themselves: a missing
// value is an empty field; an unknown day of a date is empty (read as day 0,
// world.Date's "unknown"); an end or exit year of 0, with month and day 0,
// means the alliance or membership was still in force at the end of the
// data's coverage (2016; ineffect is then 1, and the loader checks that the
// two agree). Such an End is the zero world.Date ("still in force").
package atop
