package worldfile

import (
	"errors"
	"fmt"
	"strings"

	"github.com/entente/entente/world"
)

// Sentinel errors wrapped by Error, for errors.Is.
var (
	ErrType         = errors.New("wrong type")
	ErrUnknownField = errors.New("unknown field")
	ErrMissing      = errors.New("required field missing")
	ErrDuplicate    = errors.New("duplicate")
	ErrUnknownRef   = errors.New("unknown reference")
	ErrDate         = errors.New("bad date")
	ErrOrder        = errors.New("end before start")
	ErrRange        = errors.New("out of range")
	ErrFormat       = errors.New("unsupported format version")
	ErrSyntax       = errors.New("YAML syntax error")
	ErrEncoding     = errors.New("not UTF-8")
)

// Error is one problem in a world file (or in one of its CSV tables): the
// file, the line and column of the offending value, and the field's path in
// the document, such as "alliances[3].members[12].joined".
type Error = world.FieldError

// ErrorList is every problem found in a file, in document order.
type ErrorList []*Error

// maxShown is how many errors ErrorList.Error spells out.
const maxShown = 20

func (l ErrorList) Error() string {
	var lines []string
	for i, e := range l {
		if i == maxShown {
			lines = append(lines, fmt.Sprintf("(and %d more errors)", len(l)-maxShown))
			break
		}
		lines = append(lines, e.Error())
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.Is and errors.As see each error.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// pos is where a value was read: a YAML node, or a CSV cell.
type pos struct {
	file      string
	line, col int
}

// errs collects errors with their positions.
type errs struct{ list ErrorList }

func (r *errs) add(at pos, field string, sentinel error, format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	var err error = sentinel
	if msg != "" {
		err = wrapped{msg, sentinel}
	}
	r.list = append(r.list, &Error{File: at.file, Line: at.line, Column: at.col, Field: field, Err: err})
}

func (r *errs) err() error {
	if len(r.list) == 0 {
		return nil
	}
	return r.list
}

// wrapped is an error with its own message that still matches its sentinel
// under errors.Is.
type wrapped struct {
	msg string
	err error
}

func (w wrapped) Error() string { return w.msg }
func (w wrapped) Unwrap() error { return w.err }
