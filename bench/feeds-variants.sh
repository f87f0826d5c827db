#!/usr/bin/env bash
# Several Ratelink builds or JVM settings against nginx on the feed, side by side in one run (ADR 0004).
#
# How to run:   bench/feeds.sh 1 1   (once: builds the 2,000-direction catalogue and nginx's copy in /tmp)
#               bench/feeds-variants.sh SECS ROUNDS 'name|port|java|jvm options|jar' ...
#   e.g.  bench/feeds-variants.sh 5 3 'jdk17|18120|java||' 'jdk25|18121|/usr/lib/jvm/temurin-25-jdk-amd64/bin/java||'
#   Empty java means `java`, empty jar target/ratelink-*.jar. CASES="gz txt" picks among xml gz jgz txt inm ims.
#   Each variant runs on its own copy of the bench database; nginx (18111) and the variants take turns for
#   every case and round, so a burst of other work falls on all of them. Prints nginx's mean req/s and each
#   variant's ratio to it. Everything listens on 127.0.0.1 and stops at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
SECS=${1:?seconds per wrk run}; ROUNDS=${2:?rounds}; shift 2
WORK=/tmp/ratelink-bench-feeds
[ -d "$WORK/data" ] && [ -f "$WORK/xml.headers" ] || { echo "run bench/feeds.sh first (it leaves $WORK)"; exit 1; }
DEFAULT_JAR=$(ls target/ratelink-*.jar 2>/dev/null | grep -v original | head -1)
NAMES=(nginx); PORTS=(18111); PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null; wait 2>/dev/null; }
trap cleanup EXIT
nginx -c "$PWD/bench/nginx-feeds.conf" &
PIDS+=($!)
for spec in "$@"; do
  IFS='|' read -r name port java opts jar <<<"$spec"
  NAMES+=("$name"); PORTS+=("$port")
  rm -rf "$WORK/data-$name"; cp -r "$WORK/data" "$WORK/data-$name"
  # shellcheck disable=SC2086 # the options are words
  RATELINK_OPERATOR_TOKEN=bench-operator-token "${java:-java}" -Xmx512m $opts -jar "${jar:-$DEFAULT_JAR}" \
    --server.port="$port" --server.address=127.0.0.1 --ratelink.data-dir="$WORK/data-$name" --ratelink.demo-data=false \
    --ratelink.admin.password=bench-admin-password-1 --logging.level.root=WARN >"$WORK/app-$name.log" 2>&1 &
  PIDS+=($!)
done
for p in "${PORTS[@]}"; do
  for _ in $(seq 1 120); do curl -fs -o /dev/null "http://127.0.0.1:$p/service/export/txt/bench" && break; sleep 1; done
  curl -fs -o /dev/null "http://127.0.0.1:$p/service/export/txt/bench" || { echo "port $p did not answer"; exit 1; }
done
SINCE=$(grep -i '^last-modified:' "$WORK/xml.headers" | cut -d' ' -f2- | tr -d '\r')
declare -A ETAG
for p in "${PORTS[@]}"; do
  ETAG[$p]=$(curl -fsI -H 'Accept-Encoding: gzip' "http://127.0.0.1:$p/service/export/xml/bench" | grep -i '^etag:' | cut -d' ' -f2- | tr -d '\r')
done
for p in "${PORTS[@]:1}"; do  # warm-up
  wrk -t2 -c64 -d3s "http://127.0.0.1:$p/service/export/txt/bench" >/dev/null
  wrk -t2 -c64 -d3s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$p/service/export/xml/bench" >/dev/null
  wrk -t2 -c64 -d3s -H 'Accept-Encoding: gzip' -H "If-None-Match: ${ETAG[$p]}" "http://127.0.0.1:$p/service/export/xml/bench" >/dev/null
done
one() { # port path header... -> req/s (exits on any non-2xx/3xx answer)
  local p=$1 path=$2 out; shift 2
  local args=()
  for h in "$@"; do args+=(-H "${h//@ETAG@/${ETAG[$p]}}"); done
  out=$(wrk -t2 -c64 -d"${SECS}s" "${args[@]}" "http://127.0.0.1:$p$path")
  grep -q 'Non-2xx' <<<"$out" && { echo "unexpected statuses from $p: $out" >&2; exit 1; }
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
printf '%-6s %10s' case 'nginx r/s'; for n in "${NAMES[@]:1}"; do printf ' %10s' "$n"; done; echo
compare() { # label path header...
  local label=$1; shift
  declare -A sum
  for p in "${PORTS[@]}"; do sum[$p]=0; done
  for _ in $(seq "$ROUNDS"); do
    for p in "${PORTS[@]}"; do sum[$p]=$(echo "${sum[$p]} + $(one "$p" "$@")" | bc); done
  done
  printf '%-6s %10.0f' "$label" "$(echo "${sum[18111]} / $ROUNDS" | bc -l)"
  for p in "${PORTS[@]:1}"; do printf ' %10.2f' "$(echo "${sum[$p]} / ${sum[18111]}" | bc -l)"; done; echo
}
for c in ${CASES:-xml gz jgz txt inm ims}; do
  case $c in
    xml) compare xml /service/export/xml/bench ;;
    gz) compare gz /service/export/xml/bench 'Accept-Encoding: gzip' ;;
    jgz) compare jgz /service/export/json/bench 'Accept-Encoding: gzip' ;;
    txt) compare txt /service/export/txt/bench ;;
    inm) compare inm /service/export/xml/bench 'If-None-Match: @ETAG@' 'Accept-Encoding: gzip' ;;
    ims) compare ims /service/export/xml/bench "If-Modified-Since: $SINCE" 'Accept-Encoding: gzip' ;;
  esac
done
echo "(wrk -t2 -c64 -d${SECS}s, $ROUNDS rounds; gz = XML gzip, jgz = JSON gzip, inm/ims = XML 304 by If-None-Match/If-Modified-Since)"
