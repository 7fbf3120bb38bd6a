package worldfile

import (
	"errors"
	"strings"
	"testing"

	"github.com/entente/entente/world"
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
		{"directed hostility out of range", "hostility: {value: 0, source: s, year: 2024}\n", "hostility: {value: 0, source: s, year: 2024}\n    hostility_ba: {value: 1.5, source: s, year: 2024}\n", ErrRange,
			"t.yaml:26:27: relations[0].hostility_ba.value: 1.5 out of range [0, 1]"},
		{"directed hostility not a number", "hostility: {value: 0, source: s, year: 2024}\n", "hostility: {value: 0, source: s, year: 2024}\n    hostility_ab: {value: high, source: s, year: 2024}\n", ErrType,
			"t.yaml:26:27: relations[0].hostility_ab.value: want a number"},
		{"directed hostility without a source", "hostility: {value: 0, source: s, year: 2024}\n", "hostility: {value: 0, source: s, year: 2024}\n    hostility_ab: {value: 0.2, year: 2024}\n", ErrMissing,
			"t.yaml:26:19: relations[0].hostility_ab.source: every number needs a source"},
		{"directed hostility without the pair's", "    hostility: {value: 0, source: s, year: 2024}\n", "    hostility_ab: {value: 0.2, source: s, year: 2024}\n", ErrMissing,
			"t.yaml:25:19: relations[0].hostility: hostility_ab needs hostility"},
		{"directed hostility misspelt", "hostility: {value: 0, source: s, year: 2024}\n", "hostility: {value: 0, source: s, year: 2024}\n    hostility_to: {value: 0.2, source: s, year: 2024}\n", ErrUnknownField,
			"t.yaml:26:5: relations[0].hostility_to: unknown field \"hostility_to\""},
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
		{"stationing in an unknown state", "relations:\n", "stationing:\n  - {patron: 2, host: 21, troops: 100, sources: [s]}\nrelations:\n", ErrUnknownRef,
			"t.yaml:24:23: stationing[0].host: unknown state 21"},
		{"negative troops", "relations:\n", "stationing:\n  - {patron: 2, host: 20, troops: -5, sources: [s]}\nrelations:\n", ErrRange,
			"t.yaml:24:35: stationing[0].troops: troops -5: want 0 or more"},
		{"stationing in itself", "relations:\n", "stationing:\n  - {patron: 2, host: 2, sources: [s]}\nrelations:\n", ErrRange,
			"t.yaml:24:23: stationing[0].host: a state does not station forces in itself"},
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

// TestParseDirectedHostility checks that hostility_ab and hostility_ba are
// read in the order the file lists the states, whatever the ccode order,
// and that a direction not coded apart falls back to the pair's hostility.
func TestParseDirectedHostility(t *testing.T) {
	for _, tc := range []struct {
		name, states string
		ab, ba       string // hostility_ab and hostility_ba lines, "" for none
		usa, can     float64
	}{
		{"both, in ccode order", "[2, 20]", "0.6", "0.2", 0.6, 0.2},
		{"both, listed in reverse", "[20, 2]", "0.6", "0.2", 0.2, 0.6},
		{"one direction", "[20, 2]", "0.7", "", 0.4, 0.7},
		{"none", "[2, 20]", "", "", 0.4, 0.4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rel := "    hostility: {value: 0.4, source: s, year: 2024}\n"
			if tc.ab != "" {
				rel += "    hostility_ab: {value: " + tc.ab + ", source: s, year: 2024}\n"
			}
			if tc.ba != "" {
				rel += "    hostility_ba: {value: " + tc.ba + ", source: s, year: 2024}\n"
			}
			src := strings.Replace(base, "  - states: [2, 20]\n    hostility: {value: 0, source: s, year: 2024}\n",
				"  - states: "+tc.states+"\n"+rel, 1)
			w, err := Parse("t.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			r := w.Relation(2, 20)
			if got := r.HostilityFrom(2).Float(); got != tc.usa {
				t.Errorf("hostility of the United States toward Canada %v, want %v", got, tc.usa)
			}
			if got := r.HostilityFrom(20).Float(); got != tc.can {
				t.Errorf("hostility of Canada toward the United States %v, want %v", got, tc.can)
			}
			if r.Hostility.Float() != 0.4 {
				t.Errorf("the pair's hostility %v, want 0.4", r.Hostility)
			}
			if (r.Toward != nil) != (tc.ab != "" || tc.ba != "") {
				t.Errorf("Toward %v, want it set only for a directed coding", r.Toward)
			}
			// The world round-trips through YAML and CSV with its directions.
			var buf strings.Builder
			if err := Write(&buf, w); err != nil {
				t.Fatal(err)
			}
			back, err := Parse("back.yaml", []byte(buf.String()))
			if err != nil {
				t.Fatalf("%v\n%s", err, buf.String())
			}
			dir := t.TempDir()
			if err := Export(dir, w); err != nil {
				t.Fatal(err)
			}
			csvBack, err := Import(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range []*world.World{back, csvBack} {
				rb := b.Relation(2, 20)
				if rb.HostilityFrom(2) != r.HostilityFrom(2) || rb.HostilityFrom(20) != r.HostilityFrom(20) {
					t.Errorf("after a round trip %v/%v, want %v/%v", rb.HostilityFrom(2), rb.HostilityFrom(20), r.HostilityFrom(2), r.HostilityFrom(20))
				}
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
