package reliability_test

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/reliability"
	"github.com/entente/entente/world"
)

// bytesIn hands out the fuzzer's bytes as small numbers, zero once spent.
type bytesIn struct{ b []byte }

func (r *bytesIn) next(n int) int {
	if len(r.b) == 0 {
		return 0
	}
	v := int(r.b[0]) % n
	r.b = r.b[1:]
	return v
}

// states are the five states the fuzzed wars and alliances draw from.
var states = []int{2, 200, 220, 255, 365}

func later(d world.Date, years int) world.Date { return world.D(d.Year+years, d.Month, d.Day) }

func (r *bytesIn) date() world.Date {
	return world.D(1900+r.next(20), 1+r.next(12), 1+r.next(28))
}

// wars returns up to four wars of up to three participants a side.
func (r *bytesIn) wars() []world.War {
	var out []world.War
	for id := 1; id <= 1+r.next(4); id++ {
		w := world.War{ID: id, Name: "war", Start: r.date()}
		w.End = later(w.Start, r.next(5))
		for side := range 2 {
			for range 1 + r.next(3) {
				p := world.Participant{State: states[r.next(len(states))], Entered: r.date(),
					Initiator: r.next(2) == 1, Joiner: r.next(2) == 1}
				p.Left = later(p.Entered, r.next(4))
				w.Sides[side] = append(w.Sides[side], p)
			}
		}
		out = append(out, w)
	}
	return out
}

func (r *bytesIn) spell() world.Spell {
	s := world.Spell{Start: world.D(1890+r.next(30), 1+r.next(12), 1+r.next(28))}
	if r.next(3) > 0 {
		s.End = later(s.Start, r.next(30))
	}
	return s
}

// FuzzRates builds wars, COW spells and ATOP memberships (obligations and
// conditions included) from the fuzzer's bytes and scores them under both
// rules: no panic; every row's members and verdict consistent; every
// rate's Honoured ≤ N with lo ≤ rate ≤ hi in [0, 1]; the summaries
// encode as JSON.
//
//	go test -run '^$' -fuzz FuzzRates -fuzztime 2m ./reliability
func FuzzRates(f *testing.F) {
	f.Add([]byte{1, 0, 1, 2, 3, 1, 4, 5, 1, 0, 2, 2, 9, 7, 1, 1, 3, 5, 2, 1, 0, 4, 0, 0, 1, 1, 1})
	f.Add([]byte("the Entente and the Central Powers in 1914, more or less"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r := &bytesIn{b}
		wars := r.wars()
		var spells []reliability.COWSpell
		var members []atop.Member
		for id := 1; id <= 1+r.next(3); id++ {
			for range 2 + r.next(3) {
				c := states[r.next(len(states))]
				sp := r.spell()
				spells = append(spells, reliability.COWSpell{ID: id, CCode: c, Spell: sp})
				m := atop.Member{ATOPID: 1000 + id, CCode: c, Entry: sp.Start, Exit: sp.End,
					Phase: r.next(2), Obligations: world.Obligations(r.next(64))}
				m.Defense = atop.Trigger{Conditional: r.next(2) == 1, Adversary: r.next(2) == 1,
					Location: r.next(2) == 1, NonProvoked: r.next(2) == 1, Attack: r.next(2) == 1}
				m.Offense = atop.Trigger{Conditional: r.next(2) == 1, Conflict: r.next(2) == 1}
				m.Neutrality = atop.Trigger{Conditional: r.next(2) == 1, Demand: r.next(2) == 1}
				members = append(members, m)
			}
		}
		name := func(int) string { return "" }
		naive := reliability.NaiveRows(wars, spells, name)
		llm := reliability.LLMRows(wars, members, name)
		for _, row := range append(append([]reliability.Row(nil), naive...), llm...) {
			if row.Member == row.Ally {
				t.Fatalf("%s row of %s: member %d is its own ally", row.Rule, row.Alliance, row.Member)
			}
			if row.Reason == "" {
				t.Fatalf("%s row without a reason: %+v", row.Rule, row)
			}
		}
		for _, rule := range []string{"naive", "llm"} {
			for _, by := range []string{"", "type", "era", "alliance"} {
				s, err := reliability.Summarize(naive, llm, rule, 1816, 2016, by, true)
				if err != nil {
					t.Fatal(err)
				}
				for _, rt := range append(append([]reliability.Rate(nil), s.Overall...), s.Groups...) {
					if rt.Honoured < 0 || rt.Honoured > rt.N || rt.N == 0 {
						t.Fatalf("rate %+v", rt)
					}
					if !(0 <= rt.Lo && rt.Lo <= rt.Rate && rt.Rate <= rt.Hi && rt.Hi <= 1) || math.IsNaN(rt.Rate) {
						t.Fatalf("interval %+v", rt)
					}
				}
				if _, err := json.Marshal(s); err != nil {
					t.Fatalf("summary JSON: %v", err)
				}
			}
		}
	})
}

// The Wilson interval holds its rate, exactly 1 or 0 included (at k = n
// the upper bound rounded to 1 − 2⁻⁵³ before; FuzzRates found it).
func TestWilsonHoldsRate(t *testing.T) {
	for n := 1; n <= 500; n++ {
		for _, k := range []int{0, n / 3, n / 2, n - 1, n} {
			p, lo, hi := reliability.Wilson(k, n)
			if !(0 <= lo && lo <= p && p <= hi && hi <= 1) {
				t.Fatalf("Wilson(%d, %d) = %v in [%v, %v]", k, n, p, lo, hi)
			}
		}
	}
}
