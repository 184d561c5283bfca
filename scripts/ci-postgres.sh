#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests (CI and local), using Debian's server binaries.
#   scripts/ci-postgres.sh start DIR   → initialises DIR, starts on a free port, prints the URL
#   scripts/ci-postgres.sh stop DIR    → stops it and removes DIR
# Password auth for user postgres (password "postgres"), listening on 127.0.0.1 only.
# Durability is switched off: the data is thrown away after the run.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
command="${1:-}"
dir="${2:-}"
if [[ -z "$command" || -z "$dir" ]]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

# initdb refuses to run as root: run the server as the `postgres` OS user when we are root.
as_owner() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$command" in
  start)
    if [[ ! -x "$PG_BIN/initdb" ]]; then
      echo "PostgreSQL 15 server binaries not found in $PG_BIN (apt-get install postgresql)" >&2
      exit 2
    fi
    mkdir -p "$dir"
    if [[ "$(id -u)" == "0" ]]; then chown postgres:postgres "$dir"; fi
    chmod 700 "$dir"
    port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
    as_owner bash -c "printf '%s\n' postgres > '$dir/pwfile'"
    as_owner "$PG_BIN/initdb" --pgdata="$dir/data" --username=postgres --pwfile="$dir/pwfile" \
      --auth-host=scram-sha-256 --auth-local=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$PG_BIN/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --wait --timeout=60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "postgres://postgres:postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      as_owner "$PG_BIN/pg_ctl" --pgdata="$dir/data" --mode=fast --wait stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
