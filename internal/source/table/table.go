// Package table reads the CSV files of the real IR datasets, row by row,
// with typed accessors that report bad input exactly.
//
// A file looks like this (COW National Material Capabilities v6.0):
//
//	stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version
//	USA,2,1816,3823,17,80,254,8659,101,0.039697491,2021
//
// The Reader copes with what these files really contain: CRLF or CR-only
// (classic Mac) line endings, no final newline, a UTF-8 byte-order mark,
// latin-1 text, quoted names, and source-specific codes for a missing value
// (COW's -9, SIPRI's single space, blanks). Accessors record the first
// error of a row in the Reader, so a loader reads a row as straight-line
// code and checks Err once:
//
//	for r.Next() {
//		rec := Record{CCode: r.Int("ccode"), CINC: r.Value("cinc")}
//		if r.Err() != nil {
//			break
//		}
//		out = append(out, rec)
//	}
//	return out, r.Err()
//
// Every error is a *ParseError (= *world.ParseError, which callers outside
// the module can name) giving the file, line, column and field, what was
// expected and what was found.
package table

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/entente/entente/world"
)

// Sentinel errors wrapped by ParseError (defined in world, so that callers
// outside the module can name them).
var (
	ErrMissingColumn = world.ErrMissingColumn
	ErrSyntax        = world.ErrSyntax
	ErrRange         = world.ErrRange
	ErrMissingValue  = world.ErrMissingValue
	ErrFieldCount    = world.ErrFieldCount
	ErrCSV           = world.ErrCSV
	// ErrDuplicate: a second row with a key that must be unique.
	ErrDuplicate = errors.New("duplicate key")
)

// ParseError reports bad input in a data file. It is world.ParseError, the
// module's public error type for bad input.
type ParseError = world.ParseError

// Options describe a file's dialect.
type Options struct {
	// Latin1 decodes the file from ISO 8859-1 to UTF-8.
	Latin1 bool
	// Missing lists the cell values that mean "missing" (after trimming
	// spaces, unless the value itself is a space). The empty cell is always
	// missing.
	Missing []string
	// Comma is the field separator; zero means ','. NATO's tables use ';'.
	Comma rune
	// DecimalComma reads numbers written with a decimal comma (1,34652),
	// as in NATO's tables; it needs a Comma other than ','.
	DecimalComma bool
}

// COW is the dialect of the Correlates of War files: -9 is missing.
var COW = Options{Missing: []string{"-9"}}

// Reader reads the rows of one CSV file with a header line.
type Reader struct {
	file    string
	opts    Options
	cr      *csv.Reader
	closer  io.Closer
	source  *File // checked at the end, when Open opened it
	rows    int   // data rows read
	header  []string
	col     map[string]int
	row     []string
	line    int
	err     error
	done    bool
	missing []string // codes besides the empty cell
	next    int      // the column after the last one looked up: loaders read in header order
}

// Open opens the file at path (OpenFile: a regular file, checked against
// its expectation, if any, when Next reaches the end) and reads its header.
func Open(path string, opts Options) (*Reader, error) {
	f, err := OpenFile(path)
	if err != nil {
		return nil, err
	}
	r, err := New(path, f, opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.closer, r.source = f, f
	return r, nil
}

// New reads CSV from src, naming it name in errors, and reads its header.
func New(name string, src io.Reader, opts Options) (*Reader, error) {
	if opts.Latin1 {
		src = charmap.ISO8859_1.NewDecoder().Reader(src)
	}
	br := bufio.NewReaderSize(src, 1<<16)
	if b, err := br.Peek(3); err == nil && bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	cr := csv.NewReader(&crReader{r: br})
	cr.ReuseRecord = true
	if opts.Comma != 0 {
		cr.Comma = opts.Comma
	}
	cr.FieldsPerRecord = -1 // checked against the header in Next
	r := &Reader{file: name, opts: opts, cr: cr, missing: opts.Missing}
	hdr, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{File: name, Line: 1, Err: ErrMissingColumn, Expected: "a header line", Found: ""}
	}
	if err != nil {
		return nil, r.csvError(err)
	}
	r.header = append([]string(nil), hdr...)
	r.col = make(map[string]int, len(hdr))
	for i, h := range r.header {
		h = strings.TrimSpace(h)
		r.header[i] = h
		if _, dup := r.col[h]; !dup {
			r.col[h] = i
		}
	}
	r.line = 1
	return r, nil
}

