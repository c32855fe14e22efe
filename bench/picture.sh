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

# shellcheck source=lib/app.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"
bench_start
printed="$("$BIN" demo --school-size "$SIZE" --database "$db")"
bench_serve

cookie="$(sign_in_printed "$(echo "$printed" | grep '^coordinator:')")"
member="$(sign_in_printed "$(echo "$printed" | grep '^member:')")"
[[ "$cookie" == raamwerk_session=* && "$member" == raamwerk_session=* ]] || { echo "could not sign in" >&2; exit 1; }
school="/nl/scholen/demoschool-de-zandloper"
start_page="$(curl -fsS -H "Cookie: $cookie" "$base$school")"
round="$(grep -o "$school/rondes/[0-9a-f-]\{36\}" <<<"$start_page" | head -1 || true)"
[[ -n "$round" ]] || { echo "no open round" >&2; exit 1; }
picture="$(curl -fsS -H "Cookie: $cookie" "$base$round/teambeeld")"
team="$(grep -o 'option value="[0-9a-f-]\{36\}"' <<<"$picture" | head -1 | sed 's/.*"\(.*\)"/\1/' || true)"
grep -q 'deelnemers' <<<"$picture" || { echo "the picture shows nothing" >&2; exit 1; }

i=0
changed() { # one scan that counts changes, then the picture is read
  i=$((i + 1))
  local choice
  choice=$([[ $((i % 2)) == 0 ]] && echo ja || echo deels)
  curl -fsS -o /dev/null -H "Cookie: $member" --data-urlencode "field=keuze.BEG.VIS.T1" \
    --data-urlencode "value=$choice" "$base$round/opslaan"
  time_get "$1"
}

echo "===== Raamwerk team picture ($(date -u +%Y-%m-%dT%H:%M:%SZ)): $SIZE staff, $RUNS runs each ====="
report "whole team, warm" time_get "$base$round/teambeeld"
report "one team, warm" time_get "$base$round/teambeeld?team=$team"
report "whole team, after one changed scan" changed "$base$round/teambeeld"
