package table

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

type row struct {
	code int
	name string
	v    string
}

func readAll(t *testing.T, src string, opts Options) ([]row, error) {
	t.Helper()
	r, err := New("test.csv", strings.NewReader(src), opts)
	if err != nil {
		return nil, err
	}
	var out []row
	for r.Next() {
		x := row{code: r.Int("code"), name: r.String("name"), v: r.Value("v").String()}
		if r.Err() != nil {
			break
		}
		out = append(out, x)
	}
	return out, r.Err()
}

func TestDialects(t *testing.T) {
	want := "[{2 United States 1.5} {200 United Kingdom NA}]"
	tests := []struct {
		name string
		src  string
		opts Options
	}{
		{"LF", "code,name,v\n2,United States,1.5\n200,\"United Kingdom\",-9\n", COW},
		{"CRLF no final newline", "code,name,v\r\n2,United States,1.5\r\n200,United Kingdom,-9", COW},
		{"CR only", "code,name,v\r2,United States,1.5\r200,United Kingdom,-9\r", COW},
		{"BOM", "\xEF\xBB\xBFcode,name,v\n2,United States,1.5\n200,United Kingdom,\n", Options{}},
		{"space missing", "code,name,v\n2,United States,1.5\n200,United Kingdom, \n", Options{Missing: []string{" "}}},
		{"semicolon decimal comma", "code;name;v\n2;United States;1,5\n200;United Kingdom;\n", Options{Comma: ';', DecimalComma: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := readAll(t, tc.src, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.ReplaceAll(strings.TrimSpace(fmtRows(rows)), "\n", " "); got != want {
				t.Fatalf("got %s, want %s", got, want)
			}
		})
	}
}

func fmtRows(rs []row) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("{%d %s %s}", r.code, r.name, r.v)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

func TestDecimalCommaRejectsPoint(t *testing.T) {
	_, err := readAll(t, "code;name;v\n2;United States;1.5\n", Options{Comma: ';', DecimalComma: true})
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || pe.Column != 3 || !errors.Is(err, ErrSyntax) {
		t.Fatalf("err = %v; want a syntax error at line 2, column 3", err)
	}
}

func TestLatin1(t *testing.T) {
	src := "code,name,v\n380,G\xf6teborg,1\n"
	rows, err := readAll(t, src, Options{Latin1: true})
	if err != nil {
		t.Fatal(err)
	}
	if rows[0].name != "Göteborg" {
		t.Fatalf("name = %q, want Göteborg", rows[0].name)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    error
		line    int
		column  int
		message string
	}{
		{"bad int", "code,name,v\n2,a,1\nx2,b,1\n", ErrSyntax, 3, 1, `test.csv:3:1: field "code": invalid value: expected an integer, found "x2"`},
		{"bad float", "code,name,v\n2,a,1..5\n", ErrSyntax, 2, 3, `test.csv:2:3: field "v"`},
		{"missing int", "code,name,v\n-9,a,1\n", ErrMissingValue, 2, 1, "missing value"},
		{"field count", "code,name,v\n2,a\n", ErrFieldCount, 2, 0, "expected 3 fields, found \"2 fields\""},
		{"missing column", "code,name\n2,a\n", ErrMissingColumn, 1, 0, `field "v"`},
		{"bad quote", "code,name,v\n2,\"a,1\n", ErrCSV, 2, 8, "malformed CSV"}, // csv's byte column
		{"NaN is not a number", "code,name,v\n2,a,NaN\n", ErrSyntax, 2, 3, "found \"NaN\""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readAll(t, tc.src, COW)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want a *ParseError", err)
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
			if pe.Line != tc.line || pe.Column != tc.column {
				t.Errorf("at %d:%d, want %d:%d", pe.Line, pe.Column, tc.line, tc.column)
			}
			if !strings.Contains(err.Error(), tc.message) {
				t.Errorf("message %q does not contain %q", err.Error(), tc.message)
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	_, err := New("empty.csv", strings.NewReader(""), Options{})
	if err == nil {
		t.Fatal("no error for an empty file")
	}
}

// TestFlags checks the two readings of a 0/1 column: Flag reports a
// missing cell as unknown, Bool as an error at that cell.
func TestFlags(t *testing.T) {
	tests := []struct {
		cell       string
		on, known  bool
		boolErr    error
		flagErrors bool
	}{
		{"1", true, true, nil, false},
		{"0", false, true, nil, false},
		{"-9", false, false, ErrMissingValue, false},
		{"", false, false, ErrMissingValue, false},
		{"2", false, false, ErrRange, true},
		{"yes", false, false, ErrSyntax, true},
	}
	for _, tc := range tests {
		read := func() *Reader {
			r, err := New("f.csv", strings.NewReader("code,f\n2,"+tc.cell+"\n"), COW)
			if err != nil || !r.Next() {
				t.Fatalf("%q: %v %v", tc.cell, err, r.Err())
			}
			return r
		}
		r := read()
		on, known := r.Flag("f")
		if on != tc.on || known != tc.known || (r.Err() != nil) != tc.flagErrors {
			t.Errorf("Flag(%q): got %v, %v, err %v; want %v, %v, error %v", tc.cell, on, known, r.Err(), tc.on, tc.known, tc.flagErrors)
		}
		r = read()
		on = r.Bool("f")
		var pe *ParseError
		if on != tc.on || !errors.Is(r.Err(), tc.boolErr) || tc.boolErr != nil && (!errors.As(r.Err(), &pe) || pe.Line != 2 || pe.Column != 2 || pe.Field != "f") {
			t.Errorf("Bool(%q): got %v, err %v; want %v, err %v at 2:2 field f", tc.cell, on, r.Err(), tc.on, tc.boolErr)
		}
	}
}
