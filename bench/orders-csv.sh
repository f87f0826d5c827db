#!/usr/bin/env bash
# The operator's CSV export of 1,000,000 orders (GET /api/operator/v1/orders.csv, no filter) on
# PostgreSQL, with the JVM heap capped at 256 MB: the export must stream (rows in pages from a cursor,
# written as they come), so a result held in memory fails with OutOfMemoryError instead of looking slow.
#
#   bench/orders-csv.sh               # needs PostgreSQL on 127.0.0.1:5432 (trust), psql, curl, jstat
#   ORDERS=200000 HEAP=128m bench/orders-csv.sh
#
# Everything stays on 127.0.0.1; the database rl_bench_orders is dropped and made anew; the node is
# stopped at the end. Prints rows, bytes, time and the peak heap in use while streaming; fails unless
# every order is in the file exactly once (header + ORDERS lines) and the node is still healthy.
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${ORDERS:-1000000}
HEAP=${HEAP:-256m}
PORT=${PORT:-18182}
DB=rl_bench_orders
PSQL=(psql -h 127.0.0.1 -U postgres -X -q -v ON_ERROR_STOP=1)
OUT=$(mktemp -d)
NODE=
cleanup() { [ -n "$NODE" ] && kill "$NODE" 2>/dev/null && { wait "$NODE" 2>/dev/null || true; }; [ -n "${KEEP:-}" ] && cp "$OUT/node.log" /tmp/bench-node.log; rm -rf "$OUT"; }
trap cleanup EXIT

source bench/jar.sh

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
java -Xmx$HEAP -XX:+ExitOnOutOfMemoryError -jar "$JAR" --server.port=$PORT --ratelink.demo-data=false \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$DB --spring.datasource.username=postgres \
  --ratelink.operator-token=bench-token --ratelink.data-dir="$OUT/data" >"$OUT/node.log" 2>&1 &
NODE=$!
for _ in $(seq 1 360); do curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { tail -50 "$OUT/node.log"; exit 1; }

# A million orders over about a year, a tenth referred, some accounts and e-mails a spreadsheet would
# run as formulas (they must come out defused).
"${PSQL[@]}" -d $DB <<SQL
INSERT INTO orders (public_id, number, from_code, to_code, rate_in, rate_out, amount_give, amount_get, account, email,
                    email_search, city, status, created_at, updated_at, expires_at, partner_id, partner_reward)
SELECT 'b' || lpad(g::text, 21, '0'), 'N' || g, 'PMUSD', 'BTC', 65500, 1, 100 + g % 900, (100 + g % 900) / 65500.0,
       CASE WHEN g % 1000 = 0 THEN '=cmd|'' /c calc''!A1' ELSE 'bc1q' || md5(g::text) END,
       'client' || g || '@example.test', 'client' || g || '@example.test', NULL,
       (ARRAY['new','paid','processing','success','cancelled'])[1 + g % 5],
       timestamptz '2025-11-01 00:00:00+00' + g * interval '31 seconds',
       timestamptz '2025-11-01 00:00:00+00' + g * interval '31 seconds',
       timestamptz '2025-11-01 01:00:00+00' + g * interval '31 seconds',
       CASE WHEN g % 10 = 0 THEN 1 END, 0
FROM generate_series(1, $ORDERS) g;
ANALYZE orders;
SQL

URL="http://127.0.0.1:$PORT/api/operator/v1/orders.csv"
jstat -gc "$NODE" 100 >"$OUT/gc.txt" &
JSTAT=$!
sleep 1
TIME=$(curl -fs -H 'Authorization: Bearer bench-token' -o "$OUT/orders.csv" -w '%{time_total}' "$URL")
kill $JSTAT 2>/dev/null || true
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "node died:"; tail -20 "$OUT/node.log"; exit 1; }

LINES=$(wc -l <"$OUT/orders.csv")
DISTINCT=$(tail -n +2 "$OUT/orders.csv" | cut -d, -f1 | sort -u | wc -l)
DEFUSED=$(grep -c "\"'=cmd|" "$OUT/orders.csv" || true)
PEAK=$(awk 'NR>1 && $1 ~ /^[0-9.]+$/ {u=$3+$4+$6+$8; if (u>m) m=u} END {printf "%.0f", m/1024}' "$OUT/gc.txt")
echo "rows: $((LINES - 1)) (distinct ids $DISTINCT) of $ORDERS   bytes: $(wc -c <"$OUT/orders.csv")   time: $TIME s"
echo "formula cells defused: $DEFUSED   heap in use while streaming: peak ${PEAK} MB of -Xmx$HEAP"
[ "$((LINES - 1))" = "$ORDERS" ] && [ "$DISTINCT" = "$ORDERS" ] && [ "$DEFUSED" = "$((ORDERS / 1000))" ]
