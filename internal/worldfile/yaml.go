package worldfile

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/entente/entente/internal/yamlnode"
	"go.yaml.in/yaml/v3"

	"github.com/entente/entente/world"
)

// reader walks a YAML node tree into a document, recording the position of
// every value and every problem.
type reader struct {
	file string
	errs
}

func (r *reader) at(n *yaml.Node) pos { return pos{r.file, n.Line, n.Column} }

// fields reads a mapping node with the allowed keys, reporting unknown and
// repeated keys, and returns the value nodes by key and the positions of
// the values (with "" for the mapping itself).
func (r *reader) fields(n *yaml.Node, path string, allowed ...string) (map[string]*yaml.Node, map[string]pos) {
	at := map[string]pos{"": r.at(n)}
	if n.Kind != yaml.MappingNode {
		r.add(r.at(n), path, ErrType, "want a mapping, found %s", yamlnode.Kind(n))
		return nil, at
	}
	out := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f := join(path, k.Value)
		if !oneOf(k.Value, allowed) {
			r.add(r.at(k), f, ErrUnknownField, "unknown field %q (want one of %s)", k.Value, strings.Join(allowed, ", "))
			continue
		}
		if _, dup := out[k.Value]; dup {
			r.add(r.at(k), f, ErrDuplicate, "field %q given twice", k.Value)
			continue
		}
		out[k.Value] = v
		at[k.Value] = r.at(v)
	}
	return out, at
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func isNull(n *yaml.Node) bool {
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func (r *reader) str(n *yaml.Node, path string) string {
	if isNull(n) {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		r.add(r.at(n), path, ErrType, "want a string, found %s", yamlnode.Kind(n))
		return ""
	}
	return n.Value
}

func (r *reader) integer(n *yaml.Node, path string) int {
	if isNull(n) {
		return 0
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!int" {
		if v, err := strconv.Atoi(n.Value); err == nil {
			return v
		}
	}
	r.add(r.at(n), path, ErrType, "want an integer, found %s", yamlnode.Kind(n))
	return 0
}

func (r *reader) float(n *yaml.Node, path string) float64 {
	if isNull(n) {
		return math.NaN()
	}
	if n.Kind == yaml.ScalarNode && (n.ShortTag() == "!!int" || n.ShortTag() == "!!float") {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil && !math.IsInf(v, 0) {
			return v
		}
		// .nan, .inf, 1e999: a number to YAML, not a figure (a missing
		// figure is null).
		r.add(r.at(n), path, ErrType, "want a finite number (null when missing), found %q", n.Value)
		return math.NaN()
	}
	r.add(r.at(n), path, ErrType, "want a number, found %s", yamlnode.Kind(n))
	return math.NaN()
}

func (r *reader) boolean(n *yaml.Node, path string) bool {
	if isNull(n) {
		return false
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!bool" {
		var b bool
		if err := n.Decode(&b); err == nil {
			return b
		}
	}
	r.add(r.at(n), path, ErrType, "want true or false, found %s", yamlnode.Kind(n))
	return false
}

func (r *reader) date(n *yaml.Node, path string) world.Date {
	if isNull(n) {
		return world.Date{}
	}
	if n.Kind != yaml.ScalarNode {
		r.add(r.at(n), path, ErrType, "want a date YYYY-MM-DD, found %s", yamlnode.Kind(n))
		return world.Date{}
	}
	d, err := world.ParseDate(n.Value)
	if err != nil {
		r.add(r.at(n), path, ErrDate, "%v", err)
	}
	return d
}

func (r *reader) list(n *yaml.Node, path string) []*yaml.Node {
	if isNull(n) {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.add(r.at(n), path, ErrType, "want a list, found %s", yamlnode.Kind(n))
		return nil
	}
	return n.Content
}

func (r *reader) strings(n *yaml.Node, path string, at map[string]pos, key string) []string {
	var out []string
	for i, e := range r.list(n, path) {
		k := fmt.Sprintf("%s[%d]", key, i)
		at[k] = r.at(e)
		out = append(out, r.str(e, fmt.Sprintf("%s[%d]", path, i)))
	}
	return out
}

func (r *reader) ints(n *yaml.Node, path string, at map[string]pos, key string) []int {
	var out []int
	for i, e := range r.list(n, path) {
		k := fmt.Sprintf("%s[%d]", key, i)
		at[k] = r.at(e)
		out = append(out, r.integer(e, fmt.Sprintf("%s[%d]", path, i)))
	}
	return out
}

func (r *reader) number(n *yaml.Node, path string) *number {
	if isNull(n) {
		return nil
	}
	f, at := r.fields(n, path, "value", "source", "year", "note")
	if f == nil {
		return nil
	}
	num := &number{Value: r.float(f["value"], path+".value"), Source: r.str(f["source"], path+".source"),
		Year: r.integer(f["year"], path+".year"), at: at}
	if f["value"] == nil {
		r.add(at[""], path+".value", ErrMissing, "value is required (leave the field out when the figure is unknown)")
	}
	return num
}

// Parse reads a world file from data; name is used in error messages.
// Every problem found is reported, as an ErrorList of *Error.
func Parse(name string, data []byte) (*world.World, error) {
	d, err := parseYAML(name, data)
	if err != nil {
		return nil, err
	}
	return d.finish(name)
}

func (d *document) finish(name string) (*world.World, error) {
	var r errs
	d.validate(&r)
	if err := r.err(); err != nil {
		return nil, err
	}
	return d.build(), nil
}

func parseYAML(name string, data []byte) (*document, error) {
	if line, col, b, bad := invalidUTF8(data); bad {
		return nil, &Error{File: name, Line: line, Column: col, Err: fmt.Errorf(
			"%w: byte 0x%02X (a Latin-1 or Windows-1252 file? save it as UTF-8)", ErrEncoding, b)}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			return nil, &Error{File: name, Err: fmt.Errorf("%w: %v", ErrType, err)}
		}
		line, col := syntaxPos(data, err)
		return nil, &Error{File: name, Line: line, Column: col, Err: fmt.Errorf("%w: %s", ErrSyntax, yamlProblem(err))}
	}
	r := &reader{file: name}
	if root.Kind != yaml.DocumentNode || len(root.Content) == 0 {
		return nil, &Error{File: name, Err: fmt.Errorf("empty world file: %w", ErrMissing)}
	}
	d := r.document(root.Content[0])
	if err := r.err(); err != nil {
		return nil, err
	}
	return d, nil
}

