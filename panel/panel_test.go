package panel

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/schema"

	"github.com/entente/entente/history"
	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/geo"
	"github.com/entente/entente/internal/source/mid"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/similarity"
	"github.com/entente/entente/world"
)

// testColumns and testBatch are a tiny hand-made panel with a missing
// value in every kind of column.
var testColumns = []Column{
	{Name: "id", Kind: Int}, {Name: "x", Kind: Float}, {Name: "flag", Kind: Bool},
}

func testBatch() *Batch {
	b := &Batch{Year: 2000, Rows: 3, Cols: make([]Vec, 3)}
	b.Cols[0].reset(Int, 3)
	b.Cols[1].reset(Float, 3)
	b.Cols[2].reset(Bool, 3)
	copy(b.Cols[0].I, []int64{1, 2, 3})
	copy(b.Cols[1].F, []float64{0.5, math.NaN(), 1e-7})
	copy(b.Cols[2].I, []int64{1, 0, 0})
	b.Cols[0].SetNull(1)
	b.Cols[2].SetNull(2)
	return b
}

const wantCSV = "id,x,flag\n1,0.5,1\n,,0\n3,1e-07,\n"

func TestCSVWriter(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	w, err := NewCSV(&buf, testColumns)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Write(testBatch()); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != wantCSV {
		t.Fatalf("got\n%s\nwant\n%s", got, wantCSV)
	}
}

