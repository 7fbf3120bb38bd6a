package history

// Names gives well-known alliances their common names, keyed by alliance
// ID. Neither COW nor ATOP names its alliances; each entry here says how
// the identification was made. An ATOP alliance without an entry takes
// the name of the COW alliance its cow4id links it to.
var Names = map[string]string{
	// PROVENANCE.md (COW Formal Alliances v4.1): NATO is version4id 227.
	"cow:227": "NATO",
}
