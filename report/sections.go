package report

import (
	"fmt"
	"github.com/entente/entente/burden"
	"github.com/entente/entente/internal/burdenplot"
	"math"
	"sort"
	"strconv"
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
	NATOGuideline = burden.WalesPercent
)

// Reading is how an alliance graph's shape reads from its centralization
// (network.Reading).
func Reading(c float64, nodes int) string { return network.Reading(c, nodes) }

// stateName is the report's label of a state: world.World.Label by name.
func stateName(w *world.World, c int) string { return w.Label(c, world.ByName) }

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
		len(w.Systems), len(w.Partnerships), len(codedRelations(w)))
	s := &Section{Title: "Overview", Paragraphs: []string{p}}
	if h := structureHeadline(w, live); h != "" {
		s.Paragraphs = append(s.Paragraphs, h)
	}
	return s, nil
}

// cText writes a graph's centralization after label, or says why it has
// none: Freeman's C is undefined for fewer than three states
// (network.Graph.Centralization), and printing it would show NaN.
func cText(sh Shape, label string) string {
	if math.IsNaN(sh.Centralization) {
		return fmt.Sprintf("centralization undefined for %d states", sh.Nodes)
	}
	return fmt.Sprintf("%s%.2f", label, sh.Centralization)
}

// structureHeadline says which systems read as hub-and-spoke and which as
// multilateral.
func structureHeadline(w *world.World, live []*world.Alliance) string {
	on := asOf(w)
	var parts []string
	for _, s := range w.Systems {
		if as := systemAlliances(w, s, live); len(as) > 0 {
			sh := Measure(w, on, as...)
			parts = append(parts, fmt.Sprintf("%s reads as %s (%s)", s.Name, sh.Reading, cText(sh, "C = ")))
		}
	}
	for _, a := range live {
		if len(a.MembersOn(on)) >= 3 && a.Structure != world.Bilateral {
			sh := Measure(w, on, a)
			if strings.Contains(strings.ToLower(a.Name), "north atlantic") {
				parts = append(parts, fmt.Sprintf("%s reads as %s (%s)", a.Name, sh.Reading, cText(sh, "C = ")))
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
	t := NewTable("Alliances in force", Text("ID"), Text("Alliance"), Text("Type"), Bool("Formal"), Text("Obligations"),
		Text("Key article"), Num("Since", 0), Num("Members", 0))
	m := NewTable("Structure and asymmetry", Text("ID"), Num("Members", 0), Text("Declared"), Num("Centralization", 2),
		Text("Measured"), Text("Largest member"), Pct("Its share", 1), Num("HHI", 2))
	for _, a := range live {
		sh := Measure(w, on, a)
		t.Add(shortID(a), a.Name, string(a.Commitment()), a.Formal, a.Obligations.String(), a.KeyArticle, a.Spell.Start.Year, sh.Nodes)
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
			s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("%s: %d states bound by %d treaties (%s); %s, so %s%s; %s holds %.0f%% of the members' combined capability.",
				sy.Name, sh.Nodes, len(as), strings.Join(ids, ", "), cText(sh, "centralization "), sh.Reading,
				hubPhrase(w, sh), leaderName(w, sh.Asymmetry), 100*sh.Asymmetry.LeaderShare))
		}
		s.Tables = append(s.Tables, st)
	}
	for _, a := range live {
		if len(a.MembersOn(on)) >= 3 && a.Structure == world.Multilateral {
			sh := Measure(w, on, a)
			s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("%s: %d members, %s; %s, so %s; %s.",
				a.Name, sh.Nodes, bondPhrase(a, on), cText(sh, "centralization "), sh.Reading, leaderPhrase(w, sh.Asymmetry)))
		}
	}
	for _, a := range live {
		s.Paragraphs = append(s.Paragraphs, exceptions(w, a, on)...)
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

// bondPhrase says what ties a multilateral alliance's members, in the words
// its kind of commitment warrants: only a defence pact binds every member
// to defend every other.
func bondPhrase(a *world.Alliance, on world.Date) string {
	switch k := a.Commitment(); k {
	case world.DefencePact:
		for _, su := range a.Suspensions {
			if su.Spell.ActiveOn(on) {
				return "bound to one another by " + treatyPhrase(a) + " except between the members whose obligations are suspended (below)"
			}
		}
		return "every one bound to every other by " + treatyPhrase(a)
	case world.TechnologyPartnership:
		return "a capability and technology partnership with no obligation to defend one another"
	case world.ConsultationForum:
		return "an informal consultation with no treaty and no obligation to defend one another"
	case world.ConsultationPact:
		return "committed to consult one another, not to defend one another"
	default:
		return "joined in a " + string(k) + ", not a defence pact"
	}
}

// exceptions says, for an alliance in force on date on, which members'
// participation is frozen or suspended and between which members the
// obligations are suspended.
func exceptions(w *world.World, a *world.Alliance, on world.Date) []string {
	var out []string
	for _, su := range a.Suspensions {
		if !su.Spell.ActiveOn(on) {
			continue
		}
		p := fmt.Sprintf("%s: the obligations between %s and %s have been suspended since %s, while the treaty stays in force for its other members",
			a.Name, stateName(w, su.Dyad.A), stateName(w, su.Dyad.B), su.Spell.Start)
		if su.Note != "" {
			p += " (" + su.Note + ")"
		}
		out = append(out, p+".")
	}
	for _, m := range a.Members {
		if !m.Spell.ActiveOn(on) {
			continue
		}
		for _, st := range m.Status {
			if st.Spell.ActiveOn(on) && st.Status != world.Active {
				p := fmt.Sprintf("%s: %s's participation has been %s since %s", a.Name, stateName(w, m.CCode), st.Status, st.Spell.Start)
				if st.Note != "" {
					p += " (" + st.Note + ")"
				}
				out = append(out, p+".")
			}
		}
	}
	return out
}

// leaderPhrase says which member holds the largest share of the members'
// combined capability, or that no member has a capability figure.
func leaderPhrase(w *world.World, a network.Asymmetry) string {
	if a.Leader == 0 || math.IsNaN(a.LeaderShare) {
		return "no member has a capability figure"
	}
	return fmt.Sprintf("%s holds %.0f%% of the members' combined capability", stateName(w, a.Leader), 100*a.LeaderShare)
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
				n := fmt.Sprintf("%s (%d", stateName(w, m.CCode), m.Spell.Start.Year)
				if st := m.StatusOn(on); st != world.Active {
					n += "; participation " + st
				}
				names = append(names, n+")")
			}
		}
		kind := "treaty"
		if !a.Formal {
			kind = "no treaty"
		}
		p := fmt.Sprintf("%s [%s; %s, %s; %s], %d members: %s.",
			a.Name, shortID(a), a.Commitment(), kind, a.Obligations, len(names), strings.Join(names, ", "))
		for _, su := range a.Suspensions {
			if su.Spell.ActiveOn(on) {
				p += fmt.Sprintf(" Obligations between %s and %s suspended since %d.", stateName(w, su.Dyad.A), stateName(w, su.Dyad.B), su.Spell.Start.Year)
			}
		}
		s.Paragraphs = append(s.Paragraphs, p)
	}
	s.Notes = []string{
		"The year in brackets is the year the member joined (the treaty's entry into force for that member, or ATOP's date).",
		"The kind of each arrangement follows its strongest obligation: a defence pact binds its members to defend one another; a capability and technology partnership (AUKUS) and an informal consultation (the Quad) do not.",
	}
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
			in := false
			a.AlliedPairs(world.OnDate(on), world.AnyObligation, func(x, y int) {
				switch c {
				case x:
					in, allies[y] = true, true
				case y:
					in, allies[x] = true, true
				}
			})
			if in {
				ids = append(ids, shortID(a))
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
		"Capability is each state's share of the total, in percent: COW's CINC for historical worlds; for world files, entente's composite, the mean of three dimensions as in CINC: military (the mean of a state's shares of military expenditure and active personnel), economic (GDP, standing in for COW's iron-and-steel and energy) and demographic (population), over the file's states (see docs/worldfile.md).",
		"A dash is a missing figure, never zero. The military dimension is measured only when both its figures are: a state without an expenditure figure (Vietnam) is averaged over its economic and demographic dimensions, so that its army's share does not stand for the whole military dimension. North Korea has no SIPRI figure; its expenditure is the lower bound of the US State Department's WMEAT estimate for 2019.",
	}}, nil
}

