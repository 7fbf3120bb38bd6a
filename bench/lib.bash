# Shared by the whole-command timing scripts bench/panel.sh and
# bench/network.sh (not itself a bench/*.sh, so make bench does not run it):
# source it after 'set -euo pipefail'. It moves to the
# module root, finds the data directory ($ENTENTE_DATA or ../shared/data),
# builds entente into a temporary directory, and defines
#
#	run NAME ARGS...   run entente ARGS under GNU time -v and print NAME
#	                   with wall time, CPU time, peak resident memory and,
#	                   when the command reports it, "wrote N rows".
cd "$(dirname "$0")/.."
data="${ENTENTE_DATA:-$(pwd)/../shared/data}"
if [ ! -d "$data" ]; then
	echo "$0: no data directory ($data); set ENTENTE_DATA" >&2
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

echo "entente on $(nproc) cores, $(go version | cut -d' ' -f3), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
