#!/bin/bash
# Container entrypoint: HTTPS from PEM files (e.g. a mounted kubernetes.io/tls Secret) needs the
# PKCS#12 keystore Liberty reads, made here before every start; then Liberty's own entrypoint.
set -euo pipefail

if [[ -n "${OMNIREACH_TLS_CERT_FILE:-}" ]]; then
  : "${OMNIREACH_TLS_KEY_FILE:?OMNIREACH_TLS_KEY_FILE must name the private key of OMNIREACH_TLS_CERT_FILE}"
  export OMNIREACH_TLS_KEYSTORE_FILE="${OMNIREACH_TLS_KEYSTORE_FILE:-/tmp/omnireach-tls/omnireach-tls.p12}"
  if [[ -z "${OMNIREACH_TLS_KEYSTORE_PASSWORD:-}" ]]; then
    OMNIREACH_TLS_KEYSTORE_PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
    export OMNIREACH_TLS_KEYSTORE_PASSWORD
  fi
  java -cp /opt/omnireach/omnireach-core.jar io.omnireach.tls.PemKeyStore \
    "$OMNIREACH_TLS_CERT_FILE" "$OMNIREACH_TLS_KEY_FILE" "$OMNIREACH_TLS_KEYSTORE_FILE"
  export OMNIREACH_HTTPS="${OMNIREACH_HTTPS:-true}"
fi

exec /opt/ol/helpers/runtime/docker-server.sh "$@"
