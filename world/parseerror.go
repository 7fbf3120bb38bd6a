package world

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors wrapped by ParseError, for errors.Is.
var (
	ErrMissingColumn = errors.New("missing column")
	ErrSyntax        = errors.New("invalid value")
	ErrRange         = errors.New("value out of range")
	ErrMissingValue  = errors.New("missing value")
	ErrFieldCount    = errors.New("wrong number of fields")
	ErrCSV           = errors.New("malformed CSV")
)

// ParseError reports bad input in a data file: the error every loader of
// the module returns for a bad cell, so that callers outside it (of
// history.Open, for instance) can errors.As on it. The loaders' reader,
// internal/source/table, names it table.ParseError.
type ParseError struct {
	File     string // the file's path as given to the reader
	Line     int    // 1-based line; the header is line 1
	Column   int    // 1-based field index, 0 when not known; for ErrCSV, the byte column encoding/csv reports
	Field    string // the column's header name, when known
	Expected string // what was expected, e.g. "an integer"
	Found    string // what was found, quoted as in the file
	Err      error  // one of the sentinel errors, or a cause
}

func (e *ParseError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d", e.File, e.Line)
	if e.Column > 0 {
		fmt.Fprintf(&b, ":%d", e.Column)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, ": field %q", e.Field)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	if e.Expected != "" {
		fmt.Fprintf(&b, ": expected %s", e.Expected)
	}
	if e.Expected != "" || e.Found != "" {
		fmt.Fprintf(&b, ", found %q", e.Found)
	}
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// FieldError is one problem in a structured document (a world file or
// one of its CSV tables, a simulation scenario): the file, the line and
// column of the offending value (0 when not known), and the field's path
// in the document, such as "alliances[3].members[12].joined". Err is a
// sentinel of the reading package, or a cause.
type FieldError struct {
	File   string
	Line   int
	Column int
	Field  string
	Err    error
}

func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *FieldError) Unwrap() error { return e.Err }
