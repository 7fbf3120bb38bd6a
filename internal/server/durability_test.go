package server

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"

	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/entente/entente/internal/store"
	"github.com/entente/entente/internal/testenv"
)

// buildEntente builds the entente binary into a temporary directory.
func buildEntente(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "entente")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/entente")
	cmd.Dir = testenv.ModuleRoot()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startServe starts "entente serve" on a free loopback port and returns the
// process and its base URL once it listens.
func startServe(t *testing.T, bin string, args ...string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// A failing test must not leave a server behind.
	t.Cleanup(func() { cmd.Process.Kill() })
	urlc := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if u, ok := strings.CutPrefix(sc.Text(), "entente serve: listening on "); ok {
				urlc <- strings.TrimSuffix(u, "/")
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case u := <-urlc:
		return cmd, u
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("entente serve did not start in 30 s")
	}
	return nil, ""
}

// ack is a save the server acknowledged.
type ack struct {
	id, name, sha string
	version       int
}

// TestDurabilityKill9 saves scenarios from concurrent clients while the
// server is killed with SIGKILL at random moments, restarts it, and checks
// that every acknowledged save is present and intact.
func TestDurabilityKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills the server 50 times")
	}
	const kills, clients = 50, 4
	bin := buildEntente(t)
	dir := t.TempDir()
	storePath := filepath.Join(dir, "scenarios.db")
	token := "durability-token"
	args := []string{"--store", storePath, "--token", token}
	rng := rand.New(rand.NewPCG(19, 2026))
	client := &http.Client{Timeout: 10 * time.Second}

	var acked []ack
	ids := make([]string, clients) // each client's scenario; "" until created
	attempted := 0
	for k := 0; k < kills; k++ {
		cmd, url := startServe(t, bin, args...)
		verify(t, client, url, acked)

		ctx, stop := context.WithCancel(context.Background())
		var mu sync.Mutex
		var wg sync.WaitGroup
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func(c int) {
				defer wg.Done()
				for i := 0; ctx.Err() == nil; i++ {
					name := fmt.Sprintf("client %d kill %d save %d", c, k, i)
					body := fmt.Sprintf(`{"name":%q,"author":"durability","edits":[{"op":"set_milex","state":2,"value":%d}]}`, name, 900000000000+k*1000+i)
					mu.Lock()
					id := ids[c]
					attempted++
					mu.Unlock()
					method, path := "POST", "/api/scenarios"
					if id != "" {
						method, path = "PUT", "/api/scenarios/"+id
					}
					req, _ := http.NewRequestWithContext(ctx, method, url+path, strings.NewReader(body))
					req.Header.Set("Authorization", "Bearer "+token)
					resp, err := client.Do(req)
					if err != nil {
						return // killed, or stopped: this save is not acknowledged
					}
					b, rerr := io.ReadAll(resp.Body)
					resp.Body.Close()
					if rerr != nil || (resp.StatusCode != 200 && resp.StatusCode != 201) {
						return
					}
					var got scenarioJSON
					if err := json.Unmarshal(b, &got); err != nil || got.Scenario == nil || got.Scenario.Name != name {
						t.Errorf("acknowledgement %s: %v", b, err)
						return
					}
					mu.Lock()
					ids[c] = got.ID
					acked = append(acked, ack{id: got.ID, name: name, sha: got.SHA256, version: got.Version})
					mu.Unlock()
				}
			}(c)
		}
		time.Sleep(time.Duration(rng.IntN(250)+5) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		stop()
		wg.Wait()
	}
	cmd, url := startServe(t, bin, args...)
	verify(t, client, url, acked)
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("graceful stop: %v", err)
	}
	st, err := store.Open(storePath)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.Check(context.Background()); err != nil {
		t.Error(err)
	}
	t.Logf("%d SIGKILLs, %d saves attempted, %d acknowledged, all %d present and intact after each restart", kills, attempted, len(acked), len(acked))
	if len(acked) < kills {
		t.Errorf("only %d saves acknowledged over %d runs: the test did not exercise the store", len(acked), kills)
	}
}

// verify checks every acknowledged save: its version is in the history
// with the acknowledged checksum, and the latest acknowledged version of
// each scenario reads back with its name.
func verify(t *testing.T, client *http.Client, url string, acked []ack) {
	t.Helper()
	latest := map[string]ack{}
	byID := map[string][]ack{}
	for _, a := range acked {
		byID[a.id] = append(byID[a.id], a)
		if a.version > latest[a.id].version {
			latest[a.id] = a
		}
	}
	get := func(path string, v any) {
		resp, err := client.Get(url + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("GET %s after restart: %d %s", path, resp.StatusCode, b)
		}
		if err := json.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
			t.Fatal(err)
		}
	}
	for id, as := range byID {
		var vs []store.Version
		get("/api/scenarios/"+id+"/versions", &vs)
		have := map[int]store.Version{}
		for _, v := range vs {
			have[v.Version] = v
		}
		for _, a := range as {
			v, ok := have[a.version]
			if !ok || v.SHA256 != a.sha || v.Name != a.name {
				t.Fatalf("acknowledged save %s v%d %q lost or changed after restart: %+v", id, a.version, a.name, v)
			}
		}
		l := latest[id]
		var sc scenarioJSON
		get(fmt.Sprintf("/api/scenarios/%s/versions/%d", id, l.version), &sc)
		if sc.Scenario == nil || sc.Scenario.Name != l.name || sc.SHA256 != l.sha || len(sc.Scenario.Edits) != 1 {
			t.Fatalf("scenario %s v%d reads back as %+v", id, l.version, sc)
		}
	}
}
