#!/usr/bin/env bash
# REST API benchmark (not a test): wrk at CONNECTIONS (default 32) connections against
# GET /api/v1/leads with the demo admin's bearer token, and in the same run against
# GET /api/v1/ping (no database, a constant body: the framework's own ceiling on this server),
# on a server of its own started on a fresh database (scripts/bench-server.sh). Prints
# requests/s and p99 of both and, as the last line, "ratio: X" = leads requests/s ÷ ping requests/s.
#
#   scripts/bench-api.sh
#
# Environment: CONNECTIONS (32); DURATION (seconds per endpoint, default 20); THREADS (wrk
# threads, default 2); and those of scripts/bench-server.sh (BENCH_PORT, BENCH_DB, MVN_ARGS, ...).
# wrk is installed with apt-get when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/bench-server.sh
source scripts/bench-server.sh

CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-20}"
THREADS="${THREADS:-2}"

if ! command -v wrk >/dev/null; then
  apt-get install -y -q wrk >/dev/null
fi

bench_build
bench_start
TOKEN="$(bench_token)"

# wrk's summary: "Requests/sec: 1234.56" and, with --latency, "99%   12.34ms"
run_wrk() {
  local path="$1"
  wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" \
    -H "Authorization: Bearer $TOKEN" "$BENCH_URL$path"
}
to_ms() { # 850.12us | 12.34ms | 1.20s -> milliseconds
  python3 -c 'import sys,re; v=sys.argv[1]; n=float(re.match(r"[0-9.]+",v).group()); u=v[len(re.match(r"[0-9.]+",v).group()):]; print("%.2f" % (n/1000 if u=="us" else n*1000 if u=="s" else n*60000 if u=="m" else n))' "$1"
}

curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/leads"
# warm-up: JIT and pools, not measured
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/leads" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$BENCH_URL/api/v1/ping" >/dev/null

LEADS_OUT="$(run_wrk /api/v1/leads)"
PING_OUT="$(run_wrk /api/v1/ping)"
for out in "$LEADS_OUT" "$PING_OUT"; do
  if grep -q "Non-2xx" <<<"$out"; then
    echo "$out" >&2
    echo "error: non-2xx answers" >&2
    exit 1
  fi
done
LEADS_RPS="$(awk '/^Requests\/sec/ {print $2}' <<<"$LEADS_OUT")"
PING_RPS="$(awk '/^Requests\/sec/ {print $2}' <<<"$PING_OUT")"
LEADS_P99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$LEADS_OUT")")"
PING_P99="$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$PING_OUT")")"
PAGE="$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BENCH_URL/api/v1/leads" | wc -c)"

echo "API bench: wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s per endpoint, same server and run ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  GET /api/v1/leads (token, %s bytes)  %10.1f req/s   p99 %8.2f ms\n' "$PAGE" "$LEADS_RPS" "$LEADS_P99"
printf '  GET /api/v1/ping (trivial JAX-RS)    %10.1f req/s   p99 %8.2f ms\n' "$PING_RPS" "$PING_P99"
python3 -c 'import sys; print("ratio: %.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$LEADS_RPS" "$PING_RPS"
