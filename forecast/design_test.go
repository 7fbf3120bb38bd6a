package forecast

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/entente/entente/world"
)

func toyState(cc int, cinc float64, major bool) world.State {
	s := world.NewState(cc, fmt.Sprint(cc))
	s.Capability.CINC = world.Value(cinc)
	s.Capability.Milex = world.Value(cinc * 1000)
	s.Capability.Milper = world.Value(cinc * 100)
	s.Major = major
	return s
}

// toyWorld returns the World of y (1999–2002): 200 and 220 border a
// hostile 365 and ally (ATOP, defence) in 2001; 2 and 200 were allied
// (ATOP, consultation) in 1999 only.
func toyWorld(y int) (*world.World, error) {
	if y < 1999 || y > 2002 {
		return nil, fmt.Errorf("no world for %d", y)
	}
	w := &world.World{Year: y, States: []world.State{
		toyState(2, 0.4, true), toyState(200, 0.1, false), toyState(220, 0.1, false), toyState(365, 0.2, false),
	}, Coverage: []world.Coverage{
		{Family: world.FamilyDisputes, Covered: true, From: 1816, To: 2014},
		{Family: world.FamilyContiguity, Covered: true, From: 1816, To: 2016},
		{Family: world.FamilyCapabilities, Covered: true, From: 1816, To: 2016},
		{Family: world.FamilyATOPAlliances, Covered: true, From: 1815, To: 2018},
	}}
	w.Index()
	rel := func(a, b, cont int, km float64) world.Relation {
		r := world.NewRelation(world.MakeDyad(a, b))
		r.Contiguity = cont
		r.CapDistKm = world.Value(km)
		return r
	}
	for _, r := range []world.Relation{
		rel(200, 365, 1, 1000), rel(220, 365, 1, 1000), rel(200, 220, 0, 1500),
		rel(2, 200, 0, 10000), rel(2, 220, 0, 10000), rel(2, 365, 0, 9000),
	} {
		w.SetRelation(r)
	}
	d := func(id, cc int, a bool) world.Dispute {
		return world.Dispute{ID: id, CCode: cc, SideA: a, Start: world.D(1998, 1, 1), End: world.D(1998, 12, 31), HostLev: 4}
	}
	w.Disputes = []world.Dispute{d(1, 365, true), d(1, 200, false), d(1, 220, false)}
	def := world.Obligations(world.Defense)
	sp := world.Spell{Start: world.D(2001, 3, 1), End: world.D(2002, 12, 31)}
	w.Alliances = []world.Alliance{{ID: "atop:1", Obligations: def,
		Members: []world.Member{{CCode: 200, Spell: sp, Obligations: def}, {CCode: 220, Spell: sp, Obligations: def}}}}
	con := world.Obligations(world.Consultation)
	old := world.Spell{Start: world.D(1999, 1, 1), End: world.D(1999, 12, 31)}
	w.Alliances = append(w.Alliances, world.Alliance{ID: "atop:2", Obligations: con,
		Members: []world.Member{{CCode: 2, Spell: old, Obligations: con}, {CCode: 200, Spell: old, Obligations: con}}})
	return w, nil
}

func value(t *testing.T, y *Year, a, b int, name string) float64 {
	t.Helper()
	f := FeatureIndex(name)
	if f < 0 {
		t.Fatalf("no feature %s", name)
	}
	for r := range y.A {
		if y.A[r] == a && y.B[r] == b {
			return y.Cols[f][r]
		}
	}
	t.Fatalf("dyad %d–%d not at risk in %d", a, b, y.Year)
	return 0
}

// TestToyDesign checks the risk set, the outcome, the treaty and each
// kind of feature on a four-state world.
func TestToyDesign(t *testing.T) {
	ds, _, err := Build(context.Background(), toyWorld, []Kind{ATOP, ATOPDefense}, 2000, 2002)
	if err != nil {
		t.Fatal(err)
	}
	d := ds[ATOP]
	if first, last := d.Span(); first != 2000 || last != 2002 {
		t.Fatalf("span %d–%d, want 2000–2002", first, last)
	}
	y01 := d.Find(2001)
	if y01.Rows() != 6 {
		t.Fatalf("2001: %d dyads at risk, want 6", y01.Rows())
	}
	formed := 0
	for r, v := range y01.Y {
		if v {
			formed++
			if y01.A[r] != 200 || y01.B[r] != 220 || y01.Treaty[r] != "atop:1" || y01.TreatySize[r] != 2 {
				t.Errorf("formed %d–%d in %s of %d members, want 200–220 in atop:1 of 2", y01.A[r], y01.B[r], y01.Treaty[r], y01.TreatySize[r])
			}
		}
	}
	if formed != 1 {
		t.Errorf("%d dyads formed in 2001, want 1", formed)
	}
	// 2002: 200–220 allied in 2001, so no longer at risk.
	if y02 := d.Find(2002); y02.Rows() != 5 {
		t.Errorf("2002: %d dyads at risk, want 5", y02.Rows())
	}
	checks := []struct {
		a, b int
		name string
		want float64
	}{
		{200, 365, "land_contiguous", 1},
		{200, 220, "land_contiguous", 0},
		{200, 220, "same_region", 1},
		{2, 200, "same_region", 0},
		{2, 200, "one_major", 1},
		{200, 220, "cap_ratio_log", 0},
		{200, 220, "log_distance", math.Log1p(1500)},
		{200, 220, "common_enemies", 1},
		{200, 220, "fought_together", 1},
		{200, 220, "shared_top_threat", 1},
		{2, 200, "past_alliance", 1},
		{2, 200, "past_recency", math.Exp(-0.1)},
		{200, 220, "past_alliance", 0},
	}
	for _, c := range checks {
		if got := value(t, y01, c.a, c.b, c.name); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("2001 %d–%d %s = %v, want %v", c.a, c.b, c.name, got, c.want)
		}
	}
	// Trade and polity are outside coverage: missing, not zero.
	for _, name := range []string{"trade_log", "shared_igos", "joint_democracy"} {
		if v := value(t, y01, 200, 220, name); !math.IsNaN(v) {
			t.Errorf("%s = %v outside coverage, want missing", name, v)
		}
	}
	// In 2002 the pair 200–220 is allied: 200 and 220 each gained a partner
	// in 2001, which recent_partners_log reads for the dyads around them.
	if v := value(t, ds[ATOP].Find(2002), 2, 200, "recent_partners_log"); v != math.Log1p(1) {
		t.Errorf("recent_partners_log 2002 2–200 = %v, want ln 2", v)
	}
}
