#!/usr/bin/env bash
# Knowledge retrieval benchmark (not a test): top-10 search over CHUNKS (default 100,000) chunks of
# one tenant through the product's HNSW query vs an exact scan of the same table in the same run
# (p50/p95, recall@10), and the knowledge indexing path's chunks/s beside the raw embedding rate of
# the in-process MiniLM model. Needs pgvector on the server (scripts/pgvector.sh).
#
#   CHUNKS=100000 scripts/bench-retrieval.sh
#
# Environment: CHUNKS; MVN_ARGS (extra Maven arguments, e.g. -o); JAVA_OPTS;
# OMNIREACH_TEST_PG / OMNIREACH_TEST_PG_USER (server). The bench creates and drops its own database.
set -euo pipefail
cd "$(dirname "$0")/.."

CHUNKS="${CHUNKS:-100000}"

# shellcheck disable=SC2086 # MVN_ARGS and JAVA_OPTS are word lists
mvn -q -Pbench -pl bench -am package -DskipTests -Domnireach.skip-npm=true ${MVN_ARGS:-}
# shellcheck disable=SC2086
exec java -Xmx2g ${JAVA_OPTS:-} -cp "bench/target/omnireach-bench.jar:bench/target/lib/*" \
  io.omnireach.bench.RetrievalBench "$CHUNKS"
