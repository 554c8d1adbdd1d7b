#!/usr/bin/env bash
# SSR benchmark: the connections page rendered on the server for a 10,000-connection estate,
# under 32 concurrent clients (wrk, another process), against a baseline measured in the same
# run under the same load: /healthz (no rendering, no database) and a static file.
#
#   scripts/bench-ssr.sh                 # builds the release site, then measures
#   BENCH_NO_BUILD=1 scripts/bench-ssr.sh   # reuse target/release/gatewatch and target/site
#   BENCH_ESTATE=20,5,5,10 BENCH_DURATION=20s scripts/bench-ssr.sh
#   BENCH_LIVE_SYNC=1 BENCH_DURATION=30s scripts/bench-ssr.sh   # the sync at its defaults
#
# The estate is the built-in emulator's (demo mode), synced into the embedded PostgreSQL
# before measuring; the background sync is then slowed to once an hour so the figures are
# the page's, not the crawl's. With BENCH_LIVE_SYNC=1 it keeps its default cadence (a hot
# cycle every 30 s, a cold one every 10 min), as a served dashboard runs: give each window
# at least 30 s so it holds a hot cycle. wrk, gatewatch and PostgreSQL share the same
# machine's cores.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[ -f .tools/toolchain.env ] && source .tools/toolchain.env
export PATH="$ROOT/.tools/bin:$HOME/.cargo/bin:$PATH"

# Per cloud: accounts, regions, gateways per region, connections per gateway.
# 20 × 5 × 5 × 10 = 5,000 per cloud, 10,000 for both clouds.
ESTATE=${BENCH_ESTATE:-20,5,5,10}
DURATION=${BENCH_DURATION:-20s}
IFS=, read -r A R G C <<<"$ESTATE"
EXPECTED=$((2 * A * R * G * C))

if ! command -v wrk >/dev/null; then
  echo "==> apt-get install wrk"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
fi
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  echo "==> cargo leptos build --release --precompress"
  cargo leptos build --release --precompress
fi

DATA=$(mktemp -d -t gatewatch-bench-XXXXXX)
# As root the embedded cluster runs as the postgres account, which must enter this dir.
chmod 755 "$DATA"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
echo "==> gatewatch on $BASE, estate $ESTATE ($EXPECTED connections), data in $DATA"
if [ -z "${BENCH_LIVE_SYNC:-}" ]; then
  export GATEWATCH_SYNC__HOT_INTERVAL_SECS=3600 GATEWATCH_SYNC__COLD_INTERVAL_SECS=3600
fi
GATEWATCH_DEMO__SIZE="$ESTATE" GATEWATCH_SITE_ROOT="$ROOT/target/site" DATABASE_URL='' RUST_LOG=warn \
  target/release/gatewatch --listen "127.0.0.1:$PORT" --data-dir "$DATA" >"$DATA/server.log" 2>&1 &
SERVER=$!
stop() {
  kill -INT "$SERVER" 2>/dev/null && wait "$SERVER" || true
  rm -rf "$DATA"
}
trap stop EXIT

# The first sync of every (account, region, kind) writes the whole estate; wait for it. The
# page counts every connection each time the store changed, so look only every 10 s: polling
# faster slows the very sync it waits for.
start=$(date +%s)
total=0
while :; do
  if ! kill -0 "$SERVER" 2>/dev/null; then
    echo "gatewatch exited during start-up:" >&2
    cat "$DATA/server.log" >&2
    exit 1
  fi
  total=$(curl -fsS "$BASE/connections" 2>/dev/null | grep -o '[0-9]* connection(s)' | grep -o '^[0-9]*' || true)
  [ "${total:-0}" -ge "$EXPECTED" ] && break
  if [ $(($(date +%s) - start)) -gt 900 ]; then
    echo "only ${total:-0} of $EXPECTED connections synced after 900 s" >&2
    exit 1
  fi
  sleep 10
