package worldfile

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"

	"github.com/entente/entente/world"
)

// Version is the format version a world file declares in its format field.
const Version = "entente/v1"

// The intermediate representation shared by the YAML and CSV readers and
// writers: a document as written, with the position of every value, before
// validation turns it into a world.World.

type document struct {
	Format       string
	Name         string
	AsOf         world.Date
	Sources      []source
	States       []state
	Alliances    []alliance
	Systems      []system
	Partnerships []partnership
	Relations    []relation
	at           map[string]pos
}

type source struct {
	ID, Citation, URL string
	at                map[string]pos
}

// number is a figure with its source and the year it refers to. A number
// that is absent from the file is missing (NaN), never zero.
type number struct {
	Value  float64
	Source string
	Year   int
	at     map[string]pos
}

func (n *number) present() bool { return n != nil && !math.IsNaN(n.Value) }

// numberFields are a state's figures, in file order, with their bounds.
var numberFields = []struct {
	key      string
	min, max float64
}{
	{"gdp_usd", 0, math.Inf(1)},
	{"population", 0, math.Inf(1)},
	{"milex_usd", 0, math.Inf(1)},
	{"milex_share_gdp", 0, 100},
	{"personnel", 0, math.Inf(1)},
	{"power_projection", 0, 1},
}

type state struct {
	CCode                   int
	ISO3, Abbrev, Name      string
	Capital                 string
	Lat, Lon                float64 // NaN when absent
	Region, Regime, Nuclear string
	Numbers                 map[string]*number
	Sources                 []string
	at                      map[string]pos
}

type member struct {
	CCode        int
	Joined, Left world.Date
	Obligations  []string
	at           map[string]pos
}

type alliance struct {
	ID, Name           string
	Formal             bool
	Obligations        []string
	Treaty, KeyArticle string
	Structure          string
	Hub                int
	Start, End         world.Date
	Members            []member
	Sources            []string
	at                 map[string]pos
}

type system struct {
	ID, Name  string
	Hub       int
	Alliances []string
	Note      string
	at        map[string]pos
}

type partnership struct {
	ID, Name string
	Members  []int
	Since    world.Date
	Note     string
	Sources  []string
	at       map[string]pos
}

type relation struct {
	States                    [2]int
	Contiguity                int // world.ContiguityMissing when absent
	Hostility                 *number
	Rivalry, War, Territorial bool
	Rationale                 string
	Sources                   []string
	at                        map[string]pos
}

var (
	idPattern   = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
	iso3Pattern = regexp.MustCompile(`^[A-Z]{3}$`)
	structures  = []world.Structure{world.Multilateral, world.Bilateral, world.HubAndSpoke}
	nuclears    = []world.Nuclear{world.NuclearNone, world.NuclearWeapons, world.NuclearShared, world.NuclearUmbrella}
)

// where returns the position of field in at, or of the record itself.
func where(at map[string]pos, field string) pos {
	if p, ok := at[field]; ok {
		return p
	}
	return at[""]
}

