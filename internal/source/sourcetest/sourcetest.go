// Package sourcetest holds the checks that the tests of every loader in
// internal/source share: bad input must fail with a *table.ParseError that
// names the file, line, column and field and wraps the right sentinel, and
// no input whatever may panic or fail in any other way.
package sourcetest

import (
	"errors"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/table"
)

// Read reads src as the file name and reports the loader's error.
type Read func(name, src string) error

// Table adapts a reader of an open *table.Reader to a Read: it opens src
// with opts and hands the Reader to read.
func Table(opts table.Options, read func(*table.Reader) error) Read {
	return func(name, src string) error {
		r, err := table.New(name, strings.NewReader(src), opts)
		if err != nil {
			return err
		}
		return read(r)
	}
}

// Bad is one bad input and where the error must point.
type Bad struct {
	Name  string
	Src   string
	Read  Read
	Line  int    // 1-based; the header is line 1
	Col   int    // 1-based; 0 when the error names no column
	Field string // the column's header name; "" when none
	Err   error  // the sentinel the error wraps, e.g. table.ErrRange
}

// File is the name under which CheckBad reads each case.
const File = "bad.csv"

// CheckBad runs each case as a subtest: reading Src as File must fail with
// a *table.ParseError naming File, Line, Col and Field and wrapping Err.
func CheckBad(t *testing.T, cases []Bad) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			err := tc.Read(File, tc.Src)
			var pe *table.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *table.ParseError", err)
			}
			if pe.File != File || pe.Line != tc.Line || pe.Column != tc.Col || pe.Field != tc.Field || !errors.Is(err, tc.Err) {
				t.Fatalf("got %s (file %q line %d col %d field %q), want file %q line %d col %d field %q wrapping %v",
					pe, pe.File, pe.Line, pe.Column, pe.Field, File, tc.Line, tc.Col, tc.Field, tc.Err)
			}
		})
	}
}

// CheckFuzz is the invariant of every loader's fuzz test: reading arbitrary
// bytes returns nil or a *table.ParseError. (A panic fails the fuzz test
// by itself.)
func CheckFuzz(t *testing.T, err error) {
	t.Helper()
	var pe *table.ParseError
	if err != nil && !errors.As(err, &pe) {
		t.Fatalf("got %T %v, want nil or a *table.ParseError", err, err)
	}
}

// Fuzz fuzzes the readers, seeding reads[i] with seeds[i]: an input goes
// to reads[which % len(reads)], which must keep CheckFuzz's invariant.
func Fuzz(f *testing.F, reads []Read, seeds []string) {
	f.Helper()
	for i, src := range seeds {
		f.Add(uint8(i), src)
	}
	f.Fuzz(func(t *testing.T, which uint8, src string) {
		CheckFuzz(t, reads[int(which)%len(reads)]("fuzz.csv", src))
	})
}
