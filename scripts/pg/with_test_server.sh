#!/usr/bin/env bash
# Runs a command with a private PostgreSQL 15 server on 127.0.0.1, loaded with the
# test fixtures, and stops it afterwards even when the command fails:
#
#   bash scripts/pg/with_test_server.sh swift test
#
# The command finds the server in EVALBOOK_TEST_PG (postgresql://postgres@127.0.0.1:PORT/evalbook_test).
# Installs Debian's postgresql when its initdb is missing. The server runs as the
# `postgres` user when this runs as root (CI does), as the current user otherwise.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$BIN/initdb" ]; then
  echo "installing postgresql (for the PostgreSQL tests)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
DIR=$(mktemp -d /tmp/evalbook-pg.XXXXXX)
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
PORT=$(( 20000 + RANDOM % 30000 ))
while ss -ltn 2>/dev/null | grep -q ":$PORT "; do PORT=$(( 20000 + RANDOM % 30000 )); done
stop() {
  as_server "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
as_server "$BIN/initdb" -D "$DIR/data" -U postgres -A trust --no-sync >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log"; exit 1; }
# One role signs in with a password (the authentication tests); everyone else is trusted.
{
  echo "host all evalbook_pw 127.0.0.1/32 scram-sha-256"
  echo "host all all 127.0.0.1/32 trust"
} > "$DIR/data/pg_hba.conf"
as_server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c fsync=off" start >/dev/null \
  || { cat "$DIR/server.log"; exit 1; }
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE evalbook_test" >/dev/null
"${PSQL[@]}" -d evalbook_test -f Tests/EvalPostgresTests/Fixtures/load.sql >/dev/null
export EVALBOOK_TEST_PG="postgresql://postgres@127.0.0.1:$PORT/evalbook_test"
echo "PostgreSQL test server: $EVALBOOK_TEST_PG"
"$@"
