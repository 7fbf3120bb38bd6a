package history

import (
	"fmt"

	"github.com/entente/entente/internal/dataset"
	"github.com/entente/entente/world"
)

// Coverage of each source, in years: the coverage the catalogue
// (internal/dataset) records for the dataset that holds the file, the
// one registry of dataset facts.
var (
	systemFirst, systemLast             = fileYears(FileSystem)
	cowAlliancesFirst, cowAlliancesLast = fileYears(FileCOWMembers)
	atopFirst, atopLast                 = fileYears(FileATOPDyadYear)
	nmcFirst, nmcLast                   = fileYears(FileNMC)
	contiguityFirst, contiguityLast     = fileYears(FileContiguity)
	capitalsFirst, capitalsLast         = fileYears(FileCapitals)
	minDistFirst, minDistLast           = fileYears(FileMinDist)
	midFirst, midLast                   = fileYears(FileMIDB)
	gmlFirst, gmlLast                   = fileYears(FileGML)
	milexFirst, milexLast               = fileYears(FileSIPRIUSD, FileSIPRIShares)
	warsFirst, warsLast                 = fileYears(FileWarDyads)
	regimeFirst, regimeLast             = fileYears(FileRegime)
	economyFirst, economyLast           = fileYears(FileEconomy)
	rivalriesFirst, rivalriesLast       = fileYears(FileRivalries)
	tradeFirst, tradeLast               = fileYears(FileTrade)
	igoFirst, igoLast                   = fileYears(FileIGO)
	leadersFirst, leadersLast           = fileYears(FileLeaders)
	territoryFirst, territoryLast       = fileYears(FileTerrThreat)
)

// fileYears returns the span of the coverages of the datasets holding
// files. A file the catalogue lacks, or a dataset without coverage, is a
// programming error: the catalogue's tests keep them in step.
func fileYears(files ...string) (first, last int) {
	for i, f := range files {
		d, _, ok := dataset.FindFile(f)
		if !ok || d.Coverage == nil {
			panic(fmt.Sprintf("history: %s has no dataset with a coverage in the catalogue", f))
		}
		if i == 0 || d.Coverage.From < first {
			first = d.Coverage.From
		}
		if i == 0 || d.Coverage.To > last {
			last = d.Coverage.To
		}
	}
	return first, last
}

// source returns the catalogue names and versions of the datasets of
// files, for world.Coverage's Source ("cow-alliances 4.1"); 'entente data
// sources NAME' prints each one's title and citation.
func source(files ...string) string {
	var s string
	seen := map[string]bool{}
	for _, f := range files {
		d, _, _ := dataset.FindFile(f)
		if seen[d.Name] {
			continue
		}
		seen[d.Name] = true
		if s != "" {
			s += "; "
		}
		s += d.Name + " " + d.Version
	}
	return s
}

// families lists the families World reports and the files behind each.
var families = []struct {
	family string
	files  []string
	from   *int
	to     *int
}{
	{world.FamilyCOWAlliances, []string{FileCOWMembers}, &cowAlliancesFirst, &cowAlliancesLast},
	{world.FamilyATOPAlliances, []string{FileATOPDyadYear, FileATOPMembers}, &atopFirst, &atopLast},
	{world.FamilyCapabilities, []string{FileNMC}, &nmcFirst, &nmcLast},
	{world.FamilyContiguity, []string{FileContiguity}, &contiguityFirst, &contiguityLast},
	{world.FamilyCapitals, []string{FileCapitals}, &capitalsFirst, &capitalsLast},
	{world.FamilyMinDist, []string{FileMinDist}, &minDistFirst, &minDistLast},
	{world.FamilyMilex, []string{FileSIPRIUSD, FileSIPRIShares}, &milexFirst, &milexLast},
	{world.FamilyDisputes, []string{FileMIDB}, &midFirst, &midLast},
	{world.FamilyWars, []string{FileWarDyads, FileWarRSH}, &warsFirst, &warsLast},
	{world.FamilyRegime, []string{FileRegime}, &regimeFirst, &regimeLast},
	{world.FamilyEconomy, []string{FileEconomy}, &economyFirst, &economyLast},
	{world.FamilyRivalries, []string{FileRivalries}, &rivalriesFirst, &rivalriesLast},
	{world.FamilyTrade, []string{FileTrade}, &tradeFirst, &tradeLast},
	{world.FamilyIGO, []string{FileIGO}, &igoFirst, &igoLast},
	{world.FamilyLeaders, []string{FileLeaders}, &leadersFirst, &leadersLast},
	{world.FamilyTerritory, []string{FileTerrThreat}, &territoryFirst, &territoryLast},
}

// coverage lists the families World reports, with their sources.
func coverage() []world.Coverage {
	out := make([]world.Coverage, len(families))
	for i, f := range families {
		out[i] = world.Coverage{Family: f.family, Source: source(f.files...), From: *f.from, To: *f.to}
	}
	return out
}
