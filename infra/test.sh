#!/usr/bin/env bash
# THE one command that runs the whole CaseTracker test suite from a fresh clone:
#
#   bash infra/test.sh [--filter EXPR] [--no-services] [-- extra dotnet test args]
#
#   --filter EXPR   passed to `dotnet test --filter` (fast path for one area)
#   --no-services   start nothing, install nothing (for domain-only runs: the
#                   tests that need a service then start it themselves or fail)
#
# Provisions what the integration tests need, exports how to reach it, runs
# `dotnet test`, stops what it started, and prints as its LAST line
#   N passed, N failed[, N skipped]
# Exit status is non-zero when a test failed, the build/test run failed, or
# no test ran at all.
#
# Environment:
#   CASETRACKER_TEST_POSTGRES / _RABBITMQ / _CHROMIUM  already set => used as is,
#                   nothing is started for that service (with _RABBITMQ, set
#                   CASETRACKER_TEST_RABBITMQ_NODE too when it is not the
#                   machine's default node: the tests run rabbitmqctl -n on it).
#                   Otherwise RabbitMQ is a node of this run's own on free
#                   ports (infra/rabbitmq/start-private.sh), stopped at the end.
#   CI=true         a service that cannot be provided stops the run at once
#                   (.ci/run sets it). Without CI=true the run goes on, and
#                   the tests that need the service try on their own: the
#                   PostgreSQL tests start an ephemeral server if PostgreSQL 15
#                   is installed, the bus tests run infra/rabbitmq/start.sh,
#                   the browser tests need Chromium. Whatever is still missing
#                   FAILS those tests; none skips for a missing service.
#   SOLUTION        solution to test (default CaseTracker.sln).
#   TEST_RESULTS_DIR  keep the TRX files (in a new run.* subdir) there;
#                   default: a temp dir, deleted at the end.
#   TEST_VERBOSITY  console logger verbosity (default minimal).
set -euo pipefail
self="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
cd "$(dirname "$self")/.."
source infra/lib/common.sh
export PATH="$PATH:/usr/sbin" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

filter="" services=1 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) [ $# -ge 2 ] || die "--filter needs an expression"; filter=$2; shift 2 ;;
    --filter=*) filter=${1#*=}; shift ;;
    --no-services) services=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$self"; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
solution=${SOLUTION:-CaseTracker.sln}
[ -e "$solution" ] || die "solution not found: $solution"
case "${CI:-}" in true|TRUE|True|1) ci=1 ;; *) ci=0 ;; esac

# Locally a missing service is left to the tests (they start it themselves or
# fail); in CI it stops the run before any test, with the reason.
missing_service() {
  if [ "$ci" = 1 ]; then die "$1 (CI=true: every service must be available)"; fi
  warn "$1; the tests that need it will try to start it themselves, and fail if they cannot"
}

work=$(mktemp -d /tmp/casetracker-test.XXXXXX)
pg_data="" rabbit_dir="" epmd_was_running=0
pgrep -x epmd >/dev/null 2>&1 && epmd_was_running=1

# Stop only what this script started. Silent, so the summary stays the last line.
cleanup() {
  set +e
  if [ -n "$pg_data" ]; then bash infra/postgres/stop.sh "$pg_data" >/dev/null 2>&1; pg_data=""; fi
  if [ -n "$rabbit_dir" ]; then
    bash infra/rabbitmq/stop-private.sh "$rabbit_dir" >/dev/null 2>&1
    # epmd refuses to stop while another run's node is registered: then it stays, as it should.
    [ "$epmd_was_running" = 1 ] || epmd -kill >/dev/null 2>&1 || /usr/lib/erlang/bin/epmd -kill >/dev/null 2>&1 || true
    rabbit_dir=""
  fi
  rm -rf "$work"
}
# On a signal, end the dotnet test we started (and its test hosts), then exit
# so the EXIT trap stops the services.
dotnet_pid=""
kill_tree() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$child"; done
  kill -TERM "$1" 2>/dev/null || true
}
on_signal() { [ -z "$dotnet_pid" ] || kill_tree "$dotnet_pid"; exit 130; }
trap cleanup EXIT
trap on_signal INT TERM

