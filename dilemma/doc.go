// Package dilemma computes the dilemmas every alliance faces: abandonment
// versus entrapment (Snyder 1984, "The Security Dilemma in Alliance
// Politics", World Politics 36(4): 461–495; Snyder 1997, Alliance
// Politics, Cornell University Press), security versus autonomy (Morrow
// 1991, "Alliances and Asymmetry", American Journal of Political Science
// 35(4): 904–933) and chain-ganging versus buck-passing (Christensen &
// Snyder 1990, "Chain Gangs and Passed Bucks", International Organization
// 44(2): 137–168).
//
// Snyder states his dilemma in words; the measures here are our own
// construction, each a product of components in [0, 1] that Member
// carries beside the total. For member i of alliance a in a World:
//
//	T_i  threat: max over states j outside a of I_ij · D_ij, the actual
//	     threat j poses (Walt intent I, package threat) times the share of
//	     a contest at i's home j's capability would bring (D, relative to
//	     i's own capability)
//	S_i  partner share: C_a / (C_a + c_i), the CINC of i's partners in a
//	     beside i's own: how much the alliance adds to i
//	L_i  alternatives: C_o / (C_a + C_o), the CINC of i's defence allies
//	     outside a beside its partners in a
//	Dep  dependence = T_i · S_i · (1 − L_i)
//	κ    the ally's credibility: the credibility index of the commitment
//	     of the patron (the strongest partner) to i (package credibility:
//	     interests, capability, reputation, signals, domestic;
//	     Inputs.Credibility, CredibilityIndex), once per World
//	τ    tightness of the commitment: obligation type and ATOP provisions
//	     (Tightness)
//	A    abandonment fear = Dep · (1 − κ·τ)
//	H_i  the partners' conflict: 1 − Π_j (1 − q_ij) over outsiders j,
//	     q_ij = 1 − Π_{k≠i} (1 − c_kj) over partners k, c the conflict
//	     between two states (the larger Walt intent either way: disputes
//	     decayed, rivalry, war)
//	F_i  the share of it i does not share: Σ_j q_ij (1 − c_ij) / Σ_j q_ij
//	U_i  unshared conflicts = H_i · F_i
//	E    entrapment risk = U_i · τ
//
// Snyder's trade-off is then explicit: a tighter commitment (τ up) makes
// the ally's pledge worth more, so abandonment fear falls, and binds i to
// the ally's quarrels, so entrapment risk rises (Tighten, Loosen). κ is
// measured on the commitment as it stands and held through the what-if.
//
// Dyads measures Morrow's trade in each asymmetric pair (the security the
// weaker gains, the autonomy it concedes); Formation and DurationBy test
// his claims that asymmetric alliances form more easily and last longer.
// Cases and Chain count, when a state faces a major power in a war or a
// dispute, whether its major-power allies join (chain-ganging) or stay
// out (buck-passing), by polarity (Poles) and by the offence–defence
// balance measured as the initiators' recent success (InitiatorSuccess).
// docs/dilemmas.md gives the figures on the data.
//
// The package reads no files: it takes Worlds, the threat model's matrix,
// and the inputs that history builds (ATOP provisions, the reliability
// record).
package dilemma
