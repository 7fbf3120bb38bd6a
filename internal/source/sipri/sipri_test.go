package sipri

import (
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func TestReadSharesReal(t *testing.T) {
	s, err := ReadShares(testenv.File(t, "milex/military-spending-as-a-share-of-gdp-sipri.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.Rows) + len(s.Aggregates); n != 8245 {
		t.Errorf("rows: got %d, want 8245", n)
	}
	if len(s.Aggregates) != 3 || s.Aggregates[0].Entity != "European Union (SIPRI)" {
		t.Errorf("aggregates: got %d (%v), want the 3 EU rows", len(s.Aggregates), s.Aggregates)
	}
	if s.Codes() != 165 {
		t.Errorf("codes: got %d, want 165", s.Codes())
	}
	lo, hi := 9999, 0
	for _, r := range s.Rows {
		lo, hi = min(lo, r.Year), max(hi, r.Year)
	}
	if lo != 1949 || hi != 2024 {
		t.Errorf("years: got %d..%d, want 1949..2024", lo, hi)
	}
	const tol = 0.005 // the published figures are rounded to two decimals
	tests := []struct {
		iso3 string
		year int
		want float64 // NaN: missing
	}{
		{"POL", 2024, 4.15},
		{"DEU", 2024, 1.89},
		{"POL", 1979, math.NaN()},
		{"", 2024, math.NaN()},
		{"XXX", 2024, math.NaN()},
	}
	for _, tc := range tests[:2] {
		if got := s.Get(tc.iso3, tc.year); math.Abs(got.Float()-tc.want) > tol {
			t.Errorf("Get(%s, %d): got %v, want %v ± %v", tc.iso3, tc.year, got, tc.want, tol)
		}
	}
	if !s.Get("USA", 2024).OK() {
		t.Errorf("Get(USA, 2024): got missing, want a value")
	}
	for _, tc := range tests[2:] {
		if got := s.Get(tc.iso3, tc.year); got.OK() {
			t.Errorf("Get(%q, %d): got %v, want missing", tc.iso3, tc.year, got)
		}
	}
	if s.GetCOW(290, 2024) != s.Get("POL", 2024) || s.GetCOW(260, 1980) != s.Get("DEU", 1980) || !s.GetCOW(260, 1980).OK() {
		t.Errorf("GetCOW: got POL 2024 %v, GFR 1980 %v", s.GetCOW(290, 2024), s.GetCOW(260, 1980))
	}
	if got := s.GetCOW(245, 1850); got.OK() {
		t.Errorf("GetCOW(Bavaria, 1850): got %v, want missing", got)
	}
	// Every NATO member reports 2014–2024 (Iceland has no armed forces).
	nato := []string{"USA", "CAN", "GBR", "FRA", "DEU", "ITA", "ESP", "PRT", "NLD", "BEL", "LUX", "DNK", "NOR",
		"GRC", "TUR", "POL", "CZE", "HUN", "SVK", "SVN", "EST", "LVA", "LTU", "ROU", "BGR", "HRV", "ALB", "MNE", "MKD", "FIN", "SWE"}
	for _, c := range nato {
		for y := 2014; y <= 2024; y++ {
			if !s.Get(c, y).OK() {
				t.Errorf("Get(%s, %d): missing", c, y)
			}
		}
	}
}

func TestReadUSDReal(t *testing.T) {
	u, err := ReadUSD(testenv.File(t, "milex/sipri-milex-data.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Names) != 173 || len(u.Years) != 70 || u.Years[0] != 1949 || u.Years[69] != 2018 {
		t.Fatalf("got %d rows, %d years %v..%v; want 173, 70, 1949..2018", len(u.Names), len(u.Years), u.Years[0], u.Years[len(u.Years)-1])
	}
	missing := 0
	for _, row := range u.Values {
		for _, v := range row {
			if v.IsMissing() {
				missing++
			}
		}
	}
	tests := []struct {
		name string
		got  world.Value
		want float64 // NaN: missing
	}{
		{"blank cells", world.Value(missing), 4487},
		{"USA 2018", u.Get("USA", 2018), 648798.3},
		{"USA 2018 by name", u.ByName("USA", 2018), 648798.3},
		{"USSR 1988 under RUS", u.Get("RUS", 1988), u.ByName("USSR", 1988).Float()},
		{"Russia 2018", u.Get("RUS", 2018), u.ByName("Russia", 2018).Float()},
		{"Cote d'Ivoire", u.Get("CIV", 2018), u.ByName("Côte d'Ivoire", 2018).Float()},
		{"USA 2019", u.Get("USA", 2019), math.NaN()},
		{"COW 365 in 1988 (USSR)", u.GetCOW(365, 1988), u.ByName("USSR", 1988).Float()},
		{"COW 2 in 2018", u.GetCOW(2, 2018), 648798.3},
		{"unknown", u.Get("XXX", 2000), math.NaN()},
	}
	for _, tc := range tests {
		if math.IsNaN(tc.want) != tc.got.IsMissing() || !math.IsNaN(tc.want) && tc.got.Float() != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if !u.Get("CIV", 2018).OK() || !u.Get("RUS", 1988).OK() {
		t.Errorf("CIV 2018 and RUS 1988 should be present")
	}
}

// TestNames checks that every SIPRI row name resolves to an ISO3 code that
// the crosswalk knows, except the two states with no single continuator.
func TestNames(t *testing.T) {
	u, err := ReadUSD(testenv.File(t, "milex/sipri-milex-data.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range u.Names {
		code, ok := ISO3(n)
		if !ok || code != u.ISO3[i] {
			t.Errorf("%q: got %q, %v", n, code, ok)
		}
		if _, ok := world.COWFromISO3(code); !ok {
			t.Errorf("%q (%s): no COW code", n, code)
		}
	}
}

func TestNamesFile(t *testing.T) {
	if _, err := parseNames("names.csv", namesCSV); err != nil {
		t.Fatalf("the embedded names.csv: %v", err)
	}
	read := func(name, src string) error { _, err := parseNames(name, src); return err }
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "lower-case code", Src: "name,iso3,note\nAlgeria,dza,\n", Read: read, Line: 2, Col: 2, Field: "iso3", Err: table.ErrSyntax},
		{Name: "empty code", Src: "name,iso3,note\nAlgeria,,\n", Read: read, Line: 2, Col: 2, Field: "iso3", Err: table.ErrSyntax},
		{Name: "name twice", Src: "name,iso3,note\nAlgeria,DZA,\n Algeria ,DZA,\n", Read: read, Line: 3, Col: 1, Field: "name", Err: table.ErrRange},
		{Name: "no note column", Src: "name,iso3\nAlgeria,DZA\n", Read: read, Line: 1, Col: 0, Field: "note", Err: table.ErrMissingColumn},
	})
}

func TestBadInput(t *testing.T) {
	const sharesHeader = "Entity,Code,Year,Military expenditure (% of GDP),World region according to OWID\n"
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "share missing", Src: sharesHeader + "Poland,POL,2024,,Europe\n", Read: shares, Line: 2, Col: 4, Field: "Military expenditure (% of GDP)", Err: table.ErrMissingValue},
		{Name: "share negative", Src: sharesHeader + "Poland,POL,2024,-4.1,Europe\n", Read: shares, Line: 2, Col: 4, Field: "Military expenditure (% of GDP)", Err: table.ErrRange},
		{Name: "share year", Src: sharesHeader + "Poland,POL,twenty,4.1,Europe\n", Read: shares, Line: 2, Col: 3, Field: "Year", Err: table.ErrSyntax},
		{Name: "share duplicate", Src: sharesHeader + "Poland,POL,2024,4.1,Europe\nPoland,POL,2024,4.2,Europe\n", Read: shares, Line: 3, Col: 3, Field: "Year", Err: table.ErrRange},
		{Name: "share no column", Src: "Entity,Code,Year\nPoland,POL,2024\n", Read: shares, Line: 1, Col: 0, Field: "Military expenditure (% of GDP)", Err: table.ErrMissingColumn},
		{Name: "usd unknown name", Src: "Country,2017,2018\nAtlantis,1, \n", Read: usd, Line: 2, Col: 1, Field: "Country", Err: table.ErrRange},
		{Name: "usd text value", Src: "Country,2017,2018\nUSA,n/a,648798.3\n", Read: usd, Line: 2, Col: 2, Field: "2017", Err: table.ErrSyntax},
		{Name: "usd negative", Src: "Country,2017,2018\nUSA,-1,648798.3\n", Read: usd, Line: 2, Col: 2, Field: "2017", Err: table.ErrRange},
		{Name: "usd header year", Src: "Country,2017,FY2018\nUSA,1,2\n", Read: usd, Line: 1, Col: 3, Field: "FY2018", Err: table.ErrSyntax},
		{Name: "usd overlapping series", Src: "Country,1990,1991\nUSSR,1, \nRussia,2,3\n", Read: usd, Line: 3, Col: 2, Field: "1990", Err: table.ErrRange},
	})
}

