package burden

import (
	"fmt"
	"strings"

	"github.com/entente/entente/world"
)

// Source names the figures of the burden: SIPRI's share of GDP (the main
// figure of every World) or NATO's own estimate (a further figure of the
// embedded world, or a table handed to FromWorld).
type Source string

const (
	SIPRI Source = "sipri"
	NATO  Source = "nato"
)

// Sources lists the valid sources.
var Sources = []Source{SIPRI, NATO}

// ParseSource returns the source named s.
func ParseSource(s string) (Source, error) {
	for _, v := range Sources {
		if string(v) == s {
			return v, nil
		}
	}
	return "", fmt.Errorf("source %q: want sipri or nato", s)
}

// Label is the source as outputs name it.
func (s Source) Label() string {
	if s == NATO {
		return "NATO (defence expenditure, NATO definition)"
	}
	return "SIPRI (military expenditure share of GDP)"
}

// Figures gives a state's NATO burden in a year: the World's NATO figure
// when nil.
type Figures func(ccode, y int) world.Value

// GDPMeasure names the size measure FromWorld uses: SDP-file GDP in 2011
// US dollars (history.World), else the world's current-dollar GDP.
func GDPMeasure(w *world.World) string {
	for i := range w.States {
		if w.States[i].GDP2011USD.OK() {
			return "GDP, 2011 US$ (Anders, Fariss & Markowitz 2020)"
		}
	}
	return "GDP, current US$"
}

// FromWorld returns the members of a in force in w's year with their GDP
// and burden on source. GDP is the SDP file's GDP (2011 US dollars) when
// the World has it, else the World's current-dollar GDP; every member
// takes the same measure. The NATO source reads nato, or, when nil, the
// state's NATO figure for the year.
func FromWorld(w *world.World, a *world.Alliance, src Source, nato Figures) []Member {
	hist := GDPMeasure(w) != "GDP, current US$"
	var out []Member
	for _, c := range a.MembersIn(w.Year) {
		m := Member{CCode: c, Name: fmt.Sprint(c), GDP: world.Missing(), Burden: world.Missing()}
		if st := w.State(c); st != nil {
			m.Name = st.Name
			if hist {
				m.GDP = st.GDP2011USD
			} else {
				m.GDP = st.GDP
			}
			switch {
			case src == SIPRI:
				m.Burden = st.MilexShareGDP
			case nato != nil:
				m.Burden = nato(c, w.Year)
			default:
				m.Burden = NATOFigure(st, w.Year)
			}
		}
		out = append(out, m)
	}
	return out
}

// NATOFigure returns NATO's own figure for a state's defence expenditure as
// a share of GDP in year y: a further figure of the state whose source's
// citation begins with "NATO"; missing when there is none.
func NATOFigure(s *world.State, y int) world.Value {
	if f, ok := NATOFigureOf(s, y); ok {
		return f.Value
	}
	return world.Missing()
}

// NATOFigureOf returns the Figure NATOFigure reads.
func NATOFigureOf(s *world.State, y int) (world.Figure, bool) {
	for _, f := range s.Figures {
		if f.Field == "milex_share_gdp" && f.Source.Year == y && strings.HasPrefix(f.Source.Citation, "NATO") {
			return f, true
		}
	}
	return world.Figure{}, false
}

// Year is the Olson–Zeckhauser test of one alliance in one year, as
// 'entente burden --alliance ID --year Y --format json' and the HTTP API's
// /api/burden show it. Error says why the test could not be made (fewer
// than three members with data, a constant series).
type Year struct {
	Alliance string  `json:"alliance"`
	Name     string  `json:"name"`
	Year     int     `json:"year"`
	Source   string  `json:"source"`
	Size     string  `json:"size"`
	Members  int     `json:"members"`
	Result   *Result `json:"result,omitempty"`
	Error    string  `json:"error,omitempty"`
}

// Of tests alliance a of world w with burdens from src (nato: NATO's
// figures from figs, else the states' own NATO figures) and returns the
// result with the error of the test, also recorded in Year.Error.
func Of(w *world.World, a *world.Alliance, src Source, figs Figures) (Year, error) {
	ms := FromWorld(w, a, src, figs)
	y := Year{Alliance: a.ID, Name: a.Name, Year: w.Year, Source: src.Label(), Size: GDPMeasure(w), Members: len(ms)}
	r, err := Test(ms, Options{})
	if err != nil {
		y.Error = err.Error()
	}
	y.Result = r
	return y, err
}
