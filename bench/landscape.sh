#!/usr/bin/env bash
# Landscape theory timings: the Go benchmarks of package landscape (exact
# search at n = 16..30, the heuristic at n = 20 and 200 and, at n = 200,
# parallel tempering against simulated annealing, exhaustive basins at
# n = 20) and whole-command timings of `entente landscape` on the Syria
# fixture and on Europe 1936 from the real data. Targets on 2 cores: exact
# search with every local minimum at n = 24 within 1 s and n = 30 within
# 30 s; the heuristic at n = 200 within 2 s.
set -euo pipefail
cd "$(dirname "$0")/.."
go test -run '^$' -bench 'Exact|Anneal|Basins' -benchtime 1x -benchmem ./landscape
go build -o /tmp/entente-bench ./cmd/entente
fix=../shared/fixtures/landscape/syria2016
if [ -d "$fix" ]; then
  echo "syria2016 (11 actors, exact, all basins):"
  /usr/bin/time -f "  %es elapsed, %MKB max RSS" /tmp/entente-bench landscape \
    --actors "$fix/actors.csv" --propensity "$fix/propensity_raw.csv" --offset 3 >/dev/null
fi
data=${ENTENTE_DATA:-../shared/data}
if [ -d "$data" ]; then
  echo "europe 1936 (17 states from the data, exact, all basins; includes loading the history):"
  /usr/bin/time -f "  %es elapsed, %MKB max RSS" /tmp/entente-bench landscape --year 1936 --data "$data" \
    --states UKG,CZE,DEN,EST,FIN,FRN,GMY,GRC,HUN,ITA,LAT,LIT,POL,POR,ROM,RUS,YUG >/dev/null
fi
