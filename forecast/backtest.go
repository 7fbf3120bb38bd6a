package forecast

import (
	"context"
	"fmt"
	"slices"
)

// RangeError reports a year outside what the design allows. Field names
// the option ("from", "to"); front ends map it to their flag.
type RangeError struct {
	Field    string
	Value    int
	Min, Max int
	Why      string
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("forecast: %s %d: %s (valid %d–%d)", e.Field, e.Value, e.Why, e.Min, e.Max)
}

// Options configure a backtest.
type Options struct {
	Spec Spec
	Fit  FitOptions
	// Rolling refits the model for every outcome year t on the years
	// before t (rolling origin, one year at a time, warm-started from the
	// fit before); otherwise one model fitted on the years before From
	// predicts every year of the window (fixed origin).
	Rolling    bool
	Replicates int    // year-bootstrap replicates of the intervals
	Seed       uint64 // of the bootstrap (the subsample has Spec.Seed)
	// DyadsOnly evaluates the dyad view only (Result.Metrics then holds
	// one entry): the block table's variants need no other.
	DyadsOnly bool
}

// DefaultOptions returns the defaults: every feature, all dyads, 10% of
// the non-forming dyad-years, penalty by 5-fold blocked cross-validation,
// rolling origin, 200 bootstrap replicates, seed 1.
func DefaultOptions() Options {
	return Options{Spec: Spec{NegativeRate: 0.1, Seed: 1}, Fit: FitOptions{Folds: 5},
		Rolling: true, Replicates: 200, Seed: 1}
}

// Result is a backtest: its out-of-sample predictions and their metrics.
type Result struct {
	Kind        Kind         `json:"kind"`
	From        int          `json:"from"`
	To          int          `json:"to"`
	Rolling     bool         `json:"rolling"`
	Relevant    bool         `json:"relevant_only"`
	Lambda      float64      `json:"lambda"`
	Fits        int          `json:"fits"`
	TrainFirst  int          `json:"train_first"`
	Metrics     []Metrics    `json:"metrics"` // dyads, treaties, small treaties
	Predictions []Prediction `json:"-"`
	Replicates  int          `json:"replicates"`
	Seed        uint64       `json:"seed"`
}

// ValidWindow checks an evaluation window against d: from and to must be
// outcome years of d with from ≤ to, and at least one outcome year must
// precede from (the training window).
func ValidWindow(d *Design, from, to int) error {
	first, last := d.Span()
	if len(d.Years) == 0 {
		return fmt.Errorf("forecast: the %s design has no outcome year", d.Kind)
	}
	switch {
	case from < first || from > last:
		return &RangeError{"from", from, first + 1, last, "outside the outcome years of " + string(d.Kind)}
	case from == first:
		return &RangeError{"from", from, first + 1, last, "empty training window: no outcome year before it of " + string(d.Kind)}
	}
	if to < from || to > last {
		return &RangeError{"to", to, from, last, "outside the window's outcome years of " + string(d.Kind)}
	}
	return nil
}

// Run backtests d over outcome years from..to. The penalty is chosen once,
// by cross-validation on the years before from (unless o.Fit.Lambda is
// set), and kept for every refit, so that no choice reads the window.
func Run(ctx context.Context, d *Design, from, to int, o Options) (*Result, error) {
	if err := ValidWindow(d, from, to); err != nil {
		return nil, err
	}
	res := &Result{Kind: d.Kind, From: from, To: to, Rolling: o.Rolling, Relevant: o.Spec.Relevant,
		Replicates: o.Replicates, Seed: o.Seed, TrainFirst: d.Years[0].Year}
	var m *Model
	cache := samples{}
	for t := from; t <= to; t++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		test := d.Find(t)
		if test == nil {
			continue
		}
		if m == nil || o.Rolling {
			train := d.before(t)
			fo := o.Fit
			if m != nil {
				fo.Lambda = m.Lambda
			}
			var start []float64
			if m != nil {
				start = m.Beta
			}
			next, err := fit(train, o.Spec, fo, start, cache)
			if err != nil {
				return nil, err
			}
			m = next
			res.Fits++
		}
		res.Lambda = m.Lambda
		res.Predictions = append(res.Predictions, predictions(m, test, o.Spec)...)
	}
	views := []string{ViewDyads, ViewTreaties, ViewSmall}
	if o.DyadsOnly {
		views = views[:1]
	}
	for _, v := range views {
		res.Metrics = append(res.Metrics, Evaluate(res.Predictions, v, o.Replicates, o.Seed))
	}
	return res, nil
}

// before returns the outcome years of d before t.
func (d *Design) before(t int) []*Year {
	i, _ := slices.BinarySearchFunc(d.Years, t, func(y *Year, t int) int { return y.Year - t })
	return d.Years[:i]
}

func predictions(m *Model, y *Year, s Spec) []Prediction {
	p := m.PredictYear(y)
	var out []Prediction
	for r := range p {
		if s.Relevant && !y.Relevant[r] {
			continue
		}
		out = append(out, Prediction{A: y.A[r], B: y.B[r], Year: y.Year, P: p[r], Outcome: y.Y[r],
			Ref: m.BaseRate, Treaty: y.Treaty[r], TreatySize: y.TreatySize[r]})
	}
	return out
}

// BlockRow is one line of the block table: a theory block's out-of-sample
// ROC AUC alone and the AUC lost when it is dropped from the full model,
// with paired year-bootstrap intervals.
type BlockRow struct {
	Block    string   `json:"block"`
	Features []string `json:"features"`
	Alone    Interval `json:"auc_alone"`
	Dropped  Interval `json:"auc_dropped"`
	Loss     Interval `json:"auc_loss"` // full − dropped
}

// BlockTable is the theory scorecard of one kind and window.
type BlockTable struct {
	Full *Result    `json:"full"`
	Rows []BlockRow `json:"blocks"`
}

// BlockScores backtests the full model and, for each theory block, the model
// with that block alone and with it dropped, over from..to, all with the
// full model's penalty. o.Rolling applies to every variant.
func BlockScores(ctx context.Context, d *Design, from, to int, o Options) (*BlockTable, error) {
	full, err := Run(ctx, d, from, to, o)
	if err != nil {
		return nil, err
	}
	bt := &BlockTable{Full: full}
	vo := o
	vo.Fit.Lambda, vo.DyadsOnly = full.Lambda, true
	for _, b := range Blocks {
		alone := BlockColumns(b)
		var rest []int
		for i, f := range Features {
			if f.Block != b {
				rest = append(rest, i)
			}
		}
		row := BlockRow{Block: b}
		for _, c := range alone {
			row.Features = append(row.Features, Features[c].Name)
		}
		vo.Spec.Columns = alone
		ra, err := Run(ctx, d, from, to, vo)
		if err != nil {
			return nil, fmt.Errorf("forecast: block %s alone: %w", b, err)
		}
		vo.Spec.Columns = rest
		rd, err := Run(ctx, d, from, to, vo)
		if err != nil {
			return nil, fmt.Errorf("forecast: block %s dropped: %w", b, err)
		}
		row.Alone, row.Dropped = ra.Metrics[0].AUC, rd.Metrics[0].AUC
		row.Loss = Paired(full.Predictions, rd.Predictions, ViewDyads, o.Replicates, o.Seed)
		bt.Rows = append(bt.Rows, row)
	}
	return bt, nil
}
