# shellcheck shell=bash
# Sourced by scripts/bench-ui.sh and scripts/bench-api.sh: builds the app (and the bench module),
# runs it as a Liberty server of its own (omnireach-bench, next to ./omnireach's server in
# app/target/liberty/wlp) in dev mode — demo tenant acme, admin@acme.demo — on a fresh database,
# and on exit stops it and drops the database.
#
# Environment: BENCH_PORT (HTTP port, default 9460); BENCH_DB (database, default
# omnireach_bench_<random>); BENCH_HEAP (server -Xmx, default 1g); BENCH_JVM_OPTS (more server
# JVM options, space-separated, e.g. a JFR recording); MVN_ARGS (extra Maven
# arguments, e.g. -o); SKIP_BUILD=1 uses the war and server already built.

BENCH_PORT="${BENCH_PORT:-9460}"
BENCH_DB="${BENCH_DB:-omnireach_bench_$RANDOM$RANDOM}"
BENCH_HEAP="${BENCH_HEAP:-1g}"
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
WLP="$PWD/app/target/liberty/wlp"
BENCH_SERVER=omnireach-bench
BENCH_SERVER_DIR="$WLP/usr/servers/$BENCH_SERVER"

bench_psql() { psql -X -q -At -h 127.0.0.1 -p 5432 -U postgres -d postgres "$@"; }

bench_build() {
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    # shellcheck disable=SC2086 # MVN_ARGS is a word list
    mvn -q -B -Pbench -pl app,bench -am package -DskipTests -Dspotless.check.skip=true \
      -Domnireach.skip-npm=true ${MVN_ARGS:-}
  fi
  # The Open Liberty runtime the build uses (the Liberty Maven plugin's download, or this one)
  local version repo
  version="$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' pom.xml)"
  repo="${MAVEN_REPO:-$HOME/.m2/repository}"
  if [[ ! -x "$WLP/bin/server" ]]; then
    local zip="$repo/io/openliberty/openliberty-runtime/$version/openliberty-runtime-$version.zip"
    [[ -f "$zip" ]] || mvn -q -B dependency:get "-Dartifact=io.openliberty:openliberty-runtime:$version:zip"
    mkdir -p "$(dirname "$WLP")"
    unzip -q -o "$zip" -d "$(dirname "$WLP")"
  fi
  # A server of its own (a running ./omnireach server is left alone): config, war, JDBC driver
  rm -rf "$BENCH_SERVER_DIR"
  "$WLP/bin/server" create "$BENCH_SERVER" >/dev/null
  cp app/src/main/liberty/config/*.xml "$BENCH_SERVER_DIR/"
  mkdir -p "$BENCH_SERVER_DIR/apps" "$BENCH_SERVER_DIR/jdbc"
  cp app/target/omnireach.war "$BENCH_SERVER_DIR/apps/omnireach.war"
  cp app/target/omnireach/WEB-INF/lib/postgresql-*.jar "$BENCH_SERVER_DIR/jdbc/postgresql.jar" 2>/dev/null ||
    cp "$(ls "$repo"/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | tail -1)" \
      "$BENCH_SERVER_DIR/jdbc/postgresql.jar"
  {
    echo # server create's server.env has no newline at its end
    echo "OMNIREACH_HTTP_PORT=$BENCH_PORT"
    echo "OMNIREACH_DB_URL=jdbc:postgresql://127.0.0.1:5432/$BENCH_DB"
    echo "OMNIREACH_DEV_MODE=true"
    echo "OMNIREACH_JWT_KEY_DIR=$BENCH_SERVER_DIR/bench-keys"
    echo "OMNIREACH_PUBLIC_URL=$BENCH_URL"
  } >>"$BENCH_SERVER_DIR/server.env"
  printf -- '-Xmx%s\n' "$BENCH_HEAP" >"$BENCH_SERVER_DIR/jvm.options"
  # shellcheck disable=SC2086 # one option per word
  [[ -z "${BENCH_JVM_OPTS:-}" ]] || printf -- '%s\n' $BENCH_JVM_OPTS >>"$BENCH_SERVER_DIR/jvm.options"
}

bench_stop() {
  "$WLP/bin/server" stop "$BENCH_SERVER" >/dev/null 2>&1 || true
  bench_psql -c "drop database if exists $BENCH_DB with (force)" >/dev/null 2>&1 || true
}

bench_start() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_PORT") 2>/dev/null; then
    echo "port $BENCH_PORT is taken: set BENCH_PORT" >&2
    exit 1
  fi
  bench_psql -c "drop database if exists $BENCH_DB with (force)" >/dev/null
  trap bench_stop EXIT
  mkdir -p "$BENCH_SERVER_DIR/bench-keys"
  "$WLP/bin/server" start "$BENCH_SERVER" >/dev/null
  local deadline=$((SECONDS + 600))
  until curl -fsS "$BENCH_URL/health/ready" >/dev/null 2>&1; do
    if ((SECONDS > deadline)); then
      echo "the server did not become ready: $BENCH_SERVER_DIR/logs/messages.log" >&2
      exit 1
    fi
    sleep 2
  done
  BENCH_PID="$(cat "$WLP/usr/servers/.pid/$BENCH_SERVER.pid")"
  export BENCH_PID
}

# A bearer token of the demo admin (POST /api/v1/auth/token).
bench_token() {
  curl -fsS -H 'Content-Type: application/json' \
    -d '{"email":"admin@acme.demo","password":"omnireach-demo","tenant":"acme"}' \
    "$BENCH_URL/api/v1/auth/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