// Close closes the underlying file, if Open opened it.
func (r *Reader) Close() error {
	if r.closer != nil {
		return r.closer.Close()
	}
	return nil
}

// Header returns the column names.
func (r *Reader) Header() []string { return r.header }

// Has reports whether the header has column name.
func (r *Reader) Has(name string) bool { _, ok := r.col[name]; return ok }

// Require checks that the header has every named column.
func (r *Reader) Require(names ...string) error {
	for _, n := range names {
		if _, ok := r.col[n]; !ok {
			r.err = &ParseError{File: r.file, Line: 1, Field: n, Err: ErrMissingColumn,
				Expected: "column " + strconv.Quote(n), Found: strings.Join(r.header, ",")}
			return r.err
		}
	}
	return nil
}

// Next advances to the next row. It returns false at the end of the file or
// after an error (see Err).
func (r *Reader) Next() bool {
	if r.err != nil || r.done {
		return false
	}
	row, err := r.cr.Read()
	if err == io.EOF {
		r.done = true
		if r.source != nil {
			r.err = r.source.Check(r.rows)
		}
		return false
	}
	if err != nil {
		if errors.Is(err, ErrUnverified) {
			r.err = err
			return false
		}
		r.err = r.csvError(err)
		return false
	}
	r.line, _ = r.cr.FieldPos(0)
	if len(row) != len(r.header) {
		r.err = &ParseError{File: r.file, Line: r.line, Err: ErrFieldCount,
			Expected: fmt.Sprintf("%d fields", len(r.header)), Found: fmt.Sprintf("%d fields", len(row))}
		return false
	}
	r.row = row
	r.rows++
	return true
}

// Err returns the first error met, or nil.
func (r *Reader) Err() error { return r.err }

// Line returns the line of the current row.
func (r *Reader) Line() int { return r.line }

// File returns the name used in errors.
func (r *Reader) File() string { return r.file }

// Fail records an error about column col of the current row (a check the
// loader makes, such as an end before a start) and returns it.
func (r *Reader) Fail(col, expected string, err error) error {
	if r.err == nil {
		r.err = r.errAt(col, expected, err)
	}
	return r.err
}

func (r *Reader) errAt(col, expected string, err error) *ParseError {
	pe := &ParseError{File: r.file, Line: r.line, Field: col, Expected: expected, Err: err}
	if i, ok := r.col[col]; ok {
		pe.Line, pe.Column = r.cr.FieldPos(i)
		pe.Column = i + 1
		if i < len(r.row) {
			pe.Found = r.row[i]
		}
	}
	return pe
}

func (r *Reader) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: r.file, Line: pe.Line, Column: pe.Column, Err: fmt.Errorf("%w: %v", ErrCSV, pe.Err)}
	}
	return &ParseError{File: r.file, Line: r.line + 1, Err: err}
}

// raw returns the cell of column col, or records a missing-column error.
func (r *Reader) raw(col string) (string, bool) {
	if r.err != nil {
		return "", false
	}
	i := r.next
	if i >= len(r.header) || r.header[i] != col {
		var ok bool
		if i, ok = r.col[col]; !ok {
			r.err = &ParseError{File: r.file, Line: 1, Field: col, Err: ErrMissingColumn,
				Expected: "column " + strconv.Quote(col), Found: strings.Join(r.header, ",")}
			return "", false
		}
	}
	r.next = i + 1
	return r.row[i], true
}

// IsMissing reports whether the cell of col holds a missing code.
func (r *Reader) IsMissing(col string) bool {
	s, ok := r.raw(col)
	return ok && r.isMissing(s)
}

func (r *Reader) isMissing(s string) bool {
	if s == "" {
		return true
	}
	for _, m := range r.missing {
		if s == m {
			return true
		}
	}
	t := strings.TrimSpace(s)
	if len(t) == len(s) {
		return false
	}
	if t == "" {
		return true
	}
	for _, m := range r.missing {
		if t == m {
			return true
		}
	}
	return false
}

// String returns the cell of col, trimmed of surrounding spaces, and
// checks that it is valid UTF-8 (a latin-1 byte in a UTF-8 file is an
// ErrSyntax error at its line and column): any text cell may reach output.
func (r *Reader) String(col string) string {
	s, _ := r.raw(col)
	s = strings.TrimSpace(s)
	if r.err == nil && !utf8.ValidString(s) {
		r.err = r.errAt(col, "UTF-8 text", ErrSyntax)
	}
	return s
}

// Text is String.
func (r *Reader) Text(col string) string { return r.String(col) }

