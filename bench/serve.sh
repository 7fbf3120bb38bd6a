#!/usr/bin/env bash
# Load test of entente serve on loopback: 50 concurrent clients for 30 s
# mixing /api/world, /api/threat and scenario saves (bench/serveload).
# Prints request counts, p50/p99 latencies, errors (must be 0) and the
# server's memory during the run and at its peak. CLIENTS, DURATION and
# WORLD_CACHE (the server's --world-cache) change the run.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${ENTENTE_DATA:-$(cd .. && pwd)/shared/data}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/entente" ./cmd/entente
go run ./bench/serveload --bin "$tmp/entente" --data "$data" --clients "${CLIENTS:-50}" --duration "${DURATION:-30s}" --world-cache "${WORLD_CACHE:-0}"
