package termination

import (
	"fmt"
	"math"
	"sort"

	"github.com/entente/entente/survival"
	"github.com/entente/entente/world"
)

// Options chooses what Analyze computes.
type Options struct {
	// Covariates of the Cox model; none skips the model.
	Covariates []string
	// Cause is the ending the Cox model counts as the event: Censored for
	// any ending, Violation or Other for that cause's hazard alone (the
	// others censored).
	Cause Cause
	// By splits the survival curves: "" (none) or "type" (the strongest
	// obligation).
	By    string
	Ties  survival.Ties
	Level float64   // confidence level, 0: 0.95
	Times []float64 // years at which curves are read, nil: 5, 10, 25, 50
}

// Point is a curve read at one duration.
type Point struct {
	Years float64     `json:"years"`
	Value world.Value `json:"value"`
	Lower world.Value `json:"lower,omitempty"`
	Upper world.Value `json:"upper,omitempty"`
}

// Curve is a Kaplan–Meier curve of a group of spells.
type Curve struct {
	Group       string      `json:"group"`
	N           int         `json:"n"`
	Events      int         `json:"events"`
	Median      world.Value `json:"median"`
	MedianLower world.Value `json:"median_lower"`
	MedianUpper world.Value `json:"median_upper"`
	At          []Point     `json:"at"`

	KM *survival.KM `json:"-"`
}

// CauseCurve is the cumulative incidence of one cause.
type CauseCurve struct {
	Cause  string  `json:"cause"`
	Events int     `json:"events"`
	At     []Point `json:"at"`

	Times []float64 `json:"-"`
	CIF   []float64 `json:"-"`
}

// CoxLine is one covariate of a Cox model.
type CoxLine struct {
	Name     string  `json:"name"`
	Coef     float64 `json:"coef"`
	SE       float64 `json:"se"`
	RobustSE float64 `json:"robust_se"`
	HR       float64 `json:"hazard_ratio"`
	Lower    float64 `json:"lower"` // interval from the robust standard error
	Upper    float64 `json:"upper"`
	P        float64 `json:"p"` // robust Wald
}

// CoxResult is a fitted Cox model with its PH test.
type CoxResult struct {
	Event   string            `json:"event"` // "any ending", "violation", "other"
	Ties    string            `json:"ties"`
	Rows    int               `json:"rows"`
	Spells  int               `json:"spells"`
	Dropped int               `json:"dropped"` // rows left out for a missing covariate
	Events  int               `json:"events"`
	LogLik  float64           `json:"loglik"`
	LogLik0 float64           `json:"loglik0"`
	LR      float64           `json:"lr_chisq"`
	LRP     float64           `json:"lr_p"`
	Lines   []CoxLine         `json:"coefficients"`
	PH      []survival.PHTest `json:"ph_test"`
}

// Analysis is what `entente survival` shows.
type Analysis struct {
	Source    string         `json:"source"`
	Level     Level          `json:"level"`
	Spells    int            `json:"spells"`
	Ended     int            `json:"ended"`
	Causes    map[string]int `json:"causes"`
	Yearly    bool           `json:"yearly"`
	Survival  []Curve        `json:"survival"`
	Incidence []CauseCurve   `json:"incidence,omitempty"`
	Cox       *CoxResult     `json:"cox,omitempty"`
}

