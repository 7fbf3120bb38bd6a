// Package threat measures the threat each state poses to each other state in
// a World, after Walt's balance-of-threat theory.
//
// Walt (1987, The Origins of Alliances, Cornell University Press, ch. 2)
// names four sources of threat: aggregate power, geographic proximity,
// offensive capability and aggressive intentions. Walt gives no formula; the
// composite here is our own construction, and every Threat carries its four
// components beside its total so that users can see and reweight them.
//
// For the threat that state j (from) poses to state i (to), each component
// lies in [0,1]:
//
//	P_j   aggregate power: CINC_j / max_k CINC_k (the strongest state is 1)
//	X_ij  proximity: the share of j's capability that reaches i, from the
//	      loss-of-strength gradient (Bueno de Mesquita 1981, or Boulding 1962
//	      as an option) over the capital distance, with contiguity
//	O_j   offensive capability: mean of j's military expenditure and military
//	      personnel relative to the largest, and, in world files, the
//	      analyst-coded power projection and nuclear-weapons status
//	I_ij  aggressive intentions: 1 − exp(−s_ij), where s_ij sums the
//	      militarized disputes j initiated or fought against i, weighted by
//	      hostility level and decayed with age; at least the hostility coded
//	      in a world file; multiplied by a factor below one when i and j are
//	      allied
//
// The default composite is the seed's sum T_ij = w1 P + w2 X + w3 O + w4 I
// with equal weights 1 (range 0..4); a multiplicative variant, the weighted
// geometric mean T_ij = (P^w1 X^w2 O^w3 I^w4)^(1/Σw) (range 0..1), is an
// option. A component that
// cannot be measured is missing, never zero; see Options.Missing for how the
// composite treats it.
//
// Compute returns a Matrix for one World; Matrix.Faced lists the threats one
// state faces, largest first.
package threat
