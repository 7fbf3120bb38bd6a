package regime

import (
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
)

func TestReadReal(t *testing.T) {
	rows, err := Read(testenv.File(t, "democracy/ccode_democracy_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 16731 {
		t.Errorf("%d rows, want 16731", len(rows))
	}
	got := map[int]StateYear{}
	noPoly, poly2020 := 0, 0
	for _, s := range rows {
		if s.CCode == 2 {
			got[s.Year] = s
		}
		if s.Polyarchy.IsMissing() {
			noPoly++
		} else if s.Year == 2020 {
			poly2020++
		}
	}
	// As in the file: "2,2019,0.798,," and "2,2020,,,". The 2020 rows
	// exist for every state but hold no score (peacesciencer's V-Dem
	// extract ends in 2019): missing, not zero.
	if u, ok := got[2020]; !ok || u.Polyarchy.OK() || u.Polity2.OK() || u.UDS.OK() {
		t.Errorf("USA 2020 = %+v (row %v), want a row with every score missing", u, ok)
	}
	if poly2020 != 0 {
		t.Errorf("%d states with a 2020 polyarchy, want 0", poly2020)
	}
	if u := got[2019]; u.Polyarchy != 0.798 || u.Polity2.OK() {
		t.Errorf("USA 2019 = %+v, want polyarchy 0.798, polity2 missing", u)
	}
	if u := got[2016]; u.Polyarchy != 0.89 || u.Polity2 != 8 || u.UDS != 1.31653780073642 {
		t.Errorf("USA 2016 = %+v, want 0.89, 8, 1.31653780073642", u)
	}
	if noPoly != 1392 {
		t.Errorf("%d rows without polyarchy, want 1392 (empty cells)", noPoly)
	}
}

func readStr(name, src string) error {
	_, err := table.Decode(name, strings.NewReader(src), table.Options{}, read)
	return err
}

const hdr = `"ccode","year","v2x_polyarchy","polity2","xm_qudsest"` + "\n"

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "wrong column count", Src: hdr + "2,1816,0.367,9\n", Read: readStr, Line: 2, Err: table.ErrFieldCount},
		{Name: "NA where a number goes", Src: hdr + "2,1816,NA,9,0.7\n", Read: readStr, Line: 2, Col: 3, Field: "v2x_polyarchy", Err: table.ErrSyntax},
		{Name: "latin-1", Src: hdr + "2,1816,0.367,\xe9,0.7\n", Read: readStr, Line: 2, Col: 4, Field: "polity2", Err: table.ErrSyntax},
		{Name: "CR only", Src: strings.ReplaceAll(hdr, "\n", "\r") + "2,1816,0.367,9,0.7\r2,1817,0.37,11,0.7\r", Read: readStr, Line: 3, Col: 4, Field: "polity2", Err: table.ErrRange},
		{Name: "polyarchy above 1", Src: hdr + "2,1816,1.367,9,0.7\n", Read: readStr, Line: 2, Col: 3, Field: "v2x_polyarchy", Err: table.ErrRange},
		{Name: "missing year", Src: hdr + "2,,0.367,9,0.7\n", Read: readStr, Line: 2, Col: 2, Field: "year", Err: table.ErrMissingValue},
	})
}

func FuzzRead(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{readStr}, []string{
		hdr + "2,1816,0.367,9,0.707117469757593\n2,1817,0.37,9,0.707117469757593\n",
		hdr + "2,2020,0.8,,\n700,1900,,-6,-1.2\n",
	})
}
