package igo

import (
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
)

func TestReadReal(t *testing.T) {
	rows, err := Read(testenv.File(t, "trade_igo/cow_igo_ndy_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lo, hi, most := 9999, 0, 0
	for _, d := range rows {
		lo, hi, most = min(lo, d.Year), max(hi, d.Year), max(most, d.Shared)
	}
	if len(rows) != 917695 || lo != 1816 || hi != 2014 || most != 106 {
		t.Errorf("%d rows %d–%d, at most %d shared; want 917695 rows 1816–2014, 106", len(rows), lo, hi, most)
	}
	if rows[0] != (DyadYear{2, 20, 1920, 7}) {
		t.Errorf("first row = %+v, want USA–Canada 1920: 7", rows[0])
	}
}

func readStr(name, src string) error {
	_, err := table.Decode(name, strings.NewReader(src), table.Options{}, read)
	return err
}

const hdr = `"ccode1","ccode2","year","dyadigos"` + "\n"

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "wrong column count", Src: hdr + "2,20,1920\n", Read: readStr, Line: 2, Err: table.ErrFieldCount},
		{Name: "NA where a number goes", Src: hdr + "2,20,1920,NA\n", Read: readStr, Line: 2, Col: 4, Field: "dyadigos", Err: table.ErrSyntax},
		{Name: "empty count", Src: hdr + "2,20,1920,\n", Read: readStr, Line: 2, Col: 4, Field: "dyadigos", Err: table.ErrMissingValue},
		{Name: "latin-1", Src: hdr + "2,20,19\xb20,7\n", Read: readStr, Line: 2, Col: 3, Field: "year", Err: table.ErrSyntax},
		{Name: "CR only", Src: "ccode1,ccode2,year,dyadigos\r2,20,1920,7\r2,20,1921,-8\r", Read: readStr, Line: 3, Col: 4, Field: "dyadigos", Err: table.ErrRange},
		{Name: "dyad order", Src: hdr + "20,2,1920,7\n", Read: readStr, Line: 2, Col: 2, Field: "ccode2", Err: table.ErrRange},
	})
}

func FuzzRead(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{readStr}, []string{
		hdr + "2,20,1920,7\n2,20,1921,8\n2,20,1922,8\n",
		hdr + "700,710,2014,0\n",
	})
}
