package report

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/world"
)

func defaultReport(t testing.TB) (*world.World, *Report) {
	t.Helper()
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(w)
	if err != nil {
		t.Fatal(err)
	}
	return w, r
}

func section(t *testing.T, r *Report, id string) *Section {
	t.Helper()
	for _, s := range r.Sections {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no section %q", id)
	return nil
}

// TestStructure checks the claim: the US alliances in Asia measure
// as hub-and-spoke and NATO as multilateral, by the same measure.
func TestStructure(t *testing.T) {
	w, r := defaultReport(t)
	live := inForce(w)
	find := func(id string) *world.Alliance {
		for _, a := range live {
			if a.ID == "world:"+id {
				return a
			}
		}
		t.Fatalf("no alliance %s in force", id)
		return nil
	}
	var asia world.System
	for _, s := range w.Systems {
		if s.ID == "us-asia-pacific" {
			asia = s
		}
	}
	tests := []struct {
		name    string
		shape   Shape
		reading string
		lo, hi  float64
		hub     int
	}{
		{"US system in Asia", Measure(w, w.AsOf, systemAlliances(w, asia, live)...), "hub-and-spoke", 0.9, 1, 2},
		{"NATO", Measure(w, w.AsOf, find("nato")), "multilateral", 0, 1e-12, 0},
		{"CSTO", Measure(w, w.AsOf, find("csto")), "multilateral", 0, 1e-12, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sh := tc.shape
			if sh.Reading != tc.reading || sh.Centralization < tc.lo || sh.Centralization > tc.hi {
				t.Errorf("got %s (C = %v), want %s with C in [%v, %v]", sh.Reading, sh.Centralization, tc.reading, tc.lo, tc.hi)
			}
			if tc.hub != 0 && sh.Hub != tc.hub {
				t.Errorf("hub: got %d, want %d", sh.Hub, tc.hub)
			}
		})
	}
	// Seven states (the US, Japan, South Korea, the Philippines, Thailand,
	// Australia, New Zealand); degrees 6, 2, 2, 1, 1, 1, 1:
	// C = (0 + 4 + 4 + 5·4) / (6·5) = 28/30.
	if got, want := tests[0].shape.Centralization, 28.0/30; math.Abs(got-want) > 1e-12 {
		t.Errorf("US system centralization: got %v, want %v", got, want)
	}
	text := strings.Join(section(t, r, "overview").Paragraphs, " ")
	for _, want := range []string{"US hub-and-spoke system in Asia and the Pacific reads as hub-and-spoke (C = 0.93)",
		"North Atlantic Treaty Organization reads as multilateral (C = 0.00)"} {
		if !strings.Contains(text, want) {
			t.Errorf("overview does not say %q:\n%s", want, text)
		}
	}
}

func TestBurden(t *testing.T) {
	_, r := defaultReport(t)
	s := section(t, r, "burden")
	nato := s.Tables[0]
	if len(nato.Rows) != 32 {
		t.Fatalf("NATO burden table: got %d rows, want 32", len(nato.Rows))
	}
	first, last := nato.Rows[0][1].v, nato.Rows[31][1].v
	if first != "Poland" || last != "Iceland" {
		t.Errorf("got first %v and last %v, want Poland (4.15%%) first and Iceland (no figure) last", first, last)
	}
	p := s.Paragraphs[0]
	for _, want := range []string{
		"23 of 31 allies with a figure met NATO's 2% guideline in 2024 on NATO's own estimates",
		"NATO, Defence Expenditure of NATO Countries", "on SIPRI's figures, 17 of 31", "SIPRI Military Expenditure Database",
		"1 of 31 already met 3.5%",
		"The Olson–Zeckhauser test (GDP against the SIPRI burden, 2024): Spearman's ρ = -0.09", "n = 31: no evidence",
	} {
		if !strings.Contains(p, want) {
			t.Errorf("summary does not say %q:\n%s", want, p)
		}
	}
	// The scatter and the tracker, inline SVG with their labels.
	if len(s.Figures) != 2 {
		t.Fatalf("burden figures: got %d, want the scatter and the tracker", len(s.Figures))
	}
	for i, want := range [][]string{{"Poland", "Luxembourg", "least squares"}, {"2% (NATO figures)", "3.5% (NATO figures)"}} {
		for _, w := range want {
			if !strings.Contains(s.Figures[i].SVG, w) {
				t.Errorf("figure %d lacks %q", i, w)
			}
		}
	}
	// Sweden: NATO 2.14%, SIPRI 1.998%; the SIPRI column prints enough
	// decimals for "no" to be visible.
	var b bytes.Buffer
	if err := Write(&b, r, "text"); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(b.String(), "\n") {
		if strings.Contains(line, "Sweden") && strings.Contains(line, "yes") {
			if !strings.Contains(line, "1.998%") || strings.Contains(line, "2.00%  no") {
				t.Errorf("Sweden's row does not show the decision: %q", line)
			}
		}
	}
	if !strings.Contains(strings.Join(s.Notes, " "), "Hague Summit (June 2025)") {
		t.Errorf("notes do not give the Hague commitment: %v", s.Notes)
	}
}