func TestUSDWindows1252(t *testing.T) {
	u, err := ReadUSDFrom("t.csv", strings.NewReader("Country,2018\nC\xf4te d\x92Ivoire,605.1\n\"Congo, Republic of \", \n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Get("CIV", 2018); got != 605.1 {
		t.Errorf("CIV 2018: got %v, want 605.1", got)
	}
	if got := u.Get("COG", 2018); got.OK() {
		t.Errorf("COG 2018: got %v, want missing", got)
	}
}

var shares = sourcetest.Table(table.Options{}, func(r *table.Reader) error { _, err := readShares(r); return err })

func usd(name, src string) error {
	_, err := ReadUSDFrom(name, strings.NewReader(src))
	return err
}

// FuzzReaders feeds arbitrary bytes to both SIPRI readers: neither may
// panic, and each returns either records or a *table.ParseError.
func FuzzReaders(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{shares, usd}, []string{
		"Entity,Code,Year,Military expenditure (% of GDP),World region according to OWID\nAfghanistan,AFG,1970,1.6296061,Asia\nEuropean Union (SIPRI),,2022,1.5,\nPoland,POL,2024,4.1543937,Europe\n",
		"Country,2016,2017,2018\nUSA,600106.4,605802.9,648798.3\nC\xf4te d\x92Ivoire, , ,605.1\nUSSR, , , \n",
	})
}
