package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/entente/entente/internal/testenv"
	"github.com/entente/entente/internal/web"
)

// chromiumPath finds Debian's chromium. Under CI=true a missing browser or
// an unbuilt web application fails the test; elsewhere it skips.
func chromiumPath(t *testing.T) string {
	t.Helper()
	missing := func(why string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("browser test: %s (CI=true)", why)
		}
		t.Skipf("browser test: %s", why)
	}
	if _, built := web.Dist(); !built {
		missing("the web application is not built: run make web")
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing("chromium is not installed (apt-get install chromium)")
	return ""
}

// browser starts headless chromium with the flags this machine needs and
// a fresh profile, and returns a context driving one tab.
func browser(t *testing.T, exe string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 8*time.Minute)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	return ctx
}

// waitFor polls the JavaScript expression until it is true, for up to 45 s.
func waitFor(ctx context.Context, t *testing.T, what, expr string) {
	t.Helper()
	waitWithin(ctx, t, 45*time.Second, what, expr)
}

// waitWithin polls the JavaScript expression until it is true, for up to d.
func waitWithin(ctx context.Context, t *testing.T, d time.Duration, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({hash: location.hash, year: document.getElementById('year').value, count: document.getElementById('node-count').dataset, status: document.getElementById('status').textContent})`))
			t.Fatalf("%s: %s still false after %v; page: %s", what, expr, d, state)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func evalInt(ctx context.Context, t *testing.T, expr string) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return n
}

// notBlank fails unless the PNG has content: enough pixels that differ
// from the most common one, in enough colours.
func notBlank(t *testing.T, name string, b []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	counts := map[uint32]int{}
	bounds := img.Bounds()
	total := 0
	for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
		for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[(r>>11)<<10|(g>>11)<<5|bl>>11]++
			total++
		}
	}
	most := 0
	for _, c := range counts {
		most = max(most, c)
	}
	if other := float64(total-most) / float64(total); other < 0.03 || len(counts) < 8 {
		t.Errorf("screenshot %s looks blank: %.1f%% of pixels off the background, %d colours", name, 100*other, len(counts))
	}
}

func screenshot(ctx context.Context, t *testing.T, name string) {
	t.Helper()
	b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	notBlank(t, name, b)
	dir := os.Getenv("ENTENTE_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.WriteFile(filepath.Join(dir, "serve-"+name+".png"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowser drives the web application in headless Chromium: the network
// follows the year slider with as many nodes as the API's world has
// states, a state's threats open, a scenario is edited, run, saved, and
// found again after a reload; screenshots are not blank and no Content
// Security Policy violation is logged.
func TestBrowser(t *testing.T) {
	exe := chromiumPath(t)
	dataDir := testenv.DataDir(t)
	// The forecast's first request fits its model on every year of the
	// data: a shared 2-core machine may need more than the default minute.
	s, ts := newTest(t, func(c *Config) { c.DataDir = dataDir; c.RequestTimeout = 4 * time.Minute })
	ctx := browser(t, exe)

	// Collect the console: errors, exceptions and the browser log (where
	// Content Security Policy violations appear).
	var (
		consoleMu sync.Mutex
		console   []string
	)
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == "error" || m.Type == "warning" {
				consoleMu.Lock()
				console = append(console, m.String())
				consoleMu.Unlock()
			}
		}
	}()

	apiStates := func(year int) int {
		wd, err := s.worldOfYear(year)
		if err != nil {
			t.Fatal(err)
		}
		return len(wd.States)
	}

	// The network of the embedded world, then of 1914 through the slider.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/#network")); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "app ready", `document.body.dataset.ready === 'true'`)
	waitFor(ctx, t, "embedded network drawn", `document.getElementById('node-count').dataset.year === '2024'`)
	if got, want := evalInt(ctx, t, `Number(document.getElementById('node-count').dataset.count)`), apiStates(0); got != want {
		t.Errorf("network of 2024: %d nodes, the API's world has %d states", got, want)
	}
	for _, year := range []int{1914, 1990} {
		// Move the slider as a user does: focus it and step with the
		// keyboard to the year, which fires input and change events.
		steps := evalInt(ctx, t, fmt.Sprintf(`Number(document.getElementById('year').value) - %d`, year))
		var keys string
		if steps > 0 {
			keys = strings.Repeat(kb.ArrowLeft, steps)
		} else {
			keys = strings.Repeat(kb.ArrowRight, -steps)
		}
		if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("year")), chromedp.SendKeys(chromedp.ID("year"), keys)); err != nil {
			t.Fatal(err)
		}
		waitFor(ctx, t, fmt.Sprintf("network of %d", year), fmt.Sprintf(`document.getElementById('node-count').dataset.year === '%d'`, year))
		if got, want := evalInt(ctx, t, `Number(document.getElementById('node-count').dataset.count)`), apiStates(year); got != want {
			t.Errorf("network of %d: %d nodes, the API's world has %d states", year, got, want)
		}
		if year == 1914 {
			time.Sleep(300 * time.Millisecond)
			screenshot(ctx, t, "network")
		}
	}

	// Germany's threats in 1914.
	jsDo(ctx, t, `document.getElementById('threat-year').value = '1914'; location.hash = 'threats/255'`)
	waitFor(ctx, t, "threats of Germany", `Number(document.getElementById('threat-table').dataset.rows || 0) > 0 && document.getElementById('align-choice').textContent.includes('Predicted choice')`)
	if got := evalInt(ctx, t, `Number(document.getElementById('threat-table').dataset.rows)`); got != 10 {
		t.Errorf("threats table: %d rows, want the top 10", got)
	}
	title, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("threat-title")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(title, "Germany") || !strings.Contains(title, "1914") {
		t.Errorf("threats title %q", title)
	}
	screenshot(ctx, t, "threats")

	// The map and the burden chart.
	jsDo(ctx, t, `location.hash = 'map'`)
	waitFor(ctx, t, "map coloured", `Number(document.getElementById('map').dataset.coloured || 0) > 40`)
	screenshot(ctx, t, "map")
	jsDo(ctx, t, `location.hash = 'burden'`)
	waitFor(ctx, t, "burden chart", `Number(document.getElementById('burden-chart').dataset.bars || 0) > 20`)

	browseModels(ctx, t, ts.URL)

	// A scenario: Canada and the United States turn hostile (an edit
	// that moves Canada's threats under any reading of the model); run,
	// save, reload, find it.
	name := "Canada and the United States at odds " + time.Now().Format("150405.000")
	jsDo(ctx, t, `location.hash = 'scenario'`)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("sc-name"))); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "alliances listed", `!!document.querySelector('#ed-alliance option[value="world:nato"]')`)
	// Choices in the selects are set by script; text is typed.
	jsDo(ctx, t, `document.getElementById('sc-name').value = ''; document.getElementById('ed-op').value = 'set_hostility'; `+
		`document.getElementById('ed-state').value = '20'; document.getElementById('ed-other').value = '2'; `+
		`document.getElementById('ed-value').value = '1'`)
	err = chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("token"), testToken+"\t"),
		chromedp.SendKeys(chromedp.ID("sc-name"), name),
		chromedp.Click(chromedp.ID("ed-add")),
	)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "edit listed", `document.getElementById('sc-edits').dataset.count === '1'`)
	click(ctx, t, chromedp.ID("sc-run"))
	waitFor(ctx, t, "differences shown", `document.getElementById('diff-table').dataset.changed !== undefined`)
	if evalInt(ctx, t, `Number(document.getElementById('diff-table').dataset.changed)`) == 0 {
		t.Error("hostility between Canada and the United States changed nothing in the differences table")
	}
	screenshot(ctx, t, "scenario")
	click(ctx, t, chromedp.ID("sc-save"))
	waitFor(ctx, t, "saved", `!!document.getElementById('sc-saved').dataset.id`)
	id, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById('sc-saved').dataset.id`))
	if err != nil {
		t.Fatal(err)
	}
	stored, err := s.store.Get(context.Background(), id, 0)
	if err != nil {
		t.Fatalf("saved scenario %q not in the store: %v", id, err)
	}
	var sc Scenario
	json.Unmarshal(stored.Body, &sc)
	if sc.Name != name || len(sc.Edits) != 1 || sc.Edits[0].State != 20 || sc.Edits[0].Other != 2 || sc.Edits[0].Op != "set_hostility" {
		t.Errorf("stored scenario %+v", sc)
	}

	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "app ready after reload", `document.body.dataset.ready === 'true'`)
	sel := fmt.Sprintf(`#sc-list li[data-id=%q] button`, id)
	waitFor(ctx, t, "saved scenario listed after reload", fmt.Sprintf(`!!document.querySelector('%s')`, sel))
	click(ctx, t, chromedp.CSS(sel))
	waitFor(ctx, t, "scenario loaded", fmt.Sprintf(`document.getElementById('sc-edits').dataset.count === '1' && document.getElementById('sc-name').value === %q`, name))
	waitFor(ctx, t, "version history shown", `document.querySelectorAll('#sc-versions li').length === 1`)

	consoleMu.Lock()
	defer consoleMu.Unlock()
	for _, c := range console {
		if strings.Contains(c, "Content Security Policy") || strings.Contains(c, "Uncaught") {
			t.Errorf("browser console: %s", c)
		}
	}
}

