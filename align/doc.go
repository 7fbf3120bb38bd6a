// Package align predicts each state's alignment choice from a threat
// matrix: balance against its top threat, bandwagon with it, or stay out
// when nobody threatens it, and which partners it should choose.
//
// Walt (1987, The Origins of Alliances, ch. 2 and ch. 5) holds that states
// balance, and bandwagon only when they are very weak, when the threat is
// overwhelming, when no allies are available, or when the benefits of
// bandwagoning outweigh its costs. Each of these conditions is a measured
// quantity here, with a documented threshold, and a Prediction lists which
// fired and with what values. Other motives (interests, domestic politics,
// identity) enter the choice of partners as weighted terms of a utility
// beside capability aggregation against the threat. The thresholds, the
// utility and its terms are our own construction; Walt gives none.
package align
