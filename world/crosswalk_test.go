package world_test

import (
	"fmt"
	"testing"

	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/geo"
	"github.com/entente/entente/internal/source/sipri"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func TestCrosswalkParses(t *testing.T) {
	rows := world.Crosswalk()
	if len(rows) < 217 {
		t.Fatalf("got %d rows, want at least one per COW state (217)", len(rows))
	}
	for _, m := range rows {
		if m.CCode == 0 && m.GWCode == 0 {
			t.Errorf("row %q maps neither a ccode nor a gwcode", m.Name)
		}
		if !m.End.IsZero() && m.End.Before(m.Start) {
			t.Errorf("row %q (%d): end %s before start %s", m.Name, m.CCode, m.End, m.Start)
		}
	}
}

// TestCrosswalkUnambiguous checks that no two rows claim the same code on
// the same day with different answers: for a ccode, primary rows with
// different GW or ISO3 codes; for a GW or ISO3 code, rows with different
// ccodes.
func TestCrosswalkUnambiguous(t *testing.T) {
	rows := world.Crosswalk()
	overlap := func(a, b world.CodeMapping) bool {
		return (a.End.IsZero() || !a.End.Before(b.Start)) && (b.End.IsZero() || !b.End.Before(a.Start))
	}
	for i, a := range rows {
		for _, b := range rows[i+1:] {
			if !overlap(a, b) {
				continue
			}
			if !a.Decode && !b.Decode && a.CCode != 0 && a.CCode == b.CCode && (a.GWCode != b.GWCode || a.ISO3 != b.ISO3) {
				t.Errorf("ccode %d: rows %d/%s and %d/%s overlap", a.CCode, a.GWCode, a.ISO3, b.GWCode, b.ISO3)
			}
			if a.GWCode != 0 && a.GWCode == b.GWCode && a.CCode != b.CCode {
				t.Errorf("gwcode %d: ccodes %d and %d overlap", a.GWCode, a.CCode, b.CCode)
			}
			if a.ISO3 != "" && a.ISO3 == b.ISO3 && a.CCode != b.CCode {
				t.Errorf("iso3 %s: ccodes %d and %d overlap", a.ISO3, a.CCode, b.CCode)
			}
		}
	}
}

func TestCrosswalk(t *testing.T) {
	type fn func() (any, bool)
	tests := []struct {
		name string
		f    fn
		want any // nil: no mapping
	}{
		{"GWFromCOW USA", func() (any, bool) { return world.GWFromCOW(2) }, 2},
		{"GWFromCOW Germany today", func() (any, bool) { return world.GWFromCOW(255) }, 260},
		{"GWFromCOWIn Germany 1900", func() (any, bool) { return world.GWFromCOWIn(255, 1900) }, 255},
		{"GWFromCOWIn Germany 1990", func() (any, bool) { return world.GWFromCOWIn(255, 1990) }, 260},
		{"GWFromCOWIn Germany 1960", func() (any, bool) { return world.GWFromCOWIn(255, 1960) }, nil},
		{"GWFromCOWIn West Germany 1960", func() (any, bool) { return world.GWFromCOWIn(260, 1960) }, 260},
		{"GWFromCOW Serbia today", func() (any, bool) { return world.GWFromCOW(345) }, 340},
		{"GWFromCOWIn Serbia 1914", func() (any, bool) { return world.GWFromCOWIn(345, 1914) }, 340},
		{"GWFromCOWIn Yugoslavia 1918", func() (any, bool) { return world.GWFromCOWIn(345, 1918) }, 340},
		{"GWFromCOWIn Yugoslavia 1950", func() (any, bool) { return world.GWFromCOWIn(345, 1950) }, 345},
		{"GWFromCOWIn Serbia 2006", func() (any, bool) { return world.GWFromCOWIn(345, 2006) }, 340},
		{"GWFromCOW Yemen", func() (any, bool) { return world.GWFromCOW(679) }, 678},
		{"GWFromCOW Kosovo", func() (any, bool) { return world.GWFromCOW(347) }, 347},
		{"GWFromCOW unknown", func() (any, bool) { return world.GWFromCOW(1) }, nil},
		{"COWFromGW Germany", func() (any, bool) { return world.COWFromGW(260) }, 255},
		{"COWFromGWIn West Germany 1980", func() (any, bool) { return world.COWFromGWIn(260, 1980) }, 260},
		{"COWFromGWIn Germany 1990 (most days 260)", func() (any, bool) { return world.COWFromGWIn(260, 1990) }, 260},
		{"COWFromGWIn Germany 1991", func() (any, bool) { return world.COWFromGWIn(260, 1991) }, 255},
		{"COWFromGW Serbia", func() (any, bool) { return world.COWFromGW(340) }, 345},
		{"COWFromGW Yemen", func() (any, bool) { return world.COWFromGW(678) }, 679},
		{"COWFromGWIn North Yemen 1980", func() (any, bool) { return world.COWFromGWIn(678, 1980) }, 678},
		{"COWFromGW capdist 679", func() (any, bool) { return world.COWFromGW(679) }, 679},
		{"COWFromGW Tibet", func() (any, bool) { return world.COWFromGW(711) }, nil},
		{"ISO3FromCOW USA", func() (any, bool) { return world.ISO3FromCOW(2) }, "USA"},
		{"ISO3FromCOW West Germany", func() (any, bool) { return world.ISO3FromCOW(260) }, "DEU"},
		{"ISO3FromCOW Czechoslovakia", func() (any, bool) { return world.ISO3FromCOW(315) }, "CSK"},
		{"ISO3FromCOW Bavaria", func() (any, bool) { return world.ISO3FromCOW(245) }, nil},
		{"COWFromISO3 DEU", func() (any, bool) { return world.COWFromISO3("DEU") }, 255},
		{"COWFromISO3In DEU 1980", func() (any, bool) { return world.COWFromISO3In("DEU", 1980) }, 260},
		{"COWFromISO3 YEM", func() (any, bool) { return world.COWFromISO3("YEM") }, 679},
		{"COWFromISO3In YEM 1980", func() (any, bool) { return world.COWFromISO3In("yem", 1980) }, 678},
		{"COWFromISO3 SUN", func() (any, bool) { return world.COWFromISO3("SUN") }, 365},
		{"COWFromISO3 OWID_KOS", func() (any, bool) { return world.COWFromISO3("OWID_KOS") }, 347},
		{"COWFromISO3 empty", func() (any, bool) { return world.COWFromISO3("") }, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.f()
			if tc.want == nil {
				if ok {
					t.Fatalf("got %v, want no mapping", got)
				}
				return
			}
			if !ok || got != tc.want {
				t.Fatalf("got %v (ok=%v), want %v", got, ok, tc.want)
			}
		})
	}
}

