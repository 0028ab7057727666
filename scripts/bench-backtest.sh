#!/usr/bin/env bash
# Benchmark of the back-test (issue 13): N synthetic enterprises (seed 2025, year 2025) with two derived later
# years, scored by panyu-2025 and a CRITIC draft, outcomes and report, RUNS times in one JVM with a 1 GB heap;
# prints each run's wall and process CPU time, then the whole process's peak RSS.
#   scripts/bench-backtest.sh [N=100000] [RUNS=3]
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
  java -Xmx1g -cp "$cp" cn.gov.panyu.points.engine.calibration.BackTestBenchmark "$n" "$runs"
