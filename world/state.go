package world

// Capability holds a state's material capabilities in one year, in the
// units of the COW National Material Capabilities data (Singer, Bremer &
// Stuckey 1972; NMC v6.0 codebook): military expenditure in thousands of
// current US dollars, military personnel in thousands, iron and steel
// production in thousands of tons, primary energy consumption in thousands
// of coal-ton equivalents, total and urban population in thousands. CINC is
// the Composite Index of National Capability, a share of the system total.
type Capability struct {
	Milex  Value `json:"milex"`
	Milper Value `json:"milper"`
	Irst   Value `json:"irst"`
	Pec    Value `json:"pec"`
	Tpop   Value `json:"tpop"`
	Upop   Value `json:"upop"`
	CINC   Value `json:"cinc"`
}

// NoCapability is a Capability with every component missing.
func NoCapability() Capability {
	m := Missing()
	return Capability{m, m, m, m, m, m, m}
}

// Capital is a state's capital city and its coordinates in decimal degrees.
type Capital struct {
	Name string `json:"name"`
	Lat  Value  `json:"lat"`
	Lon  Value  `json:"lon"`
}

// Nuclear status of a state.
type Nuclear string

const (
	NuclearNone     Nuclear = ""         // no nuclear weapons, or not coded
	NuclearWeapons  Nuclear = "weapons"  // possesses nuclear weapons
	NuclearShared   Nuclear = "shared"   // hosts an ally's weapons under a sharing arrangement
	NuclearUmbrella Nuclear = "umbrella" // covered by an ally's extended deterrent
)

// State is a member of the state system in a World.
//
// CCode is the Correlates of War code and the key everywhere in entente.
// GWCode (Gleditsch–Ward) and ISO3 are filled from the crosswalk where a
// counterpart exists (0 or "" otherwise). The fields after Capability are
// filled from world files (the analyst-coded embedded world); historical
// Worlds built from COW data leave them missing or empty.
type State struct {
	CCode  int    `json:"ccode"`
	Abbrev string `json:"abbrev,omitempty"` // COW three-letter abbreviation
	Name   string `json:"name"`
	GWCode int    `json:"gwcode,omitempty"`
	ISO3   string `json:"iso3,omitempty"`

	Major      bool       `json:"major"` // COW major power that year
	Capability Capability `json:"capability"`
	Capital    Capital    `json:"capital"`

	Region          string  `json:"region,omitempty"`
	Regime          string  `json:"regime,omitempty"` // e.g. "democracy", "autocracy", "hybrid"
	Nuclear         Nuclear `json:"nuclear,omitempty"`
	GDP             Value   `json:"gdp_usd"`          // current US dollars
	Population      Value   `json:"population"`       // persons
	MilexUSD        Value   `json:"milex_usd"`        // current US dollars
	MilexShareGDP   Value   `json:"milex_share_gdp"`  // percent of GDP
	Personnel       Value   `json:"personnel"`        // active military personnel, persons
	PowerProjection Value   `json:"power_projection"` // analyst-coded, 0..1

	// Historical measures (history.World); missing outside each
	// source's coverage and in world files.
	Democracy         Democracy `json:"democracy"`
	GDP2011USD        Value     `json:"gdp_2011_usd"` // GDP, 2011 US dollars (Anders, Fariss & Markowitz 2020)
	SDP2011USD        Value     `json:"sdp_2011_usd"` // surplus domestic product, 2011 US dollars
	TerritorialThreat Value     `json:"territorial_threat"`
	Leaders           []Leader  `json:"leaders,omitempty"` // in office on some day of the year
	LeaderChanged     Value     `json:"leader_changed"`    // 1 when a new leader took office in the year, else 0

	Sources []Source `json:"sources,omitempty"`
	// Figures holds figures from further sources beside the main ones
	// above (NATO's defence-expenditure shares beside SIPRI's), and
	// earlier years of a series.
	Figures []Figure `json:"figures,omitempty"`
	Note    string   `json:"note,omitempty"` // what changed during the year, e.g. a fallen government
}

// Democracy holds a state's regime scores in one year: V-Dem's electoral
// democracy index (0..1), the Polity2 score (−10..10) and Márquez's
// extension of the Unified Democracy Scores (a latent scale).
type Democracy struct {
	Polyarchy Value `json:"v2x_polyarchy"`
	Polity2   Value `json:"polity2"`
	UDS       Value `json:"xm_qudsest"`
}

// Leader is a spell of a state's leader in office (Archigos).
type Leader struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Start    Date   `json:"start"`
	End      Date   `json:"end"`
	Entry    string `json:"entry"`
	Exit     string `json:"exit"`
	ExitCode string `json:"exit_code"`
}

// NewState returns a State with the given code and name and every measured
// field missing.
func NewState(ccode int, name string) State {
	m := Missing()
	return State{
		CCode: ccode, Name: name,
		Capability: NoCapability(),
		Capital:    Capital{Lat: m, Lon: m},
		GDP:        m, Population: m, MilexUSD: m, MilexShareGDP: m,
		Personnel: m, PowerProjection: m,
		Democracy:  Democracy{m, m, m},
		GDP2011USD: m, SDP2011USD: m, TerritorialThreat: m, LeaderChanged: m,
	}
}

// Source records where a fact came from.
type Source struct {
	ID       string `json:"id,omitempty"`    // key of the source in a world file
	Field    string `json:"field,omitempty"` // which field it backs; empty for the whole record
	Citation string `json:"citation"`
	Year     int    `json:"year,omitempty"` // the year the figure refers to
	URL      string `json:"url,omitempty"`
}
