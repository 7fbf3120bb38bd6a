package dataset

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ErrNotDownloadable is wrapped by NotDownloadableError.
var ErrNotDownloadable = errors.New("cannot be downloaded from its publisher")

// NotDownloadableError reports a file that no publisher download reproduces
// (a converted or third-party file), with what to do instead.
type NotDownloadableError struct {
	Path   string
	Kind   SourceKind
	Reason string
}

func (e *NotDownloadableError) Error() string {
	return fmt.Sprintf("%s: %v (%s file): %s", e.Path, ErrNotDownloadable, e.Kind, e.Reason)
}

func (e *NotDownloadableError) Unwrap() error { return ErrNotDownloadable }

// ErrChecksum is wrapped by ChecksumError.
var ErrChecksum = errors.New("sha256 mismatch")

// ChecksumError reports downloaded bytes whose sha256 is not the one the
// catalogue expects. Nothing was written under the file's name.
type ChecksumError struct {
	Path     string // the file, relative to the data directory
	URL      string // where the bytes came from
	Expected string
	Got      string
}

func (e *ChecksumError) Error() string {
	return fmt.Sprintf("%s: %v: expected %s, got %s (from %s); nothing written", e.Path, ErrChecksum, e.Expected, e.Got, e.URL)
}

func (e *ChecksumError) Unwrap() error { return ErrChecksum }

// Progress reports how far a download has come.
type Progress struct {
	URL   string
	Done  int64 // bytes received so far
	Total int64 // bytes expected, or -1 when the server did not say
}

// FetchStatus says what Get did with a file.
type FetchStatus string

// What Get did with a file.
const (
	// Downloaded: the file was fetched, checked and written.
	Downloaded FetchStatus = "downloaded"
	// Present: a file with the expected sha256 was already there.
	Present FetchStatus = "present"
)

// Fetched is one file Get wrote or found in place.
type Fetched struct {
	Path   string      `json:"path"`
	Status FetchStatus `json:"status"`
	URL    string      `json:"url,omitempty"`
}

// defaultClient gives up on a server that does not answer within a minute;
// the body itself may take as long as it needs (cancel with the context).
var defaultClient = func() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.ResponseHeaderTimeout = time.Minute
	return &http.Client{Transport: t}
}()

// DefaultMaxBytes caps a download or an extracted archive member.
const DefaultMaxBytes = 2 << 30

// Getter downloads datasets from their publishers.
type Getter struct {
	// Client makes the requests; nil means a client with proxy settings
	// from the environment that waits at most a minute for response headers.
	Client *http.Client
	// UserAgent is sent with each request when not empty.
	UserAgent string
	// Progress, when set, is called as bytes arrive.
	Progress func(Progress)
	// MaxBytes caps a download or an extracted member; zero means
	// DefaultMaxBytes.
	MaxBytes int64
}

// Get fetches every file of d into dir (creating directories as needed),
// skipping files already present with the expected sha256. Each file is
// written to a temporary file beside its final name, checked against the
// catalogue's sha256, and renamed into place: a failed or corrupted
// download leaves no file under the final name and leaves a file already
// there untouched. An archive is downloaded once for all its members.
//
// Get goes on with the other files after a failure and returns every
// failure joined: a *ChecksumError, a *NotDownloadableError, or a
// download or I/O error naming the file.
func (g *Getter) Get(ctx context.Context, dir string, d Dataset) ([]Fetched, error) {
	var out []Fetched
	var errs []error
	archives := map[string][]File{}
	var direct []File
	for _, f := range d.Files {
		if g.present(dir, f) {
			out = append(out, Fetched{Path: f.Path, Status: Present})
			continue
		}
		switch f.Source.Kind {
		case SourceDirect:
			direct = append(direct, f)
		case SourceZip:
			archives[f.Source.URL] = append(archives[f.Source.URL], f)
		default:
			errs = append(errs, &NotDownloadableError{Path: f.Path, Kind: f.Source.Kind, Reason: f.Source.Note})
		}
	}
	for _, f := range direct {
		if err := ctx.Err(); err != nil {
			errs = append(errs, err)
			break
		}
		if err := g.getDirect(ctx, dir, f); err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, Fetched{Path: f.Path, Status: Downloaded, URL: f.Source.URL})
	}
	urls := make([]string, 0, len(archives))
	for u := range archives {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	for _, u := range urls {
		if err := ctx.Err(); err != nil {
			errs = append(errs, err)
			break
		}
		got, err := g.getArchive(ctx, dir, u, archives[u])
		out = append(out, got...)
		if err != nil {
			errs = append(errs, err)
		}
	}
	return out, errors.Join(errs...)
}

