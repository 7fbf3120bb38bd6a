package report

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"
	"unicode/utf8"
)

// Formats lists the output formats Write accepts.
var Formats = []string{"text", "markdown", "json", "html"}

// Write writes r to out in the given format: text, markdown, json or html.
func Write(out io.Writer, r *Report, format string) error {
	var err error
	switch format {
	case "text":
		err = writeText(out, r)
	case "markdown":
		err = writeMarkdown(out, r)
	case "json":
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	case "html":
		err = pageTemplate.Execute(out, r)
	default:
		return fmt.Errorf("unknown report format %q (want %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// errWriter keeps the first write error so the renderers stay readable.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, a ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, a...)
	}
}

// wrap breaks s into lines of at most width runes, at spaces.
func wrap(s string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

func pad(s string, width int, right bool) string {
	n := width - utf8.RuneCountInString(s)
	if n <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", n) + s
	}
	return s + strings.Repeat(" ", n)
}

func writeText(out io.Writer, r *Report) error {
	e := &errWriter{w: out}
	e.printf("%s\n%s\nAs of %s\n", r.Title, strings.Repeat("=", utf8.RuneCountInString(r.Title)), r.AsOf)
	for _, s := range r.Sections {
		e.printf("\n%s\n%s\n", s.Title, strings.Repeat("-", utf8.RuneCountInString(s.Title)))
		for _, p := range s.Paragraphs {
			e.printf("\n%s\n", strings.Join(wrap(p, 78), "\n"))
		}
		for _, t := range s.Tables {
			e.printf("\n")
			textTable(e, t)
		}
		for _, f := range s.Figures {
			e.printf("\n%s\n", strings.Join(wrap("Figure (in the HTML report): "+f.Caption, 78), "\n"))
		}
		for _, n := range s.Notes {
			e.printf("\n%s\n", strings.Join(wrap("Note: "+n, 78), "\n      "))
		}
	}
	return e.err
}

// maxTextWidth is the widest a text column grows in the text format;
// longer cells wrap onto further lines.
const maxTextWidth = 44

func textTable(e *errWriter, t *Table) {
	if t.Caption != "" {
		e.printf("%s\n", t.Caption)
	}
	width := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		width[i] = utf8.RuneCountInString(c.Name)
	}
	cells := make([][][]string, len(t.Rows)) // row, column, line
	for r, row := range t.Rows {
		cells[r] = make([][]string, len(row))
		for i, c := range row {
			s := c.format(t.Columns[i])
			lines := []string{s}
			if !t.Columns[i].numeric() && utf8.RuneCountInString(s) > maxTextWidth {
				lines = wrap(s, maxTextWidth)
			}
			cells[r][i] = lines
			for _, l := range lines {
				width[i] = max(width[i], utf8.RuneCountInString(l))
			}
		}
	}
	line := func(vals []string) {
		parts := make([]string, len(vals))
		for i, v := range vals {
			parts[i] = pad(v, width[i], t.Columns[i].numeric())
		}
		e.printf("  %s\n", strings.TrimRight(strings.Join(parts, "  "), " "))
	}
	head := make([]string, len(t.Columns))
	rule := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		head[i], rule[i] = c.Name, strings.Repeat("-", width[i])
	}
	line(head)
	line(rule)
	for _, row := range cells {
		height := 1
		for _, c := range row {
			height = max(height, len(c))
		}
		for k := 0; k < height; k++ {
			vals := make([]string, len(row))
			for i, c := range row {
				if k < len(c) {
					vals[i] = c[k]
				}
			}
			line(vals)
		}
	}
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`, "<", "&lt;", ">", "&gt;").Replace(s)
}

func writeMarkdown(out io.Writer, r *Report) error {
	e := &errWriter{w: out}
	e.printf("# %s\n\n*As of %s*\n", mdEscape(r.Title), r.AsOf)
	for _, s := range r.Sections {
		e.printf("\n## %s\n", mdEscape(s.Title))
		for _, p := range s.Paragraphs {
			e.printf("\n%s\n", mdEscape(p))
		}
		for _, t := range s.Tables {
			if t.Caption != "" {
				e.printf("\n**%s**\n", mdEscape(t.Caption))
			}
			e.printf("\n|")
			for _, c := range t.Columns {
				e.printf(" %s |", mdEscape(c.Name))
			}
			e.printf("\n|")
			for _, c := range t.Columns {
				if c.numeric() {
					e.printf("---:|")
				} else {
					e.printf("---|")
				}
			}
			e.printf("\n")
			for _, row := range t.Rows {
				e.printf("|")
				for i, c := range row {
					e.printf(" %s |", mdEscape(c.format(t.Columns[i])))
				}
				e.printf("\n")
			}
		}
		for _, f := range s.Figures {
			e.printf("\n*Figure (in the HTML report): %s*\n", mdEscape(f.Caption))
		}
		for _, n := range s.Notes {
			e.printf("\n> %s\n", mdEscape(n))
		}
	}
	return e.err
}

var pageTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"cell": func(c Cell, col Column) string { return c.format(col) },
	"col":  func(t *Table, i int) Column { return t.Columns[i] },
	// svg embeds a figure drawn by entente (netplot escapes every text it
	// draws), never user markup.
	"svg": func(s string) template.HTML { return template.HTML(s) },
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1d2430;background:#fff}
h1{font-size:1.6rem;margin-bottom:0}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #d5dae1;padding-bottom:.2rem}
.asof{color:#5b6573;margin-top:.2rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{padding:.25rem .6rem;border-bottom:1px solid #e6e9ee;vertical-align:top}
th{background:#f3f5f8;text-align:left}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.note{color:#5b6573;font-size:.85rem}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{color:#5b6573;font-size:.85rem}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="asof">As of {{.AsOf}}</p>
{{range .Sections}}<section id="{{.ID}}">
<h2>{{.Title}}</h2>
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}{{range $t := .Tables}}<table>
{{if $t.Caption}}<caption>{{$t.Caption}}</caption>
{{end}}<thead><tr>{{range $t.Columns}}<th{{if .Numeric}} class="n"{{end}}>{{.Name}}</th>{{end}}</tr></thead>
<tbody>
{{range $t.Rows}}<tr>{{range $i, $c := .}}{{$col := col $t $i}}<td{{if $col.Numeric}} class="n"{{end}}>{{cell $c $col}}</td>{{end}}</tr>
{{end}}</tbody>
</table>
{{end}}{{range .Figures}}<figure>{{svg .SVG}}
<figcaption>{{.Caption}}</figcaption></figure>
{{end}}{{range .Notes}}<p class="note">{{.}}</p>
{{end}}</section>
{{end}}</body>
</html>
`))

// Numeric reports whether the column holds numbers (right-aligned).
func (col Column) Numeric() bool { return col.numeric() }
