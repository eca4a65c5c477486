#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for the JDBC adapter's contract tests and prints its JDBC
# URL on the last line of stdout (everything else goes to stderr). Needs root (apt-get, su).
#   export INTERLOCK_TEST_PG_URL="$(.ci/postgres.sh)"
set -euo pipefail

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  echo "installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi

# a free local port: ask the kernel for one
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)"
DATA="${INTERLOCK_PG_DIR:-/tmp/interlock-pg-$PORT}"
rm -rf "$DATA"
mkdir -p "$DATA"
chown postgres:postgres "$DATA"
SOCK="$DATA/sock"

su postgres -s /bin/sh -c "'$BIN/initdb' -D '$DATA/db' -A trust -U postgres --no-sync -E UTF8" >&2
su postgres -s /bin/sh -c "mkdir -p '$SOCK'"
su postgres -s /bin/sh -c "'$BIN/pg_ctl' -D '$DATA/db' -l '$DATA/log' -w -o \"-p $PORT -k $SOCK -c listen_addresses=127.0.0.1\" start" >&2

PASS="interlock-test"
su postgres -s /bin/sh -c "'$BIN/psql' -h '$SOCK' -p $PORT -U postgres -v ON_ERROR_STOP=1 -q" >&2 <<SQL
CREATE USER interlock PASSWORD '$PASS';
CREATE DATABASE interlock OWNER interlock;
SQL

echo "stop with: su postgres -s /bin/sh -c \"$BIN/pg_ctl -D $DATA/db stop\"" >&2
echo "jdbc:postgresql://127.0.0.1:$PORT/interlock?user=interlock&password=$PASS"
