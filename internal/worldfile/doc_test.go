package worldfile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
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
	if len(w.States) != 4 || len(w.Alliances) != 1 || len(w.Systems) != 1 || len(w.Partnerships) != 1 || len(w.Relations) != 1 {
		t.Errorf("got %d states, %d alliances, %d systems, %d partnerships, %d relations",
			len(w.States), len(w.Alliances), len(w.Systems), len(w.Partnerships), len(w.Relations))
	}
}
