package mid

import (
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func TestReadReal(t *testing.T) {
	dir := "mid/"
	ds, err := ReadDisputes(testenv.File(t, dir+"MIDA_5.0.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ps, err := ReadParticipants(testenv.File(t, dir+"MIDB_5.0.csv"))
	if err != nil {
		t.Fatal(err)
	}
	is, err := ReadIncidents(testenv.File(t, dir+"MIDI_5.0.csv"))
	if err != nil {
		t.Fatal(err)
	}
	ips, err := ReadIncidentParticipants(testenv.File(t, dir+"MIDIP_5.0.csv"))
	if err != nil {
		t.Fatal(err)
	}
	gml, err := ReadGMLDyadYears(testenv.File(t, dir+"gml-ddy-disputes-2.1.1.csv"))
	if err != nil {
		t.Fatal(err)
	}

	dLo, dHi, unknownDay, missingFatal := 9999, 0, 0, 0
	for _, d := range ds {
		dLo, dHi = min(dLo, d.Start.Year), max(dHi, d.Start.Year)
		if d.Start.Day == 0 {
			unknownDay++
		}
		if d.Fatality.IsMissing() {
			missingFatal++
		}
	}
	pDisp := map[int]bool{}
	pLo, pHi := 9999, 0
	for _, p := range ps {
		pDisp[p.DispNum] = true
		pLo, pHi = min(pLo, p.Start.Year), max(pHi, p.Start.Year)
	}
	iLo, iHi := 9999, 0
	for _, in := range is {
		iLo, iHi = min(iLo, in.Start.Year), max(iHi, in.Start.Year)
	}
	ipLo, ipHi := 9999, 0
	for _, ip := range ips {
		ipLo, ipHi = min(ipLo, ip.Start.Year), max(ipHi, ip.Start.Year)
	}
	revMissing, gmlEndUnknown := 0, 0
	gLo, gHi := 9999, 0
	for _, g := range gml {
		gLo, gHi = min(gLo, g.Year), max(gHi, g.Year)
		if g.RevState1.IsMissing() {
			revMissing++
		}
		if g.EndMon == 0 {
			gmlEndUnknown++
		}
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"MIDA rows", len(ds), 2436},
		{"MIDA first styear", dLo, 1816},
		{"MIDA last styear", dHi, 2014},
		{"MIDA stday -9", unknownDay, 271},
		{"MIDA fatality -9", missingFatal, 268},
		{"MIDA dispute 2 start", ds[0].Start, world.D(1902, 7, 0)},
		{"MIDB rows", len(ps), 5883},
		{"MIDB disputes", len(pDisp), 2436},
		{"MIDB first", ps[0].World(), world.Dispute{ID: 2, CCode: 200, Start: world.D(1902, 7, 0), End: world.D(1903, 1, 24), HostLev: 1, Originator: true, Fatality: 0}},
		{"MIDI rows", len(is), 4483},
		{"MIDB styears", [2]int{pLo, pHi}, [2]int{1816, 2014}},
		{"MIDI styears", [2]int{iLo, iHi}, [2]int{1992, 2014}},
		{"MIDIP rows", len(ips), 9619},
		{"MIDIP styears", [2]int{ipLo, ipHi}, [2]int{1992, 2014}},
		{"GML rows", len(gml), 10330},
		{"GML years", [2]int{gLo, gHi}, [2]int{1816, 2010}},
		{"GML revstate missing", revMissing, 84},
		{"GML endmon unknown (erratum 3514)", gmlEndUnknown, 12},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
		}
	}
}

const midaHeader = "dispnum,stday,stmon,styear,endday,endmon,endyear,outcome,settle,fatality,fatalpre,maxdur,mindur,hiact,hostlev,recip,numa,numb,ongo2014,version\r\n"
const midbHeader = "dispnum,stabb,ccode,stday,stmon,styear,endday,endmon,endyear,sidea,revstate,revtype1,revtype2,fatality,fatalpre,hiact,hostlev,orig,version\r\n"
const midiHeader = "dispnum,incidnum,stday,stmon,styear,endday,endmon,endyear,duration,tbi,fatality,fatalpre,action,hostlev,numa,version\r\n"
const midipHeader = "dispnum,incidnum,stabb,ccode,stday,stmon,styear,endday,endmon,endyear,insidea,sidea,fatality,fatalpre,action,hostlev,revtype1,revtype2,version\r\n"
const gmlHeader = "dispnum,ccode1,ccode2,year,midongoing,midonset,sidea1,sidea2,revstate1,revstate2,revtype11,revtype12,revtype21,revtype22,fatality1,fatality2,fatalpre1,fatalpre2,hiact1,hiact2,hostlev1,hostlev2,orig1,orig2,hiact,hostlev,mindur,maxdur,outcome,settle,fatality,fatalpre,stmon,endmon,recip,numa,numb,ongo2010,version\n"
const gmlRow = "2,2,200,1902,1,1,1,0,1,1,1,1,-9,-9,0,0,0,0,7,0,3,1,1,1,7,3,178,208,6,1,0,0,7,1,0,1,1,0,gml-2.1.1\n"

func TestMissingCodes(t *testing.T) {
	src := midaHeader + "4,15,5,1946,13,11,1946,-8,-7,-9,-9,183,183,16,4,1,1,1,0,5\r\n"
	r, _ := table.New("t.csv", strings.NewReader(src), Options)
	ds, err := readDisputes(r)
	if err != nil {
		t.Fatal(err)
	}
	d := ds[0]
	if d.Outcome.OK() || d.Settle.OK() || d.Fatality.OK() || d.FatalPre.OK() {
		t.Errorf("got outcome %v settle %v fatality %v fatalpre %v, want all missing", d.Outcome, d.Settle, d.Fatality, d.FatalPre)
	}
}

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "hostlev missing", Src: midaHeader + "2,-9,7,1902,24,1,1903,6,1,0,0,208,178,7,-9,0,1,1,0,5\r\n", Read: disputes, Line: 2, Col: 15, Field: "hostlev", Err: table.ErrMissingValue},
		{Name: "hostlev 6", Src: midaHeader + "2,-9,7,1902,24,1,1903,6,1,0,0,208,178,7,6,0,1,1,0,5\r\n", Read: disputes, Line: 2, Col: 15, Field: "hostlev", Err: table.ErrRange},
		{Name: "end before start", Src: midaHeader + "2,-9,7,1902,24,1,1901,6,1,0,0,208,178,7,3,0,1,1,0,5\r\n", Read: disputes, Line: 2, Col: 7, Field: "endyear", Err: table.ErrRange},
		{Name: "mindur above maxdur", Src: midaHeader + "2,-9,7,1902,24,1,1903,6,1,0,0,178,208,7,3,0,1,1,0,5\r\n", Read: disputes, Line: 2, Col: 13, Field: "mindur", Err: table.ErrRange},
		{Name: "day 30 February", Src: midaHeader + "2,30,2,1902,24,1,1903,6,1,0,0,208,178,7,3,0,1,1,0,5\r\n", Read: disputes, Line: 2, Col: 2, Field: "stday", Err: table.ErrRange},
		{Name: "outcome 10", Src: midaHeader + "2,-9,7,1902,24,1,1903,10,1,0,0,208,178,7,3,0,1,1,0,5\r\n", Read: disputes, Line: 2, Col: 8, Field: "outcome", Err: table.ErrRange},
		{Name: "participant ccode text", Src: midbHeader + "2,\"UKG\",UKG,-9,7,1902,24,1,1903,0,1,1,-9,0,0,0,1,1,5\r\n", Read: participants, Line: 2, Col: 3, Field: "ccode", Err: table.ErrSyntax},
		{Name: "participant sidea 2", Src: midbHeader + "2,\"UKG\",200,-9,7,1902,24,1,1903,2,1,1,-9,0,0,0,1,1,5\r\n", Read: participants, Line: 2, Col: 10, Field: "sidea", Err: table.ErrRange},
		{Name: "incident month 13", Src: midiHeader + "3551,3551010,18,13,1993,18,10,1993,1,-9,0,0,1,2,1,5\r\n", Read: incidents, Line: 2, Col: 4, Field: "stmon", Err: table.ErrRange},
		{Name: "incident participant fields", Src: midipHeader + "3551,3551001,\"USA\",2,16,7,1992\r\n", Read: incidentParticipants, Line: 2, Col: 0, Field: "", Err: table.ErrFieldCount},
		{Name: "gml endmon 19 elsewhere", Src: gmlHeader + strings.Replace(gmlRow, ",7,1,0,1,1,0,", ",7,19,0,1,1,0,", 1), Read: gmlRows, Line: 2, Col: 34, Field: "endmon", Err: table.ErrRange},
		{Name: "gml self dyad", Src: gmlHeader + strings.Replace(gmlRow, "2,2,200,", "2,2,2,", 1), Read: gmlRows, Line: 2, Col: 3, Field: "ccode2", Err: table.ErrRange},
		{Name: "gml no column", Src: "dispnum,ccode1\n2,2\n", Read: gmlRows, Line: 1, Col: 0, Field: "ccode2", Err: table.ErrMissingColumn},
	})
}

