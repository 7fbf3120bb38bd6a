// Package scorecard backtests alliance theories against the alliances
// states actually formed.
//
// For every dyad that forms an alliance in year t (in COW Formal Alliances
// v4.1 or in ATOP), using the World of year t−1, it asks whether the
// partners shared a top threat (balance of threat, Walt 1987), whether they
// faced the same strongest state (balance of power), and whether one partner
// was the other's top threat or strongest state (bandwagoning). Each hit rate
// is compared with the same rate among the dyads that could have allied in t
// and did not, as a rate ratio with a seeded 95% interval from a bootstrap
// that resamples formation years (the dyads of one year share its
// treaties), overall and by era, beside the baseline every theory must
// beat: contiguity. ATOP defence pacts are scored apart from ATOP's
// weaker obligations.
//
// The predictive scorecard, each theory block's out-of-sample ROC AUC
// alone and its loss when dropped, is package forecast's BlockScores. docs/scorecard.md holds the coding of each hypothesis,
// the table and its reading.
package scorecard
