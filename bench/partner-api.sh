#!/usr/bin/env bash
# Partner API get_links over a partner with 1,000,000 clicks (whole range, streamed) on PostgreSQL,
# against psql reading the same rows as JSON, in one run; and the JVM heap while it streams.
#
#   bench/partner-api.sh            # needs PostgreSQL on 127.0.0.1:5432 (trust), psql, curl, jstat, python3
#   CLICKS=200000 RUNS=2 bench/partner-api.sh
#
# Everything stays on 127.0.0.1; the database rl_bench_api is dropped and made anew; the node is
# stopped at the end. The heap is capped (HEAP, default 128m) far below the size of the answer, so a
# result held in memory would fail with OutOfMemoryError rather than just look slow.
set -euo pipefail
cd "$(dirname "$0")/.."
CLICKS=${CLICKS:-1000000}
RUNS=${RUNS:-3}
HEAP=${HEAP:-128m}
PORT=${PORT:-18181}
DB=rl_bench_api
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
OUT=$(mktemp -d)
NODE=
cleanup() { [ -n "$NODE" ] && kill "$NODE" 2>/dev/null && wait "$NODE" 2>/dev/null; [ -n "${KEEP:-}" ] && cp "$OUT/node.log" /tmp/bench-node.log; rm -rf "$OUT"; }
trap cleanup EXIT

source bench/jar.sh

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
java -Xmx$HEAP -jar "$JAR" --server.port=$PORT --ratelink.demo-data=false \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  --ratelink.operator-token=bench-token --ratelink.data-dir="$OUT/data" >"$OUT/node.log" 2>&1 &
NODE=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { tail -50 "$OUT/node.log"; exit 1; }

PARTNER=$(curl -fs -X POST -H 'Authorization: Bearer bench-token' -H 'Content-Type: application/json' \
  -d '{"email":"bench@partners.test","password":"correct horse battery staple"}' \
  "http://127.0.0.1:$PORT/api/operator/v1/partners" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
# A key as the cabinet makes it (12 hex of prefix + 32 hex of secret), stored as its SHA-256 only.
KEY=$(python3 -c 'import secrets; print(secrets.token_hex(6) + secrets.token_hex(16))')
HASH=$(printf '%s' "$KEY" | sha256sum | cut -d' ' -f1)
"${PSQL[@]}" -d $DB <<SQL
INSERT INTO api_keys (partner_id, prefix, key_hash, created_at) VALUES ($PARTNER, '${KEY:0:12}', '$HASH', now());
INSERT INTO clicks (partner_id, created_at, counted, not_counted, browser, user_agent, ip, referrer, query_string, user_hash, target)
SELECT $PARTNER, timestamptz '2024-01-01 00:00:00+00' + g * interval '7 seconds', TRUE, NULL, 'Chrome 120',
       'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
       '203.0.' || (g % 256) || '.' || (g % 250), 'https://monitor.example/rates?from=PMUSD&to=BTC',
       'cur_from=PMUSD&cur_to=BTC', substr(md5(g::text), 1, 8), '/exchange/PMUSD/BTC'
FROM generate_series(1, $CLICKS) g;
ANALYZE clicks;
SQL

URL="http://127.0.0.1:$PORT/service/partner/api.php?api_action=pp&api_key=$KEY&method=get_links"
API_SQL="SELECT json_build_object('id', id, 'time', extract(epoch from created_at)::bigint,
  'date', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), 'browser', browser, 'ip', ip,
  'referrer', referrer, 'user_hash', user_hash, 'query_string', query_string)
  FROM clicks WHERE partner_id = $PARTNER AND counted ORDER BY created_at DESC, id DESC"

for _ in 1 2 3; do curl -fs "$URL&limit=20000" >/dev/null; done   # JIT warm-up
jstat -gc "$NODE" 100 >"$OUT/gc.txt" &
JSTAT=$!
sleep 1
api=(); pg=()
for i in $(seq 1 "$RUNS"); do
  api+=("$(curl -fs -o "$OUT/api.json" -w '%{time_total}' "$URL")")
  start=$(date +%s.%N)
  "${PSQL[@]}" -d $DB -At -c "COPY ($API_SQL) TO STDOUT" >"$OUT/psql.json"
  pg+=("$(echo "$(date +%s.%N) - $start" | bc)")
done
kill $JSTAT 2>/dev/null || true

ITEMS=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["data"]["items"]))' "$OUT/api.json")
ROWS=$(wc -l <"$OUT/psql.json")
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
A=$(median "${api[@]}"); P=$(median "${pg[@]}")
# Peak of heap in use (survivors + eden + old, KB) while the answers streamed, against the cap.
PEAK=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$OUT/gc.txt")
echo "get_links items: $ITEMS   psql rows: $ROWS   answer bytes: $(wc -c <"$OUT/api.json")"
echo "runs (s)  api: ${api[*]}   psql: ${pg[*]}"
echo "median    api: $A s   psql: $P s   ratio api/psql: $(echo "scale=2; $A / $P" | bc)   (goal <= 2)"
echo "heap in use while streaming: peak ${PEAK} MB of -Xmx$HEAP"
[ "$ITEMS" = "$CLICKS" ] && [ "$ROWS" = "$CLICKS" ]
