package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/entente/entente/align"
	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/threat"
)

var (
	worldsOnce sync.Once
	worlds     Worlds
	worldsErr  error
)

// testWorlds opens the history and the embedded world once per test binary.
func testWorlds(tb testing.TB) Worlds {
	tb.Helper()
	dir := testenv.DataDir(tb)
	worldsOnce.Do(func() {
		worlds.History, worldsErr = history.Open(dir)
		if worldsErr == nil {
			worlds.Embedded, worldsErr = worldfile.Default()
		}
	})
	if worldsErr != nil {
		tb.Fatal(worldsErr)
	}
	return worlds
}

// fixtureCases reads ../shared/fixtures/threat/cases.csv.
func fixtureCases(tb testing.TB) []Case {
	tb.Helper()
	dir := testenv.DataDir(tb)
	path := filepath.Join(dir, "..", "fixtures", "threat", "cases.csv")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("no face-validity fixtures: %v", err)
	}
	defer f.Close()
	cs, err := ReadCases(path, f)
	if err != nil {
		tb.Fatal(err)
	}
	return cs
}

func TestFaceValidity(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the real data")
	}
	ws := testWorlds(t)
	res, err := Face(fixtureCases(t), ws, threat.DefaultOptions(), align.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Rows {
		t.Log(fmt.Sprintf("%s %d %-16s top %3d %-14s want %v %v | %s/%s %v | %v want %v %v", r.World, r.Year, r.Name, r.TopThreat, r.TopName, r.Want, r.TopPass, r.Choice, r.WantChoice, r.ChoicePass, r.Partners, r.WantPartners, r.PartnerPass))
	}
	top, choice, partner := res.Rates()
	t.Logf("top %.2f choice %.2f partner %.2f", top, choice, partner)
	// The targets are 90%, 80% and 80%; the model reaches the
	// choice and partner targets, not the top-threat one (docs/threat.md
	// lists the failing cases and why).
	// These floors guard what it reaches now.
	if top < 0.7 || choice < 0.8 || partner < 0.8 {
		t.Errorf("face validity: top threats %.0f%% (floor 70%%, target 90%%), choices %.0f%% (80%%), partners %.0f%% (target 80%%)", 100*top, 100*choice, 100*partner)
	}
}
