// Package tables writes the output of a Monte Carlo simulation as
// Parquet tables with a manifest, one directory per shard, and merges
// the shards' directories into the directory an unsharded run writes,
// byte for byte.
//
// A directory holds:
//
//	manifest.json     scenario name and sha256, seed, version, config, runs, shard
//	decisions.parquet every decision of every state with its reason (one row each)
//	sides.parquet     who fought on which side of which war in each run
//	wars.parquet      each war of each run: size, sides, major powers
//	years.parquet     the system at the end of each simulated year of each run
//
// Every table is written one batch per run, in run order; the Parquet
// writer cuts row groups only between batches, so the same runs written
// in one pass or merged from shards give the same bytes.
package tables

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/apache/arrow-go/v18/parquet/file"

	"github.com/entente/entente/panel"
	"github.com/entente/entente/simulate"
)

// Format is the manifest's format tag.
const Format = "entente-simulate/v1"

// Manifest describes one directory of output.
type Manifest struct {
	Format       string         `json:"format"`
	Scenario     string         `json:"scenario"`
	ScenarioHash string         `json:"scenario_sha256"`
	ConfigHash   string         `json:"config_sha256"`
	Seed         uint64         `json:"seed"`
	Version      string         `json:"version"`
	Runs         int            `json:"runs"` // runs of the whole simulation
	Shard        simulate.Shard `json:"shard"`
	From         int            `json:"from"` // runs [from, to) of this directory
	To           int            `json:"to"`
	Years        int            `json:"years"`
	States       []int          `json:"states"` // ccodes, the positions of the tables
	Actions      []string       `json:"actions"`
	Reasons      []string       `json:"reasons"` // bit i of the reason column
	Files        []FileInfo     `json:"files"`
}

// FileInfo is one table of a directory.
type FileInfo struct {
	Name   string `json:"name"`
	Rows   int64  `json:"rows"`
	SHA256 string `json:"sha256"`
}

