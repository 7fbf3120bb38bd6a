package report

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/entente/entente/network"
	"github.com/entente/entente/world"
)

// Thresholds for reading Freeman's centralization C of an alliance graph;
// the rule and its thresholds live in package network.
const (
	HubAndSpokeMin  = network.HubAndSpokeMin
	MultilateralMax = network.MultilateralMax
	// NATOGuideline is NATO's guideline for defence spending, in percent
	// of GDP (Wales Summit Declaration, 5 September 2014, para. 14).
	NATOGuideline = 2.0
)

// Reading is how an alliance graph's shape reads from its centralization
// (network.Reading).
func Reading(c float64, nodes int) string { return network.Reading(c, nodes) }

func stateName(w *world.World, c int) string {
	if s := w.State(c); s != nil {
		return s.Name
	}
	return fmt.Sprintf("state %d", c)
}

// shortID is an alliance's ID without the "world:" prefix of world files.
func shortID(a *world.Alliance) string { return strings.TrimPrefix(a.ID, "world:") }

// inForce returns the alliances in force on the World's as-of date with at
// least two members then.
func inForce(w *world.World) []*world.Alliance {
	on := asOf(w)
	var out []*world.Alliance
	for i := range w.Alliances {
		a := &w.Alliances[i]
		if !a.Spell.Start.IsZero() && on.Before(a.Spell.Start) || !a.Spell.End.IsZero() && a.Spell.End.Before(on) {
			continue
		}
		if len(a.MembersOn(on)) >= 2 {
			out = append(out, a)
		}
	}
	return out
}

// Shape is the measured structure of an alliance or a system of alliances.
type Shape = network.Shape

// Measure returns the shape of the graph of the given alliances on date on,
// and the asymmetry of its members' capabilities (network.MeasureShape).
func Measure(w *world.World, on world.Date, as ...*world.Alliance) Shape {
	return network.MeasureShape(w, on, as...)
}

func systemAlliances(w *world.World, s world.System, live []*world.Alliance) []*world.Alliance {
	var out []*world.Alliance
	for _, id := range s.Alliances {
		for _, a := range live {
			if a.ID == id {
				out = append(out, a)
			}
		}
	}
	return out
}

// Overview states what the World holds.
func Overview(w *world.World) (*Section, error) {
	live := inForce(w)
	formal := 0
	for _, a := range live {
		if a.Formal {
			formal++
		}
	}
	p := fmt.Sprintf("This report describes %d alliances in force on %s (%d formal treaties, %d informal alignments) among the %d states of the world",
		len(live), asOf(w), formal, len(live)-formal, len(w.States))
	if w.Name != "" {
		p += fmt.Sprintf(" %q", w.Name)
	}
	p += fmt.Sprintf(", grouped into %d named alliance systems, with %d strategic partnerships that are not alliances and %d coded dyadic relations.",
		len(w.Systems), len(w.Partnerships), len(w.Relations))
	s := &Section{Title: "Overview", Paragraphs: []string{p}}
	if h := structureHeadline(w, live); h != "" {
		s.Paragraphs = append(s.Paragraphs, h)
	}
	return s, nil
}

