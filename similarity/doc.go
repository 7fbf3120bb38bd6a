// Package similarity measures how alike two states' alliance portfolios are.
//
// A state's alliance portfolio in a year is its vector of ties to every
// member of the state system that year, itself included. Ties are ordinal
// levels 0..3 fixed in advance (never taken from the data), assigned by a
// Valuation:
//
//	ATOP   defense or offense 3, neutrality or consultation 2, nonaggression 1, none 0
//	COW    defense 3, neutrality or nonaggression 2, entente 1, none 0
//	binary any obligation 1, none 0
//
// A state's tie with itself is the top level (3, or 1 for binary).
//
// ATOP codes obligations by direction (A pledges to B). With Directed ties
// (fpsim's rule) i's portfolio is row i of the directed valued matrix: i's
// own obligations toward each k. With Symmetric ties the tie of i and k is
// the maximum over both directions.
//
// Every measure of a dyad (i, j) depends on the two portfolios x (i's) and
// y (j's) only through the 4×4 contingency table of (x_k, y_k) over the
// system members k, weighted by w_k (1, or k's CINC share). The package
// therefore computes each measure from a Table:
//
//	t := similarity.Tally(x, y, nil)
//	s := t.S(similarity.Absolute, 3)
//	tau := t.TauB()
//
// Because portfolios are sparse (most ties are 0), Portfolios builds the
// table of a dyad from the nonzero ties of the two states and fills the
// (0,0) cell by subtraction, so a full dyad-year panel over 1816–2016 takes
// seconds, not the hours a pairwise computation takes.
//
// The measures:
//
//   - Kendall's tau-b (Bueno de Mesquita 1975), Table.TauB;
//   - S (Signorino & Ritter 1999) with absolute or squared distance, unit
//     or CINC weights, Table.S;
//   - Cohen's kappa and Scott's pi (Häge 2011), chance-corrected agreement
//     with quadratic (default), linear or nominal (unweighted) disagreement
//     weights, Table.Kappa and Table.Pi.
//
// A Convention fixes every choice at once: Hage (the default: kappa and pi
// with the same weights) or FPSim, which reproduces the fpsim R package
// (directed ties, kappa quadratic, pi nominal).
//
// An undefined value (a zero denominator: a constant portfolio, or no
// weight at all) is missing: a world.Value that IsMissing.
//
// References:
//
//	Bueno de Mesquita, Bruce. 1975. "Measuring Systemic Polarity." Journal of
//	  Conflict Resolution 19(2): 187–216.
//	Signorino, Curtis S., and Jeffrey M. Ritter. 1999. "Tau-b or Not Tau-b:
//	  Measuring the Similarity of Foreign Policy Positions." International
//	  Studies Quarterly 43(1): 115–144.
//	Häge, Frank M. 2011. "Choice or Circumstance? Adjusting Measures of
//	  Foreign Policy Similarity for Chance Agreement." Political Analysis
//	  19(3): 287–305.
package similarity
