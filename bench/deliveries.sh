#!/usr/bin/env bash
# Ticket delivery benchmark, a verdict about Ferry: events are posted with the delivery workers off (a warm-up
# round, then a measured one), then Ferry restarts on the same database and drains them (the first third warms it
# up). Prints Ferry's CPU per posted event and per delivery (its process only, warm), Jira calls, SQL statements and
# commits per delivery (ferry.diagnostics.count-sql, read from Actuator on the management port), the share of the
# sites' request budget used, duplicates (must be 0), and what limited the run: the budget, Ferry's CPU, the
# simulator's CPU or the machine.
#   bench/deliveries.sh                          # 20 sites × 10 requests/s, simulated sites, H2 file database
#   bench/deliveries.sh --mode=4x100             # 4 sites × 100 requests/s
#   bench/deliveries.sh --stub                   # the sites' Jira calls answered by a cheap stub (canned JSON)
#   bench/deliveries.sh --database=postgres --schema=ferry_bench   # PostgreSQL at 127.0.0.1:5432, database test
# Further options: --sites= --budget= (instead of --mode) --events= --warmup= --latency=50 --workers=160
#   --events-only (post and measure the events, no drain)
#   --quiet-sites (no webhooks from the sites while they drain; by default a person on each site comments every
#     2 s, so Ferry sees the site's webhooks arrive and trusts the statuses they keep: no status read per comment)
#   --profile-events=FILE.jfr --profile-deliveries=FILE.jfr (a Java Flight Recording of that measured round only)
#   --ferry.x=y / --spring.x=y (a Ferry setting, passed on)
#   --management-port=0 (0: a free port) --jvm="-Xmx1g" --jar=app/target/ferry.jar --no-build
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " != *" --no-build "* ]]; then
  mvn -q -B package -DskipTests
  mvn -q -B -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/app/target/bench.classpath" -Dmdep.includeScope=test
fi
java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" dev.ferry.bench.DeliveryBench "$@"
