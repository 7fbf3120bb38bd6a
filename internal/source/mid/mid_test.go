package mid

import (
	"errors"
	"strings"
	"testing"

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
	tests := []struct {
		name, src string
		read      func(*table.Reader) error
		line, col int
		field     string
		sentinel  error
	}{
		{"hostlev missing", midaHeader + "2,-9,7,1902,24,1,1903,6,1,0,0,208,178,7,-9,0,1,1,0,5\r\n", disputes, 2, 15, "hostlev", table.ErrMissingValue},
		{"hostlev 6", midaHeader + "2,-9,7,1902,24,1,1903,6,1,0,0,208,178,7,6,0,1,1,0,5\r\n", disputes, 2, 15, "hostlev", table.ErrRange},
		{"end before start", midaHeader + "2,-9,7,1902,24,1,1901,6,1,0,0,208,178,7,3,0,1,1,0,5\r\n", disputes, 2, 7, "endyear", table.ErrRange},
		{"mindur above maxdur", midaHeader + "2,-9,7,1902,24,1,1903,6,1,0,0,178,208,7,3,0,1,1,0,5\r\n", disputes, 2, 13, "mindur", table.ErrRange},
		{"day 30 February", midaHeader + "2,30,2,1902,24,1,1903,6,1,0,0,208,178,7,3,0,1,1,0,5\r\n", disputes, 2, 2, "stday", table.ErrRange},
		{"outcome 10", midaHeader + "2,-9,7,1902,24,1,1903,10,1,0,0,208,178,7,3,0,1,1,0,5\r\n", disputes, 2, 8, "outcome", table.ErrRange},
		{"participant ccode text", midbHeader + "2,\"UKG\",UKG,-9,7,1902,24,1,1903,0,1,1,-9,0,0,0,1,1,5\r\n", participants, 2, 3, "ccode", table.ErrSyntax},
		{"participant sidea 2", midbHeader + "2,\"UKG\",200,-9,7,1902,24,1,1903,2,1,1,-9,0,0,0,1,1,5\r\n", participants, 2, 10, "sidea", table.ErrRange},
		{"incident month 13", midiHeader + "3551,3551010,18,13,1993,18,10,1993,1,-9,0,0,1,2,1,5\r\n", incidents, 2, 4, "stmon", table.ErrRange},
		{"incident participant fields", midipHeader + "3551,3551001,\"USA\",2,16,7,1992\r\n", incidentParticipants, 2, 0, "", table.ErrFieldCount},
		{"gml endmon 19 elsewhere", gmlHeader + strings.Replace(gmlRow, ",7,1,0,1,1,0,", ",7,19,0,1,1,0,", 1), gmlRows, 2, 34, "endmon", table.ErrRange},
		{"gml self dyad", gmlHeader + strings.Replace(gmlRow, "2,2,200,", "2,2,2,", 1), gmlRows, 2, 3, "ccode2", table.ErrRange},
		{"gml no column", "dispnum,ccode1\n2,2\n", gmlRows, 1, 0, "ccode2", table.ErrMissingColumn},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := table.New("bad.csv", strings.NewReader(tc.src), Options)
			if err == nil {
				err = tc.read(r)
			}
			var pe *table.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *table.ParseError", err)
			}
			if pe.File != "bad.csv" || pe.Line != tc.line || pe.Column != tc.col || pe.Field != tc.field || !errors.Is(err, tc.sentinel) {
				t.Fatalf("got %s (line %d col %d field %q), want line %d col %d field %q wrapping %v",
					pe, pe.Line, pe.Column, pe.Field, tc.line, tc.col, tc.field, tc.sentinel)
			}
		})
	}
}

func disputes(r *table.Reader) error             { _, err := readDisputes(r); return err }
func participants(r *table.Reader) error         { _, err := readParticipants(r); return err }
func incidents(r *table.Reader) error            { _, err := readIncidents(r); return err }
func incidentParticipants(r *table.Reader) error { _, err := readIncidentParticipants(r); return err }
func gmlRows(r *table.Reader) error              { _, err := readGML(r); return err }

// FuzzReaders feeds arbitrary bytes to each MID reader: none may panic, and
// each returns either records or a *table.ParseError.
func FuzzReaders(f *testing.F) {
	f.Add(uint8(0), midaHeader+"2,-9,7,1902,24,1,1903,6,1,0,0,208,178,7,3,0,1,1,0,5\r\n3,2,5,1913,25,10,1913,4,3,0,0,177,177,8,3,0,1,1,0,5\r\n")
	f.Add(uint8(1), midbHeader+"2,\"UKG\",200,-9,7,1902,24,1,1903,0,1,1,-9,0,0,0,1,1,5\r\n2,\"USA\",2,-9,7,1902,24,1,1903,1,1,1,-9,0,0,7,3,1,5\r\n")
	f.Add(uint8(2), midiHeader+"3551,3551010,18,10,1993,18,10,1993,1,-9,0,0,1,2,1,5\r\n3551,3551004,14,1,1993,-9,1,1993,-9,16,0,0,7,3,1,5\r\n")
	f.Add(uint8(3), midipHeader+"3551,3551001,\"USA\",2,16,7,1992,16,7,1992,1,1,2,0,7,3,2,0,5\r\n")
	f.Add(uint8(4), gmlHeader+gmlRow+"2,200,2,1902,1,1,0,1,1,1,1,1,-9,-9,0,0,0,0,0,7,1,3,1,1,7,3,178,208,6,1,0,0,7,1,0,1,1,0,gml-2.1.1\n")
	readers := []func(*table.Reader) error{disputes, participants, incidents, incidentParticipants, gmlRows}
	f.Fuzz(func(t *testing.T, which uint8, src string) {
		r, err := table.New("fuzz.csv", strings.NewReader(src), Options)
		if err == nil {
			err = readers[int(which)%len(readers)](r)
		}
		var pe *table.ParseError
		if err != nil && !errors.As(err, &pe) {
			t.Fatalf("got %T %v, want nil or a *table.ParseError", err, err)
		}
	})
}
