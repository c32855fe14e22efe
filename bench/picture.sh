#!/usr/bin/env bash
# Team picture benchmark (issue 15): the demo school with 300 staff (scans of the national
# and the school's own edition, four in five letting theirs count in the picture, two
# teams). Times the open round's team picture for the whole team and for a team, warm, and
# right after one scan that counts changed (a member saves an answer, so that scan is read
# again); prints the first (cold), the median and the worst of each (targets: warm median
# under 20 ms, after a change under 50 ms).
#
# Usage: bench/picture.sh        (RAAMWERK_BIN=… skips the build; RUNS=…, SIZE=…, APP_PORT=…)
set -euo pipefail

APP_PORT="${APP_PORT:-18453}"
RUNS="${RUNS:-31}"
SIZE="${SIZE:-300}"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

if [[ -n "${RAAMWERK_BIN:-}" ]]; then
  BIN="$RAAMWERK_BIN"
else
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/raamwerk-target}"
  (cd "$repo" && cargo build --release -p raamwerk) >&2
  BIN="$CARGO_TARGET_DIR/release/raamwerk"
fi
base="http://127.0.0.1:$APP_PORT"
db="sqlite://$tmp/bench.db"
printed="$("$BIN" demo --school-size "$SIZE" --database "$db")"
"$BIN" serve --listen "127.0.0.1:$APP_PORT" --database "$db" >"$tmp/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 300); do curl -fsS -o /dev/null "$base/readyz" 2>/dev/null && break; sleep 0.05; done

sign_in() { # "who: ADDRESS PASSWORD" → cookie
  local address password
  address="$(echo "$1" | awk '{ print $2 }')"
  password="$(echo "$1" | cut -d' ' -f3-)"
  curl -sS -o /dev/null -D - --data-urlencode "email=$address" --data-urlencode "password=$password" \
    "$base/nl/inloggen" | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }'
}
cookie="$(sign_in "$(echo "$printed" | grep '^coordinator:')")"
member="$(sign_in "$(echo "$printed" | grep '^member:')")"
[[ "$cookie" == raamwerk_session=* && "$member" == raamwerk_session=* ]] || { echo "could not sign in" >&2; exit 1; }
school="/nl/scholen/demoschool-de-zandloper"
start_page="$(curl -fsS -H "Cookie: $cookie" "$base$school")"
round="$(grep -o "$school/rondes/[0-9a-f-]\{36\}" <<<"$start_page" | head -1 || true)"
[[ -n "$round" ]] || { echo "no open round" >&2; exit 1; }
picture="$(curl -fsS -H "Cookie: $cookie" "$base$round/teambeeld")"
team="$(grep -o 'option value="[0-9a-f-]\{36\}"' <<<"$picture" | head -1 | sed 's/.*"\(.*\)"/\1/' || true)"
grep -q 'deelnemers' <<<"$picture" || { echo "the picture shows nothing" >&2; exit 1; }

time_get() { curl -fsS -o "$tmp/out" -w '%{time_total}' -H "Cookie: $cookie" "$1"; }
i=0
changed() { # one scan that counts changes, then the picture is read
  i=$((i + 1))
  local choice
  choice=$([[ $((i % 2)) == 0 ]] && echo ja || echo deels)
  curl -fsS -o /dev/null -H "Cookie: $member" --data-urlencode "field=keuze.BEG.VIS.T1" \
    --data-urlencode "value=$choice" "$base$round/opslaan"
  time_get "$1"
}
report() { # name, then the command that times one request
  local name="$1"; shift
  local first times median worst
  first="$("$@")"
  times="$(for _ in $(seq 1 "$RUNS"); do "$@"; echo; done | sort -n)"
  median="$(echo "$times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
  worst="$(echo "$times" | tail -1)"
  printf '%-34s first %7.1f ms   median %7.1f ms   worst %7.1f ms   (%s bytes)\n' \
    "$name" "$(awk -v t="$first" 'BEGIN { print t * 1000 }')" "$(awk -v t="$median" 'BEGIN { print t * 1000 }')" \
    "$(awk -v t="$worst" 'BEGIN { print t * 1000 }')" "$(stat -c %s "$tmp/out")"
}

echo "===== Raamwerk team picture ($(date -u +%Y-%m-%dT%H:%M:%SZ)): $SIZE staff, $RUNS runs each ====="
report "whole team, warm" time_get "$base$round/teambeeld"
report "one team, warm" time_get "$base$round/teambeeld?team=$team"
report "whole team, after one changed scan" changed "$base$round/teambeeld"
