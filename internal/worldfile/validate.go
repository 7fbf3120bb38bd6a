package worldfile

import (
	"fmt"

	"github.com/entente/entente/world"
)

// checker validates a document's meaning: the format version, required
// fields, duplicate keys, references, date order and bounds. It records
// every problem it finds, in document order.
type checker struct {
	*errs
	sources  map[string]bool
	states   map[int]bool
	iso3     map[string]bool
	alliance map[string]bool
}

const idHint = "want lower-case letters, digits, '.', '_' or '-'"

func (d *document) validate(r *errs) {
	c := &checker{errs: r, sources: map[string]bool{}, states: map[int]bool{}, iso3: map[string]bool{}, alliance: map[string]bool{}}
	if d.Format != Version {
		r.add(where(d.at, "format"), "format", ErrFormat, "format %q, want %q", d.Format, Version)
	}
	if d.AsOf.IsZero() {
		r.add(where(d.at, "as_of"), "as_of", ErrMissing, "as_of is required (the date the world describes)")
	}
	for i, s := range d.Sources {
		c.source(fmt.Sprintf("sources[%d]", i), s)
	}
	for i, cv := range d.Coverage {
		f := fmt.Sprintf("coverage[%d]", i)
		if !oneOf(cv.Family, coverageFamilies) {
			r.add(where(cv.at, "family"), f+".family", ErrRange, "family %q: want one of %v", cv.Family, coverageFamilies)
		}
		c.sourceRef(cv.at, "source", f+".source", cv.Source)
	}
	for i, s := range d.States {
		c.state(fmt.Sprintf("states[%d]", i), s)
	}
	for i, a := range d.Alliances {
		c.allianceRecord(fmt.Sprintf("alliances[%d]", i), a)
	}
	seen := map[string]bool{}
	for i, s := range d.Systems {
		c.system(fmt.Sprintf("systems[%d]", i), s, seen)
	}
	for i, p := range d.Partnerships {
		c.partnership(fmt.Sprintf("partnerships[%d]", i), p)
	}
	for i, s := range d.Stationing {
		c.stationing(fmt.Sprintf("stationing[%d]", i), s)
	}
	for _, sf := range d.strayFigures {
		c.known(sf.at, "ccode", sf.field, sf.ccode)
	}
	dyads := map[world.Dyad]bool{}
	for i, rel := range d.Relations {
		c.relation(fmt.Sprintf("relations[%d]", i), rel, dyads)
	}
}

// id checks an id's spelling and uniqueness in seen.
func (c *checker) id(at map[string]pos, f, kind, id string, seen map[string]bool) {
	switch {
	case !idPattern.MatchString(id):
		c.add(where(at, "id"), f+".id", ErrType, "id %q: %s", id, idHint)
	case seen[id]:
		c.add(where(at, "id"), f+".id", ErrDuplicate, "duplicate %s id %q", kind, id)
	}
	seen[id] = true
}

func (c *checker) source(f string, s source) {
	c.id(s.at, f, "source", s.ID, c.sources)
	if s.Citation == "" {
		c.add(where(s.at, "citation"), f+".citation", ErrMissing, "citation is required")
	}
}

// refs checks that every id in a record's sources list names a source.
func (c *checker) refs(at map[string]pos, field string, ids []string) {
	for i, id := range ids {
		if !c.sources[id] {
			c.add(where(at, fmt.Sprintf("sources[%d]", i)), fmt.Sprintf("%s[%d]", field, i), ErrUnknownRef, "unknown source %q", id)
		}
	}
}

// sourceRef checks that a required single source id names a source.
func (c *checker) sourceRef(at map[string]pos, key, field, id string) {
	if id == "" {
		c.add(where(at, key), field, ErrMissing, "a source is required")
	} else if !c.sources[id] {
		c.add(where(at, key), field, ErrUnknownRef, "unknown source %q", id)
	}
}

