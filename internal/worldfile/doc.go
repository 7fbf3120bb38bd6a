// Package worldfile reads and writes entente's world files: YAML documents
// that describe the alliance systems of one date, which users can read,
// edit and write themselves, and which entente ships as its embedded 2024
// world (Default).
//
// A world file looks like this (docs/worldfile.md has the full format):
//
//	format: entente/v1
//	name: The world in 2024
//	as_of: 2024-12-31
//	sources:
//	  - id: sipri-milex-2025
//	    citation: SIPRI Military Expenditure Database, April 2025 release
//	states:
//	  - ccode: 2
//	    iso3: USA
//	    name: United States
//	    capital: {name: Washington, lat: 38.895, lon: -77.037}
//	    milex_share_gdp: {value: 3.42, source: sipri-milex-2025, year: 2024}
//	alliances:
//	  - id: nato
//	    formal: true
//	    obligations: [defense, consultation]
//	    key_article: Article 5
//	    start: 1949-04-04
//	    members:
//	      - {ccode: 2, joined: 1949-08-24}
//	systems: ...
//	partnerships: ...
//	stationing: ...
//	relations: ...
//
// Every figure is a mapping {value, source, year}: the source is the id of
// an entry under sources, the year the one the figure refers to. A figure
// left out is missing, never zero. A state's figures list holds the same
// figure from further sources or years side by side (NATO's
// defence-expenditure shares beside SIPRI's); a member's status records a
// frozen or suspended participation, an alliance's suspensions the dyads
// between which its obligations are suspended (ANZUS, the United States and
// New Zealand), each with dates and sources; coverage declares a family
// (contiguity) the file holds completely, so that an unlisted pair is not
// contiguous rather than unknown.
//
// Parse and Load check the whole document and report every problem as an
// ErrorList of *Error, each naming the file, line, column and field path.
// Problems of form (wrong types, unknown fields, bad dates) are reported
// first; when there are none, problems of meaning (duplicates, unknown
// references, dates out of order, bounds):
//
//	world.yaml:412:7: alliances[3].members[12].left: end 1999-01-01 before start 2004-03-29
//
// Unknown fields are errors, so a misspelt key is caught. Export and Import
// convert between a World and a directory of CSV tables (Tables lists
// them); Import validates the tables as Parse does, naming the table, line
// and column.
package worldfile
