package netplot

import (
	"bytes"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"

	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/network"
	"github.com/entente/entente/world"
)

func TestDraw(t *testing.T) {
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	o := network.DefaultOptions()
	o.Source = network.Files
	n, err := network.FromWorld(w, o)
	if err != nil {
		t.Fatal(err)
	}
	p := n.Blocs()
	g := Graph{Net: n, Group: make([]int, len(n.Nodes)), Legend: []string{"a & <b>"}}
	for i, c := range n.Nodes {
		g.Group[i] = p.Of(c)
	}
	s, err := SVG(g, 10*vg.Centimeter, 10*vg.Centimeter)
	if err != nil || !strings.HasPrefix(s, "<svg") || strings.Contains(s, "<b>") || !strings.Contains(s, "United States") {
		t.Fatalf("SVG: %v, escaped legend and US label wanted:\n%.300s", err, s)
	}
	var b bytes.Buffer
	if err := WriteGraph(&b, g, "png", 5*vg.Centimeter, 5*vg.Centimeter); err != nil || !bytes.HasPrefix(b.Bytes(), []byte("\x89PNG")) {
		t.Errorf("PNG: %v", err)
	}
	if err := WriteGraph(&b, g, "gif", 5*vg.Centimeter, 5*vg.Centimeter); err == nil {
		t.Error("gif: want an error")
	}
	// Identical layouts from one seed.
	a, c := Layout(n, 3), Layout(n, 3)
	for i := range a {
		if a[i] != c[i] {
			t.Fatalf("layout differs at node %d: %v and %v", i, a[i], c[i])
		}
	}
	ys := []network.Year{n.Measure(p, p), {Year: 2025, Ties: world.Missing(), Blocs: world.Missing()}}
	b.Reset()
	if err := WriteSeries(&b, ys, "svg", 10*vg.Centimeter, 12*vg.Centimeter); err != nil || !strings.Contains(b.String(), "<svg") {
		t.Errorf("series: %v", err)
	}
	for path, want := range map[string]string{"a.svg": "svg", "b.PNG": "png", "c.pdf": ""} {
		if f, err := FormatOf(path); f != want || (want == "") != (err != nil) {
			t.Errorf("FormatOf(%q) = %q, %v", path, f, err)
		}
	}
}
