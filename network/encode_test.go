package network

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"
)

func TestWriteGraph(t *testing.T) {
	n := toy(t, []float64{.2, .2, math.NaN(), .1}, nil, [][2]int{{1, 2}, {2, 3}, {1, 3}})
	n.Names = []string{"A & B", "C", "D", "E"}
	p := n.Blocs()
	for _, f := range GraphFormats {
		t.Run(f, func(t *testing.T) {
			var b bytes.Buffer
			if err := n.WriteGraph(&b, f, p); err != nil {
				t.Fatal(err)
			}
			if f == "json" {
				var d GraphDoc
				if err := json.Unmarshal(b.Bytes(), &d); err != nil {
					t.Fatal(err)
				}
				if len(d.Nodes) != 4 || len(d.Edges) != 3 || d.Nodes[3].Bloc != nil || *d.Nodes[0].Bloc != 0 || !d.Nodes[2].Capability.IsMissing() {
					t.Errorf("got %+v", d)
				}
				return
			}
			dec := xml.NewDecoder(&b)
			for {
				_, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("not well-formed: %v", err)
				}
			}
		})
	}
	var b bytes.Buffer
	if err := n.WriteGraph(&b, "dot", p); err == nil || !strings.Contains(err.Error(), "graphml") {
		t.Errorf("unknown format: got %v", err)
	}
}
