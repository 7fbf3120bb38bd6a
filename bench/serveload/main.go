// Command serveload is the load test of entente serve (bench/serve.sh runs
// it): it starts the server on loopback, runs concurrent clients for a fixed
// time mixing reads of /api/world and /api/threat with scenario saves, and
// reports errors, latency percentiles, throughput and the server's memory
// (resident set sampled over the run, and its peak, from /proc).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"
)

func main() {
	bin := flag.String("bin", "", "the entente binary")
	data := flag.String("data", os.Getenv("ENTENTE_DATA"), "data directory")
	clients := flag.Int("clients", 50, "concurrent clients")
	dur := flag.Duration("duration", 30*time.Second, "length of the run")
	cache := flag.Int("world-cache", 0, "the server's --world-cache (0: its default)")
	flag.Parse()
	if *bin == "" || *data == "" {
		fmt.Fprintln(os.Stderr, "usage: serveload --bin ENTENTE --data DIR [--clients N] [--duration D]")
		os.Exit(2)
	}
	var extra []string
	if *cache > 0 {
		extra = append(extra, fmt.Sprintf("--world-cache=%d", *cache))
	}
	if err := run(*bin, *data, *clients, *dur, extra); err != nil {
		fmt.Fprintln(os.Stderr, "serveload:", err)
		os.Exit(1)
	}
}

type sample struct {
	kind string
	d    time.Duration
	err  error
}

func run(bin, data string, clients int, dur time.Duration, extra []string) error {
	dir, err := os.MkdirTemp("", "serveload")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	token := "load-test-token"
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", data,
		"--store", filepath.Join(dir, "s.db"), "--token", token)
	cmd.Args = append(cmd.Args, extra...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	defer cmd.Process.Kill()
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "entente serve: listening on "); ok {
				urlc <- strings.TrimSuffix(u, "/")
			}
		}
	}()
	var base string
	select {
	case base = <-urlc:
	case <-time.After(30 * time.Second):
		return fmt.Errorf("server did not start")
	}
	tr := &http.Transport{MaxIdleConnsPerHost: clients}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	// Warm up: the first historical request loads the datasets.
	if resp, err := client.Get(base + "/api/world?year=1900"); err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	rssStart := rss(cmd.Process.Pid, "VmRSS")

	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	results := make(chan []sample, clients)
	for c := 0; c < clients; c++ {
		go func(c int) {
			rng := rand.New(rand.NewPCG(uint64(c), 19))
			var out []sample
			for ctx.Err() == nil {
				out = append(out, one(ctx, client, base, token, rng, c))
			}
			results <- out
		}(c)
	}
	var rssSeries []string
	tick := time.NewTicker(dur / 6)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				rssSeries = append(rssSeries, fmt.Sprintf("%.0f", float64(rss(cmd.Process.Pid, "VmRSS"))/1024))
			}
		}
	}()
	var all []sample
	for c := 0; c < clients; c++ {
		all = append(all, <-results...)
	}
	wg.Wait()
	tick.Stop()
	peak := rss(cmd.Process.Pid, "VmHWM")
	cmd.Process.Signal(syscall.SIGTERM)
	cmd.Wait()

	byKind := map[string][]time.Duration{}
	errs := 0
	for _, s := range all {
		if s.err != nil {
			if ctx.Err() != nil && strings.Contains(s.err.Error(), "context deadline exceeded") {
				continue // cut off by the end of the run, not a server error
			}
			errs++
			if errs <= 5 {
				fmt.Println("error:", s.kind, s.err)
			}
			continue
		}
		byKind[s.kind] = append(byKind[s.kind], s.d)
		byKind["all"] = append(byKind["all"], s.d)
	}
	fmt.Printf("entente serve under load: %d clients for %v on loopback\n", clients, dur)
	fmt.Printf("%-8s %8s %10s %10s %10s\n", "request", "count", "p50", "p99", "max")
	for _, k := range []string{"world", "threat", "save", "all"} {
		ds := byKind[k]
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		if len(ds) == 0 {
			continue
		}
		fmt.Printf("%-8s %8d %10v %10v %10v\n", k, len(ds), pct(ds, 0.50), pct(ds, 0.99), ds[len(ds)-1])
	}
	fmt.Printf("errors: %d; throughput %.0f requests/s\n", errs, float64(len(byKind["all"]))/dur.Seconds())
	fmt.Printf("server memory: RSS %.0f MiB after warm-up, every %v during the run: %s MiB; peak (VmHWM) %.0f MiB\n",
		float64(rssStart)/1024, dur/6, strings.Join(rssSeries, ", "), float64(peak)/1024)
	if errs > 0 {
		return fmt.Errorf("%d errors", errs)
	}
	return nil
}

// one makes one request: 45% world, 45% threat, 10% a save.
func one(ctx context.Context, client *http.Client, base, token string, rng *rand.Rand, c int) sample {
	var req *http.Request
	kind := "world"
	year := func() string {
		if rng.IntN(4) == 0 {
			return "" // the embedded world
		}
		return fmt.Sprint(1816 + rng.IntN(201))
	}
	switch p := rng.IntN(100); {
	case p < 45:
		req, _ = http.NewRequestWithContext(ctx, "GET", base+"/api/world?year="+year(), nil)
	case p < 90:
		kind = "threat"
		y := year()
		state := "2"
		if y != "" && y < "1898" {
			state = "200" // the United Kingdom, a member throughout
		}
		req, _ = http.NewRequestWithContext(ctx, "GET", base+"/api/threat?top=10&state="+state+"&year="+y, nil)
	default:
		kind = "save"
		body := fmt.Sprintf(`{"name":"load %d %d","author":"serveload","edits":[{"op":"set_milex","state":2,"value":%d}]}`, c, rng.Int(), 800000000000+rng.IntN(1000000000))
		req, _ = http.NewRequestWithContext(ctx, "POST", base+"/api/scenarios", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+token)
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return sample{kind: kind, err: err}
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	if err == nil && resp.StatusCode >= 300 {
		err = fmt.Errorf("%s: HTTP %d", req.URL, resp.StatusCode)
	}
	return sample{kind: kind, d: d, err: err}
}

func pct(ds []time.Duration, q float64) time.Duration {
	i := int(q * float64(len(ds)-1))
	return ds[i].Round(10 * time.Microsecond)
}

// rss reads a memory figure (kB) of process pid from /proc.
func rss(pid int, field string) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field+":"); ok {
			var n int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &n)
			return n
		}
	}
	return 0
}
