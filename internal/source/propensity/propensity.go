// Package propensity reads an alliance-landscape problem (Axelrod & Bennett
// 1993) from two CSV files, an actors file and a propensity matrix, into a
// landscape.Problem: the file reading that the landscape model leaves to
// its callers.
package propensity

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/landscape"
)

// Errors wrapped by the *world.ParseError values Read returns.
var (
	ErrAsymmetric   = errors.New("propensity matrix is not symmetric")
	ErrUnknownActor = errors.New("unknown actor")
	ErrMissingActor = errors.New("missing actor")
	ErrDuplicate    = errors.New("duplicate actor")
)

// Read reads a problem from two CSV files.
//
// The actors file has a header with the columns actor and size, then one
// row per actor; sizes are positive numbers:
//
//	actor,size
//	US,10
//	Rus,10
//
// The propensity file is a square matrix with a header row naming the
// actors and a first column naming them again (its header is free, e.g.
// "actor"). Rows and columns may come in any order but must name exactly
// the actors of the actors file; the diagonal is empty (or 0). The
// propensity used is p_ij = raw_ij − offset (Axelrod & Bennett's inputs
// are often on a scale such as 1..5, with the neutral point subtracted):
//
//	actor,US,Rus
//	US,,2
//	Rus,2,
//
// Every error is a *world.ParseError naming the file, line and column:
// a missing or non-numeric cell, an actor missing from the matrix or not
// in the actors file, a repeated actor, or an asymmetric pair (reported
// at the second of the two cells, with the first's value as expected).
func Read(actorsPath, propensityPath string, offset float64) (*landscape.Problem, error) {
	names, sizes, err := readActors(actorsPath)
	if err != nil {
		return nil, err
	}
	p, err := readPropensity(propensityPath, names, offset)
	if err != nil {
		return nil, err
	}
	pr, err := landscape.New(names, sizes, p)
	if err != nil {
		return nil, fmt.Errorf("%s, %s: %w", actorsPath, propensityPath, err)
	}
	return pr, nil
}

func readActors(path string) ([]string, []float64, error) {
	r, err := table.Open(path, table.Options{})
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	if err := r.Require("actor", "size"); err != nil {
		return nil, nil, err
	}
	var names []string
	var sizes []float64
	seen := map[string]bool{}
	for r.Next() {
		name := r.String("actor")
		size := r.Float("size")
		if r.Err() != nil {
			break
		}
		switch {
		case name == "":
			r.Fail("actor", "an actor name", table.ErrMissingValue)
		case seen[name]:
			r.Fail("actor", "a name not used before", ErrDuplicate)
		case !(size > 0):
			r.Fail("size", "a positive number", table.ErrRange)
		}
		if r.Err() != nil {
			break
		}
		seen[name] = true
		names = append(names, name)
		sizes = append(sizes, size)
	}
	if r.Err() != nil {
		return nil, nil, r.Err()
	}
	if len(names) < 2 {
		return nil, nil, &table.ParseError{File: path, Line: r.Line() + 1, Err: table.ErrFieldCount,
			Expected: "at least two actors", Found: strconv.Itoa(len(names)) + " actors"}
	}
	return names, sizes, nil
}

func readPropensity(path string, names []string, offset float64) ([]float64, error) {
	r, err := table.Open(path, table.Options{})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	n := len(names)
	pos := make(map[string]int, n)
	for i, a := range names {
		pos[a] = i
	}
	hdr := r.Header()
	if len(hdr) == 0 {
		return nil, &table.ParseError{File: path, Line: 1, Err: table.ErrMissingColumn, Expected: "a header naming the actors"}
	}
	first := hdr[0]
	colActor := make([]int, len(hdr)) // header column -> actor
	seenCol := make([]bool, n)
	for c := 1; c < len(hdr); c++ {
		a, ok := pos[hdr[c]]
		switch {
		case !ok:
			return nil, &table.ParseError{File: path, Line: 1, Column: c + 1, Field: hdr[c], Err: ErrUnknownActor,
				Expected: "an actor of the actors file", Found: hdr[c]}
		case seenCol[a]:
			return nil, &table.ParseError{File: path, Line: 1, Column: c + 1, Field: hdr[c], Err: ErrDuplicate,
				Expected: "each actor once", Found: hdr[c]}
		}
		seenCol[a] = true
		colActor[c] = a
	}
	for a, ok := range seenCol {
		if !ok {
			return nil, &table.ParseError{File: path, Line: 1, Err: ErrMissingActor,
				Expected: fmt.Sprintf("a column for actor %q", names[a]), Found: joinHeader(hdr)}
		}
	}
	p := make([]float64, n*n)
	rowLine := make([]int, n)
	for r.Next() {
		name := r.String(first)
		a, ok := pos[name]
		if !ok {
			return nil, r.Fail(first, "an actor of the actors file", ErrUnknownActor)
		}
		if rowLine[a] != 0 {
			return nil, r.Fail(first, fmt.Sprintf("each actor once (%q is also on line %d)", name, rowLine[a]), ErrDuplicate)
		}
		rowLine[a] = r.Line()
		for c := 1; c < len(hdr); c++ {
			b := colActor[c]
			col := hdr[c]
			if a == b {
				if !r.IsMissing(col) && r.Float(col) != 0 {
					return nil, r.Fail(col, "an empty cell or 0 on the diagonal", table.ErrRange)
				}
				continue
			}
			v := r.Float(col)
			if r.Err() != nil {
				return nil, r.Err()
			}
			p[a*n+b] = v - offset
		}
	}
	if r.Err() != nil {
		return nil, r.Err()
	}
	for a, l := range rowLine {
		if l == 0 {
			return nil, &table.ParseError{File: path, Line: r.Line() + 1, Column: 1, Field: first, Err: ErrMissingActor,
				Expected: fmt.Sprintf("a row for actor %q", names[a]), Found: "end of file"}
		}
	}
	colOf := make([]int, n)
	for c := 1; c < len(hdr); c++ {
		colOf[colActor[c]] = c
	}
	// Report an asymmetric pair at the cell read later.
	for a := range n {
		for b := range n {
			if a == b || p[a*n+b] == p[b*n+a] {
				continue
			}
			if rowLine[a] < rowLine[b] || (rowLine[a] == rowLine[b] && a < b) {
				continue
			}
			return nil, &table.ParseError{File: path, Line: rowLine[a], Column: colOf[b] + 1, Field: names[b], Err: ErrAsymmetric,
				Expected: fmt.Sprintf("%s (as in row %s, column %s)", fmtNum(p[b*n+a]+offset), names[b], names[a]),
				Found:    fmtNum(p[a*n+b] + offset)}
		}
	}
	return p, nil
}

func fmtNum(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

func joinHeader(h []string) string {
	s := ""
	for i, x := range h {
		if i > 0 {
			s += ","
		}
		s += x
	}
	return s
}
