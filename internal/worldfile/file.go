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
	Stationing   []stationing
	Relations    []relation
	Coverage     []coverage
	at           map[string]pos

	strayFigures []strayFigure // rows of figures.csv whose state is not in states.csv
}

type strayFigure struct {
	ccode int
	field string
	figure
}

// coverage declares that the file's relations hold a variable family
// completely: a pair of states without a value for it has none (contiguity
// 0), rather than an unknown one.
type coverage struct {
	Family, Source, Note string
	at                   map[string]pos
}

// coverageFamilies are the families a world file can declare complete.
var coverageFamilies = []string{world.FamilyContiguity}

// figure is a state's figure from a further source (world.Figure).
type figure struct {
	Field    string
	Value    float64
	Source   string
	Year     int
	Estimate bool
	at       map[string]pos
}

// status is a change in a member's participation (world.Participation).
type status struct {
	Status   string
	From, To world.Date
	Note     string
	Sources  []string
	at       map[string]pos
}

// suspension is a dyad's suspended obligations (world.Suspension).
type suspension struct {
	States   [2]int
	From, To world.Date
	Note     string
	Sources  []string
	at       map[string]pos
}

var statuses = []string{world.Active, world.Frozen, world.Suspended}

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
	Major                   bool
	Numbers                 map[string]*number
	Figures                 []figure
	Note                    string
	Sources                 []string
	at                      map[string]pos
}