// browseModels opens the views of the models on the embedded world (and
// the simulation of a shipped scenario) and checks each against the API's
// own answer: the United States' commitment to Japan, NATO's members and
// what loosening their commitment moves, the reliability rates, why
// alliances end (the survival view against /api/survival), the
// simulation of 1914 with Germany, and the forecast's most likely pair.
func browseModels(ctx context.Context, t *testing.T, base string) {
	t.Helper()
	apiGet := func(path string, v any) {
		t.Helper()
		code, b, _ := call(t, "GET", base+path, "", nil)
		if code != 200 {
			t.Fatalf("%s: %d %s", path, code, b)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	text := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return s
	}
	// row returns the cells of the first row of the table whose first
	// cells are the given texts, as JSON, or "null".
	row := func(table string, first ...string) []string {
		t.Helper()
		keys, _ := json.Marshal(first)
		js := fmt.Sprintf(`JSON.stringify((() => { const k = %s; for (const tr of document.querySelectorAll('#%s tbody tr')) { `+
			`const c = [...tr.cells].map((td) => td.textContent); if (k.every((x, i) => c[i] === x)) return c; } return null; })())`, keys, table)
		var cells []string
		json.Unmarshal([]byte(text(js)), &cells)
		return cells
	}
	fmt3 := func(v *float64) string {
		if v == nil {
			return "NA"
		}
		return fmt.Sprintf("%.3f", *v)
	}

	// Credibility: the United States' commitments in 2024 (the default
	// patron), Japan's with its index, a missing component as NA.
	jsDo(ctx, t, `location.hash = 'credibility'`)
	waitFor(ctx, t, "credibility of the United States' commitments", `Number(document.getElementById('cred-table').dataset.rows || 0) > 0 && document.getElementById('cred-patron').value === '2'`)
	var cred struct {
		Commitments []struct {
			Protege    int      `json:"protege"`
			Index      *float64 `json:"index"`
			Capability *float64 `json:"capability"`
		} `json:"commitments"`
	}
	apiGet("/api/credibility?patron=2", &cred)
	if got := evalInt(ctx, t, `Number(document.getElementById('cred-table').dataset.rows)`); got != len(cred.Commitments) {
		t.Errorf("credibility: %d rows, the API lists %d commitments of the United States", got, len(cred.Commitments))
	}
	japan := row("cred-table", "United States", "Japan")
	var missing bool
	for _, c := range cred.Commitments {
		if c.Protege == 740 && (len(japan) < 6 || japan[5] != fmt3(c.Index)) {
			t.Errorf("credibility: the United States' commitment to Japan reads %q, want index %s", japan, fmt3(c.Index))
		}
		missing = missing || c.Capability == nil
	}
	if japan == nil {
		t.Error("credibility: no row for the United States' commitment to Japan")
	}
	if !missing {
		t.Error("credibility: no commitment of the United States with a missing capability (the NA check needs one)")
	} else if evalInt(ctx, t, `[...document.querySelectorAll('#cred-table tbody tr')].filter((tr) => tr.cells[7].textContent === 'NA').length`) == 0 {
		t.Error("credibility: a missing capability is not shown as NA")
	}
	screenshot(ctx, t, "credibility")

	// The security dilemma: NATO's members (the default alliance), then
	// their commitment loosened by one step with the keyboard: abandonment
	// fear rises and entrapment risk falls for the United States.
	jsDo(ctx, t, `location.hash = 'dilemma'`)
	waitFor(ctx, t, "NATO's members", `document.getElementById('dil-alliance').value === 'world:nato' && Number(document.getElementById('dil-table').dataset.rows || 0) > 0`)
	var nato []struct {
		State int `json:"ccode"`
	}
	apiGet("/api/dilemma?alliance=world:nato", &nato)
	if got := evalInt(ctx, t, `Number(document.getElementById('dil-table').dataset.rows)`); got != len(nato) || len(nato) < 30 {
		t.Errorf("dilemma: %d rows, the API lists %d members of NATO", got, len(nato))
	}
	if row("dil-table", "Germany") == nil || row("dil-table", "United States") == nil {
		t.Error("dilemma: Germany or the United States missing from NATO's members")
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("dil-steps")), chromedp.SendKeys(chromedp.ID("dil-steps"), kb.ArrowLeft)); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "NATO loosened", `document.getElementById('dil-table').dataset.steps === '-1' && document.querySelectorAll('#dil-table th').length > 14`)
	if us := evalInt(ctx, t, `(() => { for (const tr of document.querySelectorAll('#dil-table tbody tr')) if (tr.cells[0].textContent === 'United States') `+
		`return (tr.cells[11].classList.contains('up') ? 1 : 0) + (tr.cells[16].classList.contains('down') ? 2 : 0); return -1; })()`); us != 3 {
		t.Errorf("dilemma: loosening NATO by a step, the United States' abandonment rises and entrapment falls: got flags %d, want 3 (row %q)", us, row("dil-table", "United States"))
	}
	screenshot(ctx, t, "dilemma")
	// A historical year lists that year's alliances: in 1914 ATOP's, and
	// the Dual Alliance of 1879 (atop:1335) has Germany among its members.
	jsDo(ctx, t, `document.getElementById('dil-year').value = '1914'; document.getElementById('dil-steps').value = '0'; document.getElementById('dil-year').dispatchEvent(new Event('change'))`)
	waitFor(ctx, t, "alliances of 1914", `!document.querySelector('#dil-alliance option[value="world:nato"]') && !!document.querySelector('#dil-alliance option[value="atop:1335"]')`)
	jsDo(ctx, t, `document.getElementById('dil-alliance').value = 'atop:1335'; document.getElementById('dil-alliance').dispatchEvent(new Event('change'))`)
	waitFor(ctx, t, "the Dual Alliance in 1914", `document.getElementById('dil-table').dataset.alliance === 'atop:1335' && document.getElementById('dil-title').textContent.includes('1914') && [...document.querySelectorAll('#dil-table tbody tr')].some((tr) => tr.cells[0].textContent === 'Germany')`)

	// Reliability: the rates by type under Leeds, Long & Mitchell's rule.
	jsDo(ctx, t, `location.hash = 'reliability'`)
	waitFor(ctx, t, "reliability by type", `Number(document.getElementById('rel-table').dataset.rows || 0) > 1`)
	var rel struct {
		Overall []struct {
			Honoured int `json:"honoured"`
			N        int `json:"n"`
		} `json:"overall"`
	}
	apiGet("/api/reliability?by=type", &rel)
	if all := row("rel-table", "all"); len(rel.Overall) != 1 || len(all) < 3 || all[1] != fmt.Sprint(rel.Overall[0].Honoured) || all[2] != fmt.Sprint(rel.Overall[0].N) {
		t.Errorf("reliability: row %q, the API's overall %+v", all, rel.Overall)
	}
	if row("rel-table", "defense") == nil {
		t.Error("reliability: no row for defence pacts")
	}
	screenshot(ctx, t, "reliability")

	// Why alliances end: the reference construction (745 ATOP alliances)
	// with its Cox table as the API gives it, then by type, then COW's
	// memberships, which code no cause.
	jsDo(ctx, t, `location.hash = 'survival'`)
	waitFor(ctx, t, "survival of ATOP alliances", `Number(document.getElementById('sv-km').dataset.rows || 0) === 1 && Number(document.getElementById('sv-cox').dataset.rows || 0) === 5`)
	var surv struct {
		Survival []struct {
			N      int `json:"n"`
			Events int `json:"events"`
		} `json:"survival"`
		Cox struct {
			Lines []struct {
				Name  string  `json:"name"`
				HR    float64 `json:"hazard_ratio"`
				Lower float64 `json:"lower"`
				Upper float64 `json:"upper"`
			} `json:"coefficients"`
			PH []struct {
				Chisq float64 `json:"chisq"`
			} `json:"ph_test"`
		} `json:"cox"`
	}
	apiGet("/api/survival", &surv)
	if all := row("sv-km", "all"); len(surv.Survival) != 1 || len(all) < 3 || all[1] != fmt.Sprint(surv.Survival[0].N) || all[2] != fmt.Sprint(surv.Survival[0].Events) {
		t.Errorf("survival: row %q, the API's curve %+v", all, surv.Survival)
	}
	if len(surv.Cox.Lines) != 5 {
		t.Fatalf("survival: the API's Cox model has %d lines, want 5", len(surv.Cox.Lines))
	}
	l := surv.Cox.Lines[3]
	if got := row("sv-cox", l.Name); len(got) < 9 || got[4] != fmt.Sprintf("%.3f", l.HR) || got[5] != fmt.Sprintf("%.3f–%.3f", l.Lower, l.Upper) || got[7] != fmt.Sprintf("%.2f", surv.Cox.PH[3].Chisq) {
		t.Errorf("survival: Cox row %q, the API's %+v, PH chi2 %.2f", got, l, surv.Cox.PH[3].Chisq)
	}
	if g := row("sv-cox", "GLOBAL PH test"); len(g) < 8 || g[7] != fmt.Sprintf("%.2f", surv.Cox.PH[len(surv.Cox.PH)-1].Chisq) {
		t.Errorf("survival: global PH row %q", g)
	}
	if n := evalInt(ctx, t, `Number(document.getElementById('sv-km-chart').dataset.lines) + 10 * Number(document.getElementById('sv-cif-chart').dataset.lines)`); n != 21 {
		t.Errorf("survival: charts draw %d curves and %d causes, want 1 and 2", n%10, n/10)
	}
	screenshot(ctx, t, "survival")
	jsDo(ctx, t, `document.getElementById('sv-by').value = 'type'; document.getElementById('sv-by').dispatchEvent(new Event('change'))`)
	waitFor(ctx, t, "survival by type", `Number(document.getElementById('sv-km').dataset.rows || 0) > 4`)
	if row("sv-km", "defense") == nil || row("sv-km", "nonaggression") == nil {
		t.Error("survival by type: no curve of defence or non-aggression pacts")
	}
	jsDo(ctx, t, `document.getElementById('sv-by').value = ''; document.getElementById('sv-source').value = 'cow'; document.getElementById('sv-level').value = 'member'; document.getElementById('sv-source').dispatchEvent(new Event('change'))`)
	waitFor(ctx, t, "COW memberships", `document.getElementById('sv-title').textContent.startsWith('COW member spells') && document.getElementById('sv-cif-box').hidden && Number(document.getElementById('sv-cox').dataset.rows || 0) === 4`)
	// A refused query: the API's message, naming the parameter, in the
	// status line.
	jsDo(ctx, t, `document.getElementById('sv-covariates').value = 'asymm'; document.getElementById('sv-go').click()`)
	waitFor(ctx, t, "refused covariate reported", `document.getElementById('status').textContent.includes('no covariate "asymm" for cow')`)
	jsDo(ctx, t, `document.getElementById('sv-covariates').value = ''; document.getElementById('status').textContent = ''`)

	// Simulation: Europe in 1914, 200 runs, seed 1: Germany's share on
	// Austria-Hungary's side as the API gives it.
	jsDo(ctx, t, `location.hash = 'simulate'`)
	waitFor(ctx, t, "shipped scenarios listed", `!!document.querySelector('#sim-scenario option[value="europe-1914"]')`)
	jsDo(ctx, t, `document.getElementById('sim-scenario').value = 'europe-1914'`)
	if v := text(`document.getElementById('sim-runs').value + '/' + document.getElementById('sim-seed').value`); v != "200/1" {
		t.Errorf("simulation: runs/seed %q, want the small default 200/1", v)
	}
	click(ctx, t, chromedp.ID("sim-go"))
	waitFor(ctx, t, "simulation of 1914", `document.getElementById('sim-table').dataset.scenario === 'europe-1914' && !document.getElementById('sim-go').disabled`)
	var sim struct {
		States []struct {
			CCode int       `json:"ccode"`
			Side  []float64 `json:"side"`
		} `json:"states"`
	}
	apiGet("/api/simulate?scenario=europe-1914&runs=200&seed=1", &sim)
	germany := row("sim-table", "Germany (255)")
	for _, st := range sim.States {
		if st.CCode == 255 {
			if want := fmt.Sprintf("%.1f%%", 100*st.Side[0]); len(germany) < 2 || germany[1] != want {
				t.Errorf("simulation: Germany's row %q, want %s with Austria-Hungary", germany, want)
			}
		}
	}
	if germany == nil {
		t.Error("simulation of 1914: no row for Germany")
	}
	screenshot(ctx, t, "simulate")
	// A refused run: the API's message in the status line, the button back.
	jsDo(ctx, t, `document.getElementById('sim-runs').value = '0'`)
	click(ctx, t, chromedp.ID("sim-go"))
	waitFor(ctx, t, "refused simulation reported", `document.getElementById('status').textContent.includes('runs 0') && !document.getElementById('sim-go').disabled`)
	jsDo(ctx, t, `document.getElementById('sim-runs').value = '200'`)

	// The forecast: its five most likely pairs, the first as the API
	// ranks it (the model fitted by the page's request is reused).
	if testing.Short() {
		return
	}
	jsDo(ctx, t, `location.hash = 'forecast'; document.getElementById('fc-top').value = '5'`)
	click(ctx, t, chromedp.ID("fc-go"))
	waitWithin(ctx, t, 5*time.Minute, "forecast", `Number(document.getElementById('fc-table').dataset.rows || 0) === 5 && !document.getElementById('fc-go').disabled`)
	var fc struct {
		Picks []struct {
			A     int    `json:"ccode1"`
			B     int    `json:"ccode2"`
			NameA string `json:"name1"`
			NameB string `json:"name2"`
		} `json:"picks"`
	}
	apiGet("/api/forecast?top=5", &fc)
	if first := row("fc-table", "1"); len(fc.Picks) != 5 || len(first) < 7 || first[1] != fmt.Sprintf("%s (%d)", fc.Picks[0].NameA, fc.Picks[0].A) ||
		first[2] != fmt.Sprintf("%s (%d)", fc.Picks[0].NameB, fc.Picks[0].B) || !strings.Contains(first[4], "logit") {
		t.Errorf("forecast: first row %q, the API's first pick %+v", first, fc.Picks)
	}
	screenshot(ctx, t, "forecast")
}

// jsDo runs a script for its effect.
func jsDo(ctx context.Context, t *testing.T, script string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](script+"; null")); err != nil {
		t.Fatalf("%s: %v", script, err)
	}
}

func click[S chromedp.Selectable](ctx context.Context, t *testing.T, sel S) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(sel)); err != nil {
		t.Fatalf("click %v: %v", sel, err)
	}
}
