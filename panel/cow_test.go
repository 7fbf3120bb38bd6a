package panel

import (
	"fmt"
	"sort"
	"testing"

	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

type cowKey struct{ id, a, b, y int }

// cowDyadYears is the run of years in which a COW alliance binds two of
// its members, ccode1's pledges toward ccode2.
type cowDyadYears struct {
	ID             int
	CCode1, CCode2 int
	From, To       int         // years, inclusive, within 1816–2012
	Pledges        cow.Pledges // those of CCode1, towards CCode2
}

// expandCOW is the reference expansion of the COW member-level file,
// written independently of history's: for every alliance and every ordered
// pair of membership spells of two different members, the years that both
// spells overlap (world.Spell.Overlaps: the spell began in or before the
// year and had not ended before it began), with the first member's
// pledges. A spell still in force at the end of the data (no end date)
// runs to 2012.
//
// This is the rule COW's directed dyad file follows: expanding
// alliance_v4.1_by_directed.csv by the same rule gives the same
// dyad-years and pledges. It binds two members in a year even when one
// left before the other joined (Germany and West Germany in NATO in 1990).
func expandCOW(members []cow.Member) []cowDyadYears {
	byID := map[int][]cow.Member{}
	var ids []int
	for _, m := range members {
		if _, ok := byID[m.ID]; !ok {
			ids = append(ids, m.ID)
		}
		byID[m.ID] = append(byID[m.ID], m)
	}
	sort.Ints(ids)
	var out []cowDyadYears
	for _, id := range ids {
		ms := byID[id]
		for _, a := range ms {
			for _, b := range ms {
				if a.CCode == b.CCode {
					continue
				}
				fa, ta := years(a.Spell)
				fb, tb := years(b.Spell)
				from, to := max(fa, fb), min(ta, tb)
				if from > to {
					continue
				}
				out = append(out, cowDyadYears{ID: id, CCode1: a.CCode, CCode2: b.CCode, From: from, To: to, Pledges: a.Pledges})
			}
		}
	}
	return out
}

// years returns the years of COW alliance coverage a spell overlaps.
func years(s world.Spell) (from, to int) {
	from, to = max(s.Start.Year, COWAllianceFrom), COWAllianceTo
	if !s.End.IsZero() {
		to = min(to, s.End.Year)
	}
	return from, to
}

// TestCOWExpansion compares the expansion of COW's member-level spells
// (the rule the panel and history follow; TestCOWJoin checks the panel
// against it) with COW's directed dyad file expanded by the same
// year rule, and COW's own yearly member file with the member spells. The
// disagreements are listed in docs/panel.md; the test fails if they change.
func TestCOWExpansion(t *testing.T) {
	t.Parallel()
	members, err := cow.ReadMembers(testenv.File(t, "cow_alliances_v4.1/alliance_v4.1_by_member.csv"))
	if err != nil {
		t.Fatal(err)
	}
	directed, err := cow.ReadDirected(testenv.File(t, "cow_alliances_v4.1/alliance_v4.1_by_directed.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ours := map[cowKey]cow.Pledges{}
	for _, ds := range expandCOW(members) {
		for y := ds.From; y <= ds.To; y++ {
			k := cowKey{ds.ID, ds.CCode1, ds.CCode2, y}
			p := ours[k]
			p.Set |= ds.Pledges.Set
			p.Known |= ds.Pledges.Known
			ours[k] = p
		}
	}
	theirs := map[cowKey]cow.Pledges{}
	for _, d := range directed {
		from, to := years(d.Spell)
		for y := from; y <= to; y++ {
			k := cowKey{d.ID, d.CCode1, d.CCode2, y}
			p := theirs[k]
			p.Set |= d.Pledges.Set
			p.Known |= d.Pledges.Known
			theirs[k] = p
		}
	}
	var onlyOurs, onlyTheirs, pledgeDiff []string
	for k, p := range ours {
		q, ok := theirs[k]
		switch {
		case !ok:
			onlyOurs = append(onlyOurs, fmt.Sprintf("%d:%d-%d:%d", k.id, k.a, k.b, k.y))
		case p != q:
			pledgeDiff = append(pledgeDiff, fmt.Sprintf("%d:%d-%d:%d", k.id, k.a, k.b, k.y))
		}
	}
	for k := range theirs {
		if _, ok := ours[k]; !ok {
			onlyTheirs = append(onlyTheirs, fmt.Sprintf("%d:%d-%d:%d", k.id, k.a, k.b, k.y))
		}
	}
	sort.Strings(onlyOurs)
	sort.Strings(onlyTheirs)
	sort.Strings(pledgeDiff)
	t.Logf("directed dyad-years: %d from member spells, %d from by_directed", len(ours), len(theirs))
	t.Logf("only from member spells (%d): %v", len(onlyOurs), head(onlyOurs))
	t.Logf("only from by_directed (%d): %v", len(onlyTheirs), head(onlyTheirs))
	t.Logf("pledges differ (%d): %v", len(pledgeDiff), head(pledgeDiff))
	if len(onlyOurs) != 0 || len(pledgeDiff) != 0 || len(onlyTheirs) != 0 {
		t.Errorf("the expansion of the member spells departs from by_directed")
	}

	yearly, err := cow.ReadMemberYears(testenv.File(t, "cow_alliances_v4.1/alliance_v4.1_by_member_yearly.csv"))
	if err != nil {
		t.Fatal(err)
	}
	type my struct{ id, c, y int }
	spellYears := map[my]bool{}
	for _, m := range members {
		from, to := years(m.Spell)
		for y := from; y <= to; y++ {
			spellYears[my{m.ID, m.CCode, y}] = true
		}
	}
	fileYears := map[my]bool{}
	for _, m := range yearly {
		fileYears[my{m.ID, m.CCode, m.Year}] = true
	}
	var extraFile, extraSpell []string
	for k := range fileYears {
		if !spellYears[k] {
			extraFile = append(extraFile, fmt.Sprintf("%d:%d:%d", k.id, k.c, k.y))
		}
	}
	for k := range spellYears {
		if !fileYears[k] {
			extraSpell = append(extraSpell, fmt.Sprintf("%d:%d:%d", k.id, k.c, k.y))
		}
	}
	sort.Strings(extraFile)
	sort.Strings(extraSpell)
	t.Logf("member-years: %d from spells, %d in by_member_yearly", len(spellYears), len(fileYears))
	t.Logf("only in by_member_yearly (%d): %v", len(extraFile), head(extraFile))
	t.Logf("only from spells (%d): %v", len(extraSpell), head(extraSpell))
	// COW's yearly file shifts the later spells of members that left and
	// rejoined (see docs/panel.md).
	if len(extraFile) != 61 || len(extraSpell) != 58 {
		t.Errorf("member-years differ from by_member_yearly in new ways: %d and %d, want 61 and 58", len(extraFile), len(extraSpell))
	}
}

func head(s []string) []string {
	if len(s) > 40 {
		return s[:40]
	}
	return s
}

// TestCOWJoin checks every COW pledge of the directed panel against the
// expansion of the member spells, summed over alliances.
func TestCOWJoin(t *testing.T) {
	t.Parallel()
	members, err := cow.ReadMembers(testenv.File(t, "cow_alliances_v4.1/alliance_v4.1_by_member.csv"))
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ a, b, y int }
	set, unk := map[key]world.Obligations{}, map[key]world.Obligations{}
	const four = world.Obligations(world.Defense | world.Neutrality | world.Nonaggression | world.Entente)
	for _, ds := range expandCOW(members) {
		for y := ds.From; y <= ds.To; y++ {
			k := key{ds.CCode1, ds.CCode2, y}
			set[k] |= ds.Pledges.Set
			unk[k] |= four &^ ds.Pledges.Known
		}
	}
	flags := []struct {
		name string
		o    world.Obligation
	}{{"cow_defense", world.Defense}, {"cow_neutrality", world.Neutrality},
		{"cow_nonaggression", world.Nonaggression}, {"cow_entente", world.Entente}}
	opt := Options{From: COWAllianceFrom, To: COWAllianceTo}
	for _, f := range flags {
		opt.Vars = append(opt.Vars, f.name)
	}
	ones, nulls := 0, 0
	build(t, opt, func(b *Batch, col func(string) *Vec) {
		c1, c2 := col("ccode1"), col("ccode2")
		for r := range b.Rows {
			k := key{int(c1.I[r]), int(c2.I[r]), b.Year}
			for _, f := range flags {
				v := col(f.name)
				want := int64(0)
				wantNull := false
				switch {
				case set[k].Has(f.o):
					want = 1
					ones++
				case unk[k].Has(f.o):
					wantNull = true
					nulls++
				}
				if v.IsNull(r) != wantNull || (!wantNull && v.I[r] != want) {
					t.Fatalf("%d %d-%d %s = %d (null %v), want %d (null %v)", b.Year, k.a, k.b, f.name, v.I[r], v.IsNull(r), want, wantNull)
				}
			}
		}
	})
	t.Logf("%d pledges on, %d missing (empty flags in the member file)", ones, nulls)
	if ones == 0 || nulls == 0 {
		t.Errorf("%d pledges on and %d missing: want both", ones, nulls)
	}
}
