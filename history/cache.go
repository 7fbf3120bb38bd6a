package history

import (
	"bytes"
	"crypto/sha256"
	"encoding"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/entente/entente/internal/dataset"
	"github.com/entente/entente/internal/source/cow"
	"github.com/entente/entente/internal/source/geo"
	"github.com/entente/entente/world"
)

// The parsed cache keeps what a loader made of a data file (its rows, or
// the DyadTable built from them) in Options.Cache, one entry per data
// file and loader, so that a later OpenWith decodes it instead of parsing
// the CSV again. An entry is a header and a payload:
//
//	magic     8 bytes  "entcache"
//	format    4 bytes  cacheFormat
//	key      32 bytes  sha256 of the loader, the data file's absolute path,
//	                   the running executable (path, size, modification
//	                   time) and the architecture
//	size      8 bytes  the data file's size and
//	mtime     8 bytes  modification time (Unix nanoseconds) when parsed
//	sha256   32 bytes  the data file's sha256 when parsed
//	length    8 bytes  payload length
//	crc32c    4 bytes  payload checksum (Castagnoli)
//	payload            encoding.BinaryMarshaler output, else gob
//
// An entry is used only when every field matches: the data file has the
// recorded size and modification time (so the file is not hashed again on
// every run), its recorded sha256 is the catalogue's (when the files are
// verified), the executable is the one that wrote it (a new build may
// parse differently), and the payload has its length and checksum. Any
// other entry, truncated, corrupt or stale, is ignored and replaced.
// Entries are written to a temporary file in the cache directory and
// renamed into place, so concurrent runs never read a partial entry; the
// last writer wins.
const (
	cacheMagic  = "entcache"
	cacheFormat = 1
	cacheHeader = 8 + 4 + 32 + 8 + 8 + 32 + 8 + 4
)

// CacheEnv names the environment variable that sets the cache directory
// (DefaultCacheDir); "off" disables the cache.
const CacheEnv = "ENTENTE_CACHE"

// DefaultCacheDir returns the directory the command line keeps its parsed
// cache in: $ENTENTE_CACHE when set, else the user's cache directory
// (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache on Linux) plus
// "entente". It returns "" when getenv(CacheEnv) is "off" or there is no
// user cache directory: no cache.
func DefaultCacheDir(getenv func(string) string) string {
	switch d := getenv(CacheEnv); d {
	case "off":
		return ""
	case "":
	default:
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "entente")
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// cacheHits and cacheMisses count entries decoded and files parsed with a
// cache, for the tests.
var cacheHits, cacheMisses atomic.Int64

// executable identifies the running program by path, size and
// modification time, computed once.
var executable = sync.OnceValue(func() []byte {
	p, err := os.Executable()
	if err != nil {
		return nil
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil
	}
	return fmt.Appendf(nil, "%s\x00%d\x00%d", p, st.Size(), st.ModTime().UnixNano())
})

// fileCache is the parsed cache of one OpenWith call; nil when there is
// none.
type fileCache struct {
	dir    string
	verify bool
}

func (o *Options) fileCache() *fileCache {
	if o.Cache == "" || executable() == nil {
		return nil
	}
	return &fileCache{dir: o.Cache, verify: !o.NoVerify}
}

// cacheEntry locates the entry of a data file: its path, the key that
// must match and the file's current size and modification time.
type cacheEntry struct {
	path        string
	key         [32]byte
	size, mtime int64
	sha         [32]byte // the catalogue's, when verified and catalogued
	catalogued  bool
}

func (c *fileCache) entry(path, file, loader string) (cacheEntry, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return cacheEntry{}, false
	}
	st, err := os.Stat(abs)
	if err != nil || !st.Mode().IsRegular() {
		return cacheEntry{}, false
	}
	name := sha256.Sum256([]byte(loader + "\x00" + abs))
	e := cacheEntry{
		path:  filepath.Join(c.dir, hex.EncodeToString(name[:16])+".bin"),
		key:   sha256.Sum256(fmt.Appendf(nil, "%d\x00%s\x00%s\x00%s\x00%s", cacheFormat, loader, abs, executable(), runtime.GOARCH)),
		size:  st.Size(),
		mtime: st.ModTime().UnixNano(),
	}
	if c.verify {
		if _, f, ok := dataset.FindFile(file); ok {
			if b, err := hex.DecodeString(f.SHA256); err == nil && len(b) == 32 {
				copy(e.sha[:], b)
				e.catalogued = true
			}
		}
	}
	return e, true
}