// spell checks a from–to spell: from is required, to may be open.
func (c *checker) spell(at map[string]pos, f string, from, to world.Date) {
	if from.IsZero() {
		c.add(where(at, "from"), f+".from", ErrMissing, "from is required")
	}
	if !to.IsZero() && to.Before(from) {
		c.add(where(at, "to"), f+".to", ErrOrder, "end %s before start %s", to, from)
	}
}

// number checks a figure's bounds, source and year.
func (c *checker) number(n *number, field string, lo, hi float64) {
	if !n.present() {
		return
	}
	if n.Value < lo || n.Value > hi {
		c.add(where(n.at, "value"), field+".value", ErrRange, "%v out of range [%v, %v]", n.Value, lo, hi)
	}
	if n.Source == "" {
		c.add(where(n.at, "source"), field+".source", ErrMissing, "every number needs a source")
	} else if !c.sources[n.Source] {
		c.add(where(n.at, "source"), field+".source", ErrUnknownRef, "unknown source %q", n.Source)
	}
	if n.Year == 0 {
		c.add(where(n.at, "year"), field+".year", ErrMissing, "every number needs the year it refers to")
	}
}

// known checks that ccode names a state of the document.
func (c *checker) known(at map[string]pos, key, field string, ccode int) {
	if !c.states[ccode] {
		c.add(where(at, key), field, ErrUnknownRef, "unknown state %d (not among states)", ccode)
	}
}

func (c *checker) state(f string, s state) {
	switch {
	case s.CCode <= 0:
		c.add(where(s.at, "ccode"), f+".ccode", ErrMissing, "a positive COW ccode is required")
	case c.states[s.CCode]:
		c.add(where(s.at, "ccode"), f+".ccode", ErrDuplicate, "duplicate ccode %d", s.CCode)
	default:
		// Not for a missing ccode (0), or a member without one would
		// pass as known.
		c.states[s.CCode] = true
	}
	if s.ISO3 != "" {
		if !iso3Pattern.MatchString(s.ISO3) {
			c.add(where(s.at, "iso3"), f+".iso3", ErrType, "iso3 %q: want three capital letters", s.ISO3)
		} else if c.iso3[s.ISO3] {
			c.add(where(s.at, "iso3"), f+".iso3", ErrDuplicate, "duplicate iso3 %q", s.ISO3)
		}
		c.iso3[s.ISO3] = true
	}
	if s.Name == "" {
		c.add(where(s.at, "name"), f+".name", ErrMissing, "name is required")
	}
	if s.Lat < -90 || s.Lat > 90 {
		c.add(where(s.at, "capital.lat"), f+".capital.lat", ErrRange, "latitude %v out of range [-90, 90]", s.Lat)
	}
	if s.Lon < -180 || s.Lon > 180 {
		c.add(where(s.at, "capital.lon"), f+".capital.lon", ErrRange, "longitude %v out of range [-180, 180]", s.Lon)
	}
	if !oneOf(world.Nuclear(s.Nuclear), nuclears) {
		c.add(where(s.at, "nuclear"), f+".nuclear", ErrRange, "nuclear %q: want weapons, shared, umbrella or nothing", s.Nuclear)
	}
	for _, nf := range numberFields {
		c.number(s.Numbers[nf.key], f+"."+nf.key, nf.min, nf.max)
	}
	seen := map[string]bool{}
	for i, fg := range s.Figures {
		g := fmt.Sprintf("%s.figures[%d]", f, i)
		var lo, hi float64
		known := false
		for _, nf := range numberFields {
			if nf.key == fg.Field {
				lo, hi, known = nf.min, nf.max, true
			}
		}
		if !known {
			c.add(where(fg.at, "field"), g+".field", ErrRange, "field %q: want one of the state's figures (%s)", fg.Field, figureKeys())
			continue
		}
		c.number(&number{Value: fg.Value, Source: fg.Source, Year: fg.Year, at: fg.at}, g, lo, hi)
		key := fmt.Sprintf("%s/%s/%d", fg.Field, fg.Source, fg.Year)
		if seen[key] {
			c.add(where(fg.at, "field"), g, ErrDuplicate, "%s from %s for %d given twice", fg.Field, fg.Source, fg.Year)
		}
		seen[key] = true
	}
	c.refs(s.at, f+".sources", s.Sources)
}

