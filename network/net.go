package network

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/entente/entente/similarity"
	"github.com/entente/entente/world"
)

// Source names where a network's alliance obligations come from.
type Source string

const (
	COW   Source = "cow"   // COW Formal Alliances v4.1 (alliance IDs "cow:…")
	ATOP  Source = "atop"  // ATOP (alliance IDs "atop:…")
	Files Source = "world" // alliances defined in a world file ("world:…")
)

// Sources lists the sources ParseSource accepts.
var Sources = []Source{ATOP, COW, Files}

// ParseSource returns the Source named s.
func ParseSource(s string) (Source, error) {
	for _, x := range Sources {
		if string(x) == s {
			return x, nil
		}
	}
	return "", fmt.Errorf("unknown source %q (want atop, cow or world)", s)
}

// Valuation returns the tie valuation of the source: COW's levels for COW
// (defense 3, neutrality or nonaggression 2, entente 1), ATOP's for ATOP
// and world files (defense or offense 3, neutrality or consultation 2,
// nonaggression 1).
func (s Source) Valuation() similarity.Valuation {
	if s == COW {
		return similarity.COW
	}
	return similarity.ATOP
}

// Type selects the obligations that make a tie.
type Type string

const (
	// Defense: a defence obligation (a defence pact); every tie has the top
	// level, 3.
	Defense Type = "defense"
	// Any: any obligation; a tie is weighted by its level under the
	// source's valuation (1..3).
	Any Type = "any"
)

// ParseType returns the Type named s.
func ParseType(s string) (Type, error) {
	switch Type(s) {
	case Defense, Any:
		return Type(s), nil
	}
	return "", fmt.Errorf("unknown tie type %q (want defense or any)", s)
}

// Rule says how directed pledges make an undirected tie.
type Rule string

const (
	// Either: a and b are tied when a pledged to b or b to a; the tie's
	// obligations are the union over both directions (the non-directed
	// view of DESIGN.md: the maximum over both directions).
	Either Rule = "either"
	// Mutual: a and b are tied only when both pledged the obligation to
	// each other; the tie's obligations are the intersection.
	Mutual Rule = "mutual"
)

// ParseRule returns the Rule named s.
func ParseRule(s string) (Rule, error) {
	switch Rule(s) {
	case Either, Mutual:
		return Rule(s), nil
	}
	return "", fmt.Errorf("unknown pledge rule %q (want either or mutual)", s)
}

// Options configures a network and the blocs found in it. DefaultOptions
// holds the documented defaults; Validate names a bad field and its bounds.
type Options struct {
	Source Source
	Type   Type
	Rule   Rule
	// Resolution is the Louvain resolution γ (Reichardt & Bornholdt 2006):
	// 1 is Newman–Girvan modularity; larger values give more, smaller blocs.
	Resolution float64
	// Seed seeds the Louvain runs; Restarts runs are made with seeds Seed,
	// Seed+1, … and the partition of highest modularity is kept (the first
	// on ties), so the blocs are reproducible bit for bit.
	Seed     uint64
	Restarts int
	// PoleShare is the share of the system's capability a state or a bloc
	// must hold to count as a pole (power and structural polarity).
	PoleShare float64
}

// DefaultOptions returns the defaults: ATOP defence ties under the Either
// rule, Louvain at resolution 1 with 4 restarts from seed 1, and poles at
// 10% of the system's capability.
func DefaultOptions() Options {
	return Options{Source: ATOP, Type: Defense, Rule: Either, Resolution: 1, Seed: 1, Restarts: 4, PoleShare: 0.10}
}

// Validate reports the first field out of bounds.
func (o Options) Validate() error {
	if _, err := ParseSource(string(o.Source)); err != nil {
		return fmt.Errorf("Source: %w", err)
	}
	if _, err := ParseType(string(o.Type)); err != nil {
		return fmt.Errorf("Type: %w", err)
	}
	if _, err := ParseRule(string(o.Rule)); err != nil {
		return fmt.Errorf("Rule: %w", err)
	}
	if !(o.Resolution > 0) || math.IsInf(o.Resolution, 0) {
		return fmt.Errorf("Resolution %v: want a positive number", o.Resolution)
	}
	if o.Restarts < 1 {
		return fmt.Errorf("Restarts %d: want at least 1", o.Restarts)
	}
	if !(o.PoleShare > 0 && o.PoleShare <= 1) {
		return fmt.Errorf("PoleShare %v: want a share in (0, 1]", o.PoleShare)
	}
	return nil
}