// ConfigHash returns the sha256 of a Config's JSON: runs with different
// constants do not merge.
func ConfigHash(c simulate.Config) string {
	b, _ := json.Marshal(c)
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// NewManifest returns the manifest of shard sh of runs runs of plan p.
func NewManifest(p *simulate.Plan, seed uint64, version string, runs int, sh simulate.Shard) *Manifest {
	from, to := sh.Runs(runs)
	m := &Manifest{Format: Format, Scenario: p.Scenario.Name, ScenarioHash: p.Scenario.Hash,
		ConfigHash: ConfigHash(p.Config), Seed: seed, Version: version, Runs: runs, Shard: sh,
		From: from, To: to, Years: p.Scenario.Years, States: p.States}
	for a := simulate.Join; a <= simulate.Start; a++ {
		m.Actions = append(m.Actions, a.String())
	}
	for r := simulate.Reason(1); r <= simulate.Hazard; r <<= 1 {
		m.Reasons = append(m.Reasons, r.Names()[0])
	}
	return m
}

type table struct {
	name string
	cols []panel.Column
	fill func(b *panel.Batch, r *simulate.Result)
}

func col(name string, k panel.Kind, desc string) panel.Column {
	return panel.Column{Name: name, Kind: k, Type: k.String(), Description: desc}
}

var schemas = []table{
	{"decisions.parquet", []panel.Column{
		col("run", panel.Int, "run number"), col("year", panel.Int, "year of the decision"),
		col("week", panel.Int, "weeks after the war began (war decisions), 0 otherwise"),
		col("war", panel.Int, "war number in the run; null for none"), col("state", panel.Int, "ccode of the deciding state"),
		col("action", panel.Int, "action: 1 join, 2 stay_out, 3 form, 4 forgo, 5 leave, 6 stay, 7 start (manifest actions)"),
		col("side", panel.Int, "side weighed: 0 the attacker's, 1 the attacked; null for none"),
		col("other", panel.Int, "ccode of the partner, ally or threat; null for none"),
		col("alliance", panel.Int, "alliance number in the run (the base World's first); null for none"),
		col("reason", panel.Int, "bit mask of the rules that applied (manifest reasons)"),
		col("alt_reason", panel.Int, "for war decisions, the rules of the side not chosen; null for none"),
		col("alt_other", panel.Int, "ccode named by alt_reason; null for none"),
		col("value", panel.Float, "quantity compared: largest threat on the other side, or net benefit"),
		col("rate", panel.Float, "probability the rules gave"), col("draw", panel.Float, "uniform draw; null when none was needed"),
	}, fillDecisions},
	{"sides.parquet", []panel.Column{
		col("run", panel.Int, "run number"), col("war", panel.Int, "war number in the run"),
		col("state", panel.Int, "ccode"), col("side", panel.Int, "0 the attacker's side, 1 the attacked"),
		col("week", panel.Int, "weeks after the war began when the state entered (0 for the first two)"),
	}, fillSides},
	{"wars.parquet", []panel.Column{
		col("run", panel.Int, "run number"), col("war", panel.Int, "war number in the run"), col("year", panel.Int, "year it began"),
		col("attacker", panel.Int, "ccode"), col("target", panel.Int, "ccode"), col("size", panel.Int, "states at war in it"),
		col("side0", panel.Int, "states on the attacker's side"), col("side1", panel.Int, "states on the attacked side"),
		col("majors", panel.Int, "major powers in it"), col("last_week", panel.Int, "week of the last entry in its first cascade"),
	}, fillWars},
	{"years.parquet", []panel.Column{
		col("run", panel.Int, "run number"), col("year", panel.Int, "year"),
		col("alliances", panel.Int, "alliances with two or more members in"), col("allied_dyads", panel.Int, "pairs tied by any obligation"),
		col("defence_dyads", panel.Int, "pairs tied by a defence or offence pledge"), col("at_war", panel.Int, "states at war"),
		col("formed", panel.Int, "alliances formed in the year"), col("left", panel.Int, "memberships left in the year"),
		col("balance", panel.Int, "states choosing balance"), col("bandwagon", panel.Int, "states choosing bandwagon"),
		col("hedge", panel.Int, "states hedging"), col("none", panel.Int, "states facing no actual threat"),
		col("new_balance", panel.Int, "alliances formed by balancing"), col("new_bandwagon", panel.Int, "alignments formed by bandwagoning"),
	}, fillYears},
}

// Names returns the table files of a directory.
func Names() []string {
	var out []string
	for _, t := range schemas {
		out = append(out, t.name)
	}
	return out
}

func newBatch(cols []panel.Column) *panel.Batch {
	b := &panel.Batch{Cols: make([]panel.Vec, len(cols))}
	for i, c := range cols {
		b.Cols[i].Kind = c.Kind
	}
	return b
}

func reset(b *panel.Batch, rows int) {
	b.Rows = rows
	for i := range b.Cols {
		v := &b.Cols[i]
		if v.Kind == panel.Float {
			v.F = v.F[:0]
		} else {
			v.I, v.Null = v.I[:0], v.Null[:0]
		}
	}
}

func putI(v *panel.Vec, x int64, null bool) {
	v.I = append(v.I, x)
	v.Null = append(v.Null, null)
}

func fillDecisions(b *panel.Batch, r *simulate.Result) {
	reset(b, len(r.Decisions))
	c := b.Cols
	for _, d := range r.Decisions {
		putI(&c[0], int64(d.Run), false)
		putI(&c[1], int64(d.Year), false)
		putI(&c[2], int64(d.Week), false)
		putI(&c[3], int64(d.War), d.War < 0)
		putI(&c[4], int64(d.State), false)
		putI(&c[5], int64(d.Action), false)
		putI(&c[6], int64(d.Side), d.Side < 0)
		putI(&c[7], int64(d.Other), d.Other == 0)
		putI(&c[8], int64(d.Alliance), d.Alliance < 0)
		putI(&c[9], int64(d.Reason), false)
		putI(&c[10], int64(d.AltReason), d.AltReason == 0)
		putI(&c[11], int64(d.AltOther), d.AltOther == 0)
		c[12].F = append(c[12].F, d.Value)
		c[13].F = append(c[13].F, d.Rate)
		c[14].F = append(c[14].F, d.Draw)
	}
}

func fillSides(b *panel.Batch, r *simulate.Result) {
	n := 0
	c := b.Cols
	reset(b, 0)
	for w, p := range r.Participants {
		for _, x := range p {
			putI(&c[0], int64(r.Run), false)
			putI(&c[1], int64(w), false)
			putI(&c[2], int64(x.State), false)
			putI(&c[3], int64(x.Side), false)
			putI(&c[4], int64(x.Week), false)
			n++
		}
	}
	b.Rows = n
}

func fillWars(b *panel.Batch, r *simulate.Result) {
	reset(b, len(r.Wars))
	c := b.Cols
	for _, w := range r.Wars {
		for i, x := range []int{w.Run, w.War, w.Year, w.Attacker, w.Target, w.Size, w.Side0, w.Side1, w.Majors, w.LastWeek} {
			putI(&c[i], int64(x), false)
		}
	}
}

func fillYears(b *panel.Batch, r *simulate.Result) {
	reset(b, len(r.Years))
	c := b.Cols
	for _, y := range r.Years {
		for i, x := range []int{y.Run, y.Year, y.Alliances, y.AlliedDyads, y.DefenceDyads, y.AtWar, y.Formed, y.Left,
			y.Balance, y.Bandwagon, y.Hedge, y.None, y.NewBalance, y.NewBandwagon} {
			putI(&c[i], int64(x), false)
		}
	}
}

// Writer writes the tables of one directory, run by run.
type Writer struct {
	dir     string
	m       *Manifest
	ws      []panel.Writer
	batches []*panel.Batch
	rows    []int64
	next    int
}

// Create starts the tables of manifest m in dir (created if missing).
// Each file is written under a temporary name and renamed by Close.
func Create(dir string, m *Manifest) (*Writer, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output %s: %w", dir, err)
	}
	w := &Writer{dir: dir, m: m, next: m.From, rows: make([]int64, len(schemas))}
	for _, t := range schemas {
		pw, err := panel.Create(filepath.Join(dir, t.name), t.cols)
		if err != nil {
			w.Abort()
			return nil, err
		}
		w.ws = append(w.ws, pw)
		w.batches = append(w.batches, newBatch(t.cols))
	}
	return w, nil
}

