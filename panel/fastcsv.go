package panel

import (
	"bytes"
	"math"
	"os"
	"strconv"
)

// readNumeric is a fast path for the large all-numeric files (the CShapes
// minimum distances, the ATOP dyad-years): it reads the file whole and
// parses each line's fields as numbers, an empty field as missing (NaN),
// calling row with the fields of each line. It reports ok = false at the
// first irregularity (a different header, a quote, a wrong field count,
// a field that is not a plain number, or row returning false), and the
// caller then reads the file again with its exact, slower reader, which
// reports the error with its line and column.
func readNumeric(path string, header []string, row func(f []float64) bool) (ok bool, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return false, err
	}
	b = bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})
	nl := bytes.IndexByte(b, '\n')
	if nl < 0 {
		return false, nil
	}
	if string(bytes.TrimRight(b[:nl], "\r")) != joinComma(header) {
		return false, nil
	}
	b = b[nl+1:]
	f := make([]float64, len(header))
	for len(b) > 0 {
		end := bytes.IndexByte(b, '\n')
		var line []byte
		if end < 0 {
			line, b = b, nil
		} else {
			line, b = b[:end], b[end+1:]
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if len(line) == 0 {
			if len(b) == 0 {
				break
			}
			return false, nil
		}
		k := 0
		for start := 0; start <= len(line); {
			stop := bytes.IndexByte(line[start:], ',')
			if stop < 0 {
				stop = len(line)
			} else {
				stop += start
			}
			if k >= len(f) {
				return false, nil
			}
			v, ok := parseNumber(line[start:stop])
			if !ok {
				return false, nil
			}
			f[k] = v
			k++
			start = stop + 1
		}
		if k != len(f) || !row(f) {
			return false, nil
		}
	}
	return true, nil
}

func joinComma(s []string) string {
	var b []byte
	for i, x := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, x...)
	}
	return string(b)
}

// parseNumber parses a plain decimal integer quickly and anything else
// with strconv; an empty field is missing (NaN).
func parseNumber(s []byte) (float64, bool) {
	if len(s) == 0 {
		return math.NaN(), true
	}
	neg := false
	i := 0
	if s[0] == '-' {
		neg, i = true, 1
	}
	if i < len(s) && len(s)-i <= 15 {
		n := int64(0)
		j := i
		for ; j < len(s) && s[j] >= '0' && s[j] <= '9'; j++ {
			n = n*10 + int64(s[j]-'0')
		}
		if j == len(s) && j > i {
			if neg {
				n = -n
			}
			return float64(n), true
		}
	}
	for _, c := range s {
		if c == '"' || c == ' ' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(string(s), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}
