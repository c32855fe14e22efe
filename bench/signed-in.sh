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
PASSWORD="paars kompas vindt zeven tulpen"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [[ -n "${RAAMWERK_BIN:-}" ]]; then
  BIN="$RAAMWERK_BIN"
else
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/raamwerk-target}"
  (cd "$repo" && cargo build --release -p raamwerk) >&2
  BIN="$CARGO_TARGET_DIR/release/raamwerk"
fi
base="http://127.0.0.1:$APP_PORT"
db="sqlite://$tmp/bench.db"

"$BIN" serve --listen "127.0.0.1:$APP_PORT" --database "$db" >"$tmp/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 300); do curl -fsS -o /dev/null "$base/readyz" 2>/dev/null && break; sleep 0.05; done

# A school with two members, one of whom signs in.
school="$("$BIN" admin create-school --name "Bench College" --sector vo --students 900 --region UT --database "$db" 2>/dev/null)"
"$BIN" admin create-user --school "$school" --email collega@bench.nl --name Collega --permission lid --database "$db" >/dev/null 2>&1
link="$("$BIN" admin create-user --school "$school" --email decaan@bench.nl --name "De Decaan" --permission coordinator \
  --roles SPE,COO --base-url "$base" --database "$db" 2>/dev/null)"
curl -fsS -o /dev/null --data-urlencode "password=$PASSWORD" --data-urlencode "repeat=$PASSWORD" "$link"
cookie="$(curl -sS -o /dev/null -D - --data-urlencode "email=decaan@bench.nl" --data-urlencode "password=$PASSWORD" \
  "$base/nl/inloggen" | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }')"
[[ "$cookie" == raamwerk_session=* ]] || { echo "could not sign in" >&2; exit 1; }
curl -fsS -H "Cookie: $cookie" "$base/nl/account" | grep -q "Bench College" || { echo "the account page does not show the school" >&2; exit 1; }

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else { sub(/s$/, "", v); print v * 1000 } }'; }

run() { # name url [header]
  local name="$1" url="$2" header="${3:-}" out="$tmp/$1.txt"
  local args=(-t"$WRK_THREADS" -c"$WRK_CONNECTIONS")
  [[ -n "$header" ]] && args+=(-H "$header")
  wrk "${args[@]}" -d"$WRK_WARMUP" "$url" >/dev/null
  wrk "${args[@]}" -d"$WRK_DURATION" --latency "$url" >"$out"
  local rps p99 non2xx
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  non2xx="$(awk '/Non-2xx/ { print $NF }' "$out")"
  printf '%-22s %12s req/s   p99 %8s ms   non-2xx %s\n' "$name" "$rps" "$p99" "${non2xx:-0}"
  printf -v "RPS_${name//-/_}" '%s' "$rps"
}

echo "===== Raamwerk signed-in page benchmark ($(date -u +%Y-%m-%dT%H:%M:%SZ)) ====="
echo "load: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency (after a $WRK_WARMUP warm-up), SQLite"
run public-role-page "$base/nl/rollen/begeleider"
run account-page "$base/nl/account" "Cookie: $cookie"
awk -v a="$RPS_account_page" -v p="$RPS_public_role_page" \
  'BEGIN { r = (p > 0 ? a / p : 0); printf "ratio signed-in/public %.2f (%s the issue-3 target of 0.80)\n", r, (r >= 0.8 ? "meets" : "BELOW") }'
