package simulate

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente/internal/yamlnode"
	"go.yaml.in/yaml/v3"

	"github.com/entente/entente/world"
)

// Format is the version tag every scenario file starts with.
const Format = "entente-scenario/v1"

// Sentinel errors wrapped by ScenarioError, for errors.Is.
var (
	ErrSyntax       = errors.New("invalid scenario")
	ErrUnknownState = errors.New("unknown state")
	ErrUnknownAlly  = errors.New("unknown alliance")
	ErrBeforeBase   = errors.New("shock before the base date")
)

// ScenarioError is one problem in a scenario file: the file, the line and
// column of the offending value, and the field's path, such as
// "shocks[2].attack.target".
type ScenarioError = world.FieldError

// Pos is where a value was read in a scenario file.
type Pos struct{ Line, Column int }

// ShockKind names what a shock does.
type ShockKind string

// The shocks.
const (
	ShockAttack   ShockKind = "attack"   // a state attacks another: a war begins
	ShockLeave    ShockKind = "leave"    // a member leaves an alliance
	ShockSuspend  ShockKind = "suspend"  // a member's participation is suspended (to the end of the simulation: as leave)
	ShockTighten  ShockKind = "tighten"  // a member's (or every member's) commitment gains obligations
	ShockLoosen   ShockKind = "loosen"   // a member's (or every member's) commitment is reduced to weaker obligations
	ShockSpending ShockKind = "spending" // a state's military spending is multiplied
	ShockRegime   ShockKind = "regime"   // a state's regime type changes
)

var shockKinds = []string{string(ShockAttack), string(ShockLeave), string(ShockSuspend), string(ShockTighten), string(ShockLoosen), string(ShockSpending), string(ShockRegime)}

// Shock is one scheduled change. Which fields are set depends on Kind:
// Attack (State attacks Target), Leave and Suspend (State, Alliance),
// Tighten and Loosen (Alliance, State or 0 for every member,
// Obligations: the obligations added, or kept), Spending (State, Factor),
// Regime (State, Regime).
type Shock struct {
	Date        world.Date        `json:"date"`
	Kind        ShockKind         `json:"kind"`
	State       int               `json:"state,omitempty"`
	Target      int               `json:"target,omitempty"`
	Alliance    string            `json:"alliance,omitempty"`
	Obligations world.Obligations `json:"obligations,omitempty"`
	Factor      float64           `json:"factor,omitempty"`
	Regime      string            `json:"regime,omitempty"`

	names map[string]string // raw references, by field, for binding
	pos   map[string]Pos
	field string // path of the shock in the file
}

// Base names the World a scenario starts from: the embedded world
// ("embedded") or a year of the history; Date is the base date (the
// World's state on it: alliances, wars and disputes that begin later are
// dropped); Alliances keeps "all" alliances, or those of one source
// ("cow", "atop" or "world" by the prefix of their ids).
type Base struct {
	World     string     `json:"world,omitempty"`
	Year      int        `json:"year,omitempty"`
	Date      world.Date `json:"date"`
	Alliances string     `json:"alliances"`
}

// Scenario is a what-if question: a base World, shocks at dates, how long
// to simulate, and which states to report on.
type Scenario struct {
	Name        string  `json:"name"`
	Description string  `json:"description,omitempty"`
	Base        Base    `json:"base"`
	Years       int     `json:"years"`
	Shocks      []Shock `json:"shocks"`
	// Record lists the states whose decisions the summary reports (all
	// states are written to the output tables); empty for the major powers
	// and the states the shocks name.
	Record []int `json:"record,omitempty"`
	// WarRate is the yearly probability that a hostile dyad goes to war
	// (0: only the scenario's attacks start wars); see Config.
	WarRate float64 `json:"war_rate"`

	File   string `json:"file"`
	Hash   string `json:"hash"` // sha256 of the file's bytes
	record []string
	recPos []Pos
	fields map[string]Pos
}

type reader struct {
	file string
	errs []error
}

