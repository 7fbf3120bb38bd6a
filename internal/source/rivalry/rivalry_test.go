package rivalry

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
	"github.com/entente/entente/internal/source/table"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/world"
)

func TestReadReal(t *testing.T) {
	rs, err := Read(testenv.File(t, "rivalries/td_rivalries_peacesciencer.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 197 {
		t.Errorf("%d rivalries, want 197", len(rs))
	}
	first := rs[0]
	want := world.Rivalry{ID: 1, Name: "Austria-France", A: 220, B: 300, Start: 1494, End: 1918, Region: "European GPs",
		Types: []world.RivalryType{world.RivalrySpatial, world.RivalryPositional}}
	if first.ID != want.ID || first.Name != want.Name || first.A != want.A || first.B != want.B || first.Start != want.Start ||
		first.End != want.End || first.Region != want.Region || !slices.Equal(first.Types, want.Types) {
		t.Errorf("first rivalry = %+v, want %+v", first, want)
	}
	n := map[world.RivalryType]int{}
	for _, r := range rs {
		for _, ty := range r.Types {
			n[ty]++
		}
	}
	// Counts over type1..type3 in the file.
	wantN := map[world.RivalryType]int{world.RivalrySpatial: 142, world.RivalryPositional: 109, world.RivalryIdeological: 49, world.RivalryInterventionary: 30}
	for ty, c := range wantN {
		if n[ty] != c {
			t.Errorf("%d rivalries of type %s, want %d", n[ty], ty, c)
		}
	}
}

func readStr(name, src string) error {
	_, err := table.Decode(name, strings.NewReader(src), table.Options{}, read)
	return err
}

const (
	hdr = `"rivalryno","rivalryname","ccode1","ccode2","styear","endyear","region","type1","type2","type3"` + "\n"
	row = `1,"Austria-France",220,300,1494,1918,"European GPs","spatial","positional",`
)

func TestBadInput(t *testing.T) {
	sourcetest.CheckBad(t, []sourcetest.Bad{
		{Name: "wrong column count", Src: hdr + row + ",\n", Read: readStr, Line: 2, Err: table.ErrFieldCount},
		{Name: "NA where a number goes", Src: hdr + `1,"Austria-France",220,300,NA,1918,"European GPs","spatial",,` + "\n", Read: readStr, Line: 2, Col: 5, Field: "styear", Err: table.ErrSyntax},
		{Name: "latin-1", Src: hdr + "1,\"Austria-Fran\xe7e\",220,300,1494,1918,\"European GPs\",\"spatial\",,\n", Read: readStr, Line: 2, Col: 2, Field: "rivalryname", Err: table.ErrSyntax},
		{Name: "CR only", Src: strings.ReplaceAll(hdr, "\n", "\r") + row + "\r" + `2,"X",300,220,1494,1918,"European GPs","spatial",,` + "\r", Read: readStr, Line: 3, Col: 4, Field: "ccode2", Err: table.ErrRange},
		{Name: "unknown type", Src: hdr + `1,"Austria-France",220,300,1494,1918,"European GPs","economic",,` + "\n", Read: readStr, Line: 2, Col: 8, Field: "type1", Err: table.ErrRange},
		{Name: "type after a gap", Src: hdr + `1,"Austria-France",220,300,1494,1918,"European GPs","spatial",,"positional"` + "\n", Read: readStr, Line: 2, Col: 10, Field: "type3", Err: table.ErrRange},
		{Name: "end before start", Src: hdr + `1,"Austria-France",220,300,1494,1418,"European GPs","spatial",,` + "\n", Read: readStr, Line: 2, Col: 6, Field: "endyear", Err: table.ErrRange},
	})
}

func FuzzRead(f *testing.F) {
	sourcetest.Fuzz(f, []sourcetest.Read{readStr}, []string{
		hdr + row + "\n" + `2,"Austria-Ottoman Empire",300,640,1494,1908,"European GPs","spatial","positional",` + "\n",
		hdr + `197,"X-Y",700,710,2007,2010,"Multiple","ideological","interventionary","spatial"` + "\n",
	})
}
