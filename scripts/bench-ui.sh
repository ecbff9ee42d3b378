#!/usr/bin/env bash
# Vaadin UI load benchmark (not a test): USERS (default "50 100") concurrent signed-in users,
# each an HTTP client speaking Vaadin's client protocol (io.omnireach.bench.UiBench: page with its
# initial UIDL, then UIDL POSTs with the CSRF token and sync ids), click through dashboard →
# leads (scroll, filter) → a lead's page → runs, on a server of its own started on a fresh
# database in dev mode (demo tenant acme, 500 leads; scripts/bench-server.sh). Prints p50/p95 per
# action and the server's heap per session (heap after a full GC with the sessions open minus
# without, read over JMX). Targets: p95 < 300 ms at 50 users, <= 300 kB heap per session.
#
#   scripts/bench-ui.sh
#   RECORD=1 scripts/bench-ui.sh   # also prints the requests a real Chromium sends for the journey
#
# Environment: USERS ("50 100"); ROUNDS (journeys per user, default 3); THINK_MS (mean think
# time between clicks, default 1000); SIGN_IN_FIRST (true: all users sign in before the first
# timed click, the default; false: each user clicks right after its own sign-in); RECORD; and
# those of scripts/bench-server.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-server.sh
source scripts/bench-server.sh

USERS="${USERS:-50 100}"
ROUNDS="${ROUNDS:-3}"
THINK_MS="${THINK_MS:-1000}"
SIGN_IN_FIRST="${SIGN_IN_FIRST:-true}"

bench_build
bench_start
CP="bench/target/omnireach-bench.jar:bench/target/lib/*"
if [[ "${RECORD:-0}" == 1 ]]; then
  java -cp "$CP" io.omnireach.bench.UiJourneyRecorder "$BENCH_URL" admin@acme.demo omnireach-demo
fi
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), server -Xmx$BENCH_HEAP"
# shellcheck disable=SC2086 # USERS is a list
java -Xmx1g -Duibench.rounds="$ROUNDS" -Duibench.think-ms="$THINK_MS" \
  -Duibench.sign-in-first="$SIGN_IN_FIRST" -cp "$CP" \
  io.omnireach.bench.UiBench "$BENCH_URL" "$BENCH_PID" admin@acme.demo omnireach-demo $USERS
