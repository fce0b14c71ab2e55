#!/usr/bin/env bash
# Stop a cluster made by start-ephemeral.sh and delete its data directory.
#
#   bash infra/postgres/stop.sh DIR
#
# `-m immediate`: the data is thrown away, so there is nothing to flush and no
# reason to wait for clients to disconnect.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"

dir=${1:?usage: stop.sh DIR}
[ -d "$dir" ] || exit 0
data=$dir/cluster
# Guard the rm -rf: only touch directories that start-ephemeral.sh could have made.
case "$(basename "$dir")" in
  casetracker-pg.*) ;;
  *) [ -f "$data/PG_VERSION" ] || die "$dir was not made by start-ephemeral.sh; not deleting it" ;;
esac

if [ -f "$data/postmaster.pid" ]; then
  bin=$(pg_bin_dir)
  if is_root; then runuser -u postgres -- "$bin/pg_ctl" -D "$data" -m immediate -s stop || true
  else "$bin/pg_ctl" -D "$data" -m immediate -s stop || true; fi
fi
rm -rf "$dir"
