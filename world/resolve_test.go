package world

import (
	"errors"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	w := &World{Year: 1914, States: []State{
		{CCode: 200, Abbrev: "UKG", ISO3: "GBR", Name: "United Kingdom"},
		{CCode: 220, Abbrev: "FRN", ISO3: "FRA", Name: "France"},
		{CCode: 255, Abbrev: "GMY", ISO3: "DEU", Name: "Germany"},
		{CCode: 365, Abbrev: "RUS", ISO3: "RUS", Name: "Russia"},
	}}
	w.Index()
	for _, q := range []string{"200", "UKG", "ukg", "GBR", "united kingdom", "  United Kingdom "} {
		if c, err := w.Resolve(q); c != 200 || err != nil {
			t.Errorf("Resolve(%q) = %d, %v; want 200", q, c, err)
		}
	}
	for _, tc := range []struct {
		q, want string
		near    []string
	}{
		{"Frnace", `"Frnace" names no member of the state system in 1914`, []string{"France (FRN, 220)"}},
		{"germ", "did you mean Germany (GMY, 255)?", []string{"Germany (GMY, 255)"}},
		{"260", "state 260 (German Federal Republic) is not a member of the state system in 1914", nil},
		{"Atlantis", "(give a COW ccode, COW abbreviation, ISO3 code or name)", nil},
	} {
		_, err := w.Resolve(tc.q)
		var ue *UnknownStateError
		if !errors.As(err, &ue) {
			t.Fatalf("Resolve(%q) = %v, want an *UnknownStateError", tc.q, err)
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Resolve(%q): %q lacks %q", tc.q, err, tc.want)
		}
		if strings.Join(ue.Near, "|") != strings.Join(tc.near, "|") {
			t.Errorf("Resolve(%q): near %q, want %q", tc.q, ue.Near, tc.near)
		}
	}
	_, err := w.Resolve("260")
	var ue *UnknownStateError
	errors.As(err, &ue)
	ue.Years = Spans([]int{1955, 1956, 1957, 1990})
	if got, want := err.Error(), "it is a member in 1955–1957, 1990"; !strings.Contains(got, want) {
		t.Errorf("with Years: %q lacks %q", got, want)
	}
}
