#!/usr/bin/env bash
# Rate automation end to end: 2,000 directions with formulas over 50 symbols of one Binance-format source;
# the time from the source's answer to the new rates served in the feed.
#
# How to run:   bench/rates.sh [rounds, default 5]
#   JAVA=/path/to/bin/java picks the JVM (default `java`), HEAP=256m its -Xmx (default 512m); builds target/ratelink-*.jar when it is missing or
#   older than the sources. Needs curl and python3. Everything on 127.0.0.1: Ratelink on 18120 (H2 in
#   /tmp/ratelink-bench-rates), the stub source on 18121. Takes about a minute on an idle machine, most of it
#   start-up and the 2,000 direction PUTs (each validates its formula and bumps the catalogue revision).
#
# What it does: a stub answers /api/v3/ticker/bookTicker with 50 symbols (BS01USDT … BS50USDT) and logs the
# wall-clock time at which it first answered each new version of its body. Ratelink gets 90 currencies,
# a source `bench` (interval 1 s), 2,000 directions BCi → BFj with rateFormula `bench:BSiiUSDT.bid * 0.98…`
# and a feed profile. Each round the stub's prices move by +1 % (inside the 10 % jump guard); a client polls
# the TXT feed every 5 ms until it lists the new rate of the last direction, and the round's figure is
# (time the feed first showed every new rate) − (time the stub answered the new prices): poll parsing, the
# jump guard, 2,000 formulas, one catalogue transaction and one feed rebuild. The interval's wait before the
# poll is not counted (the stub's answer starts the clock). Goal: < 1 s.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
APP_PORT=18120
STUB_PORT=18121
TOKEN=bench-operator-token
WORK=/tmp/ratelink-bench-rates
APP="http://127.0.0.1:$APP_PORT"
API="$APP/api/operator/v1"
JAVA=${JAVA:-java}
rm -rf "$WORK"
mkdir -p "$WORK"
PIDS=()
cleanup() {
  [ ${#PIDS[@]} -gt 0 ] && kill "${PIDS[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

source bench/jar.sh

# The stub: serves $WORK/ticker.json; logs "version epoch-seconds" the first time it answers each version
# (the version is the first line of $WORK/version).
cat >"$WORK/stub.py" <<'PY'
import http.server, sys, time, os
work = sys.argv[1]
served = set()
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(os.path.join(work, "version")) as f:
            version = f.read().strip()
        with open(os.path.join(work, "ticker-%s.json" % version), "rb") as f:
            body = f.read()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        if version not in served:
            served.add(version)
            with open(os.path.join(work, "answers.log"), "a") as log:
                log.write("%s %.6f\n" % (version, time.time()))
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), H).serve_forever()
PY
ticker() { # version factor: writes the stub's body for that version
  python3 - "$WORK" "$1" "$2" <<'PY'
import sys, json
work, version, factor = sys.argv[1], sys.argv[2], float(sys.argv[3])
rows = []
for i in range(1, 51):
    bid = round((1000 + i * 37) * factor, 4)
    rows.append({"symbol": "BS%02dUSDT" % i, "bidPrice": "%.4f" % bid, "bidQty": "1.0",
                 "askPrice": "%.4f" % (bid * 1.001), "askQty": "1.0"})
open("%s/ticker-%s.json" % (work, version), "w").write(json.dumps(rows))
PY
}
ticker 0 1.0
echo 0 >"$WORK/version"
python3 "$WORK/stub.py" "$WORK" "$STUB_PORT" &
PIDS+=($!)

RATELINK_OPERATOR_TOKEN=$TOKEN "$JAVA" -Xmx"${HEAP:-512m}" -jar "$JAR" --server.port=$APP_PORT --server.address=127.0.0.1 \
  --ratelink.data-dir="$WORK/data" --ratelink.demo-data=false --ratelink.admin.password=bench-admin-password-1 \
  --logging.level.root=WARN >"$WORK/app.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 180); do
  curl -fs "$APP/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "$APP/actuator/health" >/dev/null || { echo "Ratelink did not start"; cat "$WORK/app.log"; exit 1; }

echo "== source, 90 currencies, 2,000 formula directions"
auth=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')
curl -fs -X PUT "${auth[@]}" -d "{\"type\":\"binance\",\"url\":\"http://127.0.0.1:$STUB_PORT/api/v3/ticker/bookTicker\",\"intervalSeconds\":1,\"maxAgeSeconds\":60,\"maxJumpPercent\":10}" \
  "$API/rate-sources/bench" >/dev/null
for _ in $(seq 1 50); do
  curl -fs "${auth[@]}" "$API/rate-sources/bench" | grep -q '"lastSuccessAt":"' && break
  sleep 0.2
done
start=$(date +%s)
awk -v api="$API" -v token="$TOKEN" 'BEGIN {
  first = 1
  for (i = 1; i <= 50; i++) req("currencies/BC" sprintf("%02d", i), "{\"name\":\"Bench coin " i "\",\"unit\":\"BTC\",\"scale\":8,\"reserve\":\"1000000\",\"usdRate\":\"1\",\"active\":true}")
  for (j = 1; j <= 40; j++) req("currencies/BF" sprintf("%02d", j), "{\"name\":\"Bench fiat " j "\",\"unit\":\"USD\",\"scale\":2,\"reserve\":\"100000000\",\"usdRate\":\"1\",\"active\":true}")
  for (i = 1; i <= 50; i++) for (j = 1; j <= 40; j++)
    req(sprintf("directions/BC%02d/BF%02d", i, j), sprintf("{\"minAmount\":\"0.001\",\"maxAmount\":\"10\",\"profitPercent\":\"1\",\"active\":true,\"rateFormula\":\"bench:BS%02dUSDT.bid * 0.98%02d\"}", i, j))
}
function req(path, body) {
  if (!first) print "next"
  first = 0
  gsub(/"/, "\\\"", body)
  printf "url = \"%s/%s\"\nrequest = \"PUT\"\nheader = \"Authorization: Bearer %s\"\n", api, path, token
  printf "header = \"Content-Type: application/json\"\noutput = \"/dev/null\"\nwrite-out = \"%%{http_code}\\n\"\n"
  printf "data = \"%s\"\n", body
}' >"$WORK/catalogue.curl"
curl -s -K "$WORK/catalogue.curl" >"$WORK/catalogue.codes"
bad=$(grep -vc '^200$' "$WORK/catalogue.codes" || true)
[ "$bad" = 0 ] || { echo "$bad catalogue requests failed"; sort "$WORK/catalogue.codes" | uniq -c; tail -20 "$WORK/app.log"; exit 1; }
echo "   $(wc -l <"$WORK/catalogue.codes") requests in $(( $(date +%s) - start )) s"
curl -fs -X PUT "${auth[@]}" -d '{"name":"Bench monitoring","enabled":true,"xmlFlavour":"classic"}' "$API/feeds/bench" >/dev/null
lines=$(curl -fs "$APP/service/export/txt/bench" | wc -l)
echo "   feed: $lines lines"
[ "$lines" -ge 2000 ] || { echo "expected 2,000 lines"; exit 1; }

