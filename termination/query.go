package termination

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente/history"
	"github.com/entente/entente/survival"
)

// Query is an analysis as a front end asks for it, by name: the flags of
// 'entente survival' and the parameters of /api/survival alike. The zero
// value asks for the default: ATOP alliances, the design covariates of the
// source, any ending, Efron ties, every spell.
type Query struct {
	Source     string // atop (default) or cow
	Level      string // alliance (default) or member
	By         string // "" or type
	Covariates string // comma-separated names, "" for the source's default, or none
	Cause      string // all (default), violation or other
	Ties       string // efron (default) or breslow
	Formed     string // FROM-TO: keep spells whose alliance formed in those years
	Bilateral  bool   // keep bilateral alliances only
}

// ParamError is a bad value of one field of a Query. Param is the name of
// the command-line flag (without its dashes) and of the API's query
// parameter alike.
type ParamError struct {
	Param string
	// Msg follows the parameter's name: `"cshapes": want atop or cow`.
	Msg string
	// Use, when set, is another parameter and the value the refused one
	// needs: "source atop".
	Use string
}

// Named returns the message with every parameter named as prefix+name:
// "--" on the command line, "" in the API.
func (e *ParamError) Named(prefix string) string {
	s := prefix + e.Param + e.Msg
	if e.Use != "" {
		s += "; use " + prefix + e.Use
	}
	return s
}

func (e *ParamError) Error() string { return e.Named("") }

func paramError(param, format string, a ...any) error {
	return &ParamError{Param: param, Msg: fmt.Sprintf(format, a...)}
}

// DefaultCovariates returns the covariates of the Cox model when a Query
// names none: the design variables both sources code.
func DefaultCovariates(source string) []string {
	if source == "cow" {
		return []string{"bilat", "defense", "neutral", "nonagg"}
	}
	return []string{"bilat", "asymm", "defense", "nonagg", "consul"}
}

// Plan is a checked Query: what Analyze is asked and which spells it reads.
type Plan struct {
	Source  string
	Level   Level
	Options Options
	// From and To bound the year the alliance formed (0 and 9999: every
	// year); Bilateral keeps bilateral alliances only.
	From, To  int
	Bilateral bool
}

// Plan checks q and returns its Plan. Its errors are *ParamError.
//
// Without covariates named, a bilateral sample leaves bilat out of the
// default covariates: it is constant among bilateral alliances.
func (q Query) Plan() (*Plan, error) {
	p := &Plan{Source: q.Source, Level: Level(q.Level), From: 0, To: 9999, Bilateral: q.Bilateral}
	if p.Source == "" {
		p.Source = "atop"
	}
	if p.Level == "" {
		p.Level = AllianceLevel
	}
	o := &p.Options
	switch p.Source {
	case "atop", "cow":
	default:
		return nil, paramError("source", " %q: want atop or cow", q.Source)
	}
	switch p.Level {
	case AllianceLevel, MemberLevel:
	default:
		return nil, paramError("level", " %q: want alliance or member", q.Level)
	}
	switch q.By {
	case "", "type":
		o.By = q.By
	default:
		return nil, paramError("by", " %q: want type", q.By)
	}
	switch q.Cause {
	case "", "all":
	case "violation":
		o.Cause = Violation
	case "other":
		o.Cause = Other
	default:
		return nil, paramError("cause", " %q: want all, violation or other", q.Cause)
	}
	if o.Cause != Censored && p.Source == "cow" {
		return nil, &ParamError{Param: "cause", Msg: " " + q.Cause + ": COW codes no cause of termination", Use: "source atop"}
	}
	switch q.Ties {
	case "", "efron":
	case "breslow":
		o.Ties = survival.Breslow
	default:
		return nil, paramError("ties", " %q: want efron or breslow", q.Ties)
	}
	switch q.Covariates {
	case "":
		o.Covariates = DefaultCovariates(p.Source)
		if q.Bilateral {
			o.Covariates = o.Covariates[1:]
		}
	case "none":
	default:
		valid := CovariateNames(p.Source)
		for _, n := range strings.Split(q.Covariates, ",") {
			n = strings.TrimSpace(n)
			if n == "" {
				continue
			}
			if !slices.Contains(valid, n) {
				return nil, paramError("covariates", ": no covariate %q for %s; valid: %s", n, p.Source, strings.Join(valid, ", "))
			}
			o.Covariates = append(o.Covariates, n)
		}
	}
	if q.Formed != "" {
		a, b, ok := strings.Cut(q.Formed, "-")
		from, e1 := strconv.Atoi(a)
		to, e2 := strconv.Atoi(b)
		if !ok || e1 != nil || e2 != nil || from > to {
			return nil, paramError("formed", " %q: want FROM-TO, two years, e.g. 1816-1989", q.Formed)
		}
		p.From, p.To = from, to
	}
	return p, nil
}

