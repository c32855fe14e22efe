#!/usr/bin/env bash
# Plan benchmark (issue 14): a member holding all three roles answers every statement of the
# national edition (choices and notes, a quarter flagged "wil ik bespreken", through the
# app's own save address), makes 20 goals (each about two statements, with a partner, a
# target date and two actions) and prepares a conversation. Then it times, warm, the plan
# page and the conversation's agenda page (target: median under 5 ms), the agenda proposal
# (a POST that builds and stores an agenda), and the plan's and the conversation's PDF
# (target: under 100 ms) and DOCX; it prints the first (cold) time, the median and the worst.
#
# Usage: bench/plan.sh        (RAAMWERK_BIN=… skips the build; RUNS=…, APP_PORT=…)
set -euo pipefail

APP_PORT="${APP_PORT:-18452}"
RUNS="${RUNS:-41}"
GOALS="${GOALS:-20}"
PASSWORD="paars kompas vindt zeven tulpen"

# shellcheck source=lib/app.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"
bench_start
bench_serve

school="$("$BIN" admin create-school --name "Bench College" --sector vo --students 900 --region UT --database "$db" 2>/dev/null)"
sign_in() { # email name permission roles → cookie
  local link
  link="$("$BIN" admin create-user --school "$school" --email "$1" --name "$2" --permission "$3" \
    --roles "$4" --base-url "$base" --database "$db" 2>/dev/null)"
  curl -fsS -o /dev/null --data-urlencode "password=$PASSWORD" --data-urlencode "repeat=$PASSWORD" "$link"
  curl -sS -o /dev/null -D - --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" \
    "$base/nl/inloggen" | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }'
}
cookie="$(sign_in decaan@bench.nl "De Decaan" coordinator BEG,SPE,COO)"
[[ "$cookie" == raamwerk_session=* ]] || { echo "could not sign in" >&2; exit 1; }
partner_cookie="$(sign_in teamleider@bench.nl "De Teamleider" lid COO)"
round_path="$(curl -sS -o /dev/null -D - -H "Cookie: $cookie" --data-urlencode "name=bench" --data-urlencode "starts=2026-11-25" \
  "$base/nl/scholen/$school/rondes" | awk 'tolower($1) == "location:" { print $2 }' | tr -d '\r')"
[[ "$round_path" == /nl/scholen/* ]] || { echo "could not open a round" >&2; exit 1; }
location() { awk 'tolower($1) == "location:" { print $2 }' | tr -d '\r'; }

# Every statement: a choice and a note; a quarter flagged to discuss.
codes=($("$BIN" framework export --format json --database "$db" | grep -o '"code": *"[A-Z]*\.[A-Z]*\.[TD][0-9]*"' | sed 's/.*"\([^"]*\)"$/\1/'))
choices=(ja deels ontwikkelen niet)
for i in "${!codes[@]}"; do
  code="${codes[$i]}"
  curl -fsS -o /dev/null -H "Cookie: $cookie" --data-urlencode "field=keuze.$code" --data-urlencode "value=${choices[$((i % 4))]}" "$base$round_path/opslaan"
  curl -fsS -o /dev/null -H "Cookie: $cookie" --data-urlencode "field=notitie.$code" \
    --data-urlencode "value=Een notitie bij $code, zodat de agenda ook tekst te tonen heeft." "$base$round_path/opslaan"
  if (( i % 4 == 1 )); then
    curl -fsS -o /dev/null -H "Cookie: $cookie" --data-urlencode "field=bespreken.$code" --data-urlencode "value=ja" "$base$round_path/opslaan"
  fi
done

# The goals, each about two statements, with a partner, a target date and two actions.
partner_id="$(curl -fsS -H "Cookie: $cookie" "$base/nl/scholen/$school/ontwikkelplan/nieuw-doel" \
  | grep -o 'value="persoon:[0-9a-f-]*"' | head -1 | sed 's/value="\(.*\)"/\1/')"
plan="$base/nl/scholen/$school/ontwikkelplan"
for g in $(seq 1 "$GOALS"); do
  a="${codes[$(( (g * 5) % ${#codes[@]} ))]}"
  b="${codes[$(( (g * 5 + 2) % ${#codes[@]} ))]}"
  goal="$(curl -sS -o /dev/null -D - -H "Cookie: $cookie" --data-urlencode "what=Doel $g: beter worden in wat $a en $b vragen" \
    --data-urlencode "why=Omdat leerlingen erom vragen." --data-urlencode "uitspraak=$a" --data-urlencode "uitspraak=$b" \
    --data-urlencode "partner=$partner_id" --data-urlencode "target=2027-06-30" "$plan/nieuw-doel" | location)"
  id="${goal##*#doel-}"
  for k in 0 1; do
    curl -fsS -o /dev/null -H "Cookie: $cookie" --data-urlencode "op=add-action" --data-urlencode "revision=$k" \
      --data-urlencode "action=Stap $k voor doel $g" --data-urlencode "action-status=bezig" --data-urlencode "due=2027-0$((k + 1))-15" \
      "$plan/doelen/$id"
  done
done
goals="$(curl -fsS -H "Cookie: $cookie" "$plan" | grep -c 'class="goal"')"
[[ "$goals" == "$GOALS" ]] || { echo "made $goals goals, not $GOALS" >&2; exit 1; }
talks="$base/nl/scholen/$school/gesprekken"
prepare=(-H "Cookie: $cookie" --data-urlencode "partner=$partner_id" --data-urlencode "planned_on=2026-12-17" \
  --data-urlencode "minutes=45" --data-urlencode "notities=ja" "$talks/voorbereiden")
conversation="$(curl -sS -o /dev/null -D - "${prepare[@]}" | location)"
conversation="${conversation%%\?*}"
[[ "$conversation" == /nl/scholen/* ]] || { echo "could not prepare a conversation" >&2; exit 1; }

time_post() { curl -sS -o "$tmp/out" -w '%{time_total}' "${prepare[@]}"; }

echo "===== Raamwerk development plan ($(date -u +%Y-%m-%dT%H:%M:%SZ)): ${#codes[@]} answers, $GOALS goals, $RUNS warm runs each ====="
report "plan page" time_get "$plan"
report "agenda page" time_get "$base$conversation"
report "agenda proposal (POST)" time_post
report "plan pdf" time_get "$plan.pdf"
report "plan docx" time_get "$plan.docx"
report "conversation pdf" time_get "$base$conversation/gesprek.pdf"
