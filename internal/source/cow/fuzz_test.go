package cow

import (
	"strings"
	"testing"

	"github.com/entente/entente/internal/source/sourcetest"
)

// checkDecode is the fuzz invariant every loader keeps: it never panics,
// and it returns either records or a *table.ParseError.
func checkDecode[T any](t *testing.T, f format[T], src string) {
	t.Helper()
	recs, err := f.decode("fuzz.csv", strings.NewReader(src))
	sourcetest.CheckFuzz(t, err)
	if err != nil && recs != nil {
		t.Fatalf("both records and an error: %v", err)
	}
}

func FuzzStates(f *testing.F) {
	f.Add("stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version\r\n" +
		"USA,2,United States of America,1816,1,1,2016,12,31,2016\r\n" +
		"GMY,255,Germany,1816,1,1,1945,5,8,2016\r\n")
	f.Add("stateabb,ccode,year,version\r\nUSA,2,1816,2016\r\nUKG,200,1816,2016")
	f.Add("StateAbb,CCode,StateNme\rUSA,2,United States of America\rCAN,20,Canada\r")
	f.Fuzz(func(t *testing.T, src string) {
		checkDecode(t, statesFormat, src)
		checkDecode(t, systemFormat, src)
		checkDecode(t, majorsFormat, src)
		checkDecode(t, countryCodesFormat, src)
	})
}

func FuzzNMC(f *testing.F) {
	f.Add("stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\r\n" +
		"USA,2,1816,3823,17,80,254,8659,101,0.039697491,2021\r\n" +
		"USA,2,1817,2466,15,80,277,8899,106,0.03581661,2021")
	f.Add("ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n" +
		"2,1816,3823,17,80,254,8659,101,0.039697491\n" +
		"2,1817,,15,80,277,8899,106,0.03581661\n")
	f.Fuzz(func(t *testing.T, src string) { checkDecode(t, nmcFormat, src) })
}

func FuzzAlliances(f *testing.F) {
	f.Add("version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,version\n" +
		`1,200,"United Kingdom",9,5,1386,,,,"Type I: Defense Pact",1,1,1816,,,,1,1,1,0,1,0,4.1` + "\n" +
		`304,438,"Guinea",23,1,1979,,,,"Type IIb: Non-Aggression Pact",23,11,2004,,,,,1,0,0,1,0,4.1` + "\n")
	f.Add("version4id,ccode,state_name,all_st_day,all_st_month,all_st_year,all_end_day,all_end_month,all_end_year,ss_type,mem_st_day,mem_st_month,mem_st_year,mem_end_day,mem_end_month,mem_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,year,version\n" +
		`1,200,"United Kingdom",9,5,1386,,,,"Type I: Defense Pact",1,1,1816,,,2012,1,1,1,0,1,0,1816,4.1` + "\n")
	f.Add("version4id,ccode1,state_name1,ccode2,state_name2,dyad_st_day,dyad_st_month,dyad_st_year,dyad_end_day,dyad_end_month,dyad_end_year,left_censor,right_censor,defense,neutrality,nonaggression,entente,asymmetric,version\n" +
		`1,200,"United Kingdom",235,"Portugal",1,1,1816,,,,1,1,1,0,1,0,0,4.1` + "\n" +
		`199,678,"Yemen Arab Republic",679,"Yemen",22,5,1990,21,5,1990,0,0,0,0,1,1,0,4.1` + "\n")
	f.Fuzz(func(t *testing.T, src string) {
		checkDecode(t, membersFormat, src)
		checkDecode(t, memberYearsFormat, src)
		checkDecode(t, dyadsFormat, src)
		checkDecode(t, directedFormat, src)
	})
}

func FuzzContiguity(f *testing.F) {
	f.Add("dyad,state1no,state1ab,state2no,state2ab,year,conttype,version\n" +
		`2020,2,"USA",20,"CAN",1920,1,3.2` + "\n" + `2020,2,"USA",20,"CAN",1921,1,3.2` + "\n")
	f.Add("dyad,statelno,statelab,statehno,statehab,conttype,begin,end,notes,version\n" +
		`2020,2,"USA",20,"CAN",1,192001,201612,"Begins with CAN system entry",3.2` + "\n")
	f.Add("stateno,stateab,year,total,land,sea,version\n" + `2,"USA",1816,0,0,0,3.2` + "\n")
	f.Fuzz(func(t *testing.T, src string) {
		checkDecode(t, contiguityYearsFormat, src)
		checkDecode(t, contiguityFormat, src)
		checkDecode(t, contiguityCountsFormat, src)
	})
}