// Write writes one run's result; runs must come in order.
func (w *Writer) Write(r *simulate.Result) error {
	if r.Run != w.next {
		return fmt.Errorf("tables: run %d written out of order (want %d)", r.Run, w.next)
	}
	w.next++
	for i, t := range schemas {
		t.fill(w.batches[i], r)
		if err := w.put(i, w.batches[i]); err != nil {
			return err
		}
	}
	return nil
}

func (w *Writer) put(i int, b *panel.Batch) error {
	if b.Rows == 0 {
		return nil
	}
	b.Year = 0
	w.rows[i] += int64(b.Rows)
	return w.ws[i].Write(b)
}

// Abort removes the partial files.
func (w *Writer) Abort() {
	for _, pw := range w.ws {
		panel.Abort(pw)
	}
}

// Close finishes the tables and writes the manifest with their sizes and
// checksums.
func (w *Writer) Close() error {
	if w.next != w.m.To {
		w.Abort()
		return fmt.Errorf("tables: %d of runs %d–%d written", w.next-w.m.From, w.m.From, w.m.To-1)
	}
	var errs []error
	for _, pw := range w.ws {
		errs = append(errs, pw.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	w.m.Files = nil
	for i, t := range schemas {
		sum, err := fileSHA(filepath.Join(w.dir, t.name))
		if err != nil {
			return err
		}
		w.m.Files = append(w.m.Files, FileInfo{Name: t.name, Rows: w.rows[i], SHA256: sum})
	}
	return writeManifest(w.dir, w.m)
}

func fileSHA(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func writeManifest(dir string, m *Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	path := filepath.Join(dir, "manifest.json")
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// ReadManifest reads dir/manifest.json.
func ReadManifest(dir string) (*Manifest, error) {
	path := filepath.Join(dir, "manifest.json")
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if m.Format != Format {
		return nil, fmt.Errorf("%s: format %q: want %q", path, m.Format, Format)
	}
	return &m, nil
}

// Check verifies that the manifests are the shards of one simulation:
// the same scenario (by its sha256), config, seed, version, runs and
// shard count, every shard present once. It returns them in shard order.
func Check(dirs []string, ms []*Manifest) ([]int, error) {
	if len(ms) == 0 {
		return nil, fmt.Errorf("merge: no directories")
	}
	a := ms[0]
	order := make([]int, a.Shard.Count)
	for i := range order {
		order[i] = -1
	}
	for i, m := range ms {
		for _, f := range []struct {
			name      string
			got, want any
		}{
			{"scenario", m.Scenario, a.Scenario}, {"scenario sha256", m.ScenarioHash, a.ScenarioHash},
			{"config sha256", m.ConfigHash, a.ConfigHash}, {"seed", m.Seed, a.Seed}, {"version", m.Version, a.Version},
			{"runs", m.Runs, a.Runs}, {"years", m.Years, a.Years}, {"shard count", m.Shard.Count, a.Shard.Count},
		} {
			if f.got != f.want {
				return nil, fmt.Errorf("merge: %s has %s %v, %s has %v: parts of different simulations", dirs[i], f.name, f.got, dirs[0], f.want)
			}
		}
		if !slices.Equal(m.States, a.States) {
			return nil, fmt.Errorf("merge: %s and %s have different states", dirs[i], dirs[0])
		}
		if err := m.Shard.Validate(); err != nil {
			return nil, fmt.Errorf("merge: %s: %w", dirs[i], err)
		}
		if from, to := m.Shard.Runs(m.Runs); from != m.From || to != m.To {
			return nil, fmt.Errorf("merge: %s: shard %s holds runs %d–%d, want %d–%d", dirs[i], m.Shard, m.From, m.To-1, from, to-1)
		}
		if j := order[m.Shard.Index]; j >= 0 {
			return nil, fmt.Errorf("merge: %s and %s are both shard %s", dirs[j], dirs[i], m.Shard)
		}
		order[m.Shard.Index] = i
	}
	var missing []string
	for s, i := range order {
		if i < 0 {
			missing = append(missing, fmt.Sprintf("%d/%d", s, a.Shard.Count))
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("merge: shards missing: %v", missing)
	}
	return order, nil
}

// Merge combines the shard directories dirs into out: it checks the
// manifests (Check) and each part against its manifest's checksums, then
// rewrites every table run by run, so that out is byte for byte what the
// unsharded run writes.
func Merge(out string, dirs []string) error {
	ms := make([]*Manifest, len(dirs))
	for i, d := range dirs {
		m, err := ReadManifest(d)
		if err != nil {
			return err
		}
		ms[i] = m
	}
	order, err := Check(dirs, ms)
	if err != nil {
		return err
	}
	for _, i := range order {
		for _, f := range ms[i].Files {
			sum, err := fileSHA(filepath.Join(dirs[i], f.Name))
			if err != nil {
				return fmt.Errorf("merge: %w", err)
			}
			if sum != f.SHA256 {
				return fmt.Errorf("merge: %s: sha256 differs from the manifest's (a modified or partial part)", filepath.Join(dirs[i], f.Name))
			}
		}
	}
	m := *ms[order[0]]
	m.Shard, m.From, m.To = simulate.Shard{Index: 0, Count: 1}, 0, m.Runs
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	w := &Writer{dir: out, m: &m, next: m.To, rows: make([]int64, len(schemas))}
	for ti, t := range schemas {
		pw, err := panel.Create(filepath.Join(out, t.name), t.cols)
		if err != nil {
			w.Abort()
			return err
		}
		w.ws = append(w.ws, pw)
		for _, i := range order {
			if err := copyRuns(filepath.Join(dirs[i], t.name), t.cols, func(b *panel.Batch) error { return w.put(ti, b) }); err != nil {
				w.Abort()
				return fmt.Errorf("merge: %w", err)
			}
		}
	}
	return w.Close()
}

// copyRuns reads a table and passes its rows to put one run per batch.
func copyRuns(path string, cols []panel.Column, put func(*panel.Batch) error) error {
	r, err := file.OpenParquetFile(path, false)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer r.Close()
	if got := r.MetaData().Schema.NumColumns(); got != len(cols) {
		return fmt.Errorf("%s: %d columns, want %d", path, got, len(cols))
	}
	all := newBatch(cols)
	part := newBatch(cols)
	for g := range r.NumRowGroups() {
		rg := r.RowGroup(g)
		n := rg.NumRows()
		reset(all, int(n))
		defs := make([]int16, n)
		for c := range cols {
			cr, err := rg.Column(c)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			v := &all.Cols[c]
			switch cr := cr.(type) {
			case *file.Int64ColumnChunkReader:
				vals := make([]int64, n)
				if _, _, err := cr.ReadBatch(n, vals, defs, nil); err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				k := 0
				for _, d := range defs {
					if d == 1 {
						putI(v, vals[k], false)
						k++
					} else {
						putI(v, 0, true)
					}
				}
			case *file.Float64ColumnChunkReader:
				vals := make([]float64, n)
				if _, _, err := cr.ReadBatch(n, vals, defs, nil); err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				k := 0
				for _, d := range defs {
					if d == 1 {
						v.F = append(v.F, vals[k])
						k++
					} else {
						v.F = append(v.F, math.NaN())
					}
				}
			default:
				return fmt.Errorf("%s: column %d: unexpected type %T", path, c, cr)
			}
		}
		// Split the row group at each change of run.
		runs := all.Cols[0].I
		for lo := 0; lo < len(runs); {
			hi := lo
			for hi < len(runs) && runs[hi] == runs[lo] {
				hi++
			}
			reset(part, hi-lo)
			for c := range cols {
				src, dst := &all.Cols[c], &part.Cols[c]
				if src.Kind == panel.Float {
					dst.F = append(dst.F, src.F[lo:hi]...)
				} else {
					dst.I = append(dst.I, src.I[lo:hi]...)
					dst.Null = append(dst.Null, src.Null[lo:hi]...)
				}
			}
			if err := put(part); err != nil {
				return err
			}
			lo = hi
		}
	}
	return nil
}
