#!/usr/bin/env bash
# Make sure a RabbitMQ broker answers AMQP on 127.0.0.1:5672 and print its URL.
#
#   bash infra/rabbitmq/start.sh
#
# Uses the machine's default node (rabbit@$HOSTNAME, guest/guest, which only
# works from localhost). Starting a private node would need its own
# RABBITMQ_NODENAME, ports and mnesia dir; so far one shared node is enough.
# If something already listens on 5672 we leave it alone.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/common.sh"
export PATH="$PATH:/usr/sbin"
url="amqp://guest:guest@127.0.0.1:5672/"
timeout=${RABBITMQ_START_TIMEOUT:-60}

if port_open 5672; then
  log "RabbitMQ already answering on 5672"
  echo "$url"; exit 0
fi
command -v rabbitmq-server >/dev/null || die "rabbitmq-server is not installed"

# -detached returns at once; the Debian wrapper drops to the rabbitmq user.
if ! rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
  rabbitmq-server -detached >/dev/null 2>&1 || true
fi

# `ping` only proves the Erlang node is up; the AMQP listener comes later, so
# wait for the node, then for the boot to finish, then for the port.
deadline=$((SECONDS + timeout))
until rabbitmq-diagnostics -q ping >/dev/null 2>&1; do
  [ "$SECONDS" -lt "$deadline" ] || die "RabbitMQ node did not answer ping within ${timeout}s (see /var/log/rabbitmq/)"
  sleep 0.5
done
rabbitmqctl -q await_startup --timeout "$((deadline - SECONDS > 1 ? deadline - SECONDS : 1))" >/dev/null 2>&1 || true
until port_open 5672; do
  [ "$SECONDS" -lt "$deadline" ] || die "RabbitMQ did not open port 5672 within ${timeout}s (see /var/log/rabbitmq/)"
  sleep 0.5
done
log "RabbitMQ started"
echo "$url"