// Pledge is one state's obligations toward another in one year.
type Pledge struct {
	From, To    int
	Obligations world.Obligations
}

// Pledges returns the directed pledges of the World's alliances from src
// whose members' spells overlap w.Year (world.Spell.Overlaps, the yearly
// rule of COW's member file): for each such alliance and each ordered pair
// of its members, the first member's pledges in the alliance. An alliance
// whose Structure is hub-and-spoke binds only pairs that include its Hub.
//
// Member-level pledges apply to every other member. That is COW's coding;
// for ATOP, whose member-level file cannot say that a member of a
// multilateral treaty pledged to some partners only, the directed
// dyad-year table is exact (see Series).
func Pledges(w *world.World, src Source) []Pledge {
	prefix := string(src) + ":"
	var out []Pledge
	for i := range w.Alliances {
		a := &w.Alliances[i]
		if !strings.HasPrefix(a.ID, prefix) {
			continue
		}
		var ms []world.Member
		for _, m := range a.Members {
			if m.Spell.Overlaps(w.Year) {
				ms = append(ms, m)
			}
		}
		for _, x := range ms {
			for _, y := range ms {
				if x.CCode == y.CCode {
					continue
				}
				if a.Structure == world.HubAndSpoke && a.Hub != 0 && x.CCode != a.Hub && y.CCode != a.Hub {
					continue
				}
				o := x.Obligations
				if o == 0 {
					o = a.Obligations // a world file may state them on the alliance only
				}
				out = append(out, Pledge{x.CCode, y.CCode, o})
			}
		}
	}
	return out
}

// Tie is an undirected tie between two states: the obligations that make
// it and its level.
type Tie struct {
	Dyad        world.Dyad
	Obligations world.Obligations
	Level       int
}

// Network is the alliance network of one system-year: every state of the
// system is a node (isolates included), an edge joins two states with a
// tie of the chosen type, and negative ties join states on opposite sides
// of a militarized dispute ongoing in the year.
type Network struct {
	Year    int
	Options Options
	// Nodes are the states' ccodes, sorted; Names and Capability are
	// aligned with them (capability: CINC, NaN when unknown; Major: COW
	// major power).
	Nodes      []int
	Names      []string
	Capability []float64
	Major      []bool
	// Ties are the positive ties, sorted by dyad.
	Ties []Tie
	// Hostile are the dyads on opposite sides of a dispute ongoing in the
	// year, sorted; Disputes reports whether the World's year lies inside
	// the dispute data's coverage (outside it, Hostile is empty because
	// nothing is known, not because there was no dispute).
	Hostile  []world.Dyad
	Disputes bool

	pos map[int]int
	adj [][]int // neighbours by node index, sorted
}

