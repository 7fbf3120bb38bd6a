package simulate

import (
	"fmt"
	"math"

	"github.com/entente/entente/align"
	"github.com/entente/entente/threat"
)

// JoinRates are the probabilities with which a state that is not at war
// joins a side, by the reason it has to (see Joiner). A state draws once
// each time its reason changes, so a rate is the probability of joining
// for that reason, not per week.
type JoinRates struct {
	// Defense and Offense are the probabilities of honouring a triggered
	// defence or offence pledge, the rates of the reliability package
	// under the Leeds, Long & Mitchell rule over the COW wars 1816–2007
	// (entente reliability --rule llm --by type: 90 of 640 defence and
	// 11 of 28 offence invocations honoured; TestJoinRatesFromHistory
	// recomputes them).
	Defense, Offense float64
	// ChainGang is the probability of joining a belligerent ally whose
	// pledge is not triggered (or an entente partner) when a state's
	// actual threat is on the other side: Christensen & Snyder's (1990)
	// chain-ganging. Aggressor is the probability of joining the side
	// attacked by the state's own actual threat, when that threat began
	// the war (Walt 1987: aggressive intentions provoke balancing).
	// Threatened is the probability of joining against a side that holds
	// one of the state's actual threats that did not begin the war. All
	// three are set, not estimated: docs/simulate.md shows the
	// sensitivity of europe-1914 to them.
	ChainGang, Aggressor, Threatened float64
}

// Config holds the models and constants of a simulation.
type Config struct {
	Threat threat.Options
	Align  align.Options
	Join   JoinRates
	// FormRate is the yearly probability that a state whose rule says
	// form an alliance (balancing without a defence ally that shares its
	// threat, or bandwagoning) acts on it; LeaveRate that a state whose
	// alliance costs more than it brings leaves it.
	FormRate, LeaveRate float64
	// Autonomy is the cost of a new defence commitment (Morrow 1991's
	// security–autonomy trade-off), in units of the partner utility of
	// align; Entrapment weighs the share of a partner's actual threats
	// that the state does not share (Snyder 1984).
	Autonomy, Entrapment float64
	// Weeks bounds the rounds of a war's joining cascade; each round is a
	// week after the attack.
	Weeks int
	// InsideMax: the threat_inside leave rule applies to alliances of at
	// most InsideMax members in force. In a larger pact the rival is one
	// member among many and the pact's institutions manage the rivalry
	// (Greece and Türkiye in NATO since 1952; Argentina and Brazil, Peru
	// and Ecuador in the Rio Treaty): set, not estimated.
	InsideMax int
	// ThreatRank: an enemy counts as one of a state's actual threats when
	// it is among the state's ThreatRank largest threats with intent at
	// least the threat model's RivalryFloor.
	ThreatRank int
}

// DefaultConfig returns the defaults: the threat model's and align's
// defaults (Walt composite), the join rates documented on JoinRates,
// FormRate 0.25, LeaveRate 0.1, Autonomy 0.1, Entrapment 0.5, 12 weeks
// of cascade, ThreatRank 3, InsideMax 3.
func DefaultConfig() Config {
	return Config{
		Threat: threat.DefaultOptions(),
		Align:  align.DefaultOptions(),
		Join: JoinRates{Defense: 90.0 / 640, Offense: 11.0 / 28,
			ChainGang: 0.8, Aggressor: 0.8, Threatened: 0.3},
		FormRate: 0.25, LeaveRate: 0.1, Autonomy: 0.1, Entrapment: 0.5,
		Weeks: 12, ThreatRank: 3, InsideMax: 3,
	}
}

// Validate reports the first field out of bounds, naming it.
func (c Config) Validate() error {
	if err := c.Threat.Validate(); err != nil {
		return err
	}
	if err := c.Align.Validate(); err != nil {
		return err
	}
	for _, p := range []struct {
		name string
		v    float64
	}{{"join defense", c.Join.Defense}, {"join offense", c.Join.Offense}, {"join chain-gang", c.Join.ChainGang},
		{"join aggressor", c.Join.Aggressor}, {"join threatened", c.Join.Threatened},
		{"form rate", c.FormRate}, {"leave rate", c.LeaveRate}} {
		if math.IsNaN(p.v) || p.v < 0 || p.v > 1 {
			return fmt.Errorf("simulate: %s = %v: want a probability in [0, 1]", p.name, p.v)
		}
	}
	if math.IsNaN(c.Autonomy) || c.Autonomy < 0 || math.IsNaN(c.Entrapment) || c.Entrapment < 0 {
		return fmt.Errorf("simulate: autonomy %v, entrapment %v: want numbers >= 0", c.Autonomy, c.Entrapment)
	}
	if c.Weeks < 1 || c.Weeks > 520 {
		return fmt.Errorf("simulate: weeks %d: want 1..520", c.Weeks)
	}
	if c.InsideMax < 2 {
		return fmt.Errorf("simulate: inside max %d: want at least 2", c.InsideMax)
	}
	if c.ThreatRank < 1 {
		return fmt.Errorf("simulate: threat rank %d: want at least 1", c.ThreatRank)
	}
	return nil
}
