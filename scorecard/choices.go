package scorecard

import (
	"github.com/entente/entente/align"
	"github.com/entente/entente/world"
)

// ChoiceRow scores align's predicted choice against the alliances formed:
// of the state-years with a given prediction (from the World of t−1), how
// many formed a new allied dyad in t, and how many of those allied with
// their top threat.
//
// Besides the two predictions, a row is given for each bandwagoning
// condition (Predicted is then the condition's name: the state-years in
// which it fired, whatever else fired), so that each of Walt's conditions
// can be read on its own.
type ChoiceRow struct {
	Source    string `json:"source"`
	Era       string `json:"era"`
	Predicted string `json:"predicted"`
	// StateYears counts the state-years with this prediction.
	StateYears int `json:"state_years"`
	// Formed counts those in which the state formed at least one new
	// allied dyad; FormedRate = Formed / StateYears.
	Formed     int    `json:"formed"`
	FormedRate Number `json:"formed_rate"`
	// WithThreat counts those in which a new partner was the state's top
	// threat; WithThreatRate = WithThreat / Formed. Bandwagoning predicts
	// a high rate, balancing a low one.
	WithThreat     int    `json:"with_threat"`
	WithThreatRate Number `json:"with_threat_rate"`
}

// choiceCell counts one source, era and prediction.
type choiceCell struct{ n, formed, withThreat int }

// choiceKeys lists the rows scored, in table order: the two predictions,
// then each bandwagoning condition.
var choiceKeys = []string{string(align.Balance), string(align.Bandwagon),
	align.CondWeak, align.CondOverwhelming, align.CondNoAllies, align.CondBenefit}

// choices calls f for every state of the World of t−1 predicted to balance
// or bandwagon, with whether it formed a new allied dyad in t (allied in
// after, not in before) and whether one of its new partners was its top
// threat.
func (ys *yearScore) choices(before, after map[world.Dyad]bool, f func(key string, formed, withThreat bool)) {
	partners := map[int][]int{}
	for d := range after {
		if before[d] {
			continue
		}
		partners[d.A] = append(partners[d.A], d.B)
		partners[d.B] = append(partners[d.B], d.A)
	}
	for i := range ys.w.States {
		c := ys.choice[i]
		if c != align.Balance && c != align.Bandwagon {
			continue
		}
		ps := partners[ys.w.States[i].CCode]
		with := false
		if t := ys.top[i]; t >= 0 {
			for _, p := range ps {
				with = with || p == ys.w.States[t].CCode
			}
		}
		f(string(c), len(ps) > 0, with)
		for _, name := range ys.fired[i] {
			f(name, len(ps) > 0, with)
		}
	}
}

func newChoiceCells() map[string]*choiceCell {
	m := map[string]*choiceCell{}
	for _, k := range choiceKeys {
		m[k] = &choiceCell{}
	}
	return m
}

func choiceRows(src, era string, cells map[string]*choiceCell) []ChoiceRow {
	var out []ChoiceRow
	for _, c := range choiceKeys {
		cc := cells[c]
		out = append(out, ChoiceRow{Source: src, Era: era, Predicted: c,
			StateYears: cc.n, Formed: cc.formed, FormedRate: Number(rate(cc.formed, cc.n)),
			WithThreat: cc.withThreat, WithThreatRate: Number(rate(cc.withThreat, cc.formed))})
	}
	return out
}
