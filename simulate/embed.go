package simulate

import (
	"embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed scenarios/*.yaml
var builtin embed.FS

// Builtin returns the bytes of the shipped scenario name (europe-1914,
// baltic-crisis, taiwan-strait, us-retrenchment).
func Builtin(name string) ([]byte, error) {
	b, err := builtin.ReadFile("scenarios/" + name + ".yaml")
	if err != nil {
		return nil, fmt.Errorf("no shipped scenario %q (want one of %s, or a file path)", name, strings.Join(Builtins(), ", "))
	}
	return b, nil
}

// Builtins lists the shipped scenarios.
func Builtins() []string {
	es, _ := builtin.ReadDir("scenarios")
	var out []string
	for _, e := range es {
		out = append(out, strings.TrimSuffix(e.Name(), ".yaml"))
	}
	slices.Sort(out)
	return out
}
