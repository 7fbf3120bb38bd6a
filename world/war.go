package world

// WarOutcome is a participant's outcome in the COW Inter-State War data
// (Sarkees & Wayman 2010, codebook v4.0): 1 winner, 2 loser, 3 compromise
// or tie, 4 transformed into another type of war, 5 ongoing, 6 stalemate,
// 7 continued as a conflict of another type, 8 changed sides. 0 is unknown.
type WarOutcome int

// The COW outcome codes.
const (
	OutcomeUnknown     WarOutcome = 0
	OutcomeWinner      WarOutcome = 1
	OutcomeLoser       WarOutcome = 2
	OutcomeCompromise  WarOutcome = 3
	OutcomeTransformed WarOutcome = 4
	OutcomeOngoing     WarOutcome = 5
	OutcomeStalemate   WarOutcome = 6
	OutcomeContinued   WarOutcome = 7
	OutcomeChangedSide WarOutcome = 8
)

// War is one inter-state war: its participants on two sides, with the
// dates each entered and left. Sides[0] is COW's side A, Sides[1] side B.
// Start is the earliest entry and End the latest exit; a date's month or
// day is 0 where the sources give only the year.
type War struct {
	ID    int              `json:"id"` // COW war number
	Name  string           `json:"name"`
	Start Date             `json:"start"`
	End   Date             `json:"end"`
	Sides [2][]Participant `json:"sides"`
}

// Participant is one state's part in a War.
type Participant struct {
	State        int        `json:"ccode"`
	Entered      Date       `json:"entered"`
	Left         Date       `json:"left"`
	Initiator    bool       `json:"initiator"` // on COW's coding, began the war
	Joiner       bool       `json:"joiner"`    // joined a war already under way
	Outcome      WarOutcome `json:"outcome"`
	BattleDeaths Value      `json:"battle_deaths"`
}

// Active reports whether p fought in year y.
func (p Participant) Active(y int) bool { return p.Entered.Year <= y && y <= p.Left.Year }

// InProgress reports whether some participant of w fought in year y.
func (w *War) InProgress(y int) bool { return w.Start.Year <= y && y <= w.End.Year }

// Side returns the side (0 or 1) of ccode in w, or -1 when it did not take
// part. A state COW codes on both sides of one war (Vichy France, Italy,
// Bulgaria and Romania in World War II) has a Participant on each; Side
// gives the side of its first, SideIn that of a year.
func (w *War) Side(ccode int) int {
	for s := range w.Sides {
		for _, p := range w.Sides[s] {
			if p.State == ccode {
				return s
			}
		}
	}
	return -1
}

// Participant returns ccode's participation in w, or nil.
func (w *War) Participant(ccode int) *Participant {
	for s := range w.Sides {
		for i := range w.Sides[s] {
			if w.Sides[s][i].State == ccode {
				return &w.Sides[s][i]
			}
		}
	}
	return nil
}

// SideIn returns the side (0 or 1) on which ccode fought in w in year y,
// or -1 when it did not fight that year. In a year a state fought on both
// sides (France in 1940: with the Allies to June 22, Vichy France from
// July 3) it is the side of its participation on side 0 first.
func (w *War) SideIn(ccode, y int) int {
	for s := range w.Sides {
		for _, p := range w.Sides[s] {
			if p.State == ccode && p.Active(y) {
				return s
			}
		}
	}
	return -1
}

// Fought reports whether a and b both fought in w in year y, and whether
// on the same side (SideIn). ok is false when either did not fight that
// year.
func (w *War) Fought(a, b, y int) (sameSide, ok bool) {
	sa, sb := w.SideIn(a, y), w.SideIn(b, y)
	if sa < 0 || sb < 0 {
		return false, false
	}
	return sa == sb, true
}
