package world

import (
	"math"
	"sync"
	"testing"
)

func capitalsWorld() *World {
	w := &World{Year: 1900, States: []State{NewState(220, "France"), NewState(2, "United States"), NewState(200, "United Kingdom"), NewState(255, "Germany")},
		Coverage: []Coverage{{Family: FamilyContiguity, Covered: true}}}
	w.States[0].Capital = Capital{Name: "Paris", Lat: 48.86, Lon: 2.35}
	w.States[1].Capital = Capital{Name: "Washington", Lat: 38.9, Lon: -77.04}
	w.States[2].Capital = Capital{Name: "London", Lat: 51.51, Lon: -0.13}
	w.States[3].Capital = Capital{Name: "Berlin", Lat: Missing(), Lon: 13.4}
	w.SetRelation(Relation{Dyad: Dyad{200, 220}, Contiguity: 2, CapDistKm: Missing()})
	return w
}

// TestRelationIndexed: Relation reads the same with and without Index, and
// RelationAt agrees with it; the capital distance is GreatCircleKm's.
func TestRelationIndexed(t *testing.T) {
	plain := capitalsWorld()
	indexed := capitalsWorld()
	indexed.Index()
	codes := []int{2, 200, 220, 255, 999}
	for _, a := range codes {
		for _, b := range codes {
			got, want := indexed.Relation(a, b), plain.Relation(a, b)
			if got.Contiguity != want.Contiguity || !sameFloat(got.CapDistKm.Float(), want.CapDistKm.Float()) {
				t.Errorf("%d–%d: indexed %+v, plain %+v", a, b, got, want)
			}
			i, j := indexed.Pos(a), indexed.Pos(b)
			if i < 0 || j < 0 || i == j {
				continue
			}
			if at := indexed.RelationAt(i, j); at.Contiguity != got.Contiguity || !sameFloat(at.CapDistKm.Float(), got.CapDistKm.Float()) {
				t.Errorf("RelationAt(%d, %d) = %+v, Relation = %+v", i, j, at, got)
			}
		}
	}
	sa, sb := indexed.State(2).Capital, indexed.State(200).Capital
	if got, want := indexed.Relation(2, 200).CapDistKm, GreatCircleKm(sa.Lat, sa.Lon, sb.Lat, sb.Lon); got != want {
		t.Errorf("capital distance %v, GreatCircleKm %v", got, want)
	}
	if r := indexed.Relation(2, 255); r.CapDistKm.OK() || r.Contiguity != NotContiguous {
		t.Errorf("a missing capital: %+v, want missing distance and contiguity 0", r)
	}
	if r := indexed.Relation(2, 999); r.CapDistKm.OK() || r.Contiguity != ContiguityMissing {
		t.Errorf("a state outside the World: %+v, want everything missing", r)
	}
}

// TestWorldReadsConcurrently: an indexed World is read from many
// goroutines at once (go test -race checks that reads do not write).
func TestWorldReadsConcurrently(t *testing.T) {
	w := capitalsWorld()
	w.Index()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, c := range []int{2, 200, 220, 255} {
				_ = w.Relation(c, 2)
				_ = w.Label(c, ByName)
				_ = w.Allied(c, 2, InYear(1900), AnyObligation)
			}
		}()
	}
	wg.Wait()
}

// TestPosWithoutIndex: Pos scans when no builder called Index, and does not
// build the index itself.
func TestPosWithoutIndex(t *testing.T) {
	w := capitalsWorld()
	if got := w.Pos(200); got != 2 {
		t.Fatalf("Pos(200) = %d, want 2", got)
	}
	if w.index != nil {
		t.Fatalf("Pos built the index")
	}
	if got := w.Pos(999); got != -1 {
		t.Fatalf("Pos(999) = %d, want -1", got)
	}
}

func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// BenchmarkRelationAt reads every dyad of a 200-state indexed World, as a
// threat matrix does.
func BenchmarkRelationAt(b *testing.B) {
	w := &World{Year: 2000, Coverage: []Coverage{{Family: FamilyContiguity, Covered: true}}}
	for i := 0; i < 200; i++ {
		s := NewState(2+i, "")
		s.Capital = Capital{Lat: Value(float64(i%180) - 90), Lon: Value(float64(i%360) - 180)}
		w.States = append(w.States, s)
	}
	for i := 0; i < 200; i += 3 {
		w.SetRelation(Relation{Dyad: Dyad{2 + i, 3 + i}, Contiguity: 1, CapDistKm: Missing()})
	}
	w.Index()
	b.ReportAllocs()
	for b.Loop() {
		var sum float64
		for i := range w.States {
			for j := i + 1; j < len(w.States); j++ {
				sum += w.RelationAt(i, j).CapDistKm.Float()
			}
		}
		if math.IsNaN(sum) {
			b.Fatal("missing distance")
		}
	}
}
