// Package network measures the shape of alliance systems as graphs.
//
// The nodes of an alliance graph are states and an edge joins two states
// bound to each other by at least one treaty of the system. A multilateral
// treaty (NATO) binds every member to every other and so contributes a
// complete graph; a bilateral treaty contributes one edge. A system of
// bilateral treaties with a common partner (the US system in Asia and the
// Pacific) is a star.
//
// Freeman's degree centralization reads "hub-and-spoke" and "multilateral"
// from the same measure: it is 1 for a star and 0 for a complete graph.
// Asymmetry between members is measured from their capability shares: the
// largest member's share of the members' combined capability, and the
// Herfindahl–Hirschman index of those shares.
package network
