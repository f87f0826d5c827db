#!/usr/bin/env bash
# Rate export feeds under monitoring-robot load: Ratelink against nginx serving the same bytes, in one run.
#
# How to run:   bench/feeds.sh [seconds per wrk run, default 10] [rounds per case, default 2]
#   CASES="txt 304" runs only the cases whose label contains one of the words; RATELINK_JAVA_OPTS adds JVM
#   options (e.g. a profiler agent). JAVA=/path/to/bin/java picks Ratelink's JVM; by default the newest JDK 21+
#   under /usr/lib/jvm (virtual threads, the production setting: on JDK 17 gzip and 304 lose about a quarter),
#   else `java`. HEAP=256m sets every instance's -Xmx (default 512m); the Ratelink process's RSS (ps -o rss=) is
#   printed after the 2,000-direction catalogue and after the runs.
#   Needs wrk and nginx (Debian nginx-light), curl, cmp; builds target/ratelink-*.jar when it is missing or
#   older than the sources. Everything listens on 127.0.0.1 only (Ratelink 18110, nginx 18111), on an H2
#   database in /tmp/ratelink-bench-feeds (feeds are served from memory, so the database does not matter).
#   VARIANTS='name|java|jvm options|jar ...' (space-separated specs; empty fields mean the defaults) starts more
#   Ratelink instances (ports 18112, 18113, ..., each on its own database with the same catalogue) and adds each
#   one's ratio to the table: builds or JVM settings compared side by side, e.g. VARIANTS='jdk17|java||' (ADR 0004).
#   Takes about 6 minutes with the defaults: 6 cases x 2 servers x ROUNDS x SECS, plus start-up and a
#   2,000-direction catalogue created through the operator API (about 1.5 minutes).
#
# What it does: starts Ratelink without demo data, creates 46 currencies and 2,000 directions (some cash with
# cities, fees and flags) and a feed profile `bench` through the operator API, downloads the three files
# (plain and gzip) and puts those exact bytes under nginx (bench/nginx-feeds.conf, non-daemon, gzip_static),
# then runs wrk against both for: XML 200, XML 200 gzip, JSON 200 gzip, TXT 200, XML 304 (If-None-Match
# with each server's own ETag) and XML 304 (If-Modified-Since). Prints req/s and the ratio Ratelink/nginx.
# Goal: every ratio >= 0.7.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
ROUNDS=${2:-2}
APP_PORT=18110
NGINX_PORT=18111
TOKEN=bench-operator-token
WORK=/tmp/ratelink-bench-feeds
APP="http://127.0.0.1:$APP_PORT"
NGX="http://127.0.0.1:$NGINX_PORT"
API="$APP/api/operator/v1"
rm -rf "$WORK"
mkdir -p "$WORK/root/service/export/xml" "$WORK/root/service/export/json" "$WORK/root/service/export/txt"
PIDS=()
cleanup() {
  [ ${#PIDS[@]} -gt 0 ] && kill "${PIDS[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

source bench/jar.sh

if [ -z "${JAVA:-}" ]; then
  JAVA=java
  for j in /usr/lib/jvm/*/bin/java; do
    v=$("$j" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ {print $3}')
    [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] && [ "${v%%.*}" -ge "${BEST:-0}" ] && BEST=${v%%.*} && JAVA=$j
  done
fi
start_ratelink() { # java "jvm options" jar port data-dir log: starts it in the background, returns when it is up
  local pid
  # shellcheck disable=SC2086 # the options are words
  RATELINK_OPERATOR_TOKEN=$TOKEN "$1" -Xmx"${HEAP:-512m}" $2 -jar "$3" --server.port="$4" --server.address=127.0.0.1 \
    --ratelink.data-dir="$5" --ratelink.demo-data=false --ratelink.admin.password=bench-admin-password-1 \
    --logging.level.root=WARN >"$6" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  LAST_PID=$pid
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$4/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "Ratelink on $4 exited"; cat "$6"; exit 1; }
    sleep 1
  done
  echo "Ratelink on $4 did not start"; cat "$6"; exit 1
}
echo "== Ratelink on $("$JAVA" -version 2>&1 | head -1) ($JAVA)"
start_ratelink "$JAVA" "${RATELINK_JAVA_OPTS:-}" "$JAR" "$APP_PORT" "$WORK/data" "$WORK/app.log"
SERVER_PIDS=("$LAST_PID")

echo "== creating 46 currencies and 2,000 directions through the operator API"
# One curl process for all requests (one kept-alive connection); blocks are separated by `next`.
# The operator API's address is filled in per instance (@API@).
awk -v api="@API@" -v token="$TOKEN" 'BEGIN {
  n = 46
  for (i = 1; i <= n; i++) {
    code = sprintf("BN%02d", i); scale = (i % 3 == 0) ? 8 : 2
    printf "url = \"%s/currencies/%s\"\nrequest = \"PUT\"\nheader = \"Authorization: Bearer %s\"\n", api, code, token
    printf "header = \"Content-Type: application/json\"\noutput = \"/dev/null\"\nwrite-out = \"%%{http_code}\\n\"\n"
    printf "data = \"{\\\"name\\\":\\\"Bench %s\\\",\\\"unit\\\":\\\"%s\\\",\\\"scale\\\":%d,\\\"reserve\\\":\\\"2500000\\\",\\\"usdRate\\\":\\\"1\\\",\\\"active\\\":true}\"\nnext\n", code, code, scale
  }
  made = 0
  for (i = 1; i <= n && made < 2000; i++) for (j = 1; j <= n && made < 2000; j++) {
    if (i == j) continue
    if (made > 0) print "next"
    made++
    rate = sprintf("%.6f", (j * 1.0) / i)
    extra = ""
    if (made % 10 == 0) extra = extra ",\\\"cities\\\":[\\\"MSK\\\",\\\"SPB\\\"]"
    if (made % 7 == 0) extra = extra ",\\\"flags\\\":[\\\"manual\\\",\\\"verifying\\\"]"
    if (made % 5 == 0) extra = extra ",\\\"fromFee\\\":\\\"0.5%\\\",\\\"minFee\\\":\\\"1\\\""
    printf "url = \"%s/directions/BN%02d/BN%02d\"\nrequest = \"PUT\"\nheader = \"Authorization: Bearer %s\"\n", api, i, j, token
    printf "header = \"Content-Type: application/json\"\noutput = \"/dev/null\"\nwrite-out = \"%%{http_code}\\n\"\n"
    printf "data = \"{\\\"in\\\":\\\"1\\\",\\\"out\\\":\\\"%s\\\",\\\"minAmount\\\":\\\"10\\\",\\\"maxAmount\\\":\\\"5000\\\",\\\"profitPercent\\\":\\\"1\\\",\\\"active\\\":true%s}\"\n", rate, extra
  }
}' >"$WORK/catalogue.curl"
make_catalogue() { # base-url log
  local start=$(date +%s) bad
  sed "s|@API@|$1/api/operator/v1|" "$WORK/catalogue.curl" | curl -s -K - >"$WORK/catalogue.codes"
  bad=$(grep -vc '^200$' "$WORK/catalogue.codes" || true)
  [ "$bad" = 0 ] || { echo "$bad catalogue requests failed"; sort "$WORK/catalogue.codes" | uniq -c; tail -20 "$2"; exit 1; }
  echo "   $(wc -l <"$WORK/catalogue.codes") requests in $(( $(date +%s) - start )) s"
  curl -fs -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"Bench monitoring","enabled":true,"xmlFlavour":"classic"}' "$1/api/operator/v1/feeds/bench" >/dev/null
}
make_catalogue "$APP" "$WORK/app.log"
rss() { echo "$(( $(ps -o rss= -p "${SERVER_PIDS[0]}") / 1024 )) MB"; }
echo "   RSS of Ratelink after the catalogue: $(rss) (-Xmx${HEAP:-512m})"

for f in xml json txt; do
  curl -fs "$APP/service/export/$f/bench" -o "$WORK/root/service/export/$f/bench" -D "$WORK/$f.headers"
  curl -fs -H 'Accept-Encoding: gzip' "$APP/service/export/$f/bench" -o "$WORK/root/service/export/$f/bench.gz"
  # nginx derives Last-Modified from the file: give it Ratelink's.
  LM=$(grep -i '^last-modified:' "$WORK/$f.headers" | cut -d' ' -f2- | tr -d '\r')
  touch -d "$LM" "$WORK/root/service/export/$f/bench" "$WORK/root/service/export/$f/bench.gz"
done
ITEMS=$(grep -c '<item>' "$WORK/root/service/export/xml/bench")
LINES=$(wc -l <"$WORK/root/service/export/txt/bench")
echo "   feed: $ITEMS XML items / $LINES TXT lines (cash directions have one per city);" \
  "sizes xml $(stat -c %s "$WORK/root/service/export/xml/bench") B (gzip $(stat -c %s "$WORK/root/service/export/xml/bench.gz") B)," \
  "json $(stat -c %s "$WORK/root/service/export/json/bench") B, txt $(stat -c %s "$WORK/root/service/export/txt/bench") B"
[ "$LINES" -ge 2000 ] || { echo "expected at least 2,000 lines"; exit 1; }

nginx -c "$PWD/bench/nginx-feeds.conf" &
PIDS+=($!)
NGINX_PID=$!
for _ in $(seq 1 20); do curl -fs -o /dev/null "$NGX/service/export/txt/bench" && break; sleep 0.25; done

# The Ratelink instances: the first is the one above, the others are VARIANTS.
NAMES=(Ratelink)
URLS=("$APP")
port=$NGINX_PORT
for spec in ${VARIANTS:-}; do
  IFS='|' read -r name java opts jar <<<"$spec"
  port=$((port + 1))
  echo "== variant $name on $port"
  rm -rf "$WORK/data-$name"
  start_ratelink "${java:-$JAVA}" "$opts" "${jar:-$JAR}" "$port" "$WORK/data-$name" "$WORK/app-$name.log"
  make_catalogue "http://127.0.0.1:$port" "$WORK/app-$name.log"
  NAMES+=("$name")
  URLS+=("http://127.0.0.1:$port")
  SERVER_PIDS+=("$LAST_PID")
done

echo "== all servers send the same bytes"
for f in xml json txt; do
  curl -fs "$NGX/service/export/$f/bench" | cmp - "$WORK/root/service/export/$f/bench"
  curl -fs -H 'Accept-Encoding: gzip' "$NGX/service/export/$f/bench" | cmp - "$WORK/root/service/export/$f/bench.gz"
  for url in "${URLS[@]}"; do
    curl -fs -H 'Accept-Encoding: gzip' "$url/service/export/$f/bench" | cmp - "$WORK/root/service/export/$f/bench.gz"
  done
done
echo "   identical (plain and gzip)"
# The 304 runs send Accept-Encoding: gzip like a monitoring's robot; nginx tags its .gz file separately. Ratelink's
# tag is a digest of the bytes (the same on every instance); each instance has its own Last-Modified.
header() { # url name
  curl -fsI -H 'Accept-Encoding: gzip' "$1/service/export/xml/bench" | grep -i "^$2:" | cut -d' ' -f2- | tr -d '\r'
}
ETAG_APP=$(header "$APP" etag)
ETAG_NGX=$(header "$NGX" etag)
SINCE=$(header "$NGX" last-modified)
SINCES=()
for url in "${URLS[@]}"; do SINCES+=("$(header "$url" last-modified)"); done
expect304() { # base header
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H "$2" "$1/service/export/xml/bench")
  [ "$code" = 304 ] || { echo "expected 304 from $1 with $2, got $code"; exit 1; }
}
expect304 "$NGX" "If-None-Match: $ETAG_NGX"
expect304 "$NGX" "If-Modified-Since: $SINCE"
for i in "${!URLS[@]}"; do
  expect304 "${URLS[i]}" "If-None-Match: $ETAG_APP"
  expect304 "${URLS[i]}" "If-Modified-Since: ${SINCES[i]}"
done
echo "   all answer 304 to If-None-Match and If-Modified-Since"

source bench/ticks.sh
# run: label url server-pid header... -> "req/s bytes-per-response server-µs wrk-µs": the second shows a 304 run
# really got 304s; the last two are the CPU per request of the server (all its threads or workers) and of wrk,
# read from /proc around the run. With wrk on the same 2 cores, req/s follow the sum of the two.
run() {
  local label=$1 url=$2 pid=$3; shift 3
  local args=() t0 t1
  for h in "$@"; do args+=(-H "$h"); done
  t0=$(ticks "$pid")
  /usr/bin/time -f '%U %S' -o "$WORK/$label.time" wrk -t2 -c64 -d"${SECS}s" "${args[@]}" "$url" >"$WORK/$label.txt"
  t1=$(ticks "$pid")
  grep -q 'Non-2xx' "$WORK/$label.txt" && { echo "$label: unexpected statuses"; cat "$WORK/$label.txt"; exit 1; }
  awk -v server=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" -v wrk="$(awk '{print $1 + $2}' "$WORK/$label.time")" '
       / requests in / {n = $1; v = $5; sub(/read/, "", v); m = 1
                        if (v ~ /KB$/) m = 1024; else if (v ~ /MB$/) m = 1048576; else if (v ~ /GB$/) m = 1073741824
                        sub(/[KMG]?B$/, "", v); per = v * m / n}
       /Requests\/sec/ {rps = $2}
       END {printf "%s %d %.1f %.1f\n", rps, per, server / hz * 1e6 / n, wrk * 1e6 / n}' "$WORK/$label.txt"
}
echo "== warm-up of each Ratelink (every case, ${SECS} s in all)"
W=$(( SECS / 4 + 1 ))
for a in "${URLS[@]}"; do
  wrk -t2 -c64 -d"${W}s" "$a/service/export/xml/bench" >/dev/null
  wrk -t2 -c64 -d"${W}s" -H 'Accept-Encoding: gzip' "$a/service/export/xml/bench" >/dev/null
  wrk -t2 -c64 -d"${W}s" -H 'Accept-Encoding: gzip' "$a/service/export/json/bench" >/dev/null
  wrk -t2 -c64 -d"${W}s" -H 'Accept-Encoding: gzip' -H "If-None-Match: $ETAG_APP" "$a/service/export/xml/bench" >/dev/null
done

printf '%-28s %12s %12s %7s %16s' case 'nginx req/s' 'Ratelink' ratio 'bytes/response'
for name in "${NAMES[@]:1}"; do printf ' %10s' "$name"; done
echo
# The machine is shared: nginx and each Ratelink take turns, ROUNDS times each, so that a burst of other work
# falls on all; req/s are the means of the rounds. Variants show their ratio to nginx.
compare() { # label path header...
  local label=$1 path=$2; shift 2
  # CASES="txt 304" runs only the cases whose label contains one of these words.
  if [ -n "${CASES:-}" ]; then
    local c hit=
    for c in $CASES; do [[ "$label" == *"$c"* ]] && hit=1; done
    [ -n "$hit" ] || return 0
  fi
  local n r i first nsum=0 rsum=() ncpu=0 nwrk=0 rcpu=() rwrk=()
  local hs
  for i in "${!URLS[@]}"; do rsum[i]=0; rcpu[i]=0; rwrk[i]=0; done
  for round in $(seq "$ROUNDS"); do
    hs=("${@//@ETAG@/$ETAG_NGX}")
    n=($(run "$label-nginx-$round" "$NGX$path" "$NGINX_PID" "${hs[@]//@SINCE@/$SINCE}"))
    nsum=$(echo "$nsum + ${n[0]}" | bc)
    ncpu=$(echo "$ncpu + ${n[2]}" | bc); nwrk=$(echo "$nwrk + ${n[3]}" | bc)
    for i in "${!URLS[@]}"; do
      hs=("${@//@ETAG@/$ETAG_APP}")
      r=($(run "$label-${NAMES[i]}-$round" "${URLS[i]}$path" "${SERVER_PIDS[i]}" "${hs[@]//@SINCE@/${SINCES[i]}}"))
      rsum[i]=$(echo "${rsum[i]} + ${r[0]}" | bc)
      rcpu[i]=$(echo "${rcpu[i]} + ${r[2]}" | bc); rwrk[i]=$(echo "${rwrk[i]} + ${r[3]}" | bc)
      [ "$i" = 0 ] && first=${r[1]}
    done
  done
  printf '%-28s %12.0f %12.0f %7.2f %16s' "$label" "$(echo "$nsum / $ROUNDS" | bc -l)" \
    "$(echo "${rsum[0]} / $ROUNDS" | bc -l)" "$(echo "${rsum[0]} / $nsum" | bc -l)" "${n[1]} / $first"
  for i in "${!URLS[@]}"; do [ "$i" = 0 ] || printf ' %10.2f' "$(echo "${rsum[i]} / $nsum" | bc -l)"; done
  echo
  printf '%-28s µs CPU per request (server + wrk): nginx %.1f + %.1f' '' "$(echo "$ncpu / $ROUNDS" | bc -l)" \
    "$(echo "$nwrk / $ROUNDS" | bc -l)"
  for i in "${!URLS[@]}"; do
    printf ', %s %.1f + %.1f' "${NAMES[i]}" "$(echo "${rcpu[i]} / $ROUNDS" | bc -l)" "$(echo "${rwrk[i]} / $ROUNDS" | bc -l)"
  done
  echo
}
compare "xml 200" /service/export/xml/bench
compare "xml 200 gzip" /service/export/xml/bench 'Accept-Encoding: gzip'
compare "json 200 gzip" /service/export/json/bench 'Accept-Encoding: gzip'
compare "txt 200" /service/export/txt/bench
compare "xml 304 If-None-Match" /service/export/xml/bench 'If-None-Match: @ETAG@' 'Accept-Encoding: gzip'
compare "xml 304 If-Modified-Since" /service/export/xml/bench 'If-Modified-Since: @SINCE@' 'Accept-Encoding: gzip'
echo "(wrk -t2 -c64 -d${SECS}s, $ROUNDS rounds per server and case; raw wrk output in $WORK)"
echo "RSS of Ratelink after the runs: $(rss) (-Xmx${HEAP:-512m}); load average $(cut -d' ' -f1-3 /proc/loadavg)"