// structureHeadline says which systems read as hub-and-spoke and which as
// multilateral.
func structureHeadline(w *world.World, live []*world.Alliance) string {
	on := asOf(w)
	var parts []string
	for _, s := range w.Systems {
		if as := systemAlliances(w, s, live); len(as) > 0 {
			sh := Measure(w, on, as...)
			parts = append(parts, fmt.Sprintf("%s reads as %s (C = %.2f)", s.Name, sh.Reading, sh.Centralization))
		}
	}
	for _, a := range live {
		if len(a.MembersOn(on)) >= 3 && a.Structure != world.Bilateral {
			sh := Measure(w, on, a)
			if strings.Contains(strings.ToLower(a.Name), "north atlantic") {
				parts = append(parts, fmt.Sprintf("%s reads as %s (C = %.2f)", a.Name, sh.Reading, sh.Centralization))
			}
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "Measured by the same quantity, Freeman's degree centralization C of the graph whose edges join states bound by a treaty (1 for a star, 0 when every member is bound to every other): " +
		strings.Join(parts, "; ") + "."
}

// Alliances describes each alliance and each named system: obligations,
// formality, structure by centralization, and asymmetry by capability.
func Alliances(w *world.World) (*Section, error) {
	on := asOf(w)
	live := inForce(w)
	if len(live) == 0 {
		return nil, nil
	}
	t := NewTable("Alliances in force", Text("ID"), Text("Alliance"), Bool("Formal"), Text("Obligations"),
		Text("Key article"), Num("Since", 0), Num("Members", 0))
	m := NewTable("Structure and asymmetry", Text("ID"), Num("Members", 0), Text("Declared"), Num("Centralization", 2),
		Text("Measured"), Text("Largest member"), Pct("Its share", 1), Num("HHI", 2))
	for _, a := range live {
		sh := Measure(w, on, a)
		t.Add(shortID(a), a.Name, a.Formal, a.Obligations.String(), a.KeyArticle, a.Spell.Start.Year, sh.Nodes)
		m.Add(shortID(a), sh.Nodes, string(a.Structure), sh.Centralization, sh.Reading,
			leaderName(w, sh.Asymmetry), 100*sh.Asymmetry.LeaderShare, sh.Asymmetry.HHI)
	}
	s := &Section{Title: "Alliance systems", Tables: []*Table{t, m}}
	if len(w.Systems) > 0 {
		st := NewTable("Alliance systems (groups of treaties)", Text("ID"), Num("Treaties", 0),
			Num("States", 0), Num("Edges", 0), Text("Most connected"), Num("Centralization", 2), Text("Measured"),
			Text("Largest member"), Pct("Its share", 1), Num("HHI", 2))
		for _, sy := range w.Systems {
			as := systemAlliances(w, sy, live)
			if len(as) == 0 {
				continue
			}
			ids := make([]string, len(as))
			for i, a := range as {
				ids[i] = shortID(a)
			}
			sh := Measure(w, on, as...)
			st.Add(sy.ID, len(as), sh.Nodes, sh.Edges, stateName(w, sh.Hub),
				sh.Centralization, sh.Reading, leaderName(w, sh.Asymmetry), 100*sh.Asymmetry.LeaderShare, sh.Asymmetry.HHI)
			s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("%s: %d states bound by %d treaties (%s); centralization %.2f, so %s%s; %s holds %.0f%% of the members' combined capability.",
				sy.Name, sh.Nodes, len(as), strings.Join(ids, ", "), sh.Centralization, sh.Reading,
				hubPhrase(w, sh), leaderName(w, sh.Asymmetry), 100*sh.Asymmetry.LeaderShare))
		}
		s.Tables = append(s.Tables, st)
	}
	for _, a := range live {
		if len(a.MembersOn(on)) >= 3 && a.Structure == world.Multilateral {
			sh := Measure(w, on, a)
			s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("%s: %d members, every one bound to every other by %s; centralization %.2f, so %s; %s holds %.0f%% of the members' combined capability.",
				a.Name, sh.Nodes, treatyPhrase(a), sh.Centralization, sh.Reading, leaderName(w, sh.Asymmetry), 100*sh.Asymmetry.LeaderShare))
		}
	}
	s.Notes = []string{
		"Centralization is Freeman's degree centralization C = Σ(d_max − d_i) / ((n − 1)(n − 2)) of the graph whose nodes are the members and whose edges join two states bound by a treaty of the alliance or system (Freeman 1978/79, Social Networks 1: 215–239). C = 1 for a star (hub-and-spoke) and 0 for a complete graph (multilateral).",
		fmt.Sprintf("Measured reading: hub-and-spoke when C ≥ %.2f, multilateral when C ≤ %.2f, mixed between; a two-member alliance is bilateral. 'Declared' is the structure the world file states.", HubAndSpokeMin, MultilateralMax),
		"Asymmetry: 'Its share' is the largest member's share of the members' combined capability; HHI is the Herfindahl index Σ s_i² of the shares (1/n for equal members, 1 when one member holds everything). Members with unknown capability are left out, not counted as zero.",
	}
	return s, nil
}

