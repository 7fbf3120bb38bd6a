package panel

import (
	"fmt"
	"math"
)

// Kind is a column's type.
type Kind uint8

const (
	Int    Kind = iota // 64-bit integer
	Float              // 64-bit float
	Bool               // true or false
	String             // UTF-8 text (IDs, names, dates as written)
)

func (k Kind) String() string {
	switch k {
	case Int:
		return "int"
	case Float:
		return "float"
	case Bool:
		return "bool"
	case String:
		return "string"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Column describes one output column for the writers and the codebook.
type Column struct {
	Name        string `json:"name"`
	Kind        Kind   `json:"-"`
	Type        string `json:"type"` // Kind's name, for the codebook
	Description string `json:"description"`
	Unit        string `json:"unit,omitempty"`
	// Source names the dataset (internal/dataset catalogue name) the
	// column comes from; empty for keys computed by entente.
	Source string `json:"source,omitempty"`
	// From and To are the years the column is not missing by construction
	// (inside its source's coverage); zero when it has no limit.
	From int `json:"from,omitempty"`
	To   int `json:"to,omitempty"`
	// Missing says when a value inside coverage is still missing.
	Missing string `json:"missing,omitempty"`
}

// Vec holds one column of a Batch. Int and Bool columns use I (Bool as 0
// or 1) and String columns S, with Null marking missing entries (nil when
// none is missing: an empty string is a value); Float columns use F with
// NaN as missing.
type Vec struct {
	Kind Kind
	I    []int64
	F    []float64
	S    []string
	Null []bool
}

// Len returns the number of entries.
func (v *Vec) Len() int {
	switch v.Kind {
	case Float:
		return len(v.F)
	case String:
		return len(v.S)
	}
	return len(v.I)
}

// IsNull reports whether entry r is missing.
func (v *Vec) IsNull(r int) bool {
	if v.Kind == Float {
		return math.IsNaN(v.F[r])
	}
	return v.Null != nil && v.Null[r]
}

// reset sizes v for n entries of kind k, all present and zero.
func (v *Vec) reset(k Kind, n int) {
	v.Kind = k
	v.Null = nil
	v.S = v.S[:0]
	if k == Float {
		v.F = grow(v.F, n)
		v.I = v.I[:0]
		return
	}
	if k == String {
		v.S = grow(v.S, n)
		v.I, v.F = v.I[:0], v.F[:0]
		return
	}
	v.I = grow(v.I, n)
	v.F = v.F[:0]
}

// SetNull marks entry r missing.
func (v *Vec) SetNull(r int) {
	if v.Kind == Float {
		v.F[r] = math.NaN()
		return
	}
	if v.Null == nil {
		v.Null = make([]bool, v.Len())
	}
	v.Null[r] = true
	if v.Kind == String {
		v.S[r] = ""
		return
	}
	v.I[r] = 0
}

// AllNull marks every entry missing.
func (v *Vec) AllNull() {
	for r := range v.Len() {
		v.SetNull(r)
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, max(n, maxYearRows))
	}
	s = s[:n]
	clear(s)
	return s
}

// Batch is the rows of one year, column by column, in the order of the
// panel's Columns.
type Batch struct {
	Year int
	Rows int
	Cols []Vec

	// Encoded rows prepared by the Writer on the building goroutine.
	prepared bool
	enc, raw []byte
	err      error
}
