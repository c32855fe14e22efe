#!/usr/bin/env bash
# National scale (issue 17) on PostgreSQL: 1,500 schools, 150,000 staff (school 1 has 300,
# the rest 100 each), three rounds each in which everyone answered every mentor statement
# (about 19 million answers), and one national network of all 1,500 schools sharing their
# figures. Prints the time the data set took to load, then on that data the first (cold),
# median and worst time of: the network view over all 1,500 schools, a member's scan page,
# the allocation page of the 300-staff school and its team picture; the same school pages on
# a database holding that one school only, and the ratio (target ≤ 1.2); and the peak memory
# of the instance (target < 300 MB). Targets for the network view: under 1 s cold, 50 ms warm.
#
# The data set is loaded into a PostgreSQL cluster of the script's own, started in a temporary
# folder and configured as a national host would run it (SHARED_BUFFERS, default 4GB: a quarter
# of a 16 GB database server, which holds the 2.8 GB data set); the machine's own PostgreSQL is
# not touched. PG=postgres://… uses an existing server instead, as it is configured.
#
# BACKEND=sqlite loads the same data set into a SQLite file instead (bench/lib/national-sqlite.sql,
# through the sqlite3 shell, installed when missing) and serves the app on it.
#
# Usage: bench/national.sh   (RAAMWERK_BIN=… skips the build; SCHOOLS=…, STAFF=…, RUNS=…,
#        BACKEND=postgres|sqlite, SHARED_BUFFERS=4GB, PG_PORT=5439,
#        PG=postgres://postgres@127.0.0.1:5432, APP_PORT=…)
set -euo pipefail
BACKEND="${BACKEND:-postgres}"

APP_PORT="${APP_PORT:-18517}"
RUNS="${RUNS:-31}"
SCHOOLS="${SCHOOLS:-1500}"
STAFF="${STAFF:-100}"
BIG=300
SHARED_BUFFERS="${SHARED_BUFFERS:-4GB}"
PG_PORT="${PG_PORT:-5439}"

# shellcheck source=lib/app.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/app.sh"
bench_start

own_cluster="" # the data folder of the cluster this script started, if it did
stop_cluster() {
  [[ -n "$own_cluster" ]] && as_postgres "$pg_bin/pg_ctl" -D "$own_cluster" -m fast stop >/dev/null 2>&1
  rm -rf "$own_cluster"
  bench_cleanup
}
as_postgres() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [[ "$BACKEND" == sqlite ]]; then
  command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
  echo "SQLite: $(sqlite3 --version | cut -d' ' -f1), a file in $tmp"
elif [[ -z "${PG:-}" ]]; then
  pg_bin="$(dirname "$(find /usr/lib/postgresql -name initdb -path '*/bin/*' | sort -V | tail -1)")"
  own_cluster="$(mktemp -d /var/tmp/raamwerk-national-pg.XXXXXX)"
  trap stop_cluster EXIT
  [[ "$(id -u)" == 0 ]] && chown postgres "$own_cluster"
  as_postgres "$pg_bin/initdb" -D "$own_cluster" -U postgres --auth=trust -E UTF8 >/dev/null
  cat >>"$own_cluster/postgresql.conf" <<CONF
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$own_cluster'
shared_buffers = $SHARED_BUFFERS
effective_cache_size = 12GB
work_mem = 16MB
maintenance_work_mem = 1GB
max_wal_size = 8GB
CONF
  as_postgres "$pg_bin/pg_ctl" -D "$own_cluster" -l "$own_cluster/log" -w start >/dev/null
  PG="postgres://postgres@127.0.0.1:$PG_PORT"
  echo "PostgreSQL: a cluster of this script's own ($("$pg_bin/postgres" --version)), shared_buffers $SHARED_BUFFERS"
else
  echo "PostgreSQL: $PG as it is configured (shared_buffers $(psql "$PG/postgres" -Atc 'SHOW shared_buffers'))"
fi

url_of() { # the database URL of the database named $1
  if [[ "$BACKEND" == sqlite ]]; then echo "sqlite://$tmp/$1.db"; else echo "$PG/$1"; fi
}

query() { # one value from the database named $1 (ids as the app's addresses take them)
  if [[ "$BACKEND" == sqlite ]]; then sqlite3 "$tmp/$1.db" "$2"; else psql "$PG/$1" -Atc "$2"; fi
}

token_hash() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

