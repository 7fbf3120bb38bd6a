package logit

import (
	"fmt"
	"math"
)

// CVResult is the cross-validated log-loss of each λ of a grid.
type CVResult struct {
	Lambdas []float64
	Loss    []float64 // weighted mean held-out log-loss, per λ
	Best    float64   // the λ of least loss (the larger on ties)
}

// CV scores each λ of grid by K-fold cross-validation: fold[i] in 0..k−1
// assigns row i to a fold; each fold is held out once, the model fitted on
// the others (warm-started from the previous λ's fit on the same fold) and
// scored by the weighted log-loss of the held-out rows. Folds with no rows
// or no outcome 1 in training are skipped. The loss of a λ pools the
// held-out rows of every fold scored.
func CV(d *Data, fold []int, k int, grid []float64, o Options) (*CVResult, error) {
	if len(fold) != d.Rows() {
		return nil, fmt.Errorf("logit: %d fold labels for %d rows", len(fold), d.Rows())
	}
	if len(grid) == 0 {
		return nil, fmt.Errorf("logit: empty λ grid")
	}
	res := &CVResult{Lambdas: grid, Loss: make([]float64, len(grid))}
	sw := make([]float64, len(grid))
	scored := 0
	for f := 0; f < k; f++ {
		train, test := d.split(fold, f)
		if train.Rows() == 0 || test.Rows() == 0 || !anyTrue(train.Y) {
			continue
		}
		scored++
		var start []float64
		for g, lam := range grid {
			m, err := Fit(train, lam, start, o)
			if err != nil {
				return nil, err
			}
			start = m.Beta
			p := m.PredictData(test, nil)
			tw := 0.0
			for i := range test.Y {
				tw += test.weight(i)
			}
			res.Loss[g] += LogLoss(test, p) * tw
			sw[g] += tw
		}
	}
	if scored == 0 {
		return nil, fmt.Errorf("logit: no fold could be scored (each needs training rows with an outcome 1 and held-out rows)")
	}
	best := math.Inf(1)
	for g := range grid {
		res.Loss[g] /= sw[g]
		if res.Loss[g] <= best {
			best, res.Best = res.Loss[g], grid[g]
		}
	}
	return res, nil
}

func anyTrue(y []bool) bool {
	for _, v := range y {
		if v {
			return true
		}
	}
	return false
}

// split returns the rows not in fold f and the rows in it.
func (d *Data) split(fold []int, f int) (train, test *Data) {
	var in, out []int
	for i, g := range fold {
		if g == f {
			out = append(out, i)
		} else {
			in = append(in, i)
		}
	}
	return d.subset(in), d.subset(out)
}

// subset returns the rows idx of d, copied.
func (d *Data) subset(idx []int) *Data {
	s := &Data{Cols: make([][]float64, len(d.Cols)), Y: make([]bool, len(idx))}
	for k, c := range d.Cols {
		col := make([]float64, len(idx))
		for j, i := range idx {
			col[j] = c[i]
		}
		s.Cols[k] = col
	}
	if d.W != nil {
		s.W = make([]float64, len(idx))
	}
	for j, i := range idx {
		s.Y[j] = d.Y[i]
		if d.W != nil {
			s.W[j] = d.W[i]
		}
	}
	return s
}
