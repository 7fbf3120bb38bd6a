package worldfiletest

import (
	"fmt"
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// Cut returns the world file src restricted to the states keep: their
// entries, the alliances and partnerships among them (with at least two
// members left), the systems whose hub is kept, and the relations and
// suspended dyads between two kept states, and the stationing of a kept
// patron's forces in a kept host. It keeps a fuzz seed small
// (a large seed makes every execution, and the minimization of every new
// input, slow) while its contents stay real.
func Cut(src []byte, keep ...int) ([]byte, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, err
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("not a world file")
	}
	kept := func(n *yaml.Node) bool {
		c, err := strconv.Atoi(n.Value)
		return err == nil && slices.Contains(keep, c)
	}
	doc := root.Content[0]
	alliances := map[string]bool{}
	filter(field(doc, "states"), func(s *yaml.Node) bool { return kept(field(s, "ccode")) })
	filter(field(doc, "alliances"), func(a *yaml.Node) bool {
		ms := field(a, "members")
		filter(ms, func(m *yaml.Node) bool { return kept(field(m, "ccode")) })
		filter(field(a, "suspensions"), func(d *yaml.Node) bool { return pairKept(field(d, "states"), kept) })
		if ms == nil || len(ms.Content) < 2 {
			return false
		}
		alliances[field(a, "id").Value] = true
		return true
	})
	filter(field(doc, "systems"), func(s *yaml.Node) bool {
		as := field(s, "alliances")
		filter(as, func(id *yaml.Node) bool { return alliances[id.Value] })
		return kept(field(s, "hub")) && as != nil && len(as.Content) > 0
	})
	filter(field(doc, "partnerships"), func(p *yaml.Node) bool {
		ms := field(p, "members")
		filter(ms, kept)
		return ms != nil && len(ms.Content) >= 2
	})
	filter(field(doc, "relations"), func(r *yaml.Node) bool { return pairKept(field(r, "states"), kept) })
	filter(field(doc, "stationing"), func(s *yaml.Node) bool { return kept(field(s, "patron")) && kept(field(s, "host")) })
	return yaml.Marshal(&root)
}

func pairKept(states *yaml.Node, kept func(*yaml.Node) bool) bool {
	return states != nil && len(states.Content) == 2 && kept(states.Content[0]) && kept(states.Content[1])
}

// field returns the value of key in mapping n, or nil; a nil n has none.
func field(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return &yaml.Node{} // absent: a value no filter keeps
}

// filter keeps the items of sequence n for which keep is true.
func filter(n *yaml.Node, keep func(*yaml.Node) bool) {
	if n == nil || n.Kind != yaml.SequenceNode {
		return
	}
	n.Content = slices.DeleteFunc(n.Content, func(c *yaml.Node) bool { return !keep(c) })
}
