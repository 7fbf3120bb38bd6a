package world

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
)

// Value is a measured quantity that may be missing. Missing is stored as
// NaN, so any arithmetic on a missing Value stays missing instead of
// silently turning into zero. JSON encodes a missing Value as null.
type Value float64

// Missing returns the missing Value.
func Missing() Value { return Value(math.NaN()) }

// Known returns x as a present Value.
func Known(x float64) Value { return Value(x) }

// IsMissing reports whether v is missing.
func (v Value) IsMissing() bool { return math.IsNaN(float64(v)) }

// OK reports whether v is present.
func (v Value) OK() bool { return !math.IsNaN(float64(v)) }

// Float returns v as a float64 (NaN when missing).
func (v Value) Float() float64 { return float64(v) }

// Or returns v, or def when v is missing.
func (v Value) Or(def float64) float64 {
	if v.IsMissing() {
		return def
	}
	return float64(v)
}

// String formats v with the shortest round-trip precision, or "NA".
func (v Value) String() string {
	if v.IsMissing() {
		return "NA"
	}
	return strconv.FormatFloat(float64(v), 'g', -1, 64)
}

// MarshalJSON encodes a missing Value as null.
func (v Value) MarshalJSON() ([]byte, error) {
	if v.IsMissing() {
		return []byte("null"), nil
	}
	f := float64(v)
	if math.IsInf(f, 0) {
		return nil, fmt.Errorf("world: cannot encode infinite value")
	}
	return strconv.AppendFloat(nil, f, 'g', -1, 64), nil
}

// UnmarshalJSON decodes null as missing.
func (v *Value) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*v = Missing()
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	*v = Value(f)
	return nil
}
