package align

import (
	"testing"

	"github.com/entente/entente/threat"
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
