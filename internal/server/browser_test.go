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
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelT(); cancelB(); cancelA() })
	return ctx
}

// waitFor polls the JavaScript expression until it is true.
func waitFor(ctx context.Context, t *testing.T, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(45 * time.Second)
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
			t.Fatalf("%s: %s still false after 45 s; page: %s", what, expr, state)
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
	s, ts := newTest(t, func(c *Config) { c.DataDir = dataDir })
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

	// A scenario: Turkey leaves NATO; run, save, reload, find it.
	name := "Turkey leaves NATO " + time.Now().Format("150405.000")
	jsDo(ctx, t, `location.hash = 'scenario'`)
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("sc-name"))); err != nil {
		t.Fatal(err)
	}
	waitFor(ctx, t, "alliances listed", `!!document.querySelector('#ed-alliance option[value="world:nato"]')`)
	// Choices in the selects are set by script; text is typed.
	jsDo(ctx, t, `document.getElementById('sc-name').value = ''; document.getElementById('ed-op').value = 'remove_member'; `+
		`document.getElementById('ed-alliance').value = 'world:nato'; document.getElementById('ed-state').value = '640'`)
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
		t.Error("removing Turkey from NATO changed nothing in the differences table")
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
	if sc.Name != name || len(sc.Edits) != 1 || sc.Edits[0].State != 640 || sc.Edits[0].Alliance != "world:nato" {
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