// get decodes the entry of path into dst, and reports whether it could:
// a missing, stale or damaged entry is a miss.
func (c *fileCache) get(e cacheEntry, dst any) bool {
	b, err := os.ReadFile(e.path)
	if err != nil || len(b) < cacheHeader || string(b[:8]) != cacheMagic {
		return false
	}
	le := binary.LittleEndian
	h := b[8:cacheHeader]
	if le.Uint32(h) != cacheFormat || !bytes.Equal(h[4:36], e.key[:]) ||
		int64(le.Uint64(h[36:])) != e.size || int64(le.Uint64(h[44:])) != e.mtime {
		return false
	}
	if e.catalogued && !bytes.Equal(h[52:84], e.sha[:]) {
		return false
	}
	payload := b[cacheHeader:]
	if le.Uint64(h[84:]) != uint64(len(payload)) || le.Uint32(h[92:]) != crc32.Checksum(payload, castagnoli) {
		return false
	}
	return decodePayload(payload, dst) == nil
}

// put writes v as the entry of its data file. The sha256 recorded is the
// catalogue's when the file was verified while parsing, else the file is
// hashed. A failure to write leaves no entry and is not an error: the
// cache only saves time.
func (c *fileCache) put(e cacheEntry, dataPath string, v any) {
	sha := e.sha
	if !e.catalogued {
		f, err := os.Open(dataPath)
		if err != nil {
			return
		}
		hs := sha256.New()
		_, err = io.Copy(hs, f)
		f.Close()
		if err != nil {
			return
		}
		hs.Sum(sha[:0])
	}
	payload, err := encodePayload(v)
	if err != nil {
		return
	}
	le := binary.LittleEndian
	b := make([]byte, 0, cacheHeader+len(payload))
	b = append(b, cacheMagic...)
	b = le.AppendUint32(b, cacheFormat)
	b = append(b, e.key[:]...)
	b = le.AppendUint64(b, uint64(e.size))
	b = le.AppendUint64(b, uint64(e.mtime))
	b = append(b, sha[:]...)
	b = le.AppendUint64(b, uint64(len(payload)))
	b = le.AppendUint32(b, crc32.Checksum(payload, castagnoli))
	b = append(b, payload...)
	_ = writeAtomic(e.path, b)
}

