#!/usr/bin/env bash
# Start a RabbitMQ node of this run's own, on free ports, and print its AMQP URL (stdout, last line).
#
#   bash infra/rabbitmq/start-private.sh DIR     # DIR: an empty directory for the node's data, logs and name
#   bash infra/rabbitmq/stop-private.sh DIR
#
# Two test runs on one machine each get their own node (name ct-<port>@localhost, AMQP and Erlang-distribution ports
# picked free), so neither uses nor stops the other's broker; epmd (port 4369) is shared, which Erlang allows.
# DIR/node holds the node name: the tests pass it to rabbitmqctl -n (CASETRACKER_TEST_RABBITMQ_NODE).
# Debian's rabbitmq-server drops to the rabbitmq user, so DIR is handed to that user. The management plugin is not
# loaded (its fixed port 15672 would collide). A port taken between choosing and binding: tried again, 3 times.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
export PATH="$PATH:/usr/sbin"
dir=${1:?usage: start-private.sh DIR}
timeout=${RABBITMQ_START_TIMEOUT:-120}
command -v rabbitmq-server >/dev/null || die "rabbitmq-server is not installed"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

for attempt in 1 2 3; do
  port=$(free_port); dist=$(free_port)
  [ "$port" != "$dist" ] || continue
  node="ct-$port@localhost"
  mkdir -p "$dir"; : >"$dir/enabled_plugins"; echo "$node" >"$dir/node"
  id rabbitmq >/dev/null 2>&1 && chown -R rabbitmq:rabbitmq "$dir"
  RABBITMQ_NODENAME=$node RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=$port RABBITMQ_DIST_PORT=$dist \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" rabbitmq-server -detached >/dev/null 2>&1 || true
  deadline=$((SECONDS + timeout))
  until port_open "$port"; do
    if [ "$SECONDS" -ge "$deadline" ]; then break; fi
    sleep 0.5
  done
  if port_open "$port"; then
    log "RabbitMQ node $node started on 127.0.0.1:$port"
    echo "amqp://guest:guest@127.0.0.1:$port/"
    exit 0
  fi
  warn "RabbitMQ node $node did not open $port (attempt $attempt; see $dir/log)"
  rabbitmqctl -n "$node" -q shutdown >/dev/null 2>&1 || true
done
die "could not start a private RabbitMQ node"
