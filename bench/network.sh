#!/usr/bin/env bash
# Whole-command timings of 'entente network': the yearly table 1816–2016
# with Louvain and signed blocs, from ATOP and from COW, written to Parquet.
# Reports wall time, CPU time and peak resident memory (GNU time -v).
# Target (issue 21, 2-core machine): under 10 s. The Go benchmark is
# 'go test -run ^$ -bench Series ./network'.
#
# Usage: bash bench/network.sh   (data from $ENTENTE_DATA or ../shared/data)
set -euo pipefail
. "$(dirname "$0")/lib.bash"

for i in 1 2 3; do
	run "ATOP defence 1816-2016 (#$i)" network --data "$data" --years 1816-2016 --out "$tmp/n.parquet"
done
run "COW defence 1816-2016" network --data "$data" --years 1816-2016 --source cow --out "$tmp/n.parquet"
run "ATOP any obligation 1816-2016" network --data "$data" --years 1816-2016 --type any --out "$tmp/n.parquet"
