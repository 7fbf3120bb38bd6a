package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/entente/entente/align"
	"github.com/entente/entente/burden"
	"github.com/entente/entente/credibility"
	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/internal/web"
	"github.com/entente/entente/network"
	"github.com/entente/entente/reliability"
	"github.com/entente/entente/threat"
)

const testToken = "test-token-0123456789"

// newTest starts a server on an httptest listener; mod may change the
// configuration first.
func newTest(t *testing.T, mod func(*Config)) (*Server, *httptest.Server) {
	t.Helper()
	cfg := DefaultConfig()
	cfg.StorePath = filepath.Join(t.TempDir(), "s.db")
	cfg.Token = testToken
	cfg.Logger = nil
	if mod != nil {
		mod(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(func() { ts.Close(); s.Close() })
	return s, ts
}

// call does one request and returns the status and body.
func call(t *testing.T, method, url, token string, body []byte) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b, resp.Header
}

func decodeError(t *testing.T, b []byte) errorBody {
	t.Helper()
	var e errorBody
	if err := json.Unmarshal(b, &e); err != nil || e.Code == "" || e.Message == "" {
		t.Fatalf("error body %q: want JSON {code, message} (%v)", b, err)
	}
	return e
}

func TestOpenAPIMatchesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q, want 3.x", doc.OpenAPI)
	}
	var described, served []string
	for path, ops := range doc.Paths {
		for method := range ops {
			if method == "parameters" {
				continue
			}
			described = append(described, strings.ToUpper(method)+" "+path)
		}
	}
	s := &Server{}
	for _, r := range s.routes() {
		served = append(served, r.Method+" "+r.Path)
	}
	sort.Strings(described)
	sort.Strings(served)
	if strings.Join(described, "\n") != strings.Join(served, "\n") {
		t.Errorf("openapi.json describes\n%s\nthe server serves\n%s", strings.Join(described, "\n"), strings.Join(served, "\n"))
	}
	// Every write route declares the bearer token.
	for _, r := range s.routes() {
		var op struct {
			Security []map[string][]string `json:"security"`
		}
		json.Unmarshal(doc.Paths[r.Path][strings.ToLower(r.Method)], &op)
		if r.Write != (len(op.Security) > 0) {
			t.Errorf("%s %s: write %v but openapi security %v", r.Method, r.Path, r.Write, op.Security)
		}
	}
	_, ts := newTest(t, nil)
	code, b, _ := call(t, "GET", ts.URL+"/api/openapi.json", "", nil)
	if code != 200 || !bytes.Equal(b, openAPI) {
		t.Errorf("GET /api/openapi.json: %d, %d bytes", code, len(b))
	}
}

func TestWriteNeedsToken(t *testing.T) {
	_, ts := newTest(t, nil)
	body := []byte(`{"name":"NATO without Turkey","edits":[{"op":"remove_member","alliance":"nato","state":640}]}`)
	for _, tok := range []string{"", "wrong"} {
		code, b, h := call(t, "POST", ts.URL+"/api/scenarios", tok, body)
		if code != http.StatusUnauthorized {
			t.Fatalf("token %q: status %d, want 401", tok, code)
		}
		if e := decodeError(t, b); e.Code != "unauthorized" {
			t.Errorf("code %q, want unauthorized", e.Code)
		}
		if !strings.HasPrefix(h.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("WWW-Authenticate %q", h.Get("WWW-Authenticate"))
		}
	}
	code, b, _ := call(t, "POST", ts.URL+"/api/scenarios", testToken, body)
	if code != http.StatusCreated {
		t.Fatalf("with the token: status %d %s", code, b)
	}
	var got scenarioJSON
	json.Unmarshal(b, &got)
	for _, m := range []string{"PUT", "DELETE"} {
		if code, _, _ := call(t, m, ts.URL+"/api/scenarios/"+got.ID, "", body); code != http.StatusUnauthorized {
			t.Errorf("%s without token: %d, want 401", m, code)
		}
	}
	// Reads are open on loopback.
	if code, _, _ := call(t, "GET", ts.URL+"/api/scenarios/"+got.ID, "", nil); code != 200 {
		t.Errorf("read without token on loopback: %d", code)
	}
}