// validate checks the document's meaning: versions, required fields,
// duplicate keys, references, date order and bounds. It records every
// problem it finds.
func (d *document) validate(r *errs) {
	if d.Format != Version {
		r.add(where(d.at, "format"), "format", ErrFormat, "format %q, want %q", d.Format, Version)
	}
	if d.AsOf.IsZero() {
		r.add(where(d.at, "as_of"), "as_of", ErrMissing, "as_of is required (the date the world describes)")
	}
	srcs := map[string]bool{}
	for i, s := range d.Sources {
		f := fmt.Sprintf("sources[%d]", i)
		switch {
		case !idPattern.MatchString(s.ID):
			r.add(where(s.at, "id"), f+".id", ErrType, "id %q: want lower-case letters, digits, '.', '_' or '-'", s.ID)
		case srcs[s.ID]:
			r.add(where(s.at, "id"), f+".id", ErrDuplicate, "duplicate source id %q", s.ID)
		}
		srcs[s.ID] = true
		if s.Citation == "" {
			r.add(where(s.at, "citation"), f+".citation", ErrMissing, "citation is required")
		}
	}
	refs := func(at map[string]pos, field string, ids []string) {
		for i, id := range ids {
			if !srcs[id] {
				r.add(where(at, fmt.Sprintf("%s[%d]", "sources", i)), fmt.Sprintf("%s[%d]", field, i), ErrUnknownRef, "unknown source %q", id)
			}
		}
	}
	num := func(n *number, field string, lo, hi float64) {
		if !n.present() {
			return
		}
		if n.Value < lo || n.Value > hi {
			r.add(where(n.at, "value"), field+".value", ErrRange, "%v out of range [%v, %v]", n.Value, lo, hi)
		}
		if n.Source == "" {
			r.add(where(n.at, "source"), field+".source", ErrMissing, "every number needs a source")
		} else if !srcs[n.Source] {
			r.add(where(n.at, "source"), field+".source", ErrUnknownRef, "unknown source %q", n.Source)
		}
		if n.Year == 0 {
			r.add(where(n.at, "year"), field+".year", ErrMissing, "every number needs the year it refers to")
		}
	}

	codes := map[int]bool{}
	iso := map[string]bool{}
	for i, s := range d.States {
		f := fmt.Sprintf("states[%d]", i)
		switch {
		case s.CCode <= 0:
			r.add(where(s.at, "ccode"), f+".ccode", ErrMissing, "a positive COW ccode is required")
		case codes[s.CCode]:
			r.add(where(s.at, "ccode"), f+".ccode", ErrDuplicate, "duplicate ccode %d", s.CCode)
		}
		codes[s.CCode] = true
		if s.ISO3 != "" {
			if !iso3Pattern.MatchString(s.ISO3) {
				r.add(where(s.at, "iso3"), f+".iso3", ErrType, "iso3 %q: want three capital letters", s.ISO3)
			} else if iso[s.ISO3] {
				r.add(where(s.at, "iso3"), f+".iso3", ErrDuplicate, "duplicate iso3 %q", s.ISO3)
			}
			iso[s.ISO3] = true
		}
		if s.Name == "" {
			r.add(where(s.at, "name"), f+".name", ErrMissing, "name is required")
		}
		if !math.IsNaN(s.Lat) && (s.Lat < -90 || s.Lat > 90) {
			r.add(where(s.at, "capital.lat"), f+".capital.lat", ErrRange, "latitude %v out of range [-90, 90]", s.Lat)
		}
		if !math.IsNaN(s.Lon) && (s.Lon < -180 || s.Lon > 180) {
			r.add(where(s.at, "capital.lon"), f+".capital.lon", ErrRange, "longitude %v out of range [-180, 180]", s.Lon)
		}
		if !oneOf(world.Nuclear(s.Nuclear), nuclears) {
			r.add(where(s.at, "nuclear"), f+".nuclear", ErrRange, "nuclear %q: want weapons, shared, umbrella or nothing", s.Nuclear)
		}
		for _, nf := range numberFields {
			num(s.Numbers[nf.key], f+"."+nf.key, nf.min, nf.max)
		}
		refs(s.at, f+".sources", s.Sources)
	}
	state := func(at map[string]pos, key, field string, c int) {
		if !codes[c] {
			r.add(where(at, key), field, ErrUnknownRef, "unknown state %d (not among states)", c)
		}
	}

	ids := map[string]bool{}
	for i, a := range d.Alliances {
		f := fmt.Sprintf("alliances[%d]", i)
		switch {
		case !idPattern.MatchString(a.ID):
			r.add(where(a.at, "id"), f+".id", ErrType, "id %q: want lower-case letters, digits, '.', '_' or '-'", a.ID)
		case ids[a.ID]:
			r.add(where(a.at, "id"), f+".id", ErrDuplicate, "duplicate alliance id %q", a.ID)
		}
		ids[a.ID] = true
		obligations(r, a.at, f+".obligations", a.Obligations)
		if a.Structure != "" && !oneOf(world.Structure(a.Structure), structures) {
			r.add(where(a.at, "structure"), f+".structure", ErrRange, "structure %q: want multilateral, bilateral or hub-and-spoke", a.Structure)
		}
		if a.Hub != 0 {
			state(a.at, "hub", f+".hub", a.Hub)
		}
		if a.Start.IsZero() {
			r.add(where(a.at, "start"), f+".start", ErrMissing, "start is required")
		}
		if !a.End.IsZero() && a.End.Before(a.Start) {
			r.add(where(a.at, "end"), f+".end", ErrOrder, "end %s before start %s", a.End, a.Start)
		}
		if len(a.Members) < 2 {
			r.add(where(a.at, "members"), f+".members", ErrMissing, "an alliance needs at least two members")
		}
		if len(a.Obligations) == 0 {
			for j, m := range a.Members {
				if len(m.Obligations) == 0 {
					r.add(where(a.at, "obligations"), f+".obligations", ErrMissing,
						"obligations are required (for the alliance, or for member %d)", j)
					break
				}
			}
		}
		seen := map[int]bool{}
		for j, m := range a.Members {
			g := fmt.Sprintf("%s.members[%d]", f, j)
			state(m.at, "ccode", g+".ccode", m.CCode)
			if seen[m.CCode] {
				r.add(where(m.at, "ccode"), g+".ccode", ErrDuplicate, "state %d listed twice", m.CCode)
			}
			seen[m.CCode] = true
			if m.Joined.IsZero() {
				r.add(where(m.at, "joined"), g+".joined", ErrMissing, "joined is required")
			} else if m.Joined.Before(a.Start) {
				r.add(where(m.at, "joined"), g+".joined", ErrOrder, "joined %s before the alliance began %s", m.Joined, a.Start)
			}
			if !m.Left.IsZero() && m.Left.Before(m.Joined) {
				r.add(where(m.at, "left"), g+".left", ErrOrder, "end %s before start %s", m.Left, m.Joined)
			}
			obligations(r, m.at, g+".obligations", m.Obligations)
		}
		refs(a.at, f+".sources", a.Sources)
	}

	sys := map[string]bool{}
	for i, s := range d.Systems {
		f := fmt.Sprintf("systems[%d]", i)
		if !idPattern.MatchString(s.ID) {
			r.add(where(s.at, "id"), f+".id", ErrType, "id %q: want lower-case letters, digits, '.', '_' or '-'", s.ID)
		} else if sys[s.ID] {
			r.add(where(s.at, "id"), f+".id", ErrDuplicate, "duplicate system id %q", s.ID)
		}
		sys[s.ID] = true
		if s.Hub != 0 {
			state(s.at, "hub", f+".hub", s.Hub)
		}
		for j, id := range s.Alliances {
			if !ids[id] {
				r.add(where(s.at, fmt.Sprintf("alliances[%d]", j)), fmt.Sprintf("%s.alliances[%d]", f, j), ErrUnknownRef, "unknown alliance %q", id)
			}
		}
	}

	for i, p := range d.Partnerships {
		f := fmt.Sprintf("partnerships[%d]", i)
		if !idPattern.MatchString(p.ID) {
			r.add(where(p.at, "id"), f+".id", ErrType, "id %q: want lower-case letters, digits, '.', '_' or '-'", p.ID)
		}
		if len(p.Members) < 2 {
			r.add(where(p.at, "members"), f+".members", ErrMissing, "a partnership needs at least two members")
		}
		for j, c := range p.Members {
			state(p.at, fmt.Sprintf("members[%d]", j), fmt.Sprintf("%s.members[%d]", f, j), c)
		}
		refs(p.at, f+".sources", p.Sources)
	}

	dyads := map[world.Dyad]bool{}
	for i, rel := range d.Relations {
		f := fmt.Sprintf("relations[%d]", i)
		a, b := rel.States[0], rel.States[1]
		state(rel.at, "states[0]", f+".states[0]", a)
		state(rel.at, "states[1]", f+".states[1]", b)
		dy := world.MakeDyad(a, b)
		switch {
		case a == b:
			r.add(where(rel.at, "states"), f+".states", ErrRange, "a relation joins two different states")
		case dyads[dy]:
			r.add(where(rel.at, "states"), f+".states", ErrDuplicate, "duplicate relation %d–%d", dy.A, dy.B)
		}
		dyads[dy] = true
		if rel.Contiguity < world.ContiguityMissing || rel.Contiguity > 5 {
			r.add(where(rel.at, "contiguity"), f+".contiguity", ErrRange, "contiguity %d: want 0 (none) or a COW type 1..5", rel.Contiguity)
		}
		num(rel.Hostility, f+".hostility", 0, 1)
		refs(rel.at, f+".sources", rel.Sources)
	}
}

