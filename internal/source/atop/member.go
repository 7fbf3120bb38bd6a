package atop

import (
	"fmt"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Member is one row of the ATOP v4.0 member-level file: one state's
// membership in one phase of an alliance, with the obligations that state
// undertook (ATOP codes obligations per member; they can differ within an
// alliance, see Asymmetric).
type Member struct {
	ATOPID int
	CCode  int // member: a COW ccode, or a four-digit ATOP code for an entity outside the COW system (8152 in atopid 1320)
	COWID  int // 0 when none
	COW4ID int // 0 when none

	Entry world.Date // yrent/moent/dayent; an empty day is unknown (0)
	Exit  world.Date // yrexit/moexit/dayexit; zero when still a member (yrexit 0)

	InEffect bool // still in force at the end of coverage (2016)
	Phase    int  // 0 when the alliance has a single phase, else 1..MaxPhase
	MaxPhase int

	Obligations world.Obligations // this member's pledges
	Asymmetric  bool              // asymm
	ObVary      bool              // obligations vary between members (obvary)

	// How and why the membership (this phase of it) ended: see TermMode
	// and TermCause, whose meanings docs/atop.md establishes from known
	// cases.
	TermMode  TermMode  // termmode
	TermCause TermCause // termcaus

	// The conditions that trigger each obligation (the *co* columns), and
	// whether the obligation is conditional at all (defcon, offcon,
	// neucon, concon). False where the file lacks the column.
	Defense, Offense, Neutrality, Consultation Trigger

	// Provisions, as ATOP's codes (missing where the cell is empty or the
	// file lacks the column): specthrt 0..6, milcon 0..3, milaid 0..4,
	// base 0..3, organ1 0..3, subord 0..2; intcom 0/1.
	SpecificThreat  world.Value // specthrt: a specific threat named (0 none)
	MilitaryContact world.Value // milcon: peacetime military contact
	MilitaryAid     world.Value // milaid
	Bases           world.Value // base: basing rights
	IntegratedCmd   world.Value // intcom: integrated military command in war
	Subordination   world.Value // subord: subordination of one member's forces to another's (0 none, 1, 2)
	Organization    world.Value // organ1: formal organisation

	Wartime bool // wartime: formed during a war in which a member fought
	COWWar  int  // cowwar: that war's COW number; 0 when none
}

// Trigger lists the conditions under which one obligation applies (ATOP
// codes each as 0/1): only against a named adversary (*coadv), only in a
// given location (*coloc), only in a given conflict (*cocon), only
// against a number of attackers (*conum), only if the ally did not provoke
// (*conpr), only on a demand (*codem), only on an attack on the member
// (neucoatt), only on request (concoreq). Conditional is the summary flag
// (defcon…): the obligation has some condition.
type Trigger struct {
	Conditional                                                bool
	Adversary, Location, Conflict, Number, NonProvoked, Demand bool
	Attack, Request                                            bool
}

// TermMode is ATOP's termmode: how a membership ended. The meanings are
// entente's reading of the codes from known cases (docs/atop.md), not
// ATOP's codebook, which our data lacks.
type TermMode int

// The termmode codes.
const (
	TermUnknown     TermMode = -1 // ended (an exit date) but coded 0: not coded
	TermInForce     TermMode = 0  // still in force at the end of coverage
	TermExpired     TermMode = 1  // ran to its scheduled end (term, or "for this war")
	TermReplaced    TermMode = 2  // replaced by a new phase or agreement
	TermViolated    TermMode = 3  // ended early by a member's act: violation, abrogation, withdrawal
	TermSovereignty TermMode = 4  // a member lost its sovereignty
	TermFulfilled   TermMode = 5  // purpose achieved: the war it was made for ended
	TermWarDefeat   TermMode = 6  // ended in a war members lost
)

// TermCause is ATOP's termcaus: why a membership ended (entente's
// reading, docs/atop.md).
type TermCause int

// The termcaus codes.
const (
	CauseUnknown      TermCause = -1 // empty cell
	CauseNone         TermCause = 0  // still in force
	CauseRenegotiated TermCause = 1  // replaced by a renegotiated agreement
	CauseSovereignty  TermCause = 2  // loss of sovereignty of a member
	CausePurpose      TermCause = 3  // purpose achieved or gone
	CauseInterests    TermCause = 4  // a member's interests or policy changed (withdrawal, non-renewal)
	CauseDomestic     TermCause = 5  // domestic opposition in a member (tentative)
	CauseWarBetween   TermCause = 6  // war between members
	CauseDefeat       TermCause = 7  // a member's defeat in war
	CauseRegime       TermCause = 8  // a change of regime or government in a member (tentative)
)

// World returns the membership in entente's vocabulary.
func (m *Member) World() world.Member {
	return world.Member{CCode: m.CCode, Spell: world.Spell{Start: m.Entry, End: m.Exit}, Obligations: m.Obligations}
}

// ReadMembers reads the ATOP v4.0 member-level file.
func ReadMembers(path string) ([]Member, error) {
	r, err := table.Open(path, table.Options{})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return readMembers(r)
}

func readMembers(r *table.Reader) ([]Member, error) {
	if err := r.Require("atopid", "member", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit",
		"ineffect", "phase", "defense", "offense", "neutral", "nonagg", "consul"); err != nil {
		return nil, err
	}
	var out []Member
	for r.Next() {
		m := Member{ATOPID: r.IntIn("atopid", 1, 99999), CCode: r.IntIn("member", 1, 9999)}
		if r.Has("cowid") {
			m.COWID, _ = r.OptInt("cowid")
		}
		if r.Has("cow4id") {
			m.COW4ID, _ = r.OptInt("cow4id")
		}
		m.Entry, m.Exit, m.InEffect = spell(r, "ent", "exit")
		m.Phase = r.IntIn("phase", 0, 99)
		if r.Has("maxphase") {
			m.MaxPhase = r.IntIn("maxphase", 0, 99)
			if r.Err() == nil && m.Phase > m.MaxPhase {
				r.Fail("phase", fmt.Sprintf("a phase up to maxphase %d", m.MaxPhase), table.ErrRange)
			}
		}
		m.Obligations = obligations(r)
		m.Asymmetric = optFlag(r, "asymm")
		m.ObVary = optFlag(r, "obvary")
		m.TermMode, m.TermCause = termination(r, m.Exit)
		m.Defense = trigger(r, "defcon", "defco")
		m.Offense = trigger(r, "offcon", "offco")
		m.Neutrality = trigger(r, "neucon", "neuco")
		m.Consultation = trigger(r, "concon", "conco")
		m.SpecificThreat = code(r, "specthrt", 6)
		m.MilitaryContact = code(r, "milcon", 3)
		m.MilitaryAid = code(r, "milaid", 4)
		m.Bases = code(r, "base", 3)
		m.IntegratedCmd = code(r, "intcom", 1)
		m.Subordination = code(r, "subord", 2)
		m.Organization = code(r, "organ1", 3)
		m.Wartime = optFlag(r, "wartime")
		if r.Has("cowwar") {
			m.COWWar = r.IntIn("cowwar", 0, 9999)
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, m)
	}
	return out, r.Err()
}

// termination reads termmode and termcaus. A mode of 0 with an exit date
// (four rows of v4.0: atopid 4865 and 5070, cause 0 too) is not coded:
// TermUnknown and CauseUnknown.
// Files without the columns give TermUnknown and CauseUnknown.
func termination(r *table.Reader, exit world.Date) (TermMode, TermCause) {
	mode, cause := TermUnknown, CauseUnknown
	if r.Has("termmode") {
		mode = TermMode(r.IntIn("termmode", 0, 6))
		if mode == TermInForce && !exit.IsZero() {
			mode = TermUnknown
		}
	}
	if r.Has("termcaus") {
		if v, ok := r.OptInt("termcaus"); ok {
			if v < 0 || v > 8 {
				r.Fail("termcaus", "a termination cause in 0..8 or empty", table.ErrRange)
			}
			cause = TermCause(v)
		}
	}
	if mode == TermUnknown && cause == CauseNone {
		cause = CauseUnknown
	}
	if r.Err() == nil && (mode == TermInForce) != (cause == CauseNone) && cause != CauseUnknown {
		r.Fail("termcaus", fmt.Sprintf("0 exactly when termmode is 0 (found termmode %d)", mode), table.ErrRange)
	}
	return mode, cause
}

// trigger reads the summary column con and the condition columns with
// prefix pre, as far as the file has them.
func trigger(r *table.Reader, con, pre string) Trigger {
	return Trigger{Conditional: optFlag(r, con),
		Adversary: optFlag(r, pre+"adv"), Location: optFlag(r, pre+"loc"), Conflict: optFlag(r, pre+"con"),
		Number: optFlag(r, pre+"num"), NonProvoked: optFlag(r, pre+"npr"), Demand: optFlag(r, pre+"dem"),
		Attack: optFlag(r, pre+"att"), Request: optFlag(r, pre+"req")}
}

// code reads an ATOP code in 0..hi; empty (or no column) is missing.
func code(r *table.Reader, col string, hi int) world.Value {
	if !r.Has(col) {
		return world.Missing()
	}
	v, ok := r.OptInt(col)
	if !ok {
		return world.Missing()
	}
	if v < 0 || v > hi {
		r.Fail(col, fmt.Sprintf("a code in 0..%d or empty", hi), table.ErrRange)
		return world.Missing()
	}
	return world.Known(float64(v))
}
