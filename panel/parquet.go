package panel

import (
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/schema"
)

// rowGroupRows is the number of rows buffered before a Parquet row group
// is written: years are small (a few hundred to 38,000 dyads), so batches
// are pooled into row groups of a useful size.
var rowGroupRows = 1 << 18

// maxYearRows bounds the rows of one year of a panel: the directed dyads
// of the largest system year (195 members in 2011–2016: 37,830).
const maxYearRows = 195 * 194

// parquetWriter writes every column as OPTIONAL (nullable), Snappy
// compressed: Int as INT64, Float as DOUBLE, Bool as BOOLEAN, String as
// BYTE_ARRAY annotated STRING (UTF-8).
type parquetWriter struct {
	pw   *file.Writer
	cols []Column
	pend []pending
	rows int
}

type pending struct {
	i    []int64
	f    []float64
	b    []bool
	s    []parquet.ByteArray
	defs []int16
}

// NewParquet returns a Parquet writer on w.
func NewParquet(w io.Writer, cols []Column) (Writer, error) {
	fields := make(schema.FieldList, len(cols))
	for i, c := range cols {
		switch c.Kind {
		case Int:
			fields[i] = schema.NewInt64Node(c.Name, parquet.Repetitions.Optional, -1)
		case Float:
			fields[i] = schema.NewFloat64Node(c.Name, parquet.Repetitions.Optional, -1)
		case Bool:
			fields[i] = schema.NewBooleanNode(c.Name, parquet.Repetitions.Optional, -1)
		case String:
			n, err := schema.NewPrimitiveNodeLogical(c.Name, parquet.Repetitions.Optional, schema.StringLogicalType{}, parquet.Types.ByteArray, -1, -1)
			if err != nil {
				return nil, fmt.Errorf("column %s: %w", c.Name, err)
			}
			fields[i] = n
		default:
			return nil, fmt.Errorf("column %s: unknown kind %v", c.Name, c.Kind)
		}
	}
	root, err := schema.NewGroupNode("schema", parquet.Repetitions.Required, fields, -1)
	if err != nil {
		return nil, fmt.Errorf("parquet schema: %w", err)
	}
	popts := []parquet.WriterProperty{
		parquet.WithCompression(compress.Codecs.Snappy),
		parquet.WithCreatedBy("entente"),
		parquet.WithMaxRowGroupLength(math.MaxInt32),
	}
	for _, c := range cols {
		// Measured values rarely repeat, so dictionary encoding only costs
		// time before it falls back to plain; integers (codes, years, 0/1
		// flags, small counts) pack best as deltas. Text (sources, IDs,
		// categories) repeats and keeps its dictionary.
		if c.Kind != String {
			popts = append(popts, parquet.WithDictionaryFor(c.Name, false))
		}
		if c.Kind == Int {
			popts = append(popts, parquet.WithEncodingFor(c.Name, parquet.Encodings.DeltaBinaryPacked))
		}
	}
	props := parquet.NewWriterProperties(popts...)
	pw, err := file.NewParquetWriterWithError(w, root, file.WithWriterProps(props))
	if err != nil {
		return nil, fmt.Errorf("parquet writer: %w", err)
	}
	return &parquetWriter{pw: pw, cols: cols, pend: make([]pending, len(cols))}, nil
}

