package history

import "github.com/entente/entente/world"

// Coverage of each source, in years.
const (
	cowAlliancesFirst, cowAlliancesLast = 1816, 2012
	atopFirst, atopLast                 = 1815, 2018
	nmcFirst, nmcLast                   = 1816, 2016
	contiguityFirst, contiguityLast     = 1816, 2016
	capitalsFirst, capitalsLast         = 1816, 2024
	minDistFirst, minDistLast           = 1886, 2019
	midFirst, midLast                   = 1816, 2014
	gmlFirst, gmlLast                   = 1816, 2010
	milexFirst, milexLast               = 1949, 2024
)

// coverage lists the families World reports, with their sources.
func coverage() []world.Coverage {
	return []world.Coverage{
		{Family: world.FamilyCOWAlliances, Source: "COW Formal Alliances v4.1 (Gibler 2009)", From: cowAlliancesFirst, To: cowAlliancesLast},
		{Family: world.FamilyATOPAlliances, Source: "ATOP v4.0 alliances and members; ATOP 5.1 directed dyad-years (Leeds et al. 2002)", From: atopFirst, To: atopLast},
		{Family: world.FamilyCapabilities, Source: "COW National Material Capabilities v6.0 (Singer, Bremer & Stuckey 1972)", From: nmcFirst, To: nmcLast},
		{Family: world.FamilyContiguity, Source: "COW Direct Contiguity v3.2 (Stinnett et al. 2002)", From: contiguityFirst, To: contiguityLast},
		{Family: world.FamilyCapitals, Source: "COW capitals geocoded by peacesciencer (Miller 2022)", From: capitalsFirst, To: capitalsLast},
		{Family: world.FamilyMinDist, Source: "CShapes 2.0 minimum distances via peacesciencer (Schvitz et al. 2022)", From: minDistFirst, To: minDistLast},
		{Family: world.FamilyMilex, Source: "SIPRI Military Expenditure Database (US dollars 1949–2018; share of GDP via Our World in Data 1949–2024)", From: milexFirst, To: milexLast},
		{Family: world.FamilyDisputes, Source: "COW MID 5.0 participants (Palmer et al. 2022)", From: midFirst, To: midLast},
	}
}
