// Package yamlnode describes YAML nodes in error messages, the same way for
// every YAML document entente reads (world files, simulation scenarios).
package yamlnode

import (
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Kind names what n is, for a message such as "want a string, found a
// list": "a mapping", "a list", "an alias", "null", "a number "1"",
// "a boolean true" or "a string "x"".
func Kind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!int", "!!float":
		return "a number " + strconv.Quote(n.Value)
	case "!!bool":
		return "a boolean " + n.Value
	}
	return "a string " + strconv.Quote(n.Value)
}
