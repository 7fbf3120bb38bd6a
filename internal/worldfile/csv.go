package worldfile

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/entente/entente/internal/outfile"
	"github.com/entente/entente/world"
)

// The CSV tables of a world, one file each in a directory. Lists inside a
// cell (obligations, source ids, partnership members, system alliances) are
// separated by ';'. A missing number is an empty cell. Each state figure
// has three columns: X, X_source and X_year.
var tables = []struct {
	file   string
	header []string
}{
	{"world.csv", []string{"key", "value"}},
	{"sources.csv", []string{"id", "citation", "url"}},
	{"states.csv", stateHeader()},
	{"alliances.csv", []string{"id", "name", "formal", "obligations", "treaty", "key_article", "structure", "hub", "start", "end", "sources"}},
	{"members.csv", []string{"alliance", "ccode", "joined", "left", "obligations"}},
	{"systems.csv", []string{"id", "name", "hub", "alliances", "note"}},
	{"partnerships.csv", []string{"id", "name", "members", "since", "note", "sources"}},
	{"stationing.csv", []string{"patron", "host", "troops", "nuclear_sharing", "note", "sources"}},
	{"relations.csv", []string{"state_a", "state_b", "contiguity", "hostility", "hostility_source", "hostility_year",
		"hostility_ab", "hostility_ab_source", "hostility_ab_year", "hostility_ba", "hostility_ba_source", "hostility_ba_year", "rivalry", "war", "territorial", "rationale", "sources"}},
	{"coverage.csv", []string{"family", "source", "note"}},
	{"figures.csv", []string{"ccode", "field", "value", "source", "year", "estimate"}},
	{"status.csv", []string{"alliance", "ccode", "status", "from", "to", "note", "sources"}},
	{"suspensions.csv", []string{"alliance", "state_a", "state_b", "from", "to", "note", "sources"}},
}

// Tables lists the file names Export writes and Import reads.
func Tables() []string {
	out := make([]string, len(tables))
	for i, t := range tables {
		out[i] = t.file
	}
	return out
}

func stateHeader() []string {
	h := []string{"ccode", "iso3", "abbrev", "name", "major", "capital", "capital_lat", "capital_lon", "region", "regime", "nuclear"}
	for _, nf := range numberFields {
		h = append(h, nf.key, nf.key+"_source", nf.key+"_year")
	}
	return append(h, "note", "sources")
}

