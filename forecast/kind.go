package forecast

import (
	"fmt"
	"strings"

	"github.com/entente/entente/similarity"
	"github.com/entente/entente/world"
)

// Kind is the outcome forecast: which alliances count as formed.
type Kind string

// The outcome kinds.
const (
	// ATOP: any ATOP 5.1 obligation (defense, offense, neutrality,
	// non-aggression, consultation), either direction.
	ATOP Kind = "atop"
	// ATOPDefense: an ATOP pact in which at least one of the two pledged
	// defense or offense (Leeds et al. 2002 code offense pacts as
	// defensive too in their defense-or-offense variable).
	ATOPDefense Kind = "atop-defense"
	// COW: any COW Formal Alliances v4.1 alliance (defense, neutrality,
	// non-aggression or entente).
	COW Kind = "cow"
)

// Kinds lists the outcome kinds.
var Kinds = []Kind{ATOP, ATOPDefense, COW}

// ParseKind returns the Kind named s.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("unknown outcome kind %q (want %s)", s, kindNames())
}

func kindNames() string {
	var s []string
	for _, k := range Kinds {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

// prefix is the alliance ID prefix of the kind's source.
func (k Kind) prefix() string {
	if k == COW {
		return "cow:"
	}
	return "atop:"
}

// family is the coverage family of the kind's source.
func (k Kind) family() string {
	if k == COW {
		return world.FamilyCOWAlliances
	}
	return world.FamilyATOPAlliances
}

// obligations are the pledges that make a dyad allied under the kind.
func (k Kind) obligations() world.Obligations {
	if k == ATOPDefense {
		return world.Obligations(world.Defense | world.Offense)
	}
	return world.AnyObligation
}

func (k Kind) valuation() similarity.Valuation {
	if k == COW {
		return similarity.COW
	}
	return similarity.ATOP
}

// keeps reports whether alliance al belongs to the kind's source: its ID
// has the source's prefix, or it comes from neither historical source (an
// alliance of a world file, which counts under every kind).
func (k Kind) keeps(al *world.Alliance) bool {
	if strings.HasPrefix(al.ID, k.prefix()) {
		return true
	}
	return !strings.HasPrefix(al.ID, "cow:") && !strings.HasPrefix(al.ID, "atop:")
}
