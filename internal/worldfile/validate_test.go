package worldfile

import (
	"errors"
	"strings"
	"testing"
)

// base is a small valid world file; the cases below break one thing each.
const base = `format: entente/v1
name: test
as_of: 2024-12-31
sources:
  - id: s
    citation: a source
states:
  - ccode: 2
    iso3: USA
    name: United States
    gdp_usd: {value: 29185000000000, source: s, year: 2024}
  - ccode: 20
    iso3: CAN
    name: Canada
alliances:
  - id: nato
    formal: true
    obligations: [defense]
    start: 1949-04-04
    members:
      - {ccode: 2, joined: 1949-08-24}
      - {ccode: 20, joined: 1949-08-24}
relations:
  - states: [2, 20]
    hostility: {value: 0, source: s, year: 2024}
`

func TestParseValid(t *testing.T) {
	w, err := Parse("base.yaml", []byte(base))
	if err != nil {
		t.Fatal(err)
	}
	if len(w.States) != 2 || len(w.Alliances) != 1 || w.Alliances[0].ID != "world:nato" {
		t.Errorf("got %d states, alliances %+v", len(w.States), w.Alliances)
	}
	if !w.States[1].GDP.IsMissing() {
		t.Errorf("Canada's GDP is %v, want missing (not in the file)", w.States[1].GDP)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		sentinel error
		want     string // file:line:col: field: start of message
	}{
		{"wrong type", "  - ccode: 20\n", "  - ccode: twenty\n", ErrType,
			"t.yaml:12:12: states[1].ccode: want an integer, found a string \"twenty\""},
		{"wrong type number", "value: 29185000000000", "value: lots", ErrType,
			"t.yaml:11:22: states[0].gdp_usd.value: want a number"},
		{"not a number", "value: 29185000000000", "value: .nan", ErrType,
			"t.yaml:11:22: states[0].gdp_usd.value: want a finite number (null when missing), found \".nan\""},
		{"infinite", "value: 29185000000000", "value: -.inf", ErrType,
			"t.yaml:11:22: states[0].gdp_usd.value: want a finite number (null when missing), found \"-.inf\""},
		{"unknown field", "    iso3: CAN\n", "    iso: CAN\n", ErrUnknownField,
			"t.yaml:13:5: states[1].iso: unknown field \"iso\""},
		{"unknown member", "{ccode: 20, joined", "{ccode: 21, joined", ErrUnknownRef,
			"t.yaml:22:17: alliances[0].members[1].ccode: unknown state 21"},
		{"duplicate code", "  - ccode: 20\n", "  - ccode: 2\n", ErrDuplicate,
			"t.yaml:12:12: states[1].ccode: duplicate ccode 2"},
		{"duplicate member", "{ccode: 20, joined", "{ccode: 2, joined", ErrDuplicate,
			"t.yaml:22:17: alliances[0].members[1].ccode: state 2 listed twice"},
		{"bad date", "{ccode: 20, joined: 1949-08-24}", "{ccode: 20, joined: 1949-02-30}", ErrDate,
			"t.yaml:22:29: alliances[0].members[1].joined: date 1949-02-30: day 30 out of range"},
		{"end before start", "{ccode: 20, joined: 1949-08-24}", "{ccode: 20, joined: 2004-03-29, left: 1999-01-01}", ErrOrder,
			"t.yaml:22:47: alliances[0].members[1].left: end 1999-01-01 before start 2004-03-29"},
		{"alliance end before start", "    start: 1949-04-04\n", "    start: 1949-04-04\n    end: 1948-01-01\n", ErrOrder,
			"t.yaml:20:10: alliances[0].end: end 1948-01-01 before start 1949-04-04"},
		{"joined before the alliance", "{ccode: 20, joined: 1949-08-24}", "{ccode: 20, joined: 1940-01-01}", ErrOrder,
			"t.yaml:22:29: alliances[0].members[1].joined: joined 1940-01-01 before the alliance began 1949-04-04"},
		{"unknown obligation", "[defense]", "[defence]", ErrRange,
			"t.yaml:18:19: alliances[0].obligations[0]: unknown obligation \"defence\""},
		{"unknown source", "source: s, year: 2024}\n  - ccode: 20", "source: imf, year: 2024}\n  - ccode: 20", ErrUnknownRef,
			"t.yaml:11:46: states[0].gdp_usd.source: unknown source \"imf\""},
		{"number without year", "source: s, year: 2024}\n  - ccode: 20", "source: s}\n  - ccode: 20", ErrMissing,
			"t.yaml:11:14: states[0].gdp_usd.year: every number needs the year"},
		{"share out of range", "hostility: {value: 0,", "hostility: {value: 2,", ErrRange,
			"t.yaml:25:24: relations[0].hostility.value: 2 out of range [0, 1]"},
		{"no obligations", "    obligations: [defense]\n", "", ErrMissing,
			"t.yaml:16:5: alliances[0].obligations: obligations are required"},
		{"duplicate iso3", "    iso3: CAN\n", "    iso3: USA\n", ErrDuplicate,
			"t.yaml:13:11: states[1].iso3: duplicate iso3 \"USA\""},
		{"system names an unknown alliance", "relations:\n", "systems:\n  - {id: west, name: West, alliances: [natto]}\nrelations:\n", ErrUnknownRef,
			"t.yaml:24:40: systems[0].alliances[0]: unknown alliance \"natto\""},
		{"format version", "format: entente/v1", "format: entente/v9", ErrFormat,
			"t.yaml:1:9: format: format \"entente/v9\", want \"entente/v1\""},
		{"relation to itself", "states: [2, 20]", "states: [2, 2]", ErrRange,
			"t.yaml:24:13: relations[0].states: a relation joins two different states"},
		{"unknown status", "{ccode: 20, joined: 1949-08-24}", "{ccode: 20, joined: 1949-08-24, status: [{status: frozn, from: 2024-02-22, sources: [s]}]}", ErrRange,
			"t.yaml:22:59: alliances[0].members[1].status[0].status: status \"frozn\": want active, frozen or suspended"},
		{"status without a source", "{ccode: 20, joined: 1949-08-24}", "{ccode: 20, joined: 1949-08-24, status: [{status: frozen, from: 2024-02-22}]}", ErrMissing,
			"t.yaml:22:50: alliances[0].members[1].status[0].sources: a status needs a source"},
		{"status before joining", "{ccode: 20, joined: 1949-08-24}", "{ccode: 20, joined: 1949-08-24, status: [{status: frozen, from: 1940-01-01, sources: [s]}]}", ErrOrder,
			"t.yaml:22:73: alliances[0].members[1].status[0].from: from 1940-01-01 before the member joined 1949-08-24"},
		{"status ends before it starts", "{ccode: 20, joined: 1949-08-24}", "{ccode: 20, joined: 1949-08-24, status: [{status: suspended, from: 2011-11-12, to: 2011-01-01, sources: [s]}]}", ErrOrder,
			"t.yaml:22:92: alliances[0].members[1].status[0].to: end 2011-01-01 before start 2011-11-12"},
		{"suspension of a non-member", "      - {ccode: 20, joined: 1949-08-24}\n", "      - {ccode: 20, joined: 1949-08-24}\n    suspensions:\n      - {states: [2, 21], from: 1986-08-11, sources: [s]}\n", ErrUnknownRef,
			"t.yaml:24:22: alliances[0].suspensions[0].states[1]: state 21 is not a member of the alliance"},
		{"suspension without a date", "      - {ccode: 20, joined: 1949-08-24}\n", "      - {ccode: 20, joined: 1949-08-24}\n    suspensions:\n      - {states: [2, 20], sources: [s]}\n", ErrMissing,
			"t.yaml:24:9: alliances[0].suspensions[0].from: from is required"},
		{"suspension of one state", "      - {ccode: 20, joined: 1949-08-24}\n", "      - {ccode: 20, joined: 1949-08-24}\n    suspensions:\n      - {states: [2], from: 1986-08-11, sources: [s]}\n", ErrType,
			"t.yaml:24:18: alliances[0].suspensions[0].states: want two ccodes, found 1"},
		{"figure of an unknown field", "    name: Canada\n", "    name: Canada\n    figures:\n      - {field: milex, value: 1.3, source: s, year: 2024}\n", ErrRange,
			"t.yaml:16:17: states[1].figures[0].field: field \"milex\": want one of the state's figures"},
		{"figure out of range", "    name: Canada\n", "    name: Canada\n    figures:\n      - {field: milex_share_gdp, value: 130, source: s, year: 2024}\n", ErrRange,
			"t.yaml:16:41: states[1].figures[0].value: 130 out of range [0, 100]"},
		{"figure given twice", "    name: Canada\n", "    name: Canada\n    figures:\n      - {field: milex_share_gdp, value: 1.3, source: s, year: 2024}\n      - {field: milex_share_gdp, value: 1.4, source: s, year: 2024}\n", ErrDuplicate,
			"t.yaml:17:17: states[1].figures[1]: milex_share_gdp from s for 2024 given twice"},
		{"figure without a value", "    name: Canada\n", "    name: Canada\n    figures:\n      - {field: milex_share_gdp, source: s, year: 2024}\n", ErrMissing,
			"t.yaml:16:9: states[1].figures[0].value: value is required"},
		{"unknown coverage family", "states:\n", "coverage:\n  - {family: borders, source: s}\nstates:\n", ErrRange,
			"t.yaml:8:14: coverage[0].family: family \"borders\": want one of [contiguity]"},
		{"coverage without a source", "states:\n", "coverage:\n  - {family: contiguity}\nstates:\n", ErrMissing,
			"t.yaml:8:5: coverage[0].source: a source is required"},
		{"list where a mapping belongs", "  - {ccode: 2, joined: 1949-08-24}\n", "  - [2, 1949-08-24]\n", ErrType,
			"t.yaml:21:9: alliances[0].members[0]: want a mapping, found a list"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(base, tc.old) {
				t.Fatalf("test case: %q not in the base file", tc.old)
			}
			src := strings.Replace(base, tc.old, tc.new, 1)
			_, err := Parse("t.yaml", []byte(src))
			if err == nil {
				t.Fatal("got no error")
			}
			if !errors.Is(err, tc.sentinel) {
				t.Errorf("got %v, want an error matching %v", err, tc.sentinel)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %T, want *Error", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got  %q\nwant %q...", err.Error(), tc.want)
			}
		})
	}
}