type member struct {
	CCode        int
	Joined, Left world.Date
	Obligations  []string
	Status       []status
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
	Suspensions        []suspension
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

// stationing is a patron's forces in a host (world.Stationing).
type stationing struct {
	Patron, Host   int
	Troops         float64 // NaN when not given
	NuclearSharing bool
	Note           string
	Sources        []string
	at             map[string]pos
}

type relation struct {
	States                    [2]int
	Contiguity                int // world.ContiguityMissing when absent
	Hostility                 *number
	HostilityAB, HostilityBA  *number // States[0] toward States[1], and back
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

func oneOf[T comparable](v T, set []T) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}

// towardField names the source fields of a relation's directed
// hostility, world.Relation.Toward[0] and [1].
var towardField = [2]string{"hostility_ab", "hostility_ba"}

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
	for _, c := range d.Coverage {
		w.Coverage = append(w.Coverage, world.Coverage{Family: c.Family, Source: src[c.Source].Citation,
			Covered: true, From: d.AsOf.Year, To: d.AsOf.Year})
	}
	for _, s := range d.States {
		st := world.NewState(s.CCode, s.Name)
		st.ISO3, st.Abbrev = s.ISO3, s.Abbrev
		st.Capital = world.Capital{Name: s.Capital, Lat: world.Value(s.Lat), Lon: world.Value(s.Lon)}
		st.Region, st.Regime, st.Nuclear = s.Region, s.Regime, world.Nuclear(s.Nuclear)
		st.Major = s.Major
		st.Sources = cites(s.Sources)
		for _, nf := range numberFields {
			n := s.Numbers[nf.key]
			if !n.present() {
				continue
			}
			*numberField(&st, nf.key) = world.Value(n.Value)
			st.Sources = append(st.Sources, cite(n.Source, nf.key, n.Year))
		}
		for _, f := range s.Figures {
			st.Figures = append(st.Figures, world.Figure{Field: f.Field, Source: cite(f.Source, f.Field, f.Year),
				Value: world.Value(f.Value), Estimate: f.Estimate})
		}
		st.Note = s.Note
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
			wm := world.Member{CCode: m.CCode, Spell: world.Spell{Start: m.Joined, End: m.Left}, Obligations: o}
			for _, st := range m.Status {
				wm.Status = append(wm.Status, world.Participation{Status: st.Status,
					Spell: world.Spell{Start: st.From, End: st.To}, Note: st.Note, Sources: cites(st.Sources)})
			}
			al.Members = append(al.Members, wm)
			al.Obligations = al.Obligations.Union(o)
		}
		for _, su := range a.Suspensions {
			al.Suspensions = append(al.Suspensions, world.Suspension{Dyad: world.MakeDyad(su.States[0], su.States[1]),
				Spell: world.Spell{Start: su.From, End: su.To}, Note: su.Note, Sources: cites(su.Sources)})
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
	for _, s := range d.Stationing {
		w.Stationing = append(w.Stationing, world.Stationing{Patron: s.Patron, Host: s.Host, Troops: world.Value(s.Troops),
			NuclearSharing: s.NuclearSharing, Note: s.Note, Sources: cites(s.Sources)})
	}
	for _, r := range d.Relations {
		rel := world.NewRelation(world.MakeDyad(r.States[0], r.States[1]))
		rel.Contiguity = r.Contiguity
		if rel.Contiguity == world.ContiguityMissing && w.Covered(world.FamilyContiguity) {
			rel.Contiguity = world.NotContiguous // the file lists every contiguous pair
		}
		rel.Rivalry, rel.War, rel.Territorial = r.Rivalry, r.War, r.Territorial
		rel.Rationale = r.Rationale
		rel.Sources = cites(r.Sources)
		if r.Hostility.present() {
			rel.Hostility = world.Value(r.Hostility.Value)
			rel.Sources = append(rel.Sources, cite(r.Hostility.Source, "hostility", r.Hostility.Year))
		}
		if r.HostilityAB.present() || r.HostilityBA.present() {
			// Toward is in the dyad's ccode order, the file's in the order
			// it lists the states.
			ab, ba := r.HostilityAB, r.HostilityBA
			if r.States[0] > r.States[1] {
				ab, ba = ba, ab
			}
			rel.Toward = &[2]world.Value{world.Missing(), world.Missing()}
			for i, h := range [2]*number{ab, ba} {
				if h.present() {
					rel.Toward[i] = world.Value(h.Value)
					rel.Sources = append(rel.Sources, cite(h.Source, towardField[i], h.Year))
				}
			}
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
	defer func() {
		// After the records, so that sources keep the order they are
		// first used in.
		for _, c := range w.Coverage {
			if c.Covered && oneOf(c.Family, coverageFamilies) {
				d.Coverage = append(d.Coverage, coverage{Family: c.Family, Source: d.sourceByCitation(c.Source)})
			}
		}
	}()
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
			Region: s.Region, Regime: s.Regime, Nuclear: string(s.Nuclear), Major: s.Major,
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
		for _, f := range s.Figures {
			st.Figures = append(st.Figures, figure{Field: f.Field, Value: f.Value.Float(), Source: ref(f.Source),
				Year: f.Source.Year, Estimate: f.Estimate})
		}
		st.Note = s.Note
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
			for _, p := range m.Status {
				ws, _ := refs(p.Sources)
				mm.Status = append(mm.Status, status{Status: p.Status, From: p.Spell.Start, To: p.Spell.End, Note: p.Note, Sources: ws})
			}
			al.Members = append(al.Members, mm)
		}
		for _, su := range a.Suspensions {
			ws, _ := refs(su.Sources)
			al.Suspensions = append(al.Suspensions, suspension{States: [2]int{su.Dyad.A, su.Dyad.B},
				From: su.Spell.Start, To: su.Spell.End, Note: su.Note, Sources: ws})
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
	for _, s := range w.Stationing {
		whole, _ := refs(s.Sources)
		d.Stationing = append(d.Stationing, stationing{Patron: s.Patron, Host: s.Host, Troops: s.Troops.Float(),
			NuclearSharing: s.NuclearSharing, Note: s.Note, Sources: whole})
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
		cont := r.Contiguity
		if cont == world.NotContiguous && w.Covered(world.FamilyContiguity) {
			cont = world.ContiguityMissing // implied by the coverage entry
		}
		rel := relation{States: [2]int{dy.A, dy.B}, Contiguity: cont,
			Rivalry: r.Rivalry, War: r.War, Territorial: r.Territorial,
			Rationale: r.Rationale, Sources: whole}
		if r.Hostility.OK() {
			rel.Hostility = &number{Value: r.Hostility.Float()}
			if src, ok := byField["hostility"]; ok {
				rel.Hostility.Source, rel.Hostility.Year = ref(src), src.Year
			}
		}
		if r.Toward != nil {
			for i, h := range r.Toward {
				if h.IsMissing() {
					continue
				}
				n := &number{Value: h.Float()}
				if src, ok := byField[towardField[i]]; ok {
					n.Source, n.Year = ref(src), src.Year
				}
				if i == 0 {
					rel.HostilityAB = n
				} else {
					rel.HostilityBA = n
				}
			}
		}
		d.Relations = append(d.Relations, rel)
	}
	return d
}

// sourceByCitation returns the id of the document's source with the given
// citation, adding one when there is none.
func (d *document) sourceByCitation(citation string) string {
	for _, s := range d.Sources {
		if s.Citation == citation {
			return s.ID
		}
	}
	used := map[string]bool{}
	for _, s := range d.Sources {
		used[s.ID] = true
	}
	id := ""
	for n := len(d.Sources) + 1; id == "" || used[id]; n++ {
		id = fmt.Sprintf("s%d", n)
	}
	d.Sources = append(d.Sources, source{ID: id, Citation: citation})
	return id
}