func figureKeys() string {
	var out string
	for i, nf := range numberFields {
		if i > 0 {
			out += ", "
		}
		out += nf.key
	}
	return out
}

func (c *checker) allianceRecord(f string, a alliance) {
	c.id(a.at, f, "alliance", a.ID, c.alliance)
	c.obligations(a.at, f+".obligations", a.Obligations)
	if a.Structure != "" && !oneOf(world.Structure(a.Structure), structures) {
		c.add(where(a.at, "structure"), f+".structure", ErrRange, "structure %q: want multilateral, bilateral or hub-and-spoke", a.Structure)
	}
	if a.Hub != 0 {
		c.known(a.at, "hub", f+".hub", a.Hub)
	}
	if a.Start.IsZero() {
		c.add(where(a.at, "start"), f+".start", ErrMissing, "start is required")
	}
	if !a.End.IsZero() && a.End.Before(a.Start) {
		c.add(where(a.at, "end"), f+".end", ErrOrder, "end %s before start %s", a.End, a.Start)
	}
	if len(a.Members) < 2 {
		c.add(where(a.at, "members"), f+".members", ErrMissing, "an alliance needs at least two members")
	}
	if len(a.Obligations) == 0 {
		for j, m := range a.Members {
			if len(m.Obligations) == 0 {
				c.add(where(a.at, "obligations"), f+".obligations", ErrMissing,
					"obligations are required (for the alliance, or for member %d)", j)
				break
			}
		}
	}
	seen := map[int]bool{}
	for j, m := range a.Members {
		g := fmt.Sprintf("%s.members[%d]", f, j)
		c.known(m.at, "ccode", g+".ccode", m.CCode)
		if seen[m.CCode] {
			c.add(where(m.at, "ccode"), g+".ccode", ErrDuplicate, "state %d listed twice", m.CCode)
		}
		seen[m.CCode] = true
		if m.Joined.IsZero() {
			c.add(where(m.at, "joined"), g+".joined", ErrMissing, "joined is required")
		} else if m.Joined.Before(a.Start) {
			c.add(where(m.at, "joined"), g+".joined", ErrOrder, "joined %s before the alliance began %s", m.Joined, a.Start)
		}
		if !m.Left.IsZero() && m.Left.Before(m.Joined) {
			c.add(where(m.at, "left"), g+".left", ErrOrder, "end %s before start %s", m.Left, m.Joined)
		}
		c.obligations(m.at, g+".obligations", m.Obligations)
		for k, st := range m.Status {
			h := fmt.Sprintf("%s.status[%d]", g, k)
			if !oneOf(st.Status, statuses) {
				c.add(where(st.at, "status"), h+".status", ErrRange, "status %q: want active, frozen or suspended", st.Status)
			}
			c.spell(st.at, h, st.From, st.To)
			if !st.From.IsZero() && st.From.Before(m.Joined) {
				c.add(where(st.at, "from"), h+".from", ErrOrder, "from %s before the member joined %s", st.From, m.Joined)
			}
			if len(st.Sources) == 0 {
				c.add(where(st.at, "sources"), h+".sources", ErrMissing, "a status needs a source")
			}
			c.refs(st.at, h+".sources", st.Sources)
		}
	}
	for j, su := range a.Suspensions {
		g := fmt.Sprintf("%s.suspensions[%d]", f, j)
		for k, s := range su.States {
			if !seen[s] {
				c.add(where(su.at, fmt.Sprintf("states[%d]", k)), fmt.Sprintf("%s.states[%d]", g, k), ErrUnknownRef, "state %d is not a member of the alliance", s)
			}
		}
		if su.States[0] == su.States[1] {
			c.add(where(su.at, "states"), g+".states", ErrRange, "a suspension joins two different members")
		}
		c.spell(su.at, g, su.From, su.To)
		if len(su.Sources) == 0 {
			c.add(where(su.at, "sources"), g+".sources", ErrMissing, "a suspension needs a source")
		}
		c.refs(su.at, g+".sources", su.Sources)
	}
	c.refs(a.at, f+".sources", a.Sources)
}

