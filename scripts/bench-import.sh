#!/usr/bin/env bash
# Lead import benchmark (not a test): imports ROWS generated leads (default 1,000,000) the way the
# lead-import job does, next to a raw PostgreSQL COPY of the same file, and prints rows/s and heap.
#
#   ROWS=1000000 scripts/bench-import.sh
#
# Environment: ROWS; CHUNK (rows per transaction, default 1000 as in the job); PARTITIONS (parts of
# the file written side by side, default 2 as omnireach.import.partitions); MVN_ARGS (extra
# Maven arguments, e.g. -o or -Dmaven.repo.local=...); JAVA_OPTS (extra JVM options);
# OMNIREACH_TEST_PG / OMNIREACH_TEST_PG_USER (server, default jdbc:postgresql://127.0.0.1:5432/
# as user postgres). The bench creates and drops its own database omnireach_bench_<random>.
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS="${ROWS:-1000000}"
export ROWS

# shellcheck disable=SC2086 # MVN_ARGS and JAVA_OPTS are word lists
mvn -q -Pbench -pl bench -am package -DskipTests ${MVN_ARGS:-}
# a fixed, small heap: the import must stream, whatever the file size
# shellcheck disable=SC2086
exec java -Xmx512m ${JAVA_OPTS:-} -cp "bench/target/omnireach-bench.jar:bench/target/lib/*" \
  io.omnireach.bench.LeadImportBench "$ROWS"
