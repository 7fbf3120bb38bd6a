// Package netplot draws alliance networks and their yearly measures with
// gonum/plot: a graph laid out by gonum's Eades force-directed layout
// (nodes sized by capability, coloured by group, edges by obligation
// level), and the time series of ties, blocs and polarity. The CLI and the
// report share it; it writes SVG or PNG to an io.Writer.
package netplot

import (
	"bytes"
	"fmt"
	"image/color"
	"io"
	"math"
	"math/rand/v2"
	"strings"

	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/spatial/r2"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/entente/entente/network"
)

// Formats lists the image formats, by file extension.
var Formats = []string{"svg", "png"}

// FormatOf returns the image format of path from its extension.
func FormatOf(path string) (string, error) {
	for _, f := range Formats {
		if strings.HasSuffix(strings.ToLower(path), "."+f) {
			return f, nil
		}
	}
	return "", fmt.Errorf("plot %q: unknown extension (want .svg or .png)", path)
}

// Palette is the colour of each group, in order; groups beyond it are
// grey, as are nodes in no group.
var Palette = []color.Color{
	color.RGBA{0x1f, 0x77, 0xb4, 0xff}, color.RGBA{0xd6, 0x27, 0x28, 0xff}, color.RGBA{0x2c, 0xa0, 0x2c, 0xff},
	color.RGBA{0xff, 0x7f, 0x0e, 0xff}, color.RGBA{0x94, 0x67, 0xbd, 0xff}, color.RGBA{0x8c, 0x56, 0x4b, 0xff},
	color.RGBA{0xe3, 0x77, 0xc2, 0xff}, color.RGBA{0x17, 0xbe, 0xcf, 0xff}, color.RGBA{0xbc, 0xbd, 0x22, 0xff},
}

var grey = color.RGBA{0xa0, 0xa0, 0xa0, 0xff}

func groupColor(g int) color.Color {
	if g >= 0 && g < len(Palette) {
		return Palette[g]
	}
	return grey
}

// Graph describes what to draw: the network, the group (colour) of each
// node index (-1 for none), and the legend of each group.
type Graph struct {
	Net    *network.Network
	Group  []int
	Legend []string
	Title  string
	// Labels names the nodes whose names are drawn (by ccode); nil labels
	// every node whose capability share is at least 2%.
	Labels map[int]bool
	// Isolates draws states without ties too.
	Isolates bool
	// Seed seeds the layout.
	Seed uint64
}

// Layout returns the positions of n's nodes by index, from gonum's
// Eades force-directed layout seeded with seed; nodes without ties are
// placed by the layout's repulsion alone.
func Layout(n *network.Network, seed uint64) []r2.Vec {
	g := n.UnitGraph()
	e := layout.EadesR2{Repulsion: 1, Rate: 0.01, Updates: 200, Theta: 0.2, Src: rand.NewPCG(seed, seed)}
	o := layout.NewOptimizerR2(g, e.Update)
	for o.Update() {
	}
	out := make([]r2.Vec, len(n.Nodes))
	for i := range out {
		out[i] = o.Coord2(int64(i))
	}
	return out
}

// graphPlotter draws a Graph on a plot.
type graphPlotter struct {
	g      Graph
	pos    []r2.Vec
	show   []bool
	radius []vg.Length
	text   draw.TextStyle
}

func (gp *graphPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for i, p := range gp.pos {
		if !gp.show[i] {
			continue
		}
		xmin, xmax = math.Min(xmin, p.X), math.Max(xmax, p.X)
		ymin, ymax = math.Min(ymin, p.Y), math.Max(ymax, p.Y)
	}
	if math.IsInf(xmin, 0) {
		return 0, 1, 0, 1
	}
	padX, padY := 0.05*(xmax-xmin)+0.1, 0.05*(ymax-ymin)+0.1
	return xmin - padX, xmax + padX, ymin - padY, ymax + padY
}

func (gp *graphPlotter) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	n := gp.g.Net
	for _, t := range n.Ties {
		i, j := n.Pos(t.Dyad.A), n.Pos(t.Dyad.B)
		sty := draw.LineStyle{Color: color.RGBA{0x60, 0x60, 0x60, 0x50}, Width: vg.Length(0.3 + 0.3*float64(t.Level))}
		c.StrokeLine2(sty, tx(gp.pos[i].X), ty(gp.pos[i].Y), tx(gp.pos[j].X), ty(gp.pos[j].Y))
	}
	for i := range n.Nodes {
		if !gp.show[i] {
			continue
		}
		g := -1
		if i < len(gp.g.Group) {
			g = gp.g.Group[i]
		}
		pt := vg.Point{X: tx(gp.pos[i].X), Y: ty(gp.pos[i].Y)}
		c.DrawGlyph(draw.GlyphStyle{Color: groupColor(g), Radius: gp.radius[i], Shape: draw.CircleGlyph{}}, pt)
	}
	for i, code := range n.Nodes {
		if !gp.show[i] || !gp.label(i, code) {
			continue
		}
		pt := vg.Point{X: tx(gp.pos[i].X) + gp.radius[i] + 1, Y: ty(gp.pos[i].Y)}
		c.FillText(gp.text, pt, n.Names[i])
	}
}

func (gp *graphPlotter) label(i, code int) bool {
	if gp.g.Labels != nil {
		return gp.g.Labels[code]
	}
	return !math.IsNaN(gp.g.Net.Capability[i]) && gp.g.Net.Capability[i] >= 0.02
}

