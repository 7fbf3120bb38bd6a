package dataset

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/entente/entente/internal/source/table"
)

// Status is the outcome of verifying one file.
type Status string

// The statuses of a verified file.
const (
	StatusOK     Status = "ok"     // present, with the expected bytes, rows and coverage
	StatusAbsent Status = "absent" // not in the directory
	StatusBad    Status = "bad"    // present, with at least one problem
)

// FileReport is the verification of one file.
type FileReport struct {
	Path     string   `json:"path"`
	Dataset  string   `json:"dataset"`
	Status   Status   `json:"status"`
	Problems []string `json:"problems"`
	// SHA256, Rows and Coverage are what was measured; nil or empty when
	// the file is absent or could not be read. Rows is nil when the file
	// could not be parsed to its end.
	SHA256   string `json:"sha256,omitempty"`
	Rows     *int   `json:"rows,omitempty"`
	Coverage *Years `json:"coverage,omitempty"`
}

// Report is the verification of a data directory.
type Report struct {
	Dir string `json:"dir"`
	// OK is true when every present file is valid. Absent files do not
	// make a report fail: a user may hold only the datasets they need.
	OK    bool         `json:"ok"`
	Files []FileReport `json:"files"`
}

// Counts returns how many files have each status.
func (r *Report) Counts() (ok, absent, bad int) {
	for _, f := range r.Files {
		switch f.Status {
		case StatusOK:
			ok++
		case StatusAbsent:
			absent++
		case StatusBad:
			bad++
		}
	}
	return ok, absent, bad
}

