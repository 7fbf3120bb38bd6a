// Package burdenplot draws package burden's results with gonum/plot: the
// Olson–Zeckhauser scatter (log GDP against burden, members labelled,
// least-squares line) and the guideline tracker (allies meeting NATO's
// guidelines per year on NATO's and SIPRI's figures). The command line
// writes them to files, the HTML report embeds them as inline SVG.
package burdenplot

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/entente/entente/burden"
)

// Size of the drawings.
var (
	Width, Height = 7 * vg.Inch, 5 * vg.Inch
)

// Scatter draws r's members with both figures: log10 GDP (x, labelled
// xlabel) against burden (y, ylabel), each point labelled with the
// member's name, and the least-squares line; the title gives ρ, p and n.
func Scatter(r *burden.Result, title, xlabel, ylabel string) (*plot.Plot, error) {
	if r == nil {
		return nil, errors.New("burdenplot: no result to draw")
	}
	p := plot.New()
	p.Title.Text = fmt.Sprintf("%s: ρ = %.2f, p = %.3f, n = %d", title, r.Rho, r.P, r.N)
	p.X.Label.Text = "log10 " + xlabel
	p.Y.Label.Text = ylabel
	var xys plotter.XYs
	var labels []string
	for _, m := range r.Rows {
		if m.GDP.IsMissing() || m.Burden.IsMissing() {
			continue
		}
		xys = append(xys, plotter.XY{X: math.Log10(m.GDP.Float()), Y: m.Burden.Float()})
		labels = append(labels, m.Name)
	}
	sc, err := plotter.NewScatter(xys)
	if err != nil {
		return nil, err
	}
	lb, err := plotter.NewLabels(plotter.XYLabels{XYs: xys, Labels: labels})
	if err != nil {
		return nil, err
	}
	var sx, sy, sxx, sxy float64
	n := float64(len(xys))
	for _, q := range xys {
		sx, sy, sxx, sxy = sx+q.X, sy+q.Y, sxx+q.X*q.X, sxy+q.X*q.Y
	}
	b := (n*sxy - sx*sy) / (n*sxx - sx*sx)
	a := (sy - b*sx) / n
	fit := plotter.NewFunction(func(x float64) float64 { return a + b*x })
	fit.Color = color.RGBA{R: 200, A: 255}
	p.Add(sc, lb, fit)
	p.Legend.Add("least squares", fit)
	return p, nil
}

// Tracker draws the allies meeting the 2% guideline and the 3.5% core
// commitment per year, on NATO's figures and on SIPRI's (sipri false:
// NATO's only).
func Tracker(wales, core []burden.TrackYear, sipri bool) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = "Allies meeting NATO's guidelines"
	p.X.Label.Text = "year"
	p.Y.Label.Text = "allies"
	type series struct {
		name string
		ys   []burden.TrackYear
		nato bool
	}
	ss := []series{{"2% (NATO figures)", wales, true}, {"3.5% (NATO figures)", core, true}}
	if sipri {
		ss = append(ss, series{"2% (SIPRI figures)", wales, false}, series{"3.5% (SIPRI figures)", core, false})
	}
	for i, s := range ss {
		var xys plotter.XYs
		for _, y := range s.ys {
			c := y.SIPRI
			if s.nato {
				c = y.NATO
			}
			xys = append(xys, plotter.XY{X: float64(y.Year), Y: float64(c.Meet)})
		}
		l, pts, err := plotter.NewLinePoints(xys)
		if err != nil {
			return nil, err
		}
		l.Color, pts.Color = plotutil.Color(i), plotutil.Color(i)
		l.Dashes = plotutil.Dashes(i)
		p.Add(l, pts)
		p.Legend.Add(s.name, l, pts)
	}
	p.Legend.Top, p.Legend.Left = true, true
	return p, nil
}

// Write draws p to out as format "svg" or "png".
func Write(out io.Writer, p *plot.Plot, format string, w, h vg.Length) error {
	var canvas vg.CanvasWriterTo
	switch format {
	case "png":
		canvas = vgimg.PngCanvas{Canvas: vgimg.New(w, h)}
	case "svg":
		canvas = vgsvg.New(w, h)
	default:
		return fmt.Errorf("burdenplot: format %q: want svg or png", format)
	}
	p.Draw(draw.New(canvas))
	_, err := canvas.WriteTo(out)
	return err
}

// SVG returns p as an SVG element (no XML declaration), for inline use.
func SVG(p *plot.Plot, w, h vg.Length) (string, error) {
	var b bytes.Buffer
	if err := Write(&b, p, "svg", w, h); err != nil {
		return "", err
	}
	s := b.String()
	if i := strings.Index(s, "<svg"); i > 0 {
		s = s[i:]
	}
	return s, nil
}
