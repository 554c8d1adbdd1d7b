#!/usr/bin/env bash
# Soak run (issue 10, not in CI): gatewatch's sync engine and HTTP server (release build,
# server/examples/soak.rs) against a standalone emulator with a 5,000-connection estate whose
# clock runs SOAK_SCALE times faster than real time, for the equivalent of 24 hours of hot
# polling every 30 s (2,880 hot cycles) or SOAK_MINUTES, whichever comes first. Samples the
# server's resident memory, checks that history retention prunes, writes SOAK.md.
#   SOAK_SCALE=24  SOAK_MINUTES=80  SOAK_SIZE=5,2,5,50  SOAK_RETENTION_SECS=300  SOAK_NO_BUILD=0
# At ×24 the engine polls every 1.25 s, so 2,880 hot cycles are exactly one simulated day: the
# day of polling is both simulated (the emulator's clock and dynamics) and really done.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# shellcheck source=/dev/null
source "$ROOT/.tools/toolchain.env"
export PATH="$ROOT/.tools/bin:$HOME/.cargo/bin:$PATH"

SCALE=${SOAK_SCALE:-24}                 # 24 h of simulated time in 60 minutes
MINUTES=${SOAK_MINUTES:-80}
# 5 accounts × 2 regions × 5 gateways × 50 connections = 2,500 per cloud, 5,000 in all.
SIZE=${SOAK_SIZE:-5,2,5,50}
RETENTION=${SOAK_RETENTION_SECS:-300}
HOT_MS=$(( 30000 / SCALE ))

# SOAK_NO_BUILD=1 reuses the binaries already built (a release build takes ~20 min here).
[ "${SOAK_NO_BUILD:-0}" = 1 ] || cargo build --release --locked -p server --bin gatewatch --example soak
work=$(mktemp -d -t gatewatch-soak.XXXXXX)
: > "$work/minutes.log"
# Private copies: another build must not swap the binaries under a running soak.
cp target/release/gatewatch target/release/examples/soak "$work/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$work/gatewatch" emulator --listen "127.0.0.1:$port" --size "$SIZE" \
  --time-scale "$SCALE" --seed 7 >"$work/emulator.log" 2>&1 &
emu=$!
cleanup() {
  kill "$emu" 2>/dev/null || true
  if [ -n "${soak:-}" ]; then kill "$soak" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/_emulator/state" >/dev/null && break; sleep 0.2; done

started=$(date +%s)
SOAK_EMULATOR="http://127.0.0.1:$port" SOAK_DATA_DIR="$work/data" SOAK_HOT_MS=$HOT_MS \
  SOAK_MINUTES=$MINUTES SOAK_RETENTION_SECS=$RETENTION RUST_LOG=warn \
  "$work/soak" >"$work/soak.log" 2>"$work/soak.err" &
soak=$!
loads=()
while kill -0 "$soak" 2>/dev/null; do
  loads+=("$(cut -d' ' -f1 /proc/loadavg)")
  emu_rss=$(awk '/VmRSS/ {print $2}' "/proc/$emu/status" 2>/dev/null || echo 0)
  # CPU time used so far ([dd-]hh:mm:ss) by the server side and by the emulator.
  cpu="server_cpu=$(ps -o times= -p "$soak" | tr -d ' ')s emulator_cpu=$(ps -o times= -p "$emu" | tr -d ' ')s"
  last=$(grep SOAK-SAMPLE "$work/soak.log" | tail -n1 || true)
  [ -z "$last" ] || echo "$last emulator_rss_kib=$emu_rss $cpu" | tee -a "$work/minutes.log"
  sleep 60
done
wait "$soak" || { cat "$work/soak.err"; exit 1; }
took=$(( $(date +%s) - started ))
result() { grep "^SOAK-RESULT $1=" "$work/soak.log" | sed "s/^SOAK-RESULT //"; }
value() { result "$1" | sed "s/^$1=\([^ ]*\).*/\1/"; }
cycles=$(value hot_cycles)
old=$(result history_rows | sed 's/.*older_than_retention=\([0-9]*\).*/\1/')

{
  echo "# Soak run"
  echo
  echo "Written by \`scripts/soak.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): ${took} s of real time."
  echo "Estate $SIZE (accounts, regions, gateways, connections per cloud: $(( $(echo "$SIZE" | tr ',' '*') * 2 )) connections),"
  echo "emulator clock ×$SCALE (a simulated day in $(( 86400 / SCALE / 60 )) minutes, tunnel and BGP dynamics"
  echo "×$SCALE), engine hot cadence ${HOT_MS} ms (30 s / $SCALE) and cold 20 × that; history retention"
  echo "${RETENTION} s, pruned every 30 s (the server's own prune, with minutes instead of days)."
  echo "Machine: $(nproc) cores; load average (1 min) sampled"
  echo "every minute: ${loads[*]:-n/a}."
  echo
  echo "| figure | value |"
  echo "| --- | --- |"
  grep '^SOAK-RESULT ' "$work/soak.log" | sed -e 's/^SOAK-RESULT \([a-z_]*\)=\(.*\)$/| \1 | \2 |/'
  echo
  echo "Hot cycles completed by every (account, region): $cycles of 2,880 (24 h at 30 s)."
  echo "History rows older than the retention at the end: $old (must be 0)."
  echo
  echo "## Samples (once a minute, with the emulator's memory and both processes' CPU seconds)"
  echo
  echo '```'
  cat "$work/minutes.log"
  echo '```'
} > SOAK.md
echo "SOAK.md written"
[ "$old" = 0 ]