// legend adds one entry per group to p.
func legend(p *plot.Plot, names []string) {
	for i, name := range names {
		sc, err := plotter.NewScatter(plotter.XYs{})
		if err != nil {
			continue
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: groupColor(i), Radius: 3, Shape: draw.CircleGlyph{}}
		p.Legend.Add(name, sc)
	}
}

// plotGraph builds the plot of g.
func plotGraph(g Graph) *plot.Plot {
	n := g.Net
	gp := &graphPlotter{g: g, pos: Layout(n, g.Seed), show: make([]bool, len(n.Nodes)), radius: make([]vg.Length, len(n.Nodes))}
	for i := range n.Nodes {
		gp.show[i] = g.Isolates || n.Degree(i) > 0
		c := n.Capability[i]
		if math.IsNaN(c) {
			c = 0
		}
		// Area proportional to capability, with a floor so small states show.
		gp.radius[i] = vg.Length(1.5 + 40*math.Sqrt(c))
	}
	p := plot.New()
	p.Title.Text = g.Title
	p.HideAxes()
	gp.text = p.Legend.TextStyle
	gp.text.Font.Size = 6
	gp.text.YAlign = draw.YCenter
	p.Add(gp)
	legend(p, g.Legend)
	p.Legend.Top = true
	p.Legend.Left = true
	return p
}

// WriteGraph draws g in format (svg or png) at w×h.
func WriteGraph(out io.Writer, g Graph, format string, w, h vg.Length) error {
	return write(out, format, w, h, []*plot.Plot{plotGraph(g)})
}

// SVG returns g drawn as an SVG document without its XML declaration, to
// embed inline in HTML.
func SVG(g Graph, w, h vg.Length) (string, error) {
	var b bytes.Buffer
	if err := WriteGraph(&b, g, "svg", w, h); err != nil {
		return "", err
	}
	s := b.String()
	if i := strings.Index(s, "<svg"); i > 0 {
		s = s[i:]
	}
	return s, nil
}

// WriteSeries draws the yearly measures as three stacked panels: ties;
// blocs, structural poles and poles; polarization and concentration.
func WriteSeries(out io.Writer, ys []network.Year, format string, w, h vg.Length) error {
	line := func(p *plot.Plot, name string, i int, val func(network.Year) float64) error {
		var xy plotter.XYs
		for _, y := range ys {
			if v := val(y); !math.IsNaN(v) {
				xy = append(xy, plotter.XY{X: float64(y.Year), Y: v})
			}
		}
		if len(xy) == 0 {
			return nil
		}
		l, err := plotter.NewLine(xy)
		if err != nil {
			return err
		}
		l.Color = groupColor(i)
		l.Width = 1
		p.Add(l)
		p.Legend.Add(name, l)
		return nil
	}
	src, typ := "", ""
	if len(ys) > 0 {
		src, typ = string(ys[0].Source), string(ys[0].Type)
	}
	ties, blocs, pol := plot.New(), plot.New(), plot.New()
	ties.Title.Text = fmt.Sprintf("Alliance network, %s %s ties", src, typ)
	ties.Y.Label.Text = "ties"
	blocs.Y.Label.Text = "count"
	pol.Y.Label.Text = "index"
	pol.X.Label.Text = "year"
	for _, p := range []*plot.Plot{ties, blocs, pol} {
		p.Legend.Top, p.Legend.Left = true, true
	}
	for _, err := range []error{
		line(ties, "ties", 0, func(y network.Year) float64 { return y.Ties.Float() }),
		line(blocs, "blocs", 0, func(y network.Year) float64 { return y.Blocs.Float() }),
		line(blocs, "structural poles", 1, func(y network.Year) float64 { return y.StructuralPoles.Float() }),
		line(blocs, "poles", 2, func(y network.Year) float64 { return y.Poles.Float() }),
		line(pol, "polarization", 0, func(y network.Year) float64 { return y.Polarization.Float() }),
		line(pol, "concentration", 1, func(y network.Year) float64 { return y.Concentration.Float() }),
	} {
		if err != nil {
			return err
		}
	}
	return write(out, format, w, h, []*plot.Plot{ties, blocs, pol})
}

// write draws plots stacked vertically on one canvas of format.
func write(out io.Writer, format string, w, h vg.Length, plots []*plot.Plot) error {
	var c vg.CanvasWriterTo
	switch format {
	case "svg":
		c = vgsvg.New(w, h)
	case "png":
		c = vgimg.PngCanvas{Canvas: vgimg.New(w, h)}
	default:
		return fmt.Errorf("unknown image format %q (want svg or png)", format)
	}
	dc := draw.New(c)
	if len(plots) == 1 {
		plots[0].Draw(dc)
	} else {
		rows := make([][]*plot.Plot, len(plots))
		for i, p := range plots {
			rows[i] = []*plot.Plot{p}
		}
		cs := plot.Align(rows, draw.Tiles{Rows: len(plots), Cols: 1, PadY: vg.Millimeter * 3, PadTop: 2, PadBottom: 2, PadLeft: 2, PadRight: 2}, dc)
		for i, p := range plots {
			p.Draw(cs[i][0])
		}
	}
	if _, err := c.WriteTo(out); err != nil {
		return fmt.Errorf("write %s: %w", format, err)
	}
	return nil
}
