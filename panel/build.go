package panel

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/entente/entente/history"
	"github.com/entente/entente/similarity"
)

// Result summarises a panel that was written.
type Result struct {
	Rows    int64
	Years   int
	Columns []Column
}

// Plan is a panel ready to build: its variables, in output order, and the
// sources they need.
type Plan struct {
	kind  string // "dyad" or "state"
	opt   Options
	vars  []variable
	need  need
	rows  func(yc *yearCtx)
	title string
	unit  string
}

// DyadPlan returns the plan of a dyad-year panel with opt, or an error
// for bad options (years outside coverage, an unknown variable).
func DyadPlan(opt Options) (*Plan, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	sel, err := selectVars(dyadVars, opt.Vars, "dyad-year")
	if err != nil {
		return nil, err
	}
	vars := append(append([]variable{}, dyadKeys...), sel...)
	p := &Plan{kind: "dyad", opt: opt, vars: vars, rows: (*yearCtx).dyadRows,
		title: "entente dyad-year panel", unit: "directed dyad-year (ccode1, ccode2, year), both orders"}
	if opt.Nondirected {
		p.unit = "non-directed dyad-year (ccode1 < ccode2, year)"
	}
	for i := range p.vars {
		v := &p.vars[i]
		if v.need&simNeed != 0 && opt.Valuation == similarity.COW {
			v.need = v.need&^needATOP | needCOW
			v.Source = "cow-alliances+cow-states"
			v.From, v.To = COWAllianceFrom, COWAllianceTo
		}
		if v.need&simNeed != 0 && v.Name == "sim_s_cinc" {
			v.Source += "+nmc"
			v.To = min(v.To, NMCTo)
		}
		if v.need&simNeed != 0 {
			v.Description += simNote(&opt, v.Name)
		}
	}
	p.finish()
	switch opt.Filter {
	case Relevant:
		p.need |= needMajors | needContiguity
	case Contiguous:
		p.need |= needContiguity
	case Major:
		p.need |= needMajors
	}
	return p, nil
}

// simNote describes the ties, and the disagreement weights of kappa and
// pi, a similarity column is computed with.
func simNote(opt *Options, name string) string {
	note := " Ties: each state's own obligations toward each member (directed)."
	if opt.Convention.Ties(opt.Ties) == similarity.Symmetric {
		note = " Ties: the maximum over both directions of the pair's obligations (symmetric)."
	}
	kappa, pi := opt.Convention.Weights(opt.Disagreement)
	switch name {
	case "sim_kappa":
		note += " Disagreement weights: " + kappa.String() + "."
	case "sim_pi":
		note += " Disagreement weights: " + pi.String() + "."
		if pi == similarity.Nominal {
			note += " Unweighted Scott's pi (Scott 1955), (p_o - p_e)/(1 - p_e), as fpsim's spi()."
		}
	}
	if opt.Convention == similarity.FPSim {
		note += " Convention: fpsim."
	}
	return note
}

// finish gives the NMC columns the version's source and coverage and
// gathers the sources the variables need.
func (p *Plan) finish() {
	for i := range p.vars {
		v := &p.vars[i]
		if v.need&needNMC != 0 && p.opt.nmc() == 7 {
			if v.Source == "nmc" {
				v.To = history.NMC7Last
				v.Missing = "when the NMC v7.0 file (peacesciencer's, where COW's -9 is empty) has no value or no row for the state-year."
			}
			v.Source = strings.Replace(v.Source, "nmc", "nmc-peacesciencer", 1)
			if v.Name == "sim_s_cinc" {
				v.To = min(ATOPTo, history.NMC7Last)
			}
		}
		p.need |= v.need
	}
}

// Columns returns the panel's columns, in output order.
func (p *Plan) Columns() []Column {
	cols := make([]Column, len(p.vars))
	for i, v := range p.vars {
		cols[i] = v.Column
		cols[i].Type = v.Kind.String()
	}
	return cols
}

