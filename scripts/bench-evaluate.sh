#!/usr/bin/env bash
# Whole-command benchmark of `points evaluate` (issue 2): generates N synthetic enterprises once, then
# times `evaluate` CSV → CSV several times with a 1 GB heap and prints wall time and peak memory.
#   scripts/bench-evaluate.sh [N=1000000] [RUNS=5]
# Results and the machine they were taken on go into docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000000}
runs=${2:-5}
work=${BENCH_DIR:-$root/engine/target/bench}
mkdir -p "$work"
jar=$(ls "$root"/engine/target/points-engine-*-cli.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  (cd "$root" && mvn -q -pl engine -am package -DskipTests)
  jar=$(ls "$root"/engine/target/points-engine-*-cli.jar | head -n 1)
fi
data="$work/district-$n.csv"
if [ ! -f "$data" ]; then
  java -jar "$jar" generate --count "$n" --seed 2025 --year 2025 --out "$data"
fi
echo "input: $data ($(du -h "$data" | cut -f1)), $runs runs, java ${JAVA_OPTS:--Xmx1g -XX:+UseParallelGC}"
for i in $(seq "$runs"); do
  /usr/bin/time -f "run $i: %e s wall, %U s user, %S s sys, peak RSS %M KB" \
    java ${JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} -jar "$jar" evaluate --data "$data" --out "$work/scores-$n.csv" --year 2025 >/dev/null
done