// Burden shows military spending as a share of GDP for NATO's members and
// each named system, against NATO's 2% guideline. For NATO the guideline is
// measured on NATO's own figures (a state figure whose source NATO
// publishes), with SIPRI's beside them, and against the Hague Summit's
// 3.5% core-defence commitment.
func Burden(w *world.World) (*Section, error) {
	groups := burdenGroups(w)
	if len(groups) == 0 {
		return nil, nil
	}
	s := &Section{Title: "Burden sharing"}
	natoCite, sipriCite := "", ""
	for _, g := range groups {
		var t *Table
		var p string
		if g.nato && hasNATOFigures(w, g) {
			t, p, natoCite = natoBurdenTable(w, g)
			oz, r := ozSentence(w, g)
			p += oz
			s.Figures = append(s.Figures, burdenFigures(w, g, r)...)
		} else {
			t, p = burdenTable(w, g)
		}
		s.Paragraphs = append(s.Paragraphs, p)
		s.Tables = append(s.Tables, t)
		if c := shareCitation(w, g); c != "" && sipriCite == "" {
			sipriCite = c
		}
	}
	if sipriCite == "" {
		sipriCite = "the world file's main figure"
	}
	s.Notes = []string{
		fmt.Sprintf("Military expenditure as a share of GDP: the main figure is %s; it covers every state on one definition.", sipriCite),
		fmt.Sprintf("The guideline: NATO members agreed at the Wales Summit (2014) to move towards spending %.0f%% of GDP on defence within a decade. The guideline is NATO's and is measured on NATO's definition of defence expenditure, so NATO's table uses NATO's own figure and shows the main (SIPRI) figure beside it; the two often differ by a few tenths of a point. Iceland has no armed forces and no NATO figure.", NATOGuideline),
		"'Meets' compares the unrounded figure with the threshold; a column prints as many decimals as it takes for every row's decision to be visible (1.998% is not shown as 2.00%).",
	}
	if natoCite != "" {
		s.Notes = append(s.Notes, fmt.Sprintf("NATO's figures: %s.", natoCite),
			fmt.Sprintf("The next guideline: at The Hague Summit (June 2025) allies committed to spend %.0f%% of GDP a year by 2035, of which at least %.1f%% on core defence requirements as NATO defines them (the rest on defence- and security-related spending). 'Meets %.1f%%' counts the allies whose 2024 NATO figure already reaches the core %.1f%%.", HagueTotal, HagueCore, HagueCore, HagueCore))
	}
	return s, nil
}

