#!/usr/bin/env bash
# Latency of a running `casetracker serve` (wrk prints p50/p99). Usage:
#   casetracker serve --demo --store sqlite:/tmp/demo.db --urls http://127.0.0.1:5092   # note the admin password it prints
#   tests/CaseTracker.Web.Tests/Bench/latency.sh http://127.0.0.1:5092 admin PASSWORD "示范市青山区人民政府办公室"
set -euo pipefail
url=$1; user=$2; password=$3; agency=$4
jar=$(mktemp); trap 'rm -f "$jar" "$jar".lua' EXIT
token=$(curl -s -c "$jar" -b "$jar" "$url/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "name=$user" --data-urlencode "password=$password" "$url/login"
cookie=$(grep -P "\tcasetracker\t" "$jar" | awk '{print $6"="$7}')
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
cat > "$jar".lua <<LUA
wrk.headers["Cookie"] = "$cookie"
wrk.headers["Content-Type"] = "application/json"
n = 0
request = function()
  if wrk.method ~= "POST" then return wrk.format() end
  n = n + 1
  return wrk.format(nil, nil, nil, '{"caseNumber":"BENCH-' .. n .. '-' .. math.random(1, 1e9) .. '","agency":"$agency","on":"' .. os.date("%Y-%m-%d") .. '","channel":"Online","applicantType":"自然人","name":"压测","description":"压测"}')
end
LUA
echo "== GET /api/dashboard";  wrk -t1 -c2 -d10s --latency -s "$jar".lua "$url/api/dashboard" | grep -E " 50%| 99%|Requests/sec"
echo "== GET /dashboard";      wrk -t1 -c2 -d10s --latency -s "$jar".lua "$url/dashboard"     | grep -E " 50%| 99%|Requests/sec"
echo "== POST /api/cases (command: receive)"
sed -i '1i wrk.method = "POST"' "$jar".lua
wrk -t1 -c2 -d10s --latency -s "$jar".lua "$url/api/cases" | grep -E " 50%| 99%|Requests/sec|Non-2xx"
