package trade

import (
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
)

func TestReadReal(t *testing.T) {
	rows, err := Read(testenv.File(t, "trade_igo/cow_trade_ndy_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	empty1, empty2, zero := 0, 0, 0
	lo, hi := 9999, 0
	for _, d := range rows {
		lo, hi = min(lo, d.Year), max(hi, d.Year)
		if d.Flow1.IsMissing() {
			empty1++
		} else if d.Flow1 == 0 {
			zero++
		}
		if d.Flow2.IsMissing() {
			empty2++
		}
	}
	if len(rows) != 673654 || lo != 1870 || hi != 2014 {
		t.Errorf("%d rows %d–%d, want 673654 rows 1870–2014", len(rows), lo, hi)
	}
	// Counted in the file: empty cells stay missing, zeros stay zero.
	if empty1 != 22937 || empty2 != 27896 || zero != 369908 {
		t.Errorf("flow1 empty %d, flow2 empty %d, flow1 zero %d; want 22937, 27896, 369908", empty1, empty2, zero)
	}
	want := DyadYear{CCode1: 2, CCode2: 20, Year: 1920, Flow1: 612, Flow2: 735, Smooth1: 612, Smooth2: 735}
	if rows[0] != want {
		t.Errorf("first row = %+v, want %+v", rows[0], want)
	}
}

func readStr(name, src string) error {
	_, err := table.Decode(name, strings.NewReader(src), table.Options{}, read)
	return err
}

const hdr = `"ccode1","ccode2","year","flow1","flow2","smoothflow1","smoothflow2"` + "\n"

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "wrong column count", Src: hdr + "2,20,1920,612,735,612\n", Read: readStr, Line: 2, Err: table.ErrFieldCount},
		{Name: "NA where a number goes", Src: hdr + "2,20,1920,NA,735,612,735\n", Read: readStr, Line: 2, Col: 4, Field: "flow1", Err: table.ErrSyntax},
		{Name: "latin-1", Src: hdr + "2,20,1920,612,7\xa335,612,735\n", Read: readStr, Line: 2, Col: 5, Field: "flow2", Err: table.ErrSyntax},
		{Name: "CR only", Src: strings.ReplaceAll(hdr, "\n", "\r") + "2,20,1920,612,735,612,735\r20,2,1920,612,735,612,735\r", Read: readStr, Line: 3, Col: 2, Field: "ccode2", Err: table.ErrRange},
		{Name: "negative flow", Src: hdr + "2,20,1920,612,735,-1,735\n", Read: readStr, Line: 2, Col: 6, Field: "smoothflow1", Err: table.ErrRange},
	})
}

func FuzzRead(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{readStr}, []string{
		hdr + "2,20,1920,612,735,612,735\n2,20,1921,335,443,335,443\n",
		hdr + "700,710,1950,,0,,0\n",
	})
}

func BenchmarkRead(b *testing.B) {
	path := testenv.File(b, "trade_igo/cow_trade_ndy_peacesciencer.csv")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(path); err != nil {
			b.Fatal(err)
		}
	}
}
