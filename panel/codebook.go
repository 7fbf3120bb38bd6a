package panel

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/entente/entente/internal/dataset"
	"github.com/entente/entente/internal/outfile"
)

// Codebook documents a panel: every column, its meaning, unit, source
// dataset and version, coverage and citation, and how the panel was made.
type Codebook struct {
	Title     string            `json:"title"`
	Unit      string            `json:"unit"` // what one row is
	Command   string            `json:"command,omitempty"`
	From      int               `json:"from"`
	To        int               `json:"to"`
	Options   map[string]string `json:"options,omitempty"`
	Rows      int64             `json:"rows"`
	Columns   []CodebookColumn  `json:"columns"`
	Sources   []CodebookSource  `json:"sources"`
	Notes     []string          `json:"notes,omitempty"`
	Generator string            `json:"generator"`
}

// CodebookColumn is a Column with its source spelled out.
type CodebookColumn struct {
	Column
	Coverage      string `json:"coverage"`
	SourceTitle   string `json:"source_title,omitempty"`
	SourceVersion string `json:"source_version,omitempty"`
	Citation      string `json:"citation,omitempty"`
}

// CodebookSource is one dataset a panel reads.
type CodebookSource struct {
	Name      string   `json:"name"`
	Title     string   `json:"title"`
	Version   string   `json:"version"`
	Publisher string   `json:"publisher"`
	Citations []string `json:"citations"`
	Coverage  string   `json:"coverage,omitempty"`
	Terms     string   `json:"terms,omitempty"`
}

// NewCodebook returns the codebook of columns cols, filling each column's
// source from the dataset catalogue.
func NewCodebook(title, unit string, cols []Column) *Codebook {
	cb := &Codebook{Title: title, Unit: unit, Generator: "entente"}
	seen := map[string]bool{}
	for _, c := range cols {
		cc := CodebookColumn{Column: c, Coverage: coverageText(c)}
		cc.Type = c.Kind.String()
		for _, name := range strings.Split(c.Source, "+") {
			if name == "" {
				continue
			}
			sep := func(s string) string {
				if s == "" {
					return ""
				}
				return s + "; "
			}
			d, ok := dataset.Lookup(name)
			if !ok {
				// TestColumnSourcesInCatalogue keeps this from happening;
				// say so rather than drop the source.
				cc.SourceTitle = sep(cc.SourceTitle) + "dataset " + name + " (not in the catalogue)"
				continue
			}
			cc.SourceTitle = sep(cc.SourceTitle) + d.Title
			cc.SourceVersion = sep(cc.SourceVersion) + d.Version
			cc.Citation = sep(cc.Citation) + d.Citations[0]
			if !seen[name] {
				seen[name] = true
				s := CodebookSource{Name: d.Name, Title: d.Title, Version: d.Version,
					Publisher: d.Publisher, Citations: d.Citations, Terms: d.Terms}
				if d.Coverage != nil {
					s.Coverage = d.Coverage.String()
				}
				cb.Sources = append(cb.Sources, s)
			}
		}
		cb.Columns = append(cb.Columns, cc)
	}
	return cb
}

func coverageText(c Column) string {
	switch {
	case c.From == 0 && c.To == 0:
		return "every year"
	case c.To == 0:
		return fmt.Sprintf("%d on; missing before", c.From)
	}
	return fmt.Sprintf("%d–%d; missing outside", c.From, c.To)
}

// WriteJSON writes cb as indented JSON.
func (cb *Codebook) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(cb)
}

// WriteMarkdown writes cb as a Markdown document.
func (cb *Codebook) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", cb.Title)
	fmt.Fprintf(&b, "One row per %s, %d–%d: %d rows.\n\n", cb.Unit, cb.From, cb.To, cb.Rows)
	if cb.Command != "" {
		fmt.Fprintf(&b, "Made with `%s`.\n\n", cb.Command)
	}
	if len(cb.Options) > 0 {
		b.WriteString("| option | value |\n|---|---|\n")
		for _, k := range sortedKeys(cb.Options) {
			fmt.Fprintf(&b, "| %s | %s |\n", k, mdCell(cb.Options[k]))
		}
		b.WriteString("\n")
	}
	b.WriteString("Missing values are empty cells in CSV and nulls in Parquet; a missing value is never written as 0.\n\n")
	b.WriteString("## Columns\n\n| column | type | meaning | unit | source (version) | coverage |\n|---|---|---|---|---|---|\n")
	for _, c := range cb.Columns {
		src := "entente"
		if c.SourceTitle != "" {
			src = fmt.Sprintf("%s (%s)", c.SourceTitle, c.SourceVersion)
		}
		mean := c.Description
		if c.Missing != "" {
			mean += " Missing: " + c.Missing
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", c.Name, c.Type, mdCell(mean), mdCell(c.Unit), mdCell(src), mdCell(c.Coverage))
	}
	if len(cb.Notes) > 0 {
		b.WriteString("\n## Notes\n\n")
		for _, n := range cb.Notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
	}
	b.WriteString("\n## Sources and citations\n\n")
	for _, s := range cb.Sources {
		fmt.Fprintf(&b, "- **%s**, version %s (%s", s.Title, s.Version, s.Publisher)
		if s.Coverage != "" {
			fmt.Fprintf(&b, "; %s", s.Coverage)
		}
		fmt.Fprintf(&b, ", `%s`). Cite: %s\n", s.Name, strings.Join(s.Citations, " "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// MetadataKey is the Parquet key-value metadata key under which Annotate
// stores the codebook as JSON.
const MetadataKey = "entente.codebook"

// Annotate stores cb in the output of w when its format can hold it: the
// codebook's JSON in the Parquet file's key-value metadata under
// MetadataKey, so that the file documents itself. It is a no-op for CSV.
// Call it after the rows are written and before Close.
func (cb *Codebook) Annotate(w Writer) error {
	if fw, ok := w.(*fileWriter); ok {
		w = fw.Writer
	}
	m, ok := w.(interface{ setMetadata(key, value string) error })
	if !ok {
		return nil
	}
	var b strings.Builder
	if err := cb.WriteJSON(&b); err != nil {
		return err
	}
	return m.setMetadata(MetadataKey, b.String())
}

// WriteFiles writes cb beside the output at path: path.codebook.md and
// path.codebook.json, each under a temporary name (.NAME.tmp*) renamed
// when complete, mode 0644 as the table, so that a killed run leaves the
// old codebook or the new one, never part of one. It returns the two
// paths.
func (cb *Codebook) WriteFiles(path string) ([]string, error) {
	md, js := path+".codebook.md", path+".codebook.json"
	for _, f := range []struct {
		path  string
		write func(io.Writer) error
	}{{md, cb.WriteMarkdown}, {js, cb.WriteJSON}} {
		if err := writeAtomic(f.path, f.write); err != nil {
			return nil, fmt.Errorf("codebook %s: %w", f.path, err)
		}
	}
	return []string{md, js}, nil
}

// writeAtomic runs write on a temporary file beside path and renames it
// to path when write and Close succeed; on error it removes it (package
// outfile).
func writeAtomic(path string, write func(io.Writer) error) error {
	out, err := outfile.Create(path, ".tmp*")
	if err != nil {
		return err
	}
	if err := write(out); err != nil {
		out.Abort()
		return err
	}
	return out.Commit()
}

func mdCell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j] < ks[j-1]; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	return ks
}
