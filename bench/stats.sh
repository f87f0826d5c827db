#!/usr/bin/env bash
# Cabinet statistics with 5,000,000 clicks in the table (1,000,000 of them the measured partner's, a year
# of them) on PostgreSQL: times /account/partner/stats and /account/clicks as a logged-in partner (goal:
# under 200 ms), then streams the partner's 1,000,000-click CSV from a node with a 256 MB heap.
# Localhost only, bounded. Needs Debian's postgresql (private cluster on port 15432) and curl.
# Usage: bench/stats.sh [total clicks, default 5000000]
set -euo pipefail
cd "$(dirname "$0")/.."
TOTAL=${1:-5000000}
APP_PORT=18090
DB=ratelink_bench_stats
TOKEN=bench-operator-token
PASSWORD='correct horse battery staple 9'
WORK=/tmp/ratelink-bench-stats
mkdir -p "$WORK"
APP_PID=
source bench/private-pg.sh
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  sleep 1
  stop_private_pg
}
trap cleanup EXIT

source bench/jar.sh
psql -qc "CREATE DATABASE $DB" postgres

SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=postgres \
RATELINK_OPERATOR_TOKEN=$TOKEN java -Xmx256m -jar "$JAR" --server.port=$APP_PORT \
  --ratelink.data-dir=$WORK/data --ratelink.admin.email=admin@bench.local --ratelink.admin.password="$PASSWORD" \
  --logging.level.root=WARN >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$APP_PORT/actuator/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"email\":\"stats@partners.test\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$APP_PORT/api/operator/v1/partners" >/dev/null
PID=$(psql -tAc "SELECT id FROM partners WHERE email = 'stats@partners.test'" $DB)

echo "== filling $TOTAL clicks (every 5th one of partner $PID, the rest spread over 200 others), a year back"
START=$(date +%s)
psql -q $DB <<SQL  # VACUUM at the end: a steady state, no autovacuum running under the timings
INSERT INTO clicks (partner_id, created_at, counted, not_counted, browser, user_agent, ip, referrer, query_string,
                    user_hash, target)
SELECT CASE WHEN g % 5 = 0 THEN $PID ELSE 100000 + g % 200 END,
       now() - (g % 31536000) * interval '1 second',
       g % 50 <> 0, CASE WHEN g % 50 = 0 THEN 'bot' END,
       CASE WHEN g % 3 = 0 THEN 'Firefox 121' ELSE 'Chrome 120' END,
       'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
       '198.51.100.' || (g % 250), 'https://monitoring.example/rates/' || (g % 1000),
       'cur_from=PMUSD&cur_to=BTC', substr(md5((g % 400000)::text), 1, 12), '/exchange/PMUSD/BTC'
FROM generate_series(1, $TOTAL) g;
INSERT INTO click_days (partner_id, click_day, clicks, visitors, not_counted)
SELECT partner_id, (created_at AT TIME ZONE 'UTC')::date, count(*) FILTER (WHERE counted),
       count(DISTINCT user_hash) FILTER (WHERE counted), count(*) FILTER (WHERE NOT counted)
FROM clicks GROUP BY 1, 2;
INSERT INTO orders (public_id, from_code, to_code, rate_in, rate_out, amount_give, amount_get, account, email,
                    status, created_at, updated_at, expires_at, partner_id, user_hash, partner_reward)
SELECT 'bench' || g, 'PMUSD', 'BTC', 65500, 1, 100, 0.0015, 'bc1qbench', 'c@example.com',
       CASE WHEN g % 3 = 0 THEN 'success' ELSE 'cancelled' END, now() - (g % 31536000) * interval '1 second',
       now(), now(), $PID, substr(md5(g::text), 1, 12), 0.25
FROM generate_series(1, 20000) g;
VACUUM ANALYZE;
SQL
echo "filled in $(( $(date +%s) - START )) s: $(psql -tAc 'SELECT count(*) FROM clicks' $DB) clicks," \
     "$(psql -tAc "SELECT count(*) FROM clicks WHERE partner_id = $PID" $DB) of the partner"

JAR_COOKIES=$WORK/cookies.txt
rm -f "$JAR_COOKIES"
CSRF=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "http://127.0.0.1:$APP_PORT/login" \
  | sed -nE 's/.*name="_csrf"[^>]*value="([^"]+)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "email=stats@partners.test" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "http://127.0.0.1:$APP_PORT/login"

