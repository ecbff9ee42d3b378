#!/usr/bin/env bash
# Email send benchmark (not a test): sends MESSAGES (default 10,000) to a GreenMail SMTP server on
# loopback through a raw Jakarta Mail loop and through the product's outbox path (Messages.insert
# + MessageRelay with all checks, footer, tracking and DB writes) in the same run, and prints
# messages/s for both and the ratio (target: at least 80 % of the raw rate).
#
#   MESSAGES=10000 scripts/bench-send.sh
#
# Environment: MESSAGES; BATCH (rows per relay claim, default 50); MVN_ARGS (extra Maven
# arguments, e.g. -o or -Dmaven.repo.local=...); JAVA_OPTS (extra JVM options);
# OMNIREACH_TEST_PG / OMNIREACH_TEST_PG_USER (server, default jdbc:postgresql://127.0.0.1:5432/
# as user postgres). The bench creates and drops its own database omnireach_bench_<random>.
set -euo pipefail
cd "$(dirname "$0")/.."

MESSAGES="${MESSAGES:-10000}"
export MESSAGES

# shellcheck disable=SC2086 # MVN_ARGS and JAVA_OPTS are word lists
mvn -q -Pbench -pl bench -am package -DskipTests -Domnireach.skip-npm=true ${MVN_ARGS:-}
# shellcheck disable=SC2086
exec java -Xmx1g ${JAVA_OPTS:-} -cp "bench/target/omnireach-bench.jar:bench/target/lib/*" \
  io.omnireach.bench.SendBench "$MESSAGES"
