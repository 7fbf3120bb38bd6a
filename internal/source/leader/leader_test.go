package leader

import (
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func TestReadReal(t *testing.T) {
	ls, err := Read(testenv.File(t, "leaders/archigos_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	still, unknownBirth := 0, 0
	lo, hi := 9999, 0
	for _, s := range ls {
		lo, hi = min(lo, s.Start.Year), max(hi, s.End.Year)
		if s.Exit == StillInOffice {
			still++
		}
		if s.Born == 0 {
			unknownBirth++
		}
	}
	if len(ls) != 3409 || lo != 1840 || hi != 2015 || still != 168 || unknownBirth != 19 {
		t.Errorf("%d spells %d–%d, %d still in office, %d births unknown; want 3409, 1840–2015, 168, 19", len(ls), lo, hi, still, unknownBirth)
	}
	g := ls[2]
	if g.Leader != "Garfield" || g.Start != world.D(1881, 3, 4) || g.End != world.D(1881, 9, 19) ||
		g.Exit != "Irregular" || g.ExitCode != "Assassination by Unsupported Individual" {
		t.Errorf("third spell = %+v, want Garfield 1881-03-04 to 1881-09-19, assassinated", g)
	}
	// Kohl: GW 260 throughout; COW 260 before unification, 255 after.
	kohl := 0
	for _, s := range ls {
		if s.Leader == "Kohl" {
			kohl++
			if c, _ := s.CCodeIn(1985); c != 260 {
				t.Errorf("Kohl 1985: ccode %d, want 260 (West Germany)", c)
			}
			if c, _ := s.CCodeIn(1995); c != 255 {
				t.Errorf("Kohl 1995: ccode %d, want 255 (Germany)", c)
			}
		}
	}
	if kohl != 1 {
		t.Errorf("%d spells of Kohl, want 1", kohl)
	}
}

func readStr(name, src string) error {
	_, err := table.Decode(name, strings.NewReader(src), table.Options{}, read)
	return err
}

const (
	hdr = `"obsid","gwcode","leadid","leader","yrborn","gender","startdate","enddate","entry","exit","exitcode"` + "\n"
	row = `"USA-1869",2,"81dcc176-1e42-11e4-b4cd-db5882bf8def","Grant",1822,"M","1869-03-04","1877-03-04","Regular","Regular","Regular"`
)

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "wrong column count", Src: hdr + row + ",1\n", Read: readStr, Line: 2, Err: table.ErrFieldCount},
		{Name: "NA where a number goes", Src: hdr + strings.Replace(row, "1822", "NA", 1) + "\n", Read: readStr, Line: 2, Col: 5, Field: "yrborn", Err: table.ErrSyntax},
		{Name: "latin-1", Src: hdr + strings.Replace(row, "Grant", "Gr\xe2nt", 1) + "\n", Read: readStr, Line: 2, Col: 4, Field: "leader", Err: table.ErrSyntax},
		{Name: "CR only", Src: strings.ReplaceAll(hdr, "\n", "\r") + row + "\r" + strings.Replace(row, "1877-03-04", "1867-03-04", 1) + "\r", Read: readStr, Line: 3, Col: 8, Field: "enddate", Err: table.ErrRange},
		{Name: "not a date", Src: hdr + strings.Replace(row, "1869-03-04", "1869-02-30", 1) + "\n", Read: readStr, Line: 2, Col: 7, Field: "startdate", Err: table.ErrSyntax},
		{Name: "no end", Src: hdr + strings.Replace(row, `"1877-03-04"`, "", 1) + "\n", Read: readStr, Line: 2, Col: 8, Field: "enddate", Err: table.ErrMissingValue},
		{Name: "gender", Src: hdr + strings.Replace(row, `"M"`, `"X"`, 1) + "\n", Read: readStr, Line: 2, Col: 6, Field: "gender", Err: table.ErrRange},
	})
}

func FuzzRead(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{readStr}, []string{
		hdr + row + "\n" + `"USA-1881-1",2,"81dcf24a-1e42-11e4-b4cd-db5882bf8def","Garfield",1831,"M","1881-03-04","1881-09-19","Regular","Irregular","Assassination by Unsupported Individual"` + "\n",
		hdr + `"GFR-1982",260,"x","Kohl",,"M","1982-10-01","1998-10-27","Regular","Regular","Regular"` + "\n",
	})
}
