#!/usr/bin/env bash
# Email send benchmark (not a test): sends MESSAGES (default 10,000) to an SMTP server on loopback
# through raw Jakarta Mail loops (CONNECTIONS loops in parallel, one connection each) and through
# the product's outbox path (Messages.insert + MessageRelay with all checks, footer, tracking and
# DB writes, the mailbox set to CONNECTIONS parallel SMTP connections) in the same run. Prints
# messages/s for both, the cost of usage metering and of a policy check, and as its last line
# `ratio: X` (product msg/s / raw msg/s; targets: >= 1,000 msg/s and >= 0.9).
#
#   MESSAGES=10000 CONNECTIONS=4 scripts/bench-send.sh
#
# Environment: MESSAGES; CONNECTIONS (default 4); BATCH (rows per relay claim, default 50);
# ROUNDS (default 5); SINK (greenmail, default, or sink: a minimal SMTP sink); STREAMS (angus,
# default: Angus Mail's stream provider named for both sides as the server does, or lookup:
# Jakarta Mail's service lookup per MIME part); MVN_ARGS (extra
# Maven arguments, e.g. -o or -Dmaven.repo.local=...); JAVA_OPTS (extra JVM options);
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
