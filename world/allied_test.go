package world

import (
	"reflect"
	"testing"
)

// alliedWorld has one defence pact (2 and 20, 20's spell ending in 1950),
// one ATOP-style directed pledge (200 promises 220 neutrality; 220 pledges
// nothing), and an alliance with no pledge coded at all.
func alliedWorld() *World {
	w := &World{Year: 1949, States: []State{NewState(2, "USA"), NewState(20, "Canada"), NewState(200, "UK"), NewState(220, "France"), NewState(255, "Germany")},
		Alliances: []Alliance{
			{ID: "cow:1", Obligations: Obligations(Defense), Members: []Member{
				{CCode: 2, Spell: Spell{Start: D(1949, 4, 4)}},
				{CCode: 20, Spell: Spell{Start: D(1949, 4, 4), End: D(1950, 6, 30)}},
			}},
			{ID: "atop:2", Members: []Member{
				{CCode: 200, Spell: Spell{Start: D(1940, 1, 1)}, Obligations: Obligations(Neutrality)},
				{CCode: 220, Spell: Spell{Start: D(1940, 1, 1)}},
			}},
			{ID: "world:x", Members: []Member{
				{CCode: 2, Spell: Spell{Start: D(1900, 1, 1)}}, {CCode: 255, Spell: Spell{Start: D(1900, 1, 1)}},
			}},
		}}
	w.Index()
	return w
}

func TestAllied(t *testing.T) {
	w := alliedWorld()
	for _, tc := range []struct {
		name  string
		a, b  int
		at    At
		kinds Obligations
		want  bool
	}{
		{"defence pact in its first year", 2, 20, InYear(1949), AnyObligation, true},
		{"defence pact under defence", 20, 2, InYear(1949), Obligations(Defense), true},
		{"defence pact is no neutrality pledge", 2, 20, InYear(1949), Obligations(Neutrality), false},
		{"before the treaty", 2, 20, InYear(1948), AnyObligation, false},
		{"the year a spell ends still overlaps", 2, 20, InYear(1950), AnyObligation, true},
		{"by date: the day after the spell ends", 2, 20, OnDate(D(1950, 7, 1)), AnyObligation, false},
		{"by date: the day the treaty is signed", 2, 20, OnDate(D(1949, 4, 4)), AnyObligation, true},
		{"by date: zero takes every member", 2, 20, OnDate(Date{}), AnyObligation, true},
		{"one-sided pledge counts for the dyad", 220, 200, InYear(1949), Obligations(Neutrality), true},
		{"one-sided pledge: other kinds do not", 220, 200, InYear(1949), Obligations(Defense), false},
		{"uncoded alliance under any obligation", 2, 255, InYear(1949), AnyObligation, true},
		{"uncoded alliance under defence", 2, 255, InYear(1949), Obligations(Defense), false},
		{"a state with itself", 2, 2, InYear(1949), AnyObligation, false},
		{"not members together", 20, 255, InYear(1949), AnyObligation, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := w.Allied(tc.a, tc.b, tc.at, tc.kinds); got != tc.want {
				t.Errorf("Allied(%d, %d) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
	got := w.AlliedDyads(InYear(1949), AnyObligation, nil)
	want := map[Dyad]bool{{2, 20}: true, {200, 220}: true, {2, 255}: true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AlliedDyads = %v, want %v", got, want)
	}
	cow := w.AlliedDyads(InYear(1949), AnyObligation, func(a *Alliance) bool { return a.ID == "cow:1" })
	if !reflect.DeepEqual(cow, map[Dyad]bool{{2, 20}: true}) {
		t.Errorf("AlliedDyads(cow only) = %v", cow)
	}
	if as := w.AlliedIn(2, 255); len(as) != 1 || as[0].ID != "world:x" {
		t.Errorf("AlliedIn(2, 255) = %v", as)
	}
}

func TestLabel(t *testing.T) {
	w := &World{States: []State{
		{CCode: 200, Abbrev: "UKG", ISO3: "GBR", Name: "United Kingdom"},
		{CCode: 220, ISO3: "FRA", Name: "France"},
		{CCode: 230, Name: "Spain"},
		{CCode: 235, ISO3: "PRT"},
		{CCode: 240},
	}}
	w.Index()
	for _, tc := range []struct {
		c            int
		name, abbrev string
	}{
		{200, "United Kingdom", "UKG"},
		{220, "France", "FRA"},
		{230, "Spain", "Spain"},
		{235, "PRT", "PRT"},
		{240, "state 240", "state 240"},
		{999, "state 999", "state 999"},
	} {
		if got := w.Label(tc.c, ByName); got != tc.name {
			t.Errorf("Label(%d, ByName) = %q, want %q", tc.c, got, tc.name)
		}
		if got := w.Label(tc.c, ByAbbrev); got != tc.abbrev {
			t.Errorf("Label(%d, ByAbbrev) = %q, want %q", tc.c, got, tc.abbrev)
		}
	}
}
