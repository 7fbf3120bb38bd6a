package world

import (
	"encoding/json"
	"math"
	"slices"
	"testing"
)

func TestGreatCircle(t *testing.T) {
	// Washington D.C. to Ottawa is about 734 km (capdist.csv: 731).
	got := GreatCircleKm(38.8950368, -77.0365427, 45.4208777, -75.6901106)
	if math.Abs(float64(got)-734) > 5 {
		t.Fatalf("Washington–Ottawa = %v km, want about 734", got)
	}
	if !GreatCircleKm(Missing(), 0, 0, 0).IsMissing() {
		t.Fatal("missing coordinate gave a distance")
	}
}

func TestValueJSON(t *testing.T) {
	b, err := json.Marshal([]Value{1.5, Missing()})
	if err != nil || string(b) != "[1.5,null]" {
		t.Fatalf("got %s, %v", b, err)
	}
	var v []Value
	if err := json.Unmarshal([]byte("[null,2]"), &v); err != nil || !v[0].IsMissing() || v[1] != 2 {
		t.Fatalf("got %v, %v", v, err)
	}
}

func TestRelationJSON(t *testing.T) {
	for _, tc := range []struct {
		r    Relation
		want string
	}{
		{NewRelation(Dyad{2, 20}), `{"dyad":{"A":2,"B":20},"capdist_km":null,"mindist_km":null,"hostility":null,"rivalry":false,"war":false,"territorial":false,"imports_ab":null,"imports_ba":null,"shared_igos":null,"contiguity":null}`},
		{Relation{Dyad: Dyad{2, 20}, Contiguity: NotContiguous, CapDistKm: 731, MinDistKm: Missing(), Hostility: 0,
			ImportsAB: 612, ImportsBA: Missing(), SharedIGOs: 7},
			`{"dyad":{"A":2,"B":20},"capdist_km":731,"mindist_km":null,"hostility":0,"rivalry":false,"war":false,"territorial":false,"imports_ab":612,"imports_ba":null,"shared_igos":7,"contiguity":0}`},
	} {
		b, err := json.Marshal(tc.r)
		if err != nil || string(b) != tc.want {
			t.Errorf("got %s, %v\nwant %s", b, err, tc.want)
			continue
		}
		var back Relation
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.Contiguity != tc.r.Contiguity || back.Dyad != tc.r.Dyad || back.CapDistKm.IsMissing() != tc.r.CapDistKm.IsMissing() {
			t.Errorf("round trip: got %+v, want %+v", back, tc.r)
		}
	}
	var r Relation
	if err := json.Unmarshal([]byte(`{"dyad":{"A":2,"B":20}}`), &r); err != nil || r.Contiguity != ContiguityMissing {
		t.Errorf("absent contiguity: got %d, %v; want missing", r.Contiguity, err)
	}
}

func TestRelationCoverage(t *testing.T) {
	w := &World{Year: 2000, States: []State{NewState(2, "USA"), NewState(20, "Canada")}}
	if got := w.Relation(2, 20).Contiguity; got != ContiguityMissing {
		t.Fatalf("outside coverage: contiguity %d, want missing", got)
	}
	w.Coverage = []Coverage{{Family: FamilyContiguity, Covered: true}}
	if got := w.Relation(2, 20).Contiguity; got != NotContiguous {
		t.Fatalf("inside coverage: contiguity %d, want 0", got)
	}
	if got := w.Relation(2, 200).Contiguity; got != ContiguityMissing {
		t.Fatalf("a state outside the World: contiguity %d, want missing", got)
	}
	w.SetRelation(Relation{Dyad: Dyad{20, 2}, Contiguity: 1, CapDistKm: 731})
	if r := w.Relation(2, 20); r.Contiguity != 1 || r.CapDistKm != 731 {
		t.Fatalf("recorded relation: %+v", r)
	}
}

func TestDates(t *testing.T) {
	for _, bad := range []string{"2023-02-30", "2023-13-01", "x", "2023-00-10", "", "0", "0000", "-1", "2023--01"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	d, err := ParseDate("2024-03-07")
	if err != nil || d != D(2024, 3, 7) {
		t.Fatalf("got %v, %v", d, err)
	}
	s := Spell{Start: D(1850, 3, 1), End: D(1851, 2, 1)}
	if s.Overlaps(1849) || !s.Overlaps(1850) || !s.Overlaps(1851) || s.Overlaps(1852) {
		t.Fatal("Overlaps")
	}
	if (Spell{Start: D(2023, 4, 4)}).Overlaps(2022) || !(Spell{Start: D(2023, 4, 4)}).Overlaps(2030) {
		t.Fatal("open spell")
	}
}

func TestObligationsJSON(t *testing.T) {
	o := Obligations(0).With(Defense).With(Consultation)
	b, _ := json.Marshal(o)
	if string(b) != `["defense","consultation"]` {
		t.Fatalf("got %s", b)
	}
	var p Obligations
	if err := json.Unmarshal(b, &p); err != nil || p != o {
		t.Fatalf("round trip: %v %v", p, err)
	}
	if err := json.Unmarshal([]byte(`["defence"]`), &p); err == nil {
		t.Fatal("accepted a misspelt obligation")
	}
}

// TestMembers checks the two views of an alliance's membership: by year
// (a spell overlapping any day of it) and by date, each member once.
func TestMembers(t *testing.T) {
	a := &Alliance{Members: []Member{
		{CCode: 2, Spell: Spell{Start: D(1949, 8, 24)}},
		{CCode: 255, Spell: Spell{Start: D(1955, 5, 6), End: D(1990, 10, 2)}},
		{CCode: 255, Spell: Spell{Start: D(1990, 10, 3)}}, // united Germany, a second spell
		{CCode: 220, Spell: Spell{Start: D(1949, 8, 24), End: D(1966, 7, 1)}},
	}}
	tests := []struct {
		name string
		got  []int
		want []int
	}{
		{"in 1966", a.MembersIn(1966), []int{2, 255, 220}},
		{"in 1967", a.MembersIn(1967), []int{2, 255}},
		{"in 1990", a.MembersIn(1990), []int{2, 255}},
		{"on 1966-07-01", a.MembersOn(D(1966, 7, 1)), []int{2, 255, 220}},
		{"on 1966-07-02", a.MembersOn(D(1966, 7, 2)), []int{2, 255}},
		{"on 1955-05-05", a.MembersOn(D(1955, 5, 5)), []int{2, 220}},
		{"on zero date", a.MembersOn(Date{}), []int{2, 255, 220}},
		{"in 1900", a.MembersIn(1900), nil},
	}
	for _, tc := range tests {
		if !slices.Equal(tc.got, tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
}