// YAML syntax errors and bytes that are not UTF-8 name the line and the
// column where the file goes wrong, with their own sentinel.
func TestParseSyntaxError(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		sentinel  error
		want      string
	}{
		{"unclosed flow sequence", "format: entente/v1\nstates: [\n", ErrSyntax,
			"t.yaml:2:9: YAML syntax error: did not find expected node content"},
		{"colon in a plain value", "format: entente/v1\nname: a: b\n", ErrSyntax,
			"t.yaml:2:8: YAML syntax error: mapping values are not allowed in this context"},
		{"tab indentation", "format: entente/v1\nstates:\n  - ccode: 2\n\tname: x\n", ErrSyntax,
			"t.yaml:4:1: YAML syntax error: found a tab character that violates indentation"},
		// yaml says line 3, where the list began; the key is on line 5.
		{"key indented wrong", "format: entente/v1\nstates:\n  - ccode: 2\n    name: x\n   iso3: USA\n", ErrSyntax,
			"t.yaml:5:4: YAML syntax error: did not find expected '-' indicator"},
		{"unterminated string", "format: entente/v1\nname: \"unterminated\nas_of: 2024-12-31\n", ErrSyntax,
			"t.yaml:2:7: YAML syntax error: found unexpected end of stream"},
		{"stray text", "format: entente/v1\nstates:\n  - ccode: 2\n    name: x\n  bad\n", ErrSyntax,
			"t.yaml:5:3: YAML syntax error: could not find expected ':'"},
		{"extra bracket", "format: entente/v1\nname: [a, b]]\n", ErrSyntax,
			"t.yaml:2:13: YAML syntax error: did not find expected key"},
		{"latin-1 name", "format: entente/v1\nname: Caf\xe9 de la Paix\n", ErrEncoding,
			"t.yaml:2:10: not UTF-8: byte 0xE9"},
		{"latin-1 after UTF-8", "format: entente/v1\nname: \u00e9t\u00e9 \xe9\n", ErrEncoding,
			"t.yaml:2:11: not UTF-8: byte 0xE9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("t.yaml", []byte(tc.src))
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tc.sentinel) || errors.Is(err, ErrType) {
				t.Fatalf("got %v, want an *Error wrapping %v", err, tc.sentinel)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("got  %s\nwant %s", err, tc.want)
			}
		})
	}
}

// FuzzParse checks that no input makes Parse panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(base))
	f.Add([]byte("format: entente/v1\nstates: [\n"))
	f.Add([]byte("relations:\n  - states: [1, 2, 3]\n    hostility: 7\n"))
	f.Add([]byte("alliances:\n  - members: {ccode: x}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := Parse("f.yaml", data)
		if err == nil && w == nil {
			t.Fatal("nil world without an error")
		}
	})
}
