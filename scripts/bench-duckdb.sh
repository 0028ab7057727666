#!/usr/bin/env bash
# The DuckDB reference for the engine's speed target (issue 2): scoring-spec §2–§7 as one DuckDB SQL query
# (scripts/duckdb-reference/DuckDbReference.java), timed on the same generated input as
# scripts/bench-evaluate.sh, and its results compared with the engine's — rows sorted, they must be
# byte-identical. Fetches DuckDB's JDBC driver with Maven on first use (about 80 MB, kept in target/).
#   scripts/bench-duckdb.sh [N=1000000] [RUNS=3]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000000}
runs=${2:-3}
work=${BENCH_DIR:-$root/engine/target/bench}
duckdb_version=1.4.4.0
mkdir -p "$work"
duckdb_jar="$work/duckdb_jdbc-$duckdb_version.jar"
if [ ! -f "$duckdb_jar" ]; then
  mvn -q dependency:copy -Dartifact="org.duckdb:duckdb_jdbc:$duckdb_version" -DoutputDirectory="$work"
fi
data="$work/district-$n.csv"
if [ ! -f "$data" ]; then
  "$root/bin/points" generate --count "$n" --seed 2025 --year 2025 --out "$data"
fi
"$root/bin/points" evaluate --data "$data" --out "$work/scores-$n.csv" --year 2025 >/dev/null 2>&1
engine_jar=$(ls "$root"/engine/target/points-engine-*-cli.jar | head -n 1)
echo "input: $data ($(du -h "$data" | cut -f1)), DuckDB $duckdb_version, $runs runs (the query's own time; the JVM and compiling the script come on top)"
for i in $(seq "$runs"); do
  java -cp "$duckdb_jar:$engine_jar" "$root/scripts/duckdb-reference/DuckDbReference.java" "$data" "$work/duckdb-$n.csv"
done
# the engine writes a BOM for Excel; DuckDB writes rows in its own order
if diff <(tail -c +4 "$work/scores-$n.csv" | tail -n +2 | LC_ALL=C sort) <(tail -n +2 "$work/duckdb-$n.csv" | LC_ALL=C sort) >/dev/null; then
  echo "results: identical to bin/points evaluate (every number, rank and tier of every row)"
else
  echo "results: DIFFERENT from bin/points evaluate — compare $work/scores-$n.csv and $work/duckdb-$n.csv" >&2
  exit 1
fi
