#!/usr/bin/env bash
# Student survey benchmark (issue 16): STUDENTS students answer the survey without an account
# through the real answer address, on SQLite with every commit flushed to disk. First all at
# once (one answer each, sent together), then steadily at RATE answers a second for
# SECONDS_RUN seconds. Prints answers/s and latencies (targets: at least 1,000 answers/s with
# p99 under 50 ms), then checks that the survey counts exactly the answers acknowledged.
#
# Usage: bench/survey.sh    (RAAMWERK_BIN=… skips the build; STUDENTS=500, RATE=1000,
#                            SECONDS_RUN=10, APP_PORT=18471)
set -euo pipefail

APP_PORT="${APP_PORT:-18471}"
STUDENTS="${STUDENTS:-500}"
RATE="${RATE:-1000}"
SECONDS_RUN="${SECONDS_RUN:-10}"
PASSWORD="blauwe vlieger over zes daken"
source "$(dirname "$0")/lib/app.sh"
bench_start
bench_serve

school="$("$BIN" admin create-school --name "Bench Lyceum" --sector vo --students 2000 --region UT --database "$db" 2>/dev/null)"
link="$("$BIN" admin create-user --school "$school" --email coordinator@bench.nl --name "Coördinator" \
  --permission coordinator --roles COO --base-url "$base" --database "$db" 2>/dev/null)"
curl -fsS -o /dev/null --data-urlencode "password=$PASSWORD" --data-urlencode "repeat=$PASSWORD" "$link"
cookie="$(sign_in_printed "who: coordinator@bench.nl $PASSWORD")"
# Twenty classes, each code good for far more answers than the run sends.
groups="$(for i in $(seq 1 20); do echo "klas $i, 1000"; done)"
curl -fsS -o "$tmp/opened.html" -H "Cookie: $cookie" -H "Sec-Fetch-Site: same-origin" \
  --data-urlencode "naam=Bench" --data-urlencode "groepen=$groups" --data-urlencode "k=10" \
  "$base/nl/scholen/$school/leerlingenenquete"
grep -o '<td class="code-cell">[^<]*' "$tmp/opened.html" | sed 's/.*>//' >"$tmp/codes"
[[ "$(wc -l <"$tmp/codes")" == 20 ]] || { echo "could not open the survey" >&2; exit 1; }

echo "===== Raamwerk student survey ($(date -u +%Y-%m-%dT%H:%M:%SZ)), SQLite, $STUDENTS students ====="
python3 "$repo/bench/lib/survey_client.py" "$base/nl/enquete/antwoorden" "$tmp/codes" \
  "$STUDENTS" "$SECONDS_RUN" "$RATE" | tee "$tmp/result"
stored="$(awk '/^stored/ { print $2 }' "$tmp/result")"
survey="$(curl -fsS -H "Cookie: $cookie" "$base/nl/scholen/$school/leerlingenenquete" \
  | grep -o "leerlingenenquete/[0-9a-f-]\{36\}" | head -1)"
counted="$(curl -fsS -H "Cookie: $cookie" "$base/nl/scholen/$school/$survey" \
  | grep -o '[0-9]* van [0-9]* leerlingen hebben geantwoord' | awk '{ print $1 }')"
echo "the survey counts $counted answers; the students were told $stored were stored"
[[ "$counted" == "$stored" ]] || { echo "MISMATCH" >&2; exit 1; }
