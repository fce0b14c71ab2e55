#!/usr/bin/env bash
# Mutation testing of the three places where a wrong line costs a user most (issue 17):
#   clock    services/CaseTracker.Domain/Clock/**            tested by tests/CaseTracker.Domain.Tests
#   rules    services/CaseTracker.Domain/Cases/CaseRules.cs,  CaseDecider*.cs  (same tests)
#   counter  services/CaseTracker.Reporting/Counting/**      tested by tests/CaseTracker.Reporting.Tests
#
#   bash infra/mutation.sh [clock|rules|counter ...]   (default: all three)
#
# Installs dotnet-stryker (the version our registry serves) into a tool directory of its own, runs it per target
# and prints one line per target: "<target>: score N % (killed K, survived S, timeout T, no coverage C)".
# The HTML and JSON reports stay in StrykerOutput/<target>/ under the repository (git-ignored).
# Not part of CI (a run takes tens of minutes on two cores); run it before changing the clock, the rules or the counter.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source infra/lib/common.sh
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

version=5.1.0
tools=${STRYKER_TOOL_PATH:-$HOME/.cache/casetracker/stryker-$version}
if [ ! -x "$tools/dotnet-stryker" ]; then
  log "installing dotnet-stryker $version into $tools"
  dotnet tool install dotnet-stryker --version "$version" --tool-path "$tools" >/dev/null
fi

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(clock rules counter)
root=$(pwd)
summary=()
for target in "${targets[@]}"; do
  case "$target" in
    clock)   project=services/CaseTracker.Domain/CaseTracker.Domain.csproj; tests=tests/CaseTracker.Domain.Tests
             mutate=(-m "**/Clock/**/*.cs") ;;
    rules)   project=services/CaseTracker.Domain/CaseTracker.Domain.csproj; tests=tests/CaseTracker.Domain.Tests
             mutate=(-m "**/Cases/CaseRules.cs" -m "**/Cases/CaseDecider*.cs") ;;
    counter) project=services/CaseTracker.Reporting/CaseTracker.Reporting.csproj; tests=tests/CaseTracker.Reporting.Tests
             mutate=(-m "**/Counting/**/*.cs") ;;
    *) die "unknown target: $target (clock, rules or counter)" ;;
  esac
  out="$root/StrykerOutput/$target"
  rm -rf "$out"; mkdir -p "$root/StrykerOutput"
  log "mutating $target"
  (cd "$tests" && "$tools/dotnet-stryker" --project "$(basename "$project")" "${mutate[@]}" \
      --reporter json --reporter html --reporter progress --output "$out" --skip-version-check \
      --concurrency "${STRYKER_CONCURRENCY:-2}") >"$root/StrykerOutput/$target.log" 2>&1 \
    || { tail -30 "$root/StrykerOutput/$target.log"; die "stryker failed on $target (log: StrykerOutput/$target.log)"; }
  report=$(find "$out" -name mutation-report.json | head -1)
  summary+=("$(python3 - "$report" "$target" <<'PY'
import json, sys
report, target = sys.argv[1], sys.argv[2]
counts = {}
for f in json.load(open(report))["files"].values():
    for m in f["mutants"]:
        counts[m["status"]] = counts.get(m["status"], 0) + 1
killed, timeout = counts.get("Killed", 0), counts.get("Timeout", 0)
survived, nocov = counts.get("Survived", 0), counts.get("NoCoverage", 0)
detected, valid = killed + timeout, killed + timeout + survived + nocov
score = 100.0 * detected / valid if valid else 0.0
print(f"{target}: score {score:.1f} % (killed {killed}, survived {survived}, timeout {timeout}, no coverage {nocov})")
PY
)")
done
printf '%s\n' "${summary[@]}"
