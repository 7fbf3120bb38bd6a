package worldfile

import (
	_ "embed"

	"github.com/entente/entente/world"
)

// world2024 is the embedded world: today's alliance systems as of
// 31 December 2024.
//
//go:embed world2024.yaml
var world2024 []byte

// DefaultName is the file name of the embedded world in error messages.
const DefaultName = "world2024.yaml"

// Default returns the embedded world as of 2024-12-31, freshly parsed so
// that callers may change it.
func Default() (*world.World, error) { return Parse(DefaultName, world2024) }

// DefaultYAML returns the text of the embedded world file.
func DefaultYAML() []byte { return append([]byte(nil), world2024...) }