var (
	disputes             = sourcetest.Table(Options, func(r *table.Reader) error { _, err := readDisputes(r); return err })
	participants         = sourcetest.Table(Options, func(r *table.Reader) error { _, err := readParticipants(r); return err })
	incidents            = sourcetest.Table(Options, func(r *table.Reader) error { _, err := readIncidents(r); return err })
	incidentParticipants = sourcetest.Table(Options, func(r *table.Reader) error { _, err := readIncidentParticipants(r); return err })
	gmlRows              = sourcetest.Table(Options, func(r *table.Reader) error { _, err := readGML(r); return err })
)

// FuzzReaders feeds arbitrary bytes to each MID reader: none may panic, and
// each returns either records or a *table.ParseError.
func FuzzReaders(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{disputes, participants, incidents, incidentParticipants, gmlRows}, []string{
		midaHeader + "2,-9,7,1902,24,1,1903,6,1,0,0,208,178,7,3,0,1,1,0,5\r\n3,2,5,1913,25,10,1913,4,3,0,0,177,177,8,3,0,1,1,0,5\r\n",
		midbHeader + "2,\"UKG\",200,-9,7,1902,24,1,1903,0,1,1,-9,0,0,0,1,1,5\r\n2,\"USA\",2,-9,7,1902,24,1,1903,1,1,1,-9,0,0,7,3,1,5\r\n",
		midiHeader + "3551,3551010,18,10,1993,18,10,1993,1,-9,0,0,1,2,1,5\r\n3551,3551004,14,1,1993,-9,1,1993,-9,16,0,0,7,3,1,5\r\n",
		midipHeader + "3551,3551001,\"USA\",2,16,7,1992,16,7,1992,1,1,2,0,7,3,2,0,5\r\n",
		gmlHeader + gmlRow + "2,200,2,1902,1,1,0,1,1,1,1,1,-9,-9,0,0,0,0,0,7,1,3,1,1,7,3,178,208,6,1,0,0,7,1,0,1,1,0,gml-2.1.1\n",
	})
}
