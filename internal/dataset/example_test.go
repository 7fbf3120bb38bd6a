package dataset_test

import (
	"fmt"

	"github.com/entente/entente/internal/dataset"
)

func ExampleLookup() {
	d, _ := dataset.Lookup("cow-alliances")
	fmt.Println(d.Title, d.Version, d.Coverage)
	for _, f := range d.Files {
		fmt.Println(f.Path, f.Rows, f.Coverage, f.YearColumns)
	}
	// Output:
	// Correlates of War Formal Alliances 4.1 1816–2012
	// cow_alliances_v4.1/alliance_v4.1_by_member.csv 1221 1386–2012 [all_st_year]
	// cow_alliances_v4.1/alliance_v4.1_by_member_yearly.csv 21315 1816–2012 [year]
	// cow_alliances_v4.1/alliance_v4.1_by_dyad.csv 3222 1816–2012 [dyad_st_year]
	// cow_alliances_v4.1/alliance_v4.1_by_directed.csv 6444 1816–2012 [dyad_st_year]
}

func ExampleFindFile() {
	d, f, _ := dataset.FindFile("capitals_distance/cow_mindist_cshapes2_peacesciencer.csv")
	fmt.Println(d.Name, f.Source.Kind, f.Source.Downloadable())
	// Output:
	// mindist-peacesciencer converted false
}
