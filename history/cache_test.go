package history

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/geo"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

// sameHistory reports the first difference between a and b, comparing
// every field (unexported included) with NaN equal to NaN; "" when equal.
func sameHistory(a, b *History) string {
	ao, bo := a.opt, b.opt
	a.opt, b.opt = Options{}, Options{}
	defer func() { a.opt, b.opt = ao, bo }()
	return deepDiff(reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem(), "History", map[[2]uintptr]bool{})
}

func deepDiff(a, b reflect.Value, path string, seen map[[2]uintptr]bool) string {
	if a.Kind() != b.Kind() {
		return path + ": kinds differ"
	}
	switch a.Kind() {
	case reflect.Float32, reflect.Float64:
		x, y := a.Float(), b.Float()
		if x != y && !(math.IsNaN(x) && math.IsNaN(y)) {
			return fmt.Sprintf("%s: %v != %v", path, x, y)
		}
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": nil and not nil"
			}
			return ""
		}
		k := [2]uintptr{a.Pointer(), b.Pointer()}
		if seen[k] {
			return ""
		}
		seen[k] = true
		return deepDiff(a.Elem(), b.Elem(), path, seen)
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": nil and not nil"
			}
			return ""
		}
		return deepDiff(a.Elem(), b.Elem(), path, seen)
	case reflect.Struct:
		for i := range a.NumField() {
			if d := deepDiff(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name, seen); d != "" {
				return d
			}
		}
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d != %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := deepDiff(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i), seen); d != "" {
				return d
			}
		}
	case reflect.Map:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d keys != %d", path, a.Len(), b.Len())
		}
		it := a.MapRange()
		for it.Next() {
			bv := b.MapIndex(it.Key())
			if !bv.IsValid() {
				return fmt.Sprintf("%s[%v]: missing", path, it.Key())
			}
			if d := deepDiff(it.Value(), bv, fmt.Sprintf("%s[%v]", path, it.Key()), seen); d != "" {
				return d
			}
		}
	case reflect.Func:
		if a.IsNil() != b.IsNil() {
			return path + ": func nil and not nil"
		}
	default:
		if !a.Equal(b) {
			return fmt.Sprintf("%s: %v != %v", path, a, b)
		}
	}
	return ""
}