// Int returns the cell of col as an integer; a missing or malformed cell is
// an error.
func (r *Reader) Int(col string) int {
	s, ok := r.raw(col)
	if !ok {
		return 0
	}
	if r.isMissing(s) {
		r.err = r.errAt(col, "an integer", ErrMissingValue)
		return 0
	}
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		r.err = r.errAt(col, "an integer", ErrSyntax)
	}
	return v
}

// OptInt returns the cell of col as an integer and true, or 0 and false when
// it holds a missing code. A malformed cell is an error.
func (r *Reader) OptInt(col string) (int, bool) {
	s, ok := r.raw(col)
	if !ok || r.isMissing(s) {
		return 0, false
	}
	v, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		r.err = r.errAt(col, "an integer or a missing code", ErrSyntax)
		return 0, false
	}
	return v, true
}

// IntIn returns the cell of col as an integer in [lo, hi].
func (r *Reader) IntIn(col string, lo, hi int) int {
	v := r.Int(col)
	if r.err == nil && (v < lo || v > hi) {
		r.err = r.errAt(col, fmt.Sprintf("an integer in %d..%d", lo, hi), ErrRange)
	}
	return v
}

// Flag returns a 0/1 cell of col; a missing cell is a missing flag (false,
// false).
func (r *Reader) Flag(col string) (on, known bool) {
	v, ok := r.OptInt(col)
	if !ok {
		return false, false
	}
	if v != 0 && v != 1 {
		r.err = r.errAt(col, "0 or 1", ErrRange)
		return false, false
	}
	return v == 1, true
}

// Bool returns a 0/1 cell of col that must be present: a missing cell is
// an ErrMissingValue error, where Flag reports it as unknown.
func (r *Reader) Bool(col string) bool {
	on, known := r.Flag(col)
	if !known && r.err == nil {
		r.Fail(col, "0 or 1", ErrMissingValue)
	}
	return on
}

// Float returns the cell of col as a number; missing or malformed is an error.
func (r *Reader) Float(col string) float64 {
	s, ok := r.raw(col)
	if !ok {
		return 0
	}
	if r.isMissing(s) {
		r.err = r.errAt(col, "a number", ErrMissingValue)
		return 0
	}
	v, err := r.parseFloat(s)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		r.err = r.errAt(col, "a number", ErrSyntax)
	}
	return v
}

// Value returns the cell of col as a world.Value: missing codes are
// missing, a malformed cell is an error.
func (r *Reader) Value(col string) world.Value {
	s, ok := r.raw(col)
	if !ok || r.isMissing(s) {
		return world.Missing()
	}
	v, err := r.parseFloat(s)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		r.err = r.errAt(col, "a number or a missing code", ErrSyntax)
		return world.Missing()
	}
	return world.Value(v)
}

// parseFloat reads a number in the file's dialect: with DecimalComma the
// decimal separator is ',' and a '.' is an error (NATO's tables use no
// thousands separator, so a '.' means the wrong dialect).
func (r *Reader) parseFloat(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if r.opts.DecimalComma {
		if strings.Contains(s, ".") {
			return 0, ErrSyntax
		}
		s = strings.Replace(s, ",", ".", 1)
	}
	return strconv.ParseFloat(s, 64)
}

// crReader turns lone carriage returns (classic Mac line endings) into line
// feeds; CRLF pairs pass through for encoding/csv to handle.
type crReader struct{ r *bufio.Reader }

func (c *crReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := 0; i < n; i++ {
		if p[i] != '\r' {
			continue
		}
		if i+1 < n {
			if p[i+1] != '\n' {
				p[i] = '\n'
			}
			continue
		}
		// The CR ends the chunk: look at the next byte without consuming it.
		if b, perr := c.r.Peek(1); perr != nil || b[0] != '\n' {
			p[i] = '\n'
		}
	}
	return n, err
}

// ReadFile opens path with opts and hands the Reader to read, closing the
// file after: the one-line body of most loaders.
func ReadFile[T any](path string, opts Options, read func(*Reader) (T, error)) (T, error) {
	r, err := Open(path, opts)
	if err != nil {
		var zero T
		return zero, err
	}
	defer r.Close()
	return read(r)
}

// Decode reads src, named name in errors, with opts and hands the Reader to
// read; loaders' tests and fuzz targets call it on strings.
func Decode[T any](name string, src io.Reader, opts Options, read func(*Reader) (T, error)) (T, error) {
	r, err := New(name, src, opts)
	if err != nil {
		var zero T
		return zero, err
	}
	return read(r)
}
