#!/usr/bin/env bash
# Activity ingest benchmark: a simulated site with a year of work (20,000 issues, 100,000 changelog entries,
# 40,000 comments, 20,000 worklogs, 5,000 Confluence pages), one API-token connection, one fetch of it all.
# Prints records per second, Ferry's CPU per record, Jira calls per 1,000 records by endpoint, the heap after a
# full GC at 25 % and 100 % of the fetch, and the calls of the scheduled run after one changed issue.
#   bench/activity.sh                        # H2 file database
#   bench/activity.sh --database=postgres    # PostgreSQL at 127.0.0.1:5432, database test, schema ferry_bench
# Further options: --scale=0.25 (a quarter of the dataset) --pages=5000 --budget=1000 --jvm="-Xmx512m"
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests
mvn -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/app/target/bench.classpath" -Dmdep.includeScope=test
java -Xmx2g -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" dev.ferry.bench.ActivityBench "$@"