echo "== $ROUNDS rounds: prices +1 % each, time from the stub's answer to the feed listing every new rate"
python3 - "$WORK" "$APP" "$ROUNDS" <<'PY'
import sys, time, os, urllib.request, statistics
work, app, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
def feed():
    with urllib.request.urlopen(app + "/service/export/txt/bench", timeout=5) as r:
        return r.read().decode()
results = []
for v in range(1, rounds + 1):
    factor = 1.01 ** v
    rows = []
    import json
    for i in range(1, 51):
        bid = round((1000 + i * 37) * factor, 4)
        rows.append({"symbol": "BS%02dUSDT" % i, "bidPrice": "%.4f" % bid, "bidQty": "1.0",
                     "askPrice": "%.4f" % (bid * 1.001), "askQty": "1.0"})
    open("%s/ticker-%d.json" % (work, v), "w").write(json.dumps(rows))
    open("%s/version" % work, "w").write(str(v))
    # The last direction BC50 -> BF40: bid of BS50 times 0.9840; its line is the last one written.
    from decimal import Decimal
    def line(i, j):
        price = Decimal("%.4f" % round((1000 + i * 37) * factor, 4)) * Decimal("0.98%02d" % j)
        text = format(price, "f")
        text = text.rstrip("0").rstrip(".") if "." in text else text
        return "BC%02d;BF%02d;1;%s;" % (i, j, text)
    want, want_first = line(50, 40), line(1, 1)
    deadline = time.time() + 20
    while True:
        body = feed()
        if want in body and want_first in body:
            seen = time.time()
            break
        if time.time() > deadline:
            print("round %d: feed never showed %s" % (v, want)); sys.exit(1)
        time.sleep(0.005)
    answered = None
    for line in open(os.path.join(work, "answers.log")):
        ver, at = line.split()
        if int(ver) == v:
            answered = float(at)
    ms = (seen - answered) * 1000
    results.append(ms)
    print("   round %d: %.0f ms from the source's answer to the new feed served" % (v, ms))
    time.sleep(1.2)
print("   median %.0f ms, min %.0f ms, max %.0f ms (goal < 1000 ms)" % (statistics.median(results), min(results), max(results)))
PY
