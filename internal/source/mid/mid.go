package mid

import (
	"fmt"

	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/world"
)

// Options is the dialect of the MID files: -9, -8 and -7 are missing.
var Options = table.Options{Missing: []string{"-9", "-8", "-7"}}

// Dispute is one row of MIDA 5.0, the dispute-level file.
type Dispute struct {
	DispNum  int
	Start    world.Date // styear/stmon/stday; unknown day or month is 0
	End      world.Date
	Outcome  world.Value // 1 victory for side A .. 9 joins ongoing war
	Settle   world.Value // 1 negotiated .. 4 none
	Fatality world.Value // fatality level 0 none .. 6 more than 999
	FatalPre world.Value // precise fatalities
	MaxDur   int         // maximum duration in days
	MinDur   int
	HiAct    int // highest action 0..21
	HostLev  int // highest hostility level 1..5
	Recip    bool
	NumA     int
	NumB     int
	Ongoing  bool // ongoing in 2014 (ongo2014)
	Version  string
}

// Participant is one row of MIDB 5.0, the participant-level file.
type Participant struct {
	DispNum  int
	StAbb    string
	CCode    int
	Start    world.Date
	End      world.Date
	SideA    bool // on side A, the side that took the first militarized action
	RevState bool
	RevType1 world.Value
	RevType2 world.Value
	Fatality world.Value
	FatalPre world.Value
	HiAct    int
	HostLev  int
	Orig     bool // an originator, not a joiner
	Version  string
}

// World returns the participation in entente's vocabulary.
func (p *Participant) World() world.Dispute {
	return world.Dispute{ID: p.DispNum, CCode: p.CCode, SideA: p.SideA, Originator: p.Orig,
		Start: p.Start, End: p.End, HostLev: p.HostLev, Fatality: p.Fatality}
}

// Incident is one row of MIDI 5.0, the incident-level file (1992–2014).
type Incident struct {
	DispNum  int
	IncidNum int
	Start    world.Date
	End      world.Date
	Duration world.Value // days
	TBI      world.Value // time between incidents, days
	Fatality world.Value
	FatalPre world.Value
	Action   int
	HostLev  int
	NumA     int
	Version  string
}

// IncidentParticipant is one row of MIDIP 5.0 (1992–2014).
type IncidentParticipant struct {
	DispNum  int
	IncidNum int
	StAbb    string
	CCode    int
	Start    world.Date
	End      world.Date
	InSideA  bool // on side A of the incident
	SideA    bool // on side A of the dispute
	Fatality world.Value
	FatalPre world.Value
	Action   int
	HostLev  int
	RevType1 world.Value
	RevType2 world.Value
	Version  string
}

// ReadDisputes reads MIDA 5.0.
func ReadDisputes(path string) ([]Dispute, error) {
	return readFile(path, readDisputes)
}

// ReadParticipants reads MIDB 5.0.
func ReadParticipants(path string) ([]Participant, error) {
	return readFile(path, readParticipants)
}

// ReadIncidents reads MIDI 5.0.
func ReadIncidents(path string) ([]Incident, error) {
	return readFile(path, readIncidents)
}

// ReadIncidentParticipants reads MIDIP 5.0.
func ReadIncidentParticipants(path string) ([]IncidentParticipant, error) {
	return readFile(path, readIncidentParticipants)
}

func readFile[T any](path string, read func(*table.Reader) ([]T, error)) ([]T, error) {
	r, err := table.Open(path, Options)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return read(r)
}

func readDisputes(r *table.Reader) ([]Dispute, error) {
	if err := r.Require("dispnum", "stday", "stmon", "styear", "endday", "endmon", "endyear", "outcome", "settle",
		"fatality", "fatalpre", "maxdur", "mindur", "hiact", "hostlev", "recip", "numa", "numb"); err != nil {
		return nil, err
	}
	var out []Dispute
	for r.Next() {
		d := Dispute{DispNum: r.IntIn("dispnum", 1, 99999)}
		d.Start, d.End = spell(r)
		d.Outcome = codeIn(r, "outcome", 1, 9)
		d.Settle = codeIn(r, "settle", 1, 4)
		d.Fatality = codeIn(r, "fatality", 0, 6)
		d.FatalPre = codeIn(r, "fatalpre", 0, 1e7)
		d.MaxDur = r.IntIn("maxdur", 0, 1e6)
		d.MinDur = r.IntIn("mindur", 0, 1e6)
		d.HiAct = r.IntIn("hiact", 0, 21)
		d.HostLev = r.IntIn("hostlev", 1, 5)
		d.Recip = r.Bool("recip")
		d.NumA = r.IntIn("numa", 1, 999)
		d.NumB = r.IntIn("numb", 0, 999)
		if r.Has("ongo2014") {
			d.Ongoing = r.Bool("ongo2014")
		}
		d.Version = optString(r, "version")
		if r.Err() == nil && d.MinDur > d.MaxDur {
			r.Fail("mindur", fmt.Sprintf("at most maxdur (%d)", d.MaxDur), table.ErrRange)
		}
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, d)
	}
	return out, r.Err()
}

