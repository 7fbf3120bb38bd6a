#!/usr/bin/env bash
# Side-by-side speed against the R peers, whole process with a warm file
# cache (each case runs once unmeasured first, then five times), with the
# parsed cache (docs/data.md) warm (the targets), cold (emptied before
# each run: parse and write every entry) and off (--no-cache). The parsed
# cache lives in a temporary directory, never the user's.
#
#   fpsim    all five fpsim measures (S, CINC-weighted S, kappa, pi, tau-b)
#            for every directed dyad of 1980 under --convention fpsim, to
#            Parquet. fpsim itself takes 24.6-44 s for 1980 on this machine;
#            target ≤ 0.05 s (≥ 500× fpsim).
#   chain    the columns of peacesciencer's create_dyadyears() %>%
#            add_atop_alliance() %>% add_nmc() %>% add_cow_majors() %>%
#            add_contiguity() %>% add_capital_distance() %>%
#            add_minimum_distance() %>% add_gml_mids() %>% filter_prd()
#            for 1816-2016 to Parquet (docs/panel.md); peacesciencer takes
#            8.6-16 s; target ≤ 0.4 s. Also without filter_prd (every
#            directed dyad-year).
#
# Reports the fastest and median wall time, CPU time (user + sys) and peak
# resident memory of the five runs (GNU time -v).
#
# Usage: bash bench/peers.sh   (data from $ENTENTE_DATA or ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data="${ENTENTE_DATA:-$(pwd)/../shared/data}"
if [ ! -d "$data" ]; then
	echo "bench/peers.sh: no data directory ($data); set ENTENTE_DATA" >&2
	exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/entente" ./cmd/entente

runs=5
export ENTENTE_CACHE="$tmp/cache"
# bench NAME MODE ARGS...: MODE is warm, cold or off.
bench() {
	local name="$1" mode="$2"
	shift 2
	if [ "$mode" = off ]; then
		set -- "$@" --no-cache
	fi
	name="$name [cache $mode]"
	"$tmp/entente" "$@" >/dev/null 2>&1 || { "$tmp/entente" "$@" >/dev/null; exit 1; }
	: >"$tmp/runs.txt"
	for _ in $(seq "$runs"); do
		if [ "$mode" = cold ]; then
			rm -rf "$ENTENTE_CACHE"
		fi
		/usr/bin/time -v "$tmp/entente" "$@" 2>"$tmp/time.txt" >/dev/null
		awk -F': ' '
			/Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
			/User time/ { u = $2 } /System time/ { s = $2 }
			/Maximum resident set size/ { rss = $2 }
			END { printf "%.3f %.2f %d\n", wall, u + s, rss / 1024 }' "$tmp/time.txt" >>"$tmp/runs.txt"
	done
	sort -n "$tmp/runs.txt" | awk -v name="$name" -v runs="$runs" '
		{ w[NR] = $1; c[NR] = $2; if ($3 > rss) rss = $3 }
		END { printf "%-58s wall %.3f s fastest, %.3f s median; cpu %.2f s (median run); peak RSS %d MiB\n", name, w[1], w[int((runs + 1) / 2)], c[int((runs + 1) / 2)], rss }'
}

echo "entente vs fpsim and peacesciencer, $(nproc) cores, $(go version | cut -d' ' -f3), $(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
fpsim_vars=sim_s,sim_s_cinc,sim_kappa,sim_pi,sim_taub
chain_vars='atop_*,cinc*,milex*,milper*,irst*,pec*,tpop*,upop*,cowmaj*,conttype,capdist_km,mindist_km,gml*'
for mode in warm cold off; do
	bench "fpsim: five measures, 1980 (24,180 rows)" "$mode" panel dyads --data "$data" --years 1980 --convention fpsim --vars "$fpsim_vars" --out "$tmp/f.parquet"
	bench "chain, filter_prd, 1816-2016" "$mode" panel dyads --data "$data" --filter relevant --vars "$chain_vars" --out "$tmp/c.parquet"
done
bench "chain, every dyad-year, 1816-2016" warm panel dyads --data "$data" --vars "$chain_vars" --out "$tmp/a.parquet"
