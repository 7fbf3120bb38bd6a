// Package simulate is an agent-based model of alliance politics: a
// discrete-time simulation over a World, driven by scenarios of shocks,
// run many times (Monte Carlo) with seeded, shardable randomness.
//
// A Scenario (ParseScenario, a YAML file; Builtin for the shipped ones)
// names a base World, shocks at dates and the states to report on.
// Prepare computes, once, the World after each date's shocks (an epoch)
// with its threat matrix (threat.Compute, Walt's composite) and alignment
// predictions (align.Predict); the runs share them read-only and change
// only their own overlay of alliance memberships and wars.
//
// Each simulated year every state reads its choice from the epoch —
// balance, bandwagon or none as align predicts, or Hedge when all of
// Walt's bandwagoning conditions but one fire — and may leave an alliance
// (ThreatInside, Entrapped), form a defence pact with a partner sharing
// its threat when both gain more security than the autonomy and
// entrapment it costs (Morrow 1991; Snyder 1984), or align with its
// threat. When a war begins, every state outside it weighs both sides
// week by week: pledges and their conditions (a defence pledge binds when
// the ally's side was attacked, as in Leeds, Long & Mitchell 2000, at the
// honour rates of the reliability package), chain-ganging (Christensen &
// Snyder 1990), and its actual threats (Walt 1987); a pledge to a state on
// the other side bars it. Every Decision records its Reason, the quantity
// compared, the rate and the draw.
//
// Run r draws from rand.NewPCG(seed, r) alone, so results do not depend
// on the number of workers and a Shard of the runs is exact. Simulate
// streams Results in run order; the tables package writes them as
// Parquet, and a Summarizer reduces them in memory that does not grow
// with the runs. docs/simulate.md describes the rules, the shipped
// scenarios, the 1914 case and the 1946 backtest.
package simulate
