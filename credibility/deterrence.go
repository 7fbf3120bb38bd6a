package credibility

import (
	"fmt"
	"math"

	"github.com/entente/entente/logit"
	"github.com/entente/entente/world"
)

// DeterrenceFeatures names the regressors of the deterrence model, in the
// order of DyadYear.X.
var DeterrenceFeatures = []string{
	"defence_pact",     // a third state k ≠ j pledged (ATOP 5.1) to defend i in t
	"pact_credibility", // the largest credibility index among those pledges (0 without one)
	"allied_ij",        // j itself pledged to defend i, or i j
	"offence_j",        // a third state k ≠ i pledged offence to j
	"neutrality_j",     // a third state k ≠ i pledged neutrality to j
	"contiguous",       // direct land contiguity (COW type 1)
	"log_distance",     // log(1 + capital distance in km)
	"capability_share", // CINC_j / (CINC_i + CINC_j)
	"joint_democracy",  // both polity2 ≥ 6
	"major_j",          // j a major power
	"major_i",          // i a major power
	"peace_years",      // years since the last dispute between them (or since from), at most 40, /10
	"peace_years_sq",   // its square
	"peace_years_cube", // its cube
}

// DyadYear is one row of the deterrence data: directed dyad (j, i) in
// year t, where j is the potential challenger and i the target.
type DyadYear struct {
	Year, J, I int
	X          []float64
	Initiated  bool // j initiated (originator on side A) a MID against i in t+1
}

// DeterrenceData returns the politically relevant directed dyad-years
// (j, i) from..to, contiguous (any COW type) or with a major power
// (Lemke & Reed 2001), with the regressors of DeterrenceFeatures and the
// outcome read from the Gibler–Miller–Little dispute dyad-years in t+1.
// Dyads missing capabilities are dropped. src supplies each year's
// credibility; to+1 must lie inside the dispute data (1816–2010).
func DeterrenceData(src *Source, from, to int, all bool) ([]DyadYear, error) {
	h := src.H
	gml := h.GMLDisputes()
	if g0, g1 := gml.Span(); from < g0 || to+1 > g1 {
		return nil, fmt.Errorf("credibility: deterrence years %d-%d: the dispute data cover %d-%d (outcomes in t+1)", from, to, g0, g1-1)
	}
	atopDY := h.ATOP()
	last := map[[2]int]int{} // undirected pair -> last year with a dispute
	var out []DyadYear
	for y := from; y <= to; y++ {
		ctx, err := src.Context(y)
		if err != nil {
			return nil, err
		}
		w := ctx.W
		defenders, offence, neutral := map[int][]int{}, map[int][]int{}, map[int][]int{}
		ks, vs := atopDY.Year(y)
		for n, k := range ks {
			if vs[n].Has(world.Defense) {
				defenders[k.B()] = append(defenders[k.B()], k.A())
			}
			if vs[n].Has(world.Offense) {
				offence[k.B()] = append(offence[k.B()], k.A())
			}
			if vs[n].Has(world.Neutrality) {
				neutral[k.B()] = append(neutral[k.B()], k.A())
			}
		}
		cred := map[[2]int]float64{}
		for _, c := range ctx.All() {
			if c.Index.OK() && c.Obligations.Has(world.Defense) {
				cred[[2]int{c.Patron, c.Protege}] = float64(c.Index)
			}
		}
		n := len(w.States)
		for a := 0; a < n; a++ {
			for b := 0; b < n; b++ {
				if a == b {
					continue
				}
				sj, si := &w.States[a], &w.States[b]
				rel := w.RelationAt(a, b)
				contig := rel.Contiguity >= 1
				if !all && !contig && !sj.Major && !si.Major {
					continue
				}
				cj, ci := sj.Capability.CINC, si.Capability.CINC
				if !cj.OK() || !ci.OK() || cj+ci <= 0 {
					continue
				}
				row := DyadYear{Year: y, J: sj.CCode, I: si.CCode, X: make([]float64, len(DeterrenceFeatures))}
				for _, k := range defenders[si.CCode] {
					if k == sj.CCode {
						row.X[2] = 1
						continue
					}
					row.X[0] = 1
					row.X[1] = math.Max(row.X[1], cred[[2]int{k, si.CCode}])
				}
				if o, ok := atopDY.Get(y, si.CCode, sj.CCode); ok && o.Has(world.Defense) {
					row.X[2] = 1
				}
				for _, k := range offence[sj.CCode] {
					if k != si.CCode {
						row.X[3] = 1
					}
				}
				for _, k := range neutral[sj.CCode] {
					if k != si.CCode {
						row.X[4] = 1
					}
				}
				if rel.Contiguity == 1 {
					row.X[5] = 1
				}
				if d := rel.CapDistKm; d.OK() {
					row.X[6] = math.Log1p(float64(d))
				}
				row.X[7] = float64(cj / (cj + ci))
				if p, q := sj.Democracy.Polity2, si.Democracy.Polity2; p.OK() && q.OK() && p >= 6 && q >= 6 {
					row.X[8] = 1
				}
				if sj.Major {
					row.X[9] = 1
				}
				if si.Major {
					row.X[10] = 1
				}
				pair := [2]int{min(sj.CCode, si.CCode), max(sj.CCode, si.CCode)}
				since, ok := last[pair]
				if !ok {
					since = from - 1
				}
				py := float64(min(y-since, MaxPeaceYears)) / 10
				row.X[11], row.X[12], row.X[13] = py, py*py, py*py*py
				if d, ok := gml.Get(y+1, sj.CCode, si.CCode); ok && d.Onsets > 0 && d.Initiator && d.Originator {
					row.Initiated = true
				}
				out = append(out, row)
			}
		}
		gk, gv := gml.Year(y)
		for n, k := range gk {
			if gv[n].Disputes > 0 {
				last[[2]int{min(k.A(), k.B()), max(k.A(), k.B())}] = y
			}
		}
		src.Forget()
	}
	return out, nil
}