// The Hague Summit commitment (The Hague Summit Declaration, 25 June
// 2025, para. 2), in percent of GDP by 2035: HagueTotal in all, of which at
// least HagueCore on core defence requirements.
const (
	HagueTotal = burden.HagueTotalPercent
	HagueCore  = burden.HagueCorePercent
)

// burdenGroup is a set of states whose burden Burden tabulates.
type burdenGroup struct {
	name    string
	members []int
	nato    bool
}

// burdenGroups returns NATO (by name, or COW's alliance 227) and each named
// system with members on the World's as-of date.
func burdenGroups(w *world.World) []burdenGroup {
	on := asOf(w)
	live := inForce(w)
	var groups []burdenGroup
	for _, a := range live {
		if strings.Contains(strings.ToLower(a.Name), "north atlantic") || a.ID == "cow:227" {
			groups = append(groups, burdenGroup{a.Name, a.MembersOn(on), true})
		}
	}
	for _, sy := range w.Systems {
		g := network.AllianceGraph(on, systemAlliances(w, sy, live)...)
		if len(g.Nodes()) > 0 {
			groups = append(groups, burdenGroup{sy.Name, g.Nodes(), false})
		}
	}
	return groups
}

// natoFigure returns NATO's own figure for a state's defence expenditure as
// a share of GDP in year y (burden.NATOFigureOf). The world file's main
// figure is SIPRI's.
func natoFigure(s *world.State, y int) (world.Figure, bool) { return burden.NATOFigureOf(s, y) }

func hasNATOFigures(w *world.World, g burdenGroup) bool {
	for _, c := range g.members {
		if st := w.State(c); st != nil {
			if _, ok := natoFigure(st, w.Year); ok {
				return true
			}
		}
	}
	return false
}

