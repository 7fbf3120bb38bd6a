package terrthreat

import (
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
)

func TestReadReal(t *testing.T) {
	rows, err := Read(testenv.File(t, "territorial/terrthreat_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lo, hi, noAlt := 9999, 0, 0
	for _, s := range rows {
		lo, hi = min(lo, s.Year), max(hi, s.Year)
		if s.Alt.Threat.IsMissing() {
			noAlt++
		}
	}
	if len(rows) != 14781 || lo != 1816 || hi != 2010 || noAlt != 2349 {
		t.Errorf("%d rows %d–%d, %d without the alternative model; want 14781 rows 1816–2010, 2349", len(rows), lo, hi, noAlt)
	}
	if u := rows[0]; u.CCode != 2 || u.Year != 1816 || u.Main.Threat != 0.267779279778754 || u.Main.Upper != 0.466080553831002 || u.Alt.SD.OK() {
		t.Errorf("first row = %+v, want USA 1816 0.267779279778754 .. 0.466080553831002, no alternative", u)
	}
}

func readStr(name, src string) error {
	_, err := table.Decode(name, strings.NewReader(src), table.Options{}, read)
	return err
}

const (
	hdr = `"ccode","year","lterrthreat","sd","lwr","upr","m_lterrthreat","m_sd","m_lwr","m_upr"` + "\n"
	row = "2,1816,0.267779279778754,0.118952847086449,0.0918218405004447,0.466080553831002,,,,"
)

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "wrong column count", Src: hdr + row + ",\n", Read: readStr, Line: 2, Err: table.ErrFieldCount},
		{Name: "NA where a number goes", Src: hdr + "2,1816,NA,0.1,0.09,0.46,,,,\n", Read: readStr, Line: 2, Col: 3, Field: "lterrthreat", Err: table.ErrSyntax},
		{Name: "empty main estimate", Src: hdr + "2,1816,,0.1,0.09,0.46,,,,\n", Read: readStr, Line: 2, Col: 3, Field: "lterrthreat", Err: table.ErrMissingValue},
		{Name: "latin-1", Src: hdr + "2,1816,0.26,0.1,0.09,0.46,\xb5,,,\n", Read: readStr, Line: 2, Col: 7, Field: "m_lterrthreat", Err: table.ErrSyntax},
		{Name: "CR only", Src: strings.ReplaceAll(hdr, "\n", "\r") + row + "\r2,1817,0.9,0.1,0.09,0.46,,,,\r", Read: readStr, Line: 3, Col: 6, Field: "upr", Err: table.ErrRange},
		{Name: "half an alternative", Src: hdr + "2,1816,0.26,0.1,0.09,0.46,0.3,,,\n", Read: readStr, Line: 2, Col: 8, Field: "m_sd", Err: table.ErrMissingValue},
	})
}

func FuzzRead(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{readStr}, []string{
		hdr + row + "\n2,1817,0.189799940227573,0.1141084675447,0.00330294310526493,0.378317134694585,,,,\n",
		hdr + "2,1900,0.5,0.1,0.3,0.7,0.6,0.1,0.4,0.8\n",
	})
}
