package network

import (
	"math"
	"slices"
	"testing"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/testenv/testhistory"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/world"
)

func openHistory(t testing.TB) *history.History {
	t.Helper()
	return testhistory.Open(t)
}

// Li, Bradshaw, Clary & Cranmer (2017, Science Advances 3(3): e1601895)
// count 8 defence-pact ties in 1900 and 1,115 in 2000. docs/networks.md
// explains each difference below.
func TestDefenceTiesLi2017(t *testing.T) {
	h := openHistory(t)
	const li2000 = 1115
	tests := []struct {
		src          Source
		rule         Rule
		y1900, y2000 int
	}{
		{ATOP, Either, 8, 1104},
		{ATOP, Mutual, 7, 1101}, // Britain's 1899 pledge to Portugal is one-way
		{COW, Mutual, 8, 1129},
		{COW, Either, 9, 1132}, // Romania's defence pledge reaches Italy, Italy's entente does not
	}
	for _, tc := range tests {
		t.Run(string(tc.src)+"/"+string(tc.rule), func(t *testing.T) {
			o := DefaultOptions()
			o.Source, o.Rule = tc.src, tc.rule
			for _, c := range []struct{ y, want int }{{1900, tc.y1900}, {2000, tc.y2000}} {
				n, _, err := FromHistory(h, c.y, o)
				if err != nil {
					t.Fatal(err)
				}
				if got := len(n.Ties); got != c.want {
					t.Errorf("%d: got %d defence ties, want %d", c.y, got, c.want)
				}
			}
			n, _, _ := FromHistory(h, 2000, o)
			if d := math.Abs(float64(len(n.Ties))-li2000) / li2000; d > 0.03 {
				t.Errorf("2000: %d ties, %.1f%% from Li et al.'s %d, want within 3%%", len(n.Ties), 100*d, li2000)
			}
		})
	}
}

// On ATOP defence ties the Cold War system splits into two principal
// blocs, the United States' and the Soviet Union's, every year from 1955
// (the Warsaw Pact) to 1989.
func TestColdWarBlocs(t *testing.T) {
	h := openHistory(t)
	o := DefaultOptions()
	for y := 1955; y <= 1989; y++ {
		n, _, err := FromHistory(h, y, o)
		if err != nil {
			t.Fatal(err)
		}
		p := n.Blocs()
		us, su := p.Of(2), p.Of(365)
		if us < 0 || su < 0 || us == su || max(us, su) > 1 {
			t.Errorf("%d: USA in bloc %d, USSR in bloc %d; want the two principal blocs, apart", y, us, su)
		}
		if sp := n.StructuralPoles(p); sp != 2 {
			t.Errorf("%d: %v structural poles, want 2", y, sp)
		}
		s := n.SignedBlocs()
		if a, b := s.Of(2), s.Of(365); a < 0 || b < 0 || a == b {
			t.Errorf("%d: signed blocs put USA in %d and USSR in %d", y, a, b)
		}
	}
}

func TestBlocsDeterministic(t *testing.T) {
	h := openHistory(t)
	n, _, err := FromHistory(h, 1980, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	a, b := n.Blocs(), n.Blocs()
	if a.Q != b.Q || len(a.Blocs) != len(b.Blocs) {
		t.Fatalf("two runs differ: Q %v and %v", a.Q, b.Q)
	}
	for i := range a.Blocs {
		if !slices.Equal(a.Blocs[i].Members, b.Blocs[i].Members) {
			t.Errorf("bloc %d differs between runs", i)
		}
	}
}

func TestSeries(t *testing.T) {
	h := openHistory(t)
	o := DefaultOptions()
	o.Source = COW
	ys, err := Series(h, 2011, 2014, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(ys) != 4 || !ys[1].Covered || ys[2].Covered || !isMissing(ys[2].Ties) || isMissing(ys[1].Ties) {
		t.Errorf("COW 2011-2014: want 2012 covered and 2013 missing, got %+v", ys)
	}
	if _, err := Series(h, 1700, 1800, o); err == nil {
		t.Error("years before the history: want an error")
	}
	o.Source = Files
	if _, err := Series(h, 1900, 1900, o); err == nil {
		t.Error("world files as a source of history: want an error")
	}
	if _, _, err := FromHistory(h, 2014, DefaultOptions()); err != nil {
		t.Errorf("ATOP 2014: %v", err)
	}
	o.Source = COW
	if _, _, err := FromHistory(h, 2014, o); err == nil {
		t.Error("COW 2014: want an error (outside 1816..2012)")
	}
}

func isMissing(v world.Value) bool { return v.IsMissing() }

// The embedded world's systems keep the shapes the report has always
// shown: the US system in Asia hub-and-spoke, NATO multilateral, Russia's
// alliances mixed.
func TestEmbeddedShapes(t *testing.T) {
	w, err := worldfile.Default()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, s := range SystemShapes(w, w.AsOf) {
		got[s.System.ID] = s.Shape.Reading
	}
	for _, a := range InForce(w, w.AsOf) {
		if a.ID == "world:nato" {
			got["nato"] = MeasureShape(w, w.AsOf, a).Reading
		}
	}
	want := map[string]string{"us-asia-pacific": ReadHubAndSpoke, "nato": ReadMultilateral, "russia": ReadMixed}
	for id, r := range want {
		if got[id] != r {
			t.Errorf("%s reads %q, want %q", id, got[id], r)
		}
	}
}