func fmtFloat(f float64) string {
	if math.IsNaN(f) {
		return ""
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

func fmtInt(i int) string {
	if i == 0 {
		return ""
	}
	return strconv.Itoa(i)
}

func joinInts(is []int) string {
	s := make([]string, len(is))
	for i, v := range is {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, ";")
}

// Export writes w as CSV tables into dir, creating it if needed.
func Export(dir string, w *world.World) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export world: %w", err)
	}
	d := unbuild(w)
	rows := map[string][][]string{
		"world.csv": {{"format", d.Format}, {"name", d.Name}, {"as_of", d.AsOf.String()}},
	}
	for _, s := range d.Sources {
		rows["sources.csv"] = append(rows["sources.csv"], []string{s.ID, s.Citation, s.URL})
	}
	for _, s := range d.States {
		row := []string{strconv.Itoa(s.CCode), s.ISO3, s.Abbrev, s.Name, strconv.FormatBool(s.Major), s.Capital, fmtFloat(s.Lat), fmtFloat(s.Lon), s.Region, s.Regime, s.Nuclear}
		for _, nf := range numberFields {
			if n := s.Numbers[nf.key]; n.present() {
				row = append(row, fmtFloat(n.Value), n.Source, fmtInt(n.Year))
			} else {
				row = append(row, "", "", "")
			}
		}
		rows["states.csv"] = append(rows["states.csv"], append(row, s.Note, strings.Join(s.Sources, ";")))
		for _, f := range s.Figures {
			rows["figures.csv"] = append(rows["figures.csv"], []string{strconv.Itoa(s.CCode), f.Field,
				fmtFloat(f.Value), f.Source, fmtInt(f.Year), strconv.FormatBool(f.Estimate)})
		}
	}
	for _, c := range d.Coverage {
		rows["coverage.csv"] = append(rows["coverage.csv"], []string{c.Family, c.Source, c.Note})
	}
	for _, a := range d.Alliances {
		rows["alliances.csv"] = append(rows["alliances.csv"], []string{a.ID, a.Name, strconv.FormatBool(a.Formal),
			strings.Join(a.Obligations, ";"), a.Treaty, a.KeyArticle, a.Structure, fmtInt(a.Hub),
			a.Start.String(), a.End.String(), strings.Join(a.Sources, ";")})
		for _, m := range a.Members {
			rows["members.csv"] = append(rows["members.csv"], []string{a.ID, strconv.Itoa(m.CCode),
				m.Joined.String(), m.Left.String(), strings.Join(m.Obligations, ";")})
			for _, st := range m.Status {
				rows["status.csv"] = append(rows["status.csv"], []string{a.ID, strconv.Itoa(m.CCode), st.Status,
					st.From.String(), st.To.String(), st.Note, strings.Join(st.Sources, ";")})
			}
		}
		for _, su := range a.Suspensions {
			rows["suspensions.csv"] = append(rows["suspensions.csv"], []string{a.ID, strconv.Itoa(su.States[0]),
				strconv.Itoa(su.States[1]), su.From.String(), su.To.String(), su.Note, strings.Join(su.Sources, ";")})
		}
	}
	for _, s := range d.Systems {
		rows["systems.csv"] = append(rows["systems.csv"], []string{s.ID, s.Name, fmtInt(s.Hub), strings.Join(s.Alliances, ";"), s.Note})
	}
	for _, p := range d.Partnerships {
		rows["partnerships.csv"] = append(rows["partnerships.csv"], []string{p.ID, p.Name, joinInts(p.Members),
			p.Since.String(), p.Note, strings.Join(p.Sources, ";")})
	}
	for _, s := range d.Stationing {
		troops := ""
		if !math.IsNaN(s.Troops) {
			troops = fmtFloat(s.Troops)
		}
		rows["stationing.csv"] = append(rows["stationing.csv"], []string{strconv.Itoa(s.Patron), strconv.Itoa(s.Host), troops,
			strconv.FormatBool(s.NuclearSharing), s.Note, strings.Join(s.Sources, ";")})
	}
	for _, r := range d.Relations {
		row := []string{strconv.Itoa(r.States[0]), strconv.Itoa(r.States[1]), "", "", "", "", "", "", "", "", "", ""}
		if r.Contiguity != world.ContiguityMissing {
			row[2] = strconv.Itoa(r.Contiguity)
		}
		for i, h := range [3]*number{r.Hostility, r.HostilityAB, r.HostilityBA} {
			if h.present() {
				row[3+3*i], row[4+3*i], row[5+3*i] = fmtFloat(h.Value), h.Source, fmtInt(h.Year)
			}
		}
		rows["relations.csv"] = append(rows["relations.csv"], append(row, strconv.FormatBool(r.Rivalry),
			strconv.FormatBool(r.War), strconv.FormatBool(r.Territorial), r.Rationale, strings.Join(r.Sources, ";")))
	}
	for _, t := range tables {
		if err := writeCSV(filepath.Join(dir, t.file), t.header, rows[t.file]); err != nil {
			return err
		}
	}
	return nil
}

// writeCSV writes one table to a temporary file beside path and renames it
// into place, so a failed export never leaves a truncated table where a
// good one was.
func writeCSV(path string, header []string, rows [][]string) error {
	f, err := outfile.Create(path, ".part-*")
	if err != nil {
		return fmt.Errorf("export world: %w", err)
	}
	cw := csv.NewWriter(f)
	cw.Write(header)
	cw.WriteAll(rows) // flushes
	if err := cw.Error(); err != nil {
		f.Abort()
		return fmt.Errorf("export world: %s: %w", path, err)
	}
	if err := f.Commit(); err != nil {
		return fmt.Errorf("export world: %w", err)
	}
	return nil
}

// cells reads one CSV table into records keyed by column name, checking the
// header; each cell remembers its position.
type cells struct {
	r    *errs
	file string
	cols map[string]int
	rec  []string
	line int
	row  int
}

func (c *cells) pos(col string) pos {
	return pos{c.file, c.line, c.cols[col] + 1}
}

func (c *cells) get(col string) string {
	if i, ok := c.cols[col]; ok && i < len(c.rec) {
		return c.rec[i]
	}
	return ""
}

func (c *cells) at(cols ...string) map[string]pos {
	at := map[string]pos{"": {c.file, c.line, 1}}
	for _, k := range cols {
		at[k] = c.pos(k)
	}
	return at
}

func (c *cells) field(table, col string) string {
	return fmt.Sprintf("%s[%d].%s", table, c.row, col)
}

func (c *cells) int(table, col string) int {
	s := c.get(col)
	if s == "" {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		c.r.add(c.pos(col), c.field(table, col), ErrType, "want an integer, found %q", s)
	}
	return v
}