func obligations(r *errs, at map[string]pos, field string, names []string) {
	for i, n := range names {
		if _, err := world.ParseObligation(n); err != nil {
			r.add(where(at, fmt.Sprintf("obligations[%d]", i)), fmt.Sprintf("%s[%d]", field, i), ErrRange, "%v", err)
		}
	}
}

func oneOf[T comparable](v T, set []T) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}

// allianceID is the world.Alliance ID of a world-file alliance.
func allianceID(id string) string { return "world:" + id }

// fileID is the world-file id of a world.Alliance ID.
func fileID(id string) string {
	id = strings.TrimPrefix(id, "world:")
	return strings.NewReplacer(":", "-", " ", "-").Replace(strings.ToLower(id))
}

func parseObligations(names []string) world.Obligations {
	var o world.Obligations
	for _, n := range names {
		if k, err := world.ParseObligation(n); err == nil {
			o = o.With(k)
		}
	}
	return o
}

// build turns a validated document into a World.
func (d *document) build() *world.World {
	src := map[string]source{}
	for _, s := range d.Sources {
		src[s.ID] = s
	}
	cite := func(id, field string, year int) world.Source {
		s := src[id]
		return world.Source{ID: id, Field: field, Citation: s.Citation, Year: year, URL: s.URL}
	}
	cites := func(ids []string) []world.Source {
		var out []world.Source
		for _, id := range ids {
			out = append(out, cite(id, "", 0))
		}
		return out
	}
	w := &world.World{Year: d.AsOf.Year, AsOf: d.AsOf, Name: d.Name}
	for _, s := range d.States {
		st := world.NewState(s.CCode, s.Name)
		st.ISO3, st.Abbrev = s.ISO3, s.Abbrev
		st.Capital = world.Capital{Name: s.Capital, Lat: world.Value(s.Lat), Lon: world.Value(s.Lon)}
		st.Region, st.Regime, st.Nuclear = s.Region, s.Regime, world.Nuclear(s.Nuclear)
		st.Sources = cites(s.Sources)
		for _, nf := range numberFields {
			n := s.Numbers[nf.key]
			if !n.present() {
				continue
			}
			*numberField(&st, nf.key) = world.Value(n.Value)
			st.Sources = append(st.Sources, cite(n.Source, nf.key, n.Year))
		}
		w.States = append(w.States, st)
	}
	for _, a := range d.Alliances {
		def := parseObligations(a.Obligations)
		al := world.Alliance{
			ID: allianceID(a.ID), Name: a.Name, Formal: a.Formal,
			Spell:  world.Spell{Start: a.Start, End: a.End},
			Treaty: a.Treaty, KeyArticle: a.KeyArticle,
			Structure: world.Structure(a.Structure), Hub: a.Hub,
			Sources: cites(a.Sources),
		}
		for _, m := range a.Members {
			o := def
			if len(m.Obligations) > 0 {
				o = parseObligations(m.Obligations)
			}
			al.Members = append(al.Members, world.Member{CCode: m.CCode, Spell: world.Spell{Start: m.Joined, End: m.Left}, Obligations: o})
			al.Obligations = al.Obligations.Union(o)
		}
		if len(al.Members) == 0 {
			al.Obligations = def
		}
		w.Alliances = append(w.Alliances, al)
	}
	for _, s := range d.Systems {
		sy := world.System{ID: s.ID, Name: s.Name, Hub: s.Hub, Note: s.Note}
		for _, id := range s.Alliances {
			sy.Alliances = append(sy.Alliances, allianceID(id))
		}
		w.Systems = append(w.Systems, sy)
	}
	for _, p := range d.Partnerships {
		w.Partnerships = append(w.Partnerships, world.Partnership{
			ID: p.ID, Name: p.Name, Members: append([]int(nil), p.Members...),
			Since: p.Since, Note: p.Note, Sources: cites(p.Sources)})
	}
	for _, r := range d.Relations {
		rel := world.NewRelation(world.MakeDyad(r.States[0], r.States[1]))
		rel.Contiguity = r.Contiguity
		rel.Rivalry, rel.War, rel.Territorial = r.Rivalry, r.War, r.Territorial
		rel.Rationale = r.Rationale
		rel.Sources = cites(r.Sources)
		if r.Hostility.present() {
			rel.Hostility = world.Value(r.Hostility.Value)
			rel.Sources = append(rel.Sources, cite(r.Hostility.Source, "hostility", r.Hostility.Year))
		}
		w.SetRelation(rel)
	}
	w.Index()
	FillCapability(w)
	return w
}

