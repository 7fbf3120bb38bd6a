// Package dataset is entente's catalogue of the real datasets it reads, and
// the logic that checks a data directory against it and downloads the
// datasets from their publishers.
//
// The catalogue is the single source of truth for every file in a data
// directory: where it comes from, which version it is, the citation its
// publisher asks for, and what its bytes must be. A data directory looks
// like this (paths are relative to it):
//
//	cow_alliances_v4.1/alliance_v4.1_by_member.csv
//	nmc/NMC-60-abridged.csv
//	capitals_distance/capdist.csv
//	...
//
// Each File records its sha256, its number of data rows (excluding the
// header), its column count and the range of its year columns. Verify
// checks a directory against these figures, reading every file once as a
// stream and several files in parallel. A Getter downloads a Dataset from
// its publisher's address (a plain file, or a member of a zip archive,
// possibly nested), checks the sha256 of what it will write, and writes
// atomically: a failed or corrupted download never leaves a file under the
// final name and never touches a good file already there.
//
// Some files cannot be reproduced by a download: peacesciencer's tables
// decoded from R .rda objects, the Our World in Data processing of SIPRI,
// and copies whose publisher release is not known byte for byte. Their
// Source says so (SourceConverted, SourceThirdParty), and Get returns a
// *NotDownloadableError that says what to do instead.
//
// entente never redistributes the datasets: Get fetches them from their
// publishers only.
package dataset
