# What the wrk benchmarks share; sourced, not run. Needs $tmp, $BIN, $base, $db and the
# WRK_THREADS, WRK_CONNECTIONS, WRK_DURATION and WRK_WARMUP settings.
#   staff_cookie SCHOOL EMAIL NAME PERMISSION ROLES   a member made with a password, signed
#                                                     in: prints the session cookie
#   wrk_run NAME URL [wrk options…] [-- script args…]   a warm-up, then the measured run:
#                                  prints requests/s, p99 and non-2xx, and sets RPS_NAME
#                                  (dashes as underscores)

BENCH_PASSWORD="paars kompas vindt zeven tulpen"

staff_cookie() {
  local link cookie
  link="$("$BIN" admin create-user --school "$1" --email "$2" --name "$3" --permission "$4" \
    --roles "$5" --base-url "$base" --database "$db" 2>/dev/null)"
  curl -fsS -o /dev/null --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "repeat=$BENCH_PASSWORD" "$link"
  cookie="$(curl -sS -o /dev/null -D - --data-urlencode "email=$2" --data-urlencode "password=$BENCH_PASSWORD" \
    "$base/nl/inloggen" | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }')"
  [[ "$cookie" == raamwerk_session=* ]] || { echo "could not sign in as $2" >&2; return 1; }
  echo "$cookie"
}

to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 } else { sub(/s$/, "", v); print v * 1000 } }'; }

wrk_run() {
  local name="$1" url="$2" out="$tmp/$1.txt"
  shift 2
  local args=(-t"$WRK_THREADS" -c"$WRK_CONNECTIONS") options=() script_args=()
  while (($#)); do
    if [[ "$1" == -- ]]; then shift; script_args=("$@"); break; fi
    options+=("$1"); shift
  done
  ((${#script_args[@]})) && script_args=(-- "${script_args[@]}")
  wrk "${args[@]}" -d"$WRK_WARMUP" "${options[@]}" "$url" "${script_args[@]}" >/dev/null
  wrk "${args[@]}" -d"$WRK_DURATION" --latency "${options[@]}" "$url" "${script_args[@]}" >"$out"
  local rps p99 non2xx
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")"
  non2xx="$(awk '/Non-2xx/ { print $NF }' "$out")"
  printf '%-26s %12s req/s   p99 %8s ms   non-2xx %s\n' "$name" "$rps" "$p99" "${non2xx:-0}"
  printf -v "RPS_${name//-/_}" '%s' "$rps"
}
