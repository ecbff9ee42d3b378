#!/usr/bin/env bash
# Workflow engine benchmark (not a test): enrols RUNS leads (default 100,000) into a 3-step
# workflow, runs the engine's claim/execute loop until all runs finished, and prints steps/s next
# to a JDBC loop of single-row UPDATE transactions on the same database, in the same run, the
# time split of the chunks, and as its last line `ratio: X` (steps/s divided by tx/s).
#
#   RUNS=100000 scripts/bench-workflow.sh
#
# Environment: RUNS; CHUNK (steps claimed per transaction, default 200 as the job's item-count;
# chained start/decision/end steps run in the same transaction); RAW_TXNS (length of the
# single-row UPDATE loop, at most the steps, default 30,000);
# MVN_ARGS (extra Maven arguments, e.g. -o or -Dmaven.repo.local=...); JAVA_OPTS;
# OMNIREACH_TEST_PG / OMNIREACH_TEST_PG_USER (server). The bench creates and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-100000}"

# shellcheck disable=SC2086 # MVN_ARGS and JAVA_OPTS are word lists
mvn -q -Pbench -pl bench -am package -DskipTests ${MVN_ARGS:-}
# shellcheck disable=SC2086
exec java -Xmx512m ${JAVA_OPTS:-} -cp "bench/target/omnireach-bench.jar:bench/target/lib/*" \
  io.omnireach.bench.WorkflowStepsBench "$RUNS"
