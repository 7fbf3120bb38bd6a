package world

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Resolve returns the ccode of the state of w that s names: a COW ccode, a
// COW abbreviation, an ISO3 code or a name, compared without regard to case
// and surrounding space, in that order (so "UKG", "gbr", "United Kingdom"
// and "200" all name the United Kingdom in a World that holds it).
//
// When no state of w matches, the error is an *UnknownStateError listing
// the closest matches; for a number, it also names the state the crosswalk
// knows under that ccode. Callers that know the state system's history fill
// its Years.
func (w *World) Resolve(s string) (int, error) {
	q := strings.TrimSpace(s)
	if c, err := strconv.Atoi(q); err == nil {
		if w.State(c) != nil {
			return c, nil
		}
		e := &UnknownStateError{Query: q, Year: w.Year, CCode: c}
		if rows := loadCrosswalk(); len(byCCode[c]) > 0 && c != 0 {
			e.Name = rows[byCCode[c][0]].Name
		}
		return 0, e
	}
	for _, field := range []func(*State) string{
		func(s *State) string { return s.Abbrev },
		func(s *State) string { return s.ISO3 },
		func(s *State) string { return s.Name },
	} {
		for i := range w.States {
			if f := field(&w.States[i]); f != "" && strings.EqualFold(f, q) {
				return w.States[i].CCode, nil
			}
		}
	}
	return 0, &UnknownStateError{Query: q, Year: w.Year, Near: w.near(q, 5)}
}

// UnknownStateError is Resolve's error: the query names no state of the
// World of Year.
type UnknownStateError struct {
	Query string
	Year  int
	// CCode is the query read as a ccode, or the state a caller found
	// under the name outside this World (0 otherwise), and Name its name
	// ("" when none is known).
	CCode int
	Name  string
	// Years lists the spells, in years, in which CCode is a member of the
	// state system, when the caller knows them (nil otherwise).
	Years []YearSpan
	// Near lists the closest states of the World, "Name (ABB, ccode)"
	// (World.Label by name and by abbreviation), best first.
	Near []string
}

// YearSpan is a run of years [From, To].
type YearSpan struct{ From, To int }

func (s YearSpan) String() string {
	if s.From == s.To {
		return strconv.Itoa(s.From)
	}
	return fmt.Sprintf("%d–%d", s.From, s.To)
}

// Spans turns an increasing list of years into runs of consecutive years.
func Spans(years []int) []YearSpan {
	var out []YearSpan
	for _, y := range years {
		if n := len(out); n > 0 && out[n-1].To+1 == y {
			out[n-1].To = y
			continue
		}
		out = append(out, YearSpan{y, y})
	}
	return out
}

func (e *UnknownStateError) Error() string {
	var b strings.Builder
	if e.CCode != 0 {
		named := e.Query != strconv.Itoa(e.CCode)
		if named {
			fmt.Fprintf(&b, "%q names ", e.Query)
		}
		fmt.Fprintf(&b, "state %d", e.CCode)
		if e.Name != "" {
			fmt.Fprintf(&b, " (%s)", e.Name)
		}
		if named {
			b.WriteString(", which")
		}
		fmt.Fprintf(&b, " is not a member of the state system in %d", e.Year)
		if len(e.Years) > 0 {
			parts := make([]string, len(e.Years))
			for i, s := range e.Years {
				parts[i] = s.String()
			}
			fmt.Fprintf(&b, "; it is a member in %s", strings.Join(parts, ", "))
		}
		return b.String()
	}
	fmt.Fprintf(&b, "%q names no member of the state system in %d (give a COW ccode, COW abbreviation, ISO3 code or name)", e.Query, e.Year)
	if len(e.Near) > 0 {
		fmt.Fprintf(&b, "; did you mean %s?", strings.Join(e.Near, ", "))
	}
	return b.String()
}

// near returns up to k states of w whose abbreviation, ISO3 code or name
// lies closest to q: a name or code that starts with q or contains it, or
// one within a third of its length in edits (Levenshtein distance).
func (w *World) near(q string, k int) []string {
	q = strings.ToLower(q)
	type cand struct {
		score int
		s     *State
	}
	var cs []cand
	for i := range w.States {
		s := &w.States[i]
		best := -1
		for _, f := range []string{s.Abbrev, s.ISO3, s.Name} {
			f = strings.ToLower(f)
			if f == "" {
				continue
			}
			score := -1
			switch d := editDistance(q, f); {
			case strings.HasPrefix(f, q):
				score = 0
			case strings.Contains(f, q):
				score = 1
			case 3*d <= max(len([]rune(f)), len([]rune(q))):
				score = 1 + d
			}
			if score >= 0 && (best < 0 || score < best) {
				best = score
			}
		}
		if best >= 0 {
			cs = append(cs, cand{best, s})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].score < cs[j].score })
	var out []string
	for _, c := range cs[:min(k, len(cs))] {
		out = append(out, fmt.Sprintf("%s (%s, %d)", w.Label(c.s.CCode, ByName), w.Label(c.s.CCode, ByAbbrev), c.s.CCode))
	}
	return out
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			sub := prev[j-1]
			if ra[i-1] != rb[j-1] {
				sub++
			}
			cur[j] = min(sub, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