// writeAtomic writes b to a temporary file beside path and renames it to
// path.
func writeAtomic(path string, b []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

func encodePayload(v any) ([]byte, error) {
	le := binary.LittleEndian
	switch v := v.(type) {
	case encoding.BinaryMarshaler:
		return v.MarshalBinary()
	case []cow.NMC: // the rows every command reads: faster than gob
		b := le.AppendUint32(nil, uint32(len(v)))
		for _, r := range v {
			b = le.AppendUint32(b, uint32(r.CCode))
			b = le.AppendUint32(b, uint32(r.Year))
			if len(r.Abbrev) > 255 {
				return nil, errors.New("history: abbreviation too long to cache")
			}
			b = append(b, byte(len(r.Abbrev)))
			b = append(b, r.Abbrev...)
			c := r.Capability
			for _, x := range [...]world.Value{c.Milex, c.Milper, c.Irst, c.Pec, c.Tpop, c.Upop, c.CINC} {
				b = le.AppendUint64(b, math.Float64bits(float64(x)))
			}
		}
		return b, nil
	case []cow.StateYear:
		b := le.AppendUint32(nil, uint32(len(v)))
		for _, r := range v {
			b = le.AppendUint32(b, uint32(r.CCode))
			b = le.AppendUint32(b, uint32(r.Year))
			if len(r.Abbrev) > 255 {
				return nil, errors.New("history: abbreviation too long to cache")
			}
			b = append(b, byte(len(r.Abbrev)))
			b = append(b, r.Abbrev...)
		}
		return b, nil
	}
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(v)
	return buf.Bytes(), err
}

// decodePayload decodes into dst, a pointer to what encodePayload was
// given; a *DyadTable is decoded by its UnmarshalBinary.
func decodePayload(b []byte, dst any) error {
	switch d := dst.(type) {
	case binaryUnmarshalerTo:
		return d.unmarshalInto(b)
	case *[]cow.NMC:
		var err error
		*d, err = decodeRows(b, 7*8, func(r *cow.NMC, code, year int, abbrev string, rest []byte) {
			var x [7]world.Value
			for i := range x {
				x[i] = world.Value(math.Float64frombits(binary.LittleEndian.Uint64(rest[8*i:])))
			}
			*r = cow.NMC{CCode: code, Year: year, Abbrev: abbrev, Capability: world.Capability{
				Milex: x[0], Milper: x[1], Irst: x[2], Pec: x[3], Tpop: x[4], Upop: x[5], CINC: x[6]}}
		})
		return err
	case *[]cow.StateYear:
		var err error
		*d, err = decodeRows(b, 0, func(r *cow.StateYear, code, year int, abbrev string, _ []byte) {
			*r = cow.StateYear{CCode: code, Year: year, Abbrev: abbrev}
		})
		return err
	}
	return gob.NewDecoder(bytes.NewReader(b)).Decode(dst)
}

// decodeRows decodes rows encoded as a count, then per row ccode, year,
// a length-prefixed abbreviation and extra bytes, interning the
// abbreviations.
func decodeRows[T any](b []byte, extra int, set func(r *T, code, year int, abbrev string, rest []byte)) ([]T, error) {
	bad := errors.New("history: malformed cached rows")
	le := binary.LittleEndian
	if len(b) < 4 {
		return nil, bad
	}
	n := int(le.Uint32(b))
	b = b[4:]
	if n > len(b)/(9+extra) {
		return nil, bad
	}
	rows := make([]T, n)
	names := map[string]string{}
	for i := range rows {
		if len(b) < 9 || len(b) < 9+int(b[8])+extra {
			return nil, bad
		}
		l := int(b[8])
		ab, ok := names[string(b[9:9+l])]
		if !ok {
			ab = string(b[9 : 9+l])
			names[ab] = ab
		}
		set(&rows[i], int(int32(le.Uint32(b))), int(int32(le.Uint32(b[4:]))), ab, b[9+l:9+l+extra])
		b = b[9+l+extra:]
	}
	if len(b) != 0 {
		return nil, bad
	}
	return rows, nil
}

// binaryUnmarshalerTo is a **DyadTable: it allocates the table it decodes.
type binaryUnmarshalerTo interface{ unmarshalInto([]byte) error }

// cached wraps a loader of file with the cache c (nil: none): a hit
// decodes the entry into dst; a miss loads the file and writes the entry.
// name distinguishes loaders of the same file. A loader that changes what
// it returns needs no new name: the change is a new build, and an entry
// written by another executable is stale.
func cached[T any](c *fileCache, file, name string, dst *T, load func(string) (T, error)) func(string) error {
	return func(path string) error {
		var (
			e  cacheEntry
			ok bool
		)
		if c != nil {
			if e, ok = c.entry(path, file, name); ok {
				if c.get(e, cacheTarget(dst)) {
					cacheHits.Add(1)
					return nil
				}
			}
			cacheMisses.Add(1)
		}
		v, err := load(path)
		if err != nil {
			return err
		}
		*dst = v
		if ok {
			c.put(e, path, v)
		}
		return nil
	}
}

// cacheTarget returns what decodePayload decodes into for dst: the
// **DyadTable itself when it knows how, else dst for gob.
func cacheTarget[T any](dst *T) any {
	switch p := any(dst).(type) {
	case **DyadTable[world.Obligations]:
		return dyadTableTarget[world.Obligations]{p}
	case **DyadTable[int8]:
		return dyadTableTarget[int8]{p}
	case **DyadTable[int16]:
		return dyadTableTarget[int16]{p}
	case **DyadTable[float64]:
		return dyadTableTarget[float64]{p}
	case **DyadTable[DisputeYear]:
		return dyadTableTarget[DisputeYear]{p}
	case **DyadTable[Trade]:
		return dyadTableTarget[Trade]{p}
	case **geo.CapDist:
		return newTarget[geo.CapDist]{p}
	}
	return dst
}

type dyadTableTarget[T any] struct{ p **DyadTable[T] }

// newTarget decodes a *T by its UnmarshalBinary.
type newTarget[T any] struct{ p **T }

func (d newTarget[T]) unmarshalInto(b []byte) error {
	t := new(T)
	u, ok := any(t).(encoding.BinaryUnmarshaler)
	if !ok {
		return fmt.Errorf("history: %T cannot be decoded", t)
	}
	if err := u.UnmarshalBinary(b); err != nil {
		return err
	}
	*d.p = t
	return nil
}

func (d dyadTableTarget[T]) unmarshalInto(b []byte) error {
	t := new(DyadTable[T])
	if err := t.UnmarshalBinary(b); err != nil {
		return err
	}
	*d.p = t
	return nil
}

// MarshalBinary encodes the table compactly (little-endian): first, last,
// directed, the year offsets, the keys and the values.
func (t *DyadTable[T]) MarshalBinary() ([]byte, error) {
	le := binary.LittleEndian
	b := make([]byte, 0, 16+4*len(t.off)+4*len(t.keys)+binary.Size(t.vals))
	b = le.AppendUint32(b, uint32(int32(t.first)))
	b = le.AppendUint32(b, uint32(int32(t.last)))
	d := uint32(0)
	if t.directed {
		d = 1
	}
	b = le.AppendUint32(b, d)
	b = le.AppendUint32(b, uint32(len(t.keys)))
	for _, o := range t.off {
		b = le.AppendUint32(b, uint32(o))
	}
	for _, k := range t.keys {
		b = le.AppendUint32(b, uint32(k))
	}
	switch v := any(t.vals).(type) {
	case []world.Obligations:
		for _, x := range v {
			b = append(b, byte(x))
		}
	case []int8:
		for _, x := range v {
			b = append(b, byte(x))
		}
	case []float64:
		for _, x := range v {
			b = le.AppendUint64(b, math.Float64bits(x))
		}
	case []int16:
		for _, x := range v {
			b = le.AppendUint16(b, uint16(x))
		}
	case []Trade:
		for _, x := range v {
			b = le.AppendUint64(b, math.Float64bits(x.AFromB))
			b = le.AppendUint64(b, math.Float64bits(x.BFromA))
		}
	default:
		return binary.Append(b, le, v)
	}
	return b, nil
}

// UnmarshalBinary decodes what MarshalBinary wrote, checking every
// length.
func (t *DyadTable[T]) UnmarshalBinary(b []byte) error {
	bad := errors.New("history: malformed dyad table")
	le := binary.LittleEndian
	if len(b) < 16 {
		return bad
	}
	first, last := int(int32(le.Uint32(b))), int(int32(le.Uint32(b[4:])))
	directed, n := le.Uint32(b[8:]) == 1, int(le.Uint32(b[12:]))
	years := last - first + 1
	b = b[16:]
	if years < 1 || years > 1<<16 || n < 0 || len(b) < 4*(years+1)+4*n {
		return bad
	}
	off := make([]int32, years+1)
	for i := range off {
		off[i] = int32(le.Uint32(b[4*i:]))
		if off[i] < 0 || int(off[i]) > n || (i > 0 && off[i] < off[i-1]) {
			return bad
		}
	}
	if off[0] != 0 || int(off[years]) != n {
		return bad
	}
	b = b[4*(years+1):]
	keys := make([]DyadKey, n)
	for i := range keys {
		keys[i] = DyadKey(le.Uint32(b[4*i:]))
	}
	b = b[4*n:]
	vals := make([]T, n)
	switch v := any(vals).(type) {
	case []world.Obligations:
		if len(b) != n {
			return bad
		}
		for i := range v {
			v[i] = world.Obligations(b[i])
		}
	case []int8:
		if len(b) != n {
			return bad
		}
		for i := range v {
			v[i] = int8(b[i])
		}
	case []float64:
		if len(b) != 8*n {
			return bad
		}
		for i := range v {
			v[i] = math.Float64frombits(le.Uint64(b[8*i:]))
		}
	case []int16:
		if len(b) != 2*n {
			return bad
		}
		for i := range v {
			v[i] = int16(le.Uint16(b[2*i:]))
		}
	case []Trade:
		if len(b) != 16*n {
			return bad
		}
		for i := range v {
			v[i] = Trade{math.Float64frombits(le.Uint64(b[16*i:])), math.Float64frombits(le.Uint64(b[16*i+8:]))}
		}
	default:
		if m, err := binary.Decode(b, le, vals); err != nil || m != len(b) {
			return bad
		}
	}
	*t = DyadTable[T]{first: first, last: last, directed: directed, off: off, keys: keys, vals: vals}
	return nil
}
