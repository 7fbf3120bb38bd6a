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

	TermMode  world.Value // termmode: how the membership ended (0 still in force)
	TermCause world.Value // termcaus
}

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
		m.TermMode = optValue(r, "termmode")
		m.TermCause = optValue(r, "termcaus")
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, m)
	}
	return out, r.Err()
}
