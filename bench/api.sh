#!/usr/bin/env bash
# JSON API benchmark (issue 18), in one run on one SQLite database, under the same wrk load:
#   - a token-authenticated JSON read (one's own scan of the open round, every statement of
#     the mentor's role answered with a note; `GET …/scan` with `Authorization: Bearer`)
#     against the public role page; target: at least 0.8× its rate;
#   - an answer saved through the API (`PATCH …/scan`, token) against the same save through
#     the address the scan page's script uses (`POST …/opslaan`, session cookie); target: as
#     fast (ratio about 1).
# Prints requests/s, p99 and non-2xx for each, and the two ratios.
#
# Usage: bench/api.sh    (RAAMWERK_BIN=… skips the build; APP_PORT, WRK_THREADS,
#                         WRK_CONNECTIONS, WRK_DURATION, WRK_WARMUP as bench/serve.sh)
set -euo pipefail

APP_PORT="${APP_PORT:-18471}"
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

# A school with a mentor who signs in (for the page's save) and holds a token (for the API).
school="$("$BIN" admin create-school --name "Bench College" --sector vo --students 900 --region UT --database "$db" 2>/dev/null)"
cookie="$(staff_cookie "$school" mentor@bench.nl "De Mentor" coordinator BEG)"
round_path="$(curl -sS -o /dev/null -D - -H "Cookie: $cookie" -H "Sec-Fetch-Site: same-origin" --data-urlencode "name=bench" \
  --data-urlencode "starts=2026-09-01" "$base/nl/scholen/$school/rondes" | awk 'tolower($1) == "location:" { print $2 }' | tr -d '\r')"
round="${round_path##*/}"
[[ "$round_path" == /nl/scholen/* && -n "$round" ]] || { echo "could not open a round" >&2; exit 1; }
token="$("$BIN" admin create-token --school "$school" --email mentor@bench.nl --name bench \
  --scopes "rounds:read scan:write" --database "$db")"
scan="$base/api/v1/schools/$school/rounds/$round/scan"
curl -fsS -H "Authorization: Bearer $token" "$scan" | grep -q '"roles":\["BEG"\]' ||
  { echo "the API does not answer with the scan" >&2; exit 1; }

# The read is of a scan filled in as a mentor fills it: every statement of the role answered,
# with a note, as the scan's area pages list them.
codes="$(curl -fsS -H "Cookie: $cookie" "$base$round_path" | grep -o "$round_path/begeleider/[a-z-]*" | sort -u |
  while read -r area; do curl -fsS -H "Cookie: $cookie" "$base$area"; done |
  grep -o 'name="keuze\.[A-Z0-9.]*"' | sed 's/^name="keuze\.//; s/"$//' | sort -u)"
[[ -n "$codes" ]] || { echo "found no statements on the scan's pages" >&2; exit 1; }
answers="$(echo "$codes" | awk '{ printf "%s{\"statement\":\"%s\",\"choice\":\"deels\",\"note\":\"Besproken in de sectie; volgend jaar samen met de decaan verder uitwerken.\"}", (NR > 1 ? "," : ""), $1 }')"
curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
  --data "{\"answers\":[$answers]}" "$scan" || { echo "could not fill the scan" >&2; exit 1; }
filled="$(curl -fsS -H "Authorization: Bearer $token" "$scan")"

echo "===== Raamwerk JSON API benchmark ($(date -u +%Y-%m-%dT%H:%M:%SZ)) ====="
echo "load: wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency (after a $WRK_WARMUP warm-up), SQLite"
echo "the scan read: $(echo "$codes" | wc -l) answers with notes, $(printf %s "$filled" | wc -c) bytes of JSON"
wrk_run public-role-page "$base/nl/rollen/begeleider"
wrk_run api-read-token "$scan" -H "Authorization: Bearer $token"
wrk_run page-save-cookie "$base$round_path/opslaan" -s "$repo/bench/lib/api_save.lua" -- page "$cookie"
wrk_run api-save-token "$scan" -s "$repo/bench/lib/api_save.lua" -- api "$token"
awk -v a="$RPS_api_read_token" -v p="$RPS_public_role_page" \
  'BEGIN { r = (p > 0 ? a / p : 0); printf "ratio API read (token) / public page %.2f (%s the target of 0.80)\n", r, (r >= 0.8 ? "meets" : "BELOW") }'
awk -v a="$RPS_api_save_token" -v p="$RPS_page_save_cookie" \
  'BEGIN { r = (p > 0 ? a / p : 0); printf "ratio API save (token) / page save (cookie) %.2f (%s the target of about 1)\n", r, (r >= 0.9 ? "meets" : "BELOW") }'
