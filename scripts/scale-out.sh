#!/usr/bin/env bash
# Several servers, one database (not a test): builds once, starts SERVERS Liberty servers of that
# build on one fresh PostgreSQL database (ports BASE_PORT, BASE_PORT+1, ...; shared JWT keys and
# master key), then drives work through them (io.omnireach.bench.ScaleOut): an import of LEADS
# leads, a workflow start → send → wait → send → end enrolled for all of them, replies read by the
# reply poller from an IMAP inbox; kills one server with kill -9 once KILL_AT emails arrived and
# lets the others finish. Then it checks every step and message exactly once (duplicates only in
# the window of docs/reliability.md), that the outbox and the runs drained without the killed
# server, and prints the split of the work per server. See docs/scaling.md.
#
#   scripts/scale-out.sh                  # 2 servers, then 3 (two fresh databases)
#   SERVERS=3 LEADS=600 scripts/scale-out.sh
#
# Environment: SERVERS (a list, default "2 3"); LEADS (300); REPLIES (20); WAIT (ISO duration
# between the two sends, PT20S); KILL (which server to kill, 1-based, default 2); KILL_AT (emails
# received before the kill, default LEADS/2); BASE_PORT (9400; server i listens on BASE_PORT+i-1);
# PG (jdbc:postgresql://127.0.0.1:5432), DB (omnireach_scale); SKIP_BUILD=1 reuses the build;
# MVN_ARGS (e.g. -o); KEEP=1 leaves the servers and the database for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

SERVER_COUNTS="${SERVERS:-2 3}"
LEADS="${LEADS:-300}"
REPLIES="${REPLIES:-20}"
WAIT="${WAIT:-PT20S}"
KILL="${KILL:-2}"
KILL_AT="${KILL_AT:-$((LEADS / 2))}"
BASE_PORT="${BASE_PORT:-9400}"
PG="${PG:-jdbc:postgresql://127.0.0.1:5432}"
DB="${DB:-omnireach_scale}"
OUT="$ROOT/app/target/scale-out"
WLP="$OUT/wlp"

say() { printf '\033[1;35m==>\033[0m %s\n' "$*"; }

# 1. one build: the WAR, the bench driver, the Liberty runtime from the local Maven repository
if [[ -z "${SKIP_BUILD:-}" ]]; then
  say "Building (once)..."
  # shellcheck disable=SC2086 # MVN_ARGS is a word list
  mvn -q -B -pl app,bench -am package -Pbench -DskipTests -Dspotless.check.skip=true \
    -Domnireach.skip-npm=true ${MVN_ARGS:-}
fi
WAR="$ROOT/app/target/omnireach.war"
[[ -f "$WAR" ]] || { echo "no $WAR: run without SKIP_BUILD" >&2; exit 2; }
LIBERTY_VERSION="$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' pom.xml)"
PG_VERSION="$(ls "$ROOT/bench/target/lib" | sed -n 's/^postgresql-\(.*\)\.jar$/\1/p' | head -1)"
if [[ ! -x "$WLP/bin/server" ]]; then
  ZIP="$HOME/.m2/repository/io/openliberty/openliberty-runtime/$LIBERTY_VERSION/openliberty-runtime-$LIBERTY_VERSION.zip"
  [[ -f "$ZIP" ]] || (cd app && mvn -q -B dependency:get \
    -Dartifact="io.openliberty:openliberty-runtime:$LIBERTY_VERSION:zip" ${MVN_ARGS:-})
  mkdir -p "$OUT" && rm -rf "$WLP" && unzip -q "$ZIP" -d "$OUT"
fi

# shared by every server: the JWT key pair and the master key (one directory), the database
KEYS="$OUT/keys"
mkdir -p "$KEYS"
[[ -f "$KEYS/master.key" ]] || head -c 32 /dev/urandom | base64 > "$KEYS/master.key"

psql_() { psql -h 127.0.0.1 -U postgres -d postgres -qAt -v ON_ERROR_STOP=1 "$@"; }

