package history

// Names gives well-known alliances their common names, keyed by alliance
// ID. Neither COW nor ATOP names its alliances. NATO's id is documented
// (PROVENANCE.md: version4id 227); each other entry was identified by
// matching the treaty's signing date (the alliance start, all_st_*, in
// alliance_v4.1_by_member.csv) and its signatories against the member
// file, as the comments record. An ATOP alliance without an entry takes
// the name of the COW alliance its cow4id links it to.
var Names = map[string]string{
	"cow:3":   "German Confederation",     // 1815-06-08: Austria, Prussia and the German states
	"cow:6":   "Quadruple Alliance",       // 1815-11-20: UK, Prussia, Austria, Russia
	"cow:64":  "Dual Alliance",            // 1879-10-07: Germany, Austria-Hungary
	"cow:67":  "Triple Alliance",          // 1882-05-20: Germany, Austria-Hungary, Italy
	"cow:74":  "Franco-Russian Alliance",  // 1893-12-27: France, Russia
	"cow:77":  "Anglo-Japanese Alliance",  // 1902-01-30: UK, Japan
	"cow:85":  "Root–Takahira Agreement",  // 1908-11-30: USA, Japan
	"cow:175": "Pact of Steel",            // 1939-05-22: Germany, Italy
	"cow:180": "Molotov–Ribbentrop Pact",  // 1939-08-23: Germany, USSR
	"cow:189": "Tripartite Pact",          // 1940-09-27: Germany, Italy, Japan (+ Hungary, Romania, Bulgaria)
	"cow:199": "Arab League",              // 1945-03-22: Egypt, Syria, Iraq, ... (22 members over time)
	"cow:210": "Rio Pact",                 // 1947-09-02: Inter-American Treaty of Reciprocal Assistance
	"cow:227": "NATO",                     // 1949-04-04: North Atlantic Treaty
	"cow:232": "ANZUS",                    // 1951-09-01: USA, Australia, New Zealand
	"cow:233": "US–Japan Security Treaty", // 1951-09-08: USA, Japan
	"cow:234": "Balkan Pact",              // 1953-02-28: Yugoslavia, Greece, Turkey
	"cow:238": "SEATO",                    // 1954-09-08: Manila Pact
	"cow:241": "Baghdad Pact (CENTO)",     // 1955-02-24: Iraq, Turkey, UK, Iran, Pakistan (+ USA as coded by COW)
	"cow:243": "Warsaw Pact",              // 1955-05-14: USSR and seven East European states
}
