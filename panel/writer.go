package panel

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente/internal/outfile"
)

// Writer writes a panel year by year. Write receives the batches in year
// order; Close flushes and finishes the output (it does not close the
// underlying io.Writer of NewCSV and NewParquet, but does close a file
// opened by Create).
type Writer interface {
	Write(b *Batch) error
	Close() error
}

// Format is an output format.
type Format string

const (
	CSV     Format = "csv"
	CSVGzip Format = "csv.gz"
	Parquet Format = "parquet"
)

// FormatOf returns the format named by path's extension: .csv, .csv.gz or
// .parquet.
func FormatOf(path string) (Format, error) {
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".csv.gz"):
		return CSVGzip, nil
	case strings.HasSuffix(lower, ".csv"):
		return CSV, nil
	case strings.HasSuffix(lower, ".parquet"):
		return Parquet, nil
	}
	return "", fmt.Errorf("output %q: unknown extension (want .csv, .csv.gz or .parquet)", path)
}

// NewWriter returns a writer of format f on w.
func NewWriter(w io.Writer, f Format, cols []Column) (Writer, error) {
	switch f {
	case CSV:
		return NewCSV(w, cols)
	case CSVGzip:
		return newGzipCSV(w, cols)
	case Parquet:
		return NewParquet(w, cols)
	}
	return nil, fmt.Errorf("unknown format %q", f)
}