// Verify checks every file of datasets in dir: presence, sha256, column
// count, row count and coverage. Files are read as streams, several at a
// time. It returns an error only when dir itself cannot be read or ctx is
// done; problems with files are in the report.
func Verify(ctx context.Context, dir string, datasets []Dataset) (*Report, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("data directory %s: not a directory", dir)
	}
	type job struct {
		i    int
		name string
		f    File
	}
	var jobs []job
	for _, d := range datasets {
		for _, f := range d.Files {
			jobs = append(jobs, job{len(jobs), d.Name, f})
		}
	}
	rep := &Report{Dir: dir, Files: make([]FileReport, len(jobs))}
	// Largest files first, so the long one does not start last.
	order := make(chan job, len(jobs))
	sorted := append([]job(nil), jobs...)
	sort.SliceStable(sorted, func(a, b int) bool { return sorted[a].f.Size > sorted[b].f.Size })
	for _, j := range sorted {
		order <- j
	}
	close(order)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(jobs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range order {
				if ctx.Err() != nil {
					return
				}
				fr := VerifyFile(dir, j.f)
				fr.Dataset = j.name
				rep.Files[j.i] = fr
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rep.OK = true
	for _, f := range rep.Files {
		if f.Status == StatusBad {
			rep.OK = false
		}
	}
	return rep, nil
}

// VerifyFile checks the file f inside dir.
func VerifyFile(dir string, f File) FileReport {
	fr := FileReport{Path: f.Path, Problems: []string{}}
	full := filepath.Join(dir, filepath.FromSlash(f.Path))
	file, err := os.Open(full)
	if errors.Is(err, fs.ErrNotExist) {
		fr.Status = StatusAbsent
		return fr
	}
	if err != nil {
		fr.Status = StatusBad
		fr.Problems = append(fr.Problems, err.Error())
		return fr
	}
	defer file.Close()
	m := measure(f.Path, file, f)
	fr.SHA256 = m.sha256
	fr.Coverage = m.coverage
	if m.err == nil {
		rows := m.rows
		fr.Rows = &rows
	}
	fr.Problems = compare(f, m)
	fr.Status = StatusOK
	if len(fr.Problems) > 0 {
		fr.Status = StatusBad
	}
	return fr
}

// measurement is what one pass over a file found.
type measurement struct {
	sha256   string
	size     int64
	columns  int
	rows     int
	coverage *Years
	yearErr  string // the first malformed year cell
	err      error  // a read or parse error that stopped the pass
}

// measure hashes src and parses it as CSV in one pass.
func measure(name string, src io.Reader, f File) measurement {
	var m measurement
	h := sha256.New()
	cnt := &counter{w: h}
	tee := io.TeeReader(src, cnt)
	m.rows, m.columns, m.coverage, m.yearErr, m.err = scan(name, tee, f)
	// Hash whatever the parser did not read (after a parse error).
	if _, err := io.Copy(io.Discard, tee); err != nil && m.err == nil {
		m.err = err
	}
	m.sha256 = hex.EncodeToString(h.Sum(nil))
	m.size = cnt.n
	return m
}

type counter struct {
	w hash.Hash
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return c.w.Write(p)
}

// scan counts the data rows of a CSV file and the range of its year columns.
func scan(name string, src io.Reader, f File) (rows, columns int, cov *Years, yearErr string, err error) {
	opts := table.Options{Missing: []string{"-9", "NA"}, Latin1: f.Encoding == Latin1}
	if f.Separator != "" {
		opts.Comma = []rune(f.Separator)[0]
	}
	r, err := table.New(name, src, opts)
	if err != nil {
		return 0, 0, nil, "", err
	}
	columns = len(r.Header())
	var lo, hi int
	seen := false
	note := func(y int) {
		if !seen || y < lo {
			lo = y
		}
		if !seen || y > hi {
			hi = y
		}
		seen = true
	}
	if f.YearFormat == YearHeader {
		for _, h := range r.Header() {
			// NATO marks an estimate's column with a trailing "e" (2024e).
			if y, ok := parseYear(strings.TrimSuffix(h, "e"), YearNumber); ok {
				note(y)
			}
		}
	}
	var cols []string
	for _, c := range f.YearColumns {
		if !r.Has(c) {
			if yearErr == "" {
				yearErr = fmt.Sprintf("no year column %q", c)
			}
			continue
		}
		cols = append(cols, c)
	}
	for r.Next() {
		rows++
		for _, c := range cols {
			if r.IsMissing(c) {
				continue
			}
			s := r.String(c)
			y, ok := parseYear(s, f.YearFormat)
			if !ok {
				if yearErr == "" {
					yearErr = fmt.Sprintf("line %d: column %q: not a year: %q", r.Line(), c, s)
				}
				continue
			}
			note(y)
		}
	}
	if seen {
		cov = &Years{From: lo, To: hi}
	}
	return rows, columns, cov, yearErr, r.Err()
}

// parseYear reads the year of a cell in the given format.
func parseYear(s string, format YearFormat) (int, bool) {
	switch format {
	case YearMonth:
		if len(s) != 6 {
			return 0, false
		}
		v, err := strconv.Atoi(s)
		if err != nil || v%100 < 1 || v%100 > 12 {
			return 0, false
		}
		return v / 100, true
	case YearDate:
		if len(s) != 10 || s[4] != '-' || s[7] != '-' {
			return 0, false
		}
		s = s[:4]
	}
	if len(s) != 4 {
		return 0, false
	}
	v, err := strconv.Atoi(s)
	return v, err == nil && v >= 0
}

// compare lists how measurement m departs from the catalogue's file f.
func compare(f File, m measurement) []string {
	p := []string{}
	if m.err != nil {
		p = append(p, fmt.Sprintf("cannot parse: %v", m.err))
	}
	if m.sha256 != f.SHA256 {
		p = append(p, fmt.Sprintf("sha256 mismatch: expected %s, got %s", f.SHA256, m.sha256))
	}
	if f.Size > 0 && m.size != f.Size {
		p = append(p, fmt.Sprintf("size: expected %d bytes, got %d", f.Size, m.size))
	}
	if m.columns != 0 && m.columns != f.Columns {
		p = append(p, fmt.Sprintf("columns: expected %d, got %d", f.Columns, m.columns))
	}
	if m.err == nil && m.rows != f.Rows {
		p = append(p, fmt.Sprintf("rows: expected %d, got %d", f.Rows, m.rows))
	}
	if m.yearErr != "" {
		p = append(p, "coverage: "+m.yearErr)
	}
	if m.err == nil && !sameYears(f.Coverage, m.coverage) {
		p = append(p, fmt.Sprintf("coverage of %s: expected %s, got %s", yearColumnsName(f), yearsString(f.Coverage), yearsString(m.coverage)))
	}
	return p
}

func sameYears(a, b *Years) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func yearsString(y *Years) string {
	if y == nil {
		return "none"
	}
	return y.String()
}

// yearColumnsName names the columns a file's coverage is read from.
func yearColumnsName(f File) string {
	if f.YearFormat == YearHeader {
		return "the year columns of the header"
	}
	if len(f.YearColumns) == 0 {
		return "no year column"
	}
	return strings.Join(f.YearColumns, ", ")
}
