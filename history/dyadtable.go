package history

import (
	"slices"
)

// DyadKey packs an ordered pair of ccodes (a, b) into one sortable word:
// a in the high 16 bits, b in the low 16.
type DyadKey uint32

// Key returns the DyadKey of (a, b), for ccodes in 0..65535 (COW codes
// run to 999); a code outside that range wraps onto another key.
func Key(a, b int) DyadKey { return DyadKey(uint32(a)<<16 | uint32(b)&0xffff) }

// A returns the first ccode of k.
func (k DyadKey) A() int { return int(k >> 16) }

// B returns the second ccode of k.
func (k DyadKey) B() int { return int(k & 0xffff) }

// DyadTable is a read-only table of dyad-years: for each year of its span,
// the dyads that have a value, sorted by DyadKey, beside their values.
// A directed table keys (a, b) as given; an undirected one stores each
// dyad once with a < b and normalises lookups, so Get(y, a, b) equals
// Get(y, b, a).
//
// Lookups do not allocate: Get is a binary search within one year, and
// Year returns views into the table's storage, which callers must not
// modify.
type DyadTable[T any] struct {
	first, last int
	directed    bool
	off         []int32 // rows of year first+i are keys[off[i]:off[i+1]]
	keys        []DyadKey
	vals        []T
}

// Span returns the first and last year the table covers. A year inside
// the span with no row for a dyad means the source records no value for
// it (for contiguity: not contiguous); outside the span nothing is known.
func (t *DyadTable[T]) Span() (first, last int) { return t.first, t.last }

// Covers reports whether y lies in the table's span.
func (t *DyadTable[T]) Covers(y int) bool { return t != nil && y >= t.first && y <= t.last }

// Directed reports whether the table distinguishes (a, b) from (b, a).
func (t *DyadTable[T]) Directed() bool { return t.directed }

// Len returns the number of dyad-years stored.
func (t *DyadTable[T]) Len() int { return len(t.keys) }

// Year returns the dyads of year y in key order and their values; both
// are empty outside the span.
func (t *DyadTable[T]) Year(y int) ([]DyadKey, []T) {
	if !t.Covers(y) {
		return nil, nil
	}
	i := y - t.first
	lo, hi := t.off[i], t.off[i+1]
	return t.keys[lo:hi:hi], t.vals[lo:hi:hi]
}

// Get returns the value of dyad (a, b) in year y, and whether there is one.
func (t *DyadTable[T]) Get(y, a, b int) (T, bool) {
	var zero T
	if !t.Covers(y) {
		return zero, false
	}
	if uint(a) > 0xffff || uint(b) > 0xffff {
		return zero, false // no such key; Key would wrap it onto another
	}
	if !t.directed && a > b {
		a, b = b, a
	}
	k := Key(a, b)
	i := y - t.first
	lo, hi := int(t.off[i]), int(t.off[i+1])
	keys := t.keys[lo:hi]
	// Hand-rolled search: sort.Search's closure costs more than the
	// comparisons on this path, which the panel builder takes millions of
	// times.
	l, h := 0, len(keys)
	for l < h {
		m := int(uint(l+h) >> 1)
		if keys[m] < k {
			l = m + 1
		} else {
			h = m
		}
	}
	if l < len(keys) && keys[l] == k {
		return t.vals[lo+l], true
	}
	return zero, false
}

// dyadRow is one input row of a table under construction.
type dyadRow[T any] struct {
	year int
	key  DyadKey
	val  T
}

// buildDyadTable sorts rows by year and key into a table spanning
// [first, last]. Rows outside the span are dropped. For an undirected
// table each key is normalised to a < b. Rows with the same year and key
// are combined with merge(kept, next), in input order.
func buildDyadTable[T any](first, last int, directed bool, rows []dyadRow[T], merge func(a, b T) T) *DyadTable[T] {
	n := last - first + 1
	t := &DyadTable[T]{first: first, last: last, directed: directed, off: make([]int32, n+1)}
	for i := range rows {
		r := &rows[i]
		if !directed && r.key.A() > r.key.B() {
			r.key = Key(r.key.B(), r.key.A())
		}
		if r.year >= first && r.year <= last {
			t.off[r.year-first+1]++
		}
	}
	for i := 1; i <= n; i++ {
		t.off[i] += t.off[i-1]
	}
	// Counting sort by year, stable, then sort each year by key.
	keys := make([]DyadKey, t.off[n])
	vals := make([]T, t.off[n])
	next := append([]int32(nil), t.off[:n]...)
	for _, r := range rows {
		if r.year < first || r.year > last {
			continue
		}
		j := next[r.year-first]
		keys[j], vals[j] = r.key, r.val
		next[r.year-first]++
	}
	var perm []int32
	var tmpK []DyadKey
	var tmpV []T
	out := 0
	for i := 0; i < n; i++ {
		lo, hi := int(t.off[i]), int(t.off[i+1])
		ks, vs := keys[lo:hi], vals[lo:hi]
		if !slices.IsSorted(ks) {
			perm = perm[:0]
			for j := range ks {
				perm = append(perm, int32(j))
			}
			slices.SortStableFunc(perm, func(x, y int32) int {
				switch {
				case ks[x] < ks[y]:
					return -1
				case ks[x] > ks[y]:
					return 1
				}
				return 0
			})
			tmpK = append(tmpK[:0], ks...)
			tmpV = append(tmpV[:0], vs...)
			for j, p := range perm {
				ks[j], vs[j] = tmpK[p], tmpV[p]
			}
		}
		// Compact in place, merging duplicates.
		t.off[i] = int32(out)
		for j := range ks {
			if out > int(t.off[i]) && keys[out-1] == ks[j] {
				vals[out-1] = merge(vals[out-1], vs[j])
				continue
			}
			keys[out], vals[out] = ks[j], vs[j]
			out++
		}
	}
	t.off[n] = int32(out)
	t.keys, t.vals = keys[:out:out], vals[:out:out]
	return t
}
