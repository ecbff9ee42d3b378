#!/usr/bin/env bash
# Turns TLS on in the local PostgreSQL (127.0.0.1:5432, user postgres) for the DB TLS test
# (DatabaseTlsTest) and for trying sslmode=verify-full locally.
#
# - A CA and a server certificate for localhost / 127.0.0.1 / ::1, written to
#   <data_directory>/omnireach-tls/ (ca.crt, server.crt, server.key); the CA's key stays there
#   too, so that a renewal keeps the same CA.
# - ssl=on with those files through ALTER SYSTEM, then a reload (PostgreSQL 15 reloads TLS
#   settings on SIGHUP).
# Safe for a shared cluster: pg_hba.conf is not touched ("host" lines keep matching TLS and
# plain connections, trust stays trust) and clients without TLS still connect. Idempotent: does
# nothing when TLS is on with these files and the certificate is valid for 30 more days.
# Needs root or the postgres OS user (the data directory is theirs) and openssl.
set -euo pipefail

PSQL=(psql -X -q -At -h 127.0.0.1 -p 5432 -U postgres -d postgres)
DATA="$("${PSQL[@]}" -c 'show data_directory')"
DIR="$DATA/omnireach-tls"

as_postgres() {
  if [[ "$(id -un)" == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi
}

if [[ "$(id -un)" != root && "$(id -un)" != postgres ]]; then
  echo "error: run scripts/pg-tls.sh as root or as the postgres user (it writes into $DATA)" >&2
  exit 1
fi

current="$("${PSQL[@]}" -c 'show ssl'):$("${PSQL[@]}" -c 'show ssl_cert_file')"
if [[ "$current" == "on:$DIR/server.crt" && -f "$DIR/server.crt" ]] \
  && as_postgres openssl x509 -checkend $((30 * 86400)) -noout -in "$DIR/server.crt" >/dev/null; then
  echo "== PostgreSQL TLS is on ($DIR)"
  exit 0
fi

echo "== PostgreSQL TLS: certificates in $DIR"
as_postgres mkdir -p -m 0700 "$DIR"
as_postgres bash -euo pipefail -c '
  cd "$1"
  umask 077
  if [[ ! -f ca.key || ! -f ca.crt ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 \
      -subj "/CN=OmniReach local PostgreSQL CA" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      2>/dev/null
  fi
  openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr \
    -subj "/CN=localhost" 2>/dev/null
  printf "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nextendedKeyUsage=serverAuth\n" > server.ext
  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 \
    -extfile server.ext -out server.crt 2>/dev/null
  rm -f server.csr server.ext
  chmod 0600 server.key ca.key
  chmod 0644 server.crt ca.crt
' _ "$DIR"

"${PSQL[@]}" -c "alter system set ssl_cert_file = '$DIR/server.crt'"
"${PSQL[@]}" -c "alter system set ssl_key_file = '$DIR/server.key'"
"${PSQL[@]}" -c "alter system set ssl = on"
"${PSQL[@]}" -c "select pg_reload_conf()" >/dev/null

# a reload with unusable files keeps TLS off (and logs why): check with a TLS connection
ok=""
for _ in $(seq 1 20); do
  if [[ "$(psql -X -At "host=127.0.0.1 port=5432 user=postgres dbname=postgres sslmode=verify-full sslrootcert=$DIR/ca.crt" \
      -c 'select ssl from pg_stat_ssl where pid = pg_backend_pid()' 2>/dev/null)" == t ]]; then
    ok=1; break
  fi
  sleep 0.5
done
if [[ -z "$ok" ]]; then
  echo "error: PostgreSQL did not accept a verified TLS connection; see its log" >&2
  exit 1
fi
echo "== PostgreSQL TLS is on: sslmode=verify-full&sslrootcert=$DIR/ca.crt"
