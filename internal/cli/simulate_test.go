package cli

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestSimulateExits(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("entente: entente-scenario/v1\nname: bad\nbase: {world: embedded, date: 2025-01-01}\nyears: 2\n"+
		"shocks:\n  - {date: 2025-02-01, attack: {attacker: RUS, target: Atlantis}}\n"), 0o644)
	checkExits(t, []exitCase{
		{"no scenario", []string{"simulate"}, 2, "simulate takes one SCENARIO"},
		{"unknown name", []string{"simulate", "atlantis"}, 2, "no shipped scenario \"atlantis\""},
		{"unknown state", []string{"simulate", bad, "--runs", "2"}, 1, "bad.yaml:6:56: shocks[0].attack.target: unknown state"},
		{"malformed shard", []string{"simulate", "baltic-crisis", "--shard", "4/4"}, 2, "--shard: shard 4/4: want 0 <= i < N"},
		{"shard not a spec", []string{"simulate", "baltic-crisis", "--shard", "two"}, 2, "want i/N"},
		{"bad set", []string{"simulate", "baltic-crisis", "--set", "form=2"}, 2, "form rate = 2"},
		{"bad runs", []string{"simulate", "baltic-crisis", "--runs", "0"}, 2, "--runs 0"},
		{"bad format", []string{"simulate", "baltic-crisis", "--format", "xml"}, 2, "unknown --format"},
		{"merge without out", []string{"merge", dir}, 2, "merge needs --out"},
		{"merge nothing", []string{"merge", "--out", filepath.Join(dir, "m"), dir}, 1, "no manifest.json"},
		{"summary", []string{"simulate", "baltic-crisis", "--runs", "20"}, 0, "first war: side 0 = Russia's side, side 1 = Estonia's"},
	})
}

func TestSimulateShardEnv(t *testing.T) {
	for _, c := range []struct {
		name string
		env  map[string]string
		code int
		want string
	}{
		{"slurm", map[string]string{"SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "4"}, 0, "(shard 2/4)"},
		{"slurm without count", map[string]string{"SLURM_ARRAY_TASK_ID": "3"}, 2, "SLURM_ARRAY_TASK_COUNT is not"},
		{"kubernetes", map[string]string{"JOB_COMPLETION_INDEX": "1", "ENTENTE_SHARDS": "3"}, 0, "(shard 1/3)"},
		{"kubernetes without count", map[string]string{"JOB_COMPLETION_INDEX": "1"}, 2, "pass --shards N"},
		{"kubernetes out of range", map[string]string{"JOB_COMPLETION_INDEX": "5", "ENTENTE_SHARDS": "3"}, 2, "completion index 5 of 3"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out, errs, code := runCLI(t, c.env, "simulate", "us-retrenchment", "--runs", "8")
			if code != c.code || !strings.Contains(out+errs, c.want) {
				t.Errorf("exit %d, want %d; output %q, want %q", code, c.code, out+errs, c.want)
			}
		})
	}
}

// TestSimulateMergeCommand: three shards written as a Slurm job array
// would (one --out, shard-*-of-* directories), merged by entente merge,
// equal the unsharded run byte for byte.
func TestSimulateMergeCommand(t *testing.T) {
	dir := t.TempDir()
	args := []string{"simulate", "taiwan-strait", "--runs", "30", "--seed", "5"}
	if _, errs, code := runCLI(t, nil, append(args, "--out", filepath.Join(dir, "whole"))...); code != 0 {
		t.Fatalf("unsharded: exit %d: %s", code, errs)
	}
	for i := range 3 {
		env := map[string]string{"SLURM_ARRAY_TASK_ID": string(rune('0' + i)), "SLURM_ARRAY_TASK_COUNT": "3"}
		if _, errs, code := runCLI(t, env, append(args, "--out", filepath.Join(dir, "parts"))...); code != 0 {
			t.Fatalf("shard %d: exit %d: %s", i, code, errs)
		}
	}
	if _, errs, code := runCLI(t, nil, "merge", "--out", filepath.Join(dir, "merged"), filepath.Join(dir, "parts")); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, errs)
	}
	for _, f := range []string{"manifest.json", "decisions.parquet", "sides.parquet", "wars.parquet", "years.parquet"} {
		a, err := os.ReadFile(filepath.Join(dir, "whole", f))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dir, "merged", f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: merged differs from unsharded", f)
		}
	}
}

// TestSimulateHelperProcess is not a test: TestSimulateProcesses runs the
// test binary as entente through it.
func TestSimulateHelperProcess(t *testing.T) {
	args := os.Getenv("ENTENTE_HELPER_ARGS")
	if args == "" {
		t.Skip("helper process")
	}
	os.Exit(Main(context.Background(), strings.Fields(args), os.Stdin, os.Stdout, os.Stderr))
}

// TestSimulateProcesses runs four shards as four concurrent processes,
// each told its shard by Slurm's variables as a job array would, and
// checks that their merge equals the unsharded run byte for byte.
func TestSimulateProcesses(t *testing.T) {
	dir := t.TempDir()
	args := "simulate baltic-crisis --runs 60 --seed 9 --workers 1"
	if _, errs, code := runCLI(t, nil, append(strings.Fields(args), "--out", filepath.Join(dir, "whole"))...); code != 0 {
		t.Fatalf("unsharded: exit %d: %s", code, errs)
	}
	var cmds []*exec.Cmd
	for i := range 4 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSimulateHelperProcess$")
		cmd.Env = append(os.Environ(), "ENTENTE_HELPER_ARGS="+args+" --out "+filepath.Join(dir, "parts"),
			"SLURM_ARRAY_TASK_ID="+strconv.Itoa(i+1), "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_COUNT=4")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
		defer func(i int) {
			if t.Failed() {
				t.Logf("shard %d: %s", i, stderr.String())
			}
		}(i)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("shard %d: %v", i, err)
		}
	}
	if t.Failed() {
		return
	}
	if _, errs, code := runCLI(t, nil, "merge", "--out", filepath.Join(dir, "merged"), filepath.Join(dir, "parts")); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, errs)
	}
	for _, f := range []string{"manifest.json", "decisions.parquet", "sides.parquet", "wars.parquet", "years.parquet"} {
		a, _ := os.ReadFile(filepath.Join(dir, "whole", f))
		b, _ := os.ReadFile(filepath.Join(dir, "merged", f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: merged (%d bytes) differs from unsharded (%d bytes)", f, len(b), len(a))
		}
	}
}
