// Package forecast predicts alliance formation out of sample and scores
// the theories of why states ally by how well they predict it.
//
// The design is the dyad-year (Build): for outcome year t, every
// non-directed pair of states that are system members in t−1 and t and
// were not allied under the outcome's Kind in t−1; the outcome is that
// they are allied under it in t. Kinds: any ATOP obligation, ATOP defence
// (or offence) pledges, any COW alliance. Every feature is measured on the
// World of t−1 and on the Worlds before it (Carry), never on year t or
// later; Features lists them with their theory block (power, threat,
// geography, interests, domestic politics, identity, network) and source.
//
// The model is L2-penalised logistic regression (package logit) on the
// standardised features, with the non-forming dyad-years subsampled at a
// fixed, seeded rate and weighted back up, the penalty chosen by blocked
// cross-validation inside the training years, and missing values imputed
// with training means beside a missing indicator (Model). Run backtests
// it with a rolling origin (fit on years < t, predict t, for each t of the
// window) or a fixed one, and Evaluate scores the predictions: ROC AUC,
// precision–recall AUC (average precision), the Brier skill score against
// the training base rate and a calibration table by deciles, with 95%
// intervals from a bootstrap that resamples whole outcome years (the waves
// of multilateral treaties make dyads of one year far from independent;
// Aronow, Samii & Assenova 2015), per dyad-year, per treaty, and without
// treaties of more than ten members. BlockScores gives each block's AUC
// alone and its loss when dropped: the theory scorecard.
//
// docs/forecast.md holds the figures and where the construction departs
// from the literature.
package forecast
