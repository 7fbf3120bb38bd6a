package dilemma

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Select keeps the members of ms in the alliance with the given ID (every
// alliance when "") and, when state is not 0, that state's row. An ID that
// no alliance in ms carries, or a state not a member of the selected
// alliances, is an error that lists the valid choices.
func Select(ms []Member, alliance string, state int) ([]Member, error) {
	var out []Member
	ids := map[string]bool{}
	for _, m := range ms {
		ids[m.Alliance] = true
		if alliance == "" || m.Alliance == alliance {
			out = append(out, m)
		}
	}
	if alliance != "" && len(out) == 0 {
		return nil, fmt.Errorf("alliance %q: not an alliance with two or more members in force; valid: %s", alliance, list(keys(ids)))
	}
	if state == 0 {
		return out, nil
	}
	var keep []Member
	members := map[string]bool{}
	for _, m := range out {
		members[strconv.Itoa(m.State)] = true
		if m.State == state {
			keep = append(keep, m)
		}
	}
	if len(keep) == 0 {
		where := "any alliance"
		if alliance != "" {
			where = "alliance " + alliance
		}
		return nil, fmt.Errorf("state %d: not a member of %s; valid: %s", state, where, list(keys(members)))
	}
	return keep, nil
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		a, ea := strconv.Atoi(out[i])
		b, eb := strconv.Atoi(out[j])
		if ea == nil && eb == nil {
			return a < b
		}
		return out[i] < out[j]
	})
	return out
}

// list joins up to 40 choices, saying how many more there are.
func list(xs []string) string {
	const max = 40
	if len(xs) <= max {
		return strings.Join(xs, ", ")
	}
	return strings.Join(xs[:max], ", ") + fmt.Sprintf(" and %d more", len(xs)-max)
}

// Row is one member as 'entente dilemma --format json' and /api/dilemma
// write it: the Member and, for a what-if, its outcome after Steps steps
// (positive: tightened; negative: loosened).
type Row struct {
	Member
	WhatIf *Outcome `json:"what_if,omitempty"`
	Steps  int      `json:"what_if_steps,omitempty"`
}

// Rows returns ms as Rows with the what-if of steps (none when 0).
func Rows(ms []Member, steps int) []Row {
	out := make([]Row, len(ms))
	for i := range ms {
		out[i] = Row{Member: ms[i]}
		if steps != 0 {
			o := ms[i].WhatIf(steps)
			out[i].WhatIf, out[i].Steps = &o, steps
		}
	}
	return out
}
