#!/usr/bin/env bash
# Autosave benchmark and crash test (issue 4): CLIENTS members of one school each save notes
# through the save address the page's script uses, one after another, as fast as the server
# answers, for SECONDS; prints saves/s and p99 (targets on SQLite: at least 3,000 saves/s, p99
# under 25 ms). Then the same load again, and the server is killed with SIGKILL in the middle;
# afterwards every save the server acknowledged must be in the database, which must pass
# SQLite's integrity check (the script exits 1 if not).
#
# Usage: bench/autosave.sh    (RAAMWERK_BIN=… skips the build; CLIENTS=200, SECONDS_RUN=10,
#                              APP_PORT=18461, WRK_THREADS=2; PIN=1, PROFILE=FILE and
#                              APP_LOG=FILE as described in bench/README.md)
set -euo pipefail

APP_PORT="${APP_PORT:-18461}"
CLIENTS="${CLIENTS:-200}"
SECONDS_RUN="${SECONDS_RUN:-10}"
PASSWORD="paars kompas vindt zeven tulpen"
# PIN=1 runs the server on the first core and the load generators on the second, so that
# what the server can do is measured apart from what the load costs.
server_pin=() load_pin=()
if [[ "${PIN:-0}" == 1 ]]; then server_pin=(taskset -c 0) load_pin=(taskset -c 1); fi

# shellcheck source=lib/app.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"
bench_start


start() { bench_serve "${server_pin[@]}"; }
start

school="$("$BIN" admin create-school --name "Bench College" --sector mbo --students 9000 --region UT --database "$db" 2>/dev/null)"
sign_in() { # email permission → prints "EMAIL COOKIE"
  local link cookie
  link="$("$BIN" admin create-user --school "$school" --email "$1" --name "Collega $1" --permission "$2" \
    --roles BEG,SPE,COO --base-url "$base" --database "$db" 2>/dev/null)"
  curl -fsS -o /dev/null --data-urlencode "password=$PASSWORD" --data-urlencode "repeat=$PASSWORD" "$link"
  cookie="$(curl -sS -o /dev/null -D - --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" \
    "$base/nl/inloggen" | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }')"
  echo "$1 $cookie"
}
coordinator="$(sign_in coordinator@bench.nl coordinator | cut -d' ' -f2)"
round_path="$(curl -sS -o /dev/null -D - -H "Cookie: $coordinator" --data-urlencode "name=bench" \
  --data-urlencode "starts=2026-11-25" "$base/nl/scholen/$school/rondes" | awk 'tolower($1) == "location:" { print $2 }' | tr -d '\r')"
[[ "$round_path" == /nl/scholen/* ]] || { echo "could not open a round" >&2; exit 1; }
export -f sign_in; export BIN school base db PASSWORD
seq 1 "$CLIENTS" | xargs -P 4 -I{} bash -c 'sign_in "lid{}@bench.nl" lid' >"$tmp/people"
[[ "$(grep -c raamwerk_session= "$tmp/people")" == "$CLIENTS" ]] || { echo "not everyone signed in" >&2; exit 1; }
"$BIN" framework export --format json --database "$db" | grep -o '"code": *"[A-Z]*\.[A-Z]*\.[TD][0-9]*"' \
  | sed 's/.*"\([^"]*\)"$/\1/' >"$tmp/codes"

client="$repo/bench/lib/autosave_client.py"
echo "===== Raamwerk autosave ($(date -u +%Y-%m-%dT%H:%M:%SZ)), SQLite, $CLIENTS clients, ${SECONDS_RUN}s ====="
echo "-- Python clients (one per member, each waits for its answer before the next save):"
# PROFILE=FILE records the server with perf during this run (perf report -i FILE).
perf_pid=""
if [[ -n "${PROFILE:-}" ]]; then
  perf record -q -F 2000 -o "$PROFILE" -p "$app_pid" -- sleep "$SECONDS_RUN" &
  perf_pid=$!
fi
"${load_pin[@]}" python3 "$client" run "$base$round_path/opslaan" "$tmp/people" "$tmp/codes" "$SECONDS_RUN" "$tmp/load.log"
[[ -n "$perf_pid" ]] && wait "$perf_pid"
if command -v wrk >/dev/null; then
  echo "-- wrk, $CLIENTS connections (a native load generator; the Python one shares the cores):"
  "${load_pin[@]}" wrk -t"${WRK_THREADS:-2}" -c"$CLIENTS" -d"${SECONDS_RUN}s" --latency -s "$repo/bench/lib/autosave.lua" \
    "$base$round_path/opslaan" -- "$tmp/people" "$tmp/codes" >"$tmp/wrk.txt"
  awk '/Requests\/sec/ { rps = $2 } $1 == "99%" { p99 = $2 } /Non-2xx/ { bad = $NF }
    END { printf "%s saves/s   p99 %s   non-2xx %s\n", rps, p99, (bad == "" ? 0 : bad) }' "$tmp/wrk.txt"
fi

echo "----- crash test: SIGKILL during the same load -----"
DURABLE_LOG=1 "${load_pin[@]}" python3 "$client" run "$base$round_path/opslaan" "$tmp/people" "$tmp/codes" "$SECONDS_RUN" "$tmp/crash.log" &
load_pid=$!
sleep "$(awk -v s="$SECONDS_RUN" 'BEGIN { print s / 2 }')"
kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=""
echo "server killed with SIGKILL"
wait "$load_pid" || true
python3 "$client" check "$db_file" "$tmp/crash.log"
