package worldfile

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

// TestDocExample parses the complete example in docs/worldfile.md.
func TestDocExample(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testenv.ModuleRoot(), "docs", "worldfile.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "```yaml\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no yaml block in docs/worldfile.md")
	}
	w, err := Parse("docs/worldfile.md", []byte(example))
	if err != nil {
		t.Fatalf("the documented example does not parse:\n%v", err)
	}
	if len(w.States) != 7 || len(w.Alliances) != 3 || len(w.Systems) != 1 || len(w.Partnerships) != 1 || len(w.Relations) != 1 {
		t.Errorf("got %d states, %d alliances, %d systems, %d partnerships, %d relations",
			len(w.States), len(w.Alliances), len(w.Systems), len(w.Partnerships), len(w.Relations))
	}
	// Each addition of issue 12 is in the example and reads back.
	if w.Alliances[1].SuspendedOn(2, 920, w.AsOf) == nil {
		t.Error("the example's ANZUS suspension does not read back")
	}
	if st := w.Alliances[2].Members[1].StatusOn(w.AsOf); st != world.Frozen {
		t.Errorf("the example's Armenian CSTO status is %q, want frozen", st)
	}
	if v := w.State(375).Figure("milex_share_gdp", "nato-dex-2024", 2024); v.IsMissing() || w.State(375).Note == "" {
		t.Errorf("the example's NATO figure for Finland %v or its note %q does not read back", v, w.State(375).Note)
	}
	if !w.Covered(world.FamilyContiguity) || w.Relation(375, 710).Contiguity != world.NotContiguous || w.Relation(2, 365).Contiguity != 2 {
		t.Error("the example's contiguity coverage does not read back")
	}
}

// TestRelationsDoc checks that docs/relations2024.md lists every relation
// the embedded world codes, with the same hostility value and the same
// directed values ("0.7; Taiwan → China 0.3"), and no directed value the
// world file does not code.
func TestRelationsDoc(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testenv.ModuleRoot(), "docs", "relations2024.md"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		cells := strings.Split(line, " | ")
		if len(cells) >= 5 && strings.Contains(cells[0], " – ") { // the tables of every relation
			listed[strings.TrimPrefix(cells[0], "| ")] = cells[1]
		}
	}
	w := defaultWorld(t)
	n := 0
	for d, r := range w.Relations {
		if r.Hostility.IsMissing() {
			continue
		}
		n++
		a, b := w.State(d.A).Name, w.State(d.B).Name
		pair := a + " – " + b
		got, ok := listed[pair]
		if !ok {
			t.Errorf("%s is coded (%v) but not listed in docs/relations2024.md", pair, r.Hostility)
			continue
		}
		want := []string{strconv.FormatFloat(r.Hostility.Float(), 'f', 1, 64)}
		if r.Toward != nil {
			for i, from := range [2]string{a, b} {
				if h := r.Toward[i]; h.OK() {
					to := [2]string{b, a}[i]
					want = append(want, from+" → "+to+" "+strconv.FormatFloat(h.Float(), 'f', 1, 64))
				}
			}
		}
		if w := strings.Join(want, "; "); got != w {
			t.Errorf("%s: docs say %q, the world file %q", pair, got, w)
		}
	}
	if len(listed) != n {
		t.Errorf("docs list %d relations, the world codes %d", len(listed), n)
	}
}
