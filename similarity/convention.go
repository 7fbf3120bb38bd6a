package similarity

import "fmt"

// Convention names a set of choices that fixes every measure, so that a
// panel can reproduce a reference implementation exactly.
type Convention uint8

const (
	// Hage is entente's default: kappa and pi both chance-corrected with
	// the same disagreement weights (Häge 2011; quadratic unless chosen
	// otherwise), ties as chosen (directed by default).
	Hage Convention = iota
	// FPSim is the convention of the fpsim R package (Miller), which
	// peacesciencer users take their similarity scores from:
	//
	//   - ties Directed: i's portfolio is row i of the directed valued
	//     matrix, the self-tie at the top level, over the system members
	//     of the year;
	//   - S with absolute distances over the valuation's range (3 for
	//     valued ties), unit weights, and, for the weighted S, CINC weights
	//     as published (members without a CINC dropped, the rest not
	//     renormalised: S divides by their sum);
	//   - Cohen's kappa with quadratic disagreement weights (fpsim's
	//     cohenk, w_exp = 2);
	//   - Scott's pi unweighted (fpsim's spi): nominal agreement on the
	//     4×4 table, (p_o - p_e)/(1 - p_e);
	//   - Kendall's tau-b as R's cor(method = "kendall").
	//
	// The CINC is a panel's choice: fpsim's users take it from NMC v7.0 as
	// peacesciencer bundles it.
	FPSim
)

var conventionNames = [...]string{Hage: "hage", FPSim: "fpsim"}

func (c Convention) String() string {
	if int(c) < len(conventionNames) {
		return conventionNames[c]
	}
	return fmt.Sprintf("Convention(%d)", uint8(c))
}

// ParseConvention returns the convention named s ("hage" or "fpsim").
func ParseConvention(s string) (Convention, error) {
	for i, n := range conventionNames {
		if n == s {
			return Convention(i), nil
		}
	}
	return 0, fmt.Errorf("unknown convention %q (want hage or fpsim)", s)
}

// Weights returns the disagreement weightings of kappa and pi under c;
// dw is the weighting chosen for the Hage convention, which applies it to
// both.
func (c Convention) Weights(dw Disagreement) (kappa, pi Disagreement) {
	if c == FPSim {
		return Quadratic, Nominal
	}
	return dw, dw
}

// Ties returns the ties c prescribes, or t when c leaves them to the
// caller.
func (c Convention) Ties(t Ties) Ties {
	if c == FPSim {
		return Directed
	}
	return t
}