func (r *reader) add(n *yaml.Node, field string, sentinel error, format string, a ...any) {
	e := &ScenarioError{File: r.file, Field: field, Err: fmt.Errorf("%w: "+format, append([]any{sentinel}, a...)...)}
	if sentinel == ErrSyntax {
		e.Err = wrapped{fmt.Sprintf(format, a...), sentinel}
	}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	r.errs = append(r.errs, e)
}

type wrapped struct {
	msg string
	err error
}

func (w wrapped) Error() string { return w.msg }
func (w wrapped) Unwrap() error { return w.err }

func (r *reader) fields(n *yaml.Node, path string, allowed ...string) map[string]*yaml.Node {
	if n.Kind != yaml.MappingNode {
		r.add(n, path, ErrSyntax, "want a mapping, found %s", yamlnode.Kind(n))
		return nil
	}
	out := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f := join(path, k.Value)
		if !slices.Contains(allowed, k.Value) {
			r.add(k, f, ErrSyntax, "unknown field %q (want one of %s)", k.Value, strings.Join(allowed, ", "))
			continue
		}
		if _, dup := out[k.Value]; dup {
			r.add(k, f, ErrSyntax, "field %q given twice", k.Value)
			continue
		}
		out[k.Value] = v
	}
	return out
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func (r *reader) str(n *yaml.Node, path string) string {
	if n.Kind != yaml.ScalarNode || n.ShortTag() == "!!null" {
		r.add(n, path, ErrSyntax, "want a string, found %s", yamlnode.Kind(n))
		return ""
	}
	return n.Value
}

func (r *reader) num(n *yaml.Node, path string) float64 {
	if n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!int" || n.ShortTag() == "!!float") {
		if v, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return v
		}
	}
	r.add(n, path, ErrSyntax, "want a number, found %s", yamlnode.Kind(n))
	return 0
}

func (r *reader) date(n *yaml.Node, path string) world.Date {
	s := r.str(n, path)
	if s == "" {
		return world.Date{}
	}
	d, err := world.ParseDate(s)
	if err != nil {
		r.add(n, path, ErrSyntax, "%v", err)
	}
	return d
}

func (r *reader) need(m map[string]*yaml.Node, parent *yaml.Node, path string, keys ...string) bool {
	ok := true
	for _, k := range keys {
		if m[k] == nil {
			r.add(parent, path, ErrSyntax, "required field %q missing", k)
			ok = false
		}
	}
	return ok
}

