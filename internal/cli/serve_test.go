package cli

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/server"
	"github.com/entente/entente/internal/testenv"
)

func TestServeUsage(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	checkExits(t, []exitCase{
		{"non-loopback without token", []string{"serve", "--addr", "0.0.0.0:0", "--store", store}, 2, "needs a token"},
		{"all interfaces without token", []string{"serve", "--addr", ":0", "--store", store}, 2, "needs a token"},
		{"bad addr", []string{"serve", "--addr", "localhost", "--store", store}, 2, "want host:port"},
		{"arguments", []string{"serve", "x"}, 2, "no arguments"},
		{"help", []string{"serve", "-h"}, 0, "Bearer TOKEN"},
	})
}

// TestServeWorldErrorsAsCLI posts a malformed world file and checks the
// server's JSON error carries the CLI's message, file:line:column included.
func TestServeWorldErrorsAsCLI(t *testing.T) {
	bad := "format: entente/v1\nname: bad\nas_of: 2024-12-31\nsources:\n  - id: s\n    citation: a source\nstates:\n  - ccode: twenty\n    iso3: CAN\n    name: Canada\n"
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, nil, "world", "--world", path)
	if code != 1 {
		t.Fatalf("entente world --world bad.yaml: exit %d, stderr %q", code, stderr)
	}
	cliMsg := strings.TrimSpace(strings.TrimPrefix(stderr, "entente: "))
	if !strings.Contains(cliMsg, path+":8:") {
		t.Fatalf("CLI error %q names no line", cliMsg)
	}

	cfg := server.DefaultConfig()
	cfg.StorePath = filepath.Join(dir, "s.db")
	cfg.Token = "t"
	s, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	resp, err := http.Post(ts.URL+"/api/world?name="+path, "application/yaml", strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var e struct {
		Code    string
		Message string
		Errors  []struct {
			File         string
			Line, Column int
		}
	}
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	if resp.StatusCode != 400 || e.Code != "invalid_world" {
		t.Fatalf("status %d, code %q", resp.StatusCode, e.Code)
	}
	if e.Message != cliMsg {
		t.Errorf("server message\n%q\nCLI message\n%q", e.Message, cliMsg)
	}
	if len(e.Errors) == 0 || e.Errors[0].Line != 8 || e.Errors[0].Column == 0 || e.Errors[0].File != path {
		t.Errorf("positions: %+v", e.Errors)
	}
}

// TestServeSameJSONAsCLI checks that the API writes the CLI's --format
// json output, byte for byte, for the models both serve.
func TestServeSameJSONAsCLI(t *testing.T) {
	dir := testenv.DataDir(t)
	cfg := server.DefaultConfig()
	cfg.StorePath = filepath.Join(t.TempDir(), "s.db")
	cfg.Token = "t"
	cfg.DataDir = dir
	s, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	env := map[string]string{"ENTENTE_DATA": dir}
	for _, tc := range []struct {
		path, args string
		// tol: compare numbers within this relative tolerance instead of
		// byte for byte. landscape --year derives propensities whose last
		// bits vary from run to run of the CLI itself.
		tol float64
	}{
		{"/api/world", "world --format json", 0},
		{"/api/world?year=1914", "world --year 1914 --format json", 0},
		{"/api/threat?year=1938&state=200&top=5", "threat --year 1938 --state 200 --top 5 --format json", 0},
		{"/api/threat?state=2", "threat --state 2 --format json", 0},
		{"/api/align?year=1938&state=200", "align --year 1938 --state 200 --format json", 0},
		{"/api/align", "align --format json", 0},
		{"/api/landscape?year=1936&states=UKG,FRN,GMY,ITA,RUS,POL", "landscape --year 1936 --states UKG,FRN,GMY,ITA,RUS,POL --format json", 1e-12},
		{"/api/report", "report --format json", 0},
		{"/api/survival", "survival --format json", 0},
		{"/api/survival?by=type&covariates=none", "survival --by type --covariates none --format json", 0},
		{"/api/survival?source=cow&level=member&ties=breslow", "survival --source cow --level member --ties breslow --format json", 0},
		{"/api/survival?cause=violation&formed=1816-1989&bilateral=true", "survival --cause violation --formed 1816-1989 --bilateral --format json", 0},
		{"/api/survival?level=member&covariates=bilat,asymm,defense,nonagg,consul,newally", "survival --level member --covariates bilat,asymm,defense,nonagg,consul,newally --format json", 0},
		{"/api/survival?covariates=bilat,mid,domestic", "survival --covariates bilat,mid,domestic --format json", 0},
	} {
		t.Run(tc.args, func(t *testing.T) {
			want, stderr, code := runCLI(t, env, strings.Fields(tc.args)...)
			if code != 0 {
				t.Fatalf("entente %s: exit %d: %s", tc.args, code, stderr)
			}
			resp, err := http.Get(ts.URL + tc.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, _ := io.ReadAll(resp.Body)
			same := string(got) == want
			if !same && tc.tol > 0 {
				var a, b any
				if json.Unmarshal(got, &a) == nil && json.Unmarshal([]byte(want), &b) == nil {
					same = jsonClose(a, b, tc.tol)
				}
			}
			if resp.StatusCode != 200 || !same {
				t.Errorf("GET %s: status %d, %d bytes; the CLI wrote %d bytes\nAPI: %.300s\nCLI: %.300s", tc.path, resp.StatusCode, len(got), len(want), got, want)
			}
		})
	}
}

// jsonClose reports whether two decoded JSON values are equal, numbers
// within relative tolerance tol.
func jsonClose(a, b any, tol float64) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			if !jsonClose(v, y[k], tol) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonClose(x[i], y[i], tol) {
				return false
			}
		}
		return true
	case float64:
		y, ok := b.(float64)
		return ok && math.Abs(x-y) <= tol*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
	}
	return a == b
}