func (p *parquetWriter) Write(b *Batch) error {
	if len(b.Cols) != len(p.cols) {
		return fmt.Errorf("batch of %d columns for %d", len(b.Cols), len(p.cols))
	}
	for c := range b.Cols {
		v, pc := &b.Cols[c], &p.pend[c]
		if pc.defs == nil {
			// A row group holds rowGroupRows plus at most one year.
			size := rowGroupRows + max(b.Rows, maxYearRows)
			pc.defs = make([]int16, 0, size)
			switch v.Kind {
			case Float:
				pc.f = make([]float64, 0, size)
			case Bool:
				pc.b = make([]bool, 0, size)
			case String:
				// Text columns are few and short; they grow as needed.
				pc.s = make([]parquet.ByteArray, 0, b.Rows)
			default:
				pc.i = make([]int64, 0, size)
			}
		}
		switch v.Kind {
		case Float:
			for _, f := range v.F[:b.Rows] {
				if math.IsNaN(f) {
					pc.defs = append(pc.defs, 0)
					continue
				}
				if math.IsInf(f, 0) {
					return fmt.Errorf("column %s, year %d: infinite value", p.cols[c].Name, b.Year)
				}
				pc.defs = append(pc.defs, 1)
				pc.f = append(pc.f, f)
			}
		case Bool:
			for r, x := range v.I[:b.Rows] {
				if v.Null != nil && v.Null[r] {
					pc.defs = append(pc.defs, 0)
					continue
				}
				pc.defs = append(pc.defs, 1)
				pc.b = append(pc.b, x != 0)
			}
		case String:
			for r, x := range v.S[:b.Rows] {
				if v.Null != nil && v.Null[r] {
					pc.defs = append(pc.defs, 0)
					continue
				}
				pc.defs = append(pc.defs, 1)
				pc.s = append(pc.s, parquet.ByteArray(x))
			}
		default:
			if v.Null == nil {
				for range b.Rows {
					pc.defs = append(pc.defs, 1)
				}
				pc.i = append(pc.i, v.I[:b.Rows]...)
				continue
			}
			for r, x := range v.I[:b.Rows] {
				if v.Null[r] {
					pc.defs = append(pc.defs, 0)
					continue
				}
				pc.defs = append(pc.defs, 1)
				pc.i = append(pc.i, x)
			}
		}
	}
	p.rows += b.Rows
	if p.rows >= rowGroupRows {
		return p.flush()
	}
	return nil
}

func (p *parquetWriter) flush() error {
	if p.rows == 0 {
		return nil
	}
	// A buffered row group keeps each column chunk in memory until the
	// group is closed, so the columns are encoded on all cores at once and
	// written to the file in order by Close.
	rg, err := p.pw.AppendBufferedRowGroupChecked()
	if err != nil {
		return fmt.Errorf("parquet row group: %w", err)
	}
	errs := make([]error, len(p.cols))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(p.cols)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				c := int(next.Add(1) - 1)
				if c >= len(p.cols) {
					return
				}
				errs[c] = p.writeColumn(rg, c)
			}
		}()
	}
	wg.Wait()
	for c, err := range errs {
		if err != nil {
			return fmt.Errorf("parquet column %s: %w", p.cols[c].Name, err)
		}
	}
	p.rows = 0
	if err := rg.Close(); err != nil {
		return fmt.Errorf("parquet row group: %w", err)
	}
	return nil
}

func (p *parquetWriter) writeColumn(rg file.BufferedRowGroupWriter, c int) error {
	cw, err := rg.Column(c)
	if err != nil {
		return err
	}
	pc := &p.pend[c]
	switch w := cw.(type) {
	case *file.Int64ColumnChunkWriter:
		_, err = w.WriteBatch(pc.i, pc.defs, nil)
	case *file.Float64ColumnChunkWriter:
		_, err = w.WriteBatch(pc.f, pc.defs, nil)
	case *file.BooleanColumnChunkWriter:
		_, err = w.WriteBatch(pc.b, pc.defs, nil)
	case *file.ByteArrayColumnChunkWriter:
		_, err = w.WriteBatch(pc.s, pc.defs, nil)
	default:
		err = fmt.Errorf("unexpected column writer %T", cw)
	}
	clear(pc.s) // let the strings go
	pc.i, pc.f, pc.b, pc.s, pc.defs = pc.i[:0], pc.f[:0], pc.b[:0], pc.s[:0], pc.defs[:0]
	return err
}

func (p *parquetWriter) setMetadata(key, value string) error {
	return p.pw.AppendKeyValueMetadata(key, value)
}

func (p *parquetWriter) Close() error {
	if err := p.flush(); err != nil {
		return err
	}
	if err := p.pw.Close(); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}