// present reports whether dir holds f with the expected sha256.
func (g *Getter) present(dir string, f File) bool {
	file, err := os.Open(filepath.Join(dir, filepath.FromSlash(f.Path)))
	if err != nil {
		return false
	}
	defer file.Close()
	h := sha256.New()
	if _, err := io.Copy(h, file); err != nil {
		return false
	}
	return hex.EncodeToString(h.Sum(nil)) == f.SHA256
}

func (g *Getter) maxBytes() int64 {
	if g.MaxBytes > 0 {
		return g.MaxBytes
	}
	return DefaultMaxBytes
}

// getDirect streams one file from its URL into place.
func (g *Getter) getDirect(ctx context.Context, dir string, f File) error {
	body, total, err := g.open(ctx, f.Source.URL)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	defer body.Close()
	src := g.track(f.Source.URL, total, body)
	if err := g.writeVerified(ctx, dir, f, src, f.Source.URL); err != nil {
		return err
	}
	return nil
}

// getArchive downloads the archive at url once and extracts files from it.
func (g *Getter) getArchive(ctx context.Context, dir, url string, files []File) ([]Fetched, error) {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Path
	}
	fail := func(err error) error { return fmt.Errorf("%s: %w", strings.Join(names, ", "), err) }
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fail(err)
	}
	tmp, err := os.CreateTemp(dir, ".entente-archive-*.zip")
	if err != nil {
		return nil, fail(err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	body, total, err := g.open(ctx, url)
	if err != nil {
		return nil, fail(err)
	}
	n, err := copyLimited(ctx, tmp, g.track(url, total, body), g.maxBytes())
	body.Close()
	if err != nil {
		return nil, fail(err)
	}
	zr, err := zip.NewReader(tmp, n)
	if err != nil {
		return nil, fail(fmt.Errorf("%s: not a zip archive: %w", url, err))
	}
	var out []Fetched
	var errs []error
	for _, f := range files {
		if err := g.extract(ctx, dir, url, zr, f); err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, Fetched{Path: f.Path, Status: Downloaded, URL: url})
	}
	return out, errors.Join(errs...)
}

// extract writes the member of zr that f names into place.
func (g *Getter) extract(ctx context.Context, dir, url string, zr *zip.Reader, f File) error {
	if len(f.Source.Members) == 0 {
		return fmt.Errorf("%s: the catalogue names no member of %s", f.Path, url)
	}
	var cleanup []func()
	defer func() {
		for i := len(cleanup) - 1; i >= 0; i-- {
			cleanup[i]()
		}
	}()
	where := url
	for i, name := range f.Source.Members {
		zf, err := findMember(zr, name)
		if err != nil {
			return fmt.Errorf("%s: %s: %w", f.Path, where, err)
		}
		where += "!" + zf.Name
		rc, err := zf.Open()
		if err != nil {
			return fmt.Errorf("%s: %s: %w", f.Path, where, err)
		}
		if i == len(f.Source.Members)-1 {
			defer rc.Close()
			return g.writeVerified(ctx, dir, f, rc, where)
		}
		// A nested archive: spill it to a temporary file to read it as a zip.
		tmp, err := os.CreateTemp(dir, ".entente-archive-*.zip")
		if err != nil {
			rc.Close()
			return fmt.Errorf("%s: %w", f.Path, err)
		}
		cleanup = append(cleanup, func() { tmp.Close(); os.Remove(tmp.Name()) })
		n, err := copyLimited(ctx, tmp, rc, g.maxBytes())
		rc.Close()
		if err != nil {
			return fmt.Errorf("%s: %s: %w", f.Path, where, err)
		}
		if zr, err = zip.NewReader(tmp, n); err != nil {
			return fmt.Errorf("%s: %s: not a zip archive: %w", f.Path, where, err)
		}
	}
	return nil
}

// findMember returns the member called name, or else the only member whose
// base name is name's base name.
func findMember(zr *zip.Reader, name string) (*zip.File, error) {
	var byBase []*zip.File
	for _, zf := range zr.File {
		if zf.Name == name {
			return zf, nil
		}
		if path.Base(zf.Name) == path.Base(name) && !strings.HasSuffix(zf.Name, "/") {
			byBase = append(byBase, zf)
		}
	}
	if len(byBase) == 1 {
		return byBase[0], nil
	}
	var all []string
	for _, zf := range zr.File {
		all = append(all, zf.Name)
	}
	if len(all) > 20 {
		all = append(all[:20], "…")
	}
	if len(byBase) > 1 {
		return nil, fmt.Errorf("%d members are called %q: %s", len(byBase), path.Base(name), strings.Join(all, ", "))
	}
	return nil, fmt.Errorf("no member %q (members: %s)", name, strings.Join(all, ", "))
}

