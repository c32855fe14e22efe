#!/usr/bin/env bash
# Serving benchmark for Raamwerk: the rendered Dutch role page from the app against the same
# bytes served as a static file by nginx, under the same wrk load; then the start-up time to
# the first successful /readyz on an existing database, and the app's resident memory.
#
# Usage: bench/serve.sh            (see bench/README.md)
#
# Environment (all optional):
#   APP_PORT=18431 NGINX_PORT=18432   loopback ports for the app and nginx
#   CARGO_TARGET_DIR                  cargo target dir (default $HOME/.cache/raamwerk-target)
#   RAAMWERK_BIN                      use this binary and skip `cargo build`
#   BENCH_PATH=/nl/rollen/begeleider  page to benchmark
#   WRK_THREADS=2 WRK_CONNECTIONS=64 WRK_DURATION=10s WRK_WARMUP=2s
#   STARTUP_RUNS=5                    start-up measurements (median is reported)
#   KEEP_TMP=1                        keep the temp dir (logs, database, nginx.conf)
#   BENCH_OUT=bench/out               where the summary is also written

set -euo pipefail

APP_PORT="${APP_PORT:-18431}"
NGINX_PORT="${NGINX_PORT:-18432}"
BENCH_PATH="${BENCH_PATH:-/nl/rollen/begeleider}"
WRK_THREADS="${WRK_THREADS:-2}"
WRK_CONNECTIONS="${WRK_CONNECTIONS:-64}"
WRK_DURATION="${WRK_DURATION:-10s}"
WRK_WARMUP="${WRK_WARMUP:-2s}"
STARTUP_RUNS="${STARTUP_RUNS:-5}"
READY_TIMEOUT_S=30

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
BENCH_OUT="${BENCH_OUT:-$repo/bench/out}"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- processes and clean-up ---------------------------------------------------------------

tmp=""
app_pid=""
nginx_pid=""
BIN=""
# Filled in by load(): requests/s, p99 latency (ms) and non-2xx count per target.
RPS_app="" P99_app="" ERR_app="" RPS_nginx="" P99_nginx="" ERR_nginx=""

stop_pid() { # pid: TERM, wait up to 5 s, then KILL
  local pid="$1" i
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  stop_pid "$app_pid"
  stop_pid "$nginx_pid"
  if [[ -n "$tmp" && -d "$tmp" ]]; then
    if [[ "${KEEP_TMP:-0}" == 1 ]]; then
      log "kept $tmp"
    else
      rm -rf "$tmp"
    fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- tools --------------------------------------------------------------------------------

nginx_bin() { command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; } || true; }

ensure_tools() {
  local missing=()
  [[ -n "$(nginx_bin)" ]] || missing+=(nginx-light)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  ((${#missing[@]} == 0)) && return 0
  log "installing ${missing[*]}"
  local sudo=()
  ((EUID == 0)) || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [[ -n "$(nginx_bin)" ]] || die "nginx still missing after apt-get install"
}

build_app() {
  if [[ -n "${RAAMWERK_BIN:-}" ]]; then
    [[ -x "$RAAMWERK_BIN" ]] || die "RAAMWERK_BIN=$RAAMWERK_BIN is not an executable"
    BIN="$RAAMWERK_BIN"
    log "using $BIN (no build)"
    return
  fi
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/raamwerk-target}"
  log "cargo build --release -p raamwerk (target dir $CARGO_TARGET_DIR)"
  (cd "$repo" && cargo build --release -p raamwerk)
  BIN="$CARGO_TARGET_DIR/release/raamwerk"
  [[ -x "$BIN" ]] || die "no binary at $BIN after the build"
}

port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" 2>/dev/null; }

# --- the app ------------------------------------------------------------------------------

start_app() { # sets app_pid; the log is appended to $tmp/app.log
  "$BIN" serve --listen "127.0.0.1:$APP_PORT" --database "sqlite://$tmp/bench.db" >>"$tmp/app.log" 2>&1 &
  app_pid=$!
}

ready() { curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$APP_PORT/readyz" 2>/dev/null; }

wait_ready() { # poll /readyz tightly; fails after READY_TIMEOUT_S
  local deadline=$((SECONDS + READY_TIMEOUT_S))
  until ready; do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      tail -n 40 "$tmp/app.log" >&2 || true
      die "the app exited before /readyz answered"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$tmp/app.log" >&2 || true
      die "/readyz did not answer within ${READY_TIMEOUT_S}s"
    fi
  done
}

stop_app() { stop_pid "$app_pid"; app_pid=""; }

rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

# --- nginx --------------------------------------------------------------------------------

start_nginx() {
  mkdir -p "$tmp/nginx-tmp"
  local user_line=""
  # As root, nginx workers would switch to "nobody" and could not read the temp dir.
  ((EUID == 0)) && user_line="user $(id -un) $(id -gn);"
  cat >"$tmp/nginx.conf" <<EOF
$user_line
daemon off;
worker_processes auto;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    sendfile on;
    keepalive_requests 1000000;
    client_body_temp_path $tmp/nginx-tmp/body;
    proxy_temp_path $tmp/nginx-tmp/proxy;
    fastcgi_temp_path $tmp/nginx-tmp/fastcgi;
    uwsgi_temp_path $tmp/nginx-tmp/uwsgi;
    scgi_temp_path $tmp/nginx-tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $tmp/www;
        location / { try_files /index.html =404; }
    }
}
EOF
  "$(nginx_bin)" -p "$tmp/" -e "$tmp/nginx-error.log" -c "$tmp/nginx.conf" >>"$tmp/nginx.out" 2>&1 &
  nginx_pid=$!
  local i
  for ((i = 0; i < 100; i++)); do
    curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$NGINX_PORT/" 2>/dev/null && return 0
    kill -0 "$nginx_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$tmp/nginx.out" "$tmp/nginx-error.log" >&2 2>/dev/null || true
  die "nginx did not start on 127.0.0.1:$NGINX_PORT"
}

# --- load ---------------------------------------------------------------------------------

to_ms() { # wrk latency like 812.00us / 3.21ms / 1.02s → milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n
  }'
}

