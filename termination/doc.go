// Package termination turns alliance data into survival data: alliance and
// membership spells from ATOP v4 and COW v4.1, how each ended, and the
// covariates of the concept note's five reasons alliances end, as fixed
// design variables or per calendar year in counting-process form, ready for
// the survival package.
//
// The reference construction (alliance level, ATOP v4): the start date from
// begyr/begmo/begday; the end date from endyr/endmo/endday when endyr is not
// 0; a day that is missing or 0 is taken as the 15th; an alliance with endyr
// 0 is censored at 2016-12-31, the end of ATOP v4's coverage; duration in
// years is days / 365.25. COW v4.1 alliances are censored at 2012-12-31;
// those formed before 1816 enter observation on 1816-01-01 (left
// truncation: they are at risk from the duration they had reached then).
//
// How an ATOP alliance ended comes from the member-level termmode. Code 3
// is a violation: the cases it covers are the Nazi–Soviet pact ended by the
// German invasion of June 1941 (atopid 2470), Germany's non-aggression pact
// with Denmark ended by the invasion of April 1940 (2450), the Soviet pacts
// with the Baltic states ended by their occupation in June 1940
// (2475–2485), the German–Polish declaration of 1934 that Hitler renounced
// in April 1939 (2325), and Italy's exit from the Axis no-separate-peace
// agreement at its armistice of September 1943 (2540, Italy's row only). The
// other codes are endings that break no promise: 1 expiry or renunciation
// at a term the treaty allows (the Sino-Soviet treaty of 1950, not renewed
// in 1980: 3200), 2 replacement by a new agreement among the members
// (the Triple Alliance's renewals, 1350; Britain's guarantee to Poland of
// April 1939 replaced by the treaty of August, 2440), 4 a member's loss of
// independence (the Baltic Entente, 2110; West Germany in 1990, 3130), 5 the
// alliance's aims fulfilled (the Crimean War alliance at the peace of 1856,
// 1160) and 6 the defeat of members in war (the Pact of Steel, 2445). This
// is Leeds & Savun's (2007) split of violation or opportunistic abrogation
// against the rest; the full meaning of each ATOP code is the data
// documentation's, and this package keeps the raw termmode and termcaus on
// every spell.
//
// An alliance ends by violation when a member whose membership ended on the
// alliance's end date has termmode 3; a membership, when its last phase
// has. COW codes no mode of termination: its spells carry no cause.
//
// References:
//   - Bennett, D. Scott. 1997. "Testing Alternative Models of Alliance
//     Duration, 1816–1984." American Journal of Political Science 41(3):
//     846–878.
//   - Leeds, Brett Ashley, and Burcu Savun. 2007. "Terminating Alliances:
//     Why Do States Abrogate Agreements?" Journal of Politics 69(4):
//     1118–1132.
//   - Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and
//     Andrew G. Long. 2002. "Alliance Treaty Obligations and Provisions,
//     1815–1944." International Interactions 28: 237–260.
//   - Gibler, Douglas M. 2009. International Military Alliances, 1648–2008.
//     CQ Press (COW alliances v4.1).
package termination
