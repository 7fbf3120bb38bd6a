package dilemma

import (
	"fmt"
	"math"
	"sort"

	"github.com/entente/entente/internal/source/atop"
	"github.com/entente/entente/reliability"
	"github.com/entente/entente/survival"
	"github.com/entente/entente/termination"
	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// AsymmetryRatio is the capability ratio (CINC of the stronger over the
// weaker) from which a dyad counts as asymmetric. Morrow (1991) contrasts
// a major with a minor power; a ratio of 3 separates most such pairs in
// the NMC data and applies to world files, whose states carry no major
// flag.
const AsymmetryRatio = 3.0

// Dyad is Morrow's security–autonomy trade in one asymmetric pair of an
// alliance (Morrow 1991, "Alliances and Asymmetry", American Journal of
// Political Science 35(4): 904–933): the weak member gains security and
// concedes autonomy, the strong gains autonomy (bases, command) at a cost
// in security (the weak's quarrels). Our measures:
//
//	security  a_j/(a_j + a_w) − a_j/(a_j + a_w + a_s): how much the
//	          strong's capability, as it reaches the weak's home, cuts the
//	          share of a contest with the weak's top threat j that j would
//	          bring (a = threat.Options.Reach, the loss-of-strength gradient)
//	autonomy  the mean of the coded base/3, intcom and subord/2 of the
//	          weak's ATOP provisions: what it concedes and the strong gains
//
// The strong's security gain is the same measure against its own top
// threat; its cost is its entrapment risk in the alliance.
type Dyad struct {
	Alliance         string      `json:"alliance"`
	Weak             int         `json:"weak"`
	Strong           int         `json:"strong"`
	Ratio            world.Value `json:"capability_ratio"`
	ATOPAsymmetric   bool        `json:"atop_asymm"`
	WeakThreat       int         `json:"weak_threat_from"`
	WeakSecurity     world.Value `json:"weak_security"`
	AutonomyConceded world.Value `json:"autonomy_conceded"`
	StrongSecurity   world.Value `json:"strong_security"`
	StrongEntrapment world.Value `json:"strong_entrapment"`
}

// Dyads returns the asymmetric dyads (capability ratio at least
// AsymmetryRatio, or ATOP asymm) among the members ms of one World that
// Assess returned, in the order of ms.
func Dyads(w *world.World, ms []Member, o threat.Options) []Dyad {
	idx := map[string]map[int]*Member{}
	for i := range ms {
		m := &ms[i]
		if idx[m.Alliance] == nil {
			idx[m.Alliance] = map[int]*Member{}
		}
		idx[m.Alliance][m.State] = m
	}
	cinc := func(c int) float64 {
		if s := w.State(c); s != nil {
			return s.Capability.CINC.Float()
		}
		return math.NaN()
	}
	var out []Dyad
	for i := range ms {
		weak := &ms[i]
		cw := cinc(weak.State)
		for _, p := range weak.Partners {
			strong := idx[weak.Alliance][p]
			if strong == nil {
				continue
			}
			cs := cinc(p)
			ratio := world.Missing()
			if cw > 0 && !math.IsNaN(cs) {
				ratio = world.Known(cs / cw)
			}
			asym := weak.Commitment.Provision.Asymmetric || strong.Commitment.Provision.Asymmetric
			if !(ratio.OK() && ratio.Float() >= AsymmetryRatio) && !(asym && cs > cw) {
				continue
			}
			d := Dyad{Alliance: weak.Alliance, Weak: weak.State, Strong: p, Ratio: ratio, ATOPAsymmetric: asym,
				WeakThreat: weak.ThreatFrom, AutonomyConceded: autonomy(weak.Commitment.Provision),
				StrongEntrapment: strong.Entrapment}
			d.WeakSecurity = securityGain(w, o, weak.State, p, weak.ThreatFrom, cinc)
			d.StrongSecurity = securityGain(w, o, p, weak.State, strong.ThreatFrom, cinc)
			out = append(out, d)
		}
	}
	return out
}

func autonomy(p Provision) world.Value {
	sum, n := 0.0, 0
	for _, t := range []struct {
		v     world.Value
		scale float64
	}{{p.Bases, 3}, {p.IntegratedCmd, 1}, {p.Subordination, 2}} {
		if t.v.OK() {
			sum += math.Min(1, t.v.Float()/t.scale)
			n++
		}
	}
	if n == 0 {
		return world.Missing()
	}
	return world.Known(sum / float64(n))
}

// securityGain is the cut in the share of a contest at i's home that
// threat j would bring once ally k's capability is added (see Dyad).
func securityGain(w *world.World, o threat.Options, i, k, j int, cinc func(int) float64) world.Value {
	if j == 0 {
		return world.Missing()
	}
	aj := o.Reach(cinc(j), threat.EffectiveMiles(w.Relation(j, i)), w.Year)
	ai := o.Reach(cinc(i), 0, w.Year)
	ak := o.Reach(cinc(k), threat.EffectiveMiles(w.Relation(k, i)), w.Year)
	if math.IsNaN(aj) || math.IsNaN(ai) || math.IsNaN(ak) || aj+ai <= 0 {
		return world.Missing()
	}
	return world.Known(aj/(aj+ai) - aj/(aj+ai+ak))
}

// Founding is an ATOP alliance's founding members: those whose first entry
// falls in the year of the alliance's earliest entry.
type Founding struct {
	ID      int   `json:"atopid"`
	Year    int   `json:"year"`
	Members []int `json:"members"`
}

// Foundings returns the foundings of the ATOP v4 member rows, by atopid.
func Foundings(rows []atop.Member) []Founding {
	first := map[int]int{}
	for _, r := range rows {
		if y, ok := first[r.ATOPID]; !ok || r.Entry.Year < y {
			first[r.ATOPID] = r.Entry.Year
		}
	}
	seen := map[[2]int]bool{}
	by := map[int]*Founding{}
	for _, r := range rows {
		if r.Entry.Year != first[r.ATOPID] || seen[[2]int{r.ATOPID, r.CCode}] {
			continue
		}
		seen[[2]int{r.ATOPID, r.CCode}] = true
		f := by[r.ATOPID]
		if f == nil {
			f = &Founding{ID: r.ATOPID, Year: r.Entry.Year}
			by[r.ATOPID] = f
		}
		f.Members = append(f.Members, r.CCode)
	}
	out := make([]Founding, 0, len(by))
	for _, f := range by {
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// System tells the Morrow tests who was a major power: Status(y, c)
// whether c was a system member in year y and a major power, Counts the
// numbers of major and minor system members in y.
type System interface {
	Status(y, c int) (major, member bool)
	Counts(y int) (majors, minors int)
}

// Group is a formation rate: alliances formed (founding dyads) per 1000
// dyad-years of one kind, with its Wilson 95% interval.
type Group struct {
	Name      string  `json:"name"`
	Formed    int     `json:"formed"`
	DyadYears int     `json:"dyad_years"`
	Rate      float64 `json:"per_1000"`
	Lo        float64 `json:"lo"`
	Hi        float64 `json:"hi"`
}

// FormationTest compares the formation rates of asymmetric (major–minor)
// and symmetric (major–major, minor–minor) dyads, with the rate ratio and
// its 95% interval (log scale).
type FormationTest struct {
	From, To   int     `json:"-"`
	Asymmetric Group   `json:"asymmetric"`
	Symmetric  Group   `json:"symmetric"`
	MajorMajor Group   `json:"major_major"`
	MinorMinor Group   `json:"minor_minor"`
	RateRatio  float64 `json:"rate_ratio"`
	Lo         float64 `json:"lo"`
	Hi         float64 `json:"hi"`
}

// Formation tests Morrow's first claim, that asymmetric alliances form
// more easily: every founding dyad (each pair of founding members in the
// system) of an alliance founded in from..to counts once, against the
// dyad-years of its kind (majors·minors asymmetric; C(majors, 2) and
// C(minors, 2) symmetric) in from..to. A rate per dyad-year, not a dyad-year
// model with controls (distance, threat): minor–minor dyads are many and
// mostly far apart, which lowers the symmetric rate.
func Formation(fs []Founding, sys System, from, to int) FormationTest {
	var k [3]int // asym, major-major, minor-minor
	var n [3]int
	for y := from; y <= to; y++ {
		M, m := sys.Counts(y)
		n[0] += M * m
		n[1] += M * (M - 1) / 2
		n[2] += m * (m - 1) / 2
	}
	for _, f := range fs {
		if f.Year < from || f.Year > to {
			continue
		}
		for a := 0; a < len(f.Members); a++ {
			for b := a + 1; b < len(f.Members); b++ {
				ma, ina := sys.Status(f.Year, f.Members[a])
				mb, inb := sys.Status(f.Year, f.Members[b])
				switch {
				case !ina || !inb:
					continue
				case ma != mb:
					k[0]++
				case ma:
					k[1]++
				default:
					k[2]++
				}
			}
		}
	}
	g := func(name string, k, n int) Group {
		p, lo, hi := reliability.Wilson(k, n)
		return Group{Name: name, Formed: k, DyadYears: n, Rate: 1000 * p, Lo: 1000 * lo, Hi: 1000 * hi}
	}
	t := FormationTest{From: from, To: to, Asymmetric: g("asymmetric (major–minor)", k[0], n[0]),
		Symmetric:  g("symmetric", k[1]+k[2], n[1]+n[2]),
		MajorMajor: g("major–major", k[1], n[1]), MinorMinor: g("minor–minor", k[2], n[2])}
	t.RateRatio, t.Lo, t.Hi = rateRatio(k[0], n[0], k[1]+k[2], n[1]+n[2])
	return t
}

// rateRatio returns (k1/n1)/(k2/n2) with its 95% interval from the
// standard error of its log, √(1/k1 + 1/k2) (Poisson counts).
func rateRatio(k1, n1, k2, n2 int) (rr, lo, hi float64) {
	if k1 == 0 || k2 == 0 || n1 == 0 || n2 == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	rr = (float64(k1) / float64(n1)) / (float64(k2) / float64(n2))
	se := math.Sqrt(1/float64(k1) + 1/float64(k2))
	const z = 1.959963984540054
	return rr, rr * math.Exp(-z*se), rr * math.Exp(z*se)
}

// Duration is the Kaplan–Meier median duration of one group of alliances,
// with its 95% interval (NaN where the curve does not reach one half).
type Duration struct {
	Name   string  `json:"name"`
	N      int     `json:"n"`
	Ended  int     `json:"ended"`
	Median float64 `json:"median_years"`
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
}

// DurationTest compares asymmetric and symmetric alliances' durations: the
// Kaplan–Meier medians and a Cox hazard ratio of asymmetric against
// symmetric (Efron ties, robust 95% interval). A hazard ratio below 1 is
// Morrow's second claim, that asymmetric alliances last longer.
type DurationTest struct {
	By         string   `json:"by"`
	Asymmetric Duration `json:"asymmetric"`
	Symmetric  Duration `json:"symmetric"`
	HR         float64  `json:"hazard_ratio"`
	Lo         float64  `json:"lo"`
	Hi         float64  `json:"hi"`
	P          float64  `json:"p"`
}

// DurationBy tests Morrow's second claim on alliance-level spells
// (termination.ATOP at AllianceLevel), classified by asym (false, false
// to leave a spell out).
func DurationBy(by string, spells []termination.Spell, asym func(termination.Spell) (asymmetric, ok bool)) (*DurationTest, error) {
	var d [2]survival.Data // 0 symmetric, 1 asymmetric
	all := survival.Data{X: [][]float64{nil}, Names: []string{"asymmetric"}}
	for _, s := range spells {
		a, ok := asym(s)
		if !ok {
			continue
		}
		g := 0
		if a {
			g = 1
		}
		d[g].Stop = append(d[g].Stop, s.Years)
		d[g].Event = append(d[g].Event, s.Ended)
		all.Stop = append(all.Stop, s.Years)
		all.Event = append(all.Event, s.Ended)
		all.X[0] = append(all.X[0], float64(g))
	}
	t := &DurationTest{By: by}
	for g, name := range []string{"symmetric", "asymmetric"} {
		km, err := survival.KaplanMeier(&d[g], 0.95)
		if err != nil {
			return nil, fmt.Errorf("dilemma: %s %s alliances: %w", by, name, err)
		}
		med, lo, hi := km.Median()
		r := Duration{Name: name, N: km.N, Ended: km.Events, Median: med, Lo: lo, Hi: hi}
		if g == 0 {
			t.Symmetric = r
		} else {
			t.Asymmetric = r
		}
	}
	cox, err := survival.FitCox(&all, survival.CoxOptions{})
	if err != nil {
		return nil, fmt.Errorf("dilemma: %s: %w", by, err)
	}
	t.HR, t.Lo, t.Hi = cox.HazardRatio(0, 0.95, true)
	t.P = cox.P(0, true)
	return t, nil
}

// ByMajorMinor classifies an alliance as asymmetric when its founders
// include both a major and a minor power in its founding year, symmetric
// when all are majors or all minors (Morrow 1991's contrast); alliances
// without a founding record are left out.
func ByMajorMinor(fs []Founding, sys System) func(termination.Spell) (bool, bool) {
	by := map[int]Founding{}
	for _, f := range fs {
		by[f.ID] = f
	}
	return func(s termination.Spell) (bool, bool) {
		f, ok := by[s.Alliance]
		if !ok || len(f.Members) < 2 {
			return false, false
		}
		var maj, min bool
		for _, c := range f.Members {
			if m, in := sys.Status(f.Year, c); !in {
				continue
			} else if m {
				maj = true
			} else {
				min = true
			}
		}
		if !maj && !min {
			return false, false
		}
		return maj && min, true
	}
}

// ByATOPAsymm classifies an alliance by ATOP's asymm: obligations that
// differ between members.
func ByATOPAsymm(s termination.Spell) (bool, bool) { return s.Asymmetric, true }
