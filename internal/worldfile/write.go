package worldfile

import (
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/entente/entente/world"
)

// MaxSize is the largest world file Load reads: 16 MiB, some 400 times
// the embedded 2024 world. A larger file is refused before it is read
// whole (a world of every state and dyad of a year is under 2 MiB).
const MaxSize = 16 << 20

// Load reads and validates the world file at path.
func Load(path string) (*world.World, error) { return LoadContext(context.Background(), path) }

// LoadContext is Load stopping when ctx is done: the file (a pipe such as
// /dev/stdin, or a FIFO) is closed, which ends a read blocked on it. A file
// larger than MaxSize is refused.
func LoadContext(ctx context.Context, path string) (*world.World, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("world file: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > MaxSize {
		return nil, fmt.Errorf("world file %s: %d bytes, more than the limit of %d (16 MiB)", path, st.Size(), MaxSize)
	}
	stop := context.AfterFunc(ctx, func() { f.Close() })
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	stop()
	if ctx.Err() != nil {
		return nil, fmt.Errorf("world file %s: %w", path, context.Cause(ctx))
	}
	if err != nil {
		return nil, fmt.Errorf("world file: %w", err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("world file %s: more than the limit of %d bytes (16 MiB)", path, MaxSize)
	}
	return Parse(path, data)
}

// Write writes w as a world file. Parse(Write(w)) gives back w, except that
// sources without an ID are named s1, s2, ... and relations come in ccode
// order.
func Write(out io.Writer, w *world.World) error {
	d := unbuild(w)
	enc := yaml.NewEncoder(out)
	enc.SetIndent(2)
	if err := enc.Encode(d.node()); err != nil {
		return fmt.Errorf("write world file: %w", err)
	}
	return enc.Close()
}

// node builders

type mapping struct{ n *yaml.Node }

func newMapping(flow bool) mapping {
	n := &yaml.Node{Kind: yaml.MappingNode}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return mapping{n}
}

func (m mapping) add(key string, v *yaml.Node) {
	if v == nil {
		return
	}
	m.n.Content = append(m.n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
}

func scalar(tag, v string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}
}

func strNode(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	return scalar("!!str", s)
}

func intNode(i int) *yaml.Node {
	if i == 0 {
		return nil
	}
	return scalar("!!int", strconv.Itoa(i))
}

func floatNode(f float64) *yaml.Node {
	if math.IsNaN(f) {
		return nil
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return scalar("!!int", strconv.FormatFloat(f, 'f', -1, 64))
	}
	return scalar("!!float", strconv.FormatFloat(f, 'g', -1, 64))
}

func boolNode(b bool) *yaml.Node { return scalar("!!bool", strconv.FormatBool(b)) }

func dateNode(d world.Date) *yaml.Node {
	if d.IsZero() {
		return nil
	}
	return scalar("", d.String())
}

func seq(flow bool, items ...*yaml.Node) *yaml.Node {
	if len(items) == 0 {
		return nil
	}
	n := &yaml.Node{Kind: yaml.SequenceNode, Content: items}
	if flow {
		n.Style = yaml.FlowStyle
	}
	return n
}

func strSeq(ss []string) *yaml.Node {
	var items []*yaml.Node
	for _, s := range ss {
		items = append(items, scalar("!!str", s))
	}
	return seq(true, items...)
}

func intSeq(is []int) *yaml.Node {
	var items []*yaml.Node
	for _, i := range is {
		items = append(items, scalar("!!int", strconv.Itoa(i)))
	}
	return seq(true, items...)
}

func (n *number) node() *yaml.Node {
	if !n.present() {
		return nil
	}
	m := newMapping(true)
	m.add("value", floatNode(n.Value))
	m.add("source", strNode(n.Source))
	m.add("year", intNode(n.Year))
	return m.n
}

func (d *document) node() *yaml.Node {
	root := newMapping(false)
	root.add("format", strNode(d.Format))
	root.add("name", strNode(d.Name))
	root.add("as_of", dateNode(d.AsOf))
	root.add("sources", blockSeq(d.Sources, source.node))
	root.add("coverage", blockSeq(d.Coverage, coverage.node))
	root.add("states", blockSeq(d.States, state.node))
	root.add("alliances", blockSeq(d.Alliances, alliance.node))
	root.add("systems", blockSeq(d.Systems, system.node))
	root.add("partnerships", blockSeq(d.Partnerships, partnership.node))
	root.add("stationing", blockSeq(d.Stationing, stationing.node))
	root.add("relations", blockSeq(d.Relations, relation.node))
	return root.n
}

// blockSeq writes each of xs with node, one item per entry.
func blockSeq[T any](xs []T, node func(T) *yaml.Node) *yaml.Node {
	items := make([]*yaml.Node, len(xs))
	for i, x := range xs {
		items[i] = node(x)
	}
	return seq(false, items...)
}

func (s source) node() *yaml.Node {
	m := newMapping(false)
	m.add("id", strNode(s.ID))
	m.add("citation", strNode(s.Citation))
	m.add("url", strNode(s.URL))
	return m.n
}

func (s state) node() *yaml.Node {
	m := newMapping(false)
	m.add("ccode", intNode(s.CCode))
	m.add("iso3", strNode(s.ISO3))
	m.add("abbrev", strNode(s.Abbrev))
	m.add("name", strNode(s.Name))
	if s.Major {
		m.add("major", boolNode(true))
	}
	if s.Capital != "" || !math.IsNaN(s.Lat) || !math.IsNaN(s.Lon) {
		c := newMapping(true)
		c.add("name", strNode(s.Capital))
		c.add("lat", floatNode(s.Lat))
		c.add("lon", floatNode(s.Lon))
		m.add("capital", c.n)
	}
	m.add("region", strNode(s.Region))
	m.add("regime", strNode(s.Regime))
	m.add("nuclear", strNode(s.Nuclear))
	for _, nf := range numberFields {
		m.add(nf.key, s.Numbers[nf.key].node())
	}
	m.add("note", strNode(s.Note))
	m.add("figures", blockFlowSeq(s.Figures, figure.node))
	m.add("sources", strSeq(s.Sources))
	return m.n
}

// blockFlowSeq writes each of xs with node, one flow item per line.
func blockFlowSeq[T any](xs []T, node func(T) *yaml.Node) *yaml.Node {
	n := blockSeq(xs, node)
	if n != nil {
		for _, c := range n.Content {
			c.Style = yaml.FlowStyle
		}
	}
	return n
}

func (c coverage) node() *yaml.Node {
	m := newMapping(false)
	m.add("family", strNode(c.Family))
	m.add("source", strNode(c.Source))
	m.add("note", strNode(c.Note))
	return m.n
}

func (f figure) node() *yaml.Node {
	m := newMapping(true)
	m.add("field", strNode(f.Field))
	m.add("value", floatNode(f.Value))
	m.add("source", strNode(f.Source))
	m.add("year", intNode(f.Year))
	if f.Estimate {
		m.add("estimate", boolNode(true))
	}
	return m.n
}

func (st status) node() *yaml.Node {
	m := newMapping(true)
	m.add("status", strNode(st.Status))
	m.add("from", dateNode(st.From))
	m.add("to", dateNode(st.To))
	m.add("note", strNode(st.Note))
	m.add("sources", strSeq(st.Sources))
	return m.n
}

func (su suspension) node() *yaml.Node {
	m := newMapping(false)
	m.add("states", intSeq(su.States[:]))
	m.add("from", dateNode(su.From))
	m.add("to", dateNode(su.To))
	m.add("note", strNode(su.Note))
	m.add("sources", strSeq(su.Sources))
	return m.n
}

func (a alliance) node() *yaml.Node {
	m := newMapping(false)
	m.add("id", strNode(a.ID))
	m.add("name", strNode(a.Name))
	m.add("formal", boolNode(a.Formal))
	m.add("obligations", strSeq(a.Obligations))
	m.add("treaty", strNode(a.Treaty))
	m.add("key_article", strNode(a.KeyArticle))
	m.add("structure", strNode(a.Structure))
	m.add("hub", intNode(a.Hub))
	m.add("start", dateNode(a.Start))
	m.add("end", dateNode(a.End))
	m.add("members", blockSeq(a.Members, member.node))
	m.add("suspensions", blockSeq(a.Suspensions, suspension.node))
	m.add("sources", strSeq(a.Sources))
	return m.n
}

func (mb member) node() *yaml.Node {
	x := newMapping(true)
	x.add("ccode", intNode(mb.CCode))
	x.add("joined", dateNode(mb.Joined))
	x.add("left", dateNode(mb.Left))
	x.add("obligations", strSeq(mb.Obligations))
	var st []*yaml.Node
	for _, p := range mb.Status {
		st = append(st, p.node())
	}
	x.add("status", seq(true, st...))
	return x.n
}

func (s system) node() *yaml.Node {
	m := newMapping(false)
	m.add("id", strNode(s.ID))
	m.add("name", strNode(s.Name))
	m.add("hub", intNode(s.Hub))
	m.add("alliances", strSeq(s.Alliances))
	m.add("note", strNode(s.Note))
	return m.n
}

func (p partnership) node() *yaml.Node {
	m := newMapping(false)
	m.add("id", strNode(p.ID))
	m.add("name", strNode(p.Name))
	m.add("members", intSeq(p.Members))
	m.add("since", dateNode(p.Since))
	m.add("note", strNode(p.Note))
	m.add("sources", strSeq(p.Sources))
	return m.n
}

func (s stationing) node() *yaml.Node {
	m := newMapping(false)
	m.add("patron", intNode(s.Patron))
	m.add("host", intNode(s.Host))
	m.add("troops", floatNode(s.Troops))
	if s.NuclearSharing {
		m.add("nuclear_sharing", boolNode(true))
	}
	m.add("note", strNode(s.Note))
	m.add("sources", strSeq(s.Sources))
	return m.n
}

func (r relation) node() *yaml.Node {
	m := newMapping(false)
	m.add("states", intSeq(r.States[:]))
	if r.Contiguity != world.ContiguityMissing {
		m.add("contiguity", scalar("!!int", strconv.Itoa(r.Contiguity)))
	}
	m.add("hostility", r.Hostility.node())
	m.add("hostility_ab", r.HostilityAB.node())
	m.add("hostility_ba", r.HostilityBA.node())
	if r.Rivalry {
		m.add("rivalry", boolNode(true))
	}
	if r.War {
		m.add("war", boolNode(true))
	}
	if r.Territorial {
		m.add("territorial", boolNode(true))
	}
	m.add("rationale", strNode(r.Rationale))
	m.add("sources", strSeq(r.Sources))
	return m.n
}
