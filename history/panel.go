package history

import "github.com/entente/entente/world"

// Coverage of the sources read by Open, in years, for code that needs it
// before the data is loaded (a panel's codebook and option checks): the
// catalogue's (internal/dataset). The DyadTables' Span and Coverage(y)
// report the same years.
var (
	SystemFirst, SystemLast             = systemFirst, systemLast             // COW state system membership v2016
	COWAlliancesFirst, COWAlliancesLast = cowAlliancesFirst, cowAlliancesLast // COW Formal Alliances v4.1
	ATOPFirst, ATOPLast                 = atopFirst, atopLast                 // ATOP 5.1 directed dyad-years
	NMCFirst, NMCLast                   = nmcFirst, nmcLast                   // NMC v6.0
	ContiguityFirst, ContiguityLast     = contiguityFirst, contiguityLast     // COW Direct Contiguity v3.2
	CapitalsFirst, CapitalsLast         = capitalsFirst, capitalsLast         // COW capitals (peacesciencer)
	MinDistFirst, MinDistLast           = minDistFirst, minDistLast           // CShapes 2.0 minimum distances
	GMLFirst, GMLLast                   = gmlFirst, gmlLast                   // GML MID 2.1.1 dyad-years
	WarsFirst, WarsLast                 = warsFirst, warsLast                 // COW inter-state wars v4.0
	RegimeFirst, RegimeLast             = regimeFirst, regimeLast             // V-Dem, Polity2, UDS
	EconomyFirst, EconomyLast           = economyFirst, economyLast           // GDP, population, SDP
	RivalriesFirst, RivalriesLast       = rivalriesFirst, rivalriesLast       // Thompson–Dreyer rivalries
	TradeFirst, TradeLast               = tradeFirst, tradeLast               // COW dyadic trade v4.0
	IGOFirst, IGOLast                   = igoFirst, igoLast                   // COW IGO v3.0 dyadic
	LeadersFirst, LeadersLast           = leadersFirst, leadersLast           // Archigos 4.1
	TerritoryFirst, TerritoryLast       = territoryFirst, territoryLast       // Miller's territorial threat
)

// COWDyadsIn calls f for every directed dyad that a COW alliance binds in
// year y, once per alliance: a and b are different states holding
// membership spells in the alliance that overlap y (the rule of
// COWMembershipsIn and COW). pledged are a's pledges in that alliance and
// known the pledge flags the member file codes for a's spell; a flag
// outside known is unknown, not absent. The union of pledged over a
// dyad's calls is COW().Get(y, a, b). f is not called outside 1816–2012.
func (h *History) COWDyadsIn(y int, f func(a, b int, pledged, known world.Obligations)) {
	ms := h.COWMembershipsIn(y)
	for lo := 0; lo < len(ms); {
		hi := lo
		for hi < len(ms) && ms[hi].ID == ms[lo].ID {
			hi++
		}
		for i := lo; i < hi; i++ {
			for j := lo; j < hi; j++ {
				if ms[i].CCode != ms[j].CCode {
					f(ms[i].CCode, ms[j].CCode, ms[i].Obligations, ms[i].Known)
				}
			}
		}
		lo = hi
	}
}