// ParseScenario reads a scenario file's bytes; file names it in errors.
// It checks the syntax and the values that need no World; Bind resolves
// the states and alliances against the base World. The errors are a
// joined list of *ScenarioError, each naming file:line:column.
//
// The format:
//
//	entente: entente-scenario/v1
//	name: baltic-crisis
//	description: Russia attacks Estonia
//	base: {world: embedded, date: 2025-01-01}   # or {year: 1914, date: 1914-06-28}
//	years: 10
//	record: [USA, RUS, EST]
//	war_rate: 0
//	shocks:
//	  - {date: 2025-03-01, attack: {attacker: RUS, target: EST}}
//	  - {date: 2025-01-20, loosen: {alliance: "world:nato", state: USA, keep: [consultation]}}
//	  - {date: 2025-01-20, tighten: {alliance: "world:nato", add: [offense]}}
//	  - {date: 2025-01-20, leave: {alliance: "world:nato", state: TUR}}
//	  - {date: 2025-01-20, suspend: {alliance: "world:csto", state: ARM}}
//	  - {date: 2025-01-20, spending: {state: DEU, factor: 1.5}}
//	  - {date: 2025-01-20, regime: {state: HUN, to: autocracy}}
func ParseScenario(file string, data []byte) (*Scenario, error) {
	sum := sha256.Sum256(data)
	sc := &Scenario{File: file, Hash: hex.EncodeToString(sum[:]), Base: Base{Alliances: "all"}, fields: map[string]Pos{}}
	r := &reader{file: file}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &ScenarioError{File: file, Err: wrapped{err.Error(), ErrSyntax}}
	}
	if len(doc.Content) == 0 {
		return nil, &ScenarioError{File: file, Err: wrapped{"empty file", ErrSyntax}}
	}
	root := doc.Content[0]
	f := r.fields(root, "", "entente", "name", "description", "base", "years", "shocks", "record", "war_rate")
	if f == nil {
		return nil, errors.Join(r.errs...)
	}
	if !r.need(f, root, "", "entente", "name", "base", "years") {
		return nil, errors.Join(r.errs...)
	}
	if v := r.str(f["entente"], "entente"); v != "" && v != Format {
		r.add(f["entente"], "entente", ErrSyntax, "format %q: want %q", v, Format)
	}
	sc.Name = r.str(f["name"], "name")
	if n := f["description"]; n != nil {
		sc.Description = r.str(n, "description")
	}
	sc.Years = int(r.num(f["years"], "years"))
	if sc.Years < 1 || sc.Years > 200 || float64(sc.Years) != r.num(f["years"], "years") {
		r.add(f["years"], "years", ErrSyntax, "years %s: want a whole number in 1..200", f["years"].Value)
	}
	if n := f["war_rate"]; n != nil {
		sc.WarRate = r.num(n, "war_rate")
		if sc.WarRate < 0 || sc.WarRate > 1 {
			r.add(n, "war_rate", ErrSyntax, "war_rate %v: want a probability in [0, 1]", sc.WarRate)
		}
	}
	r.base(f["base"], sc)
	if n := f["record"]; n != nil {
		if n.Kind != yaml.SequenceNode {
			r.add(n, "record", ErrSyntax, "want a list of states, found %s", yamlnode.Kind(n))
		} else {
			for i, c := range n.Content {
				sc.record = append(sc.record, r.str(c, fmt.Sprintf("record[%d]", i)))
				sc.recPos = append(sc.recPos, Pos{c.Line, c.Column})
			}
		}
	}
	if n := f["shocks"]; n != nil {
		if n.Kind != yaml.SequenceNode {
			r.add(n, "shocks", ErrSyntax, "want a list, found %s", yamlnode.Kind(n))
		} else {
			for i, c := range n.Content {
				if s, ok := r.shock(c, fmt.Sprintf("shocks[%d]", i)); ok {
					sc.Shocks = append(sc.Shocks, s)
				}
			}
		}
	}
	if len(r.errs) > 0 {
		return nil, errors.Join(r.errs...)
	}
	for i := range sc.Shocks {
		if s := &sc.Shocks[i]; s.Date.Before(sc.Base.Date) {
			p := s.pos["date"]
			return nil, &ScenarioError{File: file, Line: p.Line, Column: p.Column, Field: s.field + ".date",
				Err: fmt.Errorf("%w: %s is before the base date %s", ErrBeforeBase, s.Date, sc.Base.Date)}
		}
		if s := &sc.Shocks[i]; s.Date.Year >= sc.Base.Date.Year+sc.Years {
			p := s.pos["date"]
			return nil, &ScenarioError{File: file, Line: p.Line, Column: p.Column, Field: s.field + ".date",
				Err: wrapped{fmt.Sprintf("%s is after the simulated years %d–%d", s.Date, sc.Base.Date.Year, sc.Base.Date.Year+sc.Years-1), ErrSyntax}}
		}
	}
	// Shocks apply in date order; the file's order breaks ties.
	slices.SortStableFunc(sc.Shocks, func(a, b Shock) int {
		switch {
		case a.Date.Before(b.Date):
			return -1
		case b.Date.Before(a.Date):
			return 1
		}
		return 0
	})
	return sc, nil
}

