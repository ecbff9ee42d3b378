#!/usr/bin/env bash
# Makes the pgvector extension available to the local PostgreSQL. Debian bookworm has no
# binary package, so it is built from Debian's own source package of the trixie suite
# (see ARCHITECTURE.md "Verified on these machines"). Does nothing when it is already there.
set -euo pipefail

PG_MAJOR="${PG_MAJOR:-$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n1 || true)}"
VERSION=0.8.0

available() {
  # The server's own view when it answers; the installed control file otherwise.
  local answer
  answer="$(psql -h 127.0.0.1 -U postgres -d postgres -Atc \
    "select 1 from pg_available_extensions where name = 'vector'" 2>/dev/null || true)"
  [[ "$answer" == 1 ]] && return 0
  [[ -n "$PG_MAJOR" && -f "/usr/share/postgresql/$PG_MAJOR/extension/vector.control" ]]
}

if available; then
  echo "== pgvector: available"
  exit 0
fi

if [[ -z "$PG_MAJOR" ]]; then
  echo "error: pgvector is missing and no local PostgreSQL is installed under /usr/lib/postgresql;" >&2
  echo "       use a server that has it (e.g. the pgvector/pgvector:pg15 image)." >&2
  exit 1
fi
if [[ "$(id -u)" != 0 ]]; then
  echo "error: pgvector is missing for PostgreSQL $PG_MAJOR and installing it needs root." >&2
  echo "       Run 'sudo scripts/pgvector.sh' once (builds pgvector $VERSION from Debian's source package)." >&2
  exit 1
fi

echo "== pgvector: building $VERSION from Debian's source package for PostgreSQL $PG_MAJOR"
export DEBIAN_FRONTEND=noninteractive
SRC_LIST=/etc/apt/sources.list.d/omnireach-trixie-src.sources
if [[ ! -f "$SRC_LIST" ]]; then
  # Same URI and keyring as the bookworm entry; source packages only.
  cat > "$SRC_LIST" <<SRC
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
apt-get update -qq
apt-get install -y -qq "postgresql-server-dev-$PG_MAJOR" build-essential dpkg-dev >/dev/null

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(
  cd "$WORK"
  apt-get source --download-only -qq "pgvector=$VERSION*" >/dev/null 2>&1 || apt-get source --download-only -qq pgvector >/dev/null
  tar xzf pgvector_*.orig.tar.gz
  cd "$(find . -maxdepth 1 -type d -name 'pgvector*' | head -n1)"
  make -s PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" >/dev/null
  make -s PG_CONFIG="/usr/lib/postgresql/$PG_MAJOR/bin/pg_config" install >/dev/null
)

if available; then
  echo "== pgvector: installed"
else
  echo "error: pgvector was built but PostgreSQL $PG_MAJOR does not list it" >&2
  exit 1
fi