# ---- provisioning ---------------------------------------------------------
if [ "$services" = 1 ]; then
  t0=$SECONDS
  # One apt-get update + install for everything missing (no-op when provisioned).
  wanted=()
  [ -n "${CASETRACKER_TEST_POSTGRES:-}" ] || wanted+=("$(pg_bin_dir)/initdb=postgresql")
  [ -n "${CASETRACKER_TEST_RABBITMQ:-}" ] || wanted+=(/usr/sbin/rabbitmq-server=rabbitmq-server)
  [ -n "${CASETRACKER_TEST_CHROMIUM:-}" ] || wanted+=(/usr/bin/chromium=chromium
    /usr/bin/chromedriver=chromium-driver /usr/share/fonts/truetype/wqy/wqy-microhei.ttc=fonts-wqy-microhei)
  ensure_packages "${wanted[@]}" || true   # each service below reports what is still missing

  if [ -n "${CASETRACKER_TEST_POSTGRES:-}" ]; then
    log "PostgreSQL: using the given CASETRACKER_TEST_POSTGRES"
  else
    pg_data=$(mktemp -d /tmp/casetracker-pg.XXXXXX)
    if cs=$(bash infra/postgres/start-ephemeral.sh "$pg_data"); then
      export CASETRACKER_TEST_POSTGRES="$cs"
    else
      missing_service "could not start PostgreSQL"
    fi
  fi

  if [ -n "${CASETRACKER_TEST_RABBITMQ:-}" ]; then
    log "RabbitMQ: using the given CASETRACKER_TEST_RABBITMQ"
  else
    # A node of this run's own on free ports (not the machine's node on 5672): two runs on one machine do not collide.
    rabbit_dir=$(mktemp -d /tmp/casetracker-rabbit.XXXXXX)   # set before starting so a half-started node is stopped too
    if url=$(bash infra/rabbitmq/start-private.sh "$rabbit_dir"); then
      export CASETRACKER_TEST_RABBITMQ="$url" CASETRACKER_TEST_RABBITMQ_NODE="$(cat "$rabbit_dir/node")"
    else
      missing_service "could not start RabbitMQ"
    fi
  fi

  if [ -n "${CASETRACKER_TEST_CHROMIUM:-}" ]; then
    [ -x "$CASETRACKER_TEST_CHROMIUM" ] || missing_service "CASETRACKER_TEST_CHROMIUM=$CASETRACKER_TEST_CHROMIUM is not executable"
  elif chromium=$(bash infra/chromium/install.sh); then
    export CASETRACKER_TEST_CHROMIUM="$chromium"
  else
    missing_service "Chromium is not available"
  fi
  log "provisioning took $((SECONDS - t0)) s"
else
  log "--no-services: starting nothing; tests that need a service start it themselves or fail"
fi

# ---- tests ----------------------------------------------------------------
results=$work/results
if [ -n "${TEST_RESULTS_DIR:-}" ]; then   # kept; a fresh subdir so old TRX files are not counted
  mkdir -p "$TEST_RESULTS_DIR"; results=$(mktemp -d "$TEST_RESULTS_DIR/run.XXXXXX")
fi
# Plain `--logger trx` (default file names) on purpose: with LogFileName=X every
# test project writes the same X and all but the last project's results are
# lost ("WARNING: Overwriting results file"); the default names are unique.
args=(test "$solution" -c Release --results-directory "$results"
      --logger trx --logger "console;verbosity=${TEST_VERBOSITY:-minimal}")
[ -n "$filter" ] && args+=(--filter "$filter")
# The whole solution is built first: `dotnet test` builds only what the test
# projects reference, and the benchmarks must keep compiling too. A build
# error counts as one failure.
# In the background + `wait`: bash runs a trap only after the foreground
# command returns, so a cancelled CI job would otherwise leave services up.
set +e
dotnet build "$solution" -c Release -nologo -clp:ErrorsOnly &
dotnet_pid=$!
wait "$dotnet_pid"
build_rc=$?
test_rc=0
if [ "$build_rc" -eq 0 ]; then
  dotnet "${args[@]}" --no-build "${extra[@]}" &
  dotnet_pid=$!
  wait "$dotnet_pid"
  test_rc=$?
fi
dotnet_pid=""
set -e

# Count over every TRX file. Counters.notExecuted stays 0 for xunit skips
# (they only lower `executed`), so "skipped" is total - passed - failed:
# everything that did not run to a verdict. A skipped test is never a pass.
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, os, sys
import xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True):
    try:
        c = ET.parse(path).getroot().find("{*}ResultSummary/{*}Counters")
    except ET.ParseError as e:  # e.g. a test host killed mid-write
        print(f"[infra] WARNING: unreadable {path}: {e}", file=sys.stderr)
        c = None
    if c is None:
        continue
    n = lambda k: int(c.get(k, 0))
    bad = n("failed") + n("error") + n("timeout") + n("aborted")
    p += n("passed"); f += bad; s += max(n("total") - n("passed") - bad, 0)
print(p, f, s)
PY
)

cleanup   # stop services now so nothing prints after the summary
rc=0
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  warn "dotnet test exited with $test_rc (build error or test host crash)"; rc=1
fi
if [ $((passed + failed)) -eq 0 ]; then warn "no test ran"; rc=1; fi
if [ "$build_rc" -ne 0 ]; then warn "the solution does not build"; failed=$((failed + 1)); fi
[ "$failed" -gt 0 ] && rc=1
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary+=", $skipped skipped"
echo "$summary"
exit "$rc"