// numberField returns a pointer to the State field a number key fills.
func numberField(s *world.State, key string) *world.Value {
	switch key {
	case "gdp_usd":
		return &s.GDP
	case "population":
		return &s.Population
	case "milex_usd":
		return &s.MilexUSD
	case "milex_share_gdp":
		return &s.MilexShareGDP
	case "personnel":
		return &s.Personnel
	case "power_projection":
		return &s.PowerProjection
	}
	panic("worldfile: unknown number field " + key)
}

// unbuild turns a World back into a document, naming sources by their ID
// (or s1, s2, ... for sources without one).
func unbuild(w *world.World) *document {
	d := &document{Format: Version, Name: w.Name, AsOf: w.AsOf}
	if d.AsOf.IsZero() && w.Year != 0 {
		d.AsOf = world.Date{Year: w.Year}
	}
	byKey := map[string]string{}
	used := map[string]bool{}
	ref := func(s world.Source) string {
		k := s.Citation + "\x00" + s.URL
		if id, ok := byKey[k]; ok {
			return id
		}
		id := s.ID
		for n := len(d.Sources) + 1; id == "" || used[id]; n++ {
			id = fmt.Sprintf("s%d", n)
		}
		used[id] = true
		byKey[k] = id
		d.Sources = append(d.Sources, source{ID: id, Citation: s.Citation, URL: s.URL})
		return id
	}
	refs := func(ss []world.Source) (whole []string, byField map[string]world.Source) {
		byField = map[string]world.Source{}
		for _, s := range ss {
			if s.Field == "" {
				whole = append(whole, ref(s))
			} else if _, ok := byField[s.Field]; !ok {
				byField[s.Field] = s
			}
		}
		return whole, byField
	}
	for i := range w.States {
		s := &w.States[i]
		whole, byField := refs(s.Sources)
		st := state{CCode: s.CCode, ISO3: s.ISO3, Abbrev: s.Abbrev, Name: s.Name,
			Capital: s.Capital.Name, Lat: s.Capital.Lat.Float(), Lon: s.Capital.Lon.Float(),
			Region: s.Region, Regime: s.Regime, Nuclear: string(s.Nuclear),
			Numbers: map[string]*number{}, Sources: whole}
		for _, nf := range numberFields {
			v := *numberField(s, nf.key)
			if v.IsMissing() {
				continue
			}
			n := &number{Value: v.Float()}
			if src, ok := byField[nf.key]; ok {
				n.Source, n.Year = ref(src), src.Year
			}
			st.Numbers[nf.key] = n
		}
		d.States = append(d.States, st)
	}
	for _, a := range w.Alliances {
		whole, _ := refs(a.Sources)
		al := alliance{ID: fileID(a.ID), Name: a.Name, Formal: a.Formal,
			Obligations: a.Obligations.List(), Treaty: a.Treaty, KeyArticle: a.KeyArticle,
			Structure: string(a.Structure), Hub: a.Hub, Start: a.Spell.Start, End: a.Spell.End,
			Sources: whole}
		for _, m := range a.Members {
			mm := member{CCode: m.CCode, Joined: m.Spell.Start, Left: m.Spell.End}
			if m.Obligations != a.Obligations {
				mm.Obligations = m.Obligations.List()
			}
			al.Members = append(al.Members, mm)
		}
		d.Alliances = append(d.Alliances, al)
	}
	for _, s := range w.Systems {
		sy := system{ID: s.ID, Name: s.Name, Hub: s.Hub, Note: s.Note}
		for _, id := range s.Alliances {
			sy.Alliances = append(sy.Alliances, fileID(id))
		}
		d.Systems = append(d.Systems, sy)
	}
	for _, p := range w.Partnerships {
		whole, _ := refs(p.Sources)
		d.Partnerships = append(d.Partnerships, partnership{ID: p.ID, Name: p.Name,
			Members: append([]int(nil), p.Members...), Since: p.Since, Note: p.Note, Sources: whole})
	}
	dyads := make([]world.Dyad, 0, len(w.Relations))
	for dy := range w.Relations {
		dyads = append(dyads, dy)
	}
	sort.Slice(dyads, func(i, j int) bool {
		if dyads[i].A != dyads[j].A {
			return dyads[i].A < dyads[j].A
		}
		return dyads[i].B < dyads[j].B
	})
	for _, dy := range dyads {
		r := w.Relations[dy]
		whole, byField := refs(r.Sources)
		rel := relation{States: [2]int{dy.A, dy.B}, Contiguity: r.Contiguity,
			Rivalry: r.Rivalry, War: r.War, Territorial: r.Territorial,
			Rationale: r.Rationale, Sources: whole}
		if r.Hostility.OK() {
			rel.Hostility = &number{Value: r.Hostility.Float()}
			if src, ok := byField["hostility"]; ok {
				rel.Hostility.Source, rel.Hostility.Year = ref(src), src.Year
			}
		}
		d.Relations = append(d.Relations, rel)
	}
	return d
}
