#!/usr/bin/env bash
# Whole-command timings of 'entente simulate': baltic-crisis (ten
# simulated years on the embedded world) with 1,000, 3,000 and 10,000 runs
# written to Parquet, and europe-1914 (from the data). Reports wall time,
# CPU time and peak resident memory (GNU time -v): memory must stay flat
# in the number of runs. Target (issue 18, 2-core machine): 10,000 runs of
# baltic-crisis under 60 s. The Go benchmarks are
# 'go test -run ^$ -bench . ./simulate ./simulate/tables'.
#
# Usage: bash bench/simulate.sh   (data from $ENTENTE_DATA or ../shared/data)
set -euo pipefail
. "$(dirname "$0")/lib.bash"

for n in 1000 3000 10000; do
	run "baltic-crisis, $n runs" simulate baltic-crisis --runs "$n" --out "$tmp/b$n"
done
run "baltic-crisis, 10000 runs, shard 0/2" simulate baltic-crisis --runs 10000 --shard 0/2 --out "$tmp/s"
run "baltic-crisis, 10000 runs, shard 1/2" simulate baltic-crisis --runs 10000 --shard 1/2 --out "$tmp/s"
run "merge 2 shards of 10000 runs" merge --out "$tmp/m" "$tmp/s"
cmp "$tmp/b10000/decisions.parquet" "$tmp/m/decisions.parquet" && echo "merged = unsharded (decisions.parquet)"
run "europe-1914, 10000 runs" simulate europe-1914 --data "$data" --runs 10000 --out "$tmp/e"