// open starts a GET of url and returns its body and announced length.
func (g *Getter) open(ctx context.Context, url string) (io.ReadCloser, int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, 0, err
	}
	if g.UserAgent != "" {
		req.Header.Set("User-Agent", g.UserAgent)
	}
	client := g.Client
	if client == nil {
		client = defaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, 0, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, 0, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return &lengthChecked{r: resp.Body, want: resp.ContentLength, url: url}, resp.ContentLength, nil
}

// lengthChecked fails a body that ends before its announced length.
type lengthChecked struct {
	r    io.ReadCloser
	want int64
	got  int64
	url  string
}

func (l *lengthChecked) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.got += int64(n)
	if err == io.EOF && l.want >= 0 && l.got != l.want {
		return n, fmt.Errorf("GET %s: body ended after %d of %d bytes: %w", l.url, l.got, l.want, io.ErrUnexpectedEOF)
	}
	if err != nil && err != io.EOF {
		if l.want >= 0 {
			return n, fmt.Errorf("GET %s: after %d of %d bytes: %w", l.url, l.got, l.want, err)
		}
		return n, fmt.Errorf("GET %s: after %d bytes: %w", l.url, l.got, err)
	}
	return n, err
}

func (l *lengthChecked) Close() error { return l.r.Close() }

// track reports the progress of reading r.
func (g *Getter) track(url string, total int64, r io.Reader) io.Reader {
	if g.Progress == nil {
		return r
	}
	return &progressReader{r: r, p: Progress{URL: url, Total: total}, report: g.Progress}
}

type progressReader struct {
	r      io.Reader
	p      Progress
	report func(Progress)
}

func (pr *progressReader) Read(b []byte) (int, error) {
	n, err := pr.r.Read(b)
	pr.p.Done += int64(n)
	pr.report(pr.p)
	return n, err
}

// writeVerified writes src to f's place in dir through a temporary file,
// applying f's transform, and renames it into place only when its sha256 is
// the expected one.
func (g *Getter) writeVerified(ctx context.Context, dir string, f File, src io.Reader, from string) (err error) {
	final := filepath.Join(dir, filepath.FromSlash(f.Path))
	if err := os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(final), "."+filepath.Base(final)+".part-*")
	if err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	var w io.Writer = io.MultiWriter(tmp, h)
	var lf *lfWriter
	if f.Source.Transform == ToLF {
		lf = &lfWriter{w: w}
		w = lf
	} else if f.Source.Transform != NoTransform {
		return fmt.Errorf("%s: unknown transform %q", f.Path, f.Source.Transform)
	}
	if _, err := copyLimited(ctx, w, src, g.maxBytes()); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	if lf != nil {
		if err := lf.Close(); err != nil {
			return fmt.Errorf("%s: %w", f.Path, err)
		}
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != f.SHA256 {
		return &ChecksumError{Path: f.Path, URL: from, Expected: f.SHA256, Got: got}
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	if err := os.Rename(tmp.Name(), final); err != nil {
		return fmt.Errorf("%s: %w", f.Path, err)
	}
	return nil
}

// copyLimited copies src to dst, failing past max bytes or when ctx is done.
func copyLimited(ctx context.Context, dst io.Writer, src io.Reader, max int64) (int64, error) {
	n, err := io.Copy(dst, io.LimitReader(&ctxReader{ctx: ctx, r: src}, max+1))
	if err != nil {
		return n, err
	}
	if n > max {
		return n, fmt.Errorf("larger than the limit of %d bytes", max)
	}
	return n, nil
}

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// lfWriter turns CR-only and CRLF line endings into LF; Close ends the
// output with a newline.
type lfWriter struct {
	w      io.Writer
	prevCR bool
	last   byte
	n      int64
	buf    []byte
}

func (l *lfWriter) Write(p []byte) (int, error) {
	l.buf = l.buf[:0]
	for _, b := range p {
		if l.prevCR && b == '\n' {
			l.prevCR = false
			continue // the CR already became this line's LF
		}
		l.prevCR = b == '\r'
		if b == '\r' {
			b = '\n'
		}
		l.buf = append(l.buf, b)
	}
	if len(l.buf) > 0 {
		l.last = l.buf[len(l.buf)-1]
		l.n += int64(len(l.buf))
		if _, err := l.w.Write(l.buf); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// Close writes a final newline if the output does not end with one.
func (l *lfWriter) Close() error {
	if l.n > 0 && l.last != '\n' {
		_, err := l.w.Write([]byte{'\n'})
		return err
	}
	return nil
}