func TestBodyLimit(t *testing.T) {
	_, ts := newTest(t, func(c *Config) { c.MaxBody = 4096 })
	big := `{"name":"big","author":"` + strings.Repeat("x", 5000) + `"}`
	for _, path := range []string{"/api/scenarios", "/api/evaluate", "/api/world"} {
		code, b, _ := call(t, "POST", ts.URL+path, testToken, []byte(big))
		if code != http.StatusRequestEntityTooLarge {
			t.Fatalf("POST %s over the limit: status %d %s, want 413", path, code, b)
		}
		if e := decodeError(t, b); e.Code != "too_large" {
			t.Errorf("code %q, want too_large", e.Code)
		}
	}
}

func TestNonLoopbackNeedsToken(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":8080", "192.0.2.1:80", "[::]:0"} {
		cfg := DefaultConfig()
		cfg.Addr = addr
		cfg.StorePath = filepath.Join(t.TempDir(), "s.db")
		cfg.TokenFile = filepath.Join(t.TempDir(), "token")
		if _, err := New(cfg); !errors.Is(err, ErrNeedToken) {
			t.Errorf("addr %s without token: got %v, want ErrNeedToken", addr, err)
		}
	}
	for _, addr := range []string{"127.0.0.1:0", "localhost:8080", "[::1]:0", "127.0.0.2:1"} {
		if !Loopback(addr) {
			t.Errorf("Loopback(%q) = false", addr)
		}
	}
	// With a token on a non-loopback address, reads need it too.
	s, ts := newTest(t, func(c *Config) { c.Addr = "0.0.0.0:0" })
	if s.loopback {
		t.Fatal("0.0.0.0 taken for loopback")
	}
	if code, _, _ := call(t, "GET", ts.URL+"/api/world", "", nil); code != http.StatusUnauthorized {
		t.Errorf("read without token off loopback: %d, want 401", code)
	}
	if code, _, _ := call(t, "GET", ts.URL+"/api/world", testToken, nil); code != 200 {
		t.Errorf("read with token off loopback: %d", code)
	}
}

func TestTokenFileCreated(t *testing.T) {
	dir := t.TempDir()
	cfg := DefaultConfig()
	cfg.StorePath = filepath.Join(dir, "s.db")
	cfg.TokenFile = TokenFile(cfg.StorePath)
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	fi, err := os.Stat(cfg.TokenFile)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("token file mode %v, want 0600", fi.Mode().Perm())
	}
	b, _ := os.ReadFile(cfg.TokenFile)
	if len(strings.TrimSpace(string(b))) < 32 {
		t.Errorf("token %q too short", b)
	}
	s2, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.token != strings.TrimSpace(string(b)) {
		t.Error("second start made a new token instead of reading the file")
	}
	if fi, _ := os.Stat(cfg.StorePath); fi.Mode().Perm() != 0o600 {
		t.Errorf("store mode %v, want 0600", fi.Mode().Perm())
	}
}

