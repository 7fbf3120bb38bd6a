package nato

import (
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
)

func TestReadReal(t *testing.T) {
	tab, err := Read(testenv.File(t, "nato/nato_defence_share_gdp_2014_2024.csv"), Edition2024)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(tab.Allies()); got != 31 {
		t.Errorf("%d allies, want 31 (every ally but Iceland)", got)
	}
	if first, last := tab.Years(); first != 2014 || last != 2024 {
		t.Errorf("years %d–%d, want 2014–2024", first, last)
	}
	// Published facts (NATO, 17 June 2024): 3 allies at or above 2% in
	// 2014, 23 in 2024 (estimates).
	for _, tc := range []struct{ year, want int }{{2014, 3}, {2024, 23}} {
		n := 0
		for _, c := range tab.Allies() {
			if f, ok := tab.Get(c, tc.year); ok && f.Share >= 2 {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%d allies at or above 2%% in %d, want %d", n, tc.year, tc.want)
		}
	}
	for _, tc := range []struct {
		ccode, year int
		share       float64
		estimate    bool
	}{
		{290, 2024, 4.12, true},  // Poland
		{2, 2024, 3.38, true},    // United States
		{255, 2024, 2.12, true},  // Germany
		{366, 2024, 3.43, true},  // Estonia
		{339, 2014, 1.35, false}, // Albania, 1,34652
		{640, 2022, 1.36, false}, // Türkiye, as "Türkiye"
	} {
		f, ok := tab.Get(tc.ccode, tc.year)
		if !ok || f.Estimate != tc.estimate || f.Share < tc.share-0.006 || f.Share > tc.share+0.006 {
			t.Errorf("ccode %d %d: got %+v (ok %v), want share %.2f estimate %v", tc.ccode, tc.year, f, ok, tc.share, tc.estimate)
		}
	}
	if v := tab.Share(395, 2024); !v.IsMissing() {
		t.Errorf("Iceland 2024 = %v, want missing (no armed forces, not in the table)", v)
	}
}

func read(name, src string) error {
	_, err := ReadFrom(name, strings.NewReader(src), "test")
	return err
}

func TestBadInput(t *testing.T) {
	const hdr = "Country;2023;2024e\n"
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "unknown country", Src: hdr + "Albania;1,7;2,0\nAtlantis;1,0;1,1\n", Read: read, Line: 3, Col: 1, Field: "Country", Err: table.ErrRange},
		{Name: "NA where a number goes", Src: hdr + "Albania;NA;2,0\n", Read: read, Line: 2, Col: 2, Field: "2023", Err: table.ErrSyntax},
		{Name: "decimal point", Src: hdr + "Albania;1.7;2,0\n", Read: read, Line: 2, Col: 2, Field: "2023", Err: table.ErrSyntax},
		{Name: "wrong column count", Src: hdr + "Albania;1,7\n", Read: read, Line: 2, Col: 0, Field: "", Err: table.ErrFieldCount},
		{Name: "CR only", Src: "Country;2023;2024e\rAlbania;1,7;2,0\rAtlantis;1,0;1,1\r", Read: read, Line: 3, Col: 1, Field: "Country", Err: table.ErrRange},
		{Name: "latin-1 name", Src: hdr + "T\xfcrkiye;1,5;2,1\n", Read: read, Line: 2, Col: 1, Field: "Country", Err: table.ErrSyntax},
		{Name: "bad year header", Src: "Country;2023;twenty\nAlbania;1,7;2,0\n", Read: read, Line: 1, Col: 3, Field: "twenty", Err: table.ErrSyntax},
		{Name: "above 100", Src: hdr + "Albania;170;2,0\n", Read: read, Line: 2, Col: 2, Field: "2023", Err: table.ErrRange},
		{Name: "ally twice", Src: hdr + "Albania;1,7;2,0\nAlbania;1,7;2,0\n", Read: read, Line: 3, Col: 1, Field: "Country", Err: table.ErrRange},
		{Name: "header only", Src: hdr, Read: read, Line: 1, Col: 0, Field: "", Err: table.ErrMissingValue},
	})
}

// FuzzRead feeds arbitrary bytes to the reader: it may not panic, and it
// returns a table or a *table.ParseError.
func FuzzRead(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{read}, []string{
		"Country;2014;2015;2023e;2024e\nAlbania;1,34652;1,16231;1,7467930732534500;2,0294680677363800\nTürkiye;1,45;1,38;1,5;2,09\n",
	})
}
