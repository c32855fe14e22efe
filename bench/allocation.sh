#!/usr/bin/env bash
# Wie doet wat at the size of a large mbo institution (issue 6): `raamwerk demo` makes a school
# of SIZE people (default 2,000) with at least TASKS task statements (default 150), two
# rounds of scans and a full allocation; then a signed-in coordinator loads the allocation
# page and its XLSX (and PDF) export one after another, RUNS times each (default 30). Prints
# the server time (time to first byte, on localhost) as median and p95 per request; the first
# load after the server started apart (it reads every scan answer that feeds the allocation;
# later loads keep them and read again only the scans saved since); and, RUNS times, the page
# just after the demo member, whose scan feeds the allocation, saved one task answer.
# Target: the page under 100 ms.
#
# Usage: bench/allocation.sh [SIZE] [TASKS] [RUNS]   (RAAMWERK_BIN=… skips the build)
set -euo pipefail

SIZE="${1:-2000}"
TASKS="${2:-150}"
RUNS="${3:-30}"
APP_PORT="${APP_PORT:-18451}"

# shellcheck source=lib/app.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"
bench_start

"$BIN" migrate --database "$db" >/dev/null 2>&1
started=$(date +%s.%N)
credentials="$("$BIN" demo --school-size "$SIZE" --tasks "$TASKS" --database "$db" 2>/dev/null)"
made=$(date +%s.%N)
read -r _ email password < <(grep '^coordinator:' <<<"$credentials")
read -r _ member_email member_password < <(grep '^member:' <<<"$credentials")

bench_serve
sign_in() { # email password → the session cookie
  local c
  c="$(curl -sS -o /dev/null -D - -H 'Sec-Fetch-Site: same-origin' --data-urlencode "email=$1" \
    --data-urlencode "password=$2" "$base/nl/inloggen" | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }')"
  [[ "$c" == raamwerk_session=* ]] || { echo "could not sign in as $1" >&2; exit 1; }
  echo "$c"
}
cookie="$(sign_in "$email" "$password")"
member_cookie="$(sign_in "$member_email" "$member_password")"

school="demoschool-de-zandloper"
page="$base/nl/scholen/$school/taken?jaar=2026-2027"
first="$(curl -fsS -o "$tmp/page.html" -w '%{time_starttransfer}' -H "Cookie: $cookie" "$page")"
body="$(cat "$tmp/page.html")"
grep -q "Om over te praten" <<<"$body" || { echo "the allocation page is not there" >&2; exit 1; }
rows=$(grep -c '<tr id=' <<<"$body" || true)

measure() { # name url
  local name="$1" url="$2" times=()
  curl -fsS -o /dev/null -H "Cookie: $cookie" "$url" # warm
  for _ in $(seq 1 "$RUNS"); do
    times+=("$(curl -fsS -o /dev/null -w '%{time_starttransfer}' -H "Cookie: $cookie" "$url")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v n="$RUNS" '
    { t[NR] = $1 * 1000 }
    END { p50 = t[int((n + 1) / 2)]; p95 = t[int(n * 0.95 + 0.999)];
          printf "%-28s median %7.1f ms   p95 %7.1f ms\n", name, p50, p95 }'
}

echo "===== Raamwerk wie doet wat ($(date -u +%Y-%m-%dT%H:%M:%SZ)) ====="
printf 'demo school: %s people, >= %s task statements, made in %.1f s; the page lists %s tasks\n' \
  "$SIZE" "$TASKS" "$(awk -v a="$started" -v b="$made" 'BEGIN { print b - a }')" "$rows"
awk -v t="$first" 'BEGIN { printf "%-28s %7.1f ms (reads every fed scan)\n", "page, first after start", t * 1000 }'
measure "allocation page" "$page"
measure "allocation page, by person" "$page&weergave=persoon"
measure "XLSX export" "$base/nl/scholen/$school/taken/wie-doet-wat.xlsx?jaar=2026-2027"
measure "PDF export" "$base/nl/scholen/$school/taken/wie-doet-wat.pdf?jaar=2026-2027"

# The first load after a change: the demo member, whose scan feeds the allocation, saves one
# task answer (as the scan page's script does), then the coordinator loads the page; RUNS times.
rounds="$(curl -fsS -H "Cookie: $member_cookie" "$base/nl/scholen/$school/rondes")"
round="$(grep -oE "/nl/scholen/$school/rondes/[0-9a-f-]{36}" <<<"$rounds" | head -1)"
[[ -n "$round" ]] || { echo "the member sees no round" >&2; exit 1; }
area="$(curl -fsS -H "Cookie: $member_cookie" "$base$round" | grep -oE "$round/[a-z-]+/[a-z-]+" | head -1)"
task="$(curl -fsS -H "Cookie: $member_cookie" "$base$area" | grep -oE 'name="keuze\.[A-Z0-9.]*\.T[0-9]+"' | head -1 | cut -d'"' -f2)"
[[ -n "$task" ]] || { echo "the member has no task to answer on $area" >&2; exit 1; }
times=()
for i in $(seq 1 "$RUNS"); do
  choice=ja; ((i % 2)) && choice=deels
  saved="$(curl -fsS -H "Cookie: $member_cookie" -H 'Sec-Fetch-Site: same-origin' \
    --data-urlencode "field=$task" --data-urlencode "value=$choice" "$base$round/opslaan")"
  [[ "$saved" == *'"saved":true'* ]] || { echo "saving $task failed: $saved" >&2; exit 1; }
  times+=("$(curl -fsS -o /dev/null -w '%{time_starttransfer}' -H "Cookie: $cookie" "$page")")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$RUNS" '
  { t[NR] = $1 * 1000 }
  END { printf "%-28s median %7.1f ms   p95 %7.1f ms\n", "page after one fed save", t[int((n + 1) / 2)], t[int(n * 0.95 + 0.999)] }'