// shareCitation returns the citation of the source of the first member's
// main share figure.
func shareCitation(w *world.World, g burdenGroup) string {
	for _, c := range g.members {
		if st := w.State(c); st != nil {
			for _, src := range st.Sources {
				if src.Field == "milex_share_gdp" && src.Citation != "" {
					return src.Citation
				}
			}
		}
	}
	return ""
}

// decisionDigits returns the fewest decimals, from min, at which every
// value in vs prints on the same side of every threshold as its unrounded
// value, so that a table's "meets" column can be read off its figures.
func decisionDigits(min int, vs []world.Value, thresholds ...float64) int {
	for d := min; d < 12; d++ {
		ok := true
		for _, v := range vs {
			if v.IsMissing() {
				continue
			}
			r, _ := strconv.ParseFloat(strconv.FormatFloat(v.Float(), 'f', d, 64), 64)
			for _, th := range thresholds {
				if (v.Float() >= th) != (r >= th) {
					ok = false
				}
			}
		}
		if ok {
			return d
		}
	}
	return 12
}

// meets is the guideline decision on the unrounded share: missing (null)
// when the share is unknown.
func meets(v world.Value, threshold float64) any {
	if v.IsMissing() {
		return nil
	}
	return v.Float() >= threshold
}

// natoBurdenTable ranks NATO's members by NATO's own figure for the
// World's year (missing last) and counts the allies meeting the 2%
// guideline and the Hague core 3.5% on it, and the 2% guideline on the
// main (SIPRI) figure; it returns the table, its summary and the citation
// of NATO's figures.
func natoBurdenTable(w *world.World, g burdenGroup) (*Table, string, string) {
	type row struct {
		st          *world.State
		nato, sipri world.Value
		estimate    bool
	}
	var rows []row
	cite := ""
	for _, c := range g.members {
		st := w.State(c)
		if st == nil {
			continue
		}
		r := row{st: st, nato: world.Missing(), sipri: st.MilexShareGDP}
		if f, ok := natoFigure(st, w.Year); ok {
			r.nato, r.estimate = f.Value, f.Estimate
			if cite == "" {
				cite = f.Source.Citation
			}
		}
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].nato, rows[j].nato
		if a.IsMissing() || b.IsMissing() {
			if a.IsMissing() && b.IsMissing() {
				return rows[i].sipri.Or(-1) > rows[j].sipri.Or(-1)
			}
			return b.IsMissing()
		}
		return a > b
	})
	var nv, sv []world.Value
	for _, r := range rows {
		nv, sv = append(nv, r.nato), append(sv, r.sipri)
	}
	t := NewTable(fmt.Sprintf("%s: defence expenditure as a share of GDP, %d", g.name, w.Year), Num("Rank", 0), Text("State"),
		Pct("NATO", decisionDigits(2, nv, NATOGuideline, HagueCore)), Bool("Meets 2% (NATO)"), Bool(fmt.Sprintf("Meets %.1f%% (NATO)", HagueCore)),
		Pct("SIPRI", decisionDigits(2, sv, NATOGuideline)), Bool("Meets 2% (SIPRI)"), Bool("NATO estimate"), Num("Milex US$ bn", 1))
	wales, core, sw := burden.CountMeeting(nv, NATOGuideline), burden.CountMeeting(nv, HagueCore), burden.CountMeeting(sv, NATOGuideline)
	nMeet, nCore, nKnown, sMeet, sKnown := wales.Meet, core.Meet, wales.Known, sw.Meet, sw.Known
	var missing []string
	for i, r := range rows {
		var est any
		if r.nato.OK() {
			est = r.estimate
		} else {
			missing = append(missing, r.st.Name)
		}
		t.Add(i+1, r.st.Name, r.nato, meets(r.nato, NATOGuideline), meets(r.nato, HagueCore),
			r.sipri, meets(r.sipri, NATOGuideline), est, r.st.MilexUSD/1e9)
	}
	p := fmt.Sprintf("%s: %d of %d allies with a figure met NATO's %.0f%% guideline in %d on NATO's own estimates (%s); on SIPRI's figures, %d of %d (%s).",
		g.name, nMeet, nKnown, NATOGuideline, w.Year, shortCitation(cite), sMeet, sKnown, shortCitation(shareCitation(w, g)))
	p += fmt.Sprintf(" Against the Hague Summit's core-defence commitment (%.1f%% of GDP by 2035, within %.0f%% in all), %d of %d already met %.1f%% on NATO's figures.",
		HagueCore, HagueTotal, nCore, nKnown, HagueCore)
	if len(missing) > 0 {
		p += fmt.Sprintf(" No NATO figure for %s.", strings.Join(missing, ", "))
	}
	return t, p, cite
}