# load NAME URL: warm-up, then the measured run; sets RPS_<NAME>, P99_<NAME> (ms)
load() {
  local name="$1" url="$2" out
  log "$name: warm-up $WRK_WARMUP, then wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency $url"
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_WARMUP" "$url" >/dev/null
  out="$tmp/wrk-$name.txt"
  wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency "$url" | tee "$out"
  local rps p99 errors
  rps="$(awk '/^Requests\/sec:/ { print $2 }' "$out")"
  p99="$(awk '$1 == "99%" { print $2 }' "$out")"
  errors="$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")"
  [[ -n "$rps" ]] || die "could not read Requests/sec from wrk ($out)"
  [[ -z "$errors" ]] || log "WARNING: $name answered $errors non-2xx/3xx responses"
  printf -v "RPS_$name" '%s' "$rps"
  printf -v "P99_$name" '%s' "$(to_ms "${p99:-0}")"
  printf -v "ERR_$name" '%s' "${errors:-0}"
}

# --- main ---------------------------------------------------------------------------------

ensure_tools
build_app
port_free "$APP_PORT" || die "port $APP_PORT is in use (set APP_PORT)"
port_free "$NGINX_PORT" || die "port $NGINX_PORT is in use (set NGINX_PORT)"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/raamwerk-bench.XXXXXX")"
mkdir -p "$tmp/www"
log "temp dir $tmp"

start_app
wait_ready
app_url="http://127.0.0.1:$APP_PORT$BENCH_PATH"
curl -fsS --max-time 10 -o "$tmp/www/index.html" "$app_url" || die "GET $app_url failed"
page_bytes="$(wc -c <"$tmp/www/index.html")"
((page_bytes > 0)) || die "GET $app_url returned an empty page"
log "saved $BENCH_PATH ($page_bytes bytes) for nginx"

start_nginx
nginx_url="http://127.0.0.1:$NGINX_PORT/"

load app "$app_url"
rss_after_load_kib="$(rss_kib "$app_pid")"
load nginx "$nginx_url"

ratio="$(awk -v a="$RPS_app" -v n="$RPS_nginx" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }')"
verdict="$(awk -v r="$ratio" 'BEGIN { print (r >= 0.5 ? "meets" : "BELOW") }')"

stop_pid "$nginx_pid"
nginx_pid=""

log "start-up to first /readyz on the existing database, $STARTUP_RUNS runs"
stop_app
startup_ms=()
for ((run = 1; run <= STARTUP_RUNS; run++)); do
  t0="$(date +%s%N)"
  start_app
  wait_ready
  t1="$(date +%s%N)"
  ms=$(((t1 - t0) / 1000000))
  startup_ms+=("$ms")
  log "run $run: ${ms} ms"
  stop_app
done
startup_median="$(printf '%s\n' "${startup_ms[@]}" | sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }')"

rss_mib="?"
[[ "$rss_after_load_kib" =~ ^[0-9]+$ ]] && rss_mib="$(awk -v k="$rss_after_load_kib" 'BEGIN { printf "%.1f", k / 1024 }')"

summary="$(cat <<EOF

===== Raamwerk serving benchmark ($(date -u +%Y-%m-%dT%H:%M:%SZ)) =====
machine        $(nproc) cores, $(awk '/^MemTotal:/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
binary         $BIN
page           $BENCH_PATH ($page_bytes bytes)
load           wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency (after a $WRK_WARMUP warm-up)
app            $(printf '%12s' "$RPS_app") req/s   p99 $(printf '%8s' "$P99_app") ms   non-2xx $ERR_app
nginx (static) $(printf '%12s' "$RPS_nginx") req/s   p99 $(printf '%8s' "$P99_nginx") ms   non-2xx $ERR_nginx
ratio app/nginx $ratio ($verdict the target of 0.50)
app RSS        ${rss_mib} MiB right after the load (VmRSS ${rss_after_load_kib} kB)
start-up       median ${startup_median} ms to first /readyz (runs: ${startup_ms[*]} ms)
EOF
)"
printf '%s\n' "$summary"

if mkdir -p "$BENCH_OUT" 2>/dev/null; then
  out_file="$BENCH_OUT/serve-$(date -u +%Y%m%dT%H%M%SZ).txt"
  printf '%s\n' "$summary" >"$out_file" && log "summary written to $out_file"
fi
