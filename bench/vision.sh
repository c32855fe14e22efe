#!/usr/bin/env bash
# Vision benchmark (issue 16): the demo school with 300 staff (its vision has two published
# versions, every area's section linked to the school's tasks, and a full allocation with
# hours). Times the vision page with its live figures (who is responsible for each linked
# task, the hours from the formula against those given), warm and right after the
# allocation changed, and the comparison of the two versions; prints the first (cold), the
# median and the worst of each (target: warm median under 20 ms).
#
# Usage: bench/vision.sh        (RAAMWERK_BIN=… skips the build; RUNS=…, SIZE=…, APP_PORT=…)
set -euo pipefail

APP_PORT="${APP_PORT:-18457}"
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
[[ "$cookie" == raamwerk_session=* ]] || { echo "could not sign in" >&2; exit 1; }
school="/nl/scholen/demoschool-de-zandloper"
vision="$(curl -fsS -H "Cookie: $cookie" "$base$school/visie")"
grep -q 'Versie 2, vastgesteld' <<<"$vision" || { echo "the demo has no published vision" >&2; exit 1; }
grep -q '<dt>Verantwoordelijk</dt>' <<<"$vision" || { echo "no practice beside the links" >&2; exit 1; }
versions=($(grep -o "$school/visie/versies/[0-9a-f-]\{36\}\"" <<<"$vision" | sed 's/.*versies\/\(.*\)"/\1/' | sort -u))
current="$(grep -o 'visie/versies/[0-9a-f-]\{36\}/visie.pdf' <<<"$vision" | head -1 | sed 's/.*versies\/\([0-9a-f-]*\)\/.*/\1/')"
older="${versions[0]:-}"
[[ -n "$older" && -n "$current" ]] || { echo "no two versions" >&2; exit 1; }
# A task linked from the vision, to change its allocation between requests.
task="$(grep -o '<span class="code">[A-Z.0-9]*</span>' <<<"$vision" | head -1 | sed 's/<[^>]*>//g')"
[[ -n "$task" ]] || { echo "no linked task" >&2; exit 1; }

time_get() { curl -fsS -o "$tmp/out" -w '%{time_total}' -H "Cookie: $cookie" "$1"; }
i=0
changed() { # the allocation of a linked task changes, then the page is read
  i=$((i + 1))
  local op
  op=$([[ $((i % 2)) == 1 ]] && echo remove || echo add)
  curl -fsS -o /dev/null -H "Cookie: $cookie" -H "Origin: $base" --data-urlencode "op=$op" \
    --data-urlencode "party=outside:ouders" --data-urlencode "part=uitvoerend" \
    "$base$school/taken/$task"
  time_get "$1"
}
report() { # name, then the command that times one request
  local name="$1"; shift
  local first times median worst
  first="$("$@")"
  times="$(for _ in $(seq 1 "$RUNS"); do "$@"; echo; done | sort -n)"
  median="$(echo "$times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
  worst="$(echo "$times" | tail -1)"
  printf '%-36s first %7.1f ms   median %7.1f ms   worst %7.1f ms   (%s bytes)\n' \
    "$name" "$(awk -v t="$first" 'BEGIN { print t * 1000 }')" "$(awk -v t="$median" 'BEGIN { print t * 1000 }')" \
    "$(awk -v t="$worst" 'BEGIN { print t * 1000 }')" "$(stat -c %s "$tmp/out")"
}

echo "===== Raamwerk vision ($(date -u +%Y-%m-%dT%H:%M:%SZ)): $SIZE staff, $RUNS runs each ====="
report "vision page with live figures, warm" time_get "$base$school/visie"
report "vision page after an allocation change" changed "$base$school/visie"
report "two versions compared" time_get "$base$school/visie/vergelijken?van=$older&naar=$current"
report "draft page (coordinator)" time_get "$base$school/visie/concept"
