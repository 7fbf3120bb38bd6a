#!/usr/bin/env bash
# A Slurm job array that runs one entente simulation in shards: task i of
# the array runs shard i/N of the runs (entente reads SLURM_ARRAY_TASK_ID,
# SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT) and writes
# $OUT/shard-000i-of-000N. Run r of the simulation draws from PCG(seed, r)
# alone, so the shards' union is the unsharded run, bit for bit.
#
#   sbatch --array=0-15 deploy/slurm-simulate.sh                 # 16 shards
#   SCENARIO=europe-1914 RUNS=1000000 sbatch --array=0-63 deploy/slurm-simulate.sh
#
# Merge once every task has succeeded (a dependent job):
#
#   jid=$(sbatch --parsable --array=0-15 deploy/slurm-simulate.sh)
#   sbatch --dependency=afterok:$jid --wrap "entente merge --out \$OUT/merged \$OUT"
#
# merge checks the manifests (same scenario sha256, constants, seed,
# version and runs; every shard once) and each part's sha256. A failed
# task can be re-run alone (sbatch --array=7 ...): it rewrites the same
# bytes. Variables: SCENARIO (a shipped name or a scenario file), RUNS,
# SEED, OUT, ENTENTE (the binary), ENTENTE_DATA (for scenarios from a year
# of the history).
#SBATCH --job-name=entente-simulate
#SBATCH --array=0-7
#SBATCH --cpus-per-task=2
#SBATCH --mem=1G
#SBATCH --time=01:00:00
#SBATCH --output=entente-simulate-%A_%a.log
set -euo pipefail

SCENARIO="${SCENARIO:-baltic-crisis}"
RUNS="${RUNS:-100000}"
SEED="${SEED:-1}"
OUT="${OUT:-$PWD/simulate-$SCENARIO-seed$SEED}"
ENTENTE="${ENTENTE:-entente}"
export GOMAXPROCS="${SLURM_CPUS_PER_TASK:-2}"

if [ -z "${SLURM_ARRAY_TASK_ID:-}" ]; then
	echo "$0: not a job array task; submit with sbatch --array=0-N" >&2
	exit 2
fi
mkdir -p "$OUT"
"$ENTENTE" simulate "$SCENARIO" --runs "$RUNS" --seed "$SEED" --out "$OUT" --format json \
	>"$OUT/summary-task$SLURM_ARRAY_TASK_ID.json"
