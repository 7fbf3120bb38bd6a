package table

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// ErrUnverified is wrapped by the error of a file that differs from what
// the catalogue expects of it.
var ErrUnverified = errors.New("file differs from the catalogue")

// Expect is what a data file must be: the catalogue's size, sha256 and
// number of data rows (header excluded). A zero field is not checked.
type Expect struct {
	Dataset string // named in errors
	Size    int64
	SHA256  string // lower-case hex
	Rows    int
}

var expects = struct {
	sync.Mutex
	m map[string]expectRef
}{m: map[string]expectRef{}}

type expectRef struct {
	e Expect
	n int
}

// ExpectFile makes every later OpenFile of path (and so Open and ReadFile)
// check the file against e in the same pass that reads it, until the
// returned function is called. history.OpenWith sets the catalogue's
// expectations for the files it reads.
func ExpectFile(path string, e Expect) (release func()) {
	key := filepath.Clean(path)
	expects.Lock()
	ref := expects.m[key]
	ref.e, ref.n = e, ref.n+1
	expects.m[key] = ref
	expects.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			expects.Lock()
			defer expects.Unlock()
			if ref := expects.m[key]; ref.n <= 1 {
				delete(expects.m, key)
			} else {
				ref.n--
				expects.m[key] = ref
			}
		})
	}
}

func expectation(path string) (Expect, bool) {
	expects.Lock()
	defer expects.Unlock()
	ref, ok := expects.m[filepath.Clean(path)]
	return ref.e, ok
}

// File is a data file opened by OpenFile. It reads the file once,
// hashing and counting the bytes as they pass, and Check compares them
// with the file's expectation, if any, at the end.
type File struct {
	f      *os.File
	path   string
	expect *Expect
	h      hash.Hash
	n      int64
}

// OpenFile opens the data file at path. It refuses anything but a regular
// file (a FIFO or a device such as /dev/zero would never end), and a file
// larger than the size its expectation gives, before reading it.
func OpenFile(path string) (*File, error) {
	// Stat before opening: opening a FIFO blocks until a writer comes.
	if st, err := os.Stat(path); err != nil {
		return nil, err
	} else if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file (%s)", path, st.Mode().Type())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		f.Close()
		return nil, fmt.Errorf("%s: not a regular file (%s)", path, st.Mode().Type())
	}
	df := &File{f: f, path: path}
	if e, ok := expectation(path); ok {
		df.expect = &e
		if e.Size > 0 && st.Size() > e.Size {
			f.Close()
			return nil, fmt.Errorf("%s: %w: %d bytes, the catalogue's %s has %d (run with --no-verify to read a modified copy)",
				path, ErrUnverified, st.Size(), e.Dataset, e.Size)
		}
		if e.SHA256 != "" {
			df.h = sha256.New()
		}
	}
	return df, nil
}

// Read reads from the file, hashing what it reads; it stops with an error
// as soon as the file grows past its expected size.
func (f *File) Read(p []byte) (int, error) {
	n, err := f.f.Read(p)
	f.n += int64(n)
	if f.h != nil {
		f.h.Write(p[:n])
	}
	if f.expect != nil && f.expect.Size > 0 && f.n > f.expect.Size {
		return n, fmt.Errorf("%s: %w: more than the catalogue's %d bytes", f.path, ErrUnverified, f.expect.Size)
	}
	return n, err
}

// Close closes the file.
func (f *File) Close() error { return f.f.Close() }

// Check compares what was read, to the end, with the expectation: rows
// (the data rows read, or -1 when the reader does not count them), size
// and sha256. The error names the file and every difference.
func (f *File) Check(rows int) error {
	if f.expect == nil {
		return nil
	}
	e := f.expect
	var diff []string
	if rows >= 0 && e.Rows > 0 && rows != e.Rows {
		diff = append(diff, fmt.Sprintf("%d rows, the catalogue has %d", rows, e.Rows))
	}
	if e.Size > 0 && f.n != e.Size {
		diff = append(diff, fmt.Sprintf("%d bytes, the catalogue has %d", f.n, e.Size))
	}
	if f.h != nil {
		if got := hex.EncodeToString(f.h.Sum(nil)); got != e.SHA256 {
			diff = append(diff, fmt.Sprintf("sha256 %s, the catalogue has %s", got, e.SHA256))
		}
	}
	if len(diff) == 0 {
		return nil
	}
	return fmt.Errorf("%s: %w (%s): %s (run with --no-verify to read a modified copy)",
		f.path, ErrUnverified, e.Dataset, strings.Join(diff, "; "))
}

// ReadAll reads the whole file and checks it (rows not counted).
func (f *File) ReadAll() ([]byte, error) {
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return b, f.Check(-1)
}
