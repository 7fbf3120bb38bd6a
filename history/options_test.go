package history

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

// TestNeverCoexisted checks the pairs of members whose membership spells
// do not overlap within the year, against the list worked out by hand
// from states2016.csv: 30 pairs, 60 directed dyad-years, 1816–2016.
func TestNeverCoexisted(t *testing.T) {
	h := open(t)
	want := []string{
		"1860 332-710", "1860 335-710", "1860 337-710",
		"1918 300-310", "1918 300-367",
		"1941 345-530", "1941 350-530",
		"1945 210-255", "1945 211-255", "1945 255-290", "1945 255-315",
		"1958 438-652",
		"1964 338-511", "1964 511-551", "1964 511-553",
		"1975 115-817", "1975 402-817", "1975 403-817", "1975 540-817", "1975 541-817", "1975 581-817", "1975 817-910",
		"1990 223-678", "1990 223-680", "1990 255-260", "1990 255-265", "1990 255-678", "1990 255-680", "1990 678-679", "1990 679-680",
	}
	var got []string
	first, last := h.Span()
	for y := first; y <= last; y++ {
		for _, k := range h.NeverCoexisted(y) {
			got = append(got, fmt.Sprintf("%d %d-%d", y, k.A(), k.B()))
			if h.Coexisted(y, k.B(), k.A()) || h.Coexisted(y, k.A(), k.B()) {
				t.Errorf("%d: Coexisted(%d, %d) is true for a listed pair", y, k.A(), k.B())
			}
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("pairs that never coexisted:\n got %s\nwant %s", strings.Join(got, ", "), strings.Join(want, ", "))
	}
	if !h.Coexisted(1990, 2, 255) || !h.Coexisted(1990, 260, 265) {
		t.Error("Coexisted is false for pairs that shared days of 1990")
	}
}

// TestOpenWithNMC7AndExtension opens NMC v7.0 with the system extended to
// 2022: the members at the end of 2016 stay members, capabilities come
// from v7.0 through 2022, and sources that end earlier stay missing.
func TestOpenWithNMC7AndExtension(t *testing.T) {
	dir := testenv.DataDir(t)
	h, err := OpenWith(dir, Options{NMC: 7, ExtendSystemTo: 2022})
	if err != nil {
		t.Fatal(err)
	}
	if first, last := h.Span(); first != 1816 || last != 2022 {
		t.Fatalf("Span %d–%d, want 1816–2022", first, last)
	}
	m16, m22 := h.Members(2016), h.Members(2022)
	if len(m16) != 195 || !slices.Equal(m16, m22) {
		t.Fatalf("members: %d in 2016, %d in 2022; want the same 195", len(m16), len(m22))
	}
	// NMC v7.0, 2022 (NMC-70-abridged_peacesciencer.csv): USA tpop 344775 (thousands), cinc 0.12356574.
	c := h.Capability(2022, 2)
	if c.Tpop != 344775 || c.CINC != 0.12356574 {
		t.Errorf("USA 2022: tpop %v, CINC %v; want 344775 and 0.12356574", c.Tpop, c.CINC)
	}
	if h.Major(2022, 2) {
		t.Error("USA is a major power in 2022: majors2016 ends in 2016")
	}
	if h.Contiguity().Covers(2017) {
		t.Error("contiguity covers 2017")
	}
	for _, cv := range h.Coverage(2022) {
		if cv.Family == world.FamilyCapabilities && (!cv.Covered || cv.To != 2022) {
			t.Errorf("capabilities coverage %+v", cv)
		}
	}
	if _, err := OpenWith(dir, Options{NMC: 5}); err == nil || !strings.Contains(err.Error(), "NMC version 5") {
		t.Errorf("NMC 5: err %v", err)
	}
}

// TestOpenWithSkip leaves every file but the state system unloaded: the
// tables are empty and the state-year values missing, without a panic.
func TestOpenWithSkip(t *testing.T) {
	dir := testenv.DataDir(t)
	h, err := OpenWith(dir, Options{Skip: func(string) bool { return true }})
	if err != nil {
		t.Fatal(err)
	}
	if len(h.Members(1980)) == 0 {
		t.Fatal("no members in 1980")
	}
	if h.ATOP().Covers(1980) || h.Capability(1980, 2).CINC.OK() || h.Capitals(1980)[0].Lat.OK() {
		t.Error("skipped sources have values")
	}
}
