#!/usr/bin/env bash
# Audit records benchmark: a simulated site with 1,000,000 audit records over a year, one API-token connection,
# one collector reading them all. Prints the backfill's records per second and Ferry's CPU per record, the NDJSON
# export's MB/s with the heap before, during and after it, and the steady-state lag against the poll interval.
#   bench/audit.sh                        # H2 file database
#   bench/audit.sh --database=postgres    # PostgreSQL at 127.0.0.1:5432, database test, schema ferry_bench
# Further options: --records=250000 --poll=10s --lag-seconds=60 --jvm="-Xmx512m" --no-analyze (PostgreSQL: no
# ANALYZE before the export; this machine runs PostgreSQL with autovacuum off)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests
mvn -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/app/target/bench.classpath" -Dmdep.includeScope=test
java -Xmx2g -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" dev.ferry.bench.AuditBench "$@"
