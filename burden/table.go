package burden

import (
	"errors"
	"sort"

	"github.com/entente/entente/world"
)

// TableMinMembers is the fewest members with data for an alliance-year to
// enter the history table (the and Alley's threshold: below five,
// a rank correlation is too coarse to test).
const TableMinMembers = 5

// TablePermutations is the number of permutations per alliance-year in the
// history table: 999 resolves p to 0.001, enough for a 5% test.
const TablePermutations = 999

// Line is one alliance-year of the history table.
type Line struct {
	Year     int
	Alliance string // ID, e.g. "cow:227"
	Name     string
	Members  int // members in force in the year
	Result   *Result
}

// Table computes the test for every alliance of each World with at least
// TableMinMembers members with data, ordered by year then alliance ID.
// The burden is src's; figs gives NATO's figures when src is NATO (nil:
// the Worlds' own NATO figures).
func Table(worlds []*world.World, src Source, figs Figures, opt Options) ([]Line, error) {
	if opt.Permutations <= 0 {
		opt.Permutations = TablePermutations
	}
	var out []Line
	for _, w := range worlds {
		for i := range w.Alliances {
			a := &w.Alliances[i]
			ms := FromWorld(w, a, src, figs)
			if len(ms) < TableMinMembers {
				continue
			}
			r, err := Test(ms, opt)
			if errors.Is(err, ErrFewMembers) || errors.Is(err, ErrConstant) {
				continue
			} else if err != nil {
				return nil, err
			}
			if r.N < TableMinMembers {
				continue
			}
			out = append(out, Line{Year: w.Year, Alliance: a.ID, Name: a.Name, Members: len(ms), Result: r})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Year != out[j].Year {
			return out[i].Year < out[j].Year
		}
		return out[i].Alliance < out[j].Alliance
	})
	return out, nil
}

// Era is a span of years of the history table.
type Era struct {
	Name        string
	First, Last int
}

// Eras are the periods of the era summary: the early Cold War, détente and
// the late Cold War, and the post-Cold War years.
var Eras = []Era{{"1949–1969", 1949, 1969}, {"1970–1989", 1970, 1989}, {"1990–2016", 1990, 2016}}

// EraSummary is, for one era and one alliance source (prefix of the ID),
// the alliance-years tested and the share with a significantly positive ρ
// (p < Alpha), against Alpha, the share expected by chance when size and
// burden are unrelated.
type EraSummary struct {
	Era      Era
	Source   string // "cow" or "atop"
	Tested   int
	Positive int // p < Alpha
	Share    float64
	Expected float64
	MeanRho  float64
}

// Alpha is the size of the one-sided test in the era summary.
const Alpha = 0.05

// Summarise returns the era summary of lines, by source then era.
func Summarise(lines []Line) []EraSummary {
	var out []EraSummary
	for _, src := range []string{"cow", "atop"} {
		for _, e := range Eras {
			s := EraSummary{Era: e, Source: src, Expected: Alpha}
			for _, l := range lines {
				if l.Year < e.First || l.Year > e.Last || len(l.Alliance) < len(src) || l.Alliance[:len(src)+1] != src+":" {
					continue
				}
				s.Tested++
				s.MeanRho += l.Result.Rho
				if l.Result.P < Alpha {
					s.Positive++
				}
			}
			if s.Tested > 0 {
				s.Share = float64(s.Positive) / float64(s.Tested)
				s.MeanRho /= float64(s.Tested)
			}
			out = append(out, s)
		}
	}
	return out
}

// Guideline is a spending guideline in percent of GDP.
type Guideline struct {
	Name      string
	Threshold float64
}

// The guidelines: NATO's 2% (Wales Summit, 2014) and the Hague Summit's
// 2035 commitment (June 2025): 5% in all, of which at least 3.5% on core
// defence as NATO defines it.
// The thresholds, in percent of GDP: NATO's guideline (Wales Summit
// Declaration, 5 September 2014, para. 14) and the Hague Summit commitment
// (The Hague Summit Declaration, 25 June 2025, para. 2).
const (
	WalesPercent      = 2.0
	HagueCorePercent  = 3.5
	HagueTotalPercent = 5.0
)

var (
	Wales      = Guideline{"2% (Wales 2014)", WalesPercent}
	HagueCore  = Guideline{"3.5% core (The Hague 2025, by 2035)", HagueCorePercent}
	HagueTotal = Guideline{"5% total (The Hague 2025, by 2035)", HagueTotalPercent}
)

// CountMeeting counts the values present and those at or above threshold
// (on the unrounded value).
func CountMeeting(vs []world.Value, threshold float64) Count {
	var c Count
	for _, v := range vs {
		c.add(v, threshold)
	}
	return c
}

// Count is, for one year and one source, the allies with a figure and
// those at or above the guideline (on the unrounded figure).
type Count struct {
	Known, Meet int
}

// TrackYear is one year of the tracker: the count on NATO's figures and on
// SIPRI's, side by side.
type TrackYear struct {
	Year        int
	NATO, SIPRI Count
}

// Track counts, for each year from first to last, the allies (allies(y))
// meeting g on NATO's figures (nato) and on SIPRI's (sipri).
func Track(first, last int, allies func(y int) []int, nato, sipri Figures, g Guideline) []TrackYear {
	var out []TrackYear
	for y := first; y <= last; y++ {
		t := TrackYear{Year: y}
		for _, c := range allies(y) {
			t.NATO.add(nato(c, y), g.Threshold)
			t.SIPRI.add(sipri(c, y), g.Threshold)
		}
		out = append(out, t)
	}
	return out
}

func (c *Count) add(v world.Value, th float64) {
	if v.IsMissing() {
		return
	}
	c.Known++
	if v.Float() >= th {
		c.Meet++
	}
}