// ozSentence is the Olson–Zeckhauser test of g in the World's year
// (burden.Test): GDP against the main (SIPRI) burden; empty when fewer than
// three members have both figures.
func ozSentence(w *world.World, g burdenGroup) (string, *burden.Result) {
	var ms []burden.Member
	gdp2011 := burden.GDPMeasure(w) != "GDP, current US$"
	for _, c := range g.members {
		st := w.State(c)
		if st == nil {
			continue
		}
		m := burden.Member{CCode: c, Name: st.Name, GDP: st.GDP, Burden: st.MilexShareGDP}
		if gdp2011 {
			m.GDP = st.GDP2011USD
		}
		ms = append(ms, m)
	}
	r, err := burden.Test(ms, burden.Options{})
	if err != nil {
		return "", nil
	}
	verdict := "no evidence that the larger allies carry the larger burdens, as Olson and Zeckhauser (1966) predict"
	if r.P < 0.05 {
		verdict = "the larger allies carry the larger burdens, as Olson and Zeckhauser (1966) predict"
	}
	return fmt.Sprintf(" The Olson–Zeckhauser test (GDP against the SIPRI burden, %d): Spearman's ρ = %.2f, Kendall's τ-b = %.2f, one-sided permutation p = %.3f, n = %d: %s. The GDP-weighted mean burden is %.2f%%; %d allies are more than %.1f points below it.",
		w.Year, r.Rho, r.Tau, r.P, r.N, verdict, r.WeightedMean, len(r.FreeRiders), burden.FreeRiderMargin), r
}

// burdenFigures draws NATO's Olson–Zeckhauser scatter (r; none when nil)
// and the guideline tracker on the NATO figures of the World's states
// (burdenplot). A drawing that fails is left out: the tables carry the
// numbers.
func burdenFigures(w *world.World, g burdenGroup, r *burden.Result) []*Figure {
	var fs []*Figure
	if r != nil {
		if p, err := burdenplot.Scatter(r, fmt.Sprintf("%s, %d", g.name, w.Year), burden.GDPMeasure(w), "military expenditure, % of GDP (SIPRI)"); err == nil {
			if svg, err := burdenplot.SVG(p, burdenplot.Width, burdenplot.Height); err == nil {
				fs = append(fs, &Figure{Caption: fmt.Sprintf("Olson–Zeckhauser: %s's members in %d, log GDP against military expenditure as a share of GDP (SIPRI), with the least-squares line.", g.name, w.Year), SVG: svg})
			}
		}
	}
	first := w.Year
	for _, c := range g.members {
		if st := w.State(c); st != nil {
			for _, f := range st.Figures {
				if _, ok := burden.NATOFigureOf(st, f.Source.Year); ok && f.Source.Year < first {
					first = f.Source.Year
				}
			}
		}
	}
	if first == w.Year {
		return fs
	}
	natoOf := func(c, y int) world.Value {
		if st := w.State(c); st != nil {
			return burden.NATOFigure(st, y)
		}
		return world.Missing()
	}
	none := func(int, int) world.Value { return world.Missing() }
	allies := func(int) []int { return g.members }
	wales := burden.Track(first, w.Year, allies, natoOf, none, burden.Wales)
	core := burden.Track(first, w.Year, allies, natoOf, none, burden.HagueCore)
	if p, err := burdenplot.Tracker(wales, core, false); err == nil {
		if svg, err := burdenplot.SVG(p, burdenplot.Width, burdenplot.Height); err == nil {
			fs = append(fs, &Figure{Caption: fmt.Sprintf("NATO's guidelines, %d–%d: allies at or above 2%% and 3.5%% of GDP on NATO's own figures ('entente burden --tracker' sets SIPRI's beside them from the data directory).", first, w.Year), SVG: svg})
		}
	}
	return fs
}

