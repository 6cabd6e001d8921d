#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster:
#   scripts/with-postgres.sh .venv/bin/pytest
# Exports ISUPPORT_TEST_PG_OWNER_URL (the role that owns the schema and runs migrations) and
# ISUPPORT_TEST_PG_URL (the application's role: it owns nothing, so it can never TRUNCATE the
# transition log or disable its triggers); the cluster is always removed.
set -euo pipefail
die() { echo "with-postgres: $*" >&2; exit 1; }
[ $# -gt 0 ] || { echo "usage: $0 command [args...]" >&2; exit 2; }

find_bin() {  # newest installed server version that has initdb and pg_ctl
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}
if ! BIN=$(find_bin); then
  [ "$(id -u)" -eq 0 ] || die "PostgreSQL server not installed and not root; apt-get install postgresql"
  echo "with-postgres: installing postgresql via apt-get..." >&2
  out=$( { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } 2>&1 ) \
    || { echo "$out" >&2; die "apt-get install postgresql failed"; }
  BIN=$(find_bin) || die "postgresql installed but no initdb/pg_ctl under /usr/lib/postgresql/*/bin"
fi

# PostgreSQL refuses to run as root: as root, run server tools as 'postgres'.
# cd into the temp dir so the postgres user never needs access to our cwd.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "system user 'postgres' missing"
  as_pg() { (cd "$DIR" && runuser -u postgres -- "$@"); }
else
  as_pg() { (cd "$DIR" && "$@"); }
fi

# Always /tmp: the postgres user must reach it and socket paths max ~107 chars.
DIR=$(mktemp -d /tmp/isupport-pg.XXXXXX) || die "mktemp failed"
cleanup() {
  local rc=$?
  [ -f "$DIR/data/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
[ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"

# --no-locale: the host locale may not be generated on a fresh machine.
as_pg "$BIN/initdb" -D "$DIR/data" -A trust -U isupport -E UTF8 --no-locale >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
cat >>"$DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
CONF

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 30000)); }
# Try 55432 first; a parallel run may grab the same port between check and bind, so retry on EADDRINUSE.
PORT=55432
for attempt in 1 2 3 4 5; do
  rm -f "$DIR/server.log"  # so the EADDRINUSE check only sees this attempt
  if as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -o "-p $PORT" -w -t 60 start >/dev/null 2>&1; then
    STARTED=1; break
  fi
  grep -q "Address already in use" "$DIR/server.log" 2>/dev/null || break
  PORT=$(free_port)
done
[ -n "${STARTED:-}" ] || { tail -n 20 "$DIR/server.log" >&2 2>/dev/null; die "could not start PostgreSQL (port $PORT)"; }

"$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U isupport isupport_test || die "createdb isupport_test failed"
"$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U isupport -d isupport_test \
  -c "CREATE ROLE isupport_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE" >/dev/null \
  || die "creating the application role failed"
export ISUPPORT_TEST_PG_OWNER_URL="postgresql+psycopg://isupport@127.0.0.1:$PORT/isupport_test"
export ISUPPORT_TEST_PG_URL="postgresql+psycopg://isupport_app@127.0.0.1:$PORT/isupport_test"
echo "with-postgres: $("$BIN/postgres" -V | sed 's/.*) //') up on 127.0.0.1:$PORT ($DIR)" >&2

rc=0
"$@" || rc=$?
exit "$rc"
