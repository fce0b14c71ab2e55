#!/usr/bin/env bash
# The two-node rehearsal: the docker-compose topology with local processes, where no container engine exists.
#
#   bash infra/nodes/rehearse.sh [SECONDS]        (load duration, default 45; REHEARSAL_WORKERS=6 caseworkers)
#
# Starts an ephemeral PostgreSQL, uses the local RabbitMQ (a fresh virtual host), installs Debian's nginx if missing,
# builds CaseTracker, LitigationTracker and the driver (Release), then the driver (infra/nodes/Rehearsal) runs two
# `casetracker serve` nodes + LitigationTracker behind nginx (infra/nodes/proxy.conf.template, the compose proxy's
# config), spreads writes over both nodes, SIGKILLs node 1 a third of the way in, restarts it at two thirds, and prints
# the figures (also written to $REHEARSAL_DIR/figures.txt). Exit status 1 when a figure that must be 0 is not.
# It leaves RabbitMQ running and everything else stopped and deleted (logs: kept when it fails).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source infra/lib/common.sh
export PATH="$PATH:/usr/sbin" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

seconds=${1:-45}
work=$(mktemp -d /tmp/casetracker-nodes.XXXXXX)
pg_dir="" vhost=""
cleanup() {
  local status=$?
  [ -n "$pg_dir" ] && bash infra/postgres/stop.sh "$pg_dir" >/dev/null 2>&1 || true
  [ -n "$vhost" ] && rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  if [ "$status" -eq 0 ]; then rm -rf "$work"; else log "logs kept in $work"; fi
}
trap cleanup EXIT

ensure_packages /usr/sbin/nginx=nginx /usr/sbin/rabbitmq-server=rabbitmq-server || die "nginx or rabbitmq-server missing"
pg_dir=$(mktemp -d /tmp/casetracker-pg.XXXXXX)
postgres=$(bash infra/postgres/start-ephemeral.sh "$pg_dir")
broker=$(bash infra/rabbitmq/start.sh)
vhost="nodes-$(date +%s)-$$"
rabbitmqctl -q add_vhost "$vhost"
rabbitmqctl -q set_permissions -p "$vhost" guest '.*' '.*' '.*'

log "building (Release)"
out="$work/bin"
dotnet build -c Release -v q -nologo services/CaseTracker/CaseTracker.csproj -o "$out/casetracker" >"$work/build.log" 2>&1 \
  && dotnet build -c Release -v q -nologo services/LitigationTracker/LitigationTracker.csproj -o "$out/litigation" >>"$work/build.log" 2>&1 \
  && dotnet build -c Release -v q -nologo infra/nodes/Rehearsal/Rehearsal.csproj -o "$out/rehearsal" >>"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; die "build failed"; }

log "rehearsing for ${seconds}s (work dir $work)"
REHEARSAL_POSTGRES="$postgres" \
REHEARSAL_RABBITMQ="${broker%/}/$vhost" \
REHEARSAL_CASETRACKER_DLL="$out/casetracker/casetracker.dll" \
REHEARSAL_LITIGATION_DLL="$out/litigation/LitigationTracker.dll" \
REHEARSAL_PROXY_TEMPLATE="$PWD/infra/nodes/proxy.conf.template" \
REHEARSAL_DIR="$work/run" \
REHEARSAL_SECONDS="$seconds" \
  dotnet "$out/rehearsal/Rehearsal.dll"
