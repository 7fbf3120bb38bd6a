package server

import (
	"encoding/json"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// TestForecast serves the forecast of the embedded world, as 'entente
// forecast --format json' writes it, and refuses bad queries.
func TestForecast(t *testing.T) {
	dir := testenv.DataDir(t)
	_, ts := newTest(t, func(c *Config) { c.DataDir = dir })
	for _, q := range []string{"kind=defence", "year=1990", "top=-1"} {
		code, b, _ := call(t, "GET", ts.URL+"/api/forecast?"+q, "", nil)
		if code != 400 || decodeError(t, b).Code != "bad_query" {
			t.Errorf("%s: %d %s; want 400 bad_query", q, code, b)
		}
	}
	if testing.Short() {
		t.Skip("fits the model on every year of the real data")
	}
	code, b, _ := call(t, "GET", ts.URL+"/api/forecast?kind=cow&top=5", "", nil)
	if code != 200 {
		t.Fatalf("forecast: %d %s", code, b)
	}
	var o struct {
		Kind      string `json:"kind"`
		WorldYear int    `json:"world_year"`
		Picks     []struct {
			A   int     `json:"ccode1"`
			B   int     `json:"ccode2"`
			P   float64 `json:"p"`
			Top []any   `json:"top_features"`
		} `json:"picks"`
	}
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	if o.Kind != "cow" || o.WorldYear != 2024 || len(o.Picks) != 5 {
		t.Fatalf("got kind %s, year %d, %d picks; want cow, 2024, 5", o.Kind, o.WorldYear, len(o.Picks))
	}
	for i, p := range o.Picks {
		if p.P <= 0 || p.P >= 1 || len(p.Top) != 3 || (i > 0 && p.P > o.Picks[i-1].P) {
			t.Errorf("pick %d: %+v", i, p)
		}
	}
}

// TestForecastNoData: without a data directory the model cannot be fitted.
func TestForecastNoData(t *testing.T) {
	_, ts := newTest(t, nil)
	code, b, _ := call(t, "GET", ts.URL+"/api/forecast", "", nil)
	if code != 404 || decodeError(t, b).Code != "no_data" {
		t.Errorf("no data: %d %s; want 404 no_data", code, b)
	}
}
