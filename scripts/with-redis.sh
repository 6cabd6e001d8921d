#!/usr/bin/env bash
# Run a command with a throwaway Redis server (the shared store of sign-in throttling):
#   scripts/with-redis.sh .venv/bin/pytest
# Exports ISUPPORT_TEST_REDIS_URL for the command; the server is always stopped and removed.
# Installs Debian's redis-server when it is missing (as root, like with-postgres.sh).
set -euo pipefail
die() { echo "with-redis: $*" >&2; exit 1; }
[ $# -gt 0 ] || { echo "usage: $0 command [args...]" >&2; exit 2; }

if ! command -v redis-server >/dev/null 2>&1; then
  [ "$(id -u)" -eq 0 ] || die "redis-server not installed and not root; apt-get install redis-server"
  echo "with-redis: installing redis-server via apt-get..." >&2
  out=$( { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server; } 2>&1 ) \
    || { echo "$out" >&2; die "apt-get install redis-server failed"; }
  command -v redis-server >/dev/null 2>&1 || die "redis-server installed but not on PATH"
fi

DIR=$(mktemp -d /tmp/isupport-redis.XXXXXX) || die "mktemp failed"
PID=""
cleanup() {
  local rc=$?
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf "$DIR"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
for attempt in 1 2 3 4 5; do
  PORT=$(free_port)
  # loopback only, nothing written to disk: the counts live as long as the test run
  redis-server --bind 127.0.0.1 --port "$PORT" --save '' --appendonly no --dir "$DIR" \
    --daemonize no --logfile "$DIR/server.log" &
  PID=$!
  for _ in $(seq 1 50); do
    if redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; then STARTED=1; break 2; fi
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.1
  done
  kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null || true; PID=""
done
[ -n "${STARTED:-}" ] || { tail -n 20 "$DIR/server.log" >&2 2>/dev/null; die "could not start redis-server"; }

export ISUPPORT_TEST_REDIS_URL="redis://127.0.0.1:$PORT/0"
echo "with-redis: $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/') up on 127.0.0.1:$PORT" >&2

rc=0
"$@" || rc=$?
exit "$rc"