PIDS_STARTED=()
stop_all() {
  local n="$1"
  for ((i = 1; i <= n; i++)); do
    "$WLP/bin/server" stop "scale$i" >/dev/null 2>&1 || true
  done
}

run_with() {
  local n="$1"
  say "== $n servers on one database ($DB) =="
  stop_all 3
  psql_ -c "drop database if exists $DB with (force)" -c "create database $DB"
  local urls="" pids="" hosts
  for ((i = 1; i <= n; i++)); do
    local name="scale$i" port=$((BASE_PORT + i - 1)) dir="$WLP/usr/servers/scale$i"
    rm -rf "$dir"
    "$WLP/bin/server" create "$name" >/dev/null   # server.env with the generated keystore password
    mkdir -p "$dir/apps" "$dir/jdbc"
    cp "$ROOT"/app/src/main/liberty/config/*.xml "$dir/"
    cp "$WAR" "$dir/apps/omnireach.war"
    cp "$ROOT/bench/target/lib/postgresql-$PG_VERSION.jar" "$dir/jdbc/postgresql.jar"
    # this server resolves the mailbox host to its own loopback address: the sink then knows
    # which server sent each message (nothing else differs between the servers)
    hosts="$dir/hosts"
    printf '127.0.0.1 localhost %s\n127.0.0.%d mail.scale.test\n' "$(hostname)" "$i" > "$hosts"
    echo >> "$dir/server.env"   # the generated file ends without a newline
    cat >> "$dir/server.env" <<ENV
OMNIREACH_DB_URL=$PG/$DB
OMNIREACH_DEV_MODE=true
OMNIREACH_JWT_KEY_DIR=$KEYS
OMNIREACH_MASTER_KEY=$(cat "$KEYS/master.key")
OMNIREACH_HTTP_PORT=$port
OMNIREACH_PUBLIC_URL=http://localhost:$port
OMNIREACH_CHANNEL_ALLOW_PRIVATE_HOSTS=true
OMNIREACH_REPLIES_POLL_SECONDS=2
OMNIREACH_WORKFLOWS_TICK_SECONDS=1
OMNIREACH_OUTBOX_SWEEP_SECONDS=5
OMNIREACH_OUTBOX_LEASE_SECONDS=30
OMNIREACH_DB_POOL_MAX=10
ENV
    printf -- '-Xmx512m\n-Djdk.net.hosts.file=%s\n' "$hosts" > "$dir/jvm.options"
    urls+="${urls:+,}http://127.0.0.1:$port"
    pids+="${pids:+,}$WLP/usr/servers/.pid/$name.pid"
  done
  # the first server creates and migrates the database; the others start once it is ready
  "$WLP/bin/server" start scale1 >/dev/null
  until curl -fsS "http://127.0.0.1:$BASE_PORT/health/ready" >/dev/null 2>&1; do sleep 2; done
  for ((i = 2; i <= n; i++)); do "$WLP/bin/server" start "scale$i" >/dev/null & done
  wait
  say "servers up: $urls"
  local rc=0
  java -Xmx512m -cp "$ROOT/bench/target/omnireach-bench.jar:$ROOT/bench/target/lib/*" \
    -Dscale.urls="$urls" -Dscale.pids="$pids" -Dscale.jdbc="$PG/$DB" \
    -Dscale.servers="$n" -Dscale.leads="$LEADS" -Dscale.replies="$REPLIES" \
    -Dscale.wait="$WAIT" -Dscale.kill="$((KILL - 1))" -Dscale.kill-at="$KILL_AT" \
    io.omnireach.bench.ScaleOut || rc=$?
  if [[ -z "${KEEP:-}" ]]; then
    stop_all "$n"
    psql_ -c "drop database if exists $DB with (force)"
  fi
  return "$rc"
}

status=0
for n in $SERVER_COUNTS; do
  run_with "$n" || status=1
done
exit "$status"