timeit() {
  local path=$1 times=() JAR_COOKIES=${2:-$JAR_COOKIES}
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$JAR_COOKIES" "http://127.0.0.1:$APP_PORT$path"; done  # warm-up (JIT)
  for _ in 1 2 3 4 5 6 7; do
    times+=("$(curl -s -o "$WORK/page.html" -w '%{http_code} %{time_total}' -b "$JAR_COOKIES" "http://127.0.0.1:$APP_PORT$path")")
  done
  printf '%s\n' "${times[@]}" | sort -k2 -n | sed -n 4p | awk -v p="$path" '{printf "%-55s HTTP %s  median %.1f ms\n", p, $1, $2 * 1000}'
}
# The first request of each page after start: templates parsed, code not yet compiled, database pages cold.
echo "== first request after start"
for path in /account/partner/stats /account/clicks; do
  curl -s -o /dev/null -w "$path  HTTP %{http_code}  %{time_total} s\n" -b "$JAR_COOKIES" "http://127.0.0.1:$APP_PORT$path"
done
echo "== timings as the partner (7 runs each, median)"
timeit "/account/partner/stats"
timeit "/account/partner/stats?days=365"
timeit "/account/partner/stats?days=7"
timeit "/account/partner/stats"
timeit "/account/clicks"
timeit "/account/clicks?browser=firefox"
timeit "/account/partner"
ADMIN_COOKIES=$WORK/admin-cookies.txt
rm -f "$ADMIN_COOKIES"
CSRF=$(curl -s -c "$ADMIN_COOKIES" -b "$ADMIN_COOKIES" "http://127.0.0.1:$APP_PORT/admin/login" \
  | sed -nE 's/.*name="_csrf"[^>]*value="([^"]+)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$ADMIN_COOKIES" -b "$ADMIN_COOKIES" --data-urlencode "email=admin@bench.local" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$CSRF" "http://127.0.0.1:$APP_PORT/admin/login"
echo "== timings as the admin"
timeit "/admin/clicks" "$ADMIN_COOKIES"
timeit "/admin/clicks?flag=bot" "$ADMIN_COOKIES"
timeit "/admin/clicks?partner=$PID&browser=firefox" "$ADMIN_COOKIES"
curl -s -b "$JAR_COOKIES" "http://127.0.0.1:$APP_PORT/account/partner/stats?days=365" \
  | grep -oE 'id="stats-(clicks|visitors|orders|conversion|earnings)">[^<]*' | sed 's/id="//; s/">/ = /'

echo "== CSV of all the partner's counted clicks, streamed by a node with -Xmx256m"
curl -s -b "$JAR_COOKIES" -o "$WORK/clicks.csv" -w 'HTTP %{http_code}, %{size_download} bytes in %{time_total} s\n' \
  "http://127.0.0.1:$APP_PORT/account/clicks.csv"
echo "rows (without header): $(( $(wc -l < "$WORK/clicks.csv") - 1 ))"
kill -0 "$APP_PID" && echo "node still up after the export"

echo "== partner API get_links without a limit (all 900,000 counted clicks, streamed by Clicks.eachOfPartner)"
CSRF=$(curl -s -b "$JAR_COOKIES" -c "$JAR_COOKIES" "http://127.0.0.1:$APP_PORT/account/api" \
  | sed -nE 's/.*name="_csrf"[^>]*value="([^"]+)".*/\1/p' | head -1)
KEY=$(curl -s -L -b "$JAR_COOKIES" -c "$JAR_COOKIES" --data-urlencode "_csrf=$CSRF" "http://127.0.0.1:$APP_PORT/account/api" \
  | sed -nE 's/.*id="api-key"[^>]*>([^<]+)<.*/\1/p' | head -1)
curl -s -o "$WORK/links.json" -w 'HTTP %{http_code}, %{size_download} bytes in %{time_total} s\n' \
  "http://127.0.0.1:$APP_PORT/service/partner/api.php?api_action=pp&api_key=$KEY&method=get_links"
echo "items: $(grep -o '"user_hash"' "$WORK/links.json" | wc -l)"
curl -s -w ' (%{time_total} s)\n' \
  "http://127.0.0.1:$APP_PORT/service/partner/api.php?api_action=pp&api_key=$KEY&method=get_links&limit=2" | cut -c1-300
kill -0 "$APP_PID" && echo "node still up (heap -Xmx256m)"