// invalidUTF8 returns the line, column (in characters) and value of the
// first byte of data that is not UTF-8, if any.
func invalidUTF8(data []byte) (line, col int, b byte, bad bool) {
	if utf8.Valid(data) {
		return 0, 0, 0, false
	}
	line, col = 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return line, col, data[i], true
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		col++
		i += n
	}
	return 0, 0, 0, false
}

// yamlProblem is a yaml error's message without its "yaml: line N: "
// prefix, whose line is where the construct began rather than where it
// went wrong.
func yamlProblem(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(s, "line ") {
		if _, rest, ok := strings.Cut(s, ": "); ok {
			return rest
		}
	}
	return s
}

// syntaxPos finds the line and column of the syntax error err in data.
// The yaml package reports only the line where the enclosing construct
// began (the mapping in which a key is badly indented, say), and no
// column; so syntaxPos looks for the shortest prefix of data that fails
// with the same problem: first whole lines, then the characters of the
// last line. A prefix that merely stops early (inside a quoted string)
// fails with another problem and does not count. It parses about
// log2(lines) + log2(line length) prefixes, only on this error path.
func syntaxPos(data []byte, err error) (line, col int) {
	problem := yamlProblem(err)
	fails := func(n int) bool {
		var root yaml.Node
		e := yaml.Unmarshal(data[:n], &root)
		return e != nil && yamlProblem(e) == problem
	}
	var ends []int // the offset after each line's newline
	for i, c := range data {
		if c == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(data) {
		ends = append(ends, len(data))
	}
	l := sort.Search(len(ends), func(i int) bool { return fails(ends[i]) })
	if l == len(ends) {
		return yamlLine(err), 0 // no prefix fails alike: the line yaml gave
	}
	start := 0
	if l > 0 {
		start = ends[l-1]
	}
	text := data[start:ends[l]]
	c := sort.Search(len(text), func(c int) bool { return fails(start + c + 1) })
	if c == len(text) {
		return l + 1, 0
	}
	return l + 1, utf8.RuneCount(text[:c]) + 1
}

// yamlLine pulls the line number out of a yaml syntax error ("yaml: line 3:
// ..."), or returns 0.
func yamlLine(err error) int {
	s := err.Error()
	if i := strings.Index(s, "line "); i >= 0 {
		var n int
		fmt.Sscanf(s[i+5:], "%d", &n)
		return n
	}
	return 0
}

func (r *reader) document(n *yaml.Node) *document {
	f, at := r.fields(n, "", "format", "name", "as_of", "sources", "coverage", "states", "alliances", "systems", "partnerships", "stationing", "relations")
	d := &document{at: at}
	if f == nil {
		return d
	}
	d.Format = r.str(f["format"], "format")
	d.Name = r.str(f["name"], "name")
	d.AsOf = r.date(f["as_of"], "as_of")
	for i, e := range r.list(f["sources"], "sources") {
		p := fmt.Sprintf("sources[%d]", i)
		g, at := r.fields(e, p, "id", "citation", "url")
		d.Sources = append(d.Sources, source{ID: r.str(g["id"], p+".id"), Citation: r.str(g["citation"], p+".citation"),
			URL: r.str(g["url"], p+".url"), at: at})
	}
	for i, e := range r.list(f["coverage"], "coverage") {
		p := fmt.Sprintf("coverage[%d]", i)
		g, at := r.fields(e, p, "family", "source", "note")
		d.Coverage = append(d.Coverage, coverage{Family: r.str(g["family"], p+".family"),
			Source: r.str(g["source"], p+".source"), Note: r.str(g["note"], p+".note"), at: at})
	}
	for i, e := range r.list(f["states"], "states") {
		d.States = append(d.States, r.state(e, fmt.Sprintf("states[%d]", i)))
	}
	for i, e := range r.list(f["alliances"], "alliances") {
		d.Alliances = append(d.Alliances, r.alliance(e, fmt.Sprintf("alliances[%d]", i)))
	}
	for i, e := range r.list(f["systems"], "systems") {
		p := fmt.Sprintf("systems[%d]", i)
		g, at := r.fields(e, p, "id", "name", "hub", "alliances", "note")
		s := system{ID: r.str(g["id"], p+".id"), Name: r.str(g["name"], p+".name"),
			Hub: r.integer(g["hub"], p+".hub"), Note: r.str(g["note"], p+".note"), at: at}
		s.Alliances = r.strings(g["alliances"], p+".alliances", at, "alliances")
		d.Systems = append(d.Systems, s)
	}
	for i, e := range r.list(f["partnerships"], "partnerships") {
		p := fmt.Sprintf("partnerships[%d]", i)
		g, at := r.fields(e, p, "id", "name", "members", "since", "note", "sources")
		ps := partnership{ID: r.str(g["id"], p+".id"), Name: r.str(g["name"], p+".name"),
			Since: r.date(g["since"], p+".since"), Note: r.str(g["note"], p+".note"), at: at}
		ps.Members = r.ints(g["members"], p+".members", at, "members")
		ps.Sources = r.strings(g["sources"], p+".sources", at, "sources")
		d.Partnerships = append(d.Partnerships, ps)
	}
	for i, e := range r.list(f["stationing"], "stationing") {
		p := fmt.Sprintf("stationing[%d]", i)
		g, at := r.fields(e, p, "patron", "host", "troops", "nuclear_sharing", "note", "sources")
		s := stationing{Patron: r.integer(g["patron"], p+".patron"), Host: r.integer(g["host"], p+".host"),
			Troops: r.float(g["troops"], p+".troops"), NuclearSharing: r.boolean(g["nuclear_sharing"], p+".nuclear_sharing"),
			Note: r.str(g["note"], p+".note"), at: at}
		s.Sources = r.strings(g["sources"], p+".sources", at, "sources")
		d.Stationing = append(d.Stationing, s)
	}
	for i, e := range r.list(f["relations"], "relations") {
		d.Relations = append(d.Relations, r.relation(e, fmt.Sprintf("relations[%d]", i)))
	}
	return d
}

func (r *reader) state(n *yaml.Node, p string) state {
	keys := []string{"ccode", "iso3", "abbrev", "name", "major", "capital", "region", "regime", "nuclear", "note", "figures", "sources"}
	for _, nf := range numberFields {
		keys = append(keys, nf.key)
	}
	g, at := r.fields(n, p, keys...)
	s := state{CCode: r.integer(g["ccode"], p+".ccode"), ISO3: r.str(g["iso3"], p+".iso3"),
		Abbrev: r.str(g["abbrev"], p+".abbrev"), Name: r.str(g["name"], p+".name"),
		Region: r.str(g["region"], p+".region"), Regime: r.str(g["regime"], p+".regime"),
		Nuclear: r.str(g["nuclear"], p+".nuclear"), Major: r.boolean(g["major"], p+".major"), Lat: math.NaN(), Lon: math.NaN(),
		Numbers: map[string]*number{}, at: at}
	if g["ccode"] == nil && g != nil {
		r.add(at[""], p+".ccode", ErrMissing, "ccode is required")
	}
	if c := g["capital"]; !isNull(c) {
		cf, cat := r.fields(c, p+".capital", "name", "lat", "lon")
		s.Capital = r.str(cf["name"], p+".capital.name")
		s.Lat = r.float(cf["lat"], p+".capital.lat")
		s.Lon = r.float(cf["lon"], p+".capital.lon")
		for k, v := range cat {
			if k != "" {
				at["capital."+k] = v
			}
		}
	}
	for _, nf := range numberFields {
		if num := r.number(g[nf.key], p+"."+nf.key); num != nil {
			s.Numbers[nf.key] = num
		}
	}
	for i, e := range r.list(g["figures"], p+".figures") {
		q := fmt.Sprintf("%s.figures[%d]", p, i)
		ff, fat := r.fields(e, q, "field", "value", "source", "year", "estimate")
		fg := figure{Field: r.str(ff["field"], q+".field"), Value: r.float(ff["value"], q+".value"),
			Source: r.str(ff["source"], q+".source"), Year: r.integer(ff["year"], q+".year"),
			Estimate: r.boolean(ff["estimate"], q+".estimate"), at: fat}
		if ff != nil && ff["value"] == nil {
			r.add(fat[""], q+".value", ErrMissing, "value is required (leave the figure out when it is unknown)")
		}
		s.Figures = append(s.Figures, fg)
	}
	s.Note = r.str(g["note"], p+".note")
	s.Sources = r.strings(g["sources"], p+".sources", at, "sources")
	return s
}

func (r *reader) alliance(n *yaml.Node, p string) alliance {
	g, at := r.fields(n, p, "id", "name", "formal", "obligations", "treaty", "key_article",
		"structure", "hub", "start", "end", "members", "suspensions", "sources")
	a := alliance{ID: r.str(g["id"], p+".id"), Name: r.str(g["name"], p+".name"),
		Formal: r.boolean(g["formal"], p+".formal"), Treaty: r.str(g["treaty"], p+".treaty"),
		KeyArticle: r.str(g["key_article"], p+".key_article"), Structure: r.str(g["structure"], p+".structure"),
		Hub: r.integer(g["hub"], p+".hub"), Start: r.date(g["start"], p+".start"),
		End: r.date(g["end"], p+".end"), at: at}
	if g != nil && g["formal"] == nil {
		r.add(at[""], p+".formal", ErrMissing, "formal is required (true for a treaty, false for a tacit alliance)")
	}
	a.Obligations = r.strings(g["obligations"], p+".obligations", at, "obligations")
	for j, e := range r.list(g["members"], p+".members") {
		q := fmt.Sprintf("%s.members[%d]", p, j)
		mf, mat := r.fields(e, q, "ccode", "joined", "left", "obligations", "status")
		m := member{CCode: r.integer(mf["ccode"], q+".ccode"), Joined: r.date(mf["joined"], q+".joined"),
			Left: r.date(mf["left"], q+".left"), at: mat}
		m.Obligations = r.strings(mf["obligations"], q+".obligations", mat, "obligations")
		for k, se := range r.list(mf["status"], q+".status") {
			sp := fmt.Sprintf("%s.status[%d]", q, k)
			sf, sat := r.fields(se, sp, "status", "from", "to", "note", "sources")
			st := status{Status: r.str(sf["status"], sp+".status"), From: r.date(sf["from"], sp+".from"),
				To: r.date(sf["to"], sp+".to"), Note: r.str(sf["note"], sp+".note"), at: sat}
			st.Sources = r.strings(sf["sources"], sp+".sources", sat, "sources")
			m.Status = append(m.Status, st)
		}
		a.Members = append(a.Members, m)
	}
	for j, e := range r.list(g["suspensions"], p+".suspensions") {
		q := fmt.Sprintf("%s.suspensions[%d]", p, j)
		sf, sat := r.fields(e, q, "states", "from", "to", "note", "sources")
		su := suspension{From: r.date(sf["from"], q+".from"), To: r.date(sf["to"], q+".to"),
			Note: r.str(sf["note"], q+".note"), at: sat}
		if st := r.ints(sf["states"], q+".states", sat, "states"); len(st) == 2 {
			su.States = [2]int{st[0], st[1]}
		} else if sf != nil {
			r.add(where(sat, "states"), q+".states", ErrType, "want two ccodes, found %d", len(st))
		}
		su.Sources = r.strings(sf["sources"], q+".sources", sat, "sources")
		a.Suspensions = append(a.Suspensions, su)
	}
	a.Sources = r.strings(g["sources"], p+".sources", at, "sources")
	return a
}

func (r *reader) relation(n *yaml.Node, p string) relation {
	g, at := r.fields(n, p, "states", "contiguity", "hostility", "hostility_ab", "hostility_ba", "rivalry", "war", "territorial", "rationale", "sources")
	rel := relation{Contiguity: world.ContiguityMissing, at: at}
	st := r.ints(g["states"], p+".states", at, "states")
	if len(st) != 2 {
		if g != nil {
			r.add(where(at, "states"), p+".states", ErrType, "want two ccodes, found %d", len(st))
		}
	} else {
		rel.States = [2]int{st[0], st[1]}
	}
	if c := g["contiguity"]; !isNull(c) {
		rel.Contiguity = r.integer(c, p+".contiguity")
	}
	rel.Hostility = r.number(g["hostility"], p+".hostility")
	rel.HostilityAB = r.number(g["hostility_ab"], p+".hostility_ab")
	rel.HostilityBA = r.number(g["hostility_ba"], p+".hostility_ba")
	rel.Rivalry = r.boolean(g["rivalry"], p+".rivalry")
	rel.War = r.boolean(g["war"], p+".war")
	rel.Territorial = r.boolean(g["territorial"], p+".territorial")
	rel.Rationale = r.str(g["rationale"], p+".rationale")
	rel.Sources = r.strings(g["sources"], p+".sources", at, "sources")
	return rel
}
