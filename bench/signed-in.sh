#!/usr/bin/env bash
# Signed-in page benchmark: the account page of a signed-in person (session lookup, the
# person's schools, rendering) against the public role page, under the same wrk load, in the
# same run; prints requests/s and p99 for both and the ratio signed-in/public.
#
# Usage: bench/signed-in.sh        (RAAMWERK_BIN=… skips the build; APP_PORT, WRK_* as serve.sh)
set -euo pipefail

APP_PORT="${APP_PORT:-18441}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-64}"
WRK_DURATION="${WRK_DURATION:-10s}"
WRK_WARMUP="${WRK_WARMUP:-2s}"

# shellcheck source=lib/app.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"
bench_start
# shellcheck source=lib/wrk.sh
source "$repo/bench/lib/wrk.sh"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

bench_serve

# A school with two members, one of whom signs in.
school="$("$BIN" admin create-school --name "Bench College" --sector vo --students 900 --region UT --database "$db" 2>/dev/null)"
"$BIN" admin create-user --school "$school" --email collega@bench.nl --name Collega --permission lid --database "$db" >/dev/null 2>&1
cookie="$(staff_cookie "$school" decaan@bench.nl "De Decaan" coordinator SPE,COO)"
curl -fsS -H "Cookie: $cookie" "$base/nl/account" | grep -q "Bench College" || { echo "the account page does not show the school" >&2; exit 1; }

echo "===== Raamwerk signed-in page benchmark ($(date -u +%Y-%m-%dT%H:%M:%SZ)) ====="
echo "load: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency (after a $WRK_WARMUP warm-up), SQLite"
wrk_run public-role-page "$base/nl/rollen/begeleider"
wrk_run account-page "$base/nl/account" -H "Cookie: $cookie"
awk -v a="$RPS_account_page" -v p="$RPS_public_role_page" \
  'BEGIN { r = (p > 0 ? a / p : 0); printf "ratio signed-in/public %.2f (%s the issue-3 target of 0.80)\n", r, (r >= 0.8 ? "meets" : "BELOW") }'
