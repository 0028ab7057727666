#!/usr/bin/env bash
# Benchmark of the calibration methods (issue 13): per stage the fraction matrix, entropy and CRITIC weights
# and a combined draft model, then the sensitivity of that draft against panyu-2025 with the one-at-a-time
# analysis, on N synthetic enterprises (seed 2025, year 2025), RUNS times in one JVM with a 1 GB heap; prints
# each run's wall and process CPU time, then the whole process's peak RSS.
#   scripts/bench-calibration.sh [N=100000] [RUNS=3]
# Results and the machine they were taken on go into docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-100000}
runs=${2:-3}
cd "$root"
mvn -q -B -o -pl engine test-compile
mvn -q -B -o -pl engine dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
cp="engine/target/test-classes:engine/target/classes:$(cat engine/target/cp.txt)"
/usr/bin/time -f "process: %e s wall, %U s user, %S s sys, peak RSS %M KB" \
  java -Xmx1g -cp "$cp" cn.gov.panyu.points.engine.calibration.CalibrationBenchmark "$n" "$runs"
