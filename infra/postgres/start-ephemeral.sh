#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster for tests and print its connection
# string on stdout.
#
#   bash infra/postgres/start-ephemeral.sh [DIR]   (DIR: new or empty; default: a temp dir)
#
# Why ephemeral instead of the system cluster: every run starts from an empty
# server on a free port, so concurrent runs and leftovers from earlier runs
# cannot interfere, and stop.sh simply deletes the directory.
# Auth is `trust`, but only over TCP on 127.0.0.1 (no Unix socket at all).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

bin=$(pg_bin_dir)
[ -x "$bin/initdb" ] || die "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin)"

# $dir holds the cluster ($dir/cluster) plus the logs next to it (initdb
# wants an empty target directory).
dir=${1:-$(mktemp -d /tmp/casetracker-pg.XXXXXX)}
data=$dir/cluster
mkdir -p "$dir"
chmod 700 "$dir"

# initdb refuses to run as root: hand the directory to `postgres` and run the
# server binaries as that user.
run_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }
if is_root; then chown postgres:postgres "$dir"; fi

# --no-sync: skip initdb's final fsync; this directory is deleted after the run anyway.
run_pg "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; die "initdb failed in $data"; }

printf 'host all all 127.0.0.1/32 trust\n' >"$data/pg_hba.conf"
cp "$data/postgresql.conf" "$dir/postgresql.conf.initdb"

# A free port from the kernel can be taken by someone else before postgres binds it: when the start fails because
# the address is in use, take another port and start again (up to 5 times); any other failure stops at once.
for attempt in 1 2 3 4 5; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cp "$dir/postgresql.conf.initdb" "$data/postgresql.conf"
  cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = ''
CONF
  rm -f "$dir/server.log"   # this attempt's log only (postgres writes it: do not create it as another user)
  if run_pg "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 -s start; then break; fi
  if ! grep -qs "Address already in use" "$dir/server.log" || [ "$attempt" = 5 ]; then
    tail -n 20 "$dir/server.log" >&2; die "PostgreSQL did not start (see $dir/server.log)"
  fi
  warn "port $port was taken before PostgreSQL bound it; trying another"
done

log "PostgreSQL running on 127.0.0.1:$port (dir: $dir); stop with: bash infra/postgres/stop.sh $dir"
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
