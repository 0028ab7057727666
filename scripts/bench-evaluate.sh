#!/usr/bin/env bash
# Whole-command benchmark of `points evaluate` (issue 2): generates N synthetic enterprises once, then
# times `bin/points evaluate` CSV → CSV several times — the command as users run it, with its default
# JVM options (1 GB heap) — and prints wall time, CPU time and peak memory of each run.
#   scripts/bench-evaluate.sh [N=1000000] [RUNS=5]
# JAVA_OPTS is passed through (e.g. JAVA_OPTS="-XX:+UseParallelGC" to compare collectors).
# Results and the machine they were taken on go into docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000000}
runs=${2:-5}
work=${BENCH_DIR:-$root/engine/target/bench}
points=$root/bin/points
mkdir -p "$work"
data="$work/district-$n.csv"
if [ ! -f "$data" ]; then
  "$points" generate --count "$n" --seed 2025 --year 2025 --out "$data"
fi
# a first small run builds the jar if needed and records the class-data archive bin/points keeps
head -n 101 "$data" > "$work/warm-up.csv"
"$points" evaluate --data "$work/warm-up.csv" --out "$work/warm-up-scores.csv" --year 2025 >/dev/null
echo "input: $data ($(du -h "$data" | cut -f1)), $runs runs, JAVA_OPTS=${JAVA_OPTS:-(bin/points defaults)}"
for i in $(seq "$runs"); do
  /usr/bin/time -f "run $i: %e s wall, %U s user, %S s sys, peak RSS %M KB" \
    "$points" evaluate --data "$data" --out "$work/scores-$n.csv" --year 2025 >/dev/null 2>"$work/stderr-$i.txt" \
    || { cat "$work/stderr-$i.txt" >&2; exit 1; }
  tail -n 1 "$work/stderr-$i.txt"
done