// noISO3 lists the COW members of the 2016 system without an ISO3 code.
// Every member of 2016 has one (Kosovo's is the user-assigned XKX).
var noISO3 = map[int]string{}

func TestCrosswalkSystem2016(t *testing.T) {
	rows, err := cow.ReadSystem(testenv.File(t, "cow_states/system2016.csv"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		if r.Year != 2016 {
			continue
		}
		n++
		if _, ok := world.GWFromCOWIn(r.CCode, 2016); !ok {
			t.Errorf("ccode %d (%s): no GW code in 2016", r.CCode, r.Abbrev)
		}
		if _, ok := world.ISO3FromCOWIn(r.CCode, 2016); !ok && noISO3[r.CCode] == "" {
			t.Errorf("ccode %d (%s): no ISO3 code in 2016", r.CCode, r.Abbrev)
		}
	}
	if n != 195 {
		t.Errorf("got %d states in 2016, want 195", n)
	}
}

func TestCrosswalkCapdist(t *testing.T) {
	cd, err := geo.ReadCapDist(testenv.File(t, "capitals_distance/capdist.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// GW states that were never COW members.
	gwOnly := map[int]string{563: "Transvaal", 564: "Orange Free State", 711: "Tibet", 815: "Vietnam (Annam)"}
	seen := map[int]bool{}
	for _, r := range cd.Rows() {
		gw := r.GW1
		if seen[gw] {
			continue
		}
		seen[gw] = true
		c, ok := world.COWFromGW(gw)
		switch {
		case gwOnly[gw] != "" && ok:
			t.Errorf("gw %d (%s): got ccode %d, want none", gw, gwOnly[gw], c)
		case gwOnly[gw] == "" && !ok:
			t.Errorf("gw %d (%s): no COW code", gw, r.ID1)
		}
	}
	if len(seen) != 202 {
		t.Errorf("got %d capdist codes, want 202", len(seen))
	}
}

// sipriNotSovereign lists the codes in the SIPRI share file that name no
// sovereign state (none today: the EU aggregate has an empty code).
var sipriNotSovereign = map[string]string{}

func TestCrosswalkSIPRI(t *testing.T) {
	shares, err := sipri.ReadShares(testenv.File(t, "milex/military-spending-as-a-share-of-gdp-sipri.csv"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, r := range shares.Rows { // rows with a code; the EU aggregate is apart
		if seen[r.ISO3] {
			continue
		}
		seen[r.ISO3] = true
		if _, ok := world.COWFromISO3(r.ISO3); !ok && sipriNotSovereign[r.ISO3] == "" {
			t.Errorf("SIPRI code %s (%s): no COW code", r.ISO3, r.Entity)
		}
	}
	if len(seen) != 165 {
		t.Errorf("got %d codes, want 165 (166 entities less the EU)", len(seen))
	}
}

func BenchmarkGWFromCOWIn(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		world.GWFromCOWIn(345, 1900+i%120)
	}
}

func ExampleGWFromCOWIn() {
	for _, y := range []int{1914, 1950, 2010} {
		gw, _ := world.GWFromCOWIn(345, y)
		fmt.Println(y, gw)
	}
	// Output:
	// 1914 340
	// 1950 345
	// 2010 340
}

func ExampleCOWFromISO3In() {
	before, _ := world.COWFromISO3In("DEU", 1980)
	after, _ := world.COWFromISO3In("DEU", 2000)
	fmt.Println(before, after)
	// Output: 260 255
}
