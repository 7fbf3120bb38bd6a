// Package landscape computes the coalitions a set of actors settles into
// under Axelrod and Bennett's landscape theory of aggregation.
//
// Each actor i has a size s_i > 0 and each pair a symmetric propensity
// p_ij (positive: they would rather be together). A configuration puts
// every actor on a side; d_ij is 0 when i and j are on the same side and 1
// otherwise. Actor i's frustration and the energy of the configuration are
//
//	F_i = Σ_j s_j p_ij d_ij
//	E   = Σ_i s_i F_i = Σ_{i≠j} s_i s_j p_ij d_ij   (ordered pairs)
//
// An actor moves when moving strictly lowers its own frustration; since
// moving actor k changes the energy by ΔE = 2·s_k·ΔF_k, every move lowers
// E and the myopic dynamics stop at a local minimum. Landscape theory
// predicts the local minima, and each one's basin of attraction (the share
// of starting configurations from which the dynamics reach it).
//
// With two sides and σ_i = ±1 this is an Ising spin glass with couplings
// J_ij = s_i s_j p_ij. Exact examines all 2^(n−1) bipartitions with a Gray
// code and local fields (n ≤ MaxExact); with K > 2 sides (Galam 1996;
// Florian & Galam 2000) it examines every partition into at most K
// unlabelled sides. Anneal is a seeded, reproducible heuristic for large
// n: independent runs of parallel tempering (two sides) or simulated
// annealing (more), each run finished by a descent.
// Basins computes basins exhaustively or from seeded samples.
//
// Inputs come from New (names, sizes and a propensity matrix; the
// internal/source/propensity loader reads them from two CSV files) or from
// a world.World (FromWorld: sizes from CINC, propensities from weighted
// components). The package reads no files.
//
// References:
//
//	Axelrod, Robert, and D. Scott Bennett. 1993. "A Landscape Theory of
//	  Aggregation." British Journal of Political Science 23(2): 211–233.
//	Galam, Serge. 1996. "Fragmentation versus Stability in Bimodal
//	  Coalitions." Physica A 230: 174–188.
//	Florian, Razvan, and Serge Galam. 2000. "Optimizing Conflicts in the
//	  Formation of Strategic Alliances." European Physical Journal B 16:
//	  189–194.
package landscape