// Create creates the file at path, choosing the format by its extension.
// The file is written under a temporary name and renamed on a successful
// Close, so a failed run never leaves a partial file under the final name
// (package outfile; a device such as /dev/null is written in place).
func Create(path string, cols []Column) (Writer, error) {
	f, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("output %s: directory %s does not exist", path, dir)
	}
	tmp, err := outfile.Create(path, ".tmp*")
	if err != nil {
		return nil, fmt.Errorf("output %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(tmp, 1<<20)
	w, err := NewWriter(bw, f, cols)
	if err != nil {
		tmp.Abort()
		return nil, err
	}
	return &fileWriter{Writer: w, bw: bw, f: tmp, path: path}, nil
}

type fileWriter struct {
	Writer
	bw     *bufio.Writer
	f      *outfile.File
	path   string
	failed bool
}

func (w *fileWriter) Write(b *Batch) error {
	err := w.Writer.Write(b)
	if err != nil {
		w.failed = true
	}
	return err
}

func (w *fileWriter) prepare(b *Batch) error {
	if p, ok := w.Writer.(preparer); ok {
		return p.prepare(b)
	}
	return nil
}

func (w *fileWriter) Close() error {
	err := w.Writer.Close()
	if err == nil {
		err = w.bw.Flush()
	}
	if err == nil && w.failed {
		err = errors.New("an earlier write failed")
	}
	if err != nil {
		w.f.Abort()
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	return w.f.Commit()
}

// Abort removes a partial output written by Create; it is a no-op for
// other writers.
func Abort(w Writer) {
	if fw, ok := w.(*fileWriter); ok {
		fw.f.Abort()
	}
}

// csvWriter writes RFC 4180 CSV with a header line; a missing value is an
// empty cell, a Bool is 0 or 1, a Float has the shortest representation
// that reads back exactly, a String is quoted when encoding/csv would
// quote it.
type csvWriter struct {
	w    *bufio.Writer
	cols []Column
	buf  []byte
}

// NewCSV returns a CSV writer on w and writes the header line.
func NewCSV(w io.Writer, cols []Column) (Writer, error) {
	cw := &csvWriter{w: bufio.NewWriterSize(w, 1<<18), cols: cols}
	for i, c := range cols {
		if i > 0 {
			cw.buf = append(cw.buf, ',')
		}
		cw.buf = append(cw.buf, c.Name...)
	}
	cw.buf = append(cw.buf, '\n')
	_, err := cw.w.Write(cw.buf)
	return cw, err
}

// preparer is implemented by writers that can do part of their work on
// the goroutines that build the years, in parallel: Build calls prepare
// on each batch as soon as it is built, possibly from several goroutines
// at once, and Write later, in year order.
type preparer interface {
	prepare(b *Batch) error
}

// prepare formats the batch's rows into b.enc.
func (cw *csvWriter) prepare(b *Batch) error {
	enc, err := formatCSV(b.enc[:0], b, cw.cols)
	b.enc, b.prepared = enc, err == nil
	return err
}

func (cw *csvWriter) Write(b *Batch) error {
	if !b.prepared {
		var err error
		if cw.buf, err = formatCSV(cw.buf[:0], b, cw.cols); err != nil {
			return err
		}
		_, err = cw.w.Write(cw.buf)
		return err
	}
	_, err := cw.w.Write(b.enc)
	return err
}

// formatCSV appends the rows of b to buf as CSV.
func formatCSV(buf []byte, b *Batch, cols []Column) ([]byte, error) {
	if len(b.Cols) != len(cols) {
		return buf, fmt.Errorf("batch of %d columns for %d", len(b.Cols), len(cols))
	}
	for r := range b.Rows {
		for c := range b.Cols {
			if c > 0 {
				buf = append(buf, ',')
			}
			v := &b.Cols[c]
			switch {
			case v.IsNull(r):
			case v.Kind == Float:
				f := v.F[r]
				if math.IsInf(f, 0) {
					return buf, fmt.Errorf("column %s, year %d: infinite value", cols[c].Name, b.Year)
				}
				buf = strconv.AppendFloat(buf, f, 'g', -1, 64)
			case v.Kind == String:
				buf = appendCSVField(buf, v.S[r])
			default:
				buf = strconv.AppendInt(buf, v.I[r], 10)
			}
		}
		buf = append(buf, '\n')
	}
	return buf, nil
}

// appendCSVField appends s as a CSV field, quoted (with quotes doubled)
// under encoding/csv's rule: when it holds a comma, a quote or a line
// break, begins with a space, or is `\.`.
func appendCSVField(buf []byte, s string) []byte {
	r, _ := utf8.DecodeRuneInString(s)
	if s != `\.` && !strings.ContainsAny(s, ",\"\r\n") && (s == "" || !unicode.IsSpace(r)) {
		return append(buf, s...)
	}
	buf = append(buf, '"')
	for i := range len(s) {
		if s[i] == '"' {
			buf = append(buf, '"')
		}
		buf = append(buf, s[i])
	}
	return append(buf, '"')
}

func (cw *csvWriter) Close() error { return cw.w.Flush() }

// gzipCSV writes gzip-compressed CSV as a series of gzip members, one for
// the header and one per year, which the years' goroutines compress in
// parallel. A multi-member gzip file is a valid gzip file (RFC 1952): gzip,
// zcat, R's gzfile and Python's gzip module read it as one stream.
type gzipCSV struct {
	w    io.Writer
	cols []Column
}

func newGzipCSV(w io.Writer, cols []Column) (Writer, error) {
	var hdr bytes.Buffer
	cw, err := NewCSV(&hdr, cols)
	if err == nil {
		err = cw.Close()
	}
	if err != nil {
		return nil, err
	}
	member, err := gzipMember(nil, hdr.Bytes())
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(member); err != nil {
		return nil, err
	}
	return &gzipCSV{w: w, cols: cols}, nil
}

func gzipMember(dst, src []byte) ([]byte, error) {
	buf := bytes.NewBuffer(dst[:0])
	zw, err := gzip.NewWriterLevel(buf, gzip.BestSpeed)
	if err != nil {
		return dst, err
	}
	if _, err := zw.Write(src); err != nil {
		return dst, err
	}
	if err := zw.Close(); err != nil {
		return dst, err
	}
	return buf.Bytes(), nil
}

func (g *gzipCSV) prepare(b *Batch) error {
	raw, err := formatCSV(b.raw[:0], b, g.cols)
	if err != nil {
		return err
	}
	b.raw = raw
	b.enc, err = gzipMember(b.enc, raw)
	b.prepared = err == nil
	return err
}

func (g *gzipCSV) Write(b *Batch) error {
	if !b.prepared {
		if err := g.prepare(b); err != nil {
			return err
		}
	}
	_, err := g.w.Write(b.enc)
	return err
}

func (g *gzipCSV) Close() error { return nil }
