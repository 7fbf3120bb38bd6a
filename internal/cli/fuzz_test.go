package cli

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/report"
	"github.com/entente/entente/threat"
)

// FuzzModelsOnWorldFiles runs the models on world files that parse: the
// report (alliance structure, capability, burden) in every format and the
// threat matrix. None may panic, fail on a valid world, or put NaN or Inf
// in JSON where a number was expected (encoding/json refuses them).
//
//	go test -run '^$' -fuzz FuzzModelsOnWorldFiles -fuzztime 2m ./internal/cli
func FuzzModelsOnWorldFiles(f *testing.F) {
	doc, err := os.ReadFile(filepath.Join(testenv.ModuleRoot(), "docs", "worldfile.md"))
	if err != nil {
		f.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(doc), "```yaml\n")
	example, _, _ := strings.Cut(rest, "```")
	f.Add(example)
	f.Add(strings.Replace(example, "members:", "members: []\n#", 1))
	f.Fuzz(func(t *testing.T, src string) {
		w, err := worldfile.Parse("fuzz.yaml", []byte(src))
		if err != nil {
			return
		}
		r, err := report.Build(w)
		if err != nil {
			return // a world the report declines, with an error
		}
		for _, format := range report.Formats {
			if err := report.Write(io.Discard, r, format); err != nil {
				t.Fatalf("report --format %s of a valid world: %v", format, err)
			}
		}
		m, err := threat.Compute(w, threat.Options{})
		if err != nil {
			return
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("threat matrix JSON: %v", err)
		}
		if strings.Contains(string(b), "NaN") || strings.Contains(string(b), "Inf") {
			t.Fatalf("threat JSON holds NaN or Inf")
		}
	})
}
