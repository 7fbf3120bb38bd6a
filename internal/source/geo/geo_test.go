package geo

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func TestReadCapitalsReal(t *testing.T) {
	cs, err := ReadCapitals(testenv.File(t, "capitals_distance/cow_capitals_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.All()) != 242 || cs.States() != 217 {
		t.Fatalf("got %d spells of %d states, want 242 of 217", len(cs.All()), cs.States())
	}
	first, last := cs.All()[0].Start, cs.All()[0].End
	for _, c := range cs.All() {
		if c.Start.Before(first) {
			first = c.Start
		}
		if last.Before(c.End) {
			last = c.End
		}
	}
	if first != world.D(1816, 1, 1) || last != world.D(2024, 12, 31) {
		t.Errorf("coverage: got %s..%s, want 1816-01-01..2024-12-31", first, last)
	}
	tests := []struct {
		ccode, year int
		want        string // "" for none
	}{
		{2, 2000, "Washington D.C."},
		{140, 1959, "Rio de Janeiro"},
		{140, 1960, "Brasilia"},   // moved 21 April: more days in Brasília
		{365, 1918, "Moscow"},     // moved 12 March
		{220, 1940, "Paris"},      // Vichy from 9 July: 190 days Paris, 176 Vichy
		{220, 1942, "Vichy"},      // Paris again from 28 November
		{770, 1967, "Rawalpindi"}, // Islamabad from 14 August
		{900, 1927, "Canberra"},   // from 9 May
		{366, 1960, ""},           // Estonia not independent
		{516, 2018, "Bujumbura"},  // Gitega from 24 December
		{2, 2025, ""},             // after coverage
	}
	for _, tc := range tests {
		c, ok := cs.In(tc.ccode, tc.year)
		if got := map[bool]string{true: c.Name}[ok]; got != tc.want {
			t.Errorf("In(%d, %d): got %q, want %q", tc.ccode, tc.year, got, tc.want)
		}
	}
	if c, ok := cs.On(220, world.D(1941, 1, 1)); !ok || c.Name != "Vichy" {
		t.Errorf("On(220, 1941-01-01): got %q, want Vichy", c.Name)
	}
	us, _ := cs.In(2, 2000)
	ca, _ := cs.In(20, 2000)
	d := world.GreatCircleKm(us.Lat, us.Lon, ca.Lat, ca.Lon)
	if math.Abs(float64(d)-734) > 10 {
		t.Errorf("Washington–Ottawa: got %.0f km, want 734 ± 10", float64(d))
	}
}

func TestReadCapDistReal(t *testing.T) {
	c, err := ReadCapDist(testenv.File(t, "capitals_distance/capdist.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rows()) != 41006 || c.Codes() != 202 {
		t.Fatalf("got %d rows, %d codes; want 41006, 202", len(c.Rows()), c.Codes())
	}
	lo, hi := math.Inf(1), 0.0
	for _, r := range c.Rows() {
		lo, hi = min(lo, r.Km), max(hi, r.Km)
	}
	if lo != 0 || hi != 19918 {
		t.Errorf("km range: got %g..%g, want 0..19918", lo, hi)
	}
	tests := []struct {
		name string
		got  world.Value
		want float64 // NaN for missing
	}{
		{"USA-CAN", c.Km(2, 20), 731},
		{"CAN-USA", c.Km(20, 2), 731},
		{"USA-CAN by COW", c.KmCOW(2, 20, 2000), 731},
		{"Germany-France by COW 2000 (GW 260)", c.KmCOW(255, 220, 2000), c.Km(260, 220).Float()},
		{"Serbia-Croatia by COW 2010 (capdist 345)", c.KmCOW(345, 344, 2010), c.Km(345, 344).Float()},
		{"Yemen-Oman by COW 2000", c.KmCOW(679, 698, 2000), c.Km(678, 698).Float()},
		{"unknown", c.Km(2, 1), math.NaN()},
	}
	for _, tc := range tests {
		if math.IsNaN(tc.want) != tc.got.IsMissing() || !math.IsNaN(tc.want) && tc.got.Float() != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestReadMinDistReal(t *testing.T) {
	m, err := ReadMinDist(testenv.File(t, "capitals_distance/cow_mindist_cshapes2_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := m.Rows()
	states := map[int16]bool{}
	for _, r := range rows {
		states[r.CCode1] = true
	}
	if len(rows) != 952244 || len(states) != 203 || rows[0].Year != 1886 || rows[len(rows)-1].Year != 2019 {
		t.Fatalf("got %d rows, %d states, years %d..%d; want 952244, 203, 1886..2019",
			len(rows), len(states), rows[0].Year, rows[len(rows)-1].Year)
	}
	tests := []struct {
		a, b, y int
		want    float64
		tol     float64
	}{
		{2, 41, 1886, 932.508131769762, 0},
		{2, 70, 1886, 0, 0},
		{2, 20, 2000, 0, 0}, // USA–Canada touch
		{2, 2, 2000, math.NaN(), 0},
		{2, 20, 1880, math.NaN(), 0},
		{2, 20, 2020, math.NaN(), 0},
		{2, 20, 40000, math.NaN(), 0},
	}
	for _, tc := range tests {
		got := m.Km(tc.a, tc.b, tc.y)
		if math.IsNaN(tc.want) != got.IsMissing() || !math.IsNaN(tc.want) && math.Abs(got.Float()-tc.want) > tc.tol {
			t.Errorf("Km(%d, %d, %d): got %v, want %v", tc.a, tc.b, tc.y, got, tc.want)
		}
	}
}

func TestMinDistUnsorted(t *testing.T) {
	src := "\xEF\xBB\xBFccode1,ccode2,year,mindist\r\n20,2,1990,0\r\n2,20,1990,0\r\n2,41,1886,\"932.5\"\r\n2,70,1886,\r\n"
	m, err := ReadMinDistFrom("t.csv", strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	rows := m.Rows()
	if len(rows) != 4 || rows[0].CCode2 != 41 || rows[3].CCode1 != 20 {
		t.Fatalf("got %+v, want 4 rows sorted by year, ccode1, ccode2", rows)
	}
	if got := m.Km(2, 41, 1886); got != 932.5 {
		t.Errorf("quoted value: got %v, want 932.5", got)
	}
	if got := m.Km(2, 70, 1886); !got.IsMissing() {
		t.Errorf("empty cell: got %v, want missing", got)
	}
}

const capHeader = "ccode,statenme,capital,stdate,enddate,lat,lng\n"

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "capital date", Src: capHeader + "2,USA,Washington,1816-13-01,2024-12-31,38.9,-77.0\n", Read: capitals, Line: 2, Col: 4, Field: "stdate", Err: table.ErrSyntax},
		{Name: "capital year only", Src: capHeader + "2,USA,Washington,1816,2024-12-31,38.9,-77.0\n", Read: capitals, Line: 2, Col: 4, Field: "stdate", Err: table.ErrSyntax},
		{Name: "capital end first", Src: capHeader + "2,USA,Washington,1816-01-01,1815-12-31,38.9,-77.0\n", Read: capitals, Line: 2, Col: 5, Field: "enddate", Err: table.ErrRange},
		{Name: "capital latitude", Src: capHeader + "2,USA,Washington,1816-01-01,2024-12-31,98.9,-77.0\n", Read: capitals, Line: 2, Col: 6, Field: "lat", Err: table.ErrRange},
		{Name: "capital overlap", Src: capHeader + "140,Brazil,Rio,1822-01-01,1960-04-21,-22.9,-43.2\n140,Brazil,Brasilia,1960-04-21,2024-12-31,-10.3,-53.2\n", Read: capitals, Line: 3, Col: 4, Field: "stdate", Err: table.ErrRange},
		{Name: "capdist negative", Src: "numa,ida,numb,idb,kmdist,midist\n2,USA,20,CAN,-731,456\n", Read: capdist, Line: 2, Col: 5, Field: "kmdist", Err: table.ErrRange},
		{Name: "capdist disagreeing duplicate", Src: "numa,ida,numb,idb,kmdist,midist\r\n345,SER,2,USA,7000,4350\r\n345,YUG,2,USA,7001,4350\r\n", Read: capdist, Line: 3, Col: 5, Field: "kmdist", Err: table.ErrRange},
		{Name: "capdist missing km", Src: "numa,ida,numb,idb,kmdist,midist\n2,USA,20,CAN,,456\n", Read: capdist, Line: 2, Col: 5, Field: "kmdist", Err: table.ErrMissingValue},
		{Name: "mindist empty file", Src: "", Read: mindist, Line: 1, Col: 0, Field: "", Err: table.ErrMissingColumn},
		{Name: "mindist no column", Src: "ccode1,ccode2,year\n2,20,1990\n", Read: mindist, Line: 1, Col: 0, Field: "mindist", Err: table.ErrMissingColumn},
		{Name: "mindist field count", Src: "ccode1,ccode2,year,mindist\n2,20,1990,0\n2,20,1991\n", Read: mindist, Line: 3, Col: 0, Field: "", Err: table.ErrFieldCount},
		{Name: "mindist trailing comma", Src: "ccode1,ccode2,year,mindist\n2,20,1990,0,\n", Read: mindist, Line: 2, Col: 0, Field: "", Err: table.ErrFieldCount},
		{Name: "mindist text code", Src: "ccode1,ccode2,year,mindist\nUSA,20,1990,0\n", Read: mindist, Line: 2, Col: 1, Field: "ccode1", Err: table.ErrSyntax},
		{Name: "mindist empty year", Src: "ccode1,ccode2,year,mindist\n2,20,,0\n", Read: mindist, Line: 2, Col: 3, Field: "year", Err: table.ErrMissingValue},
		{Name: "mindist year range", Src: "ccode1,ccode2,year,mindist\n2,20,19900,0\n", Read: mindist, Line: 2, Col: 3, Field: "year", Err: table.ErrRange},
		{Name: "mindist negative", Src: "ccode1,ccode2,year,mindist\n2,20,1990,-1\n", Read: mindist, Line: 2, Col: 4, Field: "mindist", Err: table.ErrRange},
		{Name: "mindist NaN", Src: "ccode1,ccode2,year,mindist\n2,20,1990,NaN\n", Read: mindist, Line: 2, Col: 4, Field: "mindist", Err: table.ErrSyntax},
		{Name: "mindist self", Src: "ccode1,ccode2,year,mindist\n2,2,1990,0\n", Read: mindist, Line: 2, Col: 2, Field: "ccode2", Err: table.ErrRange},
		{Name: "mindist duplicate", Src: "ccode1,ccode2,year,mindist\n2,20,1990,0\n2,20,1990,0\n", Read: mindist, Line: 3, Col: 2, Field: "ccode2", Err: table.ErrRange},
		{Name: "mindist unsorted duplicate", Src: "ccode1,ccode2,year,mindist\n2,20,1990,0\n2,20,1980,0\n2,20,1990,0\n", Read: mindist, Line: 4, Col: 2, Field: "ccode2", Err: table.ErrRange},
	})
}

var (
	capitals = sourcetest.Table(table.Options{}, func(r *table.Reader) error { _, err := readCapitals(r); return err })
	capdist  = sourcetest.Table(table.Options{}, func(r *table.Reader) error { _, err := readCapDist(r); return err })
)

func mindist(name, src string) error {
	_, err := ReadMinDistFrom(name, strings.NewReader(src))
	return err
}

// FuzzReaders feeds arbitrary bytes to each geographic reader: none may
// panic, and each returns either records or a *table.ParseError.
func FuzzReaders(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{capitals, capdist, mindist}, []string{
		capHeader + "2,United States of America,Washington D.C.,1816-01-01,2024-12-31,38.8950368,-77.0365427\n140,Brazil,Rio de Janeiro,1822-01-01,1960-04-20,-22.9110137,-43.2093727\n140,Brazil,Brasilia,1960-04-21,2024-12-31,-10.3333333,-53.2\n",
		"numa,ida,numb,idb,kmdist,midist\r\n2,USA,20,CAN,731,456\r\n2,USA,31,BHM,1623,1012\r\n",
		"ccode1,ccode2,year,mindist\n2,41,1886,932.508131769762\n2,70,1886,0\n2,90,1886,1104.09429317575\n",
	})
}

// BenchmarkKmCOW measures one capital-distance lookup by COW codes: two
// crosswalk translations (indexed by code, no scan of the crosswalk) and
// one map lookup.
func BenchmarkKmCOW(b *testing.B) {
	c, err := ReadCapDist(testenv.File(b, "capitals_distance/capdist.csv"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if c.KmCOW(255, 220, 2000).IsMissing() {
			b.Fatal("Germany-France missing")
		}
	}
}

func BenchmarkReadMinDist(b *testing.B) {
	path := testenv.File(b, "capitals_distance/cow_mindist_cshapes2_peacesciencer.csv")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ReadMinDist(path); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzMinDistAgrees checks the hand-written minimum-distance parser against
// the table reader: whenever the fast parser accepts an input, the table
// reader reads the same rows (after sorting) from it.
func FuzzMinDistAgrees(f *testing.F) {
	f.Add("ccode1,ccode2,year,mindist\n2,41,1886,932.508131769762\n2,70,1886,0\n2,90,1886,1104.09429317575\n")
	f.Add("\xEF\xBB\xBFyear,mindist,ccode2,ccode1\r\n1990,\"0\",20,2\r\n1980,,2,20\r\n")
	f.Fuzz(func(t *testing.T, src string) {
		m, err := ReadMinDistFrom("fuzz.csv", strings.NewReader(src))
		if err != nil {
			return
		}
		r, err := table.New("fuzz.csv", strings.NewReader(src), table.Options{})
		if err != nil {
			t.Fatalf("fast parser accepted, table reader: %v", err)
		}
		var want []MinDistRow
		for r.Next() {
			row := MinDistRow{CCode1: int16(r.Int("ccode1")), CCode2: int16(r.Int("ccode2")), Year: int16(r.Int("year"))}
			row.Km = r.Value("mindist").Float()
			if r.Err() != nil {
				break
			}
			want = append(want, row)
		}
		if r.Err() != nil {
			t.Fatalf("fast parser accepted, table reader: %v", r.Err())
		}
		slices.SortStableFunc(want, compareRows)
		got := m.Rows()
		if len(got) != len(want) {
			t.Fatalf("got %d rows, table reader %d", len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.CCode1 != w.CCode1 || g.CCode2 != w.CCode2 || g.Year != w.Year ||
				math.IsNaN(g.Km) != math.IsNaN(w.Km) || !math.IsNaN(g.Km) && g.Km != w.Km {
				t.Fatalf("row %d: got %+v, table reader %+v", i, g, w)
			}
		}
	})
}