// shortCitation is a citation up to its first colon or parenthesis: the
// publisher and the title.
func shortCitation(c string) string {
	if c == "" {
		return "source not given"
	}
	if i := strings.IndexAny(c, ":("); i > 0 {
		c = c[:i]
	}
	return strings.TrimRight(strings.TrimSpace(c), ",")
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
	var vs []world.Value
	for _, st := range sts {
		vs = append(vs, st.MilexShareGDP)
	}
	t := NewTable(g.name+": military expenditure as a share of GDP", Num("Rank", 0), Text("State"),
		Pct("Milex/GDP", decisionDigits(2, vs, NATOGuideline)), Bool("Meets 2%"), Num("Milex US$ bn", 1), Num("Year", 0))
	meet, known := 0, 0
	var missing []string
	for i, st := range sts {
		share := st.MilexShareGDP
		var year any = math.NaN()
		if share.OK() {
			known++
			if share.Float() >= NATOGuideline {
				meet++
			}
			year = figureYear(st, "milex_share_gdp", w.Year)
		} else {
			missing = append(missing, st.Name)
		}
		t.Add(i+1, st.Name, share, meets(share, NATOGuideline), st.MilexUSD/1e9, year)
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

// coded reports whether a relation carries an analyst's coding (hostility,
// rivalry, war, a territorial dispute or a rationale) rather than only
// geography (contiguity, distance).
func coded(r *world.Relation) bool {
	return r.Hostility.OK() || r.Rivalry || r.War || r.Territorial || r.Rationale != ""
}

// codedRelations returns the coded relations, most hostile first.
func codedRelations(w *world.World) []*world.Relation {
	var out []*world.Relation
	for _, r := range sortedRelations(w) {
		if coded(r) {
			out = append(out, r)
		}
	}
	return out
}

// relationSource is the short citation of a relation's first source other
// than the analyst coding itself, or "".
func relationSource(r *world.Relation) string {
	for _, src := range r.Sources {
		if src.Field == "" && !strings.HasPrefix(src.Citation, "entente analyst coding") && !strings.HasPrefix(src.Citation, "Correlates of War Project. Direct Contiguity") {
			return shortCitation(src.Citation)
		}
	}
	return ""
}

// Relations lists strategic partnerships and the coded dyadic relations.
func Relations(w *world.World) (*Section, error) {
	rels := codedRelations(w)
	if len(w.Partnerships) == 0 && len(rels) == 0 {
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
	if len(rels) > 0 {
		t := NewTable("Dyadic relations, most hostile first", Text("Pair"), Num("Hostility", 2), Bool("Rivalry"),
			Bool("War"), Bool("Territorial"), Num("Contiguity", 0), Text("Rationale"), Text("Source"))
		rivals := 0
		for _, r := range rels {
			var cont any = math.NaN()
			if r.Contiguity != world.ContiguityMissing {
				cont = r.Contiguity
			}
			t.Add(stateName(w, r.Dyad.A)+" – "+stateName(w, r.Dyad.B), r.Hostility, r.Rivalry, r.War, r.Territorial, cont, r.Rationale, relationSource(r))
			if r.Rivalry {
				rivals++
			}
		}
		s.Tables = append(s.Tables, t)
		s.Paragraphs = append(s.Paragraphs, fmt.Sprintf("%d pairs of states carry a coded relation, %d of them strategic rivalries.", len(rels), rivals))
		s.Notes = append(s.Notes,
			"Hostility is an analyst coding from 0 (none) to 1 (war), with its rationale and source; it is an input to the threat model, not a measurement. The scale's anchors: 0.2 a dispute handled by diplomacy; 0.5 a strategic rivalry with sanctions, military signalling or proxy conflict; 0.8 armed clashes, strikes or an armistice without peace; 1.0 interstate war (docs/relations2024.md lists every coding with its rationale and source).",
			"Contiguity is COW's type (1 land; 2–5 separated by up to 12, 24, 150 or 400 miles of water; 0 none). The world file holds every contiguous pair; pairs with no coded relation are not listed here.")
	}
	return s, nil
}
