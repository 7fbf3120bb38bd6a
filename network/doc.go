// Package network measures alliances as networks: the shape of one alliance
// system, and the alliance network of the whole state system year by year.
//
// The shape of a system. The nodes of an alliance graph are states and an
// edge joins two states bound to each other by at least one treaty of the
// system. A multilateral treaty (NATO) binds every member to every other and
// so contributes a complete graph; a bilateral treaty contributes one edge. A
// system of bilateral treaties with a common partner (the US system in Asia
// and the Pacific) is a star. Freeman's degree centralization reads
// "hub-and-spoke" and "multilateral" from the same measure: it is 1 for a
// star and 0 for a complete graph (Reading, with the thresholds
// HubAndSpokeMin and MultilateralMax). Asymmetry between members is measured
// from their capability shares: the largest member's share of the members'
// combined capability, and the Herfindahl–Hirschman index of those shares.
//
// The network of a system-year. A Network has every state of a World as a
// node and a tie between two states that an obligation binds, by source
// (COW, ATOP or a world file's own alliances), type (defence pacts or any
// obligation, weighted by level) and rule (a pledge in either direction, or
// mutual pledges); states on opposite sides of a militarized dispute are
// its negative ties. Build one from a World's alliances (FromWorld) or,
// for history, from the directed dyad-year tables (FromHistory):
//
//	h, err := history.Open(dir)
//	n, w, err := network.FromHistory(h, 1980, network.DefaultOptions())
//	p := n.Blocs()                      // Louvain, seeded, best of Restarts
//	fmt.Println(len(n.Ties), len(p.Blocs), p.Of(2) != p.Of(365))
//
// Its measures (Measure, and Series for a range of years) are the number of
// ties, density, connected components and the giant component's share,
// degree centralization, clustering, blocs by modularity (Blocs) and by
// signed modularity with disputes as negative ties (SignedBlocs, after
// Traag & Bruggeman 2009), poles and the major powers' concentration
// (power polarity, after Ray & Singer 1973 and Mansfield 1993), structural
// poles (blocs as poles, after Wayman 1984) and a network polarization
// index after Maoz (2006). docs/networks.md gives the figures over
// 1816–2016, the comparison with Li et al. (2017), and the commands that
// reproduce them.
//
// Missing is not zero: a year outside a source's coverage has every
// measure missing, and an unknown capability is left out of every share.
package network