func (r *reader) base(n *yaml.Node, sc *Scenario) {
	f := r.fields(n, "base", "world", "year", "date", "alliances")
	if f == nil {
		return
	}
	if !r.need(f, n, "base", "date") {
		return
	}
	switch {
	case f["world"] != nil && f["year"] != nil:
		r.add(f["year"], "base.year", ErrSyntax, "give world or year, not both")
	case f["world"] != nil:
		sc.Base.World = r.str(f["world"], "base.world")
		if sc.Base.World != "embedded" {
			r.add(f["world"], "base.world", ErrSyntax, "world %q: want \"embedded\" (or give a year)", sc.Base.World)
		}
	case f["year"] != nil:
		sc.Base.Year = int(r.num(f["year"], "base.year"))
	default:
		r.add(n, "base", ErrSyntax, "required field \"world\" or \"year\" missing")
	}
	sc.Base.Date = r.date(f["date"], "base.date")
	if sc.Base.Year != 0 && sc.Base.Date.Year != sc.Base.Year {
		r.add(f["date"], "base.date", ErrSyntax, "date %s is not in the base year %d", sc.Base.Date, sc.Base.Year)
	}
	if a := f["alliances"]; a != nil {
		sc.Base.Alliances = r.str(a, "base.alliances")
		if !slices.Contains([]string{"all", "cow", "atop", "world"}, sc.Base.Alliances) {
			r.add(a, "base.alliances", ErrSyntax, "alliances %q: want all, cow, atop or world", sc.Base.Alliances)
		}
	}
}

func (r *reader) shock(n *yaml.Node, path string) (Shock, bool) {
	s := Shock{names: map[string]string{}, pos: map[string]Pos{}, field: path}
	f := r.fields(n, path, append([]string{"date"}, shockKinds...)...)
	if f == nil {
		return s, false
	}
	if !r.need(f, n, path, "date") {
		return s, false
	}
	s.Date = r.date(f["date"], path+".date")
	s.pos["date"] = Pos{f["date"].Line, f["date"].Column}
	var body *yaml.Node
	for _, k := range shockKinds {
		if f[k] == nil {
			continue
		}
		if body != nil {
			r.add(f[k], join(path, k), ErrSyntax, "one kind of shock per entry (found %s and %s)", s.Kind, k)
			return s, false
		}
		s.Kind, body = ShockKind(k), f[k]
	}
	if body == nil {
		r.add(n, path, ErrSyntax, "no shock given (want one of %s)", strings.Join(shockKinds, ", "))
		return s, false
	}
	p := join(path, string(s.Kind))
	var allowed, required []string
	switch s.Kind {
	case ShockAttack:
		allowed, required = []string{"attacker", "target"}, []string{"attacker", "target"}
	case ShockLeave, ShockSuspend:
		allowed, required = []string{"alliance", "state"}, []string{"alliance", "state"}
	case ShockTighten:
		allowed, required = []string{"alliance", "state", "add"}, []string{"alliance", "add"}
	case ShockLoosen:
		allowed, required = []string{"alliance", "state", "keep"}, []string{"alliance", "keep"}
	case ShockSpending:
		allowed, required = []string{"state", "factor"}, []string{"state", "factor"}
	case ShockRegime:
		allowed, required = []string{"state", "to"}, []string{"state", "to"}
	}
	b := r.fields(body, p, allowed...)
	if b == nil || !r.need(b, body, p, required...) {
		return s, false
	}
	for _, k := range []string{"attacker", "target", "alliance", "state"} {
		if v := b[k]; v != nil {
			s.names[k] = r.str(v, join(p, k))
			s.pos[k] = Pos{v.Line, v.Column}
		}
	}
	for _, k := range []string{"add", "keep"} {
		v := b[k]
		if v == nil {
			continue
		}
		if v.Kind != yaml.SequenceNode {
			r.add(v, join(p, k), ErrSyntax, "want a list of obligations, found %s", yamlnode.Kind(v))
			continue
		}
		for i, c := range v.Content {
			o, err := world.ParseObligation(r.str(c, fmt.Sprintf("%s[%d]", join(p, k), i)))
			if err != nil {
				r.add(c, fmt.Sprintf("%s[%d]", join(p, k), i), ErrSyntax, "%v", err)
				continue
			}
			s.Obligations = s.Obligations.With(o)
		}
	}
	if v := b["factor"]; v != nil {
		s.Factor = r.num(v, join(p, "factor"))
		if s.Factor <= 0 || s.Factor > 100 {
			r.add(v, join(p, "factor"), ErrSyntax, "factor %v: want a number in (0, 100]", s.Factor)
		}
	}
	if v := b["to"]; v != nil {
		s.Regime = r.str(v, join(p, "to"))
		if !slices.Contains([]string{"democracy", "autocracy", "hybrid"}, s.Regime) {
			r.add(v, join(p, "to"), ErrSyntax, "regime %q: want democracy, autocracy or hybrid", s.Regime)
		}
	}
	return s, true
}

