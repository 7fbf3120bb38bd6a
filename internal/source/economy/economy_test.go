package economy

import (
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
)

func TestReadReal(t *testing.T) {
	rows, err := Read(testenv.File(t, "economy/cow_sdp_gdp_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 27753 {
		t.Errorf("%d rows, want 27753", len(rows))
	}
	missing := 0
	for _, s := range rows {
		if s.GDP.IsMissing() {
			missing++
		}
	}
	if missing != 432 {
		t.Errorf("%d rows without GDP, want 432", missing)
	}
	// First row: 2,1800,22.963,15.456,22.042,7.507. GDP e^22.963 ≈ 9.4e9
	// 2011 dollars; population e^15.456 ≈ 5.16 million.
	u := rows[0]
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"log GDP", float64(u.LogGDP), 22.963},
		{"GDP", float64(u.GDP), math.Exp(22.963)},
		{"population", float64(u.Population), math.Exp(15.456)},
		{"SDP", float64(u.SDP), math.Exp(22.042)},
		{"GDP per capita", float64(u.GDPPerCapita), math.Exp(7.507)},
	} {
		if c.got != c.want {
			t.Errorf("USA 1800 %s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if u.CCode != 2 || u.Year != 1800 || u.GDP < 9.3e9 || u.GDP > 9.5e9 || u.Population < 5.1e6 || u.Population > 5.2e6 {
		t.Errorf("USA 1800 = %+v, want GDP ≈ 9.4e9 US$ and population ≈ 5.16e6", u)
	}
}

func readStr(name, src string) error {
	_, err := table.Decode(name, strings.NewReader(src), table.Options{}, read)
	return err
}

const hdr = `"ccode","year","wbgdp2011est","wbpopest","sdpest","wbgdppc2011est"` + "\n"

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "wrong column count", Src: hdr + "2,1800,22.963,15.456,22.042\n", Read: readStr, Line: 2, Err: table.ErrFieldCount},
		{Name: "NA where a number goes", Src: hdr + "2,1800,NA,15.456,22.042,7.507\n", Read: readStr, Line: 2, Col: 3, Field: "wbgdp2011est", Err: table.ErrSyntax},
		{Name: "latin-1", Src: hdr + "2,1800,22.963,15\xb7456,22.042,7.507\n", Read: readStr, Line: 2, Col: 4, Field: "wbpopest", Err: table.ErrSyntax},
		{Name: "CR only", Src: strings.ReplaceAll(hdr, "\n", "\r") + "2,1800,22.963,15.456,22.042,7.507\r2,1801,9.4e9,15.456,22.042,7.507\r", Read: readStr, Line: 3, Col: 3, Field: "wbgdp2011est", Err: table.ErrRange},
		{Name: "negative log", Src: hdr + "2,1800,22.963,15.456,-1,7.507\n", Read: readStr, Line: 2, Col: 5, Field: "sdpest", Err: table.ErrRange},
		{Name: "ccode 0", Src: hdr + "0,1800,22.963,15.456,22.042,7.507\n", Read: readStr, Line: 2, Col: 1, Field: "ccode", Err: table.ErrRange},
	})
}

func FuzzRead(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{readStr}, []string{
		hdr + "2,1800,22.963,15.456,22.042,7.507\n2,1801,23.005,15.49,22.098,7.516\n",
		hdr + "990,1800,,,,\n",
	})
}
