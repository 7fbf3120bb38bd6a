#!/usr/bin/env bash
# Whole-command timings of 'entente panel dyads': the full directed
# dyad-year panel 1816–2016 written to Parquet, without and with the
# similarity measures, and the state-year panel. Reports wall time and peak
# resident memory (GNU time -v). Targets (issue 4, 2-core machine): ≤3 s
# without similarity, ≤10 s with, peak memory under 2 GiB.
#
# Usage: bash bench/panel.sh   (data from $ENTENTE_DATA or ../shared/data)
set -euo pipefail
. "$(dirname "$0")/lib.bash"

for i in 1 2 3; do
	run "dyads 1816-2016, no similarity (#$i)" panel dyads --data "$data" --vars='-sim_*' --out "$tmp/d.parquet"
done
for i in 1 2 3; do
	run "dyads 1816-2016, all variables (#$i)" panel dyads --data "$data" --out "$tmp/d.parquet"
done
run "dyads 1816-2016, all, non-directed" panel dyads --data "$data" --nondirected --out "$tmp/n.parquet"
run "states 1816-2016, all" panel states --data "$data" --out "$tmp/s.parquet"
run "dyads 1816-2016, all, CSV.gz" panel dyads --data "$data" --out "$tmp/d.csv.gz"