// New builds the network of w from directed pledges. Pledges involving a
// state outside w.States are dropped: a tie needs two members of the
// system.
func New(w *world.World, pledges []Pledge, o Options) (*Network, error) {
	if err := o.Validate(); err != nil {
		return nil, fmt.Errorf("network: options: %w", err)
	}
	n := &Network{Year: w.Year, Options: o, pos: map[int]int{}}
	for i, s := range w.States {
		n.Nodes = append(n.Nodes, s.CCode)
		n.Names = append(n.Names, s.Name)
		n.Capability = append(n.Capability, s.Capability.CINC.Float())
		n.Major = append(n.Major, s.Major)
		n.pos[s.CCode] = i
	}
	if !slices.IsSorted(n.Nodes) {
		return nil, fmt.Errorf("network: the World's states are not sorted by ccode; call its Index method")
	}
	type dir struct{ ab, ba world.Obligations }
	pairs := map[world.Dyad]*dir{}
	for _, p := range pledges {
		if _, ok := n.pos[p.From]; !ok {
			continue
		}
		if _, ok := n.pos[p.To]; !ok || p.From == p.To {
			continue
		}
		d := world.MakeDyad(p.From, p.To)
		x := pairs[d]
		if x == nil {
			x = &dir{}
			pairs[d] = x
		}
		if p.From == d.A {
			x.ab = x.ab.Union(p.Obligations)
		} else {
			x.ba = x.ba.Union(p.Obligations)
		}
	}
	val := o.Source.Valuation()
	for d, x := range pairs {
		var ob world.Obligations
		switch o.Rule {
		case Mutual:
			ob = x.ab & x.ba
		default:
			ob = x.ab | x.ba
		}
		lvl := val.Level(ob)
		if o.Type == Defense {
			if !ob.Has(world.Defense) {
				continue
			}
			lvl = 3
		}
		if lvl > 0 {
			n.Ties = append(n.Ties, Tie{Dyad: d, Obligations: ob, Level: lvl})
		}
	}
	slices.SortFunc(n.Ties, func(a, b Tie) int { return cmpDyad(a.Dyad, b.Dyad) })
	n.Hostile, n.Disputes = hostileDyads(w, n.pos)
	n.adj = make([][]int, len(n.Nodes))
	for _, t := range n.Ties {
		i, j := n.pos[t.Dyad.A], n.pos[t.Dyad.B]
		n.adj[i] = append(n.adj[i], j)
		n.adj[j] = append(n.adj[j], i)
	}
	for i := range n.adj {
		slices.Sort(n.adj[i])
	}
	return n, nil
}

// FromWorld builds the network of w from its own alliances (Pledges).
func FromWorld(w *world.World, o Options) (*Network, error) {
	return New(w, Pledges(w, o.Source), o)
}

func cmpDyad(a, b world.Dyad) int {
	if a.A != b.A {
		return a.A - b.A
	}
	return a.B - b.B
}

// hostileDyads returns the dyads of states on opposite sides of a MID
// ongoing in w.Year (a participation whose start year is at most, and whose
// end year at least, the year), and whether the year is inside the
// dispute data's coverage. World files code no disputes; their hostility
// and rivalry codings are not used here.
func hostileDyads(w *world.World, pos map[int]int) ([]world.Dyad, bool) {
	covered := w.Covered(world.FamilyDisputes)
	byID := map[int][]world.Dispute{}
	for _, d := range w.Disputes {
		end := d.End
		if end.IsZero() {
			end = d.Start
		}
		if d.Start.Year > w.Year || end.Year < w.Year {
			continue
		}
		if _, ok := pos[d.CCode]; ok {
			byID[d.ID] = append(byID[d.ID], d)
		}
	}
	set := map[world.Dyad]bool{}
	for _, ps := range byID {
		for _, a := range ps {
			for _, b := range ps {
				if a.SideA && !b.SideA && a.CCode != b.CCode {
					set[world.MakeDyad(a.CCode, b.CCode)] = true
				}
			}
		}
	}
	out := make([]world.Dyad, 0, len(set))
	for d := range set {
		out = append(out, d)
	}
	slices.SortFunc(out, cmpDyad)
	return out, covered || len(out) > 0
}

// Pos returns the index of ccode in n.Nodes, or -1.
func (n *Network) Pos(ccode int) int {
	if i, ok := n.pos[ccode]; ok {
		return i
	}
	return -1
}

// Degree returns the number of ties of node index i.
func (n *Network) Degree(i int) int { return len(n.adj[i]) }

// Neighbours returns the node indexes tied to node index i, sorted; the
// slice must not be modified.
func (n *Network) Neighbours(i int) []int { return n.adj[i] }

// Name returns the name of ccode, or its code.
func (n *Network) Name(ccode int) string {
	if i := n.Pos(ccode); i >= 0 && n.Names[i] != "" {
		return n.Names[i]
	}
	return fmt.Sprint(ccode)
}
