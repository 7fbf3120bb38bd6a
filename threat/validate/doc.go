// Package validate tests the threat model against history: face validity on
// cases historians agree on, and out-of-sample prediction of the two
// behaviours balance-of-threat theory says threat drives.
//
// Face validity (Face): for each case of a cases file (the
// ../shared/fixtures/threat format: world, year, state, top_threat, choice,
// partner_any), the model's largest threat to the state, its predicted
// choice and its three first partners are compared with the record.
//
// Out of sample (OutOfSample): every directed dyad-year (i, j) of 1816–2014
// is scored by the default model, the seed's sum and the single components
// (power, proximity, intentions) in year t, and two outcomes in t+1 are
// predicted:
//
//	(a) dispute   j initiates a militarized dispute against i (MID 5.0:
//	              j an originator on side A, i on side B, the dispute
//	              beginning in t+1);
//	(b) balancing i forms a new defence pact in t+1 with a partner k ≠ j
//	              that j also threatens (k and j contiguous, or on
//	              opposite sides of a dispute in t−9..t), j not a member.
//
// Each score is mapped to a probability by a logistic regression fitted on
// 1816–1945 only; AUC and log-loss are reported on 1946–2014. The default
// model's constants are those Fit selects from the training years; nothing
// is chosen by looking at the test years. docs/threat.md gives the tables.
//
// The package reads no files: the caller passes the History and the
// embedded World.
package validate
