// Package worldfiletest gives the fuzz targets of the model packages their
// inputs: world files that parse, seeded with the real ones (the complete
// example of docs/worldfile.md and two cuts of the embedded 2024 world),
// edited by the fuzzer (Edit). Each model family has a target of its own that
// calls the model directly on the parsed World, so that one execution costs
// a parse and a model run, not a whole command:
//
//	go test -run '^$' -fuzz FuzzThreatOnWorldFiles -fuzztime 2m ./threat
package worldfiletest

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/internal/worldfile"
	"github.com/entente/entente/world"
)

// DocExample returns the complete world file of docs/worldfile.md.
func DocExample(tb testing.TB) []byte {
	tb.Helper()
	doc, err := os.ReadFile(filepath.Join(testenv.ModuleRoot(), "docs", "worldfile.md"))
	if err != nil {
		tb.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```yaml\n")
	example, _, _ := strings.Cut(rest, "```")
	if !ok || example == "" {
		tb.Fatal("docs/worldfile.md has no yaml example")
	}
	return []byte(example)
}

// Cuts of the embedded world that seed the fuzz targets: Europe and its
// neighbours with the United States (NATO, the CSTO, the war in Ukraine),
// and the great powers of Asia and the Pacific with theirs.
var (
	Europe = []int{2, 200, 220, 255, 290, 310, 365, 369, 370, 371, 640, 651}
	Powers = []int{2, 365, 710, 713, 731, 732, 740, 750, 770, 840, 900}
)

// Fuzz runs check on world files that parse: the real ones (Seeds)
// changed by the fuzzer's edits (Edit). Edited files that Parse refuses
// are skipped: FuzzParse in package worldfile covers the parser.
func Fuzz(f *testing.F, check func(t *testing.T, w *world.World)) {
	FuzzSource(f, func(t *testing.T, _ []byte, w *world.World) { check(t, w) })
}

// FuzzSource is Fuzz for checks that also read the file's text.
func FuzzSource(f *testing.F, check func(t *testing.T, src []byte, w *world.World)) {
	seeds := Seeds(f)
	for i := range seeds {
		f.Add(uint8(i), []byte(nil))
		f.Add(uint8(i), []byte{0, 0, 7, 26, 1, 0, 3, 1, 2, 0, 5, 0, 3, 1, 2, 9})
	}
	f.Fuzz(func(t *testing.T, which uint8, ops []byte) {
		src, err := Edit(seeds[int(which)%len(seeds)], ops)
		if err != nil {
			t.Fatalf("edit: %v", err)
		}
		w, err := worldfile.Parse("fuzz.yaml", src)
		if err != nil {
			return
		}
		check(t, src, w)
	})
}

// Seeds returns the real world files the targets start from: the
// documented example and the two cuts of the embedded world.
func Seeds(tb testing.TB) [][]byte {
	out := [][]byte{DocExample(tb)}
	for _, keep := range [][]int{Europe, Powers} {
		cut, err := Cut(worldfile.DefaultYAML(), keep...)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, cut)
	}
	return out
}

// JSON fails t unless v encodes as one valid JSON document: encoding/json
// refuses NaN and ±Inf, so a value that should have been missing (null)
// fails here.
func JSON(t *testing.T, what string, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: JSON: %v", what, err)
	}
	if !json.Valid(b) {
		t.Fatalf("%s: invalid JSON", what)
	}
}

// Finite fails t when a float64 reachable from v (through pointers,
// structs, slices, arrays and maps; world.Value included) is ±Inf. NaN
// is missing and allowed; Inf never is.
func Finite(t *testing.T, what string, v any) {
	t.Helper()
	if path := infPath(reflect.ValueOf(v), what, 0); path != "" {
		t.Fatalf("%s is infinite", path)
	}
}

func infPath(v reflect.Value, path string, depth int) string {
	if depth > 32 || !v.IsValid() {
		return ""
	}
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		if math.IsInf(v.Float(), 0) {
			return path
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return infPath(v.Elem(), path, depth+1)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if p := infPath(v.Field(i), path+"."+v.Type().Field(i).Name, depth+1); p != "" {
				return p
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			if p := infPath(v.Index(i), path+"[]", depth+1); p != "" {
				return p
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if p := infPath(it.Value(), path+"[k]", depth+1); p != "" {
				return p
			}
		}
	}
	return ""
}