func (c *cells) float(table, col string) float64 {
	s := c.get(col)
	if s == "" {
		return math.NaN()
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		c.r.add(c.pos(col), c.field(table, col), ErrType, "want a number, found %q", s)
		return math.NaN()
	}
	return v
}

func (c *cells) bool(table, col string) bool {
	s := c.get(col)
	if s == "" {
		return false
	}
	v, err := strconv.ParseBool(s)
	if err != nil {
		c.r.add(c.pos(col), c.field(table, col), ErrType, "want true or false, found %q", s)
	}
	return v
}

func (c *cells) date(table, col string) world.Date {
	s := c.get(col)
	if s == "" {
		return world.Date{}
	}
	d, err := world.ParseDate(s)
	if err != nil {
		c.r.add(c.pos(col), c.field(table, col), ErrDate, "%v", err)
	}
	return d
}

func (c *cells) list(col string) []string {
	s := c.get(col)
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

func (c *cells) listAt(at map[string]pos, col string, key string) []string {
	l := c.list(col)
	for i := range l {
		at[fmt.Sprintf("%s[%d]", key, i)] = c.pos(col)
	}
	return l
}

// number reads the figure in col with its col_source and col_year. An
// empty col is an unknown figure, whose source and year must be empty too,
// as a YAML figure without a value is an error.
func (c *cells) number(table, col string) *number {
	v := c.float(table, col)
	if math.IsNaN(v) {
		if c.get(col) == "" && (c.get(col+"_source") != "" || c.get(col+"_year") != "") {
			c.r.add(c.pos(col), c.field(table, col)+".value", ErrMissing,
				"value is required when %s_source or %s_year is given (leave all three empty when the figure is unknown)", col, col)
		}
		return nil
	}
	return &number{Value: v, Source: c.get(col + "_source"), Year: c.int(table, col+"_year"),
		at: map[string]pos{"": c.pos(col), "value": c.pos(col), "source": c.pos(col + "_source"), "year": c.pos(col + "_year")}}
}

// readTable calls each for every record of dir/file.
//
// It reads with encoding/csv rather than internal/source/table, the
// loaders' reader, on purpose: a world's tables are validated as the YAML
// world file is, so every problem of every table is collected (errs) as an
// *Error carrying the document's field path ("alliances[3].members[12]
// .joined") beside file:line:column, and a CSV world and its YAML give the
// same errors. table stops at the first error of a row, returns a
// *world.ParseError without field paths, and handles the source datasets'
// dialects (latin-1, -9 as missing) that a world's own tables never use.
func readTable(r *errs, dir, file string, header []string, each func(c *cells)) error {
	path := filepath.Join(dir, file)
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && file != "world.csv" && file != "states.csv" {
			return nil // optional table
		}
		return fmt.Errorf("import world: %w", err)
	}
	defer f.Close()
	// Every record must have as many fields as the header (csv's
	// FieldsPerRecord 0): a short or long row is an error, not a row whose
	// last cells go missing or are dropped.
	cr := csv.NewReader(f)
	head, err := cr.Read()
	if err != nil {
		return fmt.Errorf("import world: %s: %w", path, err)
	}
	c := &cells{r: r, file: path, cols: map[string]int{}}
	for i, h := range head {
		if !oneOf(h, header) {
			r.add(pos{path, 1, i + 1}, h, ErrUnknownField, "unknown column %q", h)
		}
		if j, dup := c.cols[h]; dup {
			r.add(pos{path, 1, i + 1}, h, ErrDuplicate, "column %q again (first in column %d)", h, j+1)
			continue
		}
		c.cols[h] = i
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			// csv.ParseError gives the line and column but not the file.
			return fmt.Errorf("import world: %s: %w", path, err)
		}
		c.rec = rec
		c.line, _ = cr.FieldPos(0)
		for i, v := range rec {
			if !utf8.ValidString(v) {
				line, col := cr.FieldPos(i)
				r.add(pos{path, line, col}, head[min(i, len(head)-1)], ErrEncoding,
					"%s (a Latin-1 or Windows-1252 file? save it as UTF-8)", ErrEncoding)
			}
		}
		each(c)
		c.row++
	}
}