func (c *checker) obligations(at map[string]pos, field string, names []string) {
	for i, n := range names {
		if _, err := world.ParseObligation(n); err != nil {
			c.add(where(at, fmt.Sprintf("obligations[%d]", i)), fmt.Sprintf("%s[%d]", field, i), ErrRange, "%v", err)
		}
	}
}

func (c *checker) system(f string, s system, seen map[string]bool) {
	c.id(s.at, f, "system", s.ID, seen)
	if s.Hub != 0 {
		c.known(s.at, "hub", f+".hub", s.Hub)
	}
	for j, id := range s.Alliances {
		if !c.alliance[id] {
			c.add(where(s.at, fmt.Sprintf("alliances[%d]", j)), fmt.Sprintf("%s.alliances[%d]", f, j), ErrUnknownRef, "unknown alliance %q", id)
		}
	}
}

func (c *checker) partnership(f string, p partnership) {
	if !idPattern.MatchString(p.ID) {
		c.add(where(p.at, "id"), f+".id", ErrType, "id %q: %s", p.ID, idHint)
	}
	if len(p.Members) < 2 {
		c.add(where(p.at, "members"), f+".members", ErrMissing, "a partnership needs at least two members")
	}
	for j, m := range p.Members {
		c.known(p.at, fmt.Sprintf("members[%d]", j), fmt.Sprintf("%s.members[%d]", f, j), m)
	}
	c.refs(p.at, f+".sources", p.Sources)
}

func (c *checker) stationing(f string, s stationing) {
	c.known(s.at, "patron", f+".patron", s.Patron)
	c.known(s.at, "host", f+".host", s.Host)
	if s.Patron == s.Host {
		c.add(where(s.at, "host"), f+".host", ErrRange, "a state does not station forces in itself")
	}
	if s.Troops < 0 {
		c.add(where(s.at, "troops"), f+".troops", ErrRange, "troops %v: want 0 or more (null when unknown)", s.Troops)
	}
	c.refs(s.at, f+".sources", s.Sources)
}

func (c *checker) relation(f string, rel relation, dyads map[world.Dyad]bool) {
	a, b := rel.States[0], rel.States[1]
	c.known(rel.at, "states[0]", f+".states[0]", a)
	c.known(rel.at, "states[1]", f+".states[1]", b)
	dy := world.MakeDyad(a, b)
	switch {
	case a == b:
		c.add(where(rel.at, "states"), f+".states", ErrRange, "a relation joins two different states")
	case dyads[dy]:
		c.add(where(rel.at, "states"), f+".states", ErrDuplicate, "duplicate relation %d–%d", dy.A, dy.B)
	}
	dyads[dy] = true
	if rel.Contiguity < world.ContiguityMissing || rel.Contiguity > 5 {
		c.add(where(rel.at, "contiguity"), f+".contiguity", ErrRange, "contiguity %d: want 0 (none) or a COW type 1..5", rel.Contiguity)
	}
	c.number(rel.Hostility, f+".hostility", 0, 1)
	for _, d := range [2]struct {
		key string
		n   *number
	}{{"hostility_ab", rel.HostilityAB}, {"hostility_ba", rel.HostilityBA}} {
		if !d.n.present() {
			continue
		}
		c.number(d.n, f+"."+d.key, 0, 1)
		if !rel.Hostility.present() {
			c.add(where(rel.at, d.key), f+".hostility", ErrMissing,
				"%s needs hostility, the pair's value (read both ways where no direction is coded, and by the symmetric measures)", d.key)
		}
	}
	c.refs(rel.at, f+".sources", rel.Sources)
}
