package forecast

// Feature is one predictor of a dyad-year, measured on the World of t−1.
type Feature struct {
	Name  string `json:"name"`
	Block string `json:"block"`
	Doc   string `json:"doc"`
	// Missable features can be unmeasured (outside a source's coverage,
	// or undefined); the model imputes them and adds an indicator.
	Missable bool `json:"missable"`
}

// The theory blocks, in table order.
const (
	BlockPower     = "power"
	BlockThreat    = "threat"
	BlockGeography = "geography"
	BlockInterests = "interests"
	BlockDomestic  = "domestic"
	BlockIdentity  = "identity"
	BlockNetwork   = "network"
)

// Blocks lists the theory blocks in table order.
var Blocks = []string{BlockPower, BlockThreat, BlockGeography, BlockInterests, BlockDomestic, BlockIdentity, BlockNetwork}

// Features lists the predictors in column order. Sources: COW NMC
// (CINC, Singer, Bremer & Stuckey 1972) and COW major powers; the threat
// model of package threat (Walt 1987; its composite is entente's own, see
// docs/threat.md); COW Direct Contiguity v3.2 (Stinnett et al. 2002) and
// capital distances (Gleditsch & Ward); COW Dyadic Trade v4 (Barbieri &
// Keshk) over GDP of Anders, Fariss & Markowitz (2020); COW IGO v3
// (Pevehouse et al. 2020); portfolio S (Signorino & Ritter 1999) from
// package similarity; Polity2 (Marshall & Gurr); strategic rivalries
// (Thompson & Dreyer 2012); MID 5.0 participants (Palmer et al.); the
// alliance source itself for identity and network (Cranmer, Desmarais &
// Menninga 2012 on common allies and triadic closure).
var Features = []Feature{
	{"cap_ratio_log", BlockPower, "|ln CINC_a − ln CINC_b|: capability imbalance", true},
	{"cinc_sum_log", BlockPower, "ln(CINC_a + CINC_b): joint weight", true},
	{"one_major", BlockPower, "exactly one of the two is a COW major power", false},
	{"both_major", BlockPower, "both are COW major powers", false},

	{"shared_top_threat", BlockThreat, "both face the same top threat (threat.Matrix.TopPos)", true},
	{"threatens_other", BlockThreat, "one is the other's top threat (bandwagoning)", true},
	{"dyad_threat", BlockThreat, "max of the threats each poses to the other (threat total)", true},
	{"common_threat", BlockThreat, "max over third states k of min(T_ak, T_bk): a threat felt by both", true},

	{"land_contiguous", BlockGeography, "COW contiguity type 1 (land)", true},
	{"sea_contiguous", BlockGeography, "COW contiguity types 2–5 (water up to 400 miles)", true},
	{"log_distance", BlockGeography, "ln(1 + km between capitals)", true},
	{"same_region", BlockGeography, "both in one COW region (by ccode: Americas, Europe, Africa, Middle East, Asia and Oceania)", false},

	{"trade_log", BlockInterests, "ln(1 + dyadic trade, millions of current US$)", true},
	{"trade_dependence", BlockInterests, "ln(1 + 100 · trade / smaller GDP): trade dependence of the more dependent", true},
	{"shared_igos", BlockInterests, "IGOs both belong to", true},
	{"portfolio_s", BlockInterests, "alliance-portfolio S, absolute distance, unit weights (fpsim's directed rule)", true},

	{"joint_democracy", BlockDomestic, "both Polity2 ≥ 6", true},
	{"joint_autocracy", BlockDomestic, "both Polity2 ≤ −6", true},
	{"regime_distance", BlockDomestic, "|Polity2_a − Polity2_b|", true},

	{"rivals", BlockIdentity, "a strategic rivalry between the two in force", false},
	{"shared_rivals", BlockIdentity, "states that are strategic rivals of both", false},
	{"common_enemies", BlockIdentity, "states both met on the other side of a MID begun in the last ten years", false},
	{"fought_together", BlockIdentity, "on the same side of a MID begun in the last ten years", false},
	{"past_alliance", BlockIdentity, "allied under the outcome's kind in some earlier year", false},
	{"past_recency", BlockIdentity, "exp(−years since that alliance ended / 10); 0 when never allied", false},
	{"newest_age_log", BlockIdentity, "ln(1 + years the younger of the two has been a system member, as far as the Worlds read go back)", false},
	{"allied_weaker", BlockIdentity, "allied in t−1 under an obligation of the source that the kind does not count", false},

	{"common_allies_share", BlockNetwork, "states allied with both in t−1 (any obligation of the source), over the allies of the one with fewer; 0 when one has none", false},
	{"degree_log", BlockNetwork, "ln(1 + allies of a + allies of b) in t−1", false},
	{"recent_partners_log", BlockNetwork, "ln(1 + new allies a and b gained in t−1 under the kind): treaties joined in waves", false},
}

// FeatureIndex returns the column of the named feature, or −1.
func FeatureIndex(name string) int {
	for i, f := range Features {
		if f.Name == name {
			return i
		}
	}
	return -1
}

// BlockColumns returns the columns of the features in block.
func BlockColumns(block string) []int {
	var out []int
	for i, f := range Features {
		if f.Block == block {
			out = append(out, i)
		}
	}
	return out
}
