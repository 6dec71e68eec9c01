#!/usr/bin/env bash
# Two Ferry nodes on one PostgreSQL, one killed with SIGKILL mid-run (the scenario of TwoNodesIT, with more
# traffic): a product posts events (each object fires twice: a ticket, then a comment) and Jira sends webhooks,
# to both nodes in turn; once 40 % is acknowledged node-2 gets SIGKILL and what it did not answer goes to
# node-1. Prints what each node acknowledged, lost and duplicate tickets, comments and webhooks (must be 0),
# the singleton job runs (none may overlap) and the time node-1 took to finish after the kill.
#   bench/nodes.sh                                  # PostgreSQL at 127.0.0.1:5432, database test, schema ferry_bench_nodes
# The reconcile runs every 5 s, the OAuth refresh every 2 s, singleton job leases 10 s, unless given.
# Options: --objects=1000 --webhooks=2000 --threads=16 --kill-at=0.4 --lease=20s --latency=20 --schema=...
#          --database=jdbc:postgresql://host:5432/db?user=... --jvm="-Xmx512m"; --ferry.x=y goes to both nodes.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests
mvn -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/app/target/bench.classpath" -Dmdep.includeScope=test
java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" dev.ferry.e2e.TwoNodesBench "$@"
