package report

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/entente/entente/world"
)

// Kind is the type of a table column.
type Kind string

// Column kinds.
const (
	KindText    Kind = "text"
	KindNumber  Kind = "number"
	KindBool    Kind = "bool"
	KindPercent Kind = "percent" // a number already in percent
)

// Column describes one column of a table.
type Column struct {
	Name   string `json:"name"`
	Kind   Kind   `json:"kind"`
	Digits int    `json:"digits,omitempty"` // decimals shown in text formats
}

// Text, Num, Pct and Bool make columns.
func Text(name string) Column            { return Column{Name: name, Kind: KindText} }
func Num(name string, digits int) Column { return Column{Name: name, Kind: KindNumber, Digits: digits} }
func Pct(name string, digits int) Column {
	return Column{Name: name, Kind: KindPercent, Digits: digits}
}
func Bool(name string) Column { return Column{Name: name, Kind: KindBool} }

// Table is a captioned table. Cells hold strings, numbers (float64, int or
// world.Value; NaN is missing) or booleans; JSON writes numbers as numbers
// and missing as null.
type Table struct {
	Caption string   `json:"caption,omitempty"`
	Columns []Column `json:"columns"`
	Rows    [][]Cell `json:"rows"`
}

// Cell is one table cell.
type Cell struct{ v any }

// MarshalJSON writes a missing number as null.
func (c Cell) MarshalJSON() ([]byte, error) {
	switch v := c.v.(type) {
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return []byte("null"), nil
		}
	case nil:
		return []byte("null"), nil
	}
	return json.Marshal(c.v)
}

// NewTable returns an empty table with the given caption and columns.
func NewTable(caption string, cols ...Column) *Table {
	return &Table{Caption: caption, Columns: cols, Rows: [][]Cell{}}
}

// Add appends a row; values are converted to cells by kind. It panics when
// the number of values differs from the number of columns, a programming
// error.
func (t *Table) Add(values ...any) {
	if len(values) != len(t.Columns) {
		panic(fmt.Sprintf("report: row of %d cells for %d columns", len(values), len(t.Columns)))
	}
	row := make([]Cell, len(values))
	for i, v := range values {
		switch x := v.(type) {
		case world.Value:
			row[i] = Cell{float64(x)}
		case int:
			row[i] = Cell{float64(x)}
		case float64, string, bool, nil:
			row[i] = Cell{x}
		default:
			row[i] = Cell{fmt.Sprint(x)}
		}
	}
	t.Rows = append(t.Rows, row)
}

// format renders a cell for the text formats; missing is "–".
func (c Cell) format(col Column) string {
	switch v := c.v.(type) {
	case nil:
		return "–"
	case string:
		return v
	case bool:
		if v {
			return "yes"
		}
		return "no"
	case float64:
		if math.IsNaN(v) {
			return "–"
		}
		s := strconv.FormatFloat(v, 'f', col.Digits, 64)
		if col.Kind == KindPercent {
			s += "%"
		}
		return s
	}
	return fmt.Sprint(c.v)
}

// numeric reports whether a column is right-aligned.
func (col Column) numeric() bool { return col.Kind == KindNumber || col.Kind == KindPercent }
