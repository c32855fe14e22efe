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

# shellcheck source=lib/app.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"
bench_start
printed="$("$BIN" demo --school-size "$SIZE" --database "$db")"
bench_serve

cookie="$(sign_in_printed "$(echo "$printed" | grep '^coordinator:')")"
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

echo "===== Raamwerk vision ($(date -u +%Y-%m-%dT%H:%M:%SZ)): $SIZE staff, $RUNS runs each ====="
report "vision page with live figures, warm" time_get "$base$school/visie"
report "vision page after an allocation change" changed "$base$school/visie"
report "two versions compared" time_get "$base$school/visie/vergelijken?van=$older&naar=$current"
report "draft page (coordinator)" time_get "$base$school/visie/concept"