func hubPhrase(w *world.World, sh Shape) string {
	if sh.Reading == "hub-and-spoke" {
		return " around " + stateName(w, sh.Hub)
	}
	return ""
}

func treatyPhrase(a *world.Alliance) string {
	if a.KeyArticle != "" {
		return "its " + a.KeyArticle
	}
	return "the treaty"
}

func leaderName(w *world.World, a network.Asymmetry) string {
	if a.Leader == 0 {
		return "–"
	}
	return stateName(w, a.Leader)
}

// Membership lists each alliance's members with the year they joined.
func Membership(w *world.World) (*Section, error) {
	on := asOf(w)
	live := inForce(w)
	if len(live) == 0 {
		return nil, nil
	}
	s := &Section{Title: "Alliance membership"}
	for _, a := range live {
		var names []string
		for _, m := range a.Members {
			if m.Spell.ActiveOn(on) {
				names = append(names, fmt.Sprintf("%s (%d)", stateName(w, m.CCode), m.Spell.Start.Year))
			}
		}
		kind := "formal"
		if !a.Formal {
			kind = "informal"
		}
		s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("%s [%s; %s; %s], %d members: %s.",
			a.Name, shortID(a), kind, a.Obligations, len(names), strings.Join(names, ", ")))
	}
	s.Notes = []string{"The year in brackets is the year the member joined (the treaty's entry into force for that member)."}
	return s, nil
}

// majorStates returns the ccodes of the states whose alliance portfolios
// the report shows: the fifteen highest by capability, every major power
// and every state with nuclear weapons, in capability order.
func majorStates(w *world.World) []int {
	ranked := rankByCapability(w)
	var out []int
	for i, s := range ranked {
		if i < 15 || s.Major || s.Nuclear == world.NuclearWeapons {
			out = append(out, s.CCode)
		}
	}
	return out
}

func rankByCapability(w *world.World) []*world.State {
	out := make([]*world.State, len(w.States))
	for i := range w.States {
		out[i] = &w.States[i]
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Capability.CINC, out[j].Capability.CINC
		if a.IsMissing() || b.IsMissing() {
			return b.IsMissing() && !a.IsMissing()
		}
		return a > b
	})
	return out
}

// Portfolios shows each major state's alliances, allies, partnerships and
// rivals.
func Portfolios(w *world.World) (*Section, error) {
	on := asOf(w)
	live := inForce(w)
	rank := map[int]int{}
	for i, s := range rankByCapability(w) {
		if s.Capability.CINC.OK() {
			rank[s.CCode] = i + 1
		}
	}
	t := NewTable("Alliance portfolios of the major states", Text("State"), Num("Capability rank", 0),
		Text("Alliances"), Num("Allies", 0), Text("Partnerships"), Text("Rivals"))
	for _, c := range majorStates(w) {
		var ids []string
		allies := map[int]bool{}
		for _, a := range live {
			ms := a.MembersOn(on)
			in := false
			for _, m := range ms {
				in = in || m == c
			}
			if !in {
				continue
			}
			ids = append(ids, shortID(a))
			for _, m := range ms {
				if m != c {
					allies[m] = true
				}
			}
		}
		var partners []string
		for _, p := range w.Partnerships {
			has := false
			for _, m := range p.Members {
				has = has || m == c
			}
			for _, m := range p.Members {
				if has && m != c {
					partners = append(partners, stateName(w, m))
				}
			}
		}
		var rivals []string
		for _, r := range sortedRelations(w) {
			if r.Rivalry && (r.Dyad.A == c || r.Dyad.B == c) {
				o := r.Dyad.A
				if o == c {
					o = r.Dyad.B
				}
				rivals = append(rivals, stateName(w, o))
			}
		}
		var rk any = math.NaN()
		if n, ok := rank[c]; ok {
			rk = n
		}
		t.Add(stateName(w, c), rk, orNone(ids), len(allies), orNone(partners), orNone(rivals))
	}
	return &Section{Title: "Alliance portfolios", Tables: []*Table{t},
		Notes: []string{"Major states: the fifteen highest by capability, every major power (COW's list) and every state with nuclear weapons. Allies counts the distinct states that share at least one alliance in force with the state, formal or informal."}}, nil
}

