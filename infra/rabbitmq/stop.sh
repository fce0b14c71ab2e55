#!/usr/bin/env bash
# Stop the local RabbitMQ node. Only call this for a node you started yourself.
#
#   bash infra/rabbitmq/stop.sh [--kill-epmd]
#
# `shutdown` (unlike `stop`) waits until the Erlang VM has exited, so nothing
# lingers after a test run. The node starts epmd (Erlang port mapper) if it is
# not running; --kill-epmd removes it again (epmd refuses while nodes remain).
set -euo pipefail
export PATH="$PATH:/usr/sbin"
rabbitmqctl -q shutdown >/dev/null 2>&1 || true
if [ "${1:-}" = "--kill-epmd" ]; then
  epmd -kill >/dev/null 2>&1 || /usr/lib/erlang/bin/epmd -kill >/dev/null 2>&1 || true
fi
