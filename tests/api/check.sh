#!/usr/bin/env bash
# The JSON API checked by outside tools against a live server (scripts/test runs this):
#   - openapi-spec-validator (PyPI) validates /api/openapi.json as OpenAPI 3.1;
#   - schemathesis (PyPI) drives every operation of that description with generated requests
#     (examples, coverage and fuzzing phases), with an administrator's token that has every
#     scope, on the demo school, and fails on any server error and any answer that
#     contradicts the description (status code, content type, body schema);
#   - every answer it recorded is searched for the words of another school on the same
#     server, which must never appear.
#
# Usage: RAAMWERK_BIN=target/debug/raamwerk tests/api/check.sh   (API_PORT=18491,
#        MAX_EXAMPLES=20, KEEP_TMP=1 keeps the recorded answers)
set -euo pipefail

BIN="${RAAMWERK_BIN:?set RAAMWERK_BIN to the raamwerk binary}"
PORT="${API_PORT:-18491}"
MAX_EXAMPLES="${MAX_EXAMPLES:-20}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmp="$(mktemp -d)"
app_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  if [[ "${KEEP_TMP:-0}" == 1 ]]; then echo "kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
base="http://127.0.0.1:$PORT"
db="sqlite://$tmp/api.db"
school="demoschool-de-zandloper"

"$BIN" demo --school-size 20 --database "$db" >"$tmp/demo" 2>/dev/null
# Another school on the same server, whose words must stay out of every answer.
other="$("$BIN" admin create-school --name "Geheimschool Rivierenland" --sector vo --students 500 \
  --region UT --database "$db" 2>/dev/null)"
"$BIN" admin create-user --school "$other" --email beheer@rivierenland.example \
  --name "Geheime Beheerder Rivierenland" --permission schoolbeheerder --roles BEG --database "$db" >/dev/null 2>&1
"$BIN" admin create-token --school "$other" --email beheer@rivierenland.example --name "Geheime koppeling" \
  --scopes "members:read" --database "$db" >/dev/null
# An administrator of the demo school for the tester, with a token that has every scope.
"$BIN" admin create-user --school "$school" --email api@zandloper.demo.example --name "API-test" \
  --permission schoolbeheerder --roles BEG,SPE,COO --database "$db" >/dev/null 2>&1
token="$("$BIN" admin create-token --school "$school" --email api@zandloper.demo.example --name schemathesis \
  --scopes "framework:write rounds:read scan:write plan:read allocation:write hours:write members:read team:read" \
  --database "$db")"

"$BIN" serve --listen "127.0.0.1:$PORT" --database "$db" >"$tmp/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 300); do curl -fsS -o /dev/null "$base/readyz" 2>/dev/null && break; sleep 0.05; done

curl -fsS "$base/api/openapi.json" >"$tmp/openapi.json"
echo "openapi-spec-validator:"
openapi-spec-validator "$tmp/openapi.json"

# Real ids for the path parameters, so that the generated requests reach the data.
get() { curl -fsS -H "Authorization: Bearer $token" "$base/api/v1/schools/$school/$1"; }
round="$(get rounds | python3 -c 'import json, sys; print(json.load(sys.stdin)["rounds"][0]["id"])')"
edition="$(get editions | python3 -c 'import json, sys; print(json.load(sys.stdin)["national"][0]["id"])')"
cat >"$tmp/schemathesis.toml" <<TOML
[parameters]
"path.school" = "$school"
"path.round" = "$round"
"path.edition" = "$edition"
TOML

echo "schemathesis:"
(
  cd "$tmp"
  schemathesis --config-file "$tmp/schemathesis.toml" run "$tmp/openapi.json" --url "$base" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing --max-examples "$MAX_EXAMPLES" --seed 18 --workers 1 \
    --report vcr --report-vcr-path "$tmp/answers.yaml" --no-color
)
[[ -s "$tmp/answers.yaml" ]] || { echo "schemathesis recorded no answers" >&2; exit 1; }
requests="$(grep -c 'uri:' "$tmp/answers.yaml" || true)"
if grep -qi -e "Rivierenland" -e "Geheime koppeling" "$tmp/answers.yaml"; then
  echo "an answer shows another school's data:" >&2
  grep -n -i -e "Rivierenland" -e "Geheime koppeling" "$tmp/answers.yaml" | head >&2
  exit 1
fi
echo "no answer of $requests shows anything of the other school"
