#!/usr/bin/env bash
# Stop the node infra/rabbitmq/start-private.sh started in DIR and delete DIR.
#
#   bash infra/rabbitmq/stop-private.sh DIR
set -euo pipefail
export PATH="$PATH:/usr/sbin"
dir=${1:?usage: stop-private.sh DIR}
if [ -f "$dir/node" ]; then
  rabbitmqctl -n "$(cat "$dir/node")" -q shutdown >/dev/null 2>&1 || true
fi
rm -rf "$dir"