// Bind resolves the scenario's states and alliances against its base
// World w (as Prepare builds it): every unknown name is an error at its
// file:line:column, listing the nearest states.
func (sc *Scenario) Bind(w *world.World) error {
	var errs []error
	fail := func(field string, p Pos, err error) {
		errs = append(errs, &ScenarioError{File: sc.File, Line: p.Line, Column: p.Column, Field: field, Err: err})
	}
	state := func(field, name string, p Pos) int {
		c, err := w.Resolve(name)
		if err != nil {
			fail(field, p, fmt.Errorf("%w: %v", ErrUnknownState, err))
		}
		return c
	}
	sc.Record = sc.Record[:0]
	for i, name := range sc.record {
		if c := state(fmt.Sprintf("record[%d]", i), name, sc.recPos[i]); c != 0 {
			sc.Record = append(sc.Record, c)
		}
	}
	for i := range sc.Shocks {
		s := &sc.Shocks[i]
		p := join(s.field, string(s.Kind))
		if v, ok := s.names["attacker"]; ok {
			s.State = state(join(p, "attacker"), v, s.pos["attacker"])
		}
		if v, ok := s.names["target"]; ok {
			s.Target = state(join(p, "target"), v, s.pos["target"])
		}
		if v, ok := s.names["state"]; ok {
			s.State = state(join(p, "state"), v, s.pos["state"])
		}
		if s.Kind == ShockAttack && s.State != 0 && s.State == s.Target {
			fail(join(p, "target"), s.pos["target"], wrapped{"a state cannot attack itself", ErrSyntax})
		}
		if v, ok := s.names["alliance"]; ok {
			s.Alliance = v
			al := allianceByID(w, v)
			if al != nil {
				s.Alliance = al.ID
			}
			switch {
			case al == nil:
				fail(join(p, "alliance"), s.pos["alliance"], fmt.Errorf("%w: %q is not an alliance of the base world on %s%s",
					ErrUnknownAlly, v, sc.Base.Date, nearIDs(w, v)))
			case s.State != 0 && !slices.Contains(al.MembersOn(sc.Base.Date), s.State):
				fail(join(p, "state"), s.pos["state"], fmt.Errorf("%w: %s is not a member of %s on %s",
					ErrUnknownAlly, w.Label(s.State, world.ByName), v, sc.Base.Date))
			}
		}
	}
	return errors.Join(errs...)
}

func allianceByID(w *world.World, id string) *world.Alliance {
	for i := range w.Alliances {
		if strings.EqualFold(w.Alliances[i].ID, id) {
			return &w.Alliances[i]
		}
	}
	return nil
}

// nearIDs lists up to five alliance ids of w sharing a prefix with id.
func nearIDs(w *world.World, id string) string {
	var out []string
	pre := id
	if i := strings.IndexByte(id, ':'); i >= 0 {
		pre = id[:i+1]
	}
	for i := range w.Alliances {
		if a := w.Alliances[i].ID; strings.HasPrefix(a, pre) && len(out) < 5 {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return ""
	}
	return " (alliances include " + strings.Join(out, ", ") + ")"
}