fresh() { # a migrated database named $1 holding $2 schools
  if [[ "$BACKEND" == sqlite ]]; then
    rm -f "$tmp/$1.db"*
    "$BIN" migrate --database "$(url_of "$1")" 2>/dev/null
    sqlite3 -cmd ".parameter set :schools $2" -cmd ".parameter set :staff $STAFF" -cmd ".parameter set :big $BIG" \
      -cmd ".parameter set :now_ms $(date +%s%3N)" \
      -cmd ".parameter set :session_a '$(token_hash "$(printf 'a%.0s' $(seq 64))")'" \
      -cmd ".parameter set :session_b '$(token_hash "$(printf 'b%.0s' $(seq 64))")'" \
      "$tmp/$1.db" <"$repo/bench/lib/national-sqlite.sql" >/dev/null
    return
  fi
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null
  psql "$PG/postgres" -qc "CREATE DATABASE $1" >/dev/null
  "$BIN" migrate --database "$PG/$1" 2>/dev/null
  psql "$PG/$1" -q -v schools="$2" -v staff="$STAFF" -v big="$BIG" -f "$repo/bench/lib/national.sql" >/dev/null
}

serve_on() {
  db="$(url_of "$1")"
  bench_serve
}

stop() {
  kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

peak_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$app_pid/status"; }

school="/nl/scholen/landelijk-1"
median_of() { # NAME URL: prints the median in ms (cookie $cookie)
  report "$1" time_get "$2" >&2
  local times
  times="$(for _ in $(seq 1 "$RUNS"); do time_get "$2"; echo; done | sort -n)"
  echo "$times" | awk '{ a[NR] = $1 } END { printf "%.2f", a[int((NR + 1) / 2)] * 1000 }'
}

pages() { # the school pages of database $1, as school 1's coordinator; prints "scan allocation picture" medians
  cookie="raamwerk_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
  local round
  local id="r.id"
  [[ "$BACKEND" == sqlite ]] && id="lower(hex(r.id))"
  round="$(query "$1" "SELECT $id FROM rounds r JOIN schools s ON s.id = r.school_id
    WHERE s.short_name = 'landelijk-1' AND r.closed_at IS NULL")"
  local scan allocation picture
  scan="$(median_of "scan page (mentor, one area)" "$base$school/rondes/$round/begeleider/visie-en-beleid")"
  allocation="$(median_of "allocation, 300 staff" "$base$school/taken")"
  picture="$(median_of "team picture, 300 staff" "$base$school/rondes/$round/teambeeld")"
  echo "$scan $allocation $picture"
}

echo "===== Raamwerk national scale ($(date -u +%Y-%m-%dT%H:%M:%SZ)): $SCHOOLS schools, $RUNS runs each ====="
started=$(date +%s.%N)
fresh rw_bench_national "$SCHOOLS"
loaded=$(date +%s.%N)
read -r answers staff <<<"$(query rw_bench_national \
  "SELECT (SELECT count(*) FROM scan_answers), (SELECT count(*) FROM memberships)" | tr '|' ' ')"
printf 'loaded %s staff and %s answers in %.0f s\n' "$staff" "$answers" "$(echo "$loaded - $started" | bc)"

serve_on rw_bench_national
cookie="raamwerk_session=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
[[ "$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/nl/netwerken/landelijk-netwerk")" == 200 ]] ||
  { echo "the network view does not answer" >&2; exit 1; }
stop
serve_on rw_bench_national
cookie="raamwerk_session=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
report "network view, $SCHOOLS schools" time_get "$base/nl/netwerken/landelijk-netwerk"
grep -q "<td>$SCHOOLS scholen</td>" "$tmp/out" || { echo "the network view counts wrong" >&2; exit 1; }
read -r n_scan n_alloc n_picture <<<"$(pages rw_bench_national)"
echo "peak memory of the instance: $(peak_mb) MB"
stop

fresh rw_bench_single 1
serve_on rw_bench_single
echo "--- the same school alone in its database ---"
read -r s_scan s_alloc s_picture <<<"$(pages rw_bench_single)"
stop
printf 'ratio national / alone (medians): scan %.2f, allocation %.2f, team picture %.2f (target <= 1.2)\n' \
  "$(echo "$n_scan / $s_scan" | bc -l)" "$(echo "$n_alloc / $s_alloc" | bc -l)" "$(echo "$n_picture / $s_picture" | bc -l)"
if [[ "$BACKEND" == sqlite ]]; then
  echo "database file: $(du -h "$tmp/rw_bench_national.db" | cut -f1)"
else
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS rw_bench_national WITH (FORCE)" >/dev/null
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS rw_bench_single WITH (FORCE)" >/dev/null
fi
