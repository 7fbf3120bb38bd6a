#!/usr/bin/env bash
# Whole-command timings of 'entente panel dyads': the full directed
# dyad-year panel 1816–2016 written to Parquet, without and with the
# similarity measures, and the state-year panel. Reports wall time and peak
# resident memory (GNU time -v). Targets (issue 4, 2-core machine): ≤3 s
# without similarity, ≤10 s with, peak memory under 2 GiB.
#
# Usage: bash bench/panel.sh   (data from $ENTENTE_DATA or ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${ENTENTE_DATA:-$(pwd)/../shared/data}"
if [ ! -d "$data" ]; then
	echo "bench/panel.sh: no data directory ($data); set ENTENTE_DATA" >&2
	exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/entente" ./cmd/entente

run() {
	local name="$1"
	shift
	/usr/bin/time -v "$tmp/entente" "$@" 2>"$tmp/time.txt" >/dev/null || { cat "$tmp/time.txt" >&2; exit 1; }
	local wall rss user sys
	wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time.txt")"
	rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time.txt")"
	user="$(sed -n 's/.*User time (seconds): //p' "$tmp/time.txt")"
	sys="$(sed -n 's/.*System time (seconds): //p' "$tmp/time.txt")"
	printf '%-40s wall %8s  cpu %5.2fs user + %4.2fs sys  peak RSS %5d MiB  %s\n' "$name" "$wall" "$user" "$sys" "$((rss / 1024))" "$(grep -o 'wrote [0-9]* rows' "$tmp/time.txt" || true)"
}

echo "entente panel on $(nproc) cores, $(go version | cut -d' ' -f3), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3; do
	run "dyads 1816-2016, no similarity (#$i)" panel dyads --data "$data" --vars='-sim_*' --out "$tmp/d.parquet"
done
for i in 1 2 3; do
	run "dyads 1816-2016, all variables (#$i)" panel dyads --data "$data" --out "$tmp/d.parquet"
done
run "dyads 1816-2016, all, non-directed" panel dyads --data "$data" --nondirected --out "$tmp/n.parquet"
run "states 1816-2016, all" panel states --data "$data" --out "$tmp/s.parquet"
run "dyads 1816-2016, all, CSV.gz" panel dyads --data "$data" --out "$tmp/d.csv.gz"
