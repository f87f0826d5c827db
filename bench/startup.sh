#!/usr/bin/env bash
# Start-up time of the packaged jar: from the launch to the first 200 of /actuator/health, on the embedded
# H2 database with the demo catalogue (a fresh data folder each start, as on a newcomer's first start), for
# `java -jar` against bin/ratelink (the same jar with the JVM's start-up cache), taking turns so that a burst
# of other work on the machine falls on both. Each JDK given is measured (default: java on the PATH and the
# newest JDK 21+ under /usr/lib/jvm). Localhost only; every process is stopped at the end.
# DATA=kept measures a restart instead: one data folder per JDK, made by the uncounted first start and kept,
# so every counted start finds its schema migrated and the demo catalogue loaded (a rolling restart).
# Usage: bench/startup.sh [rounds, default 5]      JDKS="/usr/lib/jvm/x/bin/java ..."  JAVA_OPTS=-Xmx256m  DATA=kept
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
PORT=18090
source bench/jar.sh
newest=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | while read -r j; do
  v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
  [ "${v:-0}" -ge 21 ] && echo "$v $j"; done | sort -n | tail -1 | cut -d' ' -f2)
JDKS=${JDKS:-"$(readlink -f "$(command -v java)") $newest"}
WORK=$(mktemp -d /tmp/ratelink-bench-startup.XXXX)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT

once() { # once JAVA MODE -> milliseconds to healthy, RSS in MB
  local data
  if [ "${DATA:-fresh}" = kept ]; then data="$WORK/kept-$(cache_name "$1")"; mkdir -p "$data"; else data=$(mktemp -d "$WORK/data.XXXX"); fi
  local t0; t0=$(date +%s%N)
  JAVA=$1 RATELINK_FAST_START=$2 RATELINK_CACHE_DIR="$WORK/cache-$(cache_name "$1")" \
    bin/ratelink --server.port=$PORT --ratelink.data-dir="$data" --logging.level.root=WARN >"$data/log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health"; do
    kill -0 "$PID" 2>/dev/null || { echo "failed to start:" >&2; tail -20 "$data/log" >&2; exit 1; }
    sleep 0.02
  done
  local t1; t1=$(date +%s%N)
  local rss; rss=$(ps -o rss= -p "$PID" 2>/dev/null || echo 0)
  echo "$(( (t1 - t0) / 1000000 )) $(( ${rss:-0} / 1024 ))"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}
cache_name() { basename "$(dirname "$(dirname "$1")")"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '%-45s %-10s %10s %10s %8s\n' JDK start median_ms runs_ms rss_mb
for jdk in $JDKS; do
  # The first start with fast start on makes the cache (the training run): not counted.
  once "$jdk" on >/dev/null
  : >"$WORK/off"; : >"$WORK/on"
  for _ in $(seq "$ROUNDS"); do
    once "$jdk" off >>"$WORK/off"
    once "$jdk" on >>"$WORK/on"
  done
  for mode in off on; do
    printf '%-45s %-10s %10s %10s %8s\n' "$jdk" "$([ $mode = on ] && echo cache || echo 'java -jar')" \
      "$(cut -d' ' -f1 "$WORK/$mode" | median)" "$(cut -d' ' -f1 "$WORK/$mode" | paste -sd,)" \
      "$(cut -d' ' -f2 "$WORK/$mode" | median)"
  done
done