// Analyze computes the Kaplan–Meier curves (all spells, and by group),
// the cumulative incidence of violation and other endings when the source
// codes them (ATOP), and the Cox model of o.Covariates with its PH test.
func Analyze(spells []Spell, level Level, f *Facts, o Options) (*Analysis, error) {
	if len(spells) == 0 {
		return nil, fmt.Errorf("termination: no spells to analyse")
	}
	if o.Level == 0 {
		o.Level = 0.95
	}
	if o.Times == nil {
		o.Times = []float64{5, 10, 25, 50}
	}
	a := &Analysis{Source: spells[0].Source, Level: level, Spells: len(spells), Causes: map[string]int{}}
	for _, s := range spells {
		if s.Ended {
			a.Ended++
		}
		a.Causes[s.Cause.String()]++
	}
	base, err := Build(spells, nil, nil)
	if err != nil {
		return nil, err
	}
	groups := map[string][]Row{"all": base.Rows}
	names := []string{"all"}
	switch o.By {
	case "":
	case "type":
		for _, r := range base.Rows {
			if _, ok := groups[r.Spell.Type]; !ok {
				names = append(names, r.Spell.Type)
			}
			groups[r.Spell.Type] = append(groups[r.Spell.Type], r)
		}
		sort.Strings(names[1:])
	default:
		return nil, fmt.Errorf("termination: --by %q: want type", o.By)
	}
	for _, g := range names {
		t := &Table{Rows: groups[g]}
		d, _ := t.Data(Censored)
		km, err := survival.KaplanMeier(d, o.Level)
		if err != nil {
			return nil, fmt.Errorf("termination: survival of %s: %w", g, err)
		}
		c := Curve{Group: g, N: km.N, Events: km.Events, KM: km}
		m, lo, hi := km.Median()
		c.Median, c.MedianLower, c.MedianUpper = world.Value(m), world.Value(lo), world.Value(hi)
		for _, y := range o.Times {
			s, l, u := km.At(y)
			c.At = append(c.At, Point{Years: y, Value: world.Value(s), Lower: world.Value(l), Upper: world.Value(u)})
		}
		a.Survival = append(a.Survival, c)
	}
	if a.Source == "atop" {
		d, _ := base.Data(Censored)
		inc, err := survival.CumulativeIncidence(d)
		if err != nil {
			return nil, err
		}
		for k := 1; k <= inc.Causes && k <= int(Other); k++ {
			cc := CauseCurve{Cause: Cause(k).String(), Events: inc.Events[k-1], Times: inc.Times, CIF: inc.CIF[k-1]}
			for _, y := range o.Times {
				cc.At = append(cc.At, Point{Years: y, Value: world.Value(inc.At(k, y)), Lower: world.Missing(), Upper: world.Missing()})
			}
			a.Incidence = append(a.Incidence, cc)
		}
	}
	if len(o.Covariates) > 0 {
		if o.Cause != Censored && a.Source != "atop" {
			return nil, fmt.Errorf("termination: %s codes no cause of termination; --cause needs ATOP", a.Source)
		}
		t, err := Build(spells, o.Covariates, f)
		if err != nil {
			return nil, err
		}
		a.Yearly = t.Yearly
		if a.Cox, err = fitCox(t, o); err != nil {
			return nil, err
		}
	}
	return a, nil
}

func fitCox(t *Table, o Options) (*CoxResult, error) {
	d, dropped := t.Data(o.Cause)
	if d.Len() == 0 {
		return nil, fmt.Errorf("termination: every row has a missing covariate")
	}
	c, err := survival.FitCox(d, survival.CoxOptions{Ties: o.Ties})
	if err != nil {
		return nil, fmt.Errorf("termination: cox model: %w", err)
	}
	z, err := survival.ZPH(c, d, o.Ties, survival.TransformKM)
	if err != nil {
		return nil, fmt.Errorf("termination: PH test: %w", err)
	}
	ev := "any ending"
	if o.Cause != Censored {
		ev = o.Cause.String()
	}
	r := &CoxResult{Event: ev, Ties: c.Ties, Rows: c.N, Spells: c.Subjects, Dropped: dropped, Events: c.Events,
		LogLik: c.LogLik, LogLik0: c.LogLik0, PH: z}
	r.LR, _, r.LRP = c.LRTest()
	for j, n := range c.Names {
		hr, lo, hi := c.HazardRatio(j, o.Level, true)
		r.Lines = append(r.Lines, CoxLine{Name: n, Coef: c.Coef[j], SE: c.SE[j], RobustSE: c.RobustSE[j],
			HR: hr, Lower: lo, Upper: hi, P: c.P(j, true)})
		if math.IsNaN(c.Coef[j]) {
			return nil, fmt.Errorf("termination: coefficient of %s is not a number", n)
		}
	}
	return r, nil
}
