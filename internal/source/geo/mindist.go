package geo

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// MinDistRow is one directed dyad-year of the minimum-distance file. Codes
// and year are stored in 16 bits to keep the 952,244 rows at 16 bytes each.
type MinDistRow struct {
	CCode1, CCode2 int16
	Year           int16
	Km             float64 // NaN when the cell is empty
}

// MinDist holds minimum distances sorted by (Year, CCode1, CCode2).
type MinDist struct {
	rows []MinDistRow
}

// Rows returns the rows sorted by year, then ccode1, then ccode2.
func (m *MinDist) Rows() []MinDistRow { return m.rows }

// Km returns the minimum distance in km between a and b in year y, or
// missing when the file has no such dyad-year (outside 1886–2019, or a
// state not in the system that year).
func (m *MinDist) Km(a, b, y int) world.Value {
	key := MinDistRow{CCode1: int16(a), CCode2: int16(b), Year: int16(y)}
	if a != int(key.CCode1) || b != int(key.CCode2) || y != int(key.Year) {
		return world.Missing()
	}
	i, ok := slices.BinarySearchFunc(m.rows, key, compareRows)
	if !ok {
		return world.Missing()
	}
	return world.Value(m.rows[i].Km)
}

func compareRows(x, y MinDistRow) int {
	if x.Year != y.Year {
		return int(x.Year) - int(y.Year)
	}
	if x.CCode1 != y.CCode1 {
		return int(x.CCode1) - int(y.CCode1)
	}
	return int(x.CCode2) - int(y.CCode2)
}

var minDistCols = []string{"ccode1", "ccode2", "year", "mindist"}

