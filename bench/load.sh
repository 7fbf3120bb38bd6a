#!/bin/sh
# load.sh measures loading every dataset in the data directory: the wall
# time and peak resident memory of one history.Open plus every file Open
# does not need (BenchmarkOpen with -benchtime=1x), and of building all
# 201 Worlds (BenchmarkWorldAllYears), and the loads through the parsed
# cache (BenchmarkOpenCache: parse, cold and warm, for World and for the
# fpsim files; the cache lives in a temporary directory). The process
# includes the Go test binary's own start-up.
#
# Usage: bench/load.sh [data-dir]   (default: $ENTENTE_DATA, else ../shared/data)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-${ENTENTE_DATA:-$root/../shared/data}}
bin=$(mktemp -d)/history.test
trap 'rm -rf "$(dirname "$bin")"' EXIT
cd "$root"
go test -c -o "$bin" ./history
for b in 'BenchmarkOpen$' 'BenchmarkWorldAllYears$' 'BenchmarkOpenCache$'; do
	out=$(ENTENTE_DATA=$data /usr/bin/time -v "$bin" -test.run '^$' -test.bench "$b" -test.benchtime 1x -test.benchmem 2>&1)
	echo "$out" | grep -E '^Benchmark'
	echo "$out" | awk -F': ' '/Elapsed \(wall clock\)/ {print "  process wall time: " $2} /Maximum resident set size/ {printf "  peak RSS: %.0f MiB\n", $2/1024}'
done
echo "machine: $(nproc) cores, $(uname -m), $(go version | cut -d' ' -f3)"