// Codebook returns the plan's codebook (without the row count, which
// Result gives).
func (p *Plan) Codebook() *Codebook {
	cb := NewCodebook(p.title, p.unit, p.Columns())
	cb.From, cb.To = p.opt.From, p.opt.To
	cb.Options = map[string]string{
		"years": fmt.Sprintf("%d-%d", p.opt.From, p.opt.To),
	}
	if p.kind == "dyad" {
		cb.Options["directed"] = fmt.Sprint(!p.opt.Nondirected)
		cb.Options["filter"] = p.opt.Filter.String()
		if p.need&simNeed != 0 {
			cb.Options["valuation"] = p.opt.Valuation.String()
			cb.Options["ties"] = p.opt.Convention.Ties(p.opt.Ties).String()
			cb.Options["convention"] = p.opt.Convention.String()
			kappa, pi := p.opt.Convention.Weights(p.opt.Disagreement)
			cb.Options["disagreement"] = "kappa " + kappa.String() + ", pi " + pi.String()
		}
		cb.Options["never-coexisted"] = "dropped"
		if p.opt.KeepApart {
			cb.Options["never-coexisted"] = "kept"
		}
	}
	if p.need&needNMC != 0 {
		cb.Options["nmc"] = fmt.Sprint(p.opt.nmc())
	}
	if p.opt.ExtendSystemTo != 0 {
		cb.Options["extend-system-to"] = fmt.Sprint(p.opt.ExtendSystemTo)
	}
	cb.Notes = []string{
		"Rows: every member of the COW state system in the year (system2016.csv); a dyad-year panel has n(n-1) directed or n(n-1)/2 non-directed rows for the year's n members before filtering, less the pairs of members that were never members on the same day of the year (Germany and West Germany in 1990; 60 directed dyad-years in 1816-2016) unless they are kept.",
		"Missing is not zero: a variable is missing in years outside its source's coverage and where the source codes it missing (COW's -9, an empty cell).",
		"Directed ATOP and COW obligations: ccode1 towards ccode2. The non-directed view takes, per obligation, the maximum over both directions.",
	}
	if p.opt.ExtendSystemTo != 0 {
		cb.Notes = append(cb.Notes, fmt.Sprintf("The members of the system at the end of 2016 stay members through %d (peacesciencer's create_stateyears(mry = TRUE)); every column is missing after its source ends.", p.opt.ExtendSystemTo))
	}
	return cb
}

// Build builds the plan's panel over the tables of h year by year, several
// years at once, and writes the years in order to w. It never holds more
// than a few years in memory.
func (p *Plan) Build(ctx context.Context, h *history.History, w Writer) (Result, error) {
	if h == nil {
		return Result{}, fmt.Errorf("panel: no data (open it with panel.Open)")
	}
	if err := p.check(h); err != nil {
		return Result{}, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	opt := &p.opt
	years := opt.To - opt.From + 1
	workers := min(opt.workers(), years)
	results := make([]chan *Batch, years)
	for i := range results {
		results[i] = make(chan *Batch, 1)
	}
	// A slot is taken before a year index is claimed and given back once
	// the year is written, so the years in flight are always the lowest
	// unwritten ones and the writer can never starve.
	slots := make(chan struct{}, 2*workers)
	// Batches are recycled through a free list (at most one per slot, plus
	// the one being written), sized for the largest year, so the columns
	// are allocated once per run.
	free := make(chan *Batch, 2*workers+1)
	getBatch := func() *Batch {
		select {
		case b := <-free:
			return b
		default:
			return &Batch{}
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return
				}
				idx := int(next.Add(1) - 1)
				if idx >= years {
					<-slots
					return
				}
				b := getBatch()
				p.buildYear(h, opt.From+idx, b)
				if pw, ok := w.(preparer); ok {
					b.err = pw.prepare(b)
				}
				results[idx] <- b
			}
		}()
	}
	res := Result{Columns: p.Columns()}
	var err error
	for idx := range years {
		var b *Batch
		select {
		case b = <-results[idx]:
		case <-ctx.Done():
			err = ctx.Err()
		}
		if err != nil {
			break
		}
		if err = b.err; err != nil {
			break
		}
		if err = w.Write(b); err != nil {
			break
		}
		res.Rows += int64(b.Rows)
		res.Years++
		if opt.Progress != nil {
			opt.Progress(b.Year, res.Years, res.Rows)
		}
		select {
		case free <- b:
		default:
		}
		<-slots
	}
	cancel()
	wg.Wait()
	if err != nil {
		return res, err
	}
	return res, nil
}

func (p *Plan) buildYear(h *history.History, year int, b *Batch) {
	yc := newYearCtx(h, &p.opt, year, p.need)
	p.rows(yc)
	if p.need&simNeed != 0 {
		yc.computeSimilarity()
	}
	rows := len(yc.p1)
	b.Year, b.Rows, b.prepared, b.err = year, rows, false, nil
	if cap(b.Cols) < len(p.vars) {
		b.Cols = make([]Vec, len(p.vars))
	}
	b.Cols = b.Cols[:len(p.vars)]
	for c, v := range p.vars {
		b.Cols[c].reset(v.Kind, rows)
		v.fill(yc, &b.Cols[c])
		if (v.From != 0 && year < v.From) || (v.To != 0 && year > v.To) {
			b.Cols[c].AllNull() // outside the source's coverage
		}
	}
}

// Options returns the plan's options.
func (p *Plan) Options() Options { return p.opt }
