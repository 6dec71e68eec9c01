#!/usr/bin/env bash
# Ticket delivery benchmark: 20 simulated Jira sites answering after 50 ms, a per-site budget of 100
# requests/s, 10,000 product events (each object fires twice: a ticket, then a comment). Prints the
# elapsed time, tickets, comments, duplicates (must be 0) and the share of the per-site budget used.
#   bench/deliveries.sh                        # H2 file database
#   bench/deliveries.sh --database=postgres    # PostgreSQL at 127.0.0.1:5432, database test, schema ferry_bench
# Further options: --sites=20 --events=10000 --latency=50 --budget=100 --workers=160 --jvm="-Xmx1g"
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests
mvn -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/app/target/bench.classpath" -Dmdep.includeScope=test
java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" dev.ferry.bench.DeliveryBench "$@"
