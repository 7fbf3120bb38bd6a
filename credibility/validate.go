package credibility

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"

	"github.com/entente/entente/logit"
	"github.com/entente/entente/reliability"
	"github.com/entente/entente/world"
)

// Invocation is one triggered defence or offence pledge (llm rule) with
// the credibility of the commitment measured the year before the ally
// entered the war.
type Invocation struct {
	Row         reliability.Row `json:"row"`
	Credibility Credibility     `json:"credibility"`
}

// Invocations returns the scored defence and offence rows of llm whose
// year lies in from..to, each with the credibility of the member's
// commitment to the ally in the World of the year before.
func Invocations(src *Source, llm []reliability.Row, from, to int) ([]Invocation, error) {
	first, _ := src.H.Span()
	var out []Invocation
	def := world.Obligations(0).With(world.Defense).String()
	off := world.Obligations(0).With(world.Offense).String()
	for _, r := range llm {
		if !r.Scored() || (r.Obligation != def && r.Obligation != off) || r.Year < from || r.Year > to {
			continue
		}
		y := max(r.Year-1, first)
		c, err := src.Context(y)
		if err != nil {
			return nil, err
		}
		ob := world.Obligations(0)
		if r.Obligation == def {
			ob = ob.With(world.Defense)
		} else {
			ob = ob.With(world.Offense)
		}
		cm := Commitment{Patron: r.Member, Protege: r.Ally, Alliance: r.Alliance, Obligations: ob, Formal: true}
		out = append(out, Invocation{Row: r, Credibility: c.Of(cm)})
	}
	return out, nil
}

// AUC is an area under the ROC curve on the test invocations with its
// 95% bootstrap interval (resampling wars, since the invocations of one
// war are not independent).
type AUC struct {
	Score string  `json:"score"`
	AUC   float64 `json:"auc"`
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
}

// Validation is the out-of-sample test of the index: weights fitted by
// logistic regression on the invocations up to Split, AUCs on those after.
type Validation struct {
	Split         int            `json:"split"`
	Train         int            `json:"train"`
	TrainHonoured int            `json:"train_honoured"`
	Test          int            `json:"test"`
	TestHonoured  int            `json:"test_honoured"`
	Fit           *logit.Summary `json:"fit"`
	Means         [5]float64     `json:"train_means"` // imputed for a missing component
	Scores        []AUC          `json:"test_auc"`    // fitted model, equal-weight index, each component
	Boot          int            `json:"bootstrap"`
}

// Validate fits the logistic regression of honoured on the five
// components (a missing component takes its training mean) on the
// invocations with Row.Year <= split, and reports on the others the AUC
// of the fitted probability, of the equal-weight index and of each
// component alone, with boot war-clustered bootstrap replicates seeded by
// seed.
func Validate(inv []Invocation, split, boot int, seed uint64) (*Validation, error) {
	v := &Validation{Split: split, Boot: boot}
	var train, test []Invocation
	for _, x := range inv {
		if x.Row.Year <= split {
			train = append(train, x)
		} else {
			test = append(test, x)
		}
	}
	v.Train, v.Test = len(train), len(test)
	for _, x := range train {
		if x.Row.Verdict == reliability.Honoured {
			v.TrainHonoured++
		}
	}
	for _, x := range test {
		if x.Row.Verdict == reliability.Honoured {
			v.TestHonoured++
		}
	}
	if v.Train == 0 || v.Test == 0 {
		return nil, fmt.Errorf("credibility: %d training and %d test invocations around %d: need both", v.Train, v.Test, split)
	}
	for k := range 5 {
		s, n := 0.0, 0
		for _, x := range train {
			if c := x.Credibility.Values()[k]; c.OK() {
				s += float64(c)
				n++
			}
		}
		v.Means[k] = 0.5
		if n > 0 {
			v.Means[k] = s / float64(n)
		}
	}
	feats := func(xs []Invocation) ([][]float64, []bool) {
		X, y := make([][]float64, len(xs)), make([]bool, len(xs))
		for i, x := range xs {
			vals := x.Credibility.Values()
			X[i] = make([]float64, 5)
			for k, c := range vals {
				X[i][k] = v.Means[k]
				if c.OK() {
					X[i][k] = float64(c)
				}
			}
			y[i] = x.Row.Verdict == reliability.Honoured
		}
		return X, y
	}
	Xtr, ytr := feats(train)
	dtr, err := logit.FromRows(Xtr, ytr)
	if err != nil {
		return nil, err
	}
	fit, err := logit.Fit(dtr, 0, nil, logit.Options{})
	if err == nil {
		v.Fit, err = fit.Summarize(dtr, Components[:])
	}
	if err != nil {
		return nil, fmt.Errorf("credibility: fitting on %d invocations to %d: %w", v.Train, split, err)
	}
	Xte, yte := feats(test)
	scores := []struct {
		name string
		f    func(i int) float64
	}{
		{"fitted", func(i int) float64 { return fit.Predict(Xte[i]) }},
		{"index", func(i int) float64 {
			if x := test[i].Credibility.Index; x.OK() {
				return float64(x)
			}
			return 0.5
		}},
	}
	for k := range 5 {
		scores = append(scores, struct {
			name string
			f    func(i int) float64
		}{Components[k], func(i int) float64 { return Xte[i][k] }})
	}
	// Wars of the test set, for the clustered bootstrap.
	byWar := map[int][]int{}
	for i, x := range test {
		byWar[x.Row.WarID] = append(byWar[x.Row.WarID], i)
	}
	wars := make([]int, 0, len(byWar))
	for w := range byWar {
		wars = append(wars, w)
	}
	sort.Ints(wars)
	for _, s := range scores {
		p := make([]float64, len(test))
		for i := range test {
			p[i] = s.f(i)
		}
		a := AUC{Score: s.name, AUC: logit.AUC(p, yte), Lo: math.NaN(), Hi: math.NaN()}
		rng := rand.New(rand.NewPCG(seed, 15))
		var reps []float64
		for range boot {
			var bp []float64
			var by []bool
			for range wars {
				for _, i := range byWar[wars[rng.IntN(len(wars))]] {
					bp = append(bp, p[i])
					by = append(by, yte[i])
				}
			}
			if r := logit.AUC(bp, by); !math.IsNaN(r) {
				reps = append(reps, r)
			}
		}
		if len(reps) > 0 {
			sort.Float64s(reps)
			a.Lo, a.Hi = reps[int(0.025*float64(len(reps)))], reps[min(len(reps)-1, int(0.975*float64(len(reps))))]
		}
		v.Scores = append(v.Scores, a)
	}
	return v, nil
}