func orNone(s []string) string {
	if len(s) == 0 {
		return "none"
	}
	return strings.Join(s, ", ")
}

func sortedRelations(w *world.World) []*world.Relation {
	var out []*world.Relation
	for _, r := range w.Relations {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		hi, hj := out[i].Hostility.Or(-1), out[j].Hostility.Or(-1)
		if hi != hj {
			return hi > hj
		}
		if out[i].Dyad.A != out[j].Dyad.A {
			return out[i].Dyad.A < out[j].Dyad.A
		}
		return out[i].Dyad.B < out[j].Dyad.B
	})
	return out
}

// Capability ranks the states by their composite capability.
func Capability(w *world.World) (*Section, error) {
	t := NewTable("Capability ranking", Num("Rank", 0), Text("State"), Pct("Capability", 2),
		Num("Milex US$ bn", 1), Pct("Milex/GDP", 1), Num("Personnel (k)", 0), Num("GDP US$ bn", 0), Num("Population (m)", 1))
	for i, s := range rankByCapability(w) {
		var rk any = i + 1
		if s.Capability.CINC.IsMissing() {
			rk = math.NaN()
		}
		t.Add(rk, s.Name, 100*s.Capability.CINC, s.MilexUSD/1e9, s.MilexShareGDP, s.Personnel/1e3, s.GDP/1e9, s.Population/1e6)
	}
	return &Section{Title: "Capability ranking", Tables: []*Table{t}, Notes: []string{
		"Capability is each state's share of the total, in percent: COW's CINC for historical worlds; for world files, entente's composite, the mean of a state's shares of military expenditure, active personnel, population and GDP over the file's states (GDP stands in for COW's iron-and-steel and energy components; see docs/worldfile.md).",
		"A dash is a missing figure, never zero. A state missing a component (North Korea and Vietnam have no SIPRI figure) is averaged over the components it has, as COW does; for North Korea, whose one large component is its army, this overstates its capability.",
	}}, nil
}

// Burden shows military spending as a share of GDP for NATO's members and
// each named system, against NATO's 2% guideline.
func Burden(w *world.World) (*Section, error) {
	groups := burdenGroups(w)
	if len(groups) == 0 {
		return nil, nil
	}
	s := &Section{Title: "Burden sharing"}
	for _, g := range groups {
		t, p := burdenTable(w, g)
		s.Paragraphs = append(s.Paragraphs, p)
		s.Tables = append(s.Tables, t)
	}
	s.Notes = []string{
		"Military expenditure as a share of GDP is SIPRI's (SIPRI Military Expenditure Database, April 2025 release) in the embedded world. NATO's own estimates (Defence Expenditure of NATO Countries) use NATO's definition and often differ by a few tenths of a point; entente uses SIPRI's because it covers every state on one definition.",
		fmt.Sprintf("The guideline: NATO members agreed at the Wales Summit (2014) to move towards spending %.0f%% of GDP on defence within a decade. Iceland has no armed forces.", NATOGuideline),
	}
	return s, nil
}

// burdenGroup is a set of states whose burden Burden tabulates.
type burdenGroup struct {
	name    string
	members []int
}