// MaxPeaceYears caps the peace-years count: dyads without any dispute
// since from would otherwise take values far outside the training years'
// range, where the cubic (Carter & Signorino 2010) extrapolates wildly.
const MaxPeaceYears = 40

// Coefficient is one coefficient with its 95% interval.
type Coefficient struct {
	Name string  `json:"name"`
	Beta float64 `json:"beta"`
	SE   float64 `json:"se"`
	Lo   float64 `json:"lo"`
	Hi   float64 `json:"hi"`
	Odds float64 `json:"odds_ratio"`
}

// DeterrenceModel is the deterrence logit fitted on the training years
// and refitted on the test years, with dyad-clustered intervals, and the
// training model's AUC on the test years.
type DeterrenceModel struct {
	Spec                                   string // "leeds" or "credibility"
	TrainFrom, TrainTo, TestFrom, TestTo   int
	TrainN, TrainEvents, TestN, TestEvents int
	Train, Test                            []Coefficient
	TestAUC                                float64 // of the training model's probabilities on the test years
}

// The specifications of Deterrence: Leeds (2003)'s, with the defence
// pact alone, and ours, which adds the pact's credibility.
const (
	SpecLeeds       = "leeds"
	SpecCredibility = "credibility"
)

// Deterrence fits the model of spec on rows with Year ≤ split and,
// separately, on those after.
func Deterrence(rows []DyadYear, split int, spec string) (*DeterrenceModel, error) {
	names := DeterrenceFeatures
	keep := func(x []float64) []float64 { return x }
	switch spec {
	case SpecCredibility:
	case SpecLeeds:
		names = append([]string{names[0]}, names[2:]...)
		keep = func(x []float64) []float64 { return append([]float64{x[0]}, x[2:]...) }
	default:
		return nil, fmt.Errorf("credibility: deterrence specification %q: want leeds or credibility", spec)
	}
	m := &DeterrenceModel{Spec: spec, TrainFrom: math.MaxInt, TestFrom: math.MaxInt}
	var tr, te []DyadYear
	for _, r := range rows {
		if r.Year <= split {
			tr = append(tr, r)
			m.TrainFrom, m.TrainTo = min(m.TrainFrom, r.Year), max(m.TrainTo, r.Year)
		} else {
			te = append(te, r)
			m.TestFrom, m.TestTo = min(m.TestFrom, r.Year), max(m.TestTo, r.Year)
		}
	}
	fit := func(rs []DyadYear) (*logit.Model, []Coefficient, *logit.Data, int, error) {
		x, y, g := make([][]float64, len(rs)), make([]bool, len(rs)), make([]int, len(rs))
		ev := 0
		for k, r := range rs {
			x[k], y[k], g[k] = keep(r.X), r.Initiated, min(r.J, r.I)<<16|max(r.J, r.I)
			if r.Initiated {
				ev++
			}
		}
		d, err := logit.FromRows(x, y)
		if err != nil {
			return nil, nil, nil, 0, err
		}
		l, err := logit.Fit(d, 0, nil, logit.Options{})
		if err != nil {
			return nil, nil, nil, 0, err
		}
		se, err := l.ClusterSE(d, g)
		if err != nil {
			return nil, nil, nil, 0, err
		}
		cs := make([]Coefficient, len(l.Beta))
		for a := range cs {
			name := "const"
			if a > 0 {
				name = names[a-1]
			}
			cs[a] = Coefficient{Name: name, Beta: l.Beta[a], SE: se[a], Lo: l.Beta[a] - 1.959964*se[a],
				Hi: l.Beta[a] + 1.959964*se[a], Odds: math.Exp(l.Beta[a])}
		}
		return l, cs, d, ev, nil
	}
	if len(tr) == 0 || len(te) == 0 {
		return nil, fmt.Errorf("credibility: %d training and %d test dyad-years around %d: need both", len(tr), len(te), split)
	}
	lt, cs, _, ev, err := fit(tr)
	if err != nil {
		return nil, fmt.Errorf("credibility: deterrence model to %d: %w", split, err)
	}
	m.Train, m.TrainN, m.TrainEvents = cs, len(tr), ev
	_, cs, dte, ev, err := fit(te)
	if err != nil {
		return nil, fmt.Errorf("credibility: deterrence model after %d: %w", split, err)
	}
	m.Test, m.TestN, m.TestEvents = cs, len(te), ev
	m.TestAUC = logit.AUC(lt.PredictData(dte, nil), dte.Y)
	return m, nil
}