// Import reads the CSV tables Export writes from dir and validates them as
// a world file; errors name the table, its line and column.
func Import(dir string) (*world.World, error) {
	var r errs
	d := &document{at: map[string]pos{"": {filepath.Join(dir, "world.csv"), 0, 0}}}
	read := func(file string, each func(c *cells)) error {
		for _, t := range tables {
			if t.file == file {
				return readTable(&r, dir, file, t.header, each)
			}
		}
		panic("worldfile: unknown table " + file)
	}
	steps := []struct {
		file string
		each func(c *cells)
	}{
		{"world.csv", func(c *cells) {
			v := c.get("value")
			switch k := c.get("key"); k {
			case "format":
				d.Format, d.at["format"] = v, c.pos("value")
			case "name":
				d.Name = v
			case "as_of":
				d.AsOf, d.at["as_of"] = c.date("world", "value"), c.pos("value")
			default:
				c.r.add(c.pos("key"), "world."+k, ErrUnknownField, "unknown key %q", k)
			}
		}},
		{"sources.csv", func(c *cells) {
			d.Sources = append(d.Sources, source{ID: c.get("id"), Citation: c.get("citation"), URL: c.get("url"), at: c.at("id", "citation", "url")})
		}},
		{"states.csv", func(c *cells) {
			s := state{CCode: c.int("states", "ccode"), ISO3: c.get("iso3"), Abbrev: c.get("abbrev"), Name: c.get("name"),
				Capital: c.get("capital"), Lat: c.float("states", "capital_lat"), Lon: c.float("states", "capital_lon"),
				Region: c.get("region"), Regime: c.get("regime"), Nuclear: c.get("nuclear"), Major: c.bool("states", "major"), Numbers: map[string]*number{},
				at: c.at("ccode", "iso3", "name", "nuclear")}
			s.at["capital.lat"], s.at["capital.lon"] = c.pos("capital_lat"), c.pos("capital_lon")
			for _, nf := range numberFields {
				if n := c.number("states", nf.key); n != nil {
					s.Numbers[nf.key] = n
				}
			}
			s.Note = c.get("note")
			s.Sources = c.listAt(s.at, "sources", "sources")
			d.States = append(d.States, s)
		}},
		{"alliances.csv", func(c *cells) {
			a := alliance{ID: c.get("id"), Name: c.get("name"), Formal: c.bool("alliances", "formal"),
				Treaty: c.get("treaty"), KeyArticle: c.get("key_article"), Structure: c.get("structure"),
				Hub: c.int("alliances", "hub"), Start: c.date("alliances", "start"), End: c.date("alliances", "end"),
				at: c.at("id", "structure", "hub", "start", "end", "members")}
			if c.get("formal") == "" { // as in YAML: no default either way
				c.r.add(c.pos("formal"), c.field("alliances", "formal"), ErrMissing, "formal is required (true for a treaty, false for a tacit alliance)")
			}
			a.Obligations = c.listAt(a.at, "obligations", "obligations")
			a.Sources = c.listAt(a.at, "sources", "sources")
			d.Alliances = append(d.Alliances, a)
		}},
		{"members.csv", func(c *cells) {
			id := c.get("alliance")
			m := member{CCode: c.int("members", "ccode"), Joined: c.date("members", "joined"), Left: c.date("members", "left"),
				at: c.at("ccode", "joined", "left")}
			m.Obligations = c.listAt(m.at, "obligations", "obligations")
			for i := range d.Alliances {
				if d.Alliances[i].ID == id {
					d.Alliances[i].Members = append(d.Alliances[i].Members, m)
					return
				}
			}
			c.r.add(c.pos("alliance"), c.field("members", "alliance"), ErrUnknownRef, "unknown alliance %q", id)
		}},
		{"systems.csv", func(c *cells) {
			s := system{ID: c.get("id"), Name: c.get("name"), Hub: c.int("systems", "hub"), Note: c.get("note"), at: c.at("id", "hub")}
			s.Alliances = c.listAt(s.at, "alliances", "alliances")
			d.Systems = append(d.Systems, s)
		}},
		{"partnerships.csv", func(c *cells) {
			p := partnership{ID: c.get("id"), Name: c.get("name"), Since: c.date("partnerships", "since"), Note: c.get("note"), at: c.at("id", "members")}
			for i, s := range c.listAt(p.at, "members", "members") {
				v, err := strconv.Atoi(s)
				if err != nil {
					c.r.add(c.pos("members"), fmt.Sprintf("%s[%d]", c.field("partnerships", "members"), i), ErrType, "want an integer, found %q", s)
				}
				p.Members = append(p.Members, v)
			}
			p.Sources = c.listAt(p.at, "sources", "sources")
			d.Partnerships = append(d.Partnerships, p)
		}},
		{"stationing.csv", func(c *cells) {
			s := stationing{Patron: c.int("stationing", "patron"), Host: c.int("stationing", "host"),
				Troops: c.float("stationing", "troops"), NuclearSharing: c.bool("stationing", "nuclear_sharing"),
				Note: c.get("note"), at: c.at("patron", "host", "troops")}
			s.Sources = c.listAt(s.at, "sources", "sources")
			d.Stationing = append(d.Stationing, s)
		}},
		{"relations.csv", func(c *cells) {
			rel := relation{States: [2]int{c.int("relations", "state_a"), c.int("relations", "state_b")},
				Contiguity: world.ContiguityMissing, Hostility: c.number("relations", "hostility"),
				HostilityAB: c.number("relations", "hostility_ab"), HostilityBA: c.number("relations", "hostility_ba"),
				Rivalry: c.bool("relations", "rivalry"), War: c.bool("relations", "war"), Territorial: c.bool("relations", "territorial"),
				Rationale: c.get("rationale"), at: c.at("contiguity")}
			rel.at["states"], rel.at["states[0]"], rel.at["states[1]"] = c.pos("state_a"), c.pos("state_a"), c.pos("state_b")
			rel.at["hostility_ab"], rel.at["hostility_ba"] = c.pos("hostility_ab"), c.pos("hostility_ba")
			if c.get("contiguity") != "" {
				rel.Contiguity = c.int("relations", "contiguity")
			}
			rel.Sources = c.listAt(rel.at, "sources", "sources")
			d.Relations = append(d.Relations, rel)
		}},
		{"coverage.csv", func(c *cells) {
			d.Coverage = append(d.Coverage, coverage{Family: c.get("family"), Source: c.get("source"),
				Note: c.get("note"), at: c.at("family", "source")})
		}},
		{"figures.csv", func(c *cells) {
			cc := c.int("figures", "ccode")
			f := figure{Field: c.get("field"), Value: c.float("figures", "value"), Source: c.get("source"),
				Year: c.int("figures", "year"), Estimate: c.bool("figures", "estimate"), at: c.at("field", "value", "source", "year")}
			if c.get("value") == "" {
				c.r.add(c.pos("value"), c.field("figures", "value"), ErrMissing, "value is required (leave the row out when the figure is unknown)")
			}
			for i := range d.States {
				if d.States[i].CCode == cc {
					d.States[i].Figures = append(d.States[i].Figures, f)
					return
				}
			}
			// Reported with the problems of meaning, after those of the
			// states table that may explain it.
			f.at["ccode"] = c.pos("ccode")
			d.strayFigures = append(d.strayFigures, strayFigure{cc, c.field("figures", "ccode"), f})
		}},
		{"status.csv", func(c *cells) {
			id, cc := c.get("alliance"), c.int("status", "ccode")
			st := status{Status: c.get("status"), From: c.date("status", "from"), To: c.date("status", "to"),
				Note: c.get("note"), at: c.at("status", "from", "to", "sources")}
			st.Sources = c.listAt(st.at, "sources", "sources")
			if m := d.member(id, cc); m != nil {
				m.Status = append(m.Status, st)
				return
			}
			c.r.add(c.pos("ccode"), c.field("status", "ccode"), ErrUnknownRef, "state %d is not a member of alliance %q in members.csv", cc, id)
		}},
		{"suspensions.csv", func(c *cells) {
			id := c.get("alliance")
			su := suspension{States: [2]int{c.int("suspensions", "state_a"), c.int("suspensions", "state_b")},
				From: c.date("suspensions", "from"), To: c.date("suspensions", "to"), Note: c.get("note"),
				at: c.at("from", "to", "sources")}
			su.at["states"], su.at["states[0]"], su.at["states[1]"] = c.pos("state_a"), c.pos("state_a"), c.pos("state_b")
			su.Sources = c.listAt(su.at, "sources", "sources")
			for i := range d.Alliances {
				if d.Alliances[i].ID == id {
					d.Alliances[i].Suspensions = append(d.Alliances[i].Suspensions, su)
					return
				}
			}
			c.r.add(c.pos("alliance"), c.field("suspensions", "alliance"), ErrUnknownRef, "unknown alliance %q", id)
		}},
	}
	for _, s := range steps {
		if err := read(s.file, s.each); err != nil {
			return nil, err
		}
	}
	if err := r.err(); err != nil {
		return nil, err
	}
	return d.finish(dir)
}

// member returns the member ccode of the alliance with the given id, or nil.
func (d *document) member(id string, ccode int) *member {
	for i := range d.Alliances {
		if d.Alliances[i].ID != id {
			continue
		}
		for j := range d.Alliances[i].Members {
			if m := &d.Alliances[i].Members[j]; m.CCode == ccode {
				return m
			}
		}
	}
	return nil
}