done
echo "==> $total connections synced in $(($(date +%s) - start)) s"
# Let the tail of the first crawl (routes, BGP, cold kinds) finish before measuring, and the
# work PostgreSQL does once after importing ~130,000 rows (autovacuum's first pass, the
# statistics): measured inside the window, that one-off CPU made the p99 52-54 ms where the
# settled page had 37-43 ms (26 Nov, two runs of the same build).
SETTLE=${BENCH_SETTLE_SECS:-60}
echo "==> letting the first import settle for $SETTLE s"
sleep "$SETTLE"
# Then until autovacuum's first pass over the imported rows is done: it starts a minute or
# more after the import (autovacuum_naptime) and took a core for seconds inside the first
# window measured (26 Nov: pg_stat_activity showed "VACUUM ANALYZE public.resource" during
# the one window at 86-252 ms; the same URL measured again straight after gave 42-44 ms).
pg_query() {
  PGPASSWORD=$(cat "$DATA/postgres/password") psql -h 127.0.0.1 \
    -p "$(sed -n 4p "$DATA/postgres/cluster/postmaster.pid")" -U gatewatch -d gatewatch -Atc "$1"
}
waited=0
until [ "$(pg_query "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('resource', 'config_change') AND last_autovacuum IS NOT NULL")" = 2 ] \
  && [ "$(pg_query "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")" = 0 ]; do
  if [ "$waited" -ge 600 ]; then
    echo "autovacuum had not passed over the imported tables after 600 s more; measuring anyway" >&2
    break
  fi
  sleep 5
  waited=$((waited + 5))
done
echo "==> autovacuum's first pass done ($waited s more)"

# wrk's latency figures, converted to milliseconds.
ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
    printf "%.2f", n }'
}
declare -A P50 P99 RPS
measure() {
  local name=$1 url=$2 out
  shift 2
  out=$(wrk -t2 -c32 -d"$DURATION" --latency "$@" "$url")
  if grep -q 'Non-2xx' <<<"$out"; then
    echo "$name: wrk saw error responses:" >&2
    echo "$out" >&2
    exit 1
  fi
  P50[$name]=$(ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  P99[$name]=$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  RPS[$name]=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  printf '%-34s p50 %8s ms   p99 %8s ms   %9s req/s\n' "$name" "${P50[$name]}" "${P99[$name]}" "${RPS[$name]}"
}

echo "==> wrk -t2 -c32 -d$DURATION --latency (2 threads, 32 connections), one URL after the other"
# Warm the pool and caches so the first measured run is not the cold start.
wrk -t2 -c32 -d3s "$BASE/connections" >/dev/null
measure "/healthz" "$BASE/healthz"
measure "/pkg/gatewatch.css" "$BASE/pkg/gatewatch.css"
measure "/connections" "$BASE/connections"
# As a browser asks for it: the answer is compressed (brotli), which costs CPU per page.
measure "/connections, brotli" "$BASE/connections" -H "Accept-Encoding: gzip, deflate, br, zstd"
measure "/connections?q=frankfurt" "$BASE/connections?q=frankfurt"
measure "/connections?cloud=huawei&sort=name&page=20" "$BASE/connections?cloud=huawei&sort=name&page=20"

echo
echo "| URL | p50 ms | p99 ms | req/s | p99 / healthz p99 |"
echo "| --- | ---: | ---: | ---: | ---: |"
for name in "/healthz" "/pkg/gatewatch.css" "/connections" "/connections, brotli" "/connections?q=frankfurt" "/connections?cloud=huawei&sort=name&page=20"; do
  ratio=$(awk -v a="${P99[$name]}" -v b="${P99[/healthz]}" 'BEGIN { printf "%.1f", a / b }')
  echo "| \`$name\` | ${P50[$name]} | ${P99[$name]} | ${RPS[$name]} | $ratio |"
done
echo
echo "estate: $total connections ($ESTATE per cloud); $(nproc) cores shared by wrk, gatewatch and PostgreSQL"
if [ -n "${BENCH_LIVE_SYNC:-}" ]; then
  echo "sync: default cadence (hot every 30 s, cold every 10 min), running throughout"
else
  echo "sync: slowed to hourly after the first crawl"
fi