// ReadMinDist reads cow_mindist_cshapes2_peacesciencer.csv: columns
// ccode1, ccode2, year and mindist, in any order. Codes must lie in 1..999,
// years in 1800..2100, distances must be non-negative (an empty cell is
// missing), and a directed dyad-year may appear once. Fields are plain
// numbers: the file is read with a parser of its own, which accepts LF or
// CRLF line endings, a byte-order mark and numbers in double quotes, but no
// other CSV quoting.
func ReadMinDist(path string) (*MinDist, error) {
	f, err := table.OpenFile(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := f.ReadAll()
	if err != nil {
		return nil, err
	}
	return parseMinDist(path, b)
}

// ReadMinDistFrom reads the minimum-distance format from src, naming it name
// in errors.
func ReadMinDistFrom(name string, src io.Reader) (*MinDist, error) {
	b, err := io.ReadAll(src)
	if err != nil {
		return nil, err
	}
	return parseMinDist(name, b)
}

type minDistParser struct {
	file string
	b    []byte
	pos  int
	line int
	hdr  []string
	col  [4]int // position of ccode1, ccode2, year, mindist in a row
	// lines records each row's line, kept only when the rows are out of
	// order and must be sorted before duplicates can be found.
	lines []int32
}

func parseMinDist(name string, b []byte) (*MinDist, error) {
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	p := &minDistParser{file: name, b: b}
	if err := p.header(); err != nil {
		return nil, err
	}
	start := p.pos
	rows := make([]MinDistRow, 0, bytes.Count(b[start:], []byte{'\n'})+1)
	rows, sorted, err := p.rows(rows, false)
	if err != nil {
		return nil, err
	}
	if !sorted {
		// Read again, remembering lines, then sort and look for duplicates.
		p.pos, p.line = start, 1
		p.lines = make([]int32, 0, cap(rows))
		if rows, _, err = p.rows(rows[:0], true); err != nil {
			return nil, err
		}
		perm := make([]int32, len(rows))
		for i := range perm {
			perm[i] = int32(i)
		}
		slices.SortStableFunc(perm, func(x, y int32) int { return compareRows(rows[x], rows[y]) })
		sortedRows := make([]MinDistRow, len(rows))
		for i, j := range perm {
			sortedRows[i] = rows[j]
			if i > 0 && compareRows(sortedRows[i-1], sortedRows[i]) == 0 {
				return nil, p.duplicate(int(p.lines[j]), int(p.lines[perm[i-1]]), rows[j])
			}
		}
		rows = sortedRows
	}
	return &MinDist{rows: rows}, nil
}

// nextLine returns the next non-empty line. Lines end at LF, CRLF or a
// lone CR (classic Mac), as in the table reader.
func (p *minDistParser) nextLine() ([]byte, bool) {
	for p.pos < len(p.b) {
		start := p.pos
		ln := p.b[start:]
		p.pos = len(p.b)
		if end := bytes.IndexByte(ln, '\n'); end >= 0 {
			ln, p.pos = ln[:end], start+end+1
		}
		switch i := bytes.IndexByte(ln, '\r'); {
		case i < 0:
		case i == len(ln)-1:
			ln = ln[:i]
		default:
			ln, p.pos = ln[:i], start+i+1
		}
		p.line++
		if len(ln) > 0 {
			return ln, true
		}
	}
	return nil, false
}

func (p *minDistParser) header() error {
	ln, ok := p.nextLine()
	if !ok {
		return &table.ParseError{File: p.file, Line: 1, Err: table.ErrMissingColumn, Expected: "a header line"}
	}
	for i, h := range strings.Split(string(ln), ",") {
		name := strings.TrimSpace(h)
		if len(name) >= 2 && name[0] == '"' && name[len(name)-1] == '"' {
			name = name[1 : len(name)-1]
		}
		if strings.Contains(name, `"`) {
			return &table.ParseError{File: p.file, Line: p.line, Column: i + 1, Err: table.ErrCSV,
				Expected: "a column name, plain or in double quotes", Found: h}
		}
		p.hdr = append(p.hdr, strings.TrimSpace(name))
	}
	for k, name := range minDistCols {
		p.col[k] = slices.Index(p.hdr, name)
		if p.col[k] < 0 {
			return &table.ParseError{File: p.file, Line: p.line, Field: name, Err: table.ErrMissingColumn,
				Expected: strconv.Quote(name), Found: string(ln)}
		}
	}
	return nil
}

// rows parses every data line, appending to out, and reports whether the
// rows came sorted by (year, ccode1, ccode2) without duplicates.
func (p *minDistParser) rows(out []MinDistRow, keepLines bool) ([]MinDistRow, bool, error) {
	sorted := true
	fields := make([][]byte, len(p.hdr))
	for {
		ln, ok := p.nextLine()
		if !ok {
			return out, sorted, nil
		}
		n := 0
		for {
			i := bytes.IndexByte(ln, ',')
			f := ln
			if i >= 0 {
				f = ln[:i]
			}
			if n < len(fields) {
				fields[n] = f
			}
			n++
			if i < 0 {
				break
			}
			ln = ln[i+1:]
		}
		if n != len(p.hdr) {
			return nil, false, &table.ParseError{File: p.file, Line: p.line, Err: table.ErrFieldCount,
				Expected: fmt.Sprintf("%d fields", len(p.hdr)), Found: fmt.Sprintf("%d fields", n)}
		}
		var row MinDistRow
		var v [3]int
		for k, lim := range [3][2]int{{1, 999}, {1, 999}, {1800, 2100}} {
			x, err := p.int(fields[p.col[k]], k, lim[0], lim[1])
			if err != nil {
				return nil, false, err
			}
			v[k] = x
		}
		row.CCode1, row.CCode2, row.Year = int16(v[0]), int16(v[1]), int16(v[2])
		km, err := p.float(fields[p.col[3]])
		if err != nil {
			return nil, false, err
		}
		row.Km = km
		if row.CCode1 == row.CCode2 {
			return nil, false, p.fail(1, fields[p.col[1]], "a state other than ccode1", table.ErrRange)
		}
		if len(out) > 0 {
			switch c := compareRows(out[len(out)-1], row); {
			case c == 0 && sorted:
				return nil, false, p.duplicate(p.line, p.line-1, row)
			case c >= 0:
				sorted = false
			}
		}
		if keepLines {
			p.lines = append(p.lines, int32(p.line))
		}
		out = append(out, row)
	}
}

func (p *minDistParser) duplicate(line, first int, r MinDistRow) error {
	pe := &table.ParseError{File: p.file, Line: line, Column: p.col[1] + 1, Field: "ccode2", Err: table.ErrRange,
		Expected: fmt.Sprintf("one row per directed dyad-year (%d-%d %d is also on line %d)", r.CCode1, r.CCode2, r.Year, first),
		Found:    strconv.Itoa(int(r.CCode2))}
	return pe
}

func (p *minDistParser) fail(k int, found []byte, expected string, err error) error {
	return &table.ParseError{File: p.file, Line: p.line, Column: p.col[k] + 1, Field: minDistCols[k],
		Expected: expected, Found: string(found), Err: err}
}

func unquote(f []byte) []byte {
	f = bytes.TrimSpace(f)
	if len(f) >= 2 && f[0] == '"' && f[len(f)-1] == '"' {
		f = f[1 : len(f)-1]
	}
	return f
}

// int parses a decimal integer in [lo, hi] without allocating.
func (p *minDistParser) int(raw []byte, k, lo, hi int) (int, error) {
	f := unquote(raw)
	if len(f) == 0 {
		return 0, p.fail(k, raw, "an integer", table.ErrMissingValue)
	}
	neg := f[0] == '-'
	digits := f
	if neg || f[0] == '+' {
		digits = f[1:]
	}
	if len(digits) == 0 || len(digits) > 9 {
		return 0, p.fail(k, raw, "an integer", table.ErrSyntax)
	}
	x := 0
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, p.fail(k, raw, "an integer", table.ErrSyntax)
		}
		x = x*10 + int(c-'0')
	}
	if neg {
		x = -x
	}
	if x < lo || x > hi {
		return 0, p.fail(k, raw, fmt.Sprintf("an integer in %d..%d", lo, hi), table.ErrRange)
	}
	return x, nil
}

func (p *minDistParser) float(raw []byte) (float64, error) {
	f := unquote(raw)
	if len(f) == 0 {
		return math.NaN(), nil
	}
	x, err := strconv.ParseFloat(string(f), 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, p.fail(3, raw, "a number or an empty cell", table.ErrSyntax)
	}
	if x < 0 {
		return 0, p.fail(3, raw, "a distance >= 0", table.ErrRange)
	}
	return x, nil
}
