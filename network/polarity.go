package network

import "math"

// Concentration returns the concentration of capability among the major
// powers,
//
//	CON = √((Σ_i S_i² − 1/N) / (1 − 1/N)),
//
// where S_i is major power i's share of the major powers' combined CINC
// and N their number (Ray & Singer 1973, "Measuring the Concentration of
// Power in the International System", Sociological Methods & Research
// 1(4): 403–437; Mansfield 1993, "Concentration, Polarity, and the
// Distribution of Power", International Studies Quarterly 37(1): 105–128,
// reads power polarity from it). CON is 0 when the major powers are equal
// and 1 when one holds everything. Major powers with unknown capability
// are left out; NaN for fewer than two with a known one.
func (n *Network) Concentration() float64 {
	var shares []float64
	total := 0.0
	for i, m := range n.Major {
		if c := n.Capability[i]; m && !math.IsNaN(c) {
			shares = append(shares, c)
			total += c
		}
	}
	N := float64(len(shares))
	if N < 2 || total <= 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, s := range shares {
		sum += (s / total) * (s / total)
	}
	return math.Sqrt(math.Max(0, (sum-1/N)/(1-1/N)))
}

// Poles returns the states holding at least Options.PoleShare of the
// system's capability (their CINC over the sum of known CINCs), in ccode
// order: the poles of power polarity. With the default 10%, Britain alone
// is a pole in 1816–1850, the United States and the Soviet Union in most
// Cold War years, the United States and China after 2000.
func (n *Network) Poles() []int {
	total := n.totalCapability()
	var out []int
	if total <= 0 {
		return nil
	}
	for i, c := range n.Capability {
		if !math.IsNaN(c) && c/total >= n.Options.PoleShare {
			out = append(out, n.Nodes[i])
		}
	}
	return out
}

func (n *Network) totalCapability() float64 {
	total := 0.0
	for _, c := range n.Capability {
		if !math.IsNaN(c) {
			total += c
		}
	}
	return total
}

// StructuralPoles returns the number of clusters of p, blocs and
// unaligned states alike, that hold at least Options.PoleShare of the
// system's capability: structural polarity, the count of poles once
// alliances pool capability (after Wayman 1984, "Bipolarity and War: The
// Role of Capability Concentration and Alliance Patterns among Major
// Powers, 1816–1965", Journal of Peace Research 21(1): 61–78, who counts
// alliance clusters and unaligned major powers as poles). Wayman forms
// clusters from the major powers' alliances; here they are the Louvain
// blocs of the whole system. NaN when no capability is known.
func (n *Network) StructuralPoles(p Partition) float64 {
	total := n.totalCapability()
	if total <= 0 {
		return math.NaN()
	}
	count := 0
	for _, b := range p.Blocs {
		if b.Share.Float() >= n.Options.PoleShare {
			count++
		}
	}
	for i, c := range n.Capability {
		if p.Of(n.Nodes[i]) < 0 && !math.IsNaN(c) && c/total >= n.Options.PoleShare {
			count++
		}
	}
	return float64(count)
}

// Polarization returns the network polarization of p, in [0, 1):
//
//	P = (1 − Σ_k s_k²) · E_in / E,
//
// where s_k is bloc k's share of the capability the blocs hold together
// and E_in/E the share of ties that lie within a bloc. P is 0 with a single
// bloc or with ties that ignore the blocs, and approaches 1 − 1/K for K
// blocs of equal capability with no tie between them.
//
// It follows the idea of Maoz's network polarization (Maoz 2006, "Network
// Polarization, Network Interdependence, and International Conflict,
// 1816–2002", Journal of Peace Research 43(4): 391–411; Maoz 2010,
// Networks of Nations, ch. 3): a system is polarized when it splits into
// cohesive, mutually exclusive groups of comparable capability. Maoz finds
// the groups as overlapping strategic reference groups from cliques and
// weighs them differently; this index uses the Louvain blocs and is
// entente's construction, not comparable number for number with his
// series. NaN without ties or without known capability in the blocs.
func (n *Network) Polarization(p Partition) float64 {
	if len(n.Ties) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, b := range p.Blocs {
		if b.Share.OK() {
			sum += b.Share.Float()
		}
	}
	if sum <= 0 {
		return math.NaN()
	}
	frac := 1.0
	for _, b := range p.Blocs {
		if b.Share.OK() {
			frac -= (b.Share.Float() / sum) * (b.Share.Float() / sum)
		}
	}
	in := 0
	for _, t := range n.Ties {
		if a := p.Of(t.Dyad.A); a >= 0 && a == p.Of(t.Dyad.B) {
			in++
		}
	}
	return frac * float64(in) / float64(len(n.Ties))
}