func TestFormats(t *testing.T) {
	_, r := defaultReport(t)
	for _, f := range Formats {
		t.Run(f, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, r, f); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			for _, want := range []string{"Alliance systems", "2024-12-31", "Burden sharing", "Poland"} {
				if !strings.Contains(out, want) {
					t.Errorf("%s output lacks %q", f, want)
				}
			}
		})
	}
	if err := Write(&bytes.Buffer{}, r, "pdf"); err == nil {
		t.Error("format pdf accepted")
	}
}

func TestJSONShape(t *testing.T) {
	_, r := defaultReport(t)
	var b bytes.Buffer
	if err := Write(&b, r, "json"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Title    string `json:"title"`
		AsOf     string `json:"as_of"`
		Sections []struct {
			ID     string `json:"id"`
			Title  string `json:"title"`
			Tables []struct {
				Columns []Column `json:"columns"`
				Rows    [][]any  `json:"rows"`
			} `json:"tables"`
		} `json:"sections"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range got.Sections {
		ids = append(ids, s.ID)
	}
	want := "overview alliances membership structure portfolios capability burden relations threat credibility dilemma"
	if got.AsOf != "2024-12-31" || strings.Join(ids, " ") != want {
		t.Errorf("got as_of %q sections %v, want 2024-12-31 and %s", got.AsOf, ids, want)
	}
	// Missing is null, not zero: Iceland's share in the NATO burden table.
	for _, s := range got.Sections {
		if s.ID != "burden" {
			continue
		}
		row := s.Tables[0].Rows[31]
		if row[1] != "Iceland" || row[2] != nil {
			t.Errorf("Iceland row %v: want a null share", row)
		}
	}
}

func TestHTMLEscapes(t *testing.T) {
	w := &world.World{Year: 2024, AsOf: world.D(2024, 1, 1), Name: `<script>alert("x")</script>`,
		States: []world.State{world.NewState(2, "A & B <i>")}}
	r, err := Build(w)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, r, "html"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<script>", "<i>", "<link", "src="} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	if !strings.Contains(out, "A &amp; B &lt;i&gt;") {
		t.Error("state name not escaped")
	}
}

func TestAddSection(t *testing.T) {
	w, _ := defaultReport(t)
	extra := Builder{ID: "extra", Build: func(w *world.World) (*Section, error) {
		tb := NewTable("", Text("State"), Num("Score", 2))
		tb.Add("Poland", 0.7)
		tb.Add("Nowhere", world.Missing())
		return &Section{Title: "Extra", Tables: []*Table{tb}}, nil
	}}
	skip := Builder{ID: "skip", Build: func(*world.World) (*Section, error) { return nil, nil }}
	r, err := BuildWith(w, extra, skip)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sections) != 1 || r.Sections[0].ID != "extra" {
		t.Fatalf("got %d sections", len(r.Sections))
	}
	var b bytes.Buffer
	if err := Write(&b, r, "text"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Nowhere      –\n") || !strings.Contains(b.String(), "Poland    0.70\n") {
		t.Errorf("text table:\n%s", b.String())
	}
}

func BenchmarkReport(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		w, err := worldfile.Default()
		if err != nil {
			b.Fatal(err)
		}
		r, err := Build(w)
		if err != nil {
			b.Fatal(err)
		}
		if err := Write(&bytes.Buffer{}, r, "text"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTextWraps(t *testing.T) {
	tb := NewTable("", Text("Pair"), Text("Rationale"))
	tb.Add("A – B", strings.Repeat("word ", 30))
	var b bytes.Buffer
	if err := Write(&b, &Report{Title: "t", Sections: []*Section{{Title: "s", Tables: []*Table{tb}}}}, "text"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	rows := 0
	for _, l := range lines {
		if strings.Contains(l, "word") {
			rows++
			if n := len([]rune(l)); n > 2+5+2+maxTextWidth {
				t.Errorf("line of %d runes: %q", n, l)
			}
		}
	}
	if rows != 4 {
		t.Errorf("got the cell on %d lines, want 4 (150 runes at %d a line)", rows, maxTextWidth)
	}
}
