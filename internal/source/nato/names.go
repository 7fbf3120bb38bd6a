package nato

// names maps the English names NATO's tables give the allies to COW codes
// (Correlates of War State System Membership v2016). NATO writes
// "Türkiye" (since 2022), "Slovak Republic" and "North Macedonia"; the
// older spellings are kept so that earlier editions read too.
var names = map[string]int{
	"Albania":         339,
	"Belgium":         211,
	"Bulgaria":        355,
	"Canada":          20,
	"Croatia":         344,
	"Czechia":         316,
	"Czech Republic":  316,
	"Denmark":         390,
	"Estonia":         366,
	"Finland":         375,
	"France":          220,
	"Germany":         255,
	"Greece":          350,
	"Hungary":         310,
	"Iceland":         395,
	"Italy":           325,
	"Latvia":          367,
	"Lithuania":       368,
	"Luxembourg":      212,
	"Montenegro":      341,
	"Netherlands":     210,
	"North Macedonia": 343,
	"Norway":          385,
	"Poland":          290,
	"Portugal":        235,
	"Romania":         360,
	"Slovak Republic": 317,
	"Slovakia":        317,
	"Slovenia":        349,
	"Spain":           230,
	"Sweden":          380,
	"Türkiye":         640,
	"Turkey":          640,
	"United Kingdom":  200,
	"United States":   2,
}

// CCode returns the COW code of the ally NATO names name.
func CCode(name string) (int, bool) {
	c, ok := names[name]
	return c, ok
}
