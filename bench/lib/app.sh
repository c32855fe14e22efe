# What the benchmarks that time pages of a running app share; sourced, not run.
#   bench_start           a temp folder (removed on exit), the release binary ($BIN, built
#                         unless RAAMWERK_BIN is set), $base, and $db_file and $db for a
#                         fresh SQLite file
#   bench_serve [PREFIX…] serves $db on $APP_PORT (run through PREFIX, e.g. taskset; the log
#                         in $APP_LOG or $tmp/app.log) and waits until it is ready
#   sign_in_printed LINE  a demo's printed "who: ADDRESS PASSWORD" line → its session cookie
#   time_get URL          one GET as $cookie, its time in seconds (the body in $tmp/out)
#   report NAME CMD…      CMD once (cold), then $RUNS times: first, median, worst in ms

bench_start() {
  repo="$(cd "$(dirname "${BASH_SOURCE[1]}")/.." && pwd)"
  tmp="$(mktemp -d)"
  app_pid=""
  trap 'bench_cleanup' EXIT
  if [[ -n "${RAAMWERK_BIN:-}" ]]; then
    BIN="$RAAMWERK_BIN"
  else
    export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/raamwerk-target}"
    (cd "$repo" && cargo build --release -p raamwerk) >&2
    BIN="$CARGO_TARGET_DIR/release/raamwerk"
  fi
  base="http://127.0.0.1:$APP_PORT"
  db_file="$tmp/bench.db"
  db="sqlite://$db_file"
}

bench_cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  rm -rf "$tmp"
}

bench_serve() {
  "$@" "$BIN" serve --listen "127.0.0.1:$APP_PORT" --database "$db" >>"${APP_LOG:-$tmp/app.log}" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 300); do curl -fsS -o /dev/null "$base/readyz" 2>/dev/null && return; sleep 0.05; done
  echo "the app did not start (see ${APP_LOG:-$tmp/app.log})" >&2
  exit 1
}

sign_in_printed() {
  local address password
  address="$(echo "$1" | awk '{ print $2 }')"
  password="$(echo "$1" | cut -d' ' -f3-)"
  curl -sS -o /dev/null -D - --data-urlencode "email=$address" --data-urlencode "password=$password" \
    "$base/nl/inloggen" | awk -F'[ ;]' 'tolower($1) == "set-cookie:" { print $2 }'
}

time_get() { curl -fsS -o "$tmp/out" -w '%{time_total}' -H "Cookie: $cookie" "$1"; }

report() {
  local name="$1"; shift
  local first times median worst
  first="$("$@")"
  times="$(for _ in $(seq 1 "$RUNS"); do "$@"; echo; done | sort -n)"
  median="$(echo "$times" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
  worst="$(echo "$times" | tail -1)"
  printf '%-38s first %7.1f ms   median %7.1f ms   worst %7.1f ms   (%s bytes)\n' \
    "$name" "$(awk -v t="$first" 'BEGIN { print t * 1000 }')" "$(awk -v t="$median" 'BEGIN { print t * 1000 }')" \
    "$(awk -v t="$worst" 'BEGIN { print t * 1000 }')" "$(stat -c %s "$tmp/out")"
}