// TestStringColumn writes text that needs quoting, an empty string (a
// value) and a missing one: CSV as encoding/csv writes it, Parquet as
// UTF-8 with the missing entry null and the empty string kept.
func TestStringColumn(t *testing.T) {
	t.Parallel()
	texts := []string{"cow:227", "North Atlantic, Treaty", `say "no"`, " lead", "", "two\nlines", `\.`, "ok"}
	cols := []Column{{Name: "id", Kind: Int}, {Name: "name", Kind: String}}
	b := &Batch{Year: 2000, Rows: len(texts) + 1, Cols: make([]Vec, 2)}
	b.Cols[0].reset(Int, b.Rows)
	b.Cols[1].reset(String, b.Rows)
	copy(b.Cols[1].S, texts)
	b.Cols[1].SetNull(len(texts))

	var want bytes.Buffer
	cw := csv.NewWriter(&want)
	cw.Write([]string{"id", "name"})
	for _, s := range append(texts, "") {
		cw.Write([]string{"0", s})
	}
	cw.Flush()
	dir := t.TempDir()
	for _, name := range []string{"s.csv", "s.parquet"} {
		w, err := Create(filepath.Join(dir, name), cols)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(b); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "s.csv")); string(got) != want.String() {
		t.Errorf("csv:\n%s\nwant\n%s", got, want.String())
	}

	r, err := file.OpenParquetFile(filepath.Join(dir, "s.parquet"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if lt := r.MetaData().Schema.Column(1).LogicalType(); !lt.Equals(schema.StringLogicalType{}) {
		t.Errorf("logical type %v, want String", lt)
	}
	cr, err := r.RowGroup(0).Column(1)
	if err != nil {
		t.Fatal(err)
	}
	n := int64(b.Rows)
	vals, defs := make([]parquet.ByteArray, n), make([]int16, n)
	if _, nv, err := cr.(*file.ByteArrayColumnChunkReader).ReadBatch(n, vals, defs, nil); err != nil || nv != len(texts) {
		t.Fatalf("read %d values (want %d): %v", nv, len(texts), err)
	}
	got := spread(vals[:len(texts)], defs)
	for i, s := range texts {
		if got[i] == nil || string(*got[i]) != s {
			t.Errorf("row %d: got %v, want %q", i, got[i], s)
		}
	}
	if got[len(texts)] != nil {
		t.Errorf("missing entry read as %q, want null", *got[len(texts)])
	}
}

func TestCreateFormats(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := []struct {
		name string
		read func(t *testing.T, path string)
	}{
		{"out.csv", func(t *testing.T, path string) {
			b, _ := os.ReadFile(path)
			if string(b) != wantCSV {
				t.Fatalf("got %q", b)
			}
		}},
		{"out.csv.gz", func(t *testing.T, path string) {
			f, _ := os.Open(path)
			defer f.Close()
			zr, err := gzip.NewReader(f)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(zr)
			if string(b) != wantCSV {
				t.Fatalf("got %q", b)
			}
		}},
		{"out.parquet", func(t *testing.T, path string) {
			ints, floats, bools := readParquet(t, path)
			if got := ints["id"]; len(got) != 3 || got[0] == nil || *got[0] != 1 || got[1] != nil || *got[2] != 3 {
				t.Errorf("id = %v", got)
			}
			if got := floats["x"]; len(got) != 3 || *got[0] != 0.5 || got[1] != nil || *got[2] != 1e-7 {
				t.Errorf("x = %v", got)
			}
			if got := bools["flag"]; len(got) != 3 || !*got[0] || *got[1] || got[2] != nil {
				t.Errorf("flag = %v", got)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			w, err := Create(path, testColumns)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(testBatch()); err != nil {
				t.Fatal(err)
			}
			if err := NewCodebook("t", "row", testColumns).Annotate(w); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			tc.read(t, path)
			left, _ := filepath.Glob(filepath.Join(dir, ".*tmp*"))
			if len(left) > 0 {
				t.Errorf("temporary files left: %v", left)
			}
		})
	}
	if _, err := Create(filepath.Join(dir, "out.xlsx"), testColumns); err == nil || !strings.Contains(err.Error(), ".parquet") {
		t.Errorf("unknown extension: %v", err)
	}
	if _, err := Create(filepath.Join(dir, "nope", "out.csv"), testColumns); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("missing directory: %v", err)
	}
}

// readParquet reads a whole Parquet file written by NewParquet, nulls as
// nil pointers.
func readParquet(t *testing.T, path string) (map[string][]*int64, map[string][]*float64, map[string][]*bool) {
	t.Helper()
	r, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if cb := r.MetaData().KeyValueMetadata().FindValue(MetadataKey); cb == nil || !strings.Contains(*cb, `"columns"`) {
		t.Errorf("no codebook in the Parquet metadata")
	}
	ints, floats, bools := map[string][]*int64{}, map[string][]*float64{}, map[string][]*bool{}
	sc := r.MetaData().Schema
	for g := range r.NumRowGroups() {
		rg := r.RowGroup(g)
		n := rg.NumRows()
		defs := make([]int16, n)
		for c := range sc.NumColumns() {
			name := sc.Column(c).Name()
			cr, err := rg.Column(c)
			if err != nil {
				t.Fatal(err)
			}
			switch cr := cr.(type) {
			case *file.Int64ColumnChunkReader:
				vals := make([]int64, n)
				_, nv, err := cr.ReadBatch(n, vals, defs, nil)
				if err != nil {
					t.Fatal(err)
				}
				ints[name] = append(ints[name], spread(vals[:nv], defs)...)
			case *file.Float64ColumnChunkReader:
				vals := make([]float64, n)
				_, nv, err := cr.ReadBatch(n, vals, defs, nil)
				if err != nil {
					t.Fatal(err)
				}
				floats[name] = append(floats[name], spread(vals[:nv], defs)...)
			case *file.BooleanColumnChunkReader:
				vals := make([]bool, n)
				_, nv, err := cr.ReadBatch(n, vals, defs, nil)
				if err != nil {
					t.Fatal(err)
				}
				bools[name] = append(bools[name], spread(vals[:nv], defs)...)
			default:
				t.Fatalf("column %s: reader %T", name, cr)
			}
		}
	}
	return ints, floats, bools
}

func spread[T any](vals []T, defs []int16) []*T {
	out := make([]*T, len(defs))
	k := 0
	for i, d := range defs {
		if d == 1 {
			v := vals[k]
			out[i] = &v
			k++
		}
	}
	return out
}

func TestCodebook(t *testing.T) {
	t.Parallel()
	p, err := DyadPlan(DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	cb := p.Codebook()
	cb.Rows = 42
	base := filepath.Join(t.TempDir(), "d.parquet")
	paths, err := cb.WriteFiles(base)
	if err != nil {
		t.Fatal(err)
	}
	md, _ := os.ReadFile(paths[0])
	for _, c := range p.Columns() {
		if !strings.Contains(string(md), "`"+c.Name+"`") {
			t.Errorf("markdown codebook lacks column %s", c.Name)
		}
	}
	for _, want := range []string{"Leeds", "Gibler", "Singer", "Stinnett", "4.1", "v2016", "1816–2012"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("markdown codebook lacks %q", want)
		}
	}
	var got Codebook
	b, _ := os.ReadFile(paths[1])
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Columns) != len(p.Columns()) || got.Rows != 42 {
		t.Fatalf("json codebook: %d columns, %d rows", len(got.Columns), got.Rows)
	}
	for _, c := range got.Columns {
		if c.Name == "atop_defense" && (c.SourceVersion == "" || c.Citation == "" || c.To != 2018) {
			t.Errorf("atop_defense codebook entry: %+v", c)
		}
		if c.Name == "cow_defense" && c.To != 2012 {
			t.Errorf("cow_defense coverage ends %d, want 2012", c.To)
		}
	}
}

func TestPlanErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		opt  func(o *Options)
		want string
	}{
		{"unknown variable", func(o *Options) { o.Vars = []string{"cinc1", "atop_defence"} }, "valid variables: cow_defense"},
		{"year after coverage", func(o *Options) { o.From, o.To = 2017, 2017 }, "year 2017 outside"},
		{"range before coverage", func(o *Options) { o.From = 1800 }, "outside the coverage"},
		{"reversed range", func(o *Options) { o.From, o.To = 1900, 1850 }, "after the last"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := DefaultOptions()
			tc.opt(&opt)
			_, err := DyadPlan(opt)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
	if _, err := StatePlan(Options{From: 1900, To: 1900, Vars: []string{"cinc1"}}); err == nil || !strings.Contains(err.Error(), "valid variables: cowmaj") {
		t.Errorf("state plan with a dyad variable: %v", err)
	}
}

func TestOpenMissingFile(t *testing.T) {
	t.Parallel()
	_, err := Open(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "system2016.csv") || !strings.Contains(err.Error(), "entente data get ") ||
		!strings.Contains(err.Error(), " atop-ddyr-peacesciencer ") {
		t.Fatalf("error %v", err)
	}
}

// collector is a Writer that hands each batch to check.
type collector struct {
	cols  []Column
	check func(b *Batch, col func(name string) *Vec)
}

func (c *collector) Write(b *Batch) error {
	c.check(b, func(name string) *Vec {
		for i, col := range c.cols {
			if col.Name == name {
				return &b.Cols[i]
			}
		}
		panic("no column " + name)
	})
	return nil
}

func (c *collector) Close() error { return nil }

var (
	dataOnce sync.Once
	allData  *history.History
	dataErr  error
)

// realData opens the history once for the tests.
func realData(t *testing.T) *history.History {
	t.Helper()
	dir := testenv.DataDir(t)
	dataOnce.Do(func() {
		allData, dataErr = Open(dir)
	})
	if dataErr != nil {
		t.Fatal(dataErr)
	}
	return allData
}

func build(t *testing.T, opt Options, check func(b *Batch, col func(string) *Vec)) Result {
	t.Helper()
	p, err := DyadPlan(opt)
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Build(context.Background(), realData(t), &collector{cols: p.Columns(), check: check})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestRowCounts(t *testing.T) {
	t.Parallel()
	d := realData(t)
	opt := DefaultOptions()
	opt.Vars = []string{}
	var total, kept, nondir int64
	res := build(t, opt, func(b *Batch, col func(string) *Vec) {
		n, apart := len(d.Members(b.Year)), len(d.NeverCoexisted(b.Year))
		if b.Rows != n*(n-1)-2*apart {
			t.Errorf("%d: %d rows, want n(n-1) - 2 × %d pairs that never coexisted = %d", b.Year, b.Rows, apart, n*(n-1)-2*apart)
		}
		c1, c2 := col("ccode1"), col("ccode2")
		for r := range b.Rows {
			if !d.Coexisted(b.Year, int(c1.I[r]), int(c2.I[r])) {
				t.Fatalf("%d: row %d-%d never coexisted", b.Year, c1.I[r], c2.I[r])
			}
		}
		total += int64(b.Rows)
	})
	// 60 directed dyad-years of members that never coexisted are dropped
	// (history.TestNeverCoexisted lists them).
	if total != 1912290 || res.Rows != 1912290 || res.Years != 201 {
		t.Fatalf("directed 1816-2016: %d rows (result %d, %d years), want 1,912,290", total, res.Rows, res.Years)
	}
	opt.KeepApart = true
	build(t, opt, func(b *Batch, col func(string) *Vec) {
		n := len(d.Members(b.Year))
		if b.Rows != n*(n-1) {
			t.Errorf("%d: %d rows kept, want n(n-1) = %d", b.Year, b.Rows, n*(n-1))
		}
		kept += int64(b.Rows)
	})
	if kept != 1912350 {
		t.Fatalf("directed 1816-2016 keeping dyads that never coexisted: %d rows, want 1,912,350", kept)
	}
	opt.Nondirected = true
	build(t, opt, func(b *Batch, col func(string) *Vec) {
		c1, c2 := col("ccode1"), col("ccode2")
		for r := range b.Rows {
			if c1.I[r] >= c2.I[r] {
				t.Fatalf("%d: non-directed row %d-%d not ordered", b.Year, c1.I[r], c2.I[r])
			}
		}
		nondir += int64(b.Rows)
	})
	if nondir != 1912350/2 {
		t.Fatalf("non-directed, keeping dyads that never coexisted: %d rows, want %d", nondir, 1912350/2)
	}
}

// TestATOPJoin checks every ATOP flag of the directed panel against the
// ATOP dyad-year file, both ways: each row's flags equal the file's, and
// every file row between two system members appears.
func TestATOPJoin(t *testing.T) {
	t.Parallel()
	rows, err := atop.ReadDyadYears(testenv.File(t, "atop/atop_v5.1_ddyr_obligations_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ a, b, y int }
	want := map[key]world.Obligations{}
	for _, r := range rows {
		want[key{r.CCode1, r.CCode2, r.Year}] = r.Obligations
	}
	d := realData(t)
	expected := 0
	for k := range want {
		if k.y >= SystemFrom && k.y <= SystemTo && member(d, k.y, k.a) && member(d, k.y, k.b) {
			expected++
		}
	}
	flags := []struct {
		name string
		o    world.Obligation
	}{{"atop_defense", world.Defense}, {"atop_offense", world.Offense}, {"atop_neutral", world.Neutrality},
		{"atop_nonagg", world.Nonaggression}, {"atop_consul", world.Consultation}}
	opt := DefaultOptions()
	for _, f := range flags {
		opt.Vars = append(opt.Vars, f.name)
	}
	found, bad := 0, 0
	build(t, opt, func(b *Batch, col func(string) *Vec) {
		c1, c2 := col("ccode1"), col("ccode2")
		for r := range b.Rows {
			o, ok := want[key{int(c1.I[r]), int(c2.I[r]), b.Year}]
			if ok {
				found++
			}
			for _, f := range flags {
				v := col(f.name)
				if v.IsNull(r) || (v.I[r] == 1) != o.Has(f.o) {
					if bad++; bad < 5 {
						t.Errorf("%d %d-%d %s = %d (null %v), file says %v", b.Year, c1.I[r], c2.I[r], f.name, v.I[r], v.IsNull(r), o.Has(f.o))
					}
				}
			}
		}
	})
	if found != expected || bad > 0 {
		t.Fatalf("%d of %d file rows between members found; %d flags disagree", found, expected, bad)
	}
}

func member(h *history.History, y, c int) bool { return h.Pos(y, c) >= 0 }

// TestContiguityJoin checks conttype against contdird.csv both ways.
func TestContiguityJoin(t *testing.T) {
	t.Parallel()
	rows, err := cow.ReadContiguityYears(testenv.File(t, "cow_contiguity_v3.2/contdird.csv"))
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ a, b, y int }
	want := map[key]int{}
	dups := 0
	for _, r := range rows {
		k := key{r.State1, r.State2, r.Year}
		if w, ok := want[k]; ok {
			// The contiguity changed during the year: the lowest type.
			dups++
			r.Type = min(r.Type, w)
		}
		want[k] = r.Type
	}
	if dups != 58 {
		t.Errorf("%d directed dyad-years with two contiguity types, want 58", dups)
	}
	d := realData(t)
	expected := 0
	for k := range want {
		if member(d, k.y, k.a) && member(d, k.y, k.b) {
			expected++
		}
	}
	opt := DefaultOptions()
	opt.Vars = []string{"conttype"}
	found, bad := 0, 0
	build(t, opt, func(b *Batch, col func(string) *Vec) {
		c1, c2, ct := col("ccode1"), col("ccode2"), col("conttype")
		for r := range b.Rows {
			w, ok := want[key{int(c1.I[r]), int(c2.I[r]), b.Year}]
			if ok {
				found++
			}
			if ct.IsNull(r) || int(ct.I[r]) != w {
				if bad++; bad < 5 {
					t.Errorf("%d %d-%d conttype %d, contdird %d", b.Year, c1.I[r], c2.I[r], ct.I[r], w)
				}
			}
		}
	})
	if found != expected || bad > 0 {
		t.Fatalf("%d of %d contdird rows between members found; %d disagree", found, expected, bad)
	}
}

// TestMissingOutsideCoverage checks that each source's variables are
// missing, not zero, outside its coverage and present inside it.
func TestMissingOutsideCoverage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		from, to int // coverage inside the panel's years
	}{
		{"cow_defense", 1816, 2012}, {"cow_entente", 1816, 2012},
		{"atop_defense", 1816, 2016}, {"conttype", 1816, 2016},
		{"gmlmidonset", 1816, 2010}, {"gmlhostlev", 1816, 2010},
		{"sim_s", 1816, 2016}, {"capdist_km", 1816, 2016},
	}
	opt := DefaultOptions()
	opt.From = 1885
	for _, tc := range tests {
		opt.Vars = append(opt.Vars, tc.name)
	}
	opt.Vars = append(opt.Vars, "mindist_km")
	build(t, opt, func(b *Batch, col func(string) *Vec) {
		for _, tc := range tests {
			v := col(tc.name)
			inside := b.Year >= tc.from && b.Year <= tc.to
			nulls := 0
			for r := range b.Rows {
				if v.IsNull(r) {
					nulls++
				}
			}
			if !inside && nulls != b.Rows {
				t.Errorf("%s in %d: %d of %d rows present outside coverage", tc.name, b.Year, b.Rows-nulls, b.Rows)
			}
			if inside && nulls == b.Rows {
				t.Errorf("%s in %d: every row missing inside coverage", tc.name, b.Year)
			}
		}
		if md := col("mindist_km"); b.Year < 1886 && !md.IsNull(0) {
			t.Errorf("mindist_km present in %d, before CShapes 2.0 begins", b.Year)
		}
	})
}

// TestNondirectedIsMaximum checks that the non-directed view takes each
// flag's maximum over both directions.
func TestNondirectedIsMaximum(t *testing.T) {
	t.Parallel()
	type key struct{ a, b int }
	vars := []string{"atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul", "cow_defense", "cow_neutrality", "cow_nonaggression", "cow_entente"}
	for _, year := range []int{1914, 1939, 1985, 2010} {
		opt := Options{From: year, To: year, Vars: vars}
		dir := map[key][]int64{}
		build(t, opt, func(b *Batch, col func(string) *Vec) {
			c1, c2 := col("ccode1"), col("ccode2")
			for r := range b.Rows {
				var vals []int64
				for _, n := range vars {
					v := col(n)
					x := v.I[r]
					if v.IsNull(r) {
						x = -1
					}
					vals = append(vals, x)
				}
				dir[key{int(c1.I[r]), int(c2.I[r])}] = vals
			}
		})
		opt.Nondirected = true
		build(t, opt, func(b *Batch, col func(string) *Vec) {
			c1, c2 := col("ccode1"), col("ccode2")
			for r := range b.Rows {
				ab, ba := dir[key{int(c1.I[r]), int(c2.I[r])}], dir[key{int(c2.I[r]), int(c1.I[r])}]
				for i, n := range vars {
					v := col(n)
					want := max(ab[i], ba[i])
					if min(ab[i], ba[i]) == -1 && want == 0 {
						want = -1
					}
					got := v.I[r]
					if v.IsNull(r) {
						got = -1
					}
					if got != want {
						t.Fatalf("%d %d-%d %s: non-directed %d, directed %d and %d", year, c1.I[r], c2.I[r], n, got, ab[i], ba[i])
					}
				}
			}
		})
	}
}

func TestFilters(t *testing.T) {
	t.Parallel()
	opt := Options{From: 1950, To: 1950, Vars: []string{"conttype", "cowmaj1", "cowmaj2"}}
	all := 0
	build(t, opt, func(b *Batch, col func(string) *Vec) { all = b.Rows })
	tests := []struct {
		f    Filter
		keep func(cont int64, maj bool) bool
	}{
		{Relevant, func(c int64, m bool) bool { return c > 0 || m }},
		{Contiguous, func(c int64, m bool) bool { return c > 0 }},
		{Major, func(c int64, m bool) bool { return m }},
	}
	for _, tc := range tests {
		t.Run(tc.f.String(), func(t *testing.T) {
			opt.Filter = tc.f
			build(t, opt, func(b *Batch, col func(string) *Vec) {
				if b.Rows == 0 || b.Rows >= all {
					t.Errorf("%d rows of %d", b.Rows, all)
				}
				ct, m1, m2 := col("conttype"), col("cowmaj1"), col("cowmaj2")
				for r := range b.Rows {
					if !tc.keep(ct.I[r], m1.I[r] == 1 || m2.I[r] == 1) {
						t.Fatalf("row %d kept: conttype %d, majors %d %d", r, ct.I[r], m1.I[r], m2.I[r])
					}
				}
			})
		})
	}
}

// TestSimilarityReference recomputes sim_* for whole years straight from
// the ATOP file, with dense portfolios and the vector formulas, and
// compares with the panel.
func TestSimilarityReference(t *testing.T) {
	t.Parallel()
	rows, err := atop.ReadDyadYears(testenv.File(t, "atop/atop_v5.1_ddyr_obligations_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	d := realData(t)
	for _, tc := range []struct {
		year int
		ties similarity.Ties
	}{{1816, similarity.Directed}, {1914, similarity.Directed}, {1914, similarity.Symmetric},
		{1962, similarity.Symmetric}, {2016, similarity.Directed}} {
		year := tc.year
		ms := d.Members(year)
		n := len(ms)
		pos := map[int]int{}
		for i, c := range ms {
			pos[c] = i
		}
		level := make([][]int, n)
		for i := range level {
			level[i] = make([]int, n)
			level[i][i] = 3
		}
		for _, r := range rows {
			i, ok1 := pos[r.CCode1]
			j, ok2 := pos[r.CCode2]
			if r.Year != year || !ok1 || !ok2 {
				continue
			}
			l := similarity.ATOP.Level(r.Obligations)
			level[i][j] = max(level[i][j], l)
			if tc.ties == similarity.Symmetric {
				level[j][i] = max(level[j][i], l)
			}
		}
		cinc := make([]float64, n)
		for i, c := range ms {
			cinc[i] = float64(d.Capability(year, c).CINC)
			if math.IsNaN(cinc[i]) {
				cinc[i] = 0
			}
		}
		opt := Options{From: year, To: year, Ties: tc.ties, Vars: []string{"sim_taub", "sim_s", "sim_s_cinc", "sim_s_sq", "sim_kappa", "sim_pi"}}
		build(t, opt, func(b *Batch, col func(string) *Vec) {
			c1, c2 := col("ccode1"), col("ccode2")
			for r := 0; r < b.Rows; r += 7 {
				x, y := level[pos[int(c1.I[r])]], level[pos[int(c2.I[r])]]
				tb, _ := similarity.Tally(x, y, nil)
				wt, _ := similarity.Tally(x, y, cinc)
				want := map[string]world.Value{
					"sim_taub": tb.TauB(), "sim_s": tb.S(similarity.Absolute, 3), "sim_s_sq": tb.S(similarity.Squared, 3),
					"sim_s_cinc": wt.S(similarity.Absolute, 3), "sim_kappa": tb.Kappa(similarity.Quadratic), "sim_pi": tb.Pi(similarity.Quadratic),
				}
				for name, w := range want {
					got := col(name).F[r]
					if w.IsMissing() != math.IsNaN(got) || (w.OK() && math.Abs(got-float64(w)) > 1e-9) {
						t.Fatalf("%d %s %d-%d %s = %v, reference %v", year, tc.ties, c1.I[r], c2.I[r], name, got, w)
					}
				}
			}
		})
	}
}

func TestStatesPanel(t *testing.T) {
	t.Parallel()
	p, err := StatePlan(Options{From: 2000, To: 2000})
	if err != nil {
		t.Fatal(err)
	}
	d := realData(t)
	var got map[int64][]int64
	_, err = p.Build(context.Background(), d, &collector{cols: p.Columns(), check: func(b *Batch, col func(string) *Vec) {
		if b.Rows != len(d.Members(2000)) {
			t.Errorf("%d rows, want %d members", b.Rows, len(d.Members(2000)))
		}
		got = map[int64][]int64{}
		cc := col("ccode")
		for r := range b.Rows {
			got[cc.I[r]] = []int64{col("cowmaj").I[r], col("nland").I[r], col("atop_ndefense").I[r]}
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	// The United States in 2000: a major power with two land neighbours.
	if us := got[2]; us[0] != 1 || us[1] != 2 || us[2] < 20 {
		t.Errorf("USA 2000: cowmaj %d, nland %d, atop_ndefense %d", us[0], us[1], us[2])
	}
}

// TestCSVOutputParses writes a year to CSV and reads it back with
// encoding/csv: nulls are empty cells.
func TestCSVOutputParses(t *testing.T) {
	t.Parallel()
	p, err := DyadPlan(Options{From: 2012, To: 2013})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, _ := NewCSV(&buf, p.Columns())
	res, err := p.Build(context.Background(), realData(t), w)
	if err != nil {
		t.Fatal(err)
	}
	w.Close()
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if int64(len(recs)-1) != res.Rows {
		t.Fatalf("%d records, %d rows", len(recs)-1, res.Rows)
	}
	hdr := recs[0]
	idx := map[string]int{}
	for i, h := range hdr {
		idx[h] = i
	}
	last := recs[len(recs)-1]
	if last[idx["year"]] != "2013" || last[idx["cow_defense"]] != "" || last[idx["gmlmidonset"]] != "" || last[idx["atop_defense"]] == "" {
		t.Fatalf("2013 row: cow_defense %q, gmlmidonset %q, atop_defense %q", last[idx["cow_defense"]], last[idx["gmlmidonset"]], last[idx["atop_defense"]])
	}
}

// TestParquetMatchesCSV writes the same years to Parquet (in several row
// groups) and CSV and checks that every cell agrees, nulls included.
func TestParquetMatchesCSV(t *testing.T) {
	t.Parallel()
	old := rowGroupRows
	rowGroupRows = 30000
	defer func() { rowGroupRows = old }()
	p, err := DyadPlan(Options{From: 2010, To: 2013})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	d := realData(t)
	for _, name := range []string{"d.parquet", "d.csv"} {
		w, err := Create(filepath.Join(dir, name), p.Columns())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Build(context.Background(), d, w); err != nil {
			t.Fatal(err)
		}
		if err := p.Codebook().Annotate(w); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	ints, floats, bools := readParquet(t, filepath.Join(dir, "d.parquet"))
	f, _ := os.Open(filepath.Join(dir, "d.csv"))
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	hdr, recs := recs[0], recs[1:]
	for c, name := range hdr {
		for r, rec := range recs {
			var got string
			switch {
			case ints[name] != nil:
				if v := ints[name][r]; v != nil {
					got = strconv.FormatInt(*v, 10)
				}
			case floats[name] != nil:
				if v := floats[name][r]; v != nil {
					got = strconv.FormatFloat(*v, 'g', -1, 64)
				}
			case bools[name] != nil:
				if v := bools[name][r]; v != nil {
					got = "0"
					if *v {
						got = "1"
					}
				}
			default:
				t.Fatalf("column %s not in the Parquet file", name)
			}
			if got != rec[c] {
				t.Fatalf("row %d column %s: Parquet %q, CSV %q", r, name, got, rec[c])
			}
		}
	}
	t.Logf("%d rows × %d columns agree", len(recs), len(hdr))
}

// TestMinDistJoin checks mindist_km against the CShapes file, which lists
// each pair once a year: both orders of the directed panel carry its value,
// and every file row between two members appears.
func TestMinDistJoin(t *testing.T) {
	t.Parallel()
	type key struct{ a, b, y int }
	want := map[key]float64{}
	md, err := geo.ReadMinDist(testenv.File(t, "capitals_distance/cow_mindist_cshapes2_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range md.Rows() {
		a, b := int(r.CCode1), int(r.CCode2)
		want[key{min(a, b), max(a, b), int(r.Year)}] = r.Km
	}
	d := realData(t)
	expected := 0
	for k := range want {
		if k.y <= SystemTo && member(d, k.y, k.a) && member(d, k.y, k.b) {
			expected++
		}
	}
	found := 0
	build(t, Options{From: MinDistFrom, To: SystemTo, Vars: []string{"mindist_km"}, Nondirected: true}, func(b *Batch, col func(string) *Vec) {
		c1, c2, md := col("ccode1"), col("ccode2"), col("mindist_km")
		for r := range b.Rows {
			w, ok := want[key{int(c1.I[r]), int(c2.I[r]), b.Year}]
			if ok {
				found++
			}
			if got := md.F[r]; ok != !math.IsNaN(got) || (ok && got != w) {
				t.Fatalf("%d %d-%d mindist_km %v, file %v (listed %v)", b.Year, c1.I[r], c2.I[r], got, w, ok)
			}
		}
	})
	if found != expected {
		t.Fatalf("%d of %d file rows between members found", found, expected)
	}
}

// TestGMLJoin checks the dispute variables against the GML dyad-year file,
// aggregated over the disputes of each dyad-year.
func TestGMLJoin(t *testing.T) {
	t.Parallel()
	type key struct{ a, b, y int }
	type agg struct{ on, ong, host int64 }
	want := map[key]agg{}
	gml, err := mid.ReadGMLDyadYears(testenv.File(t, "mid/gml-ddy-disputes-2.1.1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, r := range gml {
		rows++
		// Every row of the GML dyad-year file is a dispute ongoing in
		// its year (midongoing is 1 throughout).
		k := key{r.CCode1, r.CCode2, r.Year}
		g := want[k]
		if r.Onset {
			g.on = 1
		}
		g.ong = 1
		g.host = max(g.host, int64(r.HostLev1), int64(r.HostLev2))
		want[k] = g
	}
	if rows != 10330 {
		t.Fatalf("%d GML rows, want 10,330", rows)
	}
	found := 0
	build(t, Options{From: GMLFrom, To: GMLTo, Vars: []string{"gmlmidonset", "gmlmidongoing", "gmlhostlev"}}, func(b *Batch, col func(string) *Vec) {
		c1, c2 := col("ccode1"), col("ccode2")
		on, ong, host := col("gmlmidonset"), col("gmlmidongoing"), col("gmlhostlev")
		for r := range b.Rows {
			w, ok := want[key{int(c1.I[r]), int(c2.I[r]), b.Year}]
			if ok {
				found++
			}
			if got := (agg{on.I[r], ong.I[r], host.I[r]}); got != w {
				t.Fatalf("%d %d-%d: %+v, file %+v", b.Year, c1.I[r], c2.I[r], got, w)
			}
		}
	})
	t.Logf("%d of %d GML directed dyad-years between system members", found, len(want))
}

func TestBuildWithoutData(t *testing.T) {
	t.Parallel()
	p, err := DyadPlan(Options{From: 1900, To: 1900, Vars: []string{"atop_defense"}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Build(context.Background(), nil, &collector{cols: p.Columns(), check: func(*Batch, func(string) *Vec) {}})
	if err == nil || !strings.Contains(err.Error(), "no data") {
		t.Fatalf("error %v", err)
	}
}

// TestValuations checks the COW valuation's coverage (missing after 2012)
// and that the binary valuation's S is computed with Δ = 1.
func TestValuations(t *testing.T) {
	t.Parallel()
	opt := Options{From: 2011, To: 2014, Vars: []string{"sim_s", "sim_taub"}, Valuation: similarity.COW}
	p, err := DyadPlan(opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range p.Columns() {
		if c.Name == "sim_s" && (c.To != 2012 || !strings.Contains(c.Source, "cow-alliances")) {
			t.Errorf("sim_s under the COW valuation: source %s, to %d", c.Source, c.To)
		}
	}
	build(t, opt, func(b *Batch, col func(string) *Vec) {
		s := col("sim_s")
		if got := s.IsNull(0); got != (b.Year > 2012) {
			t.Errorf("COW valuation %d: sim_s missing = %v", b.Year, got)
		}
	})
	// Binary: levels are 0 or 1 and Δ = 1, so S = 1 - 2k/n for the k
	// members on which the two portfolios disagree.
	opt = Options{From: 1816, To: 1816, Vars: []string{"sim_s"}, Valuation: similarity.Binary}
	build(t, opt, func(b *Batch, col func(string) *Vec) {
		n := float64(len(realData(t).Members(1816)))
		for r := range b.Rows {
			s := col("sim_s").F[r]
			k := (1 - s) * n / 2
			if math.Abs(k-math.Round(k)) > 1e-9 || s < -1 || s > 1 {
				t.Fatalf("binary S = %v is not 1 - 2k/%v", s, n)
			}
		}
	})
}

func TestSelectVars(t *testing.T) {
	t.Parallel()
	tests := []struct {
		vars []string
		want string // names after the keys, or an error fragment
	}{
		{[]string{"cinc1", "atop_defense"}, "atop_defense,cinc1"},
		{[]string{"atop_*"}, "atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul"},
		{[]string{"sim_*", "-sim_s*"}, "sim_taub,sim_kappa,sim_pi"},
		{[]string{"-sim_*", "-*1", "-*2", "-cow_*", "-atop_*", "-war_*", "-rivalry*", "-igo_*"}, "conttype,capdist_km,mindist_km,gmlmidonset,gmlmidongoing,gmlhostlev"},
		{[]string{"war_*", "polity2_?", "trade_flow*"}, "polity2_1,polity2_2,trade_flow12,trade_flow21,war_onset,war_ongoing,war_same_side,war_opposite_side"},
		{[]string{"v2x_polyarchy?", "leader_change*", "rivalry*"}, "v2x_polyarchy1,v2x_polyarchy2,leader_change1,leader_change2,rivalry,rivalry_type"},
		{[]string{"sim_x*"}, `unknown dyad-year variable "sim_x*"`},
		{[]string{"[a"}, "syntax error"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.vars, ","), func(t *testing.T) {
			p, err := DyadPlan(Options{From: 1900, To: 1900, Vars: tc.vars})
			if err != nil {
				if !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("error %v, want %q", err, tc.want)
				}
				return
			}
			var got []string
			for _, c := range p.Columns()[3:] {
				got = append(got, c.Name)
			}
			if strings.Join(got, ",") != tc.want {
				t.Fatalf("got %s, want %s", strings.Join(got, ","), tc.want)
			}
		})
	}
}