// NeedsHistory reports whether a covariate of the plan reads the
// historical tables (disputes, threat, leaders and regimes, trade) rather
// than the alliance files alone.
func (p *Plan) NeedsHistory() bool {
	for _, n := range p.Options.Covariates {
		if n == "mid" || n == "sharedthreat" || n == "domestic" || n == "interests" {
			return true
		}
	}
	return false
}

// Files returns the data files the plan's spells come from (the history
// package's File constants), for a caller that opens a History for them
// alone (history.Options.Skip) when the plan does not NeedsHistory.
func (p *Plan) Files() []string {
	if p.Source == "cow" {
		return []string{history.FileCOWMembers}
	}
	return []string{history.FileATOPAlliance, history.FileATOPMembers}
}

// Spells returns the plan's spells from h (FromHistory), those formed in
// From–To (and bilateral, with Bilateral), and the Facts their covariates
// read: h's tables when the plan NeedsHistory, else the alliances alone.
// An empty sample is a *NoSpellsError.
func (p *Plan) Spells(h *history.History) ([]Spell, *Facts, error) {
	all, alliances, err := FromHistory(h, p.Source, p.Level)
	if err != nil {
		return nil, nil, err
	}
	var spells []Spell
	for _, s := range all {
		if y := s.Start.Year; y < p.From || y > p.To || p.Bilateral && !s.Bilateral {
			continue
		}
		spells = append(spells, s)
	}
	if len(spells) == 0 {
		return nil, nil, &NoSpellsError{Source: p.Source, From: p.From, To: p.To}
	}
	if p.NeedsHistory() {
		return spells, HistoryFacts(h, alliances), nil
	}
	return spells, &Facts{Alliances: alliances}, nil
}

// NoSpellsError is Plan.Spells' error when the sample it asks for is
// empty: no spell of Source formed in From–To.
type NoSpellsError struct {
	Source   string
	From, To int
}

func (e *NoSpellsError) Error() string {
	return fmt.Sprintf("no %s spells formed in %d–%d", e.Source, e.From, e.To)
}

// FromHistory returns the spells of source ("atop" or "cow") at level, and
// the alliance-level spells of the same source (which the newally
// covariate reads), from the alliance files h loaded: ATOP v4's
// alliance-level and member-level files, or COW v4.1's member file.
func FromHistory(h *history.History, source string, level Level) (spells, alliances []Spell, err error) {
	if source == "cow" {
		ms := h.COWMembers()
		if spells, err = COW(ms, level); err != nil {
			return nil, nil, err
		}
		alliances, err = COW(ms, AllianceLevel)
		return spells, alliances, err
	}
	al, ms := h.ATOPAlliances(), h.ATOPMembers()
	if spells, err = ATOP(al, ms, level); err != nil {
		return nil, nil, err
	}
	alliances, err = ATOP(al, ms, AllianceLevel)
	return spells, alliances, err
}
