#!/usr/bin/env bash
# PDF benchmark: a member holding all three roles answers every statement of the national
# edition (choices and notes, through the app's own save address), then the app makes the
# overview PDF repeatedly; prints the first (cold) time and the median and worst of the warm
# ones (issue 4's target: warm under 300 ms), and the same for the DOCX.
#
# Usage: bench/pdf.sh        (RAAMWERK_BIN=… skips the build; RUNS=…, APP_PORT=…)
set -euo pipefail

APP_PORT="${APP_PORT:-18451}"
RUNS="${RUNS:-15}"
PASSWORD="paars kompas vindt zeven tulpen"

# shellcheck source=lib/app.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"
bench_start


bench_serve

school="$("$BIN" admin create-school --name "Bench College" --sector vo --students 900 --region UT --database "$db" 2>/dev/null)"
link="$("$BIN" admin create-user --school "$school" --email decaan@bench.nl --name "De Decaan" --permission coordinator \
  --roles BEG,SPE,COO --base-url "$base" --database "$db" 2>/dev/null)"
curl -fsS -o /dev/null --data-urlencode "password=$PASSWORD" --data-urlencode "repeat=$PASSWORD" "$link"
cookie="$(curl -sS -o /dev/null -D - --data-urlencode "email=decaan@bench.nl" --data-urlencode "password=$PASSWORD" \
  "$base/nl/inloggen" | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }')"
[[ "$cookie" == raamwerk_session=* ]] || { echo "could not sign in" >&2; exit 1; }
round_path="$(curl -sS -o /dev/null -D - -H "Cookie: $cookie" --data-urlencode "name=bench" --data-urlencode "starts=2026-11-25" \
  "$base/nl/scholen/$school/rondes" | awk 'tolower($1) == "location:" { print $2 }' | tr -d '\r')"
[[ "$round_path" == /nl/scholen/* ]] || { echo "could not open a round" >&2; exit 1; }

# Every statement: a choice and a note; every focus note and reflection.
codes="$("$BIN" framework export --format json --database "$db" | grep -o '"code": *"[A-Z]*\.[A-Z]*\.[TD][0-9]*"' | sed 's/.*"\([^"]*\)"$/\1/')"
choices=(ja deels ontwikkelen niet)
i=0
for code in $codes; do
  curl -fsS -o /dev/null -H "Cookie: $cookie" --data-urlencode "field=keuze.$code" --data-urlencode "value=${choices[$((i % 4))]}" "$base$round_path/opslaan"
  curl -fsS -o /dev/null -H "Cookie: $cookie" --data-urlencode "field=notitie.$code" \
    --data-urlencode "value=Een notitie bij $code, zodat de tabel ook tekst te zetten heeft." "$base$round_path/opslaan"
  i=$((i + 1))
done
for role in BEG SPE COO; do
  for area in VIS ORI ORG SAM; do
    for key in "focus.$role.$area.T" "focus.$role.$area.D" "reflectie.$role.$area.rolmodel"; do
      curl -fsS -o /dev/null -H "Cookie: $cookie" --data-urlencode "field=$key" \
        --data-urlencode "value=Wat ik hierover wil zeggen, in een paar zinnen die een alinea vullen." "$base$round_path/opslaan"
    done
  done
done

time_of() { curl -fsS -o "$tmp/out" -w '%{time_total}' -H "Cookie: $cookie" "$1"; }
report() { # name url
  local first times
  first="$(time_of "$2")"
  times="$(for _ in $(seq 1 "$RUNS"); do time_of "$2"; echo; done | sort -n)"
  local median worst
  median="$(echo "$times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
  worst="$(echo "$times" | tail -1)"
  printf '%-5s %6d statements answered   first %6.0f ms   warm median %6.0f ms   worst %6.0f ms   (%s bytes)\n' \
    "$1" "$i" "$(awk -v t="$first" 'BEGIN { print t * 1000 }')" "$(awk -v t="$median" 'BEGIN { print t * 1000 }')" \
    "$(awk -v t="$worst" 'BEGIN { print t * 1000 }')" "$(stat -c %s "$tmp/out")"
}

echo "===== Raamwerk overview documents ($(date -u +%Y-%m-%dT%H:%M:%SZ)), $RUNS warm runs each ====="
report pdf "$base$round_path/overzicht.pdf"
report docx "$base$round_path/overzicht.docx"
