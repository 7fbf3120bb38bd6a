package report

import (
	"strings"
	"testing"
)

// sentences returns the paragraphs and table rows of sections ids that
// mention any of names, as text.
func sentences(t *testing.T, r *Report, names []string, ids ...string) []string {
	t.Helper()
	var out []string
	keep := func(s string) {
		for _, n := range names {
			if strings.Contains(s, n) {
				out = append(out, s)
				return
			}
		}
	}
	for _, id := range ids {
		s := section(t, r, id)
		for _, p := range s.Paragraphs {
			keep(p)
		}
		for _, tb := range s.Tables {
			for _, row := range tb.Rows {
				var cells []string
				for i, c := range row {
					cells = append(cells, c.format(tb.Columns[i]))
				}
				keep(strings.Join(cells, " | "))
			}
		}
	}
	return out
}

// TestQuadAndAUKUSNotDefencePacts checks that the report's wording follows
// the obligation type: the Quad (informal consultation) and AUKUS (a
// capability and technology partnership) are never called defence pacts
// nor said to bind their members by a treaty.
func TestQuadAndAUKUSNotDefencePacts(t *testing.T) {
	_, r := defaultReport(t)
	got := sentences(t, r, []string{"Quad", "AUKUS"}, "alliances", "membership")
	if len(got) < 4 {
		t.Fatalf("the report mentions the Quad and AUKUS in %d places, want at least 4:\n%s", len(got), strings.Join(got, "\n"))
	}
	for _, s := range got {
		for _, bad := range []string{"defence pact", "bound to every other", "bound by the treaty", "bound by a treaty"} {
			if strings.Contains(s, bad) {
				t.Errorf("says %q of the Quad or AUKUS: %s", bad, s)
			}
		}
	}
	want := map[string]bool{"informal consultation": false, "capability and technology partnership": false}
	for _, s := range got {
		for k := range want {
			want[k] = want[k] || strings.Contains(s, k)
		}
	}
	for k, ok := range want {
		if !ok {
			t.Errorf("the report never calls the Quad or AUKUS %q", k)
		}
	}
}

// TestANZUSSuspension checks that the report shows the suspension of the
// United States' obligations to New Zealand, and Armenia's frozen CSTO
// participation.
func TestANZUSSuspension(t *testing.T) {
	_, r := defaultReport(t)
	all := strings.Join(sentences(t, r, []string{"ANZUS"}, "alliances", "membership"), "\n")
	for _, want := range []string{
		"the obligations between United States and New Zealand have been suspended since 1986-08-11",
		"Obligations between United States and New Zealand suspended since 1986",
		"except between the members whose obligations are suspended",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the report does not say %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "every one bound to every other") {
		t.Errorf("the report says every ANZUS member is bound to every other:\n%s", all)
	}
	csto := strings.Join(sentences(t, r, []string{"Armenia"}, "alliances", "membership"), "\n")
	if !strings.Contains(csto, "Armenia's participation has been frozen since 2024-02-22") || !strings.Contains(csto, "Armenia (1994; participation frozen)") {
		t.Errorf("the report does not show Armenia's frozen CSTO participation:\n%s", csto)
	}
}

// TestRelationsCoded checks that the relations table lists the coded
// relations only (not every border), each with a rationale.
func TestRelationsCoded(t *testing.T) {
	w, r := defaultReport(t)
	s := section(t, r, "relations")
	tb := s.Tables[len(s.Tables)-1]
	if n := len(codedRelations(w)); len(tb.Rows) != n || n < 60 {
		t.Errorf("relations table has %d rows, %d coded relations (want at least 60)", len(tb.Rows), n)
	}
	if len(tb.Rows) >= len(w.Relations) {
		t.Errorf("relations table lists %d rows of %d relations: borders are listed too", len(tb.Rows), len(w.Relations))
	}
	for _, row := range tb.Rows {
		if row[6].v == "" {
			t.Errorf("%v: no rationale", row[0].v)
		}
	}
}
