#!/usr/bin/env bash
# Whole-command timings of 'entente network': the yearly table 1816–2016
# with Louvain and signed blocs, from ATOP and from COW, written to Parquet.
# Reports wall time, CPU time and peak resident memory (GNU time -v).
# Target (issue 21, 2-core machine): under 10 s. The Go benchmark is
# 'go test -run ^$ -bench Series ./network'.
#
# Usage: bash bench/network.sh   (data from $ENTENTE_DATA or ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${ENTENTE_DATA:-$(pwd)/../shared/data}"
if [ ! -d "$data" ]; then
	echo "bench/network.sh: no data directory ($data); set ENTENTE_DATA" >&2
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
	printf '%-36s wall %8s  cpu %5.2fs user + %4.2fs sys  peak RSS %5d MiB\n' "$name" "$wall" "$user" "$sys" "$((rss / 1024))"
}

echo "entente network on $(nproc) cores, $(go version | cut -d' ' -f3), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3; do
	run "ATOP defence 1816-2016 (#$i)" network --data "$data" --years 1816-2016 --out "$tmp/n.parquet"
done
run "COW defence 1816-2016" network --data "$data" --years 1816-2016 --source cow --out "$tmp/n.parquet"
run "ATOP any obligation 1816-2016" network --data "$data" --years 1816-2016 --type any --out "$tmp/n.parquet"