func TestLoopbackHost(t *testing.T) {
	_, ts := newTest(t, nil)
	for host, want := range map[string]int{"evil.example": 403, "evil.example:80": 403, "localhost:8080": 200, "127.0.0.1": 200, "[::1]:8080": 200} {
		req, _ := http.NewRequest("GET", ts.URL+"/api/years", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d %s, want %d", host, resp.StatusCode, b, want)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	_, ts := newTest(t, nil)
	for _, path := range []string{"/", "/api/world", "/api/nothing"} {
		_, _, h := call(t, "GET", ts.URL+path, "", nil)
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", path, h.Get("X-Content-Type-Options"))
		}
	}
	code, b, _ := call(t, "GET", ts.URL+"/api/nothing", "", nil)
	if code != 404 || decodeError(t, b).Code != "not_found" {
		t.Errorf("unknown API path: %d %s", code, b)
	}
}

// TestScenarioLifecycle saves a what-if (Turkey leaves NATO), reads it back
// with its history, runs the models on it and compares with the base.
func TestScenarioLifecycle(t *testing.T) {
	_, ts := newTest(t, nil)
	v1 := []byte(`{"name":"NATO without Turkey","author":"ana","edits":[{"op":"remove_member","alliance":"nato","state":640}]}`)
	code, b, _ := call(t, "POST", ts.URL+"/api/scenarios", testToken, v1)
	if code != 201 {
		t.Fatalf("create: %d %s", code, b)
	}
	var created scenarioJSON
	json.Unmarshal(b, &created)
	v2 := []byte(`{"name":"NATO without Turkey, Sweden spends 2%","author":"ana","edits":[{"op":"remove_member","alliance":"nato","state":640},{"op":"set_milex","state":380,"value":12000000000}]}`)
	if code, b, _ := call(t, "PUT", ts.URL+"/api/scenarios/"+created.ID+"?base=1", testToken, v2); code != 200 {
		t.Fatalf("update: %d %s", code, b)
	}
	if code, b, _ := call(t, "PUT", ts.URL+"/api/scenarios/"+created.ID+"?base=1", testToken, v2); code != http.StatusConflict {
		t.Errorf("update on a stale base: %d %s, want 409", code, b)
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/scenarios/"+created.ID+"/versions", "", nil)
	var vs []struct{ Version int }
	json.Unmarshal(b, &vs)
	if code != 200 || len(vs) != 2 {
		t.Fatalf("versions: %d %s", code, b)
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/scenarios/"+created.ID+"/versions/1", "", nil)
	var first scenarioJSON
	json.Unmarshal(b, &first)
	if code != 200 || first.Scenario.Name != "NATO without Turkey" || first.SHA256 != created.SHA256 {
		t.Errorf("version 1: %d %s", code, b)
	}

	// The scenario's world has Turkey out of NATO; the base has it in.
	natoHas := func(q string) bool {
		_, b, _ := call(t, "GET", ts.URL+"/api/world"+q, "", nil)
		var w struct {
			Alliances []struct {
				ID      string
				Members []int
			}
		}
		json.Unmarshal(b, &w)
		for _, a := range w.Alliances {
			if a.ID == "world:nato" {
				for _, m := range a.Members {
					if m == 640 {
						return true
					}
				}
			}
		}
		return false
	}
	if !natoHas("") || natoHas("?scenario="+created.ID) {
		t.Errorf("Turkey in NATO: base %v, scenario %v; want true, false", natoHas(""), natoHas("?scenario="+created.ID))
	}

	// Evaluate: the threats Turkey faces change when it leaves NATO: its
	// former allies are no longer tied to it by a defence pledge.
	code, b, _ = call(t, "POST", ts.URL+"/api/evaluate?state=640", "", v1)
	if code != 200 {
		t.Fatalf("evaluate: %d %s", code, b)
	}
	var ev map[string]struct {
		Align   []align.Prediction
		Threats []threat.Threat
	}
	if err := json.Unmarshal(b, &ev); err != nil {
		t.Fatal(err)
	}
	base, sc := ev["base"], ev["scenario"]
	if len(base.Threats) == 0 || len(base.Threats) != len(sc.Threats) || len(base.Align) == 0 {
		t.Fatalf("evaluate: %d and %d threat rows, %d predictions", len(base.Threats), len(sc.Threats), len(base.Align))
	}
	changed := 0
	for i := range base.Threats {
		for j := range sc.Threats {
			if base.Threats[i].From == sc.Threats[j].From && base.Threats[i].Tie != sc.Threats[j].Tie {
				changed++
			}
		}
	}
	if changed == 0 {
		t.Error("removing Turkey from NATO changed no tie of the threats it faces")
	}

	if code, b, _ := call(t, "DELETE", ts.URL+"/api/scenarios/"+created.ID, testToken, nil); code != 204 {
		t.Errorf("delete: %d %s", code, b)
	}
	if code, b, _ := call(t, "GET", ts.URL+"/api/scenarios/"+created.ID, "", nil); code != 404 || decodeError(t, b).Code != "not_found" {
		t.Errorf("get after delete: %d %s", code, b)
	}
}

func TestBadScenarios(t *testing.T) {
	_, ts := newTest(t, nil)
	tests := []struct{ name, body, code, contains string }{
		{"unknown field", `{"name":"x","edit":[]}`, "bad_json", `unknown field "edit"`},
		{"no name", `{"edits":[]}`, "invalid_scenario", "name is required"},
		{"unknown alliance", `{"name":"x","edits":[{"op":"remove_member","alliance":"warsaw","state":640}]}`, "invalid_edit", `edits[0] (remove_member): alliance "warsaw" is not in the world`},
		{"not a member", `{"name":"x","edits":[{"op":"remove_member","alliance":"nato","state":710}]}`, "invalid_edit", "state 710 is not a member"},
		{"bad op", `{"name":"x","edits":[{"op":"annex"}]}`, "invalid_edit", `unknown op "annex"`},
		{"hostility range", `{"name":"x","edits":[{"op":"set_hostility","state":2,"other":710,"value":2}]}`, "invalid_edit", "hostility in [0,1]"},
		{"bad world", `{"name":"x","world":"format: entente/v1\nstates: 3\n"}`, "invalid_world", "scenario.yaml:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, b, _ := call(t, "POST", ts.URL+"/api/scenarios", testToken, []byte(tc.body))
			if code != 400 {
				t.Fatalf("status %d %s, want 400", code, b)
			}
			e := decodeError(t, b)
			if e.Code != tc.code || !strings.Contains(e.Message, tc.contains) {
				t.Errorf("got %s: %q, want %s containing %q", e.Code, e.Message, tc.code, tc.contains)
			}
		})
	}
}

// TestHistoricalWorlds serves the worlds of the data directory and a
// streamed panel.
func TestHistoricalWorlds(t *testing.T) {
	dir := testenv.DataDir(t)
	s, ts := newTest(t, func(c *Config) { c.DataDir = dir })
	h, err := s.history()
	if err != nil {
		t.Fatal(err)
	}
	w, err := h.World(1914)
	if err != nil {
		t.Fatal(err)
	}
	code, b, _ := call(t, "GET", ts.URL+"/api/world?year=1914", "", nil)
	var got struct {
		Year   int
		States []struct{ CCode int }
	}
	json.Unmarshal(b, &got)
	if code != 200 || got.Year != 1914 || len(got.States) != len(w.States) {
		t.Fatalf("world 1914: %d, year %d, %d states, want %d", code, got.Year, len(got.States), len(w.States))
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/world?year=1700", "", nil)
	if code != 404 || decodeError(t, b).Code != "no_world" {
		t.Errorf("year 1700: %d %s", code, b)
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/threat?year=1938&state=200&top=5", "", nil)
	var rows []threat.Threat
	json.Unmarshal(b, &rows)
	if code != 200 || len(rows) != 5 || rows[0].To != 200 {
		t.Errorf("threat 1938 UKG: %d %s", code, b)
	}
	code, b, hd := call(t, "GET", ts.URL+"/api/panel/states?years=1914&vars=cinc", "", nil)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if code != 200 || !strings.HasPrefix(hd.Get("Content-Type"), "text/csv") || len(lines) != len(w.States)+1 {
		t.Errorf("panel states 1914: %d, %d lines, want %d", code, len(lines), len(w.States)+1)
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/panel/dyads?years=1914&vars=sim_s,sim_taub&format=parquet", "", nil)
	if code != 200 || !bytes.HasPrefix(b, []byte("PAR1")) || !bytes.HasSuffix(b, []byte("PAR1")) {
		t.Errorf("panel dyads 1914 as Parquet: %d, %d bytes", code, len(b))
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/panel/dyads?years=1914&vars=nonsense", "", nil)
	if code != 400 || decodeError(t, b).Code != "bad_query" {
		t.Errorf("panel with an unknown variable: %d %s", code, b)
	}
}

// TestStaticPage serves the application when it was built, and otherwise
// a page that says how to build it; the API answers either way.
func TestStaticPage(t *testing.T) {
	_, ts := newTest(t, nil)
	code, b, h := call(t, "GET", ts.URL+"/", "", nil)
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Fatalf("GET /: %d %s", code, h.Get("Content-Type"))
	}
	if _, built := web.Dist(); built {
		if !strings.Contains(string(b), `<script src="app.js"`) {
			t.Errorf("built application: index.html has no app.js: %.200s", b)
		}
		if strings.Contains(string(b), "<script>") {
			t.Error("index.html has an inline script")
		}
		if code, _, h := call(t, "GET", ts.URL+"/app.js", "", nil); code != 200 || !strings.Contains(h.Get("Content-Type"), "javascript") {
			t.Errorf("GET /app.js: %d %s", code, h.Get("Content-Type"))
		}
	} else if !strings.Contains(string(b), "make web") {
		t.Errorf("unbuilt application: the page does not say how to build it: %s", b)
	}
	if code, _, _ := call(t, "GET", ts.URL+"/api/years", "", nil); code != 200 {
		t.Errorf("GET /api/years: %d", code)
	}
}

// TestConcurrentReads shares the cached worlds and matrices between
// concurrent requests, scenario builds among them (run with -race).
func TestConcurrentReads(t *testing.T) {
	_, ts := newTest(t, nil)
	paths := []string{"/api/world", "/api/threat?state=2&top=5", "/api/align?state=640", "/api/threat"}
	errc := make(chan string, 64)
	done := make(chan struct{})
	for g := 0; g < 8; g++ {
		go func(g int) {
			defer func() { done <- struct{}{} }()
			for i := 0; i < 6; i++ {
				var resp *http.Response
				var err error
				if (g+i)%4 == 0 {
					resp, err = http.Post(ts.URL+"/api/evaluate?state=640&top=3", "application/json",
						strings.NewReader(`{"name":"x","edits":[{"op":"set_hostility","state":2,"other":365,"value":1}]}`))
				} else {
					resp, err = http.Get(ts.URL + paths[(g+i)%len(paths)])
				}
				if err != nil {
					errc <- err.Error()
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					errc <- resp.Request.URL.String() + ": " + resp.Status
				}
			}
		}(g)
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	close(errc)
	for e := range errc {
		t.Error(e)
	}
}

// TestNetwork serves one year's network as 'entente network --year Y'
// writes it, the embedded world's from its own alliances, and refuses bad
// queries.
func TestNetwork(t *testing.T) {
	dir := testenv.DataDir(t)
	s, ts := newTest(t, func(c *Config) { c.DataDir = dir })
	h, err := s.history()
	if err != nil {
		t.Fatal(err)
	}
	n, _, err := network.FromHistory(h, 1980, network.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := n.WriteGraph(&want, "json", n.Blocs()); err != nil {
		t.Fatal(err)
	}
	code, b, _ := call(t, "GET", ts.URL+"/api/network?year=1980", "", nil)
	if code != 200 || !bytes.Equal(b, want.Bytes()) {
		t.Errorf("network 1980: %d, %d bytes; want 200 and the CLI's %d bytes", code, len(b), want.Len())
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/network?format=graphml", "", nil)
	if code != 200 || !bytes.Contains(b, []byte("<graphml")) || !bytes.Contains(b, []byte("United States")) {
		t.Errorf("embedded network as GraphML: %d %.200s", code, b)
	}
	for _, q := range []string{"year=1980&type=alliance", "year=1980&format=dot", "year=1980&source=world", "source=cow"} {
		code, b, _ = call(t, "GET", ts.URL+"/api/network?"+q, "", nil)
		if code != 400 || decodeError(t, b).Code != "bad_query" {
			t.Errorf("%s: %d %s; want 400 bad_query", q, code, b)
		}
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/network?year=1700", "", nil)
	if code != 404 || decodeError(t, b).Code != "no_year" {
		t.Errorf("year 1700: %d %s; want 404 no_year", code, b)
	}
}

// TestReliability serves the reliability table as the CLI prints it and
// refuses bad queries.
func TestReliability(t *testing.T) {
	dir := testenv.DataDir(t)
	_, ts := newTest(t, func(c *Config) { c.DataDir = dir })
	code, b, _ := call(t, "GET", ts.URL+"/api/reliability?years=1816-1944&by=type", "", nil)
	var got reliability.Summary
	if err := json.Unmarshal(b, &got); code != 200 || err != nil || got.Rule != "llm" || len(got.Overall) != 1 || len(got.Groups) == 0 {
		t.Fatalf("reliability: %d %.300s", code, b)
	}
	for _, q := range []string{"rule=x", "years=1700-1800", "by=decade"} {
		code, b, _ = call(t, "GET", ts.URL+"/api/reliability?"+q, "", nil)
		if code != 400 || decodeError(t, b).Code != "bad_query" {
			t.Errorf("%s: %d %s; want 400 bad_query", q, code, b)
		}
	}
}

// TestCredibility serves the credibility of the embedded world's
// commitments and of 1914's, says why a selection is empty and refuses an
// unknown state.
func TestCredibility(t *testing.T) {
	dir := testenv.DataDir(t)
	_, ts := newTest(t, func(c *Config) { c.DataDir = dir })
	code, b, _ := call(t, "GET", ts.URL+"/api/credibility?patron=2&protege=740", "", nil)
	var got credibility.Result
	if err := json.Unmarshal(b, &got); code != 200 || err != nil || len(got.Commitments) != 1 || !got.Commitments[0].Reputation.OK() {
		t.Fatalf("US-Japan: %d %.300s", code, b)
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/credibility?year=1914&patron=220", "", nil)
	if err := json.Unmarshal(b, &got); code != 200 || err != nil || len(got.Commitments) == 0 || !got.Commitments[0].Signals.OK() {
		t.Fatalf("France 1914: %d %.300s", code, b)
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/credibility?patron=225", "", nil)
	if err := json.Unmarshal(b, &got); code != 200 || err != nil || len(got.Commitments) != 0 || got.Note == "" {
		t.Errorf("Switzerland: %d %.300s, want an empty list and a note", code, b)
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/credibility?patron=9999", "", nil)
	if code != 404 || decodeError(t, b).Code != "no_state" {
		t.Errorf("unknown patron: %d %s; want 404 no_state", code, b)
	}
}

// TestBurden serves the Olson–Zeckhauser test of NATO in the embedded world
// and in 1964, and refuses unknown alliances.
func TestBurden(t *testing.T) {
	dir := testenv.DataDir(t)
	_, ts := newTest(t, func(c *Config) { c.DataDir = dir })
	for _, q := range []string{"alliance=nato&source=nato", "alliance=cow:227&year=1964"} {
		code, b, _ := call(t, "GET", ts.URL+"/api/burden?"+q, "", nil)
		var got burden.Year
		if err := json.Unmarshal(b, &got); code != 200 || err != nil || got.Result == nil || got.Result.N < 10 {
			t.Errorf("%s: %d %.300s", q, code, b)
		}
	}
	code, b, _ := call(t, "GET", ts.URL+"/api/burden?alliance=cow:9999&year=1964", "", nil)
	if code != 404 || decodeError(t, b).Code != "no_alliance" {
		t.Errorf("unknown alliance: %d %s", code, b)
	}
	code, b, _ = call(t, "GET", ts.URL+"/api/burden?alliance=nato&source=imf", "", nil)
	if code != 400 || decodeError(t, b).Code != "bad_query" {
		t.Errorf("unknown source: %d %s", code, b)
	}
}
