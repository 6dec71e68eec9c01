#!/usr/bin/env bash
# Webhook inbox benchmark: wrk loads POST /webhooks/comment-created over loopback with signed
# deliveries, each with a unique X-Atlassian-Webhook-Identifier; afterwards the stored deliveries are
# counted and must equal those answered 2xx.
#   bench/webhooks.sh                      # H2 file database (the default), 16 connections, 20 s
#   bench/webhooks.sh --database=postgres  # PostgreSQL at 127.0.0.1:5432, database test, schema $FERRY_BENCH_SCHEMA (ferry_bench)
#   bench/webhooks.sh --process            # 8,000/s for 60 s with the inbox workers on: backlog, drain, CPU per webhook
#   bench/webhooks.sh --drain              # the same load with the workers off, then the workers alone work it off
# Further options: --connections=N --duration=20s --warmup=8s --worker=true (process while loading).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
mvn -q -B package -DskipTests
mvn -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/app/target/bench.classpath" -Dmdep.includeScope=test
java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" dev.ferry.bench.WebhookBench "$@"