func readParticipants(r *table.Reader) ([]Participant, error) {
	if err := r.Require("dispnum", "stabb", "ccode", "stday", "stmon", "styear", "endday", "endmon", "endyear",
		"sidea", "revstate", "revtype1", "revtype2", "fatality", "fatalpre", "hiact", "hostlev", "orig"); err != nil {
		return nil, err
	}
	var out []Participant
	for r.Next() {
		p := Participant{DispNum: r.IntIn("dispnum", 1, 99999), StAbb: r.String("stabb"), CCode: r.IntIn("ccode", 1, 999)}
		p.Start, p.End = spell(r)
		p.SideA = r.Bool("sidea")
		p.RevState = r.Bool("revstate")
		p.RevType1 = codeIn(r, "revtype1", 0, 4)
		p.RevType2 = codeIn(r, "revtype2", 0, 4)
		p.Fatality = codeIn(r, "fatality", 0, 6)
		p.FatalPre = codeIn(r, "fatalpre", 0, 1e7)
		p.HiAct = r.IntIn("hiact", 0, 21)
		p.HostLev = r.IntIn("hostlev", 1, 5)
		p.Orig = r.Bool("orig")
		p.Version = optString(r, "version")
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, p)
	}
	return out, r.Err()
}

func readIncidents(r *table.Reader) ([]Incident, error) {
	if err := r.Require("dispnum", "incidnum", "stday", "stmon", "styear", "endday", "endmon", "endyear",
		"duration", "tbi", "fatality", "fatalpre", "action", "hostlev", "numa"); err != nil {
		return nil, err
	}
	var out []Incident
	for r.Next() {
		in := Incident{DispNum: r.IntIn("dispnum", 1, 99999), IncidNum: r.IntIn("incidnum", 1, 1e9)}
		in.Start, in.End = spell(r)
		in.Duration = codeIn(r, "duration", 0, 1e6)
		in.TBI = codeIn(r, "tbi", 0, 1e6)
		in.Fatality = codeIn(r, "fatality", 0, 6)
		in.FatalPre = codeIn(r, "fatalpre", 0, 1e7)
		in.Action = r.IntIn("action", 0, 21)
		in.HostLev = r.IntIn("hostlev", 1, 5)
		in.NumA = r.IntIn("numa", 0, 999)
		in.Version = optString(r, "version")
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, in)
	}
	return out, r.Err()
}

func readIncidentParticipants(r *table.Reader) ([]IncidentParticipant, error) {
	if err := r.Require("dispnum", "incidnum", "stabb", "ccode", "stday", "stmon", "styear", "endday", "endmon",
		"endyear", "insidea", "sidea", "fatality", "fatalpre", "action", "hostlev", "revtype1", "revtype2"); err != nil {
		return nil, err
	}
	var out []IncidentParticipant
	for r.Next() {
		p := IncidentParticipant{DispNum: r.IntIn("dispnum", 1, 99999), IncidNum: r.IntIn("incidnum", 1, 1e9),
			StAbb: r.String("stabb"), CCode: r.IntIn("ccode", 1, 999)}
		p.Start, p.End = spell(r)
		p.InSideA = r.Bool("insidea")
		p.SideA = r.Bool("sidea")
		p.Fatality = codeIn(r, "fatality", 0, 6)
		p.FatalPre = codeIn(r, "fatalpre", 0, 1e7)
		p.Action = r.IntIn("action", 0, 21)
		p.HostLev = r.IntIn("hostlev", 1, 5)
		p.RevType1 = codeIn(r, "revtype1", 0, 4)
		p.RevType2 = codeIn(r, "revtype2", 0, 4)
		p.Version = optString(r, "version")
		if r.Err() != nil {
			return nil, r.Err()
		}
		out = append(out, p)
	}
	return out, r.Err()
}

// spell reads the start and end dates of a MID record and checks their order.
func spell(r *table.Reader) (start, end world.Date) {
	start = date(r, "styear", "stmon", "stday")
	end = date(r, "endyear", "endmon", "endday")
	if r.Err() == nil && end.Year < start.Year {
		r.Fail("endyear", "an end year on or after styear "+fmt.Sprint(start.Year), table.ErrRange)
	}
	return start, end
}

func date(r *table.Reader, ycol, mcol, dcol string) world.Date {
	y := r.IntIn(ycol, 1800, 2100)
	m, mok := r.OptInt(mcol)
	d, dok := r.OptInt(dcol)
	if r.Err() != nil {
		return world.Date{}
	}
	if !mok {
		m, d = 0, 0
	}
	if !dok {
		d = 0
	}
	if m < 0 || m > 12 {
		r.Fail(mcol, "a month 1..12 or a missing code", table.ErrRange)
		return world.Date{}
	}
	dt := world.Date{Year: y, Month: m, Day: d}
	if err := dt.Validate(); err != nil {
		r.Fail(dcol, "a day of the month or a missing code", fmt.Errorf("%w: %v", table.ErrRange, err))
	}
	return dt
}

// codeIn reads a column that may be missing; a present value must lie in
// [lo, hi].
func codeIn(r *table.Reader, col string, lo, hi float64) world.Value {
	v := r.Value(col)
	if r.Err() == nil && v.OK() && (float64(v) < lo || float64(v) > hi) {
		r.Fail(col, fmt.Sprintf("a code in %g..%g or a missing code", lo, hi), table.ErrRange)
	}
	return v
}

func optString(r *table.Reader, col string) string {
	if !r.Has(col) {
		return ""
	}
	return r.String(col)
}