// burdenGroups returns NATO (by name, or COW's alliance 227) and each named
// system with members on the World's as-of date.
func burdenGroups(w *world.World) []burdenGroup {
	on := asOf(w)
	live := inForce(w)
	var groups []burdenGroup
	for _, a := range live {
		if strings.Contains(strings.ToLower(a.Name), "north atlantic") || a.ID == "cow:227" {
			groups = append(groups, burdenGroup{a.Name, a.MembersOn(on)})
		}
	}
	for _, sy := range w.Systems {
		g := network.AllianceGraph(on, systemAlliances(w, sy, live)...)
		if len(g.Nodes()) > 0 {
			groups = append(groups, burdenGroup{sy.Name, g.Nodes()})
		}
	}
	return groups
}

// burdenTable ranks g's states by military expenditure as a share of GDP
// (missing last) and says how many with a figure meet the guideline.
func burdenTable(w *world.World, g burdenGroup) (*Table, string) {
	sts := make([]*world.State, 0, len(g.members))
	for _, c := range g.members {
		if st := w.State(c); st != nil {
			sts = append(sts, st)
		}
	}
	sort.SliceStable(sts, func(i, j int) bool {
		a, b := sts[i].MilexShareGDP, sts[j].MilexShareGDP
		if a.IsMissing() || b.IsMissing() {
			return b.IsMissing() && !a.IsMissing()
		}
		return a > b
	})
	t := NewTable(g.name+": military expenditure as a share of GDP", Num("Rank", 0), Text("State"),
		Pct("Milex/GDP", 2), Bool("Meets 2%"), Num("Milex US$ bn", 1), Num("Year", 0))
	meet, known := 0, 0
	var missing []string
	for i, st := range sts {
		share := st.MilexShareGDP
		var meets any // missing (null in JSON) when the share is unknown
		var year any = math.NaN()
		if share.OK() {
			known++
			meets = share.Float() >= NATOGuideline
			if meets == true {
				meet++
			}
			year = figureYear(st, "milex_share_gdp", w.Year)
		} else {
			missing = append(missing, st.Name)
		}
		t.Add(i+1, st.Name, share, meets, st.MilexUSD/1e9, year)
	}
	p := fmt.Sprintf("%s: %d of the %d members with a figure spent at least %.0f%% of GDP on the military.", g.name, meet, known, NATOGuideline)
	if len(missing) > 0 {
		p += fmt.Sprintf(" No figure for %s.", strings.Join(missing, ", "))
	}
	return t, p
}

// figureYear returns the year of the source that backs a state's field, or
// def.
func figureYear(s *world.State, field string, def int) int {
	for _, src := range s.Sources {
		if src.Field == field && src.Year != 0 {
			return src.Year
		}
	}
	return def
}

// Relations lists strategic partnerships and the coded dyadic relations.
func Relations(w *world.World) (*Section, error) {
	if len(w.Partnerships) == 0 && len(w.Relations) == 0 {
		return nil, nil
	}
	s := &Section{Title: "Partnerships and rivalries"}
	if len(w.Partnerships) > 0 {
		t := NewTable("Strategic partnerships (no mutual-defence obligation)", Text("Partnership"), Text("Members"), Text("Since"), Text("Note"))
		for _, p := range w.Partnerships {
			var names []string
			for _, m := range p.Members {
				names = append(names, stateName(w, m))
			}
			t.Add(p.Name, strings.Join(names, ", "), p.Since.String(), p.Note)
		}
		s.Tables = append(s.Tables, t)
	}
	if len(w.Relations) > 0 {
		t := NewTable("Dyadic relations, most hostile first", Text("Pair"), Num("Hostility", 2), Bool("Rivalry"),
			Bool("War"), Bool("Territorial"), Text("Rationale"))
		for _, r := range sortedRelations(w) {
			t.Add(stateName(w, r.Dyad.A)+" – "+stateName(w, r.Dyad.B), r.Hostility, r.Rivalry, r.War, r.Territorial, r.Rationale)
		}
		s.Tables = append(s.Tables, t)
		s.Notes = append(s.Notes, "Hostility is an analyst coding from 0 (none) to 1 (war), with its rationale; it is an input to the threat model, not a measurement.")
	}
	return s, nil
}
