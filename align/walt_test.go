package align

import (
	"testing"

	"github.com/entente/entente/threat"
	"github.com/entente/entente/world"
)

// TestWaltBalanceByDefault: in base, 200 faces its hostile neighbour 365,
// which 220 faces too; an ally is available, so 200 balances, with 220,
// which shares the threat, as its first partner.
func TestWaltBalanceByDefault(t *testing.T) {
	p := predict(t, base(), threat.DefaultOptions(), DefaultOptions())[200]
	if p.TopThreat == nil || p.TopThreat.From != 365 {
		t.Fatalf("top threat = %+v, want 365", p.TopThreat)
	}
	if p.Choice != Balance {
		t.Errorf("choice = %s, want balance; conditions %+v", p.Choice, p.Conditions)
	}
	if len(p.Partners) == 0 || p.Partners[0].CCode != 220 {
		t.Errorf("first partner = %+v, want 220, which faces the same threat", p.Partners)
	}
	for _, q := range p.Partners {
		if q.Interests.OK() {
			t.Errorf("partner %d: interests %v without trade data, want missing", q.CCode, q.Interests)
		}
	}
}

// TestWaltStayOutWithoutHostility: without disputes nobody is an actual
// threat; the prediction is none.
func TestWaltStayOutWithoutHostility(t *testing.T) {
	w := base()
	w.Disputes = nil
	p := predict(t, w, threat.DefaultOptions(), DefaultOptions())[200]
	if p.Choice != StayOut || p.TopThreat != nil {
		t.Errorf("choice %s, top %+v: want none without hostility", p.Choice, p.TopThreat)
	}
}

// TestWaltBandwagonOnlyWhenIsolated: a weak state facing an overwhelming
// threat bandwagons only when no ally is available.
func TestWaltBandwagonOnlyWhenIsolated(t *testing.T) {
	w := base()
	w.States[1].Capability.CINC = 0.001
	p := predict(t, w, threat.DefaultOptions(), DefaultOptions())[200]
	if p.Choice != Balance {
		t.Errorf("with 220 facing the same threat: choice = %s, want balance; %+v", p.Choice, p.Conditions)
	}
	w.Disputes = w.Disputes[:2] // 220 no longer faces 365
	p = predict(t, w, threat.DefaultOptions(), DefaultOptions())[200]
	if p.Choice != Bandwagon {
		t.Errorf("isolated: choice = %s, want bandwagon; %+v", p.Choice, p.Conditions)
	}
}

// TestWaltHostileAllyIsCandidate: a defence ally of the threat is no
// partner against it, unless hostility between the two keeps the threat an
// actual one to it.
func TestWaltHostileAllyIsCandidate(t *testing.T) {
	w := base()
	a := alliance("t:9", 1990, 0, 220, 365)
	a.Obligations = world.Obligations(world.Defense)
	w.Alliances = []world.Alliance{a}
	w.Index()
	has := func(p Prediction, c int) bool {
		for _, q := range p.Partners {
			if q.CCode == c {
				return true
			}
		}
		return false
	}
	// 365 and 220 met in a dispute of 1999, while allied: 220 stays a candidate.
	if p := predict(t, w, threat.DefaultOptions(), DefaultOptions())[200]; !has(p, 220) {
		t.Errorf("220, allied to 365 but in a dispute with it: not a partner of 200 (%+v)", p.Partners)
	}
	w.Disputes = w.Disputes[:2]
	if p := predict(t, w, threat.DefaultOptions(), DefaultOptions())[200]; has(p, 220) {
		t.Errorf("220, allied to 365 without hostility: a partner of 200 against 365")
	}
}
