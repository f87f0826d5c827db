#!/usr/bin/env bash
# Throughput of the partner link /ref/{code}/?cur_from=PMUSD&cur_to=BTC (a real browser user agent, so every
# request is a counted click committed to PostgreSQL before its 302) against nginx answering `return 302`
# in the same run, then a crash test: kill -9 under load and check that every 302 wrk got has its click row.
# Localhost only, bounded in time. Needs: Debian's postgresql (a private cluster is started on port 15432 so
# that other work on the machine's server, e.g. test runs creating databases, does not skew the figures;
# fsync stays on), wrk, nginx. Usage: bench/clicks.sh [seconds per run, default 15]
#   JAVA=/path/to/bin/java picks Ratelink's JVM (default `java`; Temurin 25: /usr/lib/jvm/temurin-25-jdk-amd64/bin/java),
#   HEAP=256m its -Xmx (default 512m), JAVA_OPTS more JVM options (e.g. -XX:StartFlightRecording=...).
#   MILLION=1 then clicks on until the partner has 1,000,000 clicks and prints the Ratelink process's RSS.
#   Each run also prints the CPU per request of Ratelink, PostgreSQL and wrk, read from /proc: wrk shares the two
#   cores, so requests/s follow their sum, and the split says where a stored click's cost is.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-15}
APP_PORT=18080
DB=ratelink_bench_clicks
UA='Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36'
TOKEN=bench-operator-token
WORK=/tmp/ratelink-bench-nginx
mkdir -p "$WORK"
APP_PID=
NGINX_PID=
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  stop_private_pg
}
trap cleanup EXIT

source bench/jar.sh

source bench/private-pg.sh
psql -qc "CREATE DATABASE $DB" postgres

start_app() {
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATASOURCE_PASSWORD= RATELINK_OPERATOR_TOKEN=$TOKEN \
    "${JAVA:-java}" -Xmx"${HEAP:-512m}" ${JAVA_OPTS:-} -jar "$JAR" --server.port=$APP_PORT --ratelink.data-dir=/tmp/ratelink-bench-data \
    --logging.level.root=WARN >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 120); do
    kill -0 "$APP_PID" 2>/dev/null || { echo "Ratelink exited"; cat "$WORK/app.log"; exit 1; }
    curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "Ratelink did not start"; cat "$WORK/app.log"; exit 1
}

echo "== Ratelink on $("${JAVA:-java}" -version 2>&1 | head -1), -Xmx${HEAP:-512m} ${JAVA_OPTS:-}"
start_app
CODE=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"email":"bench@partners.test","password":"correct horse battery staple 9"}' \
  "http://127.0.0.1:$APP_PORT/api/operator/v1/partners" | sed -E 's/.*"code":"([^"]+)".*/\1/')
LINK="http://127.0.0.1:$APP_PORT/ref/$CODE/?cur_from=PMUSD&cur_to=BTC"
echo "Partner link: $LINK"
curl -s -o /dev/null -D - -A "$UA" "$LINK" | grep -iE '^(HTTP|location|cache-control)'

nginx -c "$PWD/bench/nginx-clicks.conf" &
NGINX_PID=$!
sleep 1

source bench/ticks.sh
PG_PID=$(head -1 "$PGDATA_BENCH/postmaster.pid")
run() { # url label server-pid
  local t0 p0 t1 p1 n hz
  hz=$(getconf CLK_TCK)
  t0=$(ticks "$3"); p0=$(ticks "$PG_PID")
  /usr/bin/time -f '%U %S' -o "$WORK/$2.time" wrk -t2 -c64 -d"${SECS}s" -H "User-Agent: $UA" "$1" >"$WORK/$2.txt"
  t1=$(ticks "$3"); p1=$(ticks "$PG_PID")
  grep -E 'Requests/sec|Latency|Non-2xx|Socket errors|requests in' "$WORK/$2.txt"
  n=$(awk '/ requests in / {print $1}' "$WORK/$2.txt")
  echo "    µs CPU per request: server $(echo "scale=1; ($t1 - $t0) * 1000000 / $hz / $n" | bc)," \
    "PostgreSQL $(echo "scale=1; ($p1 - $p0) * 1000000 / $hz / $n" | bc)," \
    "wrk $(awk -v n="$n" '{printf "%.1f", ($1 + $2) * 1e6 / n}' "$WORK/$2.time")"
}
echo "== warm-up Ratelink (10 s)"; wrk -t2 -c32 -d10s -H "User-Agent: $UA" "$LINK" >/dev/null
echo "== nginx return 302"; run "http://127.0.0.1:18081/ref/$CODE/?cur_from=PMUSD&cur_to=BTC" nginx "$NGINX_PID"
echo "== Ratelink /ref on PostgreSQL"; run "$LINK" ratelink "$APP_PID"
echo "== Ratelink /ref with an unknown code (same JVM and filter, no click to store: the stack's ceiling)"
run "http://127.0.0.1:$APP_PORT/ref/nosuchcode/?cur_from=PMUSD&cur_to=BTC" unknown "$APP_PID"
N=$(grep Requests/sec "$WORK/nginx.txt" | awk '{print $2}')
R=$(grep Requests/sec "$WORK/ratelink.txt" | awk '{print $2}')
U=$(grep Requests/sec "$WORK/unknown.txt" | awk '{print $2}')
echo "ratio Ratelink/nginx = $(echo "scale=3; $R / $N" | bc)  (nginx $N req/s, Ratelink $R req/s;" \
     "unknown code, nothing stored: $U req/s = $(echo "scale=3; $U / $N" | bc) x nginx)"
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores, shared with other work)"
kill "$NGINX_PID"; NGINX_PID=

PID=$(psql -tAc "SELECT id FROM partners WHERE code = '$CODE'" $DB)
if [ -n "${MILLION:-}" ]; then
  echo "== clicking on to 1,000,000 clicks (RSS of the Ratelink process, ps -o rss=)"
  echo "   RSS now: $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MB"
  for _ in $(seq 1 60); do
    n=$(psql -tAc "SELECT COALESCE(SUM(clicks + not_counted), 0) FROM click_days WHERE partner_id = $PID" $DB)
    [ "$n" -ge 1000000 ] && break
    wrk -t2 -c64 -d10s -H "User-Agent: $UA" "$LINK" >/dev/null
  done
  echo "   $n clicks stored; RSS $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MB (-Xmx${HEAP:-512m})"
fi

echo "== crash test: kill -9 after 5 s of load"
BEFORE=$(psql -tAc "SELECT COUNT(*) FROM clicks WHERE partner_id = $PID" $DB)
wrk -t2 -c64 -d12s -H "User-Agent: $UA" -s bench/count302.lua "$LINK" >"$WORK/crash.txt" 2>&1 &
WRK=$!
sleep 5
kill -9 "$APP_PID"; APP_PID=
wait "$WRK" || true
GOT=$(grep redirects_302 "$WORK/crash.txt" | cut -d= -f2)
AFTER=$(psql -tAc "SELECT COUNT(*) FROM clicks WHERE partner_id = $PID" $DB)
ROWS=$((AFTER - BEFORE))
echo "302s received by wrk: $GOT; click rows committed: $ROWS"
if [ "$ROWS" -ge "$GOT" ]; then
  echo "OK: every 302 has its click (rows - 302s = $((ROWS - GOT)) committed clicks whose answer the kill cut off)"
else
  echo "LOST: $((GOT - ROWS)) redirects without a click row"; exit 1
fi
