package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/entente/entente/internal/worldfile"
)

// The structure section reads each system's shape from package network:
// the US system in Asia hub-and-spoke, NATO multilateral, Russia's
// alliances mixed; the HTML report embeds the drawing inline.
func TestStructureSection(t *testing.T) {
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Structure(w)
	if err != nil || s == nil {
		t.Fatalf("section %v, error %v", s, err)
	}
	shapes := map[string]string{}
	for _, row := range s.Tables[0].Rows {
		shapes[row[0].format(s.Tables[0].Columns[0])] = row[4].format(s.Tables[0].Columns[4])
	}
	want := map[string]string{
		"US hub-and-spoke system in Asia and the Pacific": "hub-and-spoke",
		"North Atlantic Treaty Organization":              "multilateral",
		"Russia's alliances":                              "mixed",
	}
	for name, r := range want {
		if shapes[name] != r {
			t.Errorf("%s reads %q, want %q (all: %v)", name, shapes[name], r, shapes)
		}
	}
	if len(s.Figures) != 1 || !strings.HasPrefix(s.Figures[0].SVG, "<svg") {
		t.Fatalf("want one inline SVG figure")
	}
	r := &Report{Title: "t", Sections: []*Section{s}}
	var b bytes.Buffer
	if err := Write(&b, r, "html"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "<figure><svg") || strings.Contains(b.String(), "&lt;svg") {
		t.Error("HTML does not embed the SVG inline")
	}
}