// openCached opens dir with the cache in cache and returns the history
// with the hits and misses of this call.
func openCached(t *testing.T, dir, cache string, opt Options) (h *History, hits, misses int64) {
	t.Helper()
	h0, m0 := cacheHits.Load(), cacheMisses.Load()
	opt.Cache = cache
	h, err := OpenWith(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	return h, cacheHits.Load() - h0, cacheMisses.Load() - m0
}

var (
	freshOnce sync.Once
	fresh     *History
	freshErr  error
)

// freshHistory is Open of the real data without a cache, read once.
func freshHistory(t *testing.T) *History {
	t.Helper()
	dir := testenv.DataDir(t)
	freshOnce.Do(func() { fresh, freshErr = Open(dir) })
	if freshErr != nil {
		t.Fatal(freshErr)
	}
	return fresh
}

// cachedLoaders is the number of files OpenWith reads through the cache.
const cachedLoaders = 22

func TestCacheHitEqualsFresh(t *testing.T) {
	want := freshHistory(t)
	dir, cache := testenv.DataDir(t), t.TempDir()
	cold, hits, misses := openCached(t, dir, cache, Options{})
	if hits != 0 || misses != cachedLoaders {
		t.Errorf("cold: %d hits, %d misses; want 0, %d", hits, misses, cachedLoaders)
	}
	warm, hits, misses := openCached(t, dir, cache, Options{})
	if hits != cachedLoaders || misses != 0 {
		t.Errorf("warm: %d hits, %d misses; want %d, 0", hits, misses, cachedLoaders)
	}
	for name, h := range map[string]*History{"cold": cold, "warm": warm} {
		if d := sameHistory(h, want); d != "" {
			t.Errorf("%s cache: %s", name, d)
		}
	}
	entries, _ := filepath.Glob(filepath.Join(cache, "*.bin"))
	if len(entries) != cachedLoaders {
		t.Errorf("%d entries in the cache, want %d", len(entries), cachedLoaders)
	}
}

func TestCacheChangedFileInvalidates(t *testing.T) {
	dir, cache := testenv.Mirror(t), t.TempDir()
	before, _, _ := openCached(t, dir, cache, Options{NoVerify: true})
	if !before.Major(2000, 740) {
		t.Fatal("Japan is not a major power in 2000 in majors2016.csv")
	}
	orig, err := os.ReadFile(filepath.Join(dir, FileMajors))
	if err != nil {
		t.Fatal(err)
	}
	// Drop Japan's second spell as a major power (1991-2016).
	var kept [][]byte
	for _, l := range bytes.SplitAfter(orig, []byte("\n")) {
		if !bytes.HasPrefix(l, []byte("JPN,740,1991")) {
			kept = append(kept, l)
		}
	}
	changed := bytes.Join(kept, nil)
	if len(changed) == len(orig) {
		t.Fatal("no spell of Japan from 1991 in majors2016.csv")
	}
	testenv.ReplaceFile(t, dir, FileMajors, changed)
	after, hits, misses := openCached(t, dir, cache, Options{NoVerify: true})
	if misses != 1 || hits != cachedLoaders-1 {
		t.Errorf("%d hits, %d misses after changing one file; want %d, 1", hits, misses, cachedLoaders-1)
	}
	if after.Major(2000, 740) {
		t.Error("Japan still a major power in 2000 after its spell was removed")
	}
	// The verified read of the same directory refuses the changed file
	// rather than serving the entry written from it.
	if _, err := OpenWith(dir, Options{Cache: cache}); err == nil {
		t.Error("a verified read accepted the changed majors2016.csv")
	}
}

func TestCacheCorruptEntryRebuilt(t *testing.T) {
	want := freshHistory(t)
	dir, cache := testenv.DataDir(t), t.TempDir()
	openCached(t, dir, cache, Options{})
	entries, _ := filepath.Glob(filepath.Join(cache, "*.bin"))
	if len(entries) != cachedLoaders {
		t.Fatalf("%d entries, want %d", len(entries), cachedLoaders)
	}
	damage := []func([]byte) []byte{
		func(b []byte) []byte { return b[:len(b)/2] },                        // truncated
		func(b []byte) []byte { b[len(b)-1] ^= 0xff; return b },              // payload flipped
		func(b []byte) []byte { return nil },                                 // empty
		func(b []byte) []byte { b[9] ^= 1; return b },                        // another format
		func(b []byte) []byte { return append(b, 0) },                        // too long
		func(b []byte) []byte { b[cacheHeader-5] ^= 1; return b },            // length
		func(b []byte) []byte { copy(b[cacheHeader:], "garbage"); return b }, // payload replaced
	}
	for i, e := range entries {
		b, err := os.ReadFile(e)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(e, damage[i%len(damage)](b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, hits, misses := openCached(t, dir, cache, Options{})
	if hits != 0 || misses != cachedLoaders {
		t.Errorf("damaged cache: %d hits, %d misses; want 0, %d", hits, misses, cachedLoaders)
	}
	if d := sameHistory(got, want); d != "" {
		t.Errorf("read with a damaged cache: %s", d)
	}
	if _, hits, _ := openCached(t, dir, cache, Options{}); hits != cachedLoaders {
		t.Errorf("rebuilt cache: %d hits, want %d", hits, cachedLoaders)
	}
}

func TestCacheConcurrentWriters(t *testing.T) {
	want := freshHistory(t)
	dir, cache := testenv.DataDir(t), t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			h, err := OpenWith(dir, Options{Cache: cache})
			if err == nil {
				if d := sameHistory(h, want); d != "" {
					err = fmt.Errorf("%s", d)
				}
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("writer %d: %v", i, err)
		}
	}
	got, hits, _ := openCached(t, dir, cache, Options{})
	if hits != cachedLoaders {
		t.Errorf("after concurrent writers: %d hits, want %d", hits, cachedLoaders)
	}
	if d := sameHistory(got, want); d != "" {
		t.Error(d)
	}
	if tmp, _ := filepath.Glob(filepath.Join(cache, "*.tmp*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

// FuzzCacheDecode: decoding any bytes as a cached dyad table, capital
// distances or NMC rows returns an error or a value, never panics (the
// checksum keeps damaged entries away; this is the second line).
func FuzzCacheDecode(f *testing.F) {
	t := buildDyadTable(1990, 1992, false, []dyadRow[Trade]{{1990, Key(2, 20), Trade{1, 2}}, {1992, Key(2, 200), Trade{3, math.NaN()}}},
		func(a, _ Trade) Trade { return a })
	b, _ := t.MarshalBinary()
	f.Add(b)
	o := buildDyadTable(1990, 1990, true, []dyadRow[world.Obligations]{{1990, Key(2, 20), 1}}, world.Obligations.Union)
	b, _ = o.MarshalBinary()
	f.Add(b)
	nmc, _ := encodePayload([]cow.NMC{{CCode: 2, Abbrev: "USA", Year: 1990, Capability: world.NoCapability()}})
	f.Add(nmc)
	f.Fuzz(func(t *testing.T, b []byte) {
		var tr *DyadTable[Trade]
		var ob *DyadTable[world.Obligations]
		var dy *DyadTable[DisputeYear]
		var cd *geo.CapDist
		var rows []cow.NMC
		var sys []cow.StateYear
		for _, dst := range []any{cacheTarget(&tr), cacheTarget(&ob), cacheTarget(&dy), cacheTarget(&cd), &rows, &sys} {
			if decodePayload(b, dst) == nil {
				if tr != nil {
					tr.Get(1991, 2, 20)
				}
				if ob != nil {
					ob.Get(1990, 2, 20)
				}
			}
		}
	})
}

// TestCacheConcurrentProcesses: several processes (this test binary run
// again) filling one cache at once leave entries this process can use.
func TestCacheConcurrentProcesses(t *testing.T) {
	if dir := os.Getenv("ENTENTE_CACHE_CHILD"); dir != "" {
		if _, err := OpenWith(testenv.DataDir(t), Options{Cache: dir}); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := freshHistory(t)
	cache := t.TempDir()
	cmds := make([]*exec.Cmd, 3)
	outs := make([]bytes.Buffer, len(cmds))
	for i := range cmds {
		cmds[i] = exec.Command(os.Args[0], "-test.run=^TestCacheConcurrentProcesses$", "-test.count=1")
		cmds[i].Env = append(os.Environ(), "ENTENTE_CACHE_CHILD="+cache)
		cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Errorf("process %d: %v\n%s", i, err, outs[i].String())
		}
	}
	got, hits, _ := openCached(t, testenv.DataDir(t), cache, Options{})
	if hits != cachedLoaders {
		t.Errorf("after concurrent processes: %d hits, want %d", hits, cachedLoaders)
	}
	if d := sameHistory(got, want); d != "" {
		t.Error(d)
	}
}
