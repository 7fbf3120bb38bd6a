package network

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/entente/entente/world"
)

// GraphFormats lists the formats WriteGraph accepts.
var GraphFormats = []string{"json", "graphml", "gexf"}

// GraphNode is one state in an exported graph.
type GraphNode struct {
	Code       int         `json:"code"`
	Name       string      `json:"name"`
	Capability world.Value `json:"capability"` // CINC; null when unknown
	// Bloc is the index of the state's bloc in the partition (0 holds the
	// largest share of capability); null for an unaligned state.
	Bloc *int `json:"bloc"`
}

// GraphEdge is one tie in an exported graph.
type GraphEdge struct {
	Source      int               `json:"source"`
	Target      int               `json:"target"`
	Level       int               `json:"level"`
	Obligations world.Obligations `json:"obligations"`
}

// GraphDoc is the JSON shape of a network: the year, the options it was
// built with, its nodes (every state of the system) and its ties, with the
// blocs of p. It is the shape of `entente network --format json`.
type GraphDoc struct {
	Year    int         `json:"year"`
	Source  Source      `json:"source"`
	Type    Type        `json:"type"`
	Rule    Rule        `json:"rule"`
	Q       world.Value `json:"modularity"`
	Nodes   []GraphNode `json:"nodes"`
	Edges   []GraphEdge `json:"edges"`
	Blocs   []Bloc      `json:"blocs"`
	Measure Year        `json:"measures"`
}

// Doc returns the GraphDoc of n with blocs p.
func (n *Network) Doc(p Partition) GraphDoc {
	d := GraphDoc{Year: n.Year, Source: n.Options.Source, Type: n.Options.Type, Rule: n.Options.Rule,
		Q: world.Value(p.Q), Blocs: p.Blocs, Measure: n.Measure(p, n.SignedBlocs())}
	for i, c := range n.Nodes {
		gn := GraphNode{Code: c, Name: n.Names[i], Capability: world.Value(n.Capability[i])}
		if b := p.Of(c); b >= 0 {
			gn.Bloc = &b
		}
		d.Nodes = append(d.Nodes, gn)
	}
	for _, t := range n.Ties {
		d.Edges = append(d.Edges, GraphEdge{t.Dyad.A, t.Dyad.B, t.Level, t.Obligations})
	}
	if d.Blocs == nil {
		d.Blocs = []Bloc{}
	}
	return d
}

// WriteGraph writes n with blocs p in format: json (GraphDoc), graphml
// (GraphML 1.0, for igraph, networkx and Gephi) or gexf (GEXF 1.3, for
// Gephi). Node attributes are code, name, capability and bloc; edges carry
// their level and obligations. An unknown capability or an unaligned
// state's bloc is left out of GraphML and GEXF (missing, not zero).
func (n *Network) WriteGraph(w io.Writer, format string, p Partition) error {
	d := n.Doc(p)
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(d)
	case "graphml":
		return writeGraphML(w, d)
	case "gexf":
		return writeGEXF(w, d)
	}
	return fmt.Errorf("unknown graph format %q (want %s)", format, strings.Join(GraphFormats, ", "))
}

func esc(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func fnum(v world.Value) (string, bool) {
	if math.IsNaN(float64(v)) {
		return "", false
	}
	return strconv.FormatFloat(float64(v), 'g', -1, 64), true
}

func writeGraphML(w io.Writer, d GraphDoc) error {
	e := &errWriter{w: w}
	e.printf(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="code" for="node" attr.name="code" attr.type="int"/>
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="capability" for="node" attr.name="capability" attr.type="double"/>
  <key id="bloc" for="node" attr.name="bloc" attr.type="int"/>
  <key id="level" for="edge" attr.name="level" attr.type="int"/>
  <key id="obligations" for="edge" attr.name="obligations" attr.type="string"/>
  <graph id="alliances-%d-%s-%s" edgedefault="undirected">
`, d.Year, d.Source, d.Type)
	for _, nd := range d.Nodes {
		e.printf("    <node id=\"n%d\"><data key=\"code\">%d</data><data key=\"name\">%s</data>", nd.Code, nd.Code, esc(nd.Name))
		if s, ok := fnum(nd.Capability); ok {
			e.printf("<data key=\"capability\">%s</data>", s)
		}
		if nd.Bloc != nil {
			e.printf("<data key=\"bloc\">%d</data>", *nd.Bloc)
		}
		e.printf("</node>\n")
	}
	for _, ed := range d.Edges {
		e.printf("    <edge source=\"n%d\" target=\"n%d\"><data key=\"level\">%d</data><data key=\"obligations\">%s</data></edge>\n",
			ed.Source, ed.Target, ed.Level, esc(ed.Obligations.String()))
	}
	e.printf("  </graph>\n</graphml>\n")
	return e.err
}

func writeGEXF(w io.Writer, d GraphDoc) error {
	e := &errWriter{w: w}
	e.printf(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <meta><creator>entente</creator><description>alliance network %d, %s %s ties</description></meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node">
      <attribute id="0" title="code" type="integer"/>
      <attribute id="1" title="capability" type="double"/>
      <attribute id="2" title="bloc" type="integer"/>
    </attributes>
    <attributes class="edge">
      <attribute id="0" title="obligations" type="string"/>
    </attributes>
    <nodes>
`, d.Year, d.Source, d.Type)
	for _, nd := range d.Nodes {
		e.printf("      <node id=\"%d\" label=\"%s\"><attvalues><attvalue for=\"0\" value=\"%d\"/>", nd.Code, esc(nd.Name), nd.Code)
		if s, ok := fnum(nd.Capability); ok {
			e.printf("<attvalue for=\"1\" value=\"%s\"/>", s)
		}
		if nd.Bloc != nil {
			e.printf("<attvalue for=\"2\" value=\"%d\"/>", *nd.Bloc)
		}
		e.printf("</attvalues></node>\n")
	}
	e.printf("    </nodes>\n    <edges>\n")
	for i, ed := range d.Edges {
		e.printf("      <edge id=\"%d\" source=\"%d\" target=\"%d\" weight=\"%d\"><attvalues><attvalue for=\"0\" value=\"%s\"/></attvalues></edge>\n",
			i, ed.Source, ed.Target, ed.Level, esc(ed.Obligations.String()))
	}
	e.printf("    </edges>\n  </graph>\n</gexf>\n")
	return e.err
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}
