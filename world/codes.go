package world

// CodeSystem names a country-code system.
type CodeSystem string

const (
	COW  CodeSystem = "cow"  // Correlates of War ccode
	GW   CodeSystem = "gw"   // Gleditsch & Ward (1999) gwcode
	ISO3 CodeSystem = "iso3" // ISO 3166-1 alpha-3
)
