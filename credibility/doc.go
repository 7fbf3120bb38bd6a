// Package credibility measures how believable a patron's commitment to a
// protégé is, from five components, and models extended deterrence: do
// defence pacts, and their credibility, keep their members from being
// targeted (Leeds 2003)?
//
// A Commitment is one patron's pledge to one protégé in a World: each
// member of an alliance that undertook defence or offence obligations is
// a patron of every other member in force (COW and ATOP code every
// member as pledged to every other), and each member of an informal
// partnership (the Taiwan Relations Act) is a patron of the other, with
// no formal obligation.
//
// The five components, each in [0, 1] and missing (NaN) when unmeasured:
//
//	interests   mean of the available: alliance-portfolio similarity S
//	            (Signorino & Ritter 1999, ATOP valuation, directed ties,
//	            rescaled (S+1)/2); trade, the protégé's share of the
//	            patron's trade, saturating at TradeFull; shared IGOs
//	            relative to the patron's most-shared partner; regime
//	            similarity, 1 − |Δ polyarchy| (V-Dem), else 1 − |Δ polity2|/20,
//	            else equal coded regimes 1, one step apart 0.5, else 0
//	capability  a_p / (a_p + a_j): the patron's capability as it reaches
//	            the protégé against that of the protégé's top threat j,
//	            both under the threat model's loss-of-strength gradient
//	            (threat.Options.Reach; Bueno de Mesquita 1981)
//	reputation  the patron's honoured share of its past triggered defence
//	            and offence invocations (reliability, llm rule), each
//	            weighted 2^(−age/HalfLife), shrunk toward 1/2 by a prior of
//	            one invocation (Beta(½, ½) pseudo-counts)
//	signals     mean of the available: ATOP milcon/3, base/3, intcom,
//	            milaid/4, organ1/3; troops of the patron stationed in the
//	            protégé (min 1, troops/TroopsFull) and nuclear sharing
//	            (the protégé hosts the patron's weapons), from the World's
//	            stationing (world files)
//	domestic    mean of the available: the patron's democracy (audience
//	            costs: Fearon 1994), polyarchy or (polity2+10)/20 or the coded
//	            regime; its leader's tenure, min 1, years/TenureFull
//
// The index is a weighted mean of the available components (equal weights
// by default; Fit estimates weights on invocations). Extended deterrence
// is reported beside the index, not inside it: whether the protégé's top
// threat is nuclear-armed, whether the patron is and extends an umbrella,
// and whether the patron's homeland is exposed to the adversary's
// weapons ("would the US trade New York for Berlin?").
//
// The composite is entente's own construction. Its components follow the
// credibility literature — interests (Huth 1988; Fearon 1997), capability
// (Huth 1988), reputation (Crescenzi et al. 2012; Miller 2012), signals
// (Fearon 1997: tying hands and sinking costs; Mattes 2012; Leeds 2003:
// military institutionalisation), domestic audience costs (Fearon 1994;
// Leeds 1999) — but no paper combines them so: docs/credibility.md says
// where and why, and the package validates the index out of sample.
//
// The package reads no files: it takes Worlds, reliability rows and ATOP
// member rows.
package credibility
